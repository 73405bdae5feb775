//! Hours slice: when the shop takes orders. The manager's weekly hours, closure days and
//! time zone (`commands`, `queries`, `store`, `events`), read in the zone by the pure
//! [`Schedule`](schedule::Schedule); [`ShopClock`] keeps it at hand, and the
//! [`OpenForOrders`] behavior refuses a placement outside the hours. Until a manager
//! sets hours, `SHOP_TIMEZONE` and `SHOP_HOURS` ([`HoursConfig`]) apply.

mod clock;
pub(crate) mod commands;
mod config;
mod events;
mod open_for_orders;
pub(crate) mod queries;
mod schedule;
mod store;
#[cfg(test)]
mod tests;
mod zone_offsets;

use app::contracts::ShopHours;
use chrono::{DateTime, Utc};
pub(crate) use clock::ShopClock;
pub use config::HoursConfig;
pub(crate) use events::HoursEvent;
pub(crate) use open_for_orders::OpenForOrders;
use schedule::Schedule;
pub(crate) use schedule::local_instant;

/// `schedule`'s hours with where the shop stands at `now`.
fn shop_hours(schedule: &Schedule, now: DateTime<Utc>) -> ShopHours {
    let closes_at = schedule.closes_at(now);
    let hours = schedule.hours.clone();
    ShopHours {
        timezone: hours.timezone,
        weekly: hours.weekly,
        closures: hours.closures,
        open_now: closes_at.is_some(),
        closes_at: closes_at.filter(|closes| *closes - now <= chrono::TimeDelta::hours(24)),
        next_opening: schedule.next_opening(closes_at.unwrap_or(now)),
        utc_offset_seconds: schedule.utc_offset_seconds(now),
    }
}
