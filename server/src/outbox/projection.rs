//! [`OutboxProjection`]: turns committed order events into messages in the `outbox`, in
//! the projector's transaction, so a message exists exactly when its event does and is
//! stored once however often the event is applied. It is no read model: a rebuild
//! leaves the outbox as it is (`tables` is empty), and a message more than
//! [`TOO_LATE`] after its event is not written at all, so replaying an old log (a
//! rebuild, or a first start on an existing database) never texts a customer about an
//! order long delivered.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use crate::orders::OrderEvent;
use crate::outbox::messages::{Message, messages};
use crate::outbox::store::{enqueue, phone_of};
use crate::projections::{BoxFuture, Projection, refused};
use chrono::{Duration, Utc};
use std::collections::HashMap;

/// How late a message may still be written.
pub(crate) const TOO_LATE: Duration = Duration::hours(1);

/// Writes the messages of each order event.
pub(crate) struct OutboxProjection;

impl Projection for OutboxProjection {
    fn name(&self) -> &'static str {
        "outbox"
    }

    fn tables(&self) -> &'static [&'static str] {
        &[]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        self.apply_all(tx, std::slice::from_ref(event))
    }

    /// One statement for the batch's messages; a phone number is looked up once an order.
    fn apply_all<'a>(
        &'a self,
        tx: &'a mut Tx,
        events: &'a [StoredEvent],
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            let Some(first) = events.first() else {
                return Ok(());
            };
            let mut phones: HashMap<String, Option<String>> = HashMap::new();
            let mut outgoing: Vec<Message> = Vec::new();
            let oldest = Utc::now() - TOO_LATE;
            for event in events.iter().filter(|event| event.recorded_at >= oldest) {
                let Some(order) = event.decode::<OrderEvent>().transpose()? else {
                    continue;
                };
                let order_id = order.order_id().to_string();
                let phone = match &order {
                    OrderEvent::OrderPlaced(placed) => Some(placed.customer_phone.clone()),
                    _ => match phones.get(&order_id) {
                        Some(known) => known.clone(),
                        None => phone_of(tx, &order_id).await?,
                    },
                };
                phones.insert(order_id, phone.clone());
                if let Some(phone) = phone {
                    outgoing.extend(messages(event.position, &order, &phone));
                }
            }
            enqueue(tx, &outgoing)
                .await
                .map_err(refused(self.name(), first.position))
        })
    }
}
