//! Menu queries, one handler per file.

mod get_menu;

pub(crate) use get_menu::GetMenuHandler;
