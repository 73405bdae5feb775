//! The manager's queries on staff accounts, one handler per file.

mod list_staff;

pub(crate) use list_staff::ListStaffHandler;
