//! Customer accounts: `RegisterCustomer` and who a signed-in session belongs to
//! ([`SignedIn`], what sign-in, sign-up and `GET /api/auth/me` answer).

use crate::contracts::StaffRole;
use crate::contracts::rules::verdict;
use crate::contracts::validation::{check_text, phone_error};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// Shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;
/// Longest password accepted: argon2 takes any length, a request body should not.
pub const MAX_PASSWORD_LEN: usize = 128;
/// Accepted lengths of a username.
pub const USERNAME_LEN: std::ops::RangeInclusive<usize> = 3..=32;
/// Longest email address (RFC 5321's path limit).
pub const MAX_EMAIL_LEN: usize = 254;

/// What a signed-in account may do: a customer's own things, or a member of staff's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountRole {
    Customer,
    Chef,
    Driver,
    Manager,
}

impl From<StaffRole> for AccountRole {
    fn from(role: StaffRole) -> Self {
        match role {
            StaffRole::Chef => AccountRole::Chef,
            StaffRole::Driver => AccountRole::Driver,
            StaffRole::Manager => AccountRole::Manager,
        }
    }
}

/// Who a session belongs to: what sign-in, sign-up and `GET /api/auth/me` answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignedIn {
    pub username: String,
    pub role: AccountRole,
    /// A customer's name; staff have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Who the site header shows as signed in: their name (a member of staff's username)
/// and, for a customer, how many notifications they have not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccountBadge {
    pub role: AccountRole,
    pub name: String,
    pub unread: u32,
}

/// Sign up as a customer. Answers 201 with the new account (the HTTP side then signs it
/// in); a username or email already taken answers 409 naming the field.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema), schema(example = json!({
    "username": "ada",
    "password": "a long passphrase",
    "name": "Ada Lovelace",
    "email": "ada@example.com",
    "phone": "+44 20 7946 0000"
})))]
#[serde(deny_unknown_fields)]
pub struct RegisterCustomer {
    /// 3 to 32 lowercase letters, digits, `.`, `_` or `-`; unique among all accounts.
    pub username: String,
    /// At least 10 characters, not the username.
    pub password: String,
    pub name: String,
    /// Unique; compared without regard to case.
    pub email: String,
    pub phone: String,
    /// Where orders usually go; the checkout starts from it.
    #[serde(default)]
    pub address: Option<String>,
}

impl Request for RegisterCustomer {
    type Response = SignedIn;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(message) = username_error(&self.username) {
            errors.push(FieldError::new("username", message));
        }
        if let Some(message) = password_error(&self.password, &self.username) {
            errors.push(FieldError::new("password", message));
        }
        check_text(&mut errors, "name", &self.name, "your name");
        if let Some(message) = email_error(&self.email) {
            errors.push(FieldError::new("email", message));
        }
        if let Some(message) = phone_error(&self.phone) {
            errors.push(FieldError::new("phone", message));
        }
        if let Some(address) = self.address.as_deref().filter(|a| !a.trim().is_empty()) {
            check_text(&mut errors, "address", address, "a delivery address");
        }
        verdict(errors)
    }
}

/// What is wrong with `username` as a new account's name, if anything.
pub fn username_error(username: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
    if !USERNAME_LEN.contains(&username.chars().count()) {
        Some(format!(
            "A username has {} to {} characters.",
            USERNAME_LEN.start(),
            USERNAME_LEN.end()
        ))
    } else if !username.chars().all(allowed) {
        Some("Use lowercase letters, digits, dots, dashes and underscores.".into())
    } else {
        None
    }
}

/// What is wrong with `password` as `username`'s new password, if anything.
pub fn password_error(password: &str, username: &str) -> Option<String> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_LEN {
        Some(format!(
            "A password has at least {MIN_PASSWORD_LEN} characters."
        ))
    } else if length > MAX_PASSWORD_LEN {
        Some(format!(
            "A password has at most {MAX_PASSWORD_LEN} characters."
        ))
    } else if password.trim().eq_ignore_ascii_case(username.trim()) {
        Some("Choose a password other than your username.".into())
    } else {
        None
    }
}

/// An email is `local@domain.tld`, with no spaces, at most 254 characters.
pub(crate) fn email_error(email: &str) -> Option<&'static str> {
    let email = email.trim();
    let shaped = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    });
    if email.is_empty() {
        Some("Please enter your email address.")
    } else if email.len() > MAX_EMAIL_LEN {
        Some("An email address has at most 254 characters.")
    } else if !shaped || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("Enter an email address like name@example.com.")
    } else {
        None
    }
}

/// The form of `email` that is compared and stored: trimmed, lowercase.
pub fn normalized_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn valid() -> RegisterCustomer {
        RegisterCustomer {
            username: "giulia".into(),
            password: "margherita-42".into(),
            name: "Giulia Bianchi".into(),
            email: "Giulia@Example.com".into(),
            phone: "+39 06 555 0101".into(),
            address: None,
        }
    }

    fn fields(request: &RegisterCustomer) -> Vec<String> {
        failing_fields(request.validate())
    }

    #[test]
    fn a_complete_sign_up_passes() {
        assert_eq!(valid().validate(), Ok(()));
        assert_eq!(normalized_email(&valid().email), "giulia@example.com");
    }

    #[test]
    fn every_broken_field_is_named() {
        let request = RegisterCustomer {
            username: "Gi ulia".into(),
            password: "short".into(),
            name: " ".into(),
            email: "giulia.example.com".into(),
            phone: "12".into(),
            address: Some("\u{202E}".into()),
        };
        assert_eq!(
            fields(&request),
            ["username", "password", "name", "email", "phone", "address"]
        );
    }

    #[test]
    fn the_password_may_not_be_the_username() {
        let mut request = valid();
        request.username = "giulia-rossi".into();
        request.password = "Giulia-Rossi".into();
        assert_eq!(fields(&request), ["password"]);
    }
}
