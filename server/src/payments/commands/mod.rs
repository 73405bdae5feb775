//! The payment commands, one handler per file. `ProcessPayment` and `RefundPayment` are
//! the server's own: `PlaceOrder` charges before its unit of work and refunds when it
//! does not commit, so a declined card stores no order; `CancelOrder` refunds inside its
//! unit of work, so a failed refund cancels nothing. `MarkCashCollected` is sent by
//! drivers through the mediator.

#[cfg(test)]
mod charge_first_tests;
mod mark_cash_collected;
mod process_payment;
mod refund_payment;
#[cfg(test)]
mod tests;

pub(crate) use mark_cash_collected::MarkCashCollectedHandler;
pub(crate) use process_payment::{ProcessPayment, ProcessPaymentHandler};
pub(crate) use refund_payment::{RefundPayment, RefundPaymentHandler};

use crate::payments::gateway::GatewayError;
use mediator::Problem;

/// What the customer is told when the gateway did not do what was asked.
fn gateway_problem(error: GatewayError) -> Problem {
    match error {
        GatewayError::Declined => Problem::payment_required(
            "Payment was declined. Please try a different payment method.",
        ),
        GatewayError::InsufficientFunds => Problem::payment_required(
            "The card has insufficient funds. Please try a different payment method.",
        ),
        GatewayError::Unavailable(_) => Problem::unavailable(
            "Card payments are unavailable right now. Please try again in a minute.",
            Some(60),
        )
        .with_cause(error),
        GatewayError::UnknownCharge(_) => Problem::internal(error),
    }
}
