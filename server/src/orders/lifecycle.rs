//! The order lifecycle as a pure state machine:
//! `pending → cooking → ready → delivering → delivered`, and `cancelled` from any state
//! before `delivered`. Commands ask for a [`Transition`]; [`decide`] says whether the
//! current status allows it. No database here: every rule is tested given/when/then.

use app::contracts::OrderStatus;

/// A change of status a command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Transition {
    StartCooking,
    MarkReady,
    AssignDelivery { driver: String },
    MarkDelivered,
    Cancel { reason: String },
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
            Transition::StartCooking => "start cooking",
            Transition::MarkReady => "be marked ready",
            Transition::AssignDelivery { .. } => "go out for delivery",
            Transition::MarkDelivered => "be marked delivered",
            Transition::Cancel { .. } => "be cancelled",
        }
    }

    /// The status this transition leads to.
    pub fn target(&self) -> OrderStatus {
        match self {
            Transition::StartCooking => OrderStatus::Cooking,
            Transition::MarkReady => OrderStatus::Ready,
            Transition::AssignDelivery { .. } => OrderStatus::Delivering,
            Transition::MarkDelivered => OrderStatus::Delivered,
            Transition::Cancel { .. } => OrderStatus::Cancelled,
        }
    }

    fn allowed_from(&self, current: OrderStatus) -> bool {
        use OrderStatus::*;
        match self {
            Transition::StartCooking => current == Pending,
            Transition::MarkReady => current == Cooking,
            Transition::AssignDelivery { .. } => current == Ready,
            Transition::MarkDelivered => current == Delivering,
            Transition::Cancel { .. } => !matches!(current, Delivered | Cancelled),
        }
    }
}

/// The status after `transition`, or why the order's `current` status forbids it.
pub(crate) fn decide(
    current: OrderStatus,
    transition: &Transition,
) -> Result<OrderStatus, IllegalTransition> {
    if transition.allowed_from(current) {
        Ok(transition.target())
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
    use OrderStatus::*;

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

    /// Given an order in `from`, when `transition` is asked, then the result is `expected`.
    fn given_when_then(from: OrderStatus, transition: Transition, expected: Option<OrderStatus>) {
        let outcome = decide(from, &transition);
        match expected {
            Some(status) => assert_eq!(outcome, Ok(status), "{from:?} + {transition:?}"),
            None => {
                let error = outcome.expect_err("the transition must be refused");
                assert_eq!(error.current, from);
                assert!(error.to_string().contains(from.as_str()), "{error}");
            }
        }
    }

    #[test]
    fn the_happy_path_runs_from_pending_to_delivered() {
        given_when_then(Pending, Transition::StartCooking, Some(Cooking));
        given_when_then(Cooking, Transition::MarkReady, Some(Ready));
        given_when_then(Ready, assign(), Some(Delivering));
        given_when_then(Delivering, Transition::MarkDelivered, Some(Delivered));
    }

    #[test]
    fn an_order_can_be_cancelled_before_it_is_delivered() {
        for from in [Pending, Cooking, Ready, Delivering] {
            given_when_then(from, cancel(), Some(Cancelled));
        }
    }

    #[test]
    fn delivered_and_cancelled_orders_are_final() {
        for from in [Delivered, Cancelled] {
            for transition in [
                Transition::StartCooking,
                Transition::MarkReady,
                assign(),
                Transition::MarkDelivered,
                cancel(),
            ] {
                given_when_then(from, transition, None);
            }
        }
    }

    #[test]
    fn steps_cannot_be_skipped_or_repeated() {
        let refused = [
            (Pending, Transition::MarkReady),
            (Pending, assign()),
            (Pending, Transition::MarkDelivered),
            (Cooking, Transition::StartCooking),
            (Cooking, assign()),
            (Cooking, Transition::MarkDelivered),
            (Ready, Transition::StartCooking),
            (Ready, Transition::MarkReady),
            (Ready, Transition::MarkDelivered),
            (Delivering, Transition::StartCooking),
            (Delivering, Transition::MarkReady),
            (Delivering, assign()),
        ];
        for (from, transition) in refused {
            given_when_then(from, transition, None);
        }
    }

    #[test]
    fn the_refusal_names_the_current_state() {
        let error = decide(Ready, &Transition::StartCooking).unwrap_err();
        assert_eq!(
            error.to_string(),
            "An order that is ready cannot start cooking."
        );
    }
}
