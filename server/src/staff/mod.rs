//! Staff: accounts, sign-in sessions, and the authorization behavior that checks every
//! command and query against the caller's role.

mod accounts;
mod authorization;
mod limiter;
mod passwords;
mod sessions;
mod sign_in;

pub(crate) use accounts::bootstrap;
pub(crate) use authorization::{ANY_STAFF, Authorization};
pub(crate) use sign_in::{SessionToken, StaffAuth};
