//! Live updates over Server-Sent Events: after each batch the projector commits, the
//! order lifecycle events in it go out on the [`LiveFeed`] (`feed`); each client's
//! [`Subscription`] replays what it missed from the event store (`replay`) and follows
//! the feed from there (`stream`). Opening a stream is a query through the mediator
//! (`watch_kitchen`, `watch_order`), so the policy table authorizes it.

mod feed;
mod replay;
mod stream;
mod watch_kitchen;
mod watch_order;

pub(crate) use feed::LiveFeed;
pub(crate) use stream::{LiveUpdates, Subscription};
pub(crate) use watch_kitchen::{WatchKitchen, WatchKitchenHandler};
pub(crate) use watch_order::{WatchOrder, WatchOrderHandler};
