//! Managed API keys: `GET/POST /keys`, `GET/PATCH/DELETE /keys/{hash}` (management key).
//!
//! The key making a request (`GET /key`) is described by [`crate::types::key`].

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// How often a key's spending limit resets (at midnight UTC; weeks run Monday to Sunday).
    pub enum LimitReset {
        /// Every day.
        Daily => "daily",
        /// Every week.
        Weekly => "weekly",
        /// Every month.
        Monthly => "monthly",
    }
}

/// An API key as the management endpoints describe it. Amounts are in USD.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiKey {
    /// The key's identifier in the management API (not the secret).
    #[serde(default)]
    pub hash: String,
    /// The name given at creation.
    #[serde(default)]
    pub name: String,
    /// Masked label such as `sk-or-v1-0e6...1c96`.
    #[serde(default)]
    pub label: String,
    /// Whether the key is disabled.
    #[serde(default)]
    pub disabled: bool,
    /// Spending limit, or `None` for unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// What is left of the limit, or `None` for unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_remaining: Option<f64>,
    /// How often the limit resets, or `None` for never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<LimitReset>,
    /// Whether BYOK usage counts against the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Total spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<f64>,
    /// Spend in the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_daily: Option<f64>,
    /// Spend in the current UTC week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_weekly: Option<f64>,
    /// Spend in the current UTC month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_monthly: Option<f64>,
    /// Total spend through your own provider keys (BYOK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage: Option<f64>,
    /// BYOK spend in the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage_daily: Option<f64>,
    /// BYOK spend in the current UTC week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage_weekly: Option<f64>,
    /// BYOK spend in the current UTC month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage_monthly: Option<f64>,
    /// When the key was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When the key was last changed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// When the key was last used (ISO 8601), or `None` if never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<String>,
    /// When the key expires (ISO 8601), or `None` for never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// User who created the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Workspace the key belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Your own identifier for the user of the key, if one was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_user: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /keys` response: one page of keys.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyList {
    /// The keys.
    #[serde(default)]
    pub data: Vec<ApiKey>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /keys/{hash}` and `PATCH /keys/{hash}` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyResponse {
    /// The key.
    pub data: ApiKey,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /keys` response: the new key and, once only, its secret.
///
/// The secret is left out of `Debug` output so that logging the response cannot leak it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedKey {
    /// The new key's data.
    pub data: ApiKey,
    /// The secret (`sk-or-v1-...`). The API shows it only in this response: store it now.
    #[serde(default)]
    pub key: String,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for CreatedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreatedKey")
            .field("data", &self.data)
            .field("key", &"[redacted]")
            .field("extra", &self.extra)
            .finish()
    }
}

/// `DELETE /keys/{hash}` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyDeleted {
    /// Whether the key was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Query of `GET /keys`. The API pages it by `offset` only; the page size is its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct KeyListParams {
    /// How many keys to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Whether disabled keys are listed too (the API leaves them out by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_disabled: Option<bool>,
    /// Only keys of this workspace (the default workspace when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
}

impl KeyListParams {
    /// The first page of enabled keys in the default workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips `offset` keys.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Lists disabled keys too when `true`.
    pub fn include_disabled(mut self, include: bool) -> Self {
        self.include_disabled = Some(include);
        self
    }

    /// Lists the keys of this workspace.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }
}

/// `POST /keys` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateKeyRequest {
    /// Name of the new key.
    pub name: String,
    /// Spending limit in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// How often the limit resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<LimitReset>,
    /// Whether BYOK usage counts against the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// When the key expires: an ISO 8601 UTC timestamp such as `2027-12-31T23:59:59Z`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// The member creating the key (organization-owned keys only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Workspace to create the key in (the default workspace when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateKeyRequest {
    /// A key named `name` with no limit and no expiry.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            limit: None,
            limit_reset: None,
            include_byok_in_limit: None,
            expires_at: None,
            creator_user_id: None,
            workspace_id: None,
            extra: Map::new(),
        }
    }

    /// Sets a spending limit in USD.
    pub fn limit(mut self, usd: f64) -> Self {
        self.limit = Some(usd);
        self
    }

    /// Resets the limit daily, weekly or monthly.
    pub fn limit_reset(mut self, reset: impl Into<LimitReset>) -> Self {
        self.limit_reset = Some(reset.into());
        self
    }

    /// Counts BYOK usage against the limit when `true`.
    pub fn include_byok_in_limit(mut self, include: bool) -> Self {
        self.include_byok_in_limit = Some(include);
        self
    }

    /// Expires the key at this ISO 8601 UTC time.
    pub fn expires_at(mut self, at: impl Into<String>) -> Self {
        self.expires_at = Some(at.into());
        self
    }

    /// Records the member creating the key.
    pub fn creator_user_id(mut self, user_id: impl Into<String>) -> Self {
        self.creator_user_id = Some(user_id.into());
        self
    }

    /// Creates the key in this workspace.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }
}

/// `PATCH /keys/{hash}` body: only the fields set are changed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateKeyRequest {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Disables (`true`) or re-enables (`false`) the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// New spending limit in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// New reset interval of the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<LimitReset>,
    /// Whether BYOK usage counts against the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Fields this SDK does not know, sent as given (e.g. `"limit": null` to remove a limit).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UpdateKeyRequest {
    /// A change that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the key.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Disables (`true`) or re-enables (`false`) the key.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }

    /// Sets the spending limit in USD.
    pub fn limit(mut self, usd: f64) -> Self {
        self.limit = Some(usd);
        self
    }

    /// Removes the spending limit (sends `"limit": null`).
    pub fn no_limit(mut self) -> Self {
        self.limit = None;
        self.extra.insert("limit".into(), Value::Null);
        self
    }

    /// Sets how often the limit resets.
    pub fn limit_reset(mut self, reset: impl Into<LimitReset>) -> Self {
        self.limit_reset = Some(reset.into());
        self
    }

    /// Counts BYOK usage against the limit when `true`.
    pub fn include_byok_in_limit(mut self, include: bool) -> Self {
        self.include_byok_in_limit = Some(include);
        self
    }
}
