//! The providers OpenRouter routes to: `GET /providers`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET /providers` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderList {
    /// The providers.
    #[serde(default)]
    pub data: Vec<ProviderInfo>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A provider and its policies.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderInfo {
    /// Display name, e.g. `OpenAI`.
    #[serde(default)]
    pub name: String,
    /// URL-friendly id, e.g. `openai`.
    #[serde(default)]
    pub slug: String,
    /// Privacy policy URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy_url: Option<String>,
    /// Terms of service URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_of_service_url: Option<String>,
    /// Status page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_page_url: Option<String>,
    /// ISO 3166-1 alpha-2 country of the headquarters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headquarters: Option<String>,
    /// ISO 3166-1 alpha-2 countries of the datacenters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenters: Option<Vec<String>>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
