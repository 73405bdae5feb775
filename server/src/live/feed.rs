//! The live feed: once the projector has committed a batch (read models and checkpoint),
//! the order lifecycle events in it go out as [`OrderUpdate`]s on a broadcast channel to
//! every open stream. Fed by the projector rather than by the commands, an update is sent
//! only once the read models include it, and events that other server processes append
//! to a shared PostgreSQL database reach this process's streams the same way.

use crate::db::DbError;
use crate::events::StoredEvent;
use crate::orders::OrderEvent;
use crate::orders::views::StatusChange;
use app::contracts::OrderUpdate;
use tokio::sync::{broadcast, watch};

/// Updates a stream may fall behind by before it lags; a lagging stream catches up from
/// the event store, so this bounds memory, not what a client receives.
const CAPACITY: usize = 1024;

/// The broadcast of order updates, and the signal that ends every stream at shutdown.
/// Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct LiveFeed {
    updates: broadcast::Sender<OrderUpdate>,
    closing: watch::Sender<bool>,
}

impl Default for LiveFeed {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

impl LiveFeed {
    /// A feed that lets a stream fall `capacity` updates behind before it lags.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            updates: broadcast::channel(capacity).0,
            closing: watch::Sender::new(false),
        }
    }

    /// Publishes the order updates among `events`, which the projector has just
    /// committed, in position order.
    pub fn publish(&self, events: &[StoredEvent]) {
        // Nobody listening: a stream that subscribes from now on replays these from the
        // store, since the projector's position already includes them.
        if self.updates.receiver_count() == 0 {
            return;
        }
        for event in events {
            match update_of(event) {
                Ok(Some(update)) => {
                    // Fails only when every receiver has gone meanwhile.
                    let _ = self.updates.send(update);
                }
                Ok(None) => {}
                // The read models decoded this very event, so this cannot happen short of
                // a bug; a stream that replays it from the store ends with the error.
                Err(error) => tracing::error!(%error, "an event has no live update"),
            }
        }
    }

    /// Every update published from now on, and whether the server is shutting down.
    pub fn subscribe(&self) -> (broadcast::Receiver<OrderUpdate>, watch::Receiver<bool>) {
        (self.updates.subscribe(), self.closing.subscribe())
    }

    /// Ends every stream, open or opened later: the server is shutting down, and
    /// graceful shutdown waits for every response to finish.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }
}

/// The update `event` describes, when it is an order lifecycle event: the status the
/// order reached, with the driver or the cancellation reason as its note.
pub(crate) fn update_of(event: &StoredEvent) -> Result<Option<OrderUpdate>, DbError> {
    let change = event
        .decode::<OrderEvent>()
        .transpose()?
        .map(|event| StatusChange::of(&event));
    Ok(change.map(|change| OrderUpdate {
        position: event.position,
        order_id: change.order_id,
        status: change.status,
        at: change.at,
        note: change.note,
        by: change.by,
        pizza: change.pizza,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{DomainEvent, PAYLOAD_VERSION, encode};
    use crate::menu::{MenuEvent, PizzaRemoved};
    use crate::orders::{
        CookingStarted, OrderCancelled, OrderDelivered, OrderOutForDelivery, OrderPlaced,
        OrderReady,
    };
    use app::contracts::{OrderStatus, PaymentMethod};
    use chrono::{DateTime, Utc};
    use rust_decimal::Decimal;
    use uuid::Uuid;

    fn at() -> DateTime<Utc> {
        "2026-11-26T12:30:00Z".parse().unwrap()
    }

    fn stored<E: DomainEvent>(position: i64, event: &E) -> StoredEvent {
        let (event_type, payload) = encode(event).unwrap();
        StoredEvent {
            position,
            stream_id: event.stream_id(),
            stream_version: 1,
            event_type,
            schema_version: PAYLOAD_VERSION,
            payload,
            recorded_at: at(),
        }
    }

    fn placed(order_id: Uuid) -> OrderPlaced {
        OrderPlaced {
            order_id,
            customer_name: "Ada".into(),
            customer_phone: "+1 555 010 0200".into(),
            customer_address: "1 Main St".into(),
            customer_username: None,
            payment_method: PaymentMethod::Card,
            lines: Vec::new(),
            total_amount: Decimal::new(1299, 2),
            breakdown: None,
            total_prep_minutes: 12,
            cook_minutes: 12,
            placed_at: at(),
            estimated_ready_at: at(),
        }
    }

    fn update(
        position: i64,
        order_id: Uuid,
        status: OrderStatus,
        note: Option<&str>,
    ) -> OrderUpdate {
        OrderUpdate {
            position,
            order_id,
            status,
            at: at(),
            note: note.map(str::to_owned),
            by: None,
            pizza: None,
        }
    }

    #[test]
    fn each_lifecycle_event_becomes_the_status_it_reached_with_its_note() {
        use OrderStatus::*;
        let id = Uuid::new_v4();
        let cases = [
            (
                stored(1, &OrderEvent::OrderPlaced(placed(id))),
                update(1, id, Pending, None),
            ),
            (
                stored(
                    2,
                    &OrderEvent::CookingStarted(CookingStarted {
                        order_id: id,
                        at: at(),
                        by: None,
                        minutes: None,
                    }),
                ),
                update(2, id, Cooking, None),
            ),
            (
                stored(
                    3,
                    &OrderEvent::OrderReady(OrderReady {
                        order_id: id,
                        at: at(),
                        by: None,
                    }),
                ),
                update(3, id, Ready, None),
            ),
            (
                stored(
                    4,
                    &OrderEvent::OrderOutForDelivery(OrderOutForDelivery {
                        order_id: id,
                        driver: "Luigi".into(),
                        at: at(),
                        by: None,
                    }),
                ),
                update(4, id, Delivering, Some("Luigi")),
            ),
            (
                stored(
                    5,
                    &OrderEvent::OrderDelivered(OrderDelivered {
                        order_id: id,
                        at: at(),
                        by: None,
                    }),
                ),
                update(5, id, Delivered, None),
            ),
            (
                stored(
                    6,
                    &OrderEvent::OrderCancelled(OrderCancelled {
                        order_id: id,
                        reason: "oven broke".into(),
                        at: at(),
                        by: None,
                    }),
                ),
                update(6, id, Cancelled, Some("oven broke")),
            ),
        ];
        for (event, expected) in cases {
            assert_eq!(
                update_of(&event).unwrap(),
                Some(expected),
                "{}",
                event.event_type
            );
        }
    }

    #[test]
    fn events_that_do_not_move_an_order_have_no_update() {
        let removed = MenuEvent::PizzaRemoved(PizzaRemoved {
            pizza_id: "funghi".into(),
            at: at(),
        });
        assert_eq!(update_of(&stored(7, &removed)).unwrap(), None);
    }

    #[test]
    fn a_corrupt_payload_is_an_error_naming_its_position() {
        let mut event = stored(8, &OrderEvent::OrderPlaced(placed(Uuid::new_v4())));
        event.payload = "{\"order_id\": 42}".into();
        let error = update_of(&event).unwrap_err().to_string();
        assert!(error.contains("position 8"), "{error}");
    }

    #[tokio::test]
    async fn subscribers_receive_the_order_updates_of_each_batch_in_order() {
        let feed = LiveFeed::default();
        let (mut updates, closing) = feed.subscribe();
        let id = Uuid::new_v4();
        let removed = MenuEvent::PizzaRemoved(PizzaRemoved {
            pizza_id: "funghi".into(),
            at: at(),
        });
        feed.publish(&[
            stored(1, &OrderEvent::OrderPlaced(placed(id))),
            stored(2, &removed),
            stored(
                3,
                &OrderEvent::CookingStarted(CookingStarted {
                    order_id: id,
                    at: at(),
                    by: None,
                    minutes: None,
                }),
            ),
        ]);
        assert_eq!(updates.recv().await.unwrap().position, 1);
        assert_eq!(updates.recv().await.unwrap().position, 3);
        assert!(
            updates.try_recv().is_err(),
            "the menu event is not an update"
        );
        assert!(!*closing.borrow());
        feed.close();
        assert!(*closing.borrow(), "closing reaches open subscribers");
        assert!(*feed.subscribe().1.borrow(), "and later ones");
    }
}
