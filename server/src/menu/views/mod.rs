//! The menu slice's read model and what keeps its cache honest.

mod menu_view;
mod menu_view_caught_up;

pub(crate) use menu_view::MenuView;
pub(crate) use menu_view_caught_up::MenuViewCaughtUp;
