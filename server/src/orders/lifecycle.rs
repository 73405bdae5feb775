//! The order lifecycle as a pure decider:
//! `pending → cooking → ready → delivering → delivered`, and `cancelled` from any state
//! before `delivered`. Commands ask for a [`Transition`]; [`decide`] says whether the
//! current status allows it and answers the [`OrderEvent`] that records it, whose
//! variant says the status reached. No database here: every rule is tested
//! given/when/then, in the style of cqrs-demo's test framework.

use crate::orders::{
    CookingStarted, OrderCancelled, OrderDelivered, OrderEvent, OrderOutForDelivery, OrderReady,
};
use app::contracts::OrderStatus;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A change of status a command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Transition {
    /// Into the oven, for `minutes` when the chef says (otherwise the recipes' time).
    StartCooking {
        minutes: Option<u32>,
    },
    MarkReady,
    AssignDelivery {
        driver: String,
    },
    MarkDelivered,
    Cancel {
        reason: String,
    },
}

/// Why a transition was refused: the order is not in a state that allows it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("An order that is {} cannot {}.", .current.as_str(), .action)]
pub(crate) struct IllegalTransition {
    pub current: OrderStatus,
    pub action: &'static str,
}

impl Transition {
    /// What the customer or staff tried, in words for error messages.
    pub fn action(&self) -> &'static str {
        match self {
            Transition::StartCooking { .. } => "start cooking",
            Transition::MarkReady => "be marked ready",
            Transition::AssignDelivery { .. } => "go out for delivery",
            Transition::MarkDelivered => "be marked delivered",
            Transition::Cancel { .. } => "be cancelled",
        }
    }

    fn allowed_from(&self, current: OrderStatus) -> bool {
        use OrderStatus::*;
        match self {
            Transition::StartCooking { .. } => current == Pending,
            Transition::MarkReady => current == Cooking,
            Transition::AssignDelivery { .. } => current == Ready,
            Transition::MarkDelivered => current == Delivering,
            Transition::Cancel { .. } => !matches!(current, Delivered | Cancelled),
        }
    }

    /// The event that records this step of `order_id`, taken at `at` by `by`.
    fn event(self, order_id: Uuid, at: DateTime<Utc>, by: Option<String>) -> OrderEvent {
        match self {
            Transition::StartCooking { minutes } => OrderEvent::CookingStarted(CookingStarted {
                order_id,
                at,
                by,
                minutes,
            }),
            Transition::MarkReady => OrderEvent::OrderReady(OrderReady { order_id, at, by }),
            Transition::AssignDelivery { driver } => {
                OrderEvent::OrderOutForDelivery(OrderOutForDelivery {
                    order_id,
                    driver,
                    at,
                    by,
                })
            }
            Transition::MarkDelivered => {
                OrderEvent::OrderDelivered(OrderDelivered { order_id, at, by })
            }
            Transition::Cancel { reason } => OrderEvent::OrderCancelled(OrderCancelled {
                order_id,
                reason,
                at,
                by,
            }),
        }
    }
}

/// The event that records `transition` of the order `order_id`, at `at` by the account
/// `by` (if one did it), or why the order's `current` status forbids it.
pub(crate) fn decide(
    current: OrderStatus,
    transition: Transition,
    order_id: Uuid,
    at: DateTime<Utc>,
    by: Option<String>,
) -> Result<OrderEvent, IllegalTransition> {
    if transition.allowed_from(current) {
        Ok(transition.event(order_id, at, by))
    } else {
        Err(IllegalTransition {
            current,
            action: transition.action(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::OrderPlaced;
    use OrderStatus::*;
    use app::contracts::PaymentMethod;
    use rust_decimal::Decimal;

    fn order_id() -> Uuid {
        Uuid::from_u128(7)
    }

    fn at() -> DateTime<Utc> {
        "2026-12-05T12:00:00Z".parse().unwrap()
    }

    fn cook() -> Transition {
        Transition::StartCooking { minutes: None }
    }

    fn cancel() -> Transition {
        Transition::Cancel {
            reason: "changed my mind".into(),
        }
    }

    fn assign() -> Transition {
        Transition::AssignDelivery {
            driver: "Luigi".into(),
        }
    }

    fn placed() -> OrderEvent {
        OrderEvent::OrderPlaced(OrderPlaced {
            order_id: order_id(),
            customer_name: "Ada".into(),
            customer_phone: "+1 555 010 0200".into(),
            customer_address: "1 Main St".into(),
            customer_username: None,
            payment_method: PaymentMethod::Card,
            lines: Vec::new(),
            total_amount: Decimal::new(1099, 2),
            breakdown: None,
            total_prep_minutes: 12,
            cook_minutes: 12,
            placed_at: at(),
            estimated_ready_at: at(),
        })
    }

    /// The events that bring an order to `status`, oldest first.
    fn history(status: OrderStatus) -> Vec<OrderEvent> {
        let steps: &[Transition] = match status {
            Pending => &[],
            Cooking => &[cook()],
            Ready => &[cook(), Transition::MarkReady],
            Delivering => &[cook(), Transition::MarkReady, assign()],
            Delivered => &[
                cook(),
                Transition::MarkReady,
                assign(),
                Transition::MarkDelivered,
            ],
            Cancelled => &[cancel()],
        };
        let mut events = vec![placed()];
        events.extend(
            steps
                .iter()
                .map(|step| step.clone().event(order_id(), at(), None)),
        );
        events
    }

    /// Given an order's events, when a transition is asked, then an event or a refusal.
    struct Given(Vec<OrderEvent>);

    fn given(events: Vec<OrderEvent>) -> Given {
        Given(events)
    }

    struct Then {
        current: OrderStatus,
        asked: String,
        outcome: Result<OrderEvent, IllegalTransition>,
    }

    impl Given {
        fn when(self, transition: Transition) -> Then {
            let current = self.0.last().expect("an order starts placed").status();
            Then {
                current,
                asked: format!("{current:?} + {transition:?}"),
                outcome: decide(current, transition, order_id(), at(), None),
            }
        }
    }

    impl Then {
        /// The transition is recorded by an event that brings the order to `status`.
        fn then_reaches(self, status: OrderStatus) -> OrderEvent {
            let event = self.outcome.expect(&self.asked);
            assert_eq!(event.status(), status, "{}", self.asked);
            assert_eq!(event.order_id(), order_id());
            event
        }

        /// The transition is refused, naming the status the order is in.
        fn then_refused(self) {
            let error = self.outcome.expect_err(&self.asked);
            assert_eq!(error.current, self.current);
            assert!(error.to_string().contains(self.current.as_str()), "{error}");
        }
    }

    #[test]
    fn the_happy_path_runs_from_pending_to_delivered() {
        given(history(Pending)).when(cook()).then_reaches(Cooking);
        given(history(Cooking))
            .when(Transition::MarkReady)
            .then_reaches(Ready);
        let out = given(history(Ready))
            .when(assign())
            .then_reaches(Delivering);
        assert_eq!(out.note(), Some("Luigi"));
        given(history(Delivering))
            .when(Transition::MarkDelivered)
            .then_reaches(Delivered);
    }

    #[test]
    fn an_order_can_be_cancelled_before_it_is_delivered() {
        for from in [Pending, Cooking, Ready, Delivering] {
            let cancelled = given(history(from)).when(cancel()).then_reaches(Cancelled);
            assert_eq!(cancelled.note(), Some("changed my mind"));
        }
    }

    #[test]
    fn delivered_and_cancelled_orders_are_final() {
        for from in [Delivered, Cancelled] {
            for transition in [
                cook(),
                Transition::MarkReady,
                assign(),
                Transition::MarkDelivered,
                cancel(),
            ] {
                given(history(from)).when(transition).then_refused();
            }
        }
    }

    #[test]
    fn steps_cannot_be_skipped_or_repeated() {
        let refused = [
            (Pending, Transition::MarkReady),
            (Pending, assign()),
            (Pending, Transition::MarkDelivered),
            (Cooking, cook()),
            (Cooking, assign()),
            (Cooking, Transition::MarkDelivered),
            (Ready, cook()),
            (Ready, Transition::MarkReady),
            (Ready, Transition::MarkDelivered),
            (Delivering, cook()),
            (Delivering, Transition::MarkReady),
            (Delivering, assign()),
        ];
        for (from, transition) in refused {
            given(history(from)).when(transition).then_refused();
        }
    }

    #[test]
    fn the_refusal_names_the_current_state() {
        let error = decide(Ready, cook(), order_id(), at(), None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "An order that is ready cannot start cooking."
        );
    }
}
