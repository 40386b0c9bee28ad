//! Generations: the record of a completion (`GET /generation`), its stored prompt and
//! output (`GET /generation/content`) and feedback on it (`POST /generation/feedback`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

/// Declares `Option` fields with the usual serde attributes and a doc line each.
macro_rules! optional_fields {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            /// Fields this SDK does not know, kept as sent.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
    };
}

optional_fields! {
    /// What OpenRouter recorded about one generation: model, provider, tokens, cost, timing.
    Generation {
        /// The generation id (`gen-...`), as in `X-Generation-Id`.
        id: String,
        /// The model that ran.
        model: String,
        /// Total cost in USD.
        total_cost: f64,
        /// Usage in USD.
        usage: f64,
        /// Cost charged by the upstream provider.
        upstream_inference_cost: f64,
        /// Discount from caching.
        cache_discount: f64,
        /// When it was created (ISO 8601).
        created_at: String,
        /// The provider's id for it.
        upstream_id: String,
        /// The provider that served it.
        provider_name: String,
        /// The app that made the request.
        app_id: i64,
        /// Whether it was streamed.
        streamed: bool,
        /// Whether it was cancelled.
        cancelled: bool,
        /// Total latency in milliseconds.
        latency: f64,
        /// Moderation latency in milliseconds.
        moderation_latency: f64,
        /// Generation time in milliseconds.
        generation_time: f64,
        /// Normalized finish reason.
        finish_reason: String,
        /// Finish reason as the provider reported it.
        native_finish_reason: String,
        /// Prompt tokens.
        tokens_prompt: u64,
        /// Completion tokens.
        tokens_completion: u64,
        /// Prompt tokens as the provider counted them.
        native_tokens_prompt: u64,
        /// Completion tokens as the provider counted them.
        native_tokens_completion: u64,
        /// Completion image tokens as the provider counted them.
        native_tokens_completion_images: u64,
        /// Reasoning tokens as the provider counted them.
        native_tokens_reasoning: u64,
        /// Cached tokens as the provider counted them.
        native_tokens_cached: u64,
        /// Media items in the prompt.
        num_media_prompt: u64,
        /// Audio inputs in the prompt.
        num_input_audio_prompt: u64,
        /// Media items in the completion.
        num_media_completion: u64,
        /// Search results included.
        num_search_results: u64,
        /// Web fetches made.
        num_fetches: u64,
        /// Origin URL of the request.
        origin: String,
        /// Whether your own provider key was used.
        is_byok: bool,
        /// Kind of API (`completions`, `embeddings`, ...).
        api_type: String,
        /// Router used, e.g. `openrouter/auto`.
        router: String,
        /// Every provider attempt, including fallbacks, kept as sent.
        provider_responses: Vec<Value>,
        /// Groups the generations of one API request.
        request_id: String,
        /// Session the generation belongs to.
        session_id: String,
        /// Your identifier of the end user.
        external_user: String,
        /// `HTTP-Referer` of the request.
        http_referer: String,
        /// `User-Agent` of the request.
        user_agent: String,
        /// Preset used.
        preset_id: String,
        /// Service tier the provider ran it on.
        service_tier: String,
        /// Data region (`global`, `europe`, `us`).
        data_region: String,
        /// Web search engine used.
        web_search_engine: String,
        /// Original generation when served from the response cache.
        response_cache_source_id: String,
        /// Workspace the generation is attributed to.
        workspace_id: String,
    }
}

/// `GET /generation` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GenerationResponse {
    /// The record.
    pub data: Generation,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

optional_fields! {
    /// The input of a generation: a prompt string or chat messages.
    GenerationInput {
        /// The prompt, for prompt-style requests.
        prompt: String,
        /// The messages, for chat requests, kept as sent.
        messages: Vec<Value>,
    }
}

optional_fields! {
    /// The output of a generation.
    GenerationOutput {
        /// The completion text.
        completion: String,
        /// Reasoning text, if any.
        reasoning: String,
    }
}

optional_fields! {
    /// The error a failed generation returned.
    GenerationContentError {
        /// Message returned to the client.
        message: String,
        /// HTTP status returned to the client.
        status: u16,
        /// Provider whose error was returned.
        provider_name: String,
        /// Raw error body.
        raw: String,
        /// Earlier failed attempts, in order, kept as sent.
        previous_errors: Vec<Value>,
    }
}

optional_fields! {
    /// What a generation was asked and answered.
    GenerationContent {
        /// The input.
        input: GenerationInput,
        /// The output.
        output: GenerationOutput,
        /// The error, when it failed.
        error: GenerationContentError,
    }
}

/// `GET /generation/content` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GenerationContentResponse {
    /// The content.
    pub data: GenerationContent,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

open_enum! {
    /// What feedback on a generation is about.
    pub enum FeedbackCategory {
        /// Too slow.
        Latency => "latency",
        /// Incoherent output.
        Incoherence => "incoherence",
        /// Wrong answer.
        IncorrectResponse => "incorrect_response",
        /// Badly formatted output.
        Formatting => "formatting",
        /// Billing problem.
        Billing => "billing",
        /// API error.
        ApiError => "api_error",
        /// Anything else.
        OtherIssue => "other",
    }
}

/// `POST /generation/feedback` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GenerationFeedbackRequest {
    /// The generation.
    pub generation_id: String,
    /// What the feedback is about.
    pub category: FeedbackCategory,
    /// Free-text comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl GenerationFeedbackRequest {
    /// Feedback of `category` on generation `generation_id`.
    pub fn new(generation_id: impl Into<String>, category: impl Into<FeedbackCategory>) -> Self {
        Self {
            generation_id: generation_id.into(),
            category: category.into(),
            comment: None,
            extra: Map::new(),
        }
    }

    /// Adds a comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}

optional_fields! {
    /// Whether feedback was recorded.
    FeedbackResult {
        /// `true` when recorded.
        success: bool,
    }
}

/// `POST /generation/feedback` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FeedbackResponse {
    /// The result.
    pub data: FeedbackResult,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
