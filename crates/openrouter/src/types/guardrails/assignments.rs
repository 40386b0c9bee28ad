//! Which API keys and organization members a guardrail applies to.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A guardrail assigned to an API key.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyAssignment {
    /// Identifier of the assignment.
    #[serde(default)]
    pub id: String,
    /// Hash of the key.
    #[serde(default)]
    pub key_hash: String,
    /// Name of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_name: Option<String>,
    /// Label of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_label: Option<String>,
    /// The guardrail.
    #[serde(default)]
    pub guardrail_id: String,
    /// Who made the assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_by: Option<String>,
    /// When (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of key assignments.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyAssignmentList {
    /// The assignments of this page.
    #[serde(default)]
    pub data: Vec<KeyAssignment>,
    /// How many there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A guardrail assigned to an organization member.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberAssignment {
    /// Identifier of the assignment.
    #[serde(default)]
    pub id: String,
    /// The member's user id.
    #[serde(default)]
    pub user_id: String,
    /// The organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The guardrail.
    #[serde(default)]
    pub guardrail_id: String,
    /// Who made the assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_by: Option<String>,
    /// When (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of member assignments.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberAssignmentList {
    /// The assignments of this page.
    #[serde(default)]
    pub data: Vec<MemberAssignment>,
    /// How many there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the key assign and unassign calls.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyHashes {
    /// Hashes of the keys.
    #[serde(default)]
    pub key_hashes: Vec<String>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl KeyHashes {
    /// The keys with these hashes.
    pub fn new<I, S>(hashes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            key_hashes: hashes.into_iter().map(Into::into).collect(),
            extra: Map::new(),
        }
    }
}

/// Body of the member assign and unassign calls.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberUserIds {
    /// User ids of the members.
    #[serde(default)]
    pub member_user_ids: Vec<String>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MemberUserIds {
    /// The members with these user ids.
    pub fn new<I, S>(user_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            member_user_ids: user_ids.into_iter().map(Into::into).collect(),
            extra: Map::new(),
        }
    }
}

/// Response of the assign calls.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssignedCount {
    /// How many were assigned.
    #[serde(default)]
    pub assigned_count: u64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Response of the unassign calls.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnassignedCount {
    /// How many were unassigned.
    #[serde(default)]
    pub unassigned_count: u64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
