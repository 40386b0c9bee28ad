//! Structured output: `response_format`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::request::opt_setters;

/// The output format the model must follow, tagged by `type` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResponseFormat {
    /// Plain text (the default).
    Text,
    /// Any valid JSON object.
    JsonObject,
    /// JSON that matches a JSON Schema.
    JsonSchema {
        /// The schema and its name.
        json_schema: JsonSchemaFormat,
    },
    /// Text that matches a custom grammar.
    Grammar {
        /// The grammar (e.g. GBNF / Lark, depending on the provider).
        grammar: String,
    },
    /// Python code.
    Python,
    /// A format this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl ResponseFormat {
    /// `{"type": "json_object"}`.
    pub fn json_object() -> Self {
        Self::JsonObject
    }

    /// `{"type": "json_schema", "json_schema": {"name", "schema", "strict": true}}`: strict
    /// schema adherence, which is what structured output usually wants.
    pub fn json_schema(name: impl Into<String>, schema: Value) -> Self {
        Self::JsonSchema {
            json_schema: JsonSchemaFormat::new(name).schema(schema).strict(true),
        }
    }

    /// `{"type": "grammar", "grammar": ...}`.
    pub fn grammar(grammar: impl Into<String>) -> Self {
        Self::Grammar {
            grammar: grammar.into(),
        }
    }
}

impl From<JsonSchemaFormat> for ResponseFormat {
    fn from(json_schema: JsonSchemaFormat) -> Self {
        Self::JsonSchema { json_schema }
    }
}

/// A named JSON Schema for structured output (`response_format.json_schema`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct JsonSchemaFormat {
    /// The schema's name (at most 64 characters).
    pub name: String,
    /// What the output is, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The JSON Schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Value>,
    /// Ask the provider to follow the schema exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl JsonSchemaFormat {
    /// A schema format with only a name; add the schema with [`JsonSchemaFormat::schema`].
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            schema: None,
            strict: None,
            extra: Map::new(),
        }
    }

    opt_setters! {
        description: String,
        schema: Value,
        strict: bool,
    }
}
