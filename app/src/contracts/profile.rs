//! A signed-in account's profile: `GetMyProfile` and `UpdateMyProfile`, both answering
//! the [`Profile`] (who they are, and for a customer their order figures).

use crate::contracts::AccountRole;
use crate::contracts::accounts::{email_error, normalized_email};
use crate::contracts::rules::verdict;
use crate::contracts::validation::{check_text, phone_error};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The caller's own profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetMyProfile {}

impl Request for GetMyProfile {
    type Response = Profile;
    const KIND: RequestKind = RequestKind::Query;
}

/// Changes the signed-in customer's details; a field left out keeps its value, and an
/// empty `address` forgets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateMyProfile {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

impl UpdateMyProfile {
    /// The email as stored, when one is given.
    pub fn normalized_email(&self) -> Option<String> {
        self.email.as_deref().map(normalized_email)
    }
}

impl Request for UpdateMyProfile {
    type Response = Profile;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(name) = &self.name {
            check_text(&mut errors, "name", name, "your name");
        }
        if let Some(message) = self.email.as_deref().and_then(email_error) {
            errors.push(FieldError::new("email", message));
        }
        if let Some(message) = self.phone.as_deref().and_then(phone_error) {
            errors.push(FieldError::new("phone", message));
        }
        if let Some(address) = self.address.as_deref().filter(|a| !a.trim().is_empty()) {
            check_text(&mut errors, "address", address, "a delivery address");
        }
        verdict(errors)
    }
}

/// Who is signed in, and for a customer their details and order figures (orders placed
/// while signed in, cancelled ones not counted). Staff have no details but their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Profile {
    pub username: String,
    pub role: AccountRole,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub total_orders: u64,
    pub total_spent: Decimal,
    /// The pizza they ordered most, by name.
    pub favourite_pizza: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    #[test]
    fn only_the_fields_given_are_checked() {
        assert_eq!(UpdateMyProfile::default().validate(), Ok(()));
        let update = UpdateMyProfile {
            name: Some(" ".into()),
            email: Some("nobody".into()),
            phone: Some("12".into()),
            address: Some(String::new()),
        };
        let fields = failing_fields(update.validate());
        assert_eq!(fields, ["name", "email", "phone"]);
    }
}
