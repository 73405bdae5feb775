//! Staff: accounts (managed from the site by `commands` and `queries`, from the server's
//! machine by `admin`), sign-in sessions, the authorization behavior that checks every
//! command and query against the caller's role, and who may take an order out.

mod accounts;
pub(crate) mod admin;
mod authorization;
pub(crate) mod commands;
mod devices;
mod events;
mod hashers;
mod limiter;
mod list_drivers;
mod members;
mod passwords;
pub(crate) mod queries;
mod sessions;
mod sign_in;

pub(crate) use accounts::{ANY_ACCOUNT_NAMED, bootstrap, role_of};
pub(crate) use authorization::{ANY_STAFF, Authorization};
pub(crate) use devices::{DEVICE_TTL, DeviceToken};
pub(crate) use limiter::whole_seconds;
pub(crate) use list_drivers::ListDriversHandler;
pub(crate) use sign_in::{SessionToken, StaffAuth};
