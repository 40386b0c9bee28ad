//! SCIM groups from your identity provider and their mappings to workspaces: `/scim`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// The workspace role a group mapping grants.
    pub enum ScimRole {
        /// Can manage the workspace.
        Admin => "admin",
        /// Can use the workspace.
        Member => "member",
    }
}

/// A group pushed by the identity provider.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScimGroup {
    /// Group id (a UUID).
    #[serde(default)]
    pub id: String,
    /// Organization it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The identity provider's id for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of SCIM groups.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScimGroupList {
    /// The groups on this page.
    #[serde(default)]
    pub data: Vec<ScimGroup>,
    /// How many there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A SCIM group's members get a role in a workspace.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScimGroupMapping {
    /// Mapping id (a UUID).
    #[serde(default)]
    pub id: String,
    /// Organization it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The SCIM group.
    #[serde(default)]
    pub scim_group_id: String,
    /// The workspace.
    #[serde(default)]
    pub workspace_id: String,
    /// Role granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ScimRole>,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of group mappings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScimGroupMappingList {
    /// The mappings on this page.
    #[serde(default)]
    pub data: Vec<ScimGroupMapping>,
    /// How many there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /scim/group-mappings` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateScimGroupMappingRequest {
    /// The SCIM group.
    pub scim_group_id: String,
    /// The workspace.
    pub workspace_id: String,
    /// Role its members get.
    pub role: ScimRole,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateScimGroupMappingRequest {
    /// Gives `group`'s members `role` in `workspace`.
    pub fn new(
        scim_group_id: impl Into<String>,
        workspace_id: impl Into<String>,
        role: impl Into<ScimRole>,
    ) -> Self {
        Self {
            scim_group_id: scim_group_id.into(),
            workspace_id: workspace_id.into(),
            role: role.into(),
            extra: Map::new(),
        }
    }
}

/// `PATCH /scim/group-mappings/{id}` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateScimGroupMappingRequest {
    /// New role.
    pub role: ScimRole,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UpdateScimGroupMappingRequest {
    /// Changes the role to `role`.
    pub fn new(role: impl Into<ScimRole>) -> Self {
        Self {
            role: role.into(),
            extra: Map::new(),
        }
    }
}

/// `{"deleted": true}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScimGroupMappingDeleted {
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
