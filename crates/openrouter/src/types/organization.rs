//! `GET /organization/members`: the members of the organization owning the management key.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// A member's role in the organization.
    pub enum OrganizationRole {
        /// Administrator.
        Admin => "org:admin",
        /// Member.
        Member => "org:member",
    }
}

/// A member of the organization.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationMember {
    /// User id (as used by guardrail member assignments).
    #[serde(default)]
    pub id: String,
    /// Email address.
    #[serde(default)]
    pub email: String,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<OrganizationRole>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of members.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationMemberList {
    /// The members of this page.
    #[serde(default)]
    pub data: Vec<OrganizationMember>,
    /// How many members there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
