//! Tool calls the model asks for, in a response message or a request's assistant message.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A call the model made to a function tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolCall {
    /// The call id; the tool result message must quote it.
    #[serde(default)]
    pub id: String,
    /// Always `"function"` today.
    #[serde(rename = "type", default = "function_kind")]
    pub kind: String,
    /// The function and its arguments.
    pub function: FunctionCall,
    /// Position of the call; some providers send it on non-streamed messages too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn function_kind() -> String {
    "function".to_owned()
}

impl ToolCall {
    /// A function call with the given id, name and JSON arguments text.
    pub fn function(
        id: impl Into<String>,
        name: impl Into<String>,
        arguments: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            kind: function_kind(),
            function: FunctionCall {
                name: name.into(),
                arguments: arguments.into(),
                extra: Map::new(),
            },
            index: None,
            extra: Map::new(),
        }
    }
}

/// The function half of a [`ToolCall`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionCall {
    /// The function's name.
    #[serde(default)]
    pub name: String,
    /// The arguments as JSON text, exactly as the model wrote them. `""` means no arguments;
    /// [`FunctionCall::parse_arguments`] reads it as `{}`.
    #[serde(
        default,
        deserialize_with = "crate::types::chat::tool_call::null_as_empty"
    )]
    pub arguments: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FunctionCall {
    /// Decodes the arguments into `T`; empty or blank arguments decode as `{}`.
    ///
    /// # Errors
    /// The arguments are not valid JSON for `T`.
    pub fn parse_arguments<T: serde::de::DeserializeOwned>(&self) -> serde_json::Result<T> {
        let text = self.arguments.trim();
        serde_json::from_str(if text.is_empty() { "{}" } else { text })
    }
}

pub(crate) fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}
