//! Placeholder: the chat result.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A chat result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ChatResult {
    /// Id.
    #[serde(default)]
    pub id: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
