//! Token usage and cost, as reported on every chat result and on the last stream chunk.

use serde_json::Number;

use crate::types::lossless::{lossless_struct, number_f64, WireField};

lossless_struct! {
    /// Token counts and cost of one request (`usage`).
    ///
    /// Costs are kept as the JSON number the server wrote (`serde_json::Number`), so `0` stays
    /// an integer and `1.2e-7` stays exact on re-encoding; [`Usage::cost_f64`] reads it as
    /// `f64`.
    pub struct Usage {
        /// Tokens in the prompt.
        pub prompt_tokens: u64 => "prompt_tokens",
        /// Tokens in the completion, reasoning included.
        pub completion_tokens: u64 => "completion_tokens",
        /// Prompt plus completion tokens.
        pub total_tokens: u64 => "total_tokens",
        /// What the request cost in credits (USD); `0` on BYOK requests.
        pub cost: Option<Number> => "cost",
        /// Whether the request ran on the user's own provider key.
        pub is_byok: Option<bool> => "is_byok",
        /// Breakdown of the prompt tokens.
        pub prompt_tokens_details: Option<PromptTokensDetails> => "prompt_tokens_details",
        /// Breakdown of the completion tokens.
        pub completion_tokens_details: Option<CompletionTokensDetails> => "completion_tokens_details",
        /// Breakdown of the cost charged by the upstream provider.
        pub cost_details: Option<CostDetails> => "cost_details",
        /// Usage of OpenRouter server-side tools (web search, ...).
        pub server_tool_use_details: Option<ServerToolUseDetails> => "server_tool_use_details",
    }
}

impl Default for Usage {
    fn default() -> Self {
        WireField::absent()
    }
}

impl Usage {
    /// Usage with the three token counts and nothing else.
    pub fn new(prompt_tokens: u64, completion_tokens: u64) -> Self {
        Self {
            prompt_tokens,
            completion_tokens,
            total_tokens: prompt_tokens + completion_tokens,
            ..Self::default()
        }
    }

    /// The cost as `f64`, when the server reported one.
    pub fn cost_f64(&self) -> Option<f64> {
        number_f64(self.cost.as_ref())
    }

    /// Prompt tokens read from the provider's cache (0 when not reported).
    pub fn cached_tokens(&self) -> u64 {
        self.prompt_tokens_details
            .as_ref()
            .and_then(|d| d.cached_tokens)
            .unwrap_or(0)
    }

    /// Prompt tokens written to the provider's cache (0 when not reported).
    pub fn cache_write_tokens(&self) -> u64 {
        self.prompt_tokens_details
            .as_ref()
            .and_then(|d| d.cache_write_tokens)
            .unwrap_or(0)
    }

    /// Completion tokens spent on reasoning (0 when not reported).
    pub fn reasoning_tokens(&self) -> u64 {
        self.completion_tokens_details
            .as_ref()
            .and_then(|d| d.reasoning_tokens)
            .unwrap_or(0)
    }
}

lossless_struct! {
    /// Breakdown of the prompt tokens (`usage.prompt_tokens_details`).
    pub struct PromptTokensDetails {
        /// Tokens read from the provider's prompt cache.
        pub cached_tokens: Option<u64> => "cached_tokens",
        /// Tokens written to the prompt cache (models with explicit caching).
        pub cache_write_tokens: Option<u64> => "cache_write_tokens",
        /// Audio input tokens.
        pub audio_tokens: Option<u64> => "audio_tokens",
        /// Video input tokens.
        pub video_tokens: Option<u64> => "video_tokens",
    }
}

impl Default for PromptTokensDetails {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// Breakdown of the completion tokens (`usage.completion_tokens_details`).
    pub struct CompletionTokensDetails {
        /// Tokens spent on reasoning.
        pub reasoning_tokens: Option<u64> => "reasoning_tokens",
        /// Audio output tokens.
        pub audio_tokens: Option<u64> => "audio_tokens",
        /// Image output tokens.
        pub image_tokens: Option<u64> => "image_tokens",
        /// Predicted tokens that appeared in the completion.
        pub accepted_prediction_tokens: Option<u64> => "accepted_prediction_tokens",
        /// Predicted tokens that did not appear in the completion.
        pub rejected_prediction_tokens: Option<u64> => "rejected_prediction_tokens",
    }
}

impl Default for CompletionTokensDetails {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// What the upstream provider charged (`usage.cost_details`); numbers as sent.
    pub struct CostDetails {
        /// Total upstream cost; set on BYOK requests, often `null` otherwise.
        pub upstream_inference_cost: Option<Number> => "upstream_inference_cost",
        /// Upstream cost of the prompt.
        pub upstream_inference_prompt_cost: Option<Number> => "upstream_inference_prompt_cost",
        /// Upstream cost of the completion.
        pub upstream_inference_completions_cost: Option<Number> => "upstream_inference_completions_cost",
    }
}

impl Default for CostDetails {
    fn default() -> Self {
        WireField::absent()
    }
}

impl CostDetails {
    /// The total upstream cost as `f64`, when reported.
    pub fn upstream_inference_cost_f64(&self) -> Option<f64> {
        number_f64(self.upstream_inference_cost.as_ref())
    }
}

lossless_struct! {
    /// Usage of OpenRouter server-side tools (`usage.server_tool_use_details`).
    pub struct ServerToolUseDetails {
        /// Web searches performed.
        pub web_search_requests: Option<u64> => "web_search_requests",
        /// Server-tool calls the model asked for.
        pub tool_calls_requested: Option<u64> => "tool_calls_requested",
        /// Server-tool calls that ran and produced a result.
        pub tool_calls_executed: Option<u64> => "tool_calls_executed",
    }
}

impl Default for ServerToolUseDetails {
    fn default() -> Self {
        WireField::absent()
    }
}
