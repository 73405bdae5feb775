//! Order lifecycle contracts: the staff commands that move an order along
//! `pending → cooking → ready → delivering → delivered` (the kitchen marks a cooking order
//! ready as a whole, or pizza line by pizza line), or cancel it before delivery.
//! Each answers [`OrderStatusChanged`]; a step the order's status does not allow is a 409.

use crate::contracts::OrderStatus;
use crate::contracts::rules::{required_text, verdict};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest driver name accepted, in characters.
pub const MAX_DRIVER_LEN: usize = 100;
/// Most minutes a chef may say an order takes in the oven.
pub const MAX_COOK_MINUTES: u32 = 180;
/// Longest cancellation reason accepted, in characters.
pub const MAX_REASON_LEN: usize = 200;

/// What every lifecycle command answers (200).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderStatusChanged {
    pub order_id: Uuid,
    /// The order's status after the command.
    pub status: OrderStatus,
    /// Global position of the event the command appended: a query that asks to see at
    /// least this position reads this change.
    pub position: i64,
}

/// The kitchen starts cooking a `pending` order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StartCooking {
    pub order_id: Uuid,
    /// How long it will take in the oven, as the chef judges it: 1 to
    /// [`MAX_COOK_MINUTES`]. Left out, the recipes' time; the order's estimate follows.
    #[serde(default)]
    pub minutes: Option<u32>,
}

/// Every pizza of a `cooking` order is out of the oven.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MarkOrderReady {
    pub order_id: Uuid,
}

/// One line of a `cooking` order is out of the oven (`line` counts from 0, in the order's
/// `lines`). The order is `ready` once its last line is: the answer's status says which.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MarkPizzaReady {
    pub order_id: Uuid,
    pub line: u32,
}

/// A driver takes a `ready` order out for delivery.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AssignDelivery {
    pub order_id: Uuid,
    /// Who delivers it: a driver account's username (a driver may give only themselves;
    /// `ListDrivers` lists whom the caller may give); at most [`MAX_DRIVER_LEN`] characters.
    pub driver: String,
}

/// The customer received a `delivering` order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MarkOrderDelivered {
    pub order_id: Uuid,
}

/// Cancels an order that is not delivered (or cancelled) yet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CancelOrder {
    pub order_id: Uuid,
    /// Why: not blank, at most [`MAX_REASON_LEN`] characters.
    pub reason: String,
}

/// Implements `Request` for lifecycle commands that carry nothing but the order id.
macro_rules! id_only_commands {
    ($($command:ident),* $(,)?) => {$(
        impl Request for $command {
            type Response = OrderStatusChanged;
            const KIND: RequestKind = RequestKind::Command;
        }
    )*};
}

id_only_commands!(MarkOrderReady, MarkOrderDelivered);

impl Request for StartCooking {
    type Response = OrderStatusChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let in_range = self
            .minutes
            .is_none_or(|minutes| (1..=MAX_COOK_MINUTES).contains(&minutes));
        if in_range {
            Ok(())
        } else {
            let message = format!("The time in the oven is 1 to {MAX_COOK_MINUTES} minutes.");
            Err(vec![FieldError::new("minutes", message)])
        }
    }
}

impl Request for MarkPizzaReady {
    type Response = OrderStatusChanged;
    const KIND: RequestKind = RequestKind::Command;
}

impl Request for AssignDelivery {
    type Response = OrderStatusChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        required_text(&mut errors, "driver", &self.driver, MAX_DRIVER_LEN);
        verdict(errors)
    }
}

impl Request for CancelOrder {
    type Response = OrderStatusChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        required_text(&mut errors, "reason", &self.reason, MAX_REASON_LEN);
        verdict(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn fields(result: Result<(), Vec<FieldError>>) -> Vec<String> {
        failing_fields(result)
    }

    #[test]
    fn a_driver_is_named_in_at_most_a_hundred_characters() {
        let order_id = Uuid::nil();
        let assign = |driver: String| AssignDelivery { order_id, driver }.validate();
        assert_eq!(assign("Luigi".into()), Ok(()));
        assert_eq!(fields(assign("  ".into())), ["driver"]);
        assert_eq!(fields(assign("x".repeat(MAX_DRIVER_LEN + 1))), ["driver"]);
    }

    #[test]
    fn a_chef_may_say_an_order_takes_one_to_a_hundred_and_eighty_minutes() {
        let order_id = Uuid::nil();
        let start = |minutes| StartCooking { order_id, minutes }.validate();
        assert_eq!(start(None), Ok(()));
        assert_eq!(start(Some(1)), Ok(()));
        assert_eq!(start(Some(MAX_COOK_MINUTES)), Ok(()));
        assert_eq!(fields(start(Some(0))), ["minutes"]);
        assert_eq!(fields(start(Some(MAX_COOK_MINUTES + 1))), ["minutes"]);
        let json = r#"{"order_id":"00000000-0000-0000-0000-000000000000"}"#;
        let command: StartCooking = serde_json::from_str(json).unwrap();
        assert_eq!(command.minutes, None);
    }

    #[test]
    fn a_cancellation_gives_a_reason_of_at_most_two_hundred_characters() {
        let order_id = Uuid::nil();
        let cancel = |reason: String| CancelOrder { order_id, reason }.validate();
        assert_eq!(cancel("Customer called".into()), Ok(()));
        assert_eq!(fields(cancel(String::new())), ["reason"]);
        assert_eq!(fields(cancel("x".repeat(MAX_REASON_LEN + 1))), ["reason"]);
    }

    #[test]
    fn commands_use_snake_case_field_names() {
        let json = r#"{"order_id":"00000000-0000-0000-0000-000000000000","driver":"Ann"}"#;
        let command: AssignDelivery = serde_json::from_str(json).unwrap();
        assert_eq!(command.driver, "Ann");
        let answer = OrderStatusChanged {
            order_id: Uuid::nil(),
            status: OrderStatus::Delivering,
            position: 7,
        };
        let value = serde_json::to_value(&answer).unwrap();
        assert_eq!(value["status"], "delivering");
        assert_eq!(value["position"], 7);
    }
}
