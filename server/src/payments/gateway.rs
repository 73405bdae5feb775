//! The [`PaymentGateway`] port: what the payment commands need from a card processor,
//! and [`GatewayChoice`], the configuration (`PAYMENT_GATEWAY`) that picks the adapter.
//! A real provider's adapter implements the same trait.

use crate::payments::SimulatedGateway;
use crate::projections::BoxFuture;
use anyhow::bail;
use app::contracts::CardDetails;
use rust_decimal::Decimal;
use std::sync::Arc;
use uuid::Uuid;

/// A charge to make: `amount` on `card`, for the order `order_id`.
pub(crate) struct ChargeRequest<'a> {
    pub order_id: Uuid,
    pub amount: Decimal,
    pub card: &'a CardDetails,
}

/// Why the gateway did not charge or refund.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum GatewayError {
    /// The card's bank refused the charge.
    #[error("the card was declined")]
    Declined,
    /// The card's account cannot cover the amount.
    #[error("the card has insufficient funds")]
    InsufficientFunds,
    /// The gateway knows no charge by this reference.
    #[error("no charge has the reference {0}")]
    UnknownCharge(String),
    /// The gateway could not be reached or failed; the cause is for the logs.
    #[error("the payment gateway failed: {0}")]
    Unavailable(String),
}

/// A card processor. Implementations never log the card's number or security code.
pub(crate) trait PaymentGateway: Send + Sync + 'static {
    /// Charges the card; answers the gateway's reference of the charge.
    fn charge<'a>(
        &'a self,
        request: ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<String, GatewayError>>;

    /// Gives back `amount` of the charge `reference`; answers the refund's reference.
    fn refund<'a>(
        &'a self,
        reference: &'a str,
        amount: Decimal,
    ) -> BoxFuture<'a, Result<String, GatewayError>>;
}

/// The gateway the payment commands share.
pub(crate) type Payments = Arc<dyn PaymentGateway>;

/// Which gateway the server charges cards through; `PAYMENT_GATEWAY`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GatewayChoice {
    /// `simulator` (the default): no money moves; the test cards decide the outcome.
    #[default]
    Simulator,
}

impl GatewayChoice {
    /// Parses `PAYMENT_GATEWAY`; a name we have no adapter for stops the start.
    pub fn parse(name: &str) -> anyhow::Result<Self> {
        match name.trim() {
            "simulator" => Ok(Self::Simulator),
            other => bail!("PAYMENT_GATEWAY {other:?} is not one we have: use \"simulator\""),
        }
    }

    /// The adapter chosen.
    pub(crate) fn gateway(self) -> Payments {
        match self {
            Self::Simulator => Arc::new(SimulatedGateway),
        }
    }
}
