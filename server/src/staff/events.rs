//! Domain events of staff accounts as managers change them from the site:
//! [`StaffEvent`], one stream per account (`staff-<username>`). None carries a password
//! or its hash. Accounts made from the command line or the environment have no events.

use crate::events::DomainEvent;
use app::contracts::StaffRole;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A manager added a member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StaffMemberAdded {
    pub username: String,
    pub role: StaffRole,
    pub at: DateTime<Utc>,
    /// The manager who did it.
    pub by: Option<String>,
}

/// A manager gave a member of staff another role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StaffRoleChanged {
    pub username: String,
    pub role: StaffRole,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
}

/// A manager disabled an account: it was signed out everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StaffMemberDisabled {
    pub username: String,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
}

/// A manager let a disabled account sign in again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StaffMemberEnabled {
    pub username: String,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
}

/// A manager set a new password: the account was signed out everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StaffPasswordReset {
    pub username: String,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
}

/// Everything a manager does to a staff account from the site; stored with the
/// variant's name as `event_type` (see [`DomainEvent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
// The variants' names are the stored event types, which name their aggregate as every
// other event type does (`StaffMemberAdded` is `pizzeria.staff.member_added.v1`).
#[allow(clippy::enum_variant_names)]
pub(crate) enum StaffEvent {
    StaffMemberAdded(StaffMemberAdded),
    StaffRoleChanged(StaffRoleChanged),
    StaffMemberDisabled(StaffMemberDisabled),
    StaffMemberEnabled(StaffMemberEnabled),
    StaffPasswordReset(StaffPasswordReset),
}

impl StaffEvent {
    fn username(&self) -> &str {
        match self {
            Self::StaffMemberAdded(e) => &e.username,
            Self::StaffRoleChanged(e) => &e.username,
            Self::StaffMemberDisabled(e) => &e.username,
            Self::StaffMemberEnabled(e) => &e.username,
            Self::StaffPasswordReset(e) => &e.username,
        }
    }
}

impl mediator::Event for StaffEvent {}

impl DomainEvent for StaffEvent {
    const STREAM_PREFIX: &'static str = "staff-";

    fn stream_id(&self) -> String {
        format!("{}{}", Self::STREAM_PREFIX, self.username())
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::StaffMemberAdded(e) => e.at,
            Self::StaffRoleChanged(e) => e.at,
            Self::StaffMemberDisabled(e) => e.at,
            Self::StaffMemberEnabled(e) => e.at,
            Self::StaffPasswordReset(e) => e.at,
        }
    }
}
