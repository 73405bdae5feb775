//! The promo codes: every code with its discount, limits and uses, a button that deletes
//! one, and the form that creates one (what `AddPromoCode` takes; the last valid day is
//! typed as a date and ends at the shop's midnight).

use super::fields::{Feedback, Field, checked, invalid, parse_price, summary};
use crate::api::{add_promo_code, list_promo_codes, remove_promo_code};
use crate::contracts::{AddPromoCode, DiscountKind, PromoCode, ShopZone};
use crate::ui::erase::Erase;
use crate::ui::format::{iso_day, money};
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use crate::ui::shop_zone::shop_zone;
use chrono::{DateTime, Days, NaiveDate, Utc};
use leptos::either::EitherOf3;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use mediator::FieldError;

/// The list and the form; `seen` counts changes, so the list reloads after each.
#[component]
pub(super) fn PromoCodes() -> impl IntoView {
    let seen = RwSignal::new(0_u32);
    let codes = server_resource(move || seen.get(), list_promo_codes);
    let status = RwSignal::new(None::<String>);
    view! {
        <div class="promo-codes">
            <h3>"Promo codes"</h3>
            <Transition fallback=|| view! { <Loading text="Loading the codes…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match codes.await {
                        Ok(codes) if codes.is_empty() => EitherOf3::A(view! {
                            <p class="notice">"No promo codes yet."</p>
                        }),
                        Ok(codes) => EitherOf3::B(view! { <CodeList codes seen status/> }),
                        Err(error) => EitherOf3::C(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
            <p class="form-status" role="status">{move || status.get()}</p>
            <AddCodeForm seen status/>
        </div>
    }
}

#[component]
fn CodeList(
    codes: Vec<PromoCode>,
    seen: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let rows = codes.into_iter().map(|promo| {
        let code = promo.code.clone();
        let remove = move |_| {
            let code = code.clone();
            leptos::task::spawn_local(async move {
                let outcome = remove_promo_code(code.clone()).await;
                if seen.is_disposed() {
                    return;
                }
                status.set(Some(match outcome {
                    Ok(()) => format!("{code} was deleted."),
                    Err(error) => error.to_string(),
                }));
                seen.update(|n| *n += 1);
            });
        };
        view! {
            <tr>
                <th scope="row"><code>{promo.code.clone()}</code></th>
                <td>{discount(&promo)}</td>
                <td>{limits(&promo)}</td>
                <td class="num">{promo.uses}</td>
                <td><button type="button" class="button button-small button-danger"
                    aria-label=format!("Delete {}", promo.code) on:click=remove>"Delete"</button></td>
            </tr>
        }
    });
    view! {
        <div class="table-scroll">
            <table class="promo-table">
                <thead><tr><th scope="col">"Code"</th><th scope="col">"Discount"</th>
                    <th scope="col">"Limits"</th><th scope="col" class="num">"Used"</th><th scope="col"></th></tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
}

/// "10 % off" or "$5.00 off".
fn discount(promo: &PromoCode) -> String {
    match promo.kind {
        DiscountKind::Percent => format!("{} % off", promo.value.normalize()),
        DiscountKind::Amount => format!("{} off", money(promo.value)),
    }
}

/// "from $20.00 · until 2026-12-31 · 100 uses", or "none".
fn limits(promo: &PromoCode) -> String {
    let mut parts = Vec::new();
    if let Some(least) = promo.min_subtotal {
        parts.push(format!("from {}", money(least)));
    }
    if let Some(from) = promo.valid_from {
        parts.push(format!("starts {}", iso_day(from)));
    }
    if let Some(until) = promo.valid_until {
        // Stored as the first moment it no longer applies: the minute before is in the
        // last day (a day back could be two days back, after a 23-hour day).
        let last = until - chrono::TimeDelta::minutes(1);
        parts.push(format!("until {}", iso_day(last)));
    }
    if let Some(most) = promo.max_uses {
        parts.push(format!("{most} uses"));
    }
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(" · ")
    }
}

/// What the add form holds, as typed.
pub(super) struct NewCode {
    pub code: String,
    pub percent: bool,
    pub value: String,
    pub max_uses: String,
    pub min_subtotal: String,
    pub last_day: String,
}

impl NewCode {
    /// The command the form describes, or every error in it.
    /// `zone` is the shop's: the last day ends at its midnight.
    pub(super) fn command(&self, zone: &ShopZone) -> Result<AddPromoCode, Vec<FieldError>> {
        let mut errors = Vec::new();
        let value = parse_price("value", &self.value).unwrap_or_else(|error| {
            errors.push(error);
            rust_decimal::Decimal::ONE
        });
        let max_uses = optional(&self.max_uses).and_then(|text| {
            text.parse::<u32>()
                .map_err(|_| {
                    errors.push(FieldError::new("max_uses", "Enter a whole number of uses."))
                })
                .ok()
        });
        let min_subtotal = optional(&self.min_subtotal).and_then(|text| {
            parse_price("min_subtotal", text)
                .map_err(|e| errors.push(e))
                .ok()
        });
        let valid_until = optional(&self.last_day).and_then(|text| {
            end_of(zone, text)
                .ok_or_else(|| errors.push(FieldError::new("valid_until", "Pick a day.")))
                .ok()
        });
        let command = AddPromoCode {
            code: self.code.trim().to_owned(),
            kind: if self.percent {
                DiscountKind::Percent
            } else {
                DiscountKind::Amount
            },
            value,
            valid_from: None,
            valid_until,
            max_uses,
            min_subtotal,
        };
        checked(command, errors)
    }
}

fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|text| !text.is_empty())
}

/// The end of the shop's day `date` (`2026-12-31`): its midnight after it. Read by hand,
/// as `format` spells days: chrono's parser would cost the wasm bundle tens of kilobytes.
fn end_of(zone: &ShopZone, date: &str) -> Option<DateTime<Utc>> {
    let mut parts = date.split('-').map(|part| part.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(zone.instant(day.checked_add_days(Days::new(1))?.and_hms_opt(0, 0, 0)?))
}

#[component]
fn AddCodeForm(seen: RwSignal<u32>, status: RwSignal<Option<String>>) -> impl IntoView {
    let [code, value, max_uses, min_subtotal, last_day] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let percent = RwSignal::new(true);
    let feedback: Feedback = RwSignal::new(None);
    let zone = shop_zone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = NewCode {
            code: code.get_untracked(),
            percent: percent.get_untracked(),
            value: value.get_untracked(),
            max_uses: max_uses.get_untracked(),
            min_subtotal: min_subtotal.get_untracked(),
            last_day: last_day.get_untracked(),
        };
        match typed.command(&zone) {
            Err(errors) => feedback.set(Some(invalid(errors))),
            Ok(command) => {
                feedback.set(None);
                leptos::task::spawn_local(async move {
                    let outcome = add_promo_code(command).await;
                    if seen.is_disposed() {
                        return;
                    }
                    match outcome {
                        Ok(promo) => {
                            status.set(Some(format!(
                                "{} is ready: {}.",
                                promo.code,
                                discount(&promo)
                            )));
                            for field in [code, value, max_uses, min_subtotal, last_day] {
                                field.set(String::new());
                            }
                            seen.update(|n| *n += 1);
                        }
                        Err(error) => feedback.set(Some(error)),
                    }
                });
            }
        }
    };
    view! {
        <form class="card add-form" novalidate on:submit=submit aria-labelledby="add-code-heading">
            <h4 id="add-code-heading">"New promo code"</h4>
            {move || feedback.get().map(|error| view! { <p class="alert" role="alert">{summary(&error)}</p> })}
            <div class="edit-grid">
                <Field label="Code" field="code" id="code-code" value=code feedback hint="3 to 20 letters or digits."/>
                // The select sits inside its label, not beside a `<label for>`: measured on
                // 2026-12-07, that markup here put 20 KB into the main wasm module.
                <label class="field">"Kind"
                    <select name="kind" on:change=move |ev| percent.set(event_target_value(&ev) == "percent")>
                        <option value="percent" selected=true>"Percent off"</option>
                        <option value="amount">"Amount off"</option>
                    </select>
                </label>
                <Field label="Value" field="value" id="code-value" value feedback inputmode="decimal"
                    hint="A percentage (10) or an amount (5.00)."/>
                <Field label="Most uses" field="max_uses" id="code-uses" value=max_uses feedback inputmode="numeric"
                    hint="Empty: any number."/>
                <Field label="Least order" field="min_subtotal" id="code-least" value=min_subtotal feedback
                    inputmode="decimal" hint="The pizzas' price it needs. Empty: any."/>
                <Field label="Last day" field="valid_until" id="code-until" value=last_day feedback
                    hint="YYYY-MM-DD, the last day it applies. Empty: no end."/>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">"Create code"</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn typed() -> NewCode {
        NewCode {
            code: " spring10 ".into(),
            percent: true,
            value: "10".into(),
            max_uses: "100".into(),
            min_subtotal: "".into(),
            last_day: "2026-12-31".into(),
        }
    }

    #[test]
    fn a_complete_form_is_a_command_ending_after_its_last_day() {
        let command = typed().command(&ShopZone::default()).unwrap();
        assert_eq!(
            (command.code.as_str(), command.max_uses),
            ("spring10", Some(100))
        );
        let until = command.valid_until.unwrap();
        assert_eq!(iso_day(until), "2027-01-01");
        let utc = ShopZone::default();
        assert_eq!(end_of(&utc, "2026-02-30"), None);
        assert_eq!(end_of(&utc, "2026-12-31-1"), None);
        let promo = PromoCode {
            code: "SPRING10".into(),
            kind: command.kind,
            value: command.value,
            valid_from: None,
            valid_until: Some(until),
            max_uses: command.max_uses,
            min_subtotal: None,
            uses: 0,
        };
        assert_eq!(
            (discount(&promo), limits(&promo)),
            ("10 % off".into(), "until 2026-12-31 · 100 uses".into())
        );
    }

    #[test]
    fn the_last_day_ends_at_the_shops_midnight() {
        // Chicago keeps UTC-6 in winter.
        let chicago = ShopZone::fixed("America/Chicago", -6 * 3600);
        let until = typed().command(&chicago).unwrap().valid_until.unwrap();
        assert_eq!(until.to_rfc3339(), "2027-01-01T06:00:00+00:00");
        crate::ui::shop_zone::with_shop_zone(chicago, || {
            let promo = PromoCode {
                code: "SPRING10".into(),
                kind: DiscountKind::Percent,
                value: rust_decimal::Decimal::TEN,
                valid_from: None,
                valid_until: Some(until),
                max_uses: None,
                min_subtotal: None,
                uses: 0,
            };
            assert_eq!(limits(&promo), "until 2026-12-31");
        });
    }

    #[test]
    fn every_broken_field_is_named() {
        let broken = NewCode {
            code: "x".into(),
            value: "lots".into(),
            max_uses: "many".into(),
            last_day: "soon".into(),
            ..typed()
        };
        let fields = failing_fields(broken.command(&ShopZone::default()));
        assert_eq!(fields, ["value", "max_uses", "valid_until", "code"]);
    }
}
