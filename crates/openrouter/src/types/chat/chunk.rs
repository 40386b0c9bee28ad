//! Placeholder: the stream chunk.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::error::ErrorObject;

/// A stream chunk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatChunk {
    /// Id.
    #[serde(default)]
    pub id: String,
    /// In-band error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorObject>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
