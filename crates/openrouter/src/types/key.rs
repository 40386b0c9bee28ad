//! The key making the request: `GET /key`.
//!
//! Older bodies carry only a few of these fields and newer ones carry fields the spec does not
//! list yet, so everything but the label is optional and unknown fields are kept in `extra`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET /key` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyInfoResponse {
    /// The key.
    pub data: KeyInfo,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Limits, usage and ownership of the key making the request. Amounts are in USD.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyInfo {
    /// Masked label such as `sk-or-v1-0fa...240`, or the name given at creation.
    #[serde(default)]
    pub label: String,
    /// Spending limit, or `None` for unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// What is left of the spending limit, or `None` for unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_remaining: Option<f64>,
    /// How often the limit resets (`"daily"`, `"weekly"`, `"monthly"`), or `None` for never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<String>,
    /// Whether BYOK usage counts against the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Total spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<f64>,
    /// Spend in the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_daily: Option<f64>,
    /// Spend in the current UTC week (Monday to Sunday).
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
    /// Whether the key belongs to the free tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_free_tier: Option<bool>,
    /// Whether this is a management key (which manages keys but cannot call models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_management_key: Option<bool>,
    /// Former name of `is_management_key`; deprecated by the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_provisioning_key: Option<bool>,
    /// Legacy rate limit; deprecated by the API and no longer meaningful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<KeyRateLimit>,
    /// When the key expires (ISO 8601), or `None` for never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// User who created the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Organization owning the key, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Workspace the key belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Data regions requests with this key may be served from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_data_regions: Option<Vec<String>>,
    /// Quota of requests to free (`:free`) models for the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_model_daily_requests: Option<FreeModelDailyRequests>,
    /// Budgets applying to the key, kept as sent (their shape is not documented yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budgets: Option<Value>,
    /// The budget that binds first, kept as sent (its shape is not documented yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_budget: Option<Value>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Legacy per-key rate limit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyRateLimit {
    /// Requests allowed per interval (`-1` on current responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<i64>,
    /// Interval such as `"10s"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    /// The API's note on the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Today's quota of requests to free models, shared by all of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FreeModelDailyRequests {
    /// Requests made today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used: Option<u64>,
    /// Requests allowed per day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// Requests left today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
