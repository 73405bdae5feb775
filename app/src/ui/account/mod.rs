//! `/account/login` and `/account/register`: a customer signs in or up with a plain HTML
//! form, posted to `/api/auth/login` or `/api/auth/register`, which answer with a
//! redirect: on to their orders with the session cookie, or back here with an `error`
//! code these pages put in words. Neither needs JavaScript.

mod login;
mod register;

pub(crate) use login::CustomerLoginPage;
pub(crate) use register::RegisterPage;
