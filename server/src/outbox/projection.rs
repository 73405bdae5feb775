//! [`OutboxProjection`]: turns committed order events into messages in the `outbox`, in
//! the projector's transaction, so a message exists exactly when its event does and is
//! stored once however often the event is applied. It is no read model: a rebuild
//! leaves the outbox as it is (`tables` is empty), and a message more than
//! [`TOO_LATE`] after its event is not written at all, so replaying an old log (a
//! rebuild, or a first start on an existing database) never texts a customer about an
//! order long delivered. With a CloudEvents sink configured it also stores every event
//! (of any stream) as a CloudEvent for the sink; consumers that want older events pull
//! them from `GET /api/events`.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use crate::orders::OrderEvent;
use crate::outbox::messages::{Outgoing, messages, published};
use crate::outbox::store::{enqueue, phone_of};
use crate::projections::{BoxFuture, Projection, refused};
use chrono::{Duration, Utc};
use std::collections::HashMap;

/// How late a message may still be written.
pub(crate) const TOO_LATE: Duration = Duration::hours(1);

/// Writes the messages of each order event, and each event for the sink when there is
/// one.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct OutboxProjection {
    /// Store every event as a CloudEvent for the sink (`CLOUDEVENTS_SINK_URL` is set).
    pub publish: bool,
}

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
            let mut outgoing: Vec<Outgoing> = Vec::new();
            let oldest = Utc::now() - TOO_LATE;
            for event in events.iter().filter(|event| event.recorded_at >= oldest) {
                if self.publish {
                    outgoing.push(published(event)?);
                }
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
                    for message in messages(event.position, &order, &phone) {
                        outgoing.push(message.outgoing()?);
                    }
                }
            }
            enqueue(tx, &outgoing)
                .await
                .map_err(refused(self.name(), first.position))
        })
    }
}
