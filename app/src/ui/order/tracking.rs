//! Where a tracked order is, as the order page knows it: its timeline, kept up to date
//! from two sources that may overlap or arrive late: live [`OrderUpdate`]s and re-reads
//! of the whole order. Pure, so every ordering of the two is tested without a browser.
//!
//! An order reaches each status at most once, along
//! `pending → cooking → ready → delivering → delivered`, or `cancelled` before delivery,
//! and while it cooks each pizza line comes out of the oven at most once. So a status (or
//! a line's step) already in the timeline is a repeat, whichever source it came from, and
//! the order's status is the furthest one reached. That makes applying idempotent and
//! order-independent: a replayed or late update, or a re-read older than the updates
//! already shown, never moves the order backwards.

use crate::contracts::{
    OrderDetails, OrderStatus, OrderTimelineEntry, OrderUpdate, PaymentDetails, PaymentStatus,
};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One order's status and timeline, and the newest event position seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tracking {
    order_id: Uuid,
    status: OrderStatus,
    /// One entry per status reached, in lifecycle order (which is also time order), and
    /// one per pizza line out of the oven after `cooking`'s, by time.
    timeline: Vec<OrderTimelineEntry>,
    /// How it is paid, as the newest read said.
    payment: PaymentDetails,
    /// When it should be ready, as the newest read estimated from the kitchen's queue.
    ready_at: DateTime<Utc>,
    /// The highest event position known to be included: a re-read asks for at least
    /// this one, so it is never older than what the page already showed.
    seen: Option<i64>,
}

impl Tracking {
    /// The order as rendered; `seen` is the position it is known to include, if any
    /// (the `?after=` of the confirmation link).
    pub(super) fn new(order: &OrderDetails, seen: Option<i64>) -> Self {
        let mut tracking = Self {
            order_id: order.order_id,
            status: OrderStatus::Pending,
            timeline: Vec::new(),
            payment: order.payment.clone(),
            ready_at: order.estimated_ready_time,
            seen,
        };
        tracking.merge(order);
        tracking
    }

    /// The furthest status the order reached.
    pub(super) fn status(&self) -> OrderStatus {
        self.status
    }

    /// Each status reached, with when and its note, oldest first.
    pub(super) fn timeline(&self) -> &[OrderTimelineEntry] {
        &self.timeline
    }

    /// How the order is paid, and where that payment is.
    pub(super) fn payment(&self) -> &PaymentDetails {
        &self.payment
    }

    /// When the order should be ready, as last estimated; `None` once it is no longer
    /// waiting or cooking (ready, on its way, delivered or cancelled).
    pub(super) fn ready_estimate(&self) -> Option<DateTime<Utc>> {
        matches!(self.status, OrderStatus::Pending | OrderStatus::Cooking).then_some(self.ready_at)
    }

    /// The newest event position applied, for `get_order(min_position)`.
    pub(super) fn seen(&self) -> Option<i64> {
        self.seen
    }

    /// Where `step` stands in the order's progress. `cancelled` is a step only of a
    /// cancelled order; the steps it never reached are skipped.
    pub(super) fn step(&self, step: OrderStatus) -> Step {
        if step == OrderStatus::Cancelled && self.status != OrderStatus::Cancelled {
            return Step::Skipped;
        }
        if self.status == OrderStatus::Cancelled {
            let reached = self.timeline.iter().any(|entry| entry.status == step);
            return if step == OrderStatus::Cancelled {
                Step::Current
            } else if reached {
                Step::Done
            } else {
                Step::Skipped
            };
        }
        match stage(step).cmp(&stage(self.status)) {
            std::cmp::Ordering::Less => Step::Done,
            std::cmp::Ordering::Equal => Step::Current,
            std::cmp::Ordering::Greater => Step::Todo,
        }
    }

    /// Applies one live update. Answers whether anything the page shows changed: not
    /// for another order's update, nor for a status already in the timeline (a position
    /// seen before, or an update a re-read already brought).
    pub(super) fn apply(&mut self, update: &OrderUpdate) -> bool {
        if update.order_id != self.order_id {
            return false;
        }
        self.seen = self.seen.max(Some(update.position));
        self.insert(OrderTimelineEntry {
            status: update.status,
            at: update.at,
            note: update.note.clone(),
            by: update.by.clone(),
            payment: None,
            pizza: update.pizza.clone(),
        })
    }

    /// Takes in a re-read of the whole order: adds the statuses it has that the
    /// timeline lacks, and takes its estimate (a re-read is never older than what the
    /// page shows, and the estimate moves with the queue). Answers whether anything
    /// changed.
    pub(super) fn merge(&mut self, order: &OrderDetails) -> bool {
        if order.order_id != self.order_id {
            return false;
        }
        let mut changed = self.ready_at != order.estimated_ready_time;
        self.ready_at = order.estimated_ready_time;
        // The payment's own steps show in the payment line, not among the statuses.
        for entry in order
            .timeline
            .iter()
            .filter(|entry| entry.payment.is_none())
        {
            changed |= self.insert(entry.clone());
        }
        // A payment only moves on (a late re-read never takes a refund back).
        if settled(order.payment.status) >= settled(self.payment.status)
            && order.payment != self.payment
        {
            self.payment = order.payment.clone();
            changed = true;
        }
        // The timeline always holds the status, but the status is what the page trusts.
        if stage(order.status) > stage(self.status) {
            self.status = order.status;
            changed = true;
        }
        changed
    }

    /// Adds `entry` in its place unless it is already there.
    fn insert(&mut self, entry: OrderTimelineEntry) -> bool {
        let stage_of_entry = stage(entry.status);
        let key = place(&entry);
        let index = match self
            .timeline
            .binary_search_by(|known| place(known).cmp(&key))
        {
            Ok(_) => return false,
            Err(index) => index,
        };
        if stage_of_entry > stage(self.status) {
            self.status = entry.status;
        }
        self.timeline.insert(index, entry);
        true
    }
}

/// One step of the progress bar, for one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Reached and left behind.
    Done,
    /// Where the order is now.
    Current,
    /// Still to come.
    Todo,
    /// Never to come: the order was cancelled first.
    Skipped,
}

impl Step {
    /// The CSS class suffix and the words a screen reader adds after the step's name.
    pub(super) fn describe(self) -> (&'static str, &'static str) {
        match self {
            Step::Done => ("done", ", done"),
            Step::Current => ("current", ", now"),
            Step::Todo => ("todo", ", to come"),
            Step::Skipped => ("skipped", ", skipped"),
        }
    }
}

/// How far along a payment is: due, then paid, then refunded or collected.
fn settled(status: PaymentStatus) -> u8 {
    match status {
        PaymentStatus::Pending => 0,
        PaymentStatus::Paid => 1,
        PaymentStatus::Refunded | PaymentStatus::Collected => 2,
    }
}

/// Where an entry sorts in the timeline, and what makes another one a repeat of it: its
/// status's [`stage`], then for a pizza line's step, when and which line.
fn place(entry: &OrderTimelineEntry) -> (u8, Option<(DateTime<Utc>, u32)>) {
    let pizza = entry.pizza.as_ref().map(|pizza| (entry.at, pizza.line));
    (stage(entry.status), pizza)
}

/// How far along the lifecycle a status is. `cancelled` comes last: it ends an order
/// that never reaches `delivered`, so nothing can follow it.
pub(super) fn stage(status: OrderStatus) -> u8 {
    match status {
        OrderStatus::Pending => 0,
        OrderStatus::Cooking => 1,
        OrderStatus::Ready => 2,
        OrderStatus::Delivering => 3,
        OrderStatus::Delivered => 4,
        OrderStatus::Cancelled => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::PaymentMethod;
    use OrderStatus::*;
    use chrono::TimeZone;
    use rust_decimal::Decimal;

    fn id() -> Uuid {
        Uuid::from_u128(0x0f8f_ad5b_d9cb_469f_a165_7086_7728_950e)
    }

    fn minute(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 9, 18, minute, 0).unwrap()
    }

    fn entry(status: OrderStatus, at: u32) -> OrderTimelineEntry {
        OrderTimelineEntry {
            status,
            at: minute(at),
            note: None,
            payment: None,
            by: None,
            pizza: None,
        }
    }

    fn order(status: OrderStatus, timeline: Vec<OrderTimelineEntry>) -> OrderDetails {
        OrderDetails {
            order_id: id(),
            status,
            customer_name: "Ada".into(),
            customer_address: "1 Main St".into(),
            payment_method: PaymentMethod::Card,
            items: Vec::new(),
            total_amount: Decimal::from(10),
            total_breakdown: crate::contracts::TotalBreakdown::pizzas_only(Decimal::from(10)),
            payment: PaymentDetails::due(PaymentMethod::Card),
            created_at: minute(0),
            estimated_ready_time: minute(30),
            timeline,
        }
    }

    fn update(position: i64, status: OrderStatus, at: u32) -> OrderUpdate {
        OrderUpdate {
            position,
            order_id: id(),
            status,
            at: minute(at),
            note: None,
            by: None,
            pizza: None,
        }
    }

    /// Line `line` out of the oven at minute `at`.
    fn pizza_update(position: i64, line: u32, at: u32) -> OrderUpdate {
        OrderUpdate {
            pizza: Some(crate::contracts::ReadyPizza {
                line,
                name: format!("Pizza {line}"),
            }),
            by: Some("chef".into()),
            ..update(position, Cooking, at)
        }
    }

    fn placed() -> Tracking {
        Tracking::new(&order(Pending, vec![entry(Pending, 0)]), Some(10))
    }

    fn statuses(tracking: &Tracking) -> Vec<OrderStatus> {
        tracking
            .timeline()
            .iter()
            .map(|entry| entry.status)
            .collect()
    }

    #[test]
    fn updates_in_order_move_the_order_along() {
        let mut tracking = placed();
        assert!(tracking.apply(&update(11, Cooking, 5)));
        assert!(tracking.apply(&update(12, Ready, 20)));
        assert_eq!(tracking.status(), Ready);
        assert_eq!(statuses(&tracking), [Pending, Cooking, Ready]);
        assert_eq!(tracking.seen(), Some(12));
    }

    #[test]
    fn a_replayed_update_changes_nothing() {
        let mut tracking = placed();
        // The stream replays from the order's first event on a first connect.
        assert!(!tracking.apply(&update(10, Pending, 0)));
        assert!(tracking.apply(&update(11, Cooking, 5)));
        let before = tracking.clone();
        assert!(!tracking.apply(&update(11, Cooking, 5)));
        assert_eq!(tracking, before);
    }

    #[test]
    fn a_late_update_fills_its_gap_without_moving_the_order_back() {
        let mut tracking = placed();
        assert!(tracking.apply(&update(12, Ready, 20)));
        assert!(tracking.apply(&update(11, Cooking, 5)));
        assert_eq!(tracking.status(), Ready);
        assert_eq!(statuses(&tracking), [Pending, Cooking, Ready]);
        assert_eq!(tracking.seen(), Some(12));
    }

    #[test]
    fn each_pizza_out_of_the_oven_is_a_step_of_its_own_between_cooking_and_ready() {
        let mut tracking = placed();
        assert!(tracking.apply(&update(11, Cooking, 5)));
        assert!(tracking.apply(&pizza_update(13, 1, 14)));
        // Replayed, or read again with the whole order: a repeat.
        assert!(!tracking.apply(&pizza_update(13, 1, 14)));
        assert!(tracking.apply(&update(15, Ready, 16)));
        // A late one finds its place by time.
        assert!(tracking.apply(&pizza_update(12, 0, 12)));
        assert_eq!(
            statuses(&tracking),
            [Pending, Cooking, Cooking, Cooking, Ready]
        );
        let lines: Vec<Option<u32>> = tracking
            .timeline()
            .iter()
            .map(|entry| entry.pizza.as_ref().map(|pizza| pizza.line))
            .collect();
        assert_eq!(lines, [None, None, Some(0), Some(1), None]);
        assert_eq!(tracking.status(), Ready);
        let mut read = order(Ready, tracking.timeline().to_vec());
        read.timeline.retain(|entry| entry.pizza.is_some());
        assert!(!tracking.merge(&read));
    }

    #[test]
    fn another_orders_update_is_ignored() {
        let mut tracking = placed();
        let mut other = update(11, Cooking, 5);
        other.order_id = Uuid::nil();
        assert!(!tracking.apply(&other));
        assert_eq!(tracking, placed());
    }

    #[test]
    fn a_re_read_adds_what_the_stream_missed() {
        let mut tracking = placed();
        let read = order(
            Ready,
            vec![entry(Pending, 0), entry(Cooking, 5), entry(Ready, 20)],
        );
        assert!(tracking.merge(&read));
        assert_eq!(tracking.status(), Ready);
        assert_eq!(statuses(&tracking), [Pending, Cooking, Ready]);
        // Then the stream catches up with the same changes.
        assert!(!tracking.apply(&update(11, Cooking, 5)));
        assert!(!tracking.apply(&update(12, Ready, 20)));
        assert!(!tracking.merge(&read));
    }

    #[test]
    fn an_older_re_read_never_moves_the_order_back() {
        let mut tracking = placed();
        tracking.apply(&update(11, Cooking, 5));
        let stale = order(Pending, vec![entry(Pending, 0)]);
        assert!(!tracking.merge(&stale));
        assert_eq!(tracking.status(), Cooking);
    }

    #[test]
    fn a_re_read_brings_the_queues_new_estimate_until_the_order_is_ready() {
        let mut tracking = placed();
        assert_eq!(tracking.ready_estimate(), Some(minute(30)));
        let mut later = order(Pending, vec![entry(Pending, 0)]);
        later.estimated_ready_time = minute(38);
        assert!(tracking.merge(&later));
        assert_eq!(tracking.ready_estimate(), Some(minute(38)));
        assert!(!tracking.merge(&later));
        tracking.apply(&update(11, Cooking, 5));
        assert_eq!(tracking.ready_estimate(), Some(minute(38)));
        tracking.apply(&update(12, Ready, 36));
        assert_eq!(tracking.ready_estimate(), None);
    }

    #[test]
    fn a_cancellation_ends_the_timeline_with_its_reason() {
        let mut tracking = placed();
        let mut cancelled = update(11, Cancelled, 3);
        cancelled.note = Some("Changed my mind".into());
        assert!(tracking.apply(&cancelled));
        assert_eq!(tracking.status(), Cancelled);
        assert_eq!(statuses(&tracking), [Pending, Cancelled]);
        assert_eq!(
            tracking.timeline()[1].note.as_deref(),
            Some("Changed my mind")
        );
    }

    #[test]
    fn steps_before_the_status_are_done_and_after_it_to_come() {
        let mut tracking = placed();
        tracking.apply(&update(11, Cooking, 5));
        let steps: Vec<Step> = [Pending, Cooking, Ready, Delivered]
            .into_iter()
            .map(|status| tracking.step(status))
            .collect();
        assert_eq!(steps, [Step::Done, Step::Current, Step::Todo, Step::Todo]);
        assert_eq!(tracking.step(Cancelled), Step::Skipped);
    }

    #[test]
    fn a_cancelled_order_skips_the_steps_it_never_reached() {
        let mut tracking = placed();
        tracking.apply(&update(11, Cooking, 5));
        tracking.apply(&update(12, Cancelled, 6));
        assert_eq!(tracking.step(Pending), Step::Done);
        assert_eq!(tracking.step(Cooking), Step::Done);
        assert_eq!(tracking.step(Ready), Step::Skipped);
        assert_eq!(tracking.step(Cancelled), Step::Current);
    }

    #[test]
    fn the_status_is_the_furthest_reached() {
        let tracking = Tracking::new(&order(Delivering, vec![entry(Pending, 0)]), None);
        assert_eq!(tracking.status(), Delivering);
        assert_eq!(tracking.seen(), None);
        let stages: Vec<u8> = OrderStatus::ALL.into_iter().map(stage).collect();
        assert!(stages.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
