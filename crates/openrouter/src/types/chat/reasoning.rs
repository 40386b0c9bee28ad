//! Reasoning details: the structured reasoning a model returns, and that must be sent back
//! unchanged on the next turn for some providers (Anthropic signatures, OpenAI encrypted items).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// The kind of a reasoning detail (`type` on the wire).
    pub enum ReasoningDetailKind {
        /// Plain reasoning text, possibly signed.
        Text => "reasoning.text",
        /// A summary of the reasoning.
        Summary => "reasoning.summary",
        /// Opaque encrypted reasoning.
        Encrypted => "reasoning.encrypted",
        /// A record of an OpenRouter server-tool call.
        ServerToolCall => "reasoning.server_tool_call",
    }
}

/// One item of `reasoning_details`, in a message or a stream delta.
///
/// A flat struct rather than an enum per kind: providers mix fields across kinds, and a
/// kind this SDK does not know must still round-trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReasoningDetail {
    /// The kind of detail.
    #[serde(rename = "type")]
    pub kind: ReasoningDetailKind,
    /// Reasoning text (`reasoning.text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A signature that proves the text is the model's own (Anthropic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Summary text (`reasoning.summary`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Encrypted payload (`reasoning.encrypted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The provider format, e.g. `anthropic-claude-v1`, `openai-responses-v1`, `unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The provider's id for this item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Position among the details; stream deltas with the same index belong together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// Server-tool name (`reasoning.server_tool_call`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_name: Option<String>,
    /// Server-tool call id (`reasoning.server_tool_call`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
    /// Server-tool arguments, a JSON string (`reasoning.server_tool_call`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// Server-tool result, a JSON string (`reasoning.server_tool_call`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ReasoningDetail {
    /// An empty detail of the given kind.
    pub fn new(kind: ReasoningDetailKind) -> Self {
        Self {
            kind,
            text: None,
            signature: None,
            summary: None,
            data: None,
            format: None,
            id: None,
            index: None,
            tool_name: None,
            tool_call_id: None,
            arguments: None,
            result: None,
            extra: Map::new(),
        }
    }
}
