//! [`Workload`]: what the kitchen has to do before a new order, and when that order
//! would be ready. Pure, so the rule is tested directly.
//!
//! The kitchen cooks `capacity` orders at once (`KITCHEN_CAPACITY`). A new order starts
//! at once when a place is free for it after the orders already waiting take theirs;
//! otherwise it waits for the work ahead of it spread over the kitchen's places: what
//! the orders cooking still need (from when each started) and every waiting order's
//! cooking time. Then it cooks for its own.

use chrono::{DateTime, TimeDelta, Utc};

/// The queue as the kitchen workload view holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Workload {
    /// Orders placed and not started.
    pub waiting_orders: i64,
    /// Their cooking minutes, summed.
    pub waiting_minutes: i64,
    /// The orders cooking: how long each takes, and since when.
    pub cooking: Vec<(i64, DateTime<Utc>)>,
}

impl Workload {
    /// When an order taking `cook_minutes` and placed at `now` would be ready.
    pub(crate) fn ready_at(
        &self,
        capacity: u32,
        cook_minutes: i64,
        now: DateTime<Utc>,
    ) -> DateTime<Utc> {
        let places = i64::from(capacity.max(1));
        let busy = i64::try_from(self.cooking.len()).unwrap_or(i64::MAX);
        let start = if self.waiting_orders < places.saturating_sub(busy) {
            now
        } else {
            let left_cooking: i64 = self
                .cooking
                .iter()
                .map(|(minutes, since)| {
                    let done = *since + TimeDelta::minutes(*minutes);
                    (done - now).num_seconds().max(0)
                })
                .sum();
            let work = left_cooking.saturating_add(self.waiting_minutes.saturating_mul(60));
            now + TimeDelta::seconds(work / places)
        };
        start + TimeDelta::minutes(cook_minutes)
    }
}

/// Whole minutes from `now` to `ready`, rounded up.
pub(crate) fn wait_minutes(now: DateTime<Utc>, ready: DateTime<Utc>) -> i64 {
    let seconds = (ready - now).num_seconds().max(0);
    (seconds + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    const NOW: &str = "2026-12-07T18:00:00Z";

    #[test]
    fn an_order_starts_at_once_while_the_kitchen_has_a_free_place() {
        let now = at(NOW);
        let idle = Workload::default();
        assert_eq!(idle.ready_at(3, 12, now), at("2026-12-07T18:12:00Z"));
        // Two cooking and none waiting: the third place is free.
        let two = Workload {
            cooking: vec![(12, now), (15, now)],
            ..Workload::default()
        };
        assert_eq!(two.ready_at(3, 12, now), at("2026-12-07T18:12:00Z"));
    }

    #[test]
    fn otherwise_it_waits_for_the_work_ahead_spread_over_the_places() {
        let now = at(NOW);
        // Three cooking, started 4 minutes ago, 12 minutes each: 8 minutes left each.
        // Three waiting, 12 minutes each: 36 more. (24 + 36) / 3 places = 20 minutes.
        let started = at("2026-12-07T17:56:00Z");
        let full = Workload {
            waiting_orders: 3,
            waiting_minutes: 36,
            cooking: vec![(12, started); 3],
        };
        assert_eq!(full.ready_at(3, 10, now), at("2026-12-07T18:30:00Z"));
        assert_eq!(wait_minutes(now, full.ready_at(3, 10, now)), 30);
        // An order cooking longer than it should counts as done any moment.
        let late = Workload {
            waiting_orders: 1,
            waiting_minutes: 12,
            cooking: vec![(12, at("2026-12-07T17:00:00Z"))],
        };
        assert_eq!(late.ready_at(1, 12, now), at("2026-12-07T18:24:00Z"));
    }

    #[test]
    fn a_wait_is_rounded_up_to_the_minute() {
        let now = at(NOW);
        assert_eq!(wait_minutes(now, at("2026-12-07T18:00:01Z")), 1);
        assert_eq!(wait_minutes(now, at("2026-12-07T18:45:00Z")), 45);
        assert_eq!(wait_minutes(now, at("2026-12-07T17:00:00Z")), 0);
    }
}
