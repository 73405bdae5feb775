//! Who sends a request: anyone, a signed-in customer or a signed-in member of staff. The server
//! resolves it from the session cookie once per request and hands it to the mediator,
//! whose authorization behavior checks it against each request's policy.

use serde::{Deserialize, Serialize};

/// What a member of staff may do; a manager may do everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    Chef,
    Driver,
    Manager,
}

impl StaffRole {
    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Chef => "chef",
            StaffRole::Driver => "driver",
            StaffRole::Manager => "manager",
        }
    }

    /// Reads a stored or configured name.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "chef" => Some(StaffRole::Chef),
            "driver" => Some(StaffRole::Driver),
            "manager" => Some(StaffRole::Manager),
            _ => None,
        }
    }
}

/// A signed-in member of staff (what `POST /api/auth/login` and `GET /api/auth/me` answer).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StaffUser {
    pub username: String,
    pub role: StaffRole,
}

/// A signed-in customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerUser {
    pub username: String,
    pub name: String,
}

/// The sender of one request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Caller {
    /// No valid session: a guest customer, or anyone.
    #[default]
    Anonymous,
    /// A customer signed in to their account.
    Customer(CustomerUser),
    /// A member of staff with a valid session.
    Staff(StaffUser),
}

impl Caller {
    /// The staff member, if signed in.
    pub fn staff(&self) -> Option<&StaffUser> {
        match self {
            Caller::Staff(user) => Some(user),
            Caller::Anonymous | Caller::Customer(_) => None,
        }
    }

    /// The member of staff's username, for the events that name who took a step.
    pub fn staff_username(&self) -> Option<&str> {
        self.staff().map(|staff| staff.username.as_str())
    }

    /// The customer, if signed in.
    pub fn customer(&self) -> Option<&CustomerUser> {
        match self {
            Caller::Customer(user) => Some(user),
            Caller::Anonymous | Caller::Staff(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_what_they_write() {
        for role in [StaffRole::Chef, StaffRole::Driver, StaffRole::Manager] {
            assert_eq!(StaffRole::parse(role.as_str()), Some(role));
            let json = serde_json::to_value(role).unwrap();
            assert_eq!(json, role.as_str());
        }
        assert_eq!(StaffRole::parse("owner"), None);
    }
}
