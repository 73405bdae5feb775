//! [`zone_offsets`]: the [`ShopZone`] a page gets, the UTC offsets a time zone keeps
//! from a year before an instant to a year after it, found from the time zone database
//! (which has no public list of a zone's transitions: each is found by stepping a day at
//! a time and halving the day that changed down to the second).

use app::contracts::ShopZone;
use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// How far either side of the instant the offsets are listed: enough for a year of order
/// history and for any time a page shows ahead.
const SPAN_SECONDS: i64 = 400 * 86_400;

/// Zones change their offset at most once a day.
const STEP_SECONDS: i64 = 86_400;

/// The offsets `zone` keeps within [`SPAN_SECONDS`] of `around`.
pub(crate) fn zone_offsets(zone: Tz, around: DateTime<Utc>) -> ShopZone {
    let offset = |seconds: i64| {
        let at = DateTime::from_timestamp(seconds, 0).unwrap_or(around);
        zone.offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc()
    };
    let (start, end) = (
        around.timestamp() - SPAN_SECONDS,
        around.timestamp() + SPAN_SECONDS,
    );
    let mut offsets = vec![(i64::MIN, offset(start))];
    let mut at = start;
    while at < end {
        let next = (at + STEP_SECONDS).min(end);
        let current = offsets.last().map_or(0, |(_, offset)| *offset);
        if offset(next) != current {
            // `low` keeps the current offset, `high` has the next one.
            let (mut low, mut high) = (at, next);
            while high - low > 1 {
                let middle = low + (high - low) / 2;
                if offset(middle) == current {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            offsets.push((high, offset(high)));
        }
        at = next;
    }
    ShopZone {
        timezone: zone.name().to_owned(),
        offsets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_zone_with_daylight_saving_lists_each_change_to_the_second() {
        let zone = zone_offsets(chrono_tz::Europe::Rome, at("2026-12-07T12:00:00Z"));
        assert_eq!(zone.timezone, "Europe/Rome");
        // Nov 2025 .. Jan 2028: CET, then CEST and CET in 2026 and in 2027.
        let changes: Vec<(DateTime<Utc>, i32)> = zone.offsets[1..]
            .iter()
            .map(|(from, offset)| (DateTime::from_timestamp(*from, 0).unwrap(), *offset))
            .collect();
        assert_eq!(
            changes,
            vec![
                (at("2026-03-29T01:00:00Z"), 7200),
                (at("2026-10-25T01:00:00Z"), 3600),
                (at("2027-03-28T01:00:00Z"), 7200),
                (at("2027-10-31T01:00:00Z"), 3600),
            ]
        );
        assert_eq!(zone.offsets[0].1, 3600);
        assert_eq!(zone.offset_at(at("2026-07-01T00:00:00Z")), 7200);
        assert_eq!(
            zone.local(at("2026-03-29T01:00:00Z")).to_string(),
            "2026-03-29 03:00:00"
        );
    }

    #[test]
    fn a_zone_without_daylight_saving_keeps_one_offset() {
        let kolkata = zone_offsets(chrono_tz::Asia::Kolkata, at("2026-12-07T12:00:00Z"));
        assert_eq!(kolkata.offsets, vec![(i64::MIN, 19_800)]);
        let utc = zone_offsets(chrono_tz::UTC, at("2026-12-07T12:00:00Z"));
        assert_eq!(utc, ShopZone::fixed("UTC", 0));
    }
}
