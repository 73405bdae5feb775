//! The hours queries, one handler per file.

mod get_shop_hours;

pub(crate) use get_shop_hours::GetShopHoursHandler;
