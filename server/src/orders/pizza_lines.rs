//! The kitchen's work pizza by pizza, as a pure decider: while an order cooks, each of its
//! lines comes out of the oven once, recorded by [`PizzaReady`]; the one that leaves no
//! line in the oven also makes the order `ready` ([`OrderReady`], in the same command).
//! No database here: the rules are tested given/when/then, like `lifecycle.rs`.

use crate::orders::{OrderEvent, OrderReady, PizzaReady};
use app::contracts::OrderStatus;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One line of an order as the kitchen sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KitchenLine {
    /// What it holds, in words: `2 × Margherita (Large)`.
    pub pizza: String,
    /// Out of the oven already.
    pub ready: bool,
}

/// Why a line cannot be marked ready.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum PizzaRefusal {
    #[error("An order that is {} has no pizza in the oven to mark ready.", .0.as_str())]
    NotCooking(OrderStatus),
    #[error("The order has no line {line}: its lines are numbered 0 to {last}.")]
    NoSuchLine { line: u32, last: usize },
    #[error("Line {line} ({pizza}) is already out of the oven.")]
    AlreadyReady { line: u32, pizza: String },
}

/// Who marks which line of which order, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkLine {
    pub order_id: Uuid,
    pub line: u32,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
    /// When the order went into the oven, if known.
    pub cooking_since: Option<DateTime<Utc>>,
}

/// The events that record `mark` on an order in status `current` whose lines are
/// `lines`: the line's [`PizzaReady`], then [`OrderReady`] when it was the last one in
/// the oven; or why not.
pub(crate) fn decide_pizza_ready(
    current: OrderStatus,
    lines: &[KitchenLine],
    mark: MarkLine,
) -> Result<Vec<OrderEvent>, PizzaRefusal> {
    if current != OrderStatus::Cooking {
        return Err(PizzaRefusal::NotCooking(current));
    }
    let index = usize::try_from(mark.line).unwrap_or(usize::MAX);
    let Some(line) = lines.get(index) else {
        return Err(PizzaRefusal::NoSuchLine {
            line: mark.line,
            last: lines.len().saturating_sub(1),
        });
    };
    if line.ready {
        return Err(PizzaRefusal::AlreadyReady {
            line: mark.line,
            pizza: line.pizza.clone(),
        });
    }
    let actual_minutes = mark
        .cooking_since
        .map(|since| (mark.at - since).num_minutes().max(0))
        .map_or(0, |minutes| u32::try_from(minutes).unwrap_or(u32::MAX));
    let mut events = vec![OrderEvent::PizzaReady(PizzaReady {
        order_id: mark.order_id,
        line: mark.line,
        pizza: line.pizza.clone(),
        at: mark.at,
        by: mark.by.clone(),
        actual_minutes,
    })];
    let last = lines
        .iter()
        .enumerate()
        .all(|(other, line)| other == index || line.ready);
    if last {
        events.push(OrderEvent::OrderReady(OrderReady {
            order_id: mark.order_id,
            at: mark.at,
            by: mark.by,
        }));
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    fn at(minute: u32) -> DateTime<Utc> {
        format!("2026-12-08T12:{minute:02}:00Z").parse().unwrap()
    }

    fn lines(ready: &[bool]) -> Vec<KitchenLine> {
        ready
            .iter()
            .enumerate()
            .map(|(line, ready)| KitchenLine {
                pizza: format!("Pizza {line}"),
                ready: *ready,
            })
            .collect()
    }

    /// Line `line` marked by bea at minute 14 of an order cooking since minute 2.
    fn mark(line: u32) -> MarkLine {
        MarkLine {
            order_id: Uuid::from_u128(7),
            line,
            at: at(14),
            by: Some("bea".into()),
            cooking_since: Some(at(2)),
        }
    }

    fn statuses(events: &[OrderEvent]) -> Vec<OrderStatus> {
        events.iter().map(OrderEvent::status).collect()
    }

    #[test]
    fn a_line_out_of_the_oven_leaves_the_order_cooking_while_others_are_in() {
        let events = decide_pizza_ready(Cooking, &lines(&[false, false]), mark(1)).unwrap();
        assert_eq!(statuses(&events), [Cooking]);
        let OrderEvent::PizzaReady(ready) = &events[0] else {
            panic!("a PizzaReady: {events:?}");
        };
        assert_eq!(ready.line, 1);
        assert_eq!(ready.pizza, "Pizza 1");
        assert_eq!(ready.by.as_deref(), Some("bea"));
        assert_eq!(ready.actual_minutes, 12);
    }

    #[test]
    fn the_last_line_out_makes_the_order_ready_by_the_same_hand() {
        let events = decide_pizza_ready(Cooking, &lines(&[true, false, true]), mark(1)).unwrap();
        assert_eq!(statuses(&events), [Cooking, Ready]);
        assert_eq!(events[1].by(), Some("bea"));
        // A one-line order is ready with its one pizza.
        let events = decide_pizza_ready(Cooking, &lines(&[false]), mark(0)).unwrap();
        assert_eq!(statuses(&events), [Cooking, Ready]);
    }

    #[test]
    fn a_line_is_out_of_the_oven_once() {
        let refused = decide_pizza_ready(Cooking, &lines(&[true, false]), mark(0)).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Line 0 (Pizza 0) is already out of the oven."
        );
    }

    #[test]
    fn a_line_the_order_lacks_is_refused_naming_the_lines_it_has() {
        for line in [2, u32::MAX] {
            let refused = decide_pizza_ready(Cooking, &lines(&[false, false]), mark(line));
            assert_eq!(
                refused.unwrap_err(),
                PizzaRefusal::NoSuchLine { line, last: 1 }
            );
        }
    }

    #[test]
    fn only_a_cooking_order_has_pizzas_to_mark() {
        for status in [Pending, Ready, Delivering, Delivered, Cancelled] {
            let refused = decide_pizza_ready(status, &lines(&[false]), mark(0)).unwrap_err();
            assert_eq!(refused, PizzaRefusal::NotCooking(status));
            assert!(refused.to_string().contains(status.as_str()));
        }
    }

    #[test]
    fn without_a_known_start_the_time_in_the_oven_is_zero() {
        let unknown = MarkLine {
            cooking_since: None,
            ..mark(0)
        };
        let events = decide_pizza_ready(Cooking, &lines(&[false, false]), unknown).unwrap();
        let OrderEvent::PizzaReady(ready) = &events[0] else {
            panic!("a PizzaReady: {events:?}");
        };
        assert_eq!(ready.actual_minutes, 0);
    }
}
