//! Placeholder: the model catalogue.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET /models` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelList {
    /// Models.
    pub data: Vec<Model>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Id.
    pub id: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
