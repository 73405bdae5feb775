//! Kitchen slice: what the kitchen has in hand and how long a new order waits. The
//! workload view (`views`) keeps the queue; [`Workload`](workload::Workload) turns it
//! into a ready time with the kitchen's capacity; [`ready_time`] is what placing an order
//! asks, and refuses the order with 503 when the wait is longer than the shop allows.

mod estimate;
#[cfg(test)]
mod tests;
pub(crate) mod views;
mod workload;

pub(crate) use estimate::{KitchenLimits, ready_time, ready_time_now};
