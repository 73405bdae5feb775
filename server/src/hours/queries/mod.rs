//! The hours queries, one handler per file.

mod get_shop_hours;
mod get_shop_status;
mod get_shop_zone;

pub(crate) use get_shop_hours::GetShopHoursHandler;
pub(crate) use get_shop_status::GetShopStatusHandler;
pub(crate) use get_shop_zone::GetShopZoneHandler;
