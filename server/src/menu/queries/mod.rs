//! Menu queries, one handler per file.

mod get_editable_menu;
mod get_menu;
mod menu_row;

pub(crate) use get_editable_menu::GetEditableMenuHandler;
pub(crate) use get_menu::GetMenuHandler;
