//! What a notification says, from the status its order reached and the note that came
//! with it (the driver, or the reason for a cancellation).

use app::contracts::OrderStatus;

/// The sentence a customer reads for their order reaching `status`.
pub(crate) fn notification_text(status: OrderStatus, note: Option<&str>) -> String {
    match (status, note) {
        (OrderStatus::Pending, _) => "We received your order.".to_owned(),
        (OrderStatus::Cooking, _) => "Your pizza is in the oven.".to_owned(),
        (OrderStatus::Ready, _) => "Your order is ready and waiting for a driver.".to_owned(),
        (OrderStatus::Delivering, Some(driver)) => {
            format!("Your order is on its way with {driver}.")
        }
        (OrderStatus::Delivering, None) => "Your order is on its way.".to_owned(),
        (OrderStatus::Delivered, _) => "Your order was delivered. Enjoy!".to_owned(),
        (OrderStatus::Cancelled, Some(reason)) => {
            format!("Your order was cancelled: {reason}")
        }
        (OrderStatus::Cancelled, None) => "Your order was cancelled.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_driver_and_the_reason_are_part_of_the_sentence() {
        assert_eq!(
            notification_text(OrderStatus::Delivering, Some("Dave")),
            "Your order is on its way with Dave."
        );
        assert_eq!(
            notification_text(OrderStatus::Cancelled, Some("Out of dough")),
            "Your order was cancelled: Out of dough"
        );
        assert_eq!(
            notification_text(OrderStatus::Cooking, None),
            "Your pizza is in the oven."
        );
    }
}
