//! `/account`, `/account/login` and `/account/register`. Sign-in and sign-up are plain
//! HTML forms, posted to `/api/auth/login` or `/api/auth/register`, which answer with a
//! redirect: on with the session cookie, or back with an `error` code these pages put in
//! words; neither needs JavaScript. `/account` shows a customer's notifications and
//! details.

mod details;
mod inbox;
mod login;
mod page;
mod prompts;
mod register;

pub(crate) use login::CustomerLoginPage;
pub(crate) use page::AccountPage;
pub(crate) use prompts::{SignInPrompt, SignOut};
pub(crate) use register::RegisterPage;
