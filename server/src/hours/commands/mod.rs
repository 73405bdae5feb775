//! The hours commands, one handler per file.

mod update_shop_hours;

pub(crate) use update_shop_hours::UpdateShopHoursHandler;
