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
use crate::hours::ShopClock;
use crate::orders::OrderEvent;
use crate::outbox::messages::{Outgoing, Recipient, messages, published};
use crate::outbox::store::{email_of, enqueue, recipient_of};
use crate::projections::{BoxFuture, Projection, refused};
use chrono::{Duration, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// How late a message may still be written.
pub(crate) const TOO_LATE: Duration = Duration::hours(1);

/// Writes the messages of each order event, and each event for the sink when there is
/// one.
#[derive(Clone, Default)]
pub(crate) struct OutboxProjection {
    /// Store every event as a CloudEvent for the sink (`CLOUDEVENTS_SINK_URL` is set).
    pub publish: bool,
    /// The shop's clock, whose time zone messages show times in; `None`: UTC.
    pub clock: Option<ShopClock>,
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

    /// One statement for the batch's messages; a customer is looked up once an order.
    fn apply_all<'a>(
        &'a self,
        tx: &'a mut Tx,
        events: &'a [StoredEvent],
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            let Some(first) = events.first() else {
                return Ok(());
            };
            let mut customers: HashMap<String, Option<Recipient>> = HashMap::new();
            let mut outgoing: Vec<Outgoing> = Vec::new();
            let zone = match &self.clock {
                Some(clock) => clock.schedule().await?.zone,
                None => Tz::UTC,
            };
            let oldest = Utc::now() - TOO_LATE;
            for event in events.iter().filter(|event| event.recorded_at >= oldest) {
                if self.publish {
                    outgoing.push(published(event)?);
                }
                let Some(order) = event.decode::<OrderEvent>().transpose()? else {
                    continue;
                };
                let order_id = order.order_id().to_string();
                let customer = match &order {
                    OrderEvent::OrderPlaced(placed) => Some(Recipient {
                        phone: placed.customer_phone.clone(),
                        email: match &placed.customer_username {
                            Some(username) => email_of(tx, username).await?,
                            None => None,
                        },
                    }),
                    _ => match customers.get(&order_id) {
                        Some(known) => known.clone(),
                        None => recipient_of(tx, &order_id).await?,
                    },
                };
                customers.insert(order_id, customer.clone());
                if let Some(customer) = customer {
                    for message in messages(event.position, &order, &customer, zone) {
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
