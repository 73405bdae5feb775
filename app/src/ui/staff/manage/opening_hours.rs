//! The "Opening hours" section of the management page: the shop's time zone, each
//! day's openings typed as `11:30-14:30, 18:00-23:00` (empty: closed) and the closure
//! days, saved with `UpdateShopHours`; it says whether the shop is open now.

use super::fields::{Feedback, Field, checked, invalid, summary};
use crate::api::{get_shop_hours, update_shop_hours};
use crate::contracts::{
    DAY_NAMES, Opening, OpeningHours, ShopHours, UpdateShopHours, WEEKDAYS, WeeklyHours,
};
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use chrono::NaiveDate;
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use mediator::FieldError;

/// The section, with the hours as stored.
#[component]
pub(super) fn HoursSection() -> impl IntoView {
    let hours = server_resource(|| (), |()| get_shop_hours());
    view! {
        <section class="manage-section" id="hours" aria-labelledby="hours-heading">
            <div class="section-head">
                <div>
                    <h2 id="hours-heading">"Opening hours"</h2>
                    <p class="section-note">
                        "Orders are taken only while the shop is open, on the shop's clock."
                    </p>
                </div>
            </div>
            <Transition fallback=|| view! { <Loading text="Loading the hours…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match hours.await {
                        Ok(hours) => Either::Left(view! { <HoursForm hours/> }),
                        Err(error) => Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
        </section>
    }
}

/// Each weekday's field, as the server's messages name it; Monday first, as
/// [`WEEKDAYS`] and [`DAY_NAMES`].
const DAY_FIELDS: [&str; 7] = [
    "weekly.monday",
    "weekly.tuesday",
    "weekly.wednesday",
    "weekly.thursday",
    "weekly.friday",
    "weekly.saturday",
    "weekly.sunday",
];

/// What the form holds, as typed: the zone, one line per weekday, the closure days.
pub(super) struct HoursDraft {
    pub timezone: String,
    pub days: [String; 7],
    pub closures: String,
}

impl HoursDraft {
    fn of(hours: &ShopHours) -> Self {
        Self {
            timezone: hours.timezone.clone(),
            days: WEEKDAYS.map(|(day, _)| openings_text(hours.weekly.day(day))),
            closures: hours
                .closures
                .iter()
                .map(NaiveDate::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The command the form describes, or every error in it.
    pub(super) fn command(&self) -> Result<UpdateShopHours, Vec<FieldError>> {
        let mut errors = Vec::new();
        let [
            monday,
            tuesday,
            wednesday,
            thursday,
            friday,
            saturday,
            sunday,
        ] = std::array::from_fn(|index| {
            let field = DAY_FIELDS[index];
            parse_openings(&self.days[index]).unwrap_or_else(|| {
                errors.push(FieldError::new(
                    field,
                    "Write openings as 11:00-22:00, separated by commas; leave empty when closed.",
                ));
                Vec::new()
            })
        });
        let closures = self
            .closures
            .split(',')
            .map(str::trim)
            .filter(|day| !day.is_empty())
            .map(|day| day.parse::<NaiveDate>())
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|_| {
                errors.push(FieldError::new(
                    "closures",
                    "Write dates as 2026-12-25, separated by commas.",
                ));
                Vec::new()
            });
        let command = UpdateShopHours {
            hours: OpeningHours {
                timezone: self.timezone.trim().to_owned(),
                weekly: WeeklyHours {
                    monday,
                    tuesday,
                    wednesday,
                    thursday,
                    friday,
                    saturday,
                    sunday,
                },
                closures,
            },
        };
        checked(command, errors)
    }
}

/// `11:30-14:30, 18:00-23:00`.
fn openings_text(openings: &[Opening]) -> String {
    openings
        .iter()
        .map(|opening| format!("{}-{}", opening.opens, opening.closes))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The openings of `11:30-14:30, 18:00-23:00`; `None` for a piece that is not two times.
fn parse_openings(text: &str) -> Option<Vec<Opening>> {
    text.split(',')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (opens, closes) = piece.split_once(['-', '–'])?;
            Some(Opening::new(opens.trim(), closes.trim()))
        })
        .collect()
}

/// The form; saving says whether the shop is open now.
#[component]
fn HoursForm(hours: ShopHours) -> impl IntoView {
    let draft = HoursDraft::of(&hours);
    let timezone = RwSignal::new(draft.timezone);
    let days = draft.days.map(RwSignal::new);
    let closures = RwSignal::new(draft.closures);
    let feedback: Feedback = RwSignal::new(None);
    let status = RwSignal::new(Some(hours.standing()));
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = HoursDraft {
            timezone: timezone.get_untracked(),
            days: days.map(|day| day.get_untracked()),
            closures: closures.get_untracked(),
        };
        status.set(None);
        match typed.command() {
            Err(errors) => feedback.set(Some(invalid(errors))),
            Ok(command) => {
                feedback.set(None);
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let outcome = update_shop_hours(command.hours).await;
                    if busy.is_disposed() {
                        return;
                    }
                    busy.set(false);
                    match outcome {
                        Ok(hours) => status.set(Some(format!("Saved. {}", hours.standing()))),
                        Err(error) => feedback.set(Some(error)),
                    }
                });
            }
        }
    };

    let day_fields = DAY_FIELDS
        .iter()
        .zip(DAY_NAMES)
        .zip(days)
        .map(|((field, label), value)| {
            let id = format!("hours-{}", label.to_lowercase());
            view! { <Field label field=*field id value feedback/> }
        })
        .collect_view();

    view! {
        <form class="card hours-form" novalidate on:submit=submit aria-labelledby="hours-form-heading">
            <h3 id="hours-form-heading">"When orders are taken"</h3>
            <p class="section-note">
                "Each day: openings such as 11:30-14:30, 18:00-23:00; empty when closed. "
                "An opening may run past midnight (18:00-02:00)."
            </p>
            {move || feedback.get().map(|error| view! { <p class="alert" role="alert">{summary(&error)}</p> })}
            <div class="edit-grid">
                <Field label="Time zone" field="timezone" id="hours-timezone" value=timezone feedback
                    hint="An IANA name, such as Europe/Rome or America/New_York."/>
                {day_fields}
                <Field label="Closed on" field="closures" id="hours-closures" value=closures feedback
                    hint="Dates such as 2026-12-25, separated by commas."/>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || busy.get()>"Save hours"</button>
                <p class="form-status" role="status">{move || status.get()}</p>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn typed(monday: &str, closures: &str) -> HoursDraft {
        let mut days: [String; 7] = Default::default();
        days[0] = monday.into();
        days[4] = "18:00-02:00".into();
        HoursDraft {
            timezone: "Europe/Rome".into(),
            days,
            closures: closures.into(),
        }
    }

    #[test]
    fn each_day_is_typed_as_openings_separated_by_commas() {
        let command = typed("11:30-14:30, 18:00 – 23:00", "2026-12-25, 2027-01-01")
            .command()
            .unwrap();
        let weekly = &command.hours.weekly;
        assert_eq!(
            weekly.monday,
            [
                Opening::new("11:30", "14:30"),
                Opening::new("18:00", "23:00")
            ]
        );
        assert_eq!(weekly.friday, [Opening::new("18:00", "02:00")]);
        assert!(weekly.tuesday.is_empty());
        assert_eq!(command.hours.closures.len(), 2);
        assert_eq!(openings_text(&weekly.monday), "11:30-14:30, 18:00-23:00");
    }

    #[test]
    fn every_broken_field_is_named() {
        let fields = failing_fields(typed("eleven to ten", "Christmas").command());
        assert_eq!(fields, ["weekly.monday", "closures"]);
        let fields = failing_fields(typed("22:00-22:00", "").command());
        assert_eq!(fields, ["weekly.monday[0].closes"]);
    }
}
