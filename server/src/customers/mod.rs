//! Customers slice: the accounts customers sign up for. Signing up hashes the password
//! first (`StaffAuth::register`, on the hasher threads), then sends
//! [`CreateCustomerAccount`], which writes the account in the command's transaction, so
//! no slow hash ever holds the write transaction.

mod create_customer_account;

pub(crate) use create_customer_account::{CreateCustomerAccount, CreateCustomerAccountHandler};
