//! `MarkOrderReady`: every pizza of a `cooking` order is out of the oven; records
//! `OrderReady`. A plain step: `transition.rs` handles it, answering 200 with the order's
//! new status, `ready`.

use crate::orders::commands::transition::PlainStep;
use crate::orders::lifecycle::Transition;
use app::contracts::MarkOrderReady;
use uuid::Uuid;

impl PlainStep for MarkOrderReady {
    fn step(self) -> (Uuid, Transition) {
        (self.order_id, Transition::MarkReady)
    }
}
