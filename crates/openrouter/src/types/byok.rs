//! Provider keys you bring yourself (BYOK): `/byok`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// A field of an update that can be left alone (`None`), cleared (`Some(None)`, sent as
/// `null`) or set (`Some(Some(..))`).
pub type Clearable<T> = Option<Option<T>>;

/// Keeps an explicit `null` as `Some(None)` instead of folding it into "absent".
pub(crate) fn clearable<'de, D, T>(deserializer: D) -> Result<Clearable<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A provider credential stored with OpenRouter. The key itself never comes back, only a
/// masked `label`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ByokKey {
    /// Credential id (a UUID).
    #[serde(default)]
    pub id: String,
    /// Provider slug such as `openai` or `amazon-bedrock`.
    #[serde(default)]
    pub provider: String,
    /// Workspace it is scoped to; `None` means global (every workspace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Masked snippet of the key, such as `sk-...AbCd`.
    #[serde(default)]
    pub label: String,
    /// Whether the credential is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Whether it is tried only after the provider's other keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fallback: Option<bool>,
    /// Models it may be used for; `None` means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_models: Option<Vec<String>>,
    /// OpenRouter API key hashes that may use it; `None` means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_api_key_hashes: Option<Vec<String>>,
    /// Users who may use it; `None` means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_user_ids: Option<Vec<String>>,
    /// Position among the provider's keys (tried in ascending order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<i64>,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Region the provider declares for this key (newer than the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_region: Option<String>,
    /// Whether the provider declares zero data retention for this key (newer than the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_zdr: Option<bool>,
    /// Whether requests through this provider may only use BYOK keys (newer than the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok_only: Option<bool>,
    /// Whether this key is required for the provider (newer than the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_required: Option<bool>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of BYOK credentials (`GET /byok`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ByokKeyList {
    /// The credentials on this page.
    #[serde(default)]
    pub data: Vec<ByokKey>,
    /// How many match the filters in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters and page of `GET /byok`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ByokListQuery {
    /// Items to skip.
    pub offset: Option<u64>,
    /// Items per page (1 to 100).
    pub limit: Option<u32>,
    /// Only this workspace's keys (default: the account's default workspace).
    pub workspace_id: Option<String>,
    /// Only this provider's keys.
    pub provider: Option<String>,
}

impl ByokListQuery {
    /// The default workspace's keys, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips `offset` items.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// At most `limit` items.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Only this workspace's keys.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.workspace_id = Some(id.into());
        self
    }

    /// Only this provider's keys.
    pub fn provider(mut self, provider: impl Into<String>) -> Self {
        self.provider = Some(provider.into());
        self
    }
}

/// `POST /byok` body. `Debug` hides the provider key.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateByokKeyRequest {
    /// Provider slug.
    pub provider: String,
    /// The provider's raw key; stored encrypted, never returned.
    pub key: String,
    /// Name (at most 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Workspace to scope it to (default: the account's default workspace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Create it disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Use it only after the provider's other keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fallback: Option<bool>,
    /// Models it may be used for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_models: Option<Vec<String>>,
    /// OpenRouter API key hashes (64 hex characters) that may use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_api_key_hashes: Option<Vec<String>>,
    /// Users who may use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_user_ids: Option<Vec<String>>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for CreateByokKeyRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateByokKeyRequest")
            .field("provider", &self.provider)
            .field("key", &"[redacted]")
            .field("name", &self.name)
            .field("workspace_id", &self.workspace_id)
            .field("disabled", &self.disabled)
            .field("is_fallback", &self.is_fallback)
            .field("allowed_models", &self.allowed_models)
            .field("allowed_api_key_hashes", &self.allowed_api_key_hashes)
            .field("allowed_user_ids", &self.allowed_user_ids)
            .field("extra", &self.extra)
            .finish()
    }
}

impl CreateByokKeyRequest {
    /// Stores `key` for `provider`.
    pub fn new(provider: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            provider: provider.into(),
            key: key.into(),
            ..Self::default()
        }
    }

    /// Names the credential.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Scopes it to a workspace.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.workspace_id = Some(id.into());
        self
    }

    /// Creates it disabled, or not.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }

    /// Uses it only after the provider's other keys, or not.
    pub fn is_fallback(mut self, fallback: bool) -> Self {
        self.is_fallback = Some(fallback);
        self
    }

    /// Restricts it to these models.
    pub fn allowed_models<I: IntoIterator<Item = S>, S: Into<String>>(mut self, models: I) -> Self {
        self.allowed_models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts it to these OpenRouter API key hashes.
    pub fn allowed_api_key_hashes<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        hashes: I,
    ) -> Self {
        self.allowed_api_key_hashes = Some(hashes.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts it to these users.
    pub fn allowed_user_ids<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        users: I,
    ) -> Self {
        self.allowed_user_ids = Some(users.into_iter().map(Into::into).collect());
        self
    }
}

/// `PATCH /byok/{id}` body: only the fields set change. `Debug` hides a rotated key.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateByokKeyRequest {
    /// New name (`Some(None)` clears it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "clearable"
    )]
    pub name: Clearable<String>,
    /// A new raw key, rotating the credential in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Disable or enable it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Fallback or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fallback: Option<bool>,
    /// New model allowlist (`Some(None)` lifts the restriction).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "clearable"
    )]
    pub allowed_models: Clearable<Vec<String>>,
    /// New API key hash allowlist (`Some(None)` lifts the restriction).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "clearable"
    )]
    pub allowed_api_key_hashes: Clearable<Vec<String>>,
    /// New user allowlist (`Some(None)` lifts the restriction).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "clearable"
    )]
    pub allowed_user_ids: Clearable<Vec<String>>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for UpdateByokKeyRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateByokKeyRequest")
            .field("name", &self.name)
            .field("key", &self.key.as_ref().map(|_| "[redacted]"))
            .field("disabled", &self.disabled)
            .field("is_fallback", &self.is_fallback)
            .field("allowed_models", &self.allowed_models)
            .field("allowed_api_key_hashes", &self.allowed_api_key_hashes)
            .field("allowed_user_ids", &self.allowed_user_ids)
            .field("extra", &self.extra)
            .finish()
    }
}

impl UpdateByokKeyRequest {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(Some(name.into()));
        self
    }

    /// Rotates the provider key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Disables or enables it.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }

    /// Makes it a fallback, or not.
    pub fn is_fallback(mut self, fallback: bool) -> Self {
        self.is_fallback = Some(fallback);
        self
    }

    /// Restricts it to these models.
    pub fn allowed_models<I: IntoIterator<Item = S>, S: Into<String>>(mut self, models: I) -> Self {
        self.allowed_models = Some(Some(models.into_iter().map(Into::into).collect()));
        self
    }

    /// Lifts the model restriction (sends `null`).
    pub fn clear_allowed_models(mut self) -> Self {
        self.allowed_models = Some(None);
        self
    }

    /// Restricts it to these OpenRouter API key hashes.
    pub fn allowed_api_key_hashes<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        hashes: I,
    ) -> Self {
        self.allowed_api_key_hashes = Some(Some(hashes.into_iter().map(Into::into).collect()));
        self
    }

    /// Lifts the API key restriction (sends `null`).
    pub fn clear_allowed_api_key_hashes(mut self) -> Self {
        self.allowed_api_key_hashes = Some(None);
        self
    }

    /// Restricts it to these users.
    pub fn allowed_user_ids<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        users: I,
    ) -> Self {
        self.allowed_user_ids = Some(Some(users.into_iter().map(Into::into).collect()));
        self
    }

    /// Lifts the user restriction (sends `null`).
    pub fn clear_allowed_user_ids(mut self) -> Self {
        self.allowed_user_ids = Some(None);
        self
    }
}

/// `{"deleted": true}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ByokKeyDeleted {
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
