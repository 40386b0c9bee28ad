//! Presets: named, versioned request settings (`/presets`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// Whether a preset can be used.
    pub enum PresetStatus {
        /// In use.
        Active => "active",
        /// Turned off.
        Disabled => "disabled",
        /// Archived.
        Archived => "archived",
    }
}

/// A preset. `designated_version` is filled by the get and save operations, not by lists.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Preset {
    /// Preset id.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// URL-safe slug used in paths and in `model: "@preset/<slug>"`.
    #[serde(default)]
    pub slug: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PresetStatus>,
    /// User who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Workspace it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Id of the version in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_version_id: Option<String>,
    /// The version in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_version: Option<PresetVersion>,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// When the status last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_updated_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One saved version of a preset.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetVersion {
    /// Version id.
    #[serde(default)]
    pub id: String,
    /// The preset.
    #[serde(default)]
    pub preset_id: String,
    /// Version number, from 1.
    #[serde(default)]
    pub version: u64,
    /// User who saved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_id: Option<String>,
    /// System prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<String>,
    /// Request settings (model, temperature, provider preferences...).
    #[serde(default)]
    pub config: Map<String, Value>,
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

/// One page of presets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetList {
    /// The presets on this page.
    #[serde(default)]
    pub data: Vec<Preset>,
    /// How many there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of a preset's versions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetVersionList {
    /// The versions on this page.
    #[serde(default)]
    pub data: Vec<PresetVersion>,
    /// How many there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
