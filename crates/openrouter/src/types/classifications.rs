//! Market share of traffic by task: `GET /classifications/task`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET /classifications/task` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskClassificationResponse {
    /// The breakdown.
    pub data: TaskClassifications,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Shares of sampled traffic per task classification over a trailing window.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskClassifications {
    /// Day the data was computed.
    #[serde(default)]
    pub as_of: String,
    /// Window length in days.
    #[serde(default)]
    pub window_days: u64,
    /// Per classification.
    #[serde(default)]
    pub classifications: Vec<TaskClassification>,
    /// Per macro-category (code, data, agent, general).
    #[serde(default)]
    pub macro_categories: Vec<MacroCategory>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One task classification, e.g. `code:general_impl`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskClassification {
    /// Tag.
    #[serde(default)]
    pub tag: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Macro-category key.
    #[serde(default)]
    pub macro_category: String,
    /// Share of classified requests, in `[0, 1]`.
    #[serde(default)]
    pub usage_share: f64,
    /// Share of classified tokens, in `[0, 1]`.
    #[serde(default)]
    pub token_share: f64,
    /// Share of requests within the macro-category.
    #[serde(default)]
    pub category_usage_share: f64,
    /// Share of tokens within the macro-category.
    #[serde(default)]
    pub category_token_share: f64,
    /// Top models by requests within this classification.
    #[serde(default)]
    pub models: Vec<TaskModelShare>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A model's share within one classification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskModelShare {
    /// Model id.
    #[serde(default)]
    pub id: String,
    /// Share of the classification's requests.
    #[serde(default)]
    pub tag_usage_share: f64,
    /// Share of the classification's tokens.
    #[serde(default)]
    pub tag_token_share: f64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Aggregate shares of a macro-category.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MacroCategory {
    /// Key, e.g. `code`.
    #[serde(default)]
    pub key: String,
    /// Label, e.g. `Code`.
    #[serde(default)]
    pub label: String,
    /// Share of requests.
    #[serde(default)]
    pub usage_share: f64,
    /// Share of tokens.
    #[serde(default)]
    pub token_share: f64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
