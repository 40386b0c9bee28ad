//! Placeholder: the current key.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET /key` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyInfoResponse {
    /// The key.
    pub data: KeyInfo,
}

/// About the key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyInfo {
    /// Label.
    #[serde(default)]
    pub label: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
