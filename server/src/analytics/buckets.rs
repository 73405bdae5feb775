//! Time buckets. The revenue and popular pizzas views store UTC quarters of an hour
//! (`quarter_key`, `YYYY-MM-DDTHH:MM:00Z`): every time zone's offset is a whole number of
//! quarters, so the hours and days of any zone are sums of quarters, and the shop can
//! change its zone without the views being rebuilt. `start_of` and `next_start` give an
//! hour or a day of the shop's zone, across daylight-saving changes (a day may be 23 or 25 hours long).

use crate::hours::local_instant;
use app::contracts::TimeBucket;
use chrono::{DateTime, Days, DurationRound, NaiveTime, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;

/// The `bucket` column of the revenue view's rows.
pub(crate) const QUARTER: &str = "quarter";

/// The stored key of the UTC quarter of an hour holding `time`.
pub(crate) fn quarter_key(time: DateTime<Utc>) -> String {
    // Truncating a UTC time to whole quarters cannot overflow.
    let start = time.duration_trunc(TimeDelta::minutes(15)).unwrap_or(time);
    start.format("%Y-%m-%dT%H:%M:00Z").to_string()
}

/// Start of the `bucket` of the shop's clock (in `zone`) holding `time`.
pub(crate) fn start_of(bucket: TimeBucket, time: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let local = time.with_timezone(&zone);
    match bucket {
        TimeBucket::Hour => {
            let into_hour = TimeDelta::minutes(i64::from(local.minute()))
                + TimeDelta::seconds(i64::from(local.second()))
                + TimeDelta::nanoseconds(i64::from(local.nanosecond()));
            time - into_hour
        }
        TimeBucket::Day => local_instant(zone, local.date_naive().and_time(NaiveTime::MIN)),
    }
}

/// Start of the `bucket` after the one starting at `start`.
pub(crate) fn next_start(bucket: TimeBucket, start: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    match bucket {
        TimeBucket::Hour => start + TimeDelta::hours(1),
        TimeBucket::Day => {
            let date = start.with_timezone(&zone).date_naive();
            let next = date.checked_add_days(Days::new(1)).unwrap_or(date);
            local_instant(zone, next.and_time(NaiveTime::MIN))
        }
    }
}

/// Where a look-back over the last `days` days of the shop's clock, the day of `now`
/// included, starts: the midnight of the earliest of those days.
pub(crate) fn first_day_start(days: u32, now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let today = now.with_timezone(&zone).date_naive();
    let first = today
        .checked_sub_days(Days::new(u64::from(days.max(1)) - 1))
        .unwrap_or(today);
    local_instant(zone, first.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_time_falls_in_its_utc_quarter() {
        assert_eq!(
            quarter_key(at("2026-03-09T23:59:59.9Z")),
            "2026-03-09T23:45:00Z"
        );
        assert_eq!(
            quarter_key(at("2026-03-09T10:15:00Z")),
            "2026-03-09T10:15:00Z"
        );
    }

    #[test]
    fn hours_and_days_are_the_shops_own() {
        let utc = Tz::UTC;
        let time = at("2026-03-09T23:59:59.999999Z");
        assert_eq!(
            start_of(TimeBucket::Hour, time, utc),
            at("2026-03-09T23:00:00Z")
        );
        assert_eq!(
            start_of(TimeBucket::Day, time, utc),
            at("2026-03-09T00:00:00Z")
        );
        // In Kolkata (UTC+5:30) that is 05:29 on the 10th.
        let kolkata = chrono_tz::Asia::Kolkata;
        assert_eq!(
            start_of(TimeBucket::Hour, time, kolkata),
            at("2026-03-09T23:30:00Z")
        );
        assert_eq!(
            start_of(TimeBucket::Day, time, kolkata),
            at("2026-03-09T18:30:00Z")
        );
    }

    #[test]
    fn a_day_lasts_from_midnight_to_midnight_across_daylight_saving_changes() {
        let new_york = chrono_tz::America::New_York;
        // 2027-03-14 springs forward: 23 hours. 2027-11-07 falls back: 25 hours.
        let spring = start_of(TimeBucket::Day, at("2027-03-14T12:00:00Z"), new_york);
        assert_eq!(spring, at("2027-03-14T05:00:00Z"));
        assert_eq!(
            next_start(TimeBucket::Day, spring, new_york),
            at("2027-03-15T04:00:00Z")
        );
        let autumn = start_of(TimeBucket::Day, at("2027-11-07T12:00:00Z"), new_york);
        assert_eq!(autumn, at("2027-11-07T04:00:00Z"));
        assert_eq!(
            next_start(TimeBucket::Day, autumn, new_york),
            at("2027-11-08T05:00:00Z")
        );
    }

    #[test]
    fn a_look_back_starts_at_the_shops_midnight_of_its_earliest_day() {
        let now = at("2026-03-09T13:45:00Z");
        assert_eq!(first_day_start(1, now, Tz::UTC), at("2026-03-09T00:00:00Z"));
        assert_eq!(first_day_start(7, now, Tz::UTC), at("2026-03-03T00:00:00Z"));
        let rome = chrono_tz::Europe::Rome;
        assert_eq!(first_day_start(1, now, rome), at("2026-03-08T23:00:00Z"));
    }
}
