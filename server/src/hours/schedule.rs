//! [`Schedule`]: the opening hours read in the shop's time zone. Pure: whether the shop
//! is open at an instant, when the opening it is in ends, when it opens next, and the
//! seed's kind of message for a customer who came while it is closed.
//!
//! Each opening belongs to the day it opens on; a closure day cancels the openings that
//! start on it. Local times become instants through the zone, across daylight-saving
//! changes: a time the clocks skip (02:30 on the spring-forward night) is taken as the
//! first minute after the gap, and a time they pass twice (01:30 in the autumn) as the
//! first of the two.

use crate::hours::zone_offsets::zone_offsets;
use app::contracts::{MINUTES_A_DAY, Opening, OpeningHours, ShopZone};
use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta,
    TimeZone, Utc,
};
use chrono_tz::Tz;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

/// How far ahead the next opening is looked for.
const LOOK_AHEAD_DAYS: u64 = 400;

/// The opening hours of a shop, in its zone.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Schedule {
    pub hours: OpeningHours,
    pub zone: Tz,
    closures: BTreeSet<NaiveDate>,
    /// The zone's offsets around the first time a page asked for them.
    offsets: OnceLock<Arc<ShopZone>>,
}

/// Why [`Schedule::new`] refused some hours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ScheduleError {
    #[error("{0:?} is not a time zone name like Europe/Rome or America/New_York")]
    UnknownZone(String),
    #[error("an opening is not HH:MM to a different HH:MM")]
    BadOpening,
}

impl Schedule {
    /// `hours` in their zone; an error for a zone the time zone database does not know,
    /// or an opening that is not valid (`UpdateShopHours::validate` refuses those).
    pub(crate) fn new(hours: OpeningHours) -> Result<Self, ScheduleError> {
        let zone: Tz = hours
            .timezone
            .trim()
            .parse()
            .map_err(|_| ScheduleError::UnknownZone(hours.timezone.clone()))?;
        let all_valid = app::contracts::WEEKDAYS
            .iter()
            .flat_map(|(day, _)| hours.weekly.day(*day))
            .all(|opening| opening.span().is_some());
        if !all_valid {
            return Err(ScheduleError::BadOpening);
        }
        let closures = hours.closures.iter().copied().collect();
        Ok(Self {
            hours,
            zone,
            closures,
            offsets: OnceLock::new(),
        })
    }

    /// The openings that start on the local `date`, as instants, in order.
    fn openings_on(&self, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        if self.closures.contains(&date) {
            return Vec::new();
        }
        self.hours
            .weekly
            .day(date.weekday())
            .iter()
            .filter_map(Opening::span)
            .map(|(opens, closes)| (self.instant(date, opens), self.instant(date, closes)))
            .filter(|(opens, closes)| opens < closes)
            .collect()
    }

    /// The instant `minutes` after the local midnight that starts `date`.
    fn instant(&self, date: NaiveDate, minutes: u16) -> DateTime<Utc> {
        let days = u64::from(minutes / MINUTES_A_DAY);
        let date = date.checked_add_days(Days::new(days)).unwrap_or(date);
        let minutes = u32::from(minutes % MINUTES_A_DAY);
        let time = NaiveTime::from_num_seconds_from_midnight_opt(minutes * 60, 0)
            .unwrap_or(NaiveTime::MIN);
        local_instant(self.zone, date.and_time(time))
    }

    /// The local date of `at`.
    fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone).date_naive()
    }

    /// The end of the opening `at` falls in, or `None` while closed. An opening that
    /// began the day before (past midnight) counts.
    fn end_of_opening(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let today = self.local_date(at);
        let yesterday = today.pred_opt().unwrap_or(today);
        [yesterday, today]
            .into_iter()
            .flat_map(|date| self.openings_on(date))
            .filter(|(opens, closes)| *opens <= at && at < *closes)
            .map(|(_, closes)| closes)
            .max()
    }

    /// When the shop closes, open at `at`: the end of its opening, or of the openings
    /// that follow it without a break (a week of them at most); `None` while closed.
    pub(crate) fn closes_at(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut end = self.end_of_opening(at)?;
        for _ in 0..7 {
            match self.end_of_opening(end) {
                Some(later) if later > end => end = later,
                _ => break,
            }
        }
        Some(end)
    }

    /// Whether the shop takes orders at `at`.
    pub(crate) fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.end_of_opening(at).is_some()
    }

    /// The start of the first opening after `at`, within the coming year or so.
    pub(crate) fn next_opening(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let today = self.local_date(at);
        (0..LOOK_AHEAD_DAYS)
            .filter_map(|days| today.checked_add_days(Days::new(days)))
            .flat_map(|date| self.openings_on(date))
            .map(|(opens, _)| opens)
            .find(|opens| *opens > at)
    }

    /// The zone's offset from UTC at `at`, in seconds.
    pub(crate) fn utc_offset_seconds(&self, at: DateTime<Utc>) -> i32 {
        use chrono::Offset;
        self.zone
            .offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc()
    }

    /// The zone's offsets around `now` (listed once per schedule: a schedule is kept
    /// for a minute, and the list spans a year either side).
    pub(crate) fn shop_zone(&self, now: DateTime<Utc>) -> Arc<ShopZone> {
        self.offsets
            .get_or_init(|| Arc::new(zone_offsets(self.zone, now)))
            .clone()
    }

    /// The seed's kind of refusal: "Sorry, we're closed! Today's hours are 11:00–22:00.
    /// We open again Tuesday at 11:00 (Europe/Rome time)."
    pub(crate) fn closed_message(&self, at: DateTime<Utc>) -> String {
        let today = self.local_date(at);
        let openings: Vec<String> = if self.closures.contains(&today) {
            Vec::new()
        } else {
            self.hours
                .weekly
                .day(today.weekday())
                .iter()
                .map(|opening| format!("{}–{}", opening.opens, opening.closes))
                .collect()
        };
        let hours = if openings.is_empty() {
            "We are closed today.".to_owned()
        } else {
            format!("Today's hours are {}.", openings.join(" and "))
        };
        let next = match self.next_opening(at) {
            Some(opens) => {
                let local = opens.with_timezone(&self.zone);
                let day = if local.date_naive() == today {
                    "today".to_owned()
                } else if Some(local.date_naive()) == today.succ_opt() {
                    "tomorrow".to_owned()
                } else {
                    local.format("%A %-d %B").to_string()
                };
                format!(
                    " We open again {day} at {} ({} time).",
                    local.format("%H:%M"),
                    self.zone.name()
                )
            }
            None => " No opening is planned yet.".to_owned(),
        };
        format!("Sorry, we're closed! {hours}{next}")
    }
}

/// The instant the zone's clocks show `local`: the first minute after a gap the clocks
/// skip, the first of two when they show it twice.
pub(crate) fn local_instant(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let mut probe = local;
    // Gaps are at most a few hours; step a quarter of an hour until past it.
    for _ in 0..(4 * 24) {
        match zone.from_local_datetime(&probe) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => {
                return at.with_timezone(&Utc);
            }
            LocalResult::None => probe += TimeDelta::minutes(15),
        }
    }
    Utc.from_utc_datetime(&local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::contracts::WeeklyHours;

    fn schedule(zone: &str, weekly: WeeklyHours, closures: &[&str]) -> Schedule {
        Schedule::new(OpeningHours {
            timezone: zone.into(),
            weekly,
            closures: closures.iter().map(|day| day.parse().unwrap()).collect(),
        })
        .unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn seed_hours(zone: &str) -> Schedule {
        schedule(
            zone,
            WeeklyHours::every_day(vec![Opening::new("11:00", "22:00")]),
            &[],
        )
    }

    #[test]
    fn open_from_eleven_to_ten_in_the_shops_zone_not_in_utc() {
        let rome = seed_hours("Europe/Rome");
        // 10:30 UTC is 11:30 in Rome in winter (UTC+1).
        assert!(rome.is_open(at("2026-12-07T10:30:00Z")));
        assert!(!rome.is_open(at("2026-12-07T09:59:59Z")));
        assert!(rome.is_open(at("2026-12-07T10:00:00Z")));
        // 22:00 in Rome is 21:00 UTC: closed from then on.
        assert!(rome.is_open(at("2026-12-07T20:59:59Z")));
        assert!(!rome.is_open(at("2026-12-07T21:00:00Z")));
        assert_eq!(
            rome.closes_at(at("2026-12-07T12:00:00Z")),
            Some(at("2026-12-07T21:00:00Z"))
        );
        assert_eq!(
            rome.next_opening(at("2026-12-07T22:00:00Z")),
            Some(at("2026-12-08T10:00:00Z"))
        );
    }

    #[test]
    fn a_closure_day_and_an_empty_weekday_are_closed() {
        let weekly = WeeklyHours {
            sunday: Vec::new(),
            ..WeeklyHours::every_day(vec![Opening::new("11:00", "22:00")])
        };
        // 2026-12-25 is a Friday, 2026-12-27 a Sunday.
        let shop = schedule("UTC", weekly, &["2026-12-25"]);
        assert!(shop.is_open(at("2026-12-24T12:00:00Z")));
        assert!(!shop.is_open(at("2026-12-25T12:00:00Z")));
        assert!(shop.is_open(at("2026-12-26T12:00:00Z")));
        assert!(!shop.is_open(at("2026-12-27T12:00:00Z")));
        assert_eq!(
            shop.next_opening(at("2026-12-24T23:00:00Z")),
            Some(at("2026-12-26T11:00:00Z"))
        );
        assert_eq!(
            shop.closed_message(at("2026-12-25T12:00:00Z")),
            "Sorry, we're closed! We are closed today. \
             We open again tomorrow at 11:00 (UTC time)."
        );
        assert_eq!(
            shop.closed_message(at("2026-12-26T23:00:00Z")),
            "Sorry, we're closed! Today's hours are 11:00–22:00. \
             We open again Monday 28 December at 11:00 (UTC time)."
        );
    }

    #[test]
    fn an_opening_past_midnight_belongs_to_the_day_it_opens() {
        let weekly = WeeklyHours {
            friday: vec![Opening::new("18:00", "02:00")],
            ..WeeklyHours::default()
        };
        let shop = schedule("UTC", weekly, &[]);
        // Friday 2026-12-11, then the small hours of Saturday.
        assert!(shop.is_open(at("2026-12-11T23:30:00Z")));
        assert!(shop.is_open(at("2026-12-12T01:59:00Z")));
        assert!(!shop.is_open(at("2026-12-12T02:00:00Z")));
        assert!(!shop.is_open(at("2026-12-12T19:00:00Z")));
        assert_eq!(
            shop.closes_at(at("2026-12-12T01:00:00Z")),
            Some(at("2026-12-12T02:00:00Z"))
        );
        // Always open: 00:00–24:00 every day, with no gap at midnight.
        let always = schedule(
            "UTC",
            WeeklyHours::every_day(vec![Opening::new("00:00", "24:00")]),
            &[],
        );
        assert!(always.is_open(at("2026-12-12T00:00:00Z")));
        assert!(always.is_open(at("2026-12-12T23:59:59Z")));
        // Openings that follow each other without a break close once, at the last.
        assert_eq!(
            always.closes_at(at("2026-12-12T10:00:00Z")),
            Some(at("2026-12-20T00:00:00Z"))
        );
    }

    #[test]
    fn the_hours_follow_the_local_clock_across_daylight_saving_changes() {
        let new_york = seed_hours("America/New_York");
        // Saturday 2027-03-13 is on EST (UTC-5), Monday 2027-03-15 on EDT (UTC-4).
        assert!(new_york.is_open(at("2027-03-13T16:00:00Z")));
        assert!(!new_york.is_open(at("2027-03-13T15:59:00Z")));
        assert!(new_york.is_open(at("2027-03-15T15:00:00Z")));
        assert!(!new_york.is_open(at("2027-03-15T14:59:00Z")));
        assert_eq!(
            new_york.utc_offset_seconds(at("2027-03-13T16:00:00Z")),
            -5 * 3600
        );
        assert_eq!(
            new_york.utc_offset_seconds(at("2027-03-15T16:00:00Z")),
            -4 * 3600
        );
        // On the night the clocks skip 02:00–03:00, an opening at 02:30 starts at 03:00.
        let weekly = WeeklyHours::every_day(vec![Opening::new("02:30", "04:00")]);
        let night = schedule("America/New_York", weekly, &[]);
        assert_eq!(
            night.next_opening(at("2027-03-14T05:00:00Z")),
            Some(at("2027-03-14T07:00:00Z"))
        );
        // In autumn 01:30 happens twice: the first one counts.
        let weekly = WeeklyHours::every_day(vec![Opening::new("01:30", "04:00")]);
        let autumn = schedule("America/New_York", weekly, &[]);
        assert_eq!(
            autumn.next_opening(at("2027-11-07T04:00:00Z")),
            Some(at("2027-11-07T05:30:00Z"))
        );
    }

    #[test]
    fn an_unknown_zone_is_refused() {
        let hours = OpeningHours {
            timezone: "Mars/Olympus_Mons".into(),
            weekly: WeeklyHours::default(),
            closures: Vec::new(),
        };
        assert_eq!(
            Schedule::new(hours),
            Err(ScheduleError::UnknownZone("Mars/Olympus_Mons".into()))
        );
        let never = schedule("UTC", WeeklyHours::default(), &[]);
        assert_eq!(never.next_opening(at("2026-12-07T12:00:00Z")), None);
        assert!(
            never
                .closed_message(at("2026-12-07T12:00:00Z"))
                .ends_with("No opening is planned yet.")
        );
    }
}
