//! The events of a streamed messages call.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ContentBlock, MessagesResult, MessagesUsage, StopReason};

tagged_union! {
    /// One `data:` event of a messages stream, named by its `type`.
    pub enum MessagesStreamEvent {
    /// The message's head: id, model, initial usage.
        MessageStart(MessageStartEvent) => "message_start",
    /// A content block begins.
        ContentBlockStart(ContentBlockStartEvent) => "content_block_start",
    /// A piece of a content block.
        ContentBlockDelta(ContentBlockDeltaEvent) => "content_block_delta",
    /// A content block is complete.
        ContentBlockStop(ContentBlockStopEvent) => "content_block_stop",
    /// Stop reason and final usage.
        MessageDelta(MessageDeltaEvent) => "message_delta",
    /// The message is complete.
        MessageStop(EmptyEvent) => "message_stop",
    /// A keep-alive.
        Ping(EmptyEvent) => "ping",
    /// A failure after the stream started.
        Error(MessagesErrorEvent) => "error",
    }
}

/// `message_start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageStartEvent {
    /// The message so far: id, model, usage, usually no content yet.
    #[serde(default)]
    pub message: MessagesResult,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `content_block_start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentBlockStartEvent {
    /// The block's position in the answer.
    #[serde(default)]
    pub index: u32,
    /// The block, empty or partly filled.
    pub content_block: ContentBlock,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `content_block_delta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentBlockDeltaEvent {
    /// The block this piece belongs to.
    #[serde(default)]
    pub index: u32,
    /// The piece.
    pub delta: ContentDelta,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `content_block_stop`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentBlockStopEvent {
    /// The block that is complete.
    #[serde(default)]
    pub index: u32,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `message_delta`: the stop reason and the final usage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageDeltaEvent {
    /// Changes to the message's head.
    #[serde(default)]
    pub delta: MessageDelta,
    /// Usage so far (output tokens are cumulative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<MessagesUsage>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The `delta` of a `message_delta` event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageDelta {
    /// Why the model stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<StopReason>,
    /// The stop sequence that ended the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequence: Option<String>,
    /// Details of a refusal, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_details: Option<Value>,
    /// The code-execution container, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<Value>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An event without fields of its own (`message_stop`, `ping`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmptyEvent {
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `error`: `{"type": "error", "error": {"type": .., "message": ..}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesErrorEvent {
    /// What went wrong.
    pub error: MessagesErrorDetail,
    /// Routing metadata, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The `error` object of an Anthropic-style error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesErrorDetail {
    /// The Anthropic error type, e.g. `overloaded_error`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// What went wrong, in words.
    #[serde(default)]
    pub message: String,
    /// OpenRouter's canonical error type, e.g. `provider_overloaded`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

tagged_union! {
    /// The piece a `content_block_delta` adds.
    pub enum ContentDelta {
    /// Text for a text block.
        TextDelta(TextDelta) => "text_delta",
    /// A fragment of a tool call's input JSON.
        InputJsonDelta(InputJsonDelta) => "input_json_delta",
    /// Reasoning text for a thinking block.
        ThinkingDelta(ThinkingDelta) => "thinking_delta",
    /// The thinking block's signature.
        SignatureDelta(SignatureDelta) => "signature_delta",
    /// A citation for a text block.
        CitationsDelta(CitationsDelta) => "citations_delta",
    }
}

/// `{"type": "text_delta", "text": ..}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextDelta {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "input_json_delta", "partial_json": ..}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputJsonDelta {
    /// A fragment of the input JSON; the fragments concatenated form the input.
    #[serde(default)]
    pub partial_json: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "thinking_delta", "thinking": ..}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingDelta {
    /// The reasoning text.
    #[serde(default)]
    pub thinking: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "signature_delta", "signature": ..}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignatureDelta {
    /// The signature.
    #[serde(default)]
    pub signature: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "citations_delta", "citation": {..}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CitationsDelta {
    /// The citation, as sent.
    #[serde(default)]
    pub citation: Value,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
