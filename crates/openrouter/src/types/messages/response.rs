//! `MessagesResult`: the answer of `POST /messages`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ContentBlock, MessageContent, MessageParam, MessagesRole, ToolUseBlock};
use crate::types::open_enum::open_enum;

open_enum! {
    /// Why the model stopped.
    pub enum StopReason {
        /// The answer is complete.
        EndTurn => "end_turn",
        /// `max_tokens` was reached.
        MaxTokens => "max_tokens",
        /// A stop sequence was generated.
        StopSequence => "stop_sequence",
        /// The model called a tool and waits for its result.
        ToolUse => "tool_use",
        /// A long server-tool turn paused; send the answer back to continue.
        PauseTurn => "pause_turn",
        /// The model refused.
        Refusal => "refusal",
        /// The context window filled up.
        ModelContextWindowExceeded => "model_context_window_exceeded",
        /// The context was compacted.
        Compaction => "compaction",
    }
}

/// Token counts and cost of a messages call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesUsage {
    /// Prompt tokens not read from or written to the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    /// Generated tokens, thinking included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
    /// Prompt tokens written to the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_creation_input_tokens: Option<u64>,
    /// Prompt tokens read from the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_read_input_tokens: Option<u64>,
    /// Cache writes by lifetime, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_creation: Option<Value>,
    /// Server tool requests (web search, web fetch), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_tool_use: Option<Value>,
    /// The service tier that served the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// Cost of the request in credits (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether the request used your own provider key (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Fields this SDK does not model (`cost_details`, `iterations`, `inference_geo`...),
    /// kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer of `POST /messages` (and what a stream folds into).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesResult {
    /// The message id.
    #[serde(default)]
    pub id: String,
    /// Always `message`.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Always `assistant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<MessagesRole>,
    /// The answer's blocks: text, thinking, tool calls...
    #[serde(default)]
    pub content: Vec<ContentBlock>,
    /// The model that answered.
    #[serde(default)]
    pub model: String,
    /// The provider that served it (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
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
    /// Token counts and cost.
    #[serde(default)]
    pub usage: MessagesUsage,
    /// Routing metadata, when requested with `X-OpenRouter-Metadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this SDK does not model (`context_management`...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MessagesResult {
    /// The text blocks joined, or `None` when there are none.
    pub fn text(&self) -> Option<String> {
        let texts: Vec<&str> = self
            .content
            .iter()
            .filter_map(ContentBlock::as_text)
            .collect();
        (!texts.is_empty()).then(|| texts.concat())
    }

    /// The visible reasoning, joined, or `None` when there is none.
    pub fn thinking(&self) -> Option<String> {
        let parts: Vec<&str> = self
            .content
            .iter()
            .filter_map(|block| match block {
                ContentBlock::Thinking(t) => Some(t.thinking.as_str()),
                _ => None,
            })
            .collect();
        (!parts.is_empty()).then(|| parts.concat())
    }

    /// The tool calls the model made.
    pub fn tool_uses(&self) -> impl Iterator<Item = &ToolUseBlock> {
        self.content.iter().filter_map(|block| match block {
            ContentBlock::ToolUse(t) => Some(t),
            _ => None,
        })
    }

    /// The answer as an assistant message for the next request, thinking blocks and
    /// signatures included.
    pub fn to_message(&self) -> MessageParam {
        MessageParam::assistant(MessageContent::Blocks(self.content.clone()))
    }
}
