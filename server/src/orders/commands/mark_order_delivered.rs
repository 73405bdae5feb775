//! `MarkOrderDelivered`: the customer received a `delivering` order; records
//! `OrderDelivered`, after which the order is final. A plain step: `transition.rs`
//! handles it, answering 200 with the order's new status, `delivered`.

use crate::orders::commands::transition::PlainStep;
use crate::orders::lifecycle::Transition;
use app::contracts::MarkOrderDelivered;
use uuid::Uuid;

impl PlainStep for MarkOrderDelivered {
    fn step(self) -> (Uuid, Transition) {
        (self.order_id, Transition::MarkDelivered)
    }
}
