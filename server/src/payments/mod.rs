//! Payments slice: how an order is paid. A card is charged through the
//! [`PaymentGateway`] port (the built-in [`SimulatedGateway`] follows the test-card
//! convention) by `ProcessPayment`, before the placement's unit of work opens (refunded
//! if the placement then fails to commit); cancelling a
//! paid order refunds it (`RefundPayment`); a driver marks cash collected
//! (`MarkCashCollected`). The card's number and security code go to the gateway only:
//! what is kept is the brand, the last four digits and the gateway's reference.

pub(crate) mod commands;
mod events;
mod gateway;
mod simulator;
mod store;
pub(crate) mod views;

pub(crate) use events::{PaymentCaptured, PaymentEvent};
pub use gateway::GatewayChoice;
pub(crate) use gateway::Payments;
pub(crate) use simulator::SimulatedGateway;
