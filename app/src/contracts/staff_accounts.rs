//! Staff accounts as a manager keeps them from the site: who works here ([`ListStaff`]),
//! adding a member ([`AddStaffMember`]), changing a role or disabling an account
//! ([`UpdateStaffMember`]: a disabled account is signed out at once) and setting a new
//! password ([`ResetStaffPassword`], which signs the account out everywhere). The rules
//! for usernames and passwords are a customer's sign-up's.

use crate::contracts::rules::verdict;
use crate::contracts::{StaffRole, password_error, username_error};
use chrono::{DateTime, Utc};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// A member of staff as a manager sees them (never their password or sessions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub username: String,
    pub role: StaffRole,
    /// Whether the account is disabled: it cannot sign in, and is no driver an order can
    /// go out with.
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

/// Every staff account, by username (managers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListStaff;

impl Request for ListStaff {
    type Response = Vec<StaffMember>;
    const KIND: RequestKind = RequestKind::Query;
}

/// Adds a member of staff (managers): a username no account has, a role, a password.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AddStaffMember {
    pub username: String,
    pub role: StaffRole,
    pub password: String,
}

impl Request for AddStaffMember {
    type Response = StaffMember;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(problem) = username_error(&self.username) {
            errors.push(FieldError::new("username", problem));
        }
        if let Some(problem) = password_error(&self.password, &self.username) {
            errors.push(FieldError::new("password", problem));
        }
        verdict(errors)
    }
}

/// Changes a member of staff's role, or disables or enables their account (managers);
/// what is left out stays as it is. The last active manager can be neither demoted nor
/// disabled: nobody could undo it from the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UpdateStaffMember {
    /// From the path (`PUT /api/staff/{username}`).
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub role: Option<StaffRole>,
    #[serde(default)]
    pub disabled: Option<bool>,
}

impl Request for UpdateStaffMember {
    type Response = StaffMember;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.role.is_none() && self.disabled.is_none() {
            errors.push(FieldError::new("role", "Give a role, disabled, or both."));
        }
        verdict(errors)
    }
}

/// Gives a member of staff a new password (managers) and signs them out everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResetStaffPassword {
    /// From the path (`POST /api/staff/{username}/password`).
    #[serde(default)]
    pub username: String,
    pub password: String,
}

impl Request for ResetStaffPassword {
    type Response = StaffMember;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(problem) = password_error(&self.password, &self.username) {
            errors.push(FieldError::new("password", problem));
        }
        verdict(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    #[test]
    fn a_new_member_needs_a_valid_username_and_a_strong_password() {
        let good = AddStaffMember {
            username: "giulia".into(),
            role: StaffRole::Chef,
            password: "a long kitchen secret".into(),
        };
        assert!(good.validate().is_ok());
        let bad = AddStaffMember {
            username: "Giulia!".into(),
            password: "short".into(),
            ..good.clone()
        };
        assert_eq!(failing_fields(bad.validate()), ["username", "password"]);
        let same = AddStaffMember {
            username: "giulia.rossi".into(),
            password: "Giulia.Rossi".into(),
            ..good
        };
        assert_eq!(failing_fields(same.validate()), ["password"]);
    }

    #[test]
    fn an_update_changes_something_and_a_reset_needs_a_strong_password() {
        let nothing = UpdateStaffMember {
            username: "giulia".into(),
            role: None,
            disabled: None,
        };
        assert_eq!(failing_fields(nothing.validate()), ["role"]);
        let reset = ResetStaffPassword {
            username: "giulia".into(),
            password: "weak".into(),
        };
        assert_eq!(failing_fields(reset.validate()), ["password"]);
    }
}
