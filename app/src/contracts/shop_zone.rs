//! [`ShopZone`]: the shop's clock as the pages need it, to show every time as the shop
//! keeps it: the zone's name and the UTC offsets it keeps around now, from which any
//! instant of the past year or the next reads as the shop's local time without a time
//! zone database in the browser. The server finds it ([`GetShopZone`]) before a page
//! renders and writes it into the page's head, where the browser reads it back.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use mediator::{Request, RequestKind};
use serde::{Deserialize, Serialize};

/// The shop's time zone and the offsets it keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopZone {
    /// The IANA name, `Europe/Rome`.
    pub timezone: String,
    /// `(from, offset)`: from the instant `from` (seconds since the Unix epoch) the zone
    /// is `offset` seconds ahead of UTC, until the next entry. Ascending; the first entry
    /// applies to everything before it too. Never empty.
    pub offsets: Vec<(i64, i32)>,
}

impl Default for ShopZone {
    /// UTC, where a page with no zone of its own (a test) shows times.
    fn default() -> Self {
        Self::fixed("UTC", 0)
    }
}

impl ShopZone {
    /// A zone that keeps one offset all year.
    pub fn fixed(timezone: &str, offset: i32) -> Self {
        Self {
            timezone: timezone.to_owned(),
            offsets: vec![(i64::MIN, offset)],
        }
    }

    /// The zone's offset from UTC at `at`, in seconds.
    pub fn offset_at(&self, at: DateTime<Utc>) -> i32 {
        let seconds = at.timestamp();
        let after = self.offsets.partition_point(|(from, _)| *from <= seconds);
        self.offsets
            .get(after.saturating_sub(1))
            .map_or(0, |(_, offset)| *offset)
    }

    /// `at` as the shop's clock reads it.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.naive_utc() + Duration::seconds(i64::from(self.offset_at(at)))
    }

    /// The instant the shop's clock shows `local` (for a time the clocks skip or pass
    /// twice, one next to it: what a day typed in a form needs).
    pub fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let guess = local.and_utc();
        let first = guess - Duration::seconds(i64::from(self.offset_at(guess)));
        guess - Duration::seconds(i64::from(self.offset_at(first)))
    }

    /// The zone in one line of text, for the page's head: the name, then `from:offset`
    /// pairs, `Europe/Rome 1774746000:7200 1792890000:3600` (the first `from` is `-` for
    /// "ever since").
    pub fn to_text(&self) -> String {
        let mut text = self.timezone.clone();
        for (from, offset) in &self.offsets {
            if *from == i64::MIN {
                text.push_str(&format!(" -:{offset}"));
            } else {
                text.push_str(&format!(" {from}:{offset}"));
            }
        }
        text
    }

    /// Reads [`to_text`](Self::to_text) back; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut parts = text.split(' ');
        let timezone = parts.next().filter(|name| !name.is_empty())?.to_owned();
        let mut offsets = Vec::new();
        for pair in parts {
            let (from, offset) = pair.split_once(':')?;
            let from = if from == "-" {
                i64::MIN
            } else {
                from.parse().ok()?
            };
            if offsets.last().is_some_and(|(last, _)| *last >= from) {
                return None;
            }
            offsets.push((from, offset.parse().ok()?));
        }
        (!offsets.is_empty()).then_some(Self { timezone, offsets })
    }
}

/// The shop's time zone and its offsets around now (anyone): what a page needs to show
/// times on the shop's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GetShopZone;

impl Request for GetShopZone {
    type Response = ShopZone;
    const KIND: RequestKind = RequestKind::Query;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    /// Rome in 2026: CET, CEST from 29 March 01:00 UTC, CET again from 25 October.
    fn rome() -> ShopZone {
        ShopZone {
            timezone: "Europe/Rome".into(),
            offsets: vec![
                (i64::MIN, 3600),
                (at("2026-03-29T01:00:00Z").timestamp(), 7200),
                (at("2026-10-25T01:00:00Z").timestamp(), 3600),
            ],
        }
    }

    #[test]
    fn each_instant_reads_with_the_offset_in_force_then() {
        let zone = rome();
        let local = |text| zone.local(at(text)).to_string();
        assert_eq!(local("2026-01-10T12:00:00Z"), "2026-01-10 13:00:00");
        assert_eq!(local("2026-03-29T00:59:59Z"), "2026-03-29 01:59:59");
        assert_eq!(local("2026-03-29T01:00:00Z"), "2026-03-29 03:00:00");
        assert_eq!(local("2026-07-01T21:30:00Z"), "2026-07-01 23:30:00");
        assert_eq!(local("2026-10-25T01:00:00Z"), "2026-10-25 02:00:00");
        assert_eq!(local("2026-12-31T23:30:00Z"), "2027-01-01 00:30:00");
    }

    #[test]
    fn a_local_time_is_the_instant_the_shops_clock_shows_it() {
        let zone = rome();
        let instant = |text: &str| zone.instant(text.parse().unwrap());
        assert_eq!(instant("2027-01-01T00:00:00"), at("2026-12-31T23:00:00Z"));
        assert_eq!(instant("2026-07-01T00:00:00"), at("2026-06-30T22:00:00Z"));
        assert_eq!(instant("2026-03-29T00:00:00"), at("2026-03-28T23:00:00Z"));
        assert_eq!(instant("2026-03-30T00:00:00"), at("2026-03-29T22:00:00Z"));
    }

    #[test]
    fn the_zone_reads_back_from_its_text() {
        let zone = rome();
        let text = zone.to_text();
        assert!(text.starts_with("Europe/Rome -:3600 "), "{text}");
        assert_eq!(ShopZone::from_text(&text), Some(zone));
        assert_eq!(
            ShopZone::from_text(&ShopZone::default().to_text()),
            Some(ShopZone::default())
        );
    }

    #[test]
    fn broken_text_reads_as_nothing() {
        for text in ["", "UTC", "UTC 0", "UTC -:x", "UTC 10:0 5:3600", " -:0"] {
            assert_eq!(ShopZone::from_text(text), None, "{text:?}");
        }
    }
}
