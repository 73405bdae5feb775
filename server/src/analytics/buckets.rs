//! UTC hour and day buckets: where one starts, and the text key the analytics views
//! store it under (`YYYY-MM-DDTHH:00:00Z`, `YYYY-MM-DD`; fixed width, so text order is
//! time order).

use app::contracts::TimeBucket;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};

/// The width of `bucket`.
pub(crate) fn width(bucket: TimeBucket) -> TimeDelta {
    match bucket {
        TimeBucket::Hour => TimeDelta::hours(1),
        TimeBucket::Day => TimeDelta::days(1),
    }
}

/// Start of the `bucket` holding `time`.
pub(crate) fn start_of(bucket: TimeBucket, time: DateTime<Utc>) -> DateTime<Utc> {
    // Truncating a UTC time to whole hours or days cannot overflow.
    time.duration_trunc(width(bucket)).unwrap_or(time)
}

/// Where a look-back over the last `days` UTC days, the day of `now` included, starts:
/// the start of the earliest of those days.
pub(crate) fn first_day_start(days: u32, now: DateTime<Utc>) -> DateTime<Utc> {
    start_of(TimeBucket::Day, now - TimeDelta::days(i64::from(days) - 1))
}

/// The stored key of the `bucket` holding `time`.
pub(crate) fn key(bucket: TimeBucket, time: DateTime<Utc>) -> String {
    match bucket {
        TimeBucket::Hour => time.format("%Y-%m-%dT%H:00:00Z").to_string(),
        TimeBucket::Day => time.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_time_falls_in_the_utc_hour_and_day_that_hold_it() {
        let time = at("2026-03-09T23:59:59.999999Z");
        assert_eq!(key(TimeBucket::Hour, time), "2026-03-09T23:00:00Z");
        assert_eq!(key(TimeBucket::Day, time), "2026-03-09");
        assert_eq!(start_of(TimeBucket::Hour, time), at("2026-03-09T23:00:00Z"));
        assert_eq!(start_of(TimeBucket::Day, time), at("2026-03-09T00:00:00Z"));
    }

    #[test]
    fn a_look_back_starts_at_midnight_of_its_earliest_day_today_included() {
        let now = at("2026-03-09T13:45:00Z");
        assert_eq!(first_day_start(1, now), at("2026-03-09T00:00:00Z"));
        assert_eq!(first_day_start(7, now), at("2026-03-03T00:00:00Z"));
    }

    #[test]
    fn keys_of_a_bucket_start_and_of_any_time_in_it_agree() {
        let time = at("2026-12-31T10:30:00Z");
        for bucket in [TimeBucket::Hour, TimeBucket::Day] {
            assert_eq!(key(bucket, start_of(bucket, time)), key(bucket, time));
        }
    }
}
