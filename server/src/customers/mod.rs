//! Customers slice: the accounts customers sign up for, and their profile
//! (`GetMyProfile`, `UpdateMyProfile`). Signing up hashes the password
//! first (`StaffAuth::register`, on the hasher threads), then sends
//! [`CreateCustomerAccount`], which writes the account in the command's transaction, so
//! no slow hash ever holds the write transaction.

mod create_customer_account;
mod get_my_profile;
mod profile;
mod update_my_profile;

pub(crate) use create_customer_account::{CreateCustomerAccount, CreateCustomerAccountHandler};
pub(crate) use get_my_profile::GetMyProfileHandler;
pub(crate) use update_my_profile::UpdateMyProfileHandler;
