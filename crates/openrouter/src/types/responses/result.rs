//! The response of `POST /responses` (`OpenResponsesResult`) and its usage.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::{
    ResponsesOutputItem, ResponsesReasoning, ResponsesTextConfig, ResponsesTool,
    ResponsesToolChoice,
};
use crate::types::chat::ServerToolUseDetails;
use crate::types::error::ErrorCode;
use crate::types::open_enum::open_enum;

/// A response: the output items, usage and status, plus the request settings echoed back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesResult {
    /// The response id (`gen-...`), also the generation id.
    #[serde(default)]
    pub id: String,
    /// Always `response`.
    #[serde(default)]
    pub object: String,
    /// Unix time the response was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<u64>,
    /// Unix time the response completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<u64>,
    /// The status; absent from some older bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResponsesStatus>,
    /// The model that answered.
    #[serde(default)]
    pub model: String,
    /// The output items.
    #[serde(default)]
    pub output: Vec<ResponsesOutputItem>,
    /// All output text, as the server wrote it; often `""` though output has text: use
    /// [`ResponsesResult::output_text`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_text: Option<String>,
    /// Token counts and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<ResponsesUsage>,
    /// What went wrong, for a failed response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ResponsesError>,
    /// The canonical error type, for a failed response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// Why the response is incomplete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete_details: Option<IncompleteDetails>,
    /// Routing context, when asked for with `X-OpenRouter-Metadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// The instructions, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Value>,
    /// The tools, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ResponsesTool>>,
    /// The tool choice, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ResponsesToolChoice>,
    /// Whether parallel tool calls were allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// The output token limit, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u64>,
    /// The temperature, echoed (as the JSON number sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<Number>,
    /// `top_p`, echoed (as the JSON number sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<Number>,
    /// The reasoning settings, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ResponsesReasoning>,
    /// The text settings, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<ResponsesTextConfig>,
    /// The metadata, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    /// The service tier used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesResult {
    /// All assistant text: the `output_text` field when it is non-empty, else the text of
    /// every message item concatenated (the live API often sends `""`).
    pub fn output_text(&self) -> String {
        match self.output_text.as_deref() {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => self
                .output
                .iter()
                .filter_map(|item| match item {
                    ResponsesOutputItem::Message(m) => Some(m.text()),
                    _ => None,
                })
                .collect(),
        }
    }

    /// The function calls in the output, in order.
    pub fn function_calls(&self) -> impl Iterator<Item = &super::ResponsesFunctionCall> {
        self.output.iter().filter_map(|item| match item {
            ResponsesOutputItem::FunctionCall(call) => Some(call),
            _ => None,
        })
    }

    /// The reasoning items in the output, in order.
    pub fn reasoning_items(&self) -> impl Iterator<Item = &super::ResponsesReasoningItem> {
        self.output.iter().filter_map(|item| match item {
            ResponsesOutputItem::Reasoning(r) => Some(r),
            _ => None,
        })
    }
}

open_enum! {
    /// The status of a response.
    pub enum ResponsesStatus {
        /// Finished.
        Completed => "completed",
        /// Stopped early (see `incomplete_details`).
        Incomplete => "incomplete",
        /// Still generating.
        InProgress => "in_progress",
        /// Failed (see `error`).
        Failed => "failed",
        /// Cancelled.
        Cancelled => "cancelled",
        /// Waiting to start.
        Queued => "queued",
    }
}

/// `error` of a failed response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesError {
    /// `server_error`, `rate_limit_exceeded`, `invalid_prompt` ... (or a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    /// What went wrong.
    #[serde(default)]
    pub message: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `incomplete_details`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncompleteDetails {
    /// `max_output_tokens` or `content_filter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Token counts and cost of a response (`usage`). Costs keep the JSON number as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesUsage {
    /// Tokens in the input.
    #[serde(default)]
    pub input_tokens: u64,
    /// Tokens generated, reasoning included.
    #[serde(default)]
    pub output_tokens: u64,
    /// Input plus output tokens.
    #[serde(default)]
    pub total_tokens: u64,
    /// Breakdown of the input tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens_details: Option<InputTokensDetails>,
    /// Breakdown of the output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens_details: Option<OutputTokensDetails>,
    /// What the request cost in credits (USD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Number>,
    /// Whether the request ran on the user's own provider key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// What the upstream provider charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_details: Option<ResponsesCostDetails>,
    /// Usage of OpenRouter server tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_tool_use_details: Option<ServerToolUseDetails>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesUsage {
    /// The cost as `f64`, when reported.
    pub fn cost_f64(&self) -> Option<f64> {
        self.cost.as_ref().and_then(Number::as_f64)
    }

    /// Output tokens spent on reasoning (0 when not reported).
    pub fn reasoning_tokens(&self) -> u64 {
        self.output_tokens_details
            .as_ref()
            .and_then(|d| d.reasoning_tokens)
            .unwrap_or(0)
    }

    /// Input tokens read from the provider's cache (0 when not reported).
    pub fn cached_tokens(&self) -> u64 {
        self.input_tokens_details
            .as_ref()
            .and_then(|d| d.cached_tokens)
            .unwrap_or(0)
    }
}

/// `usage.input_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputTokensDetails {
    /// Tokens read from the provider's cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_tokens: Option<u64>,
    /// Tokens written to the provider's cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write_tokens: Option<u64>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `usage.output_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutputTokensDetails {
    /// Tokens spent on reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_tokens: Option<u64>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `usage.cost_details`: upstream cost, numbers as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesCostDetails {
    /// Total upstream cost (set on BYOK requests, often `null` otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_cost: Option<Number>,
    /// Upstream cost of the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_input_cost: Option<Number>,
    /// Upstream cost of the output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_output_cost: Option<Number>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
