//! The smaller objects and enums of the chat request: stop, reasoning, caching, tracing ...

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::super::MessageContent;
use super::opt_setters;
use crate::types::open_enum::open_enum;

/// Stop sequences: one string or a list (at most 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Stop {
    /// A single stop sequence.
    One(String),
    /// Several stop sequences.
    Many(Vec<String>),
}

impl From<&str> for Stop {
    fn from(value: &str) -> Self {
        Self::One(value.to_owned())
    }
}

impl From<String> for Stop {
    fn from(value: String) -> Self {
        Self::One(value)
    }
}

impl From<Vec<String>> for Stop {
    fn from(value: Vec<String>) -> Self {
        Self::Many(value)
    }
}

impl From<Vec<&str>> for Stop {
    fn from(value: Vec<&str>) -> Self {
        Self::Many(value.into_iter().map(str::to_owned).collect())
    }
}

impl<const N: usize> From<[&str; N]> for Stop {
    fn from(value: [&str; N]) -> Self {
        Self::Many(value.into_iter().map(str::to_owned).collect())
    }
}

/// Reasoning settings (`reasoning`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReasoningConfig {
    /// How hard the model thinks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<ReasoningEffort>,
    /// How detailed the returned reasoning summary is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ReasoningSummaryVerbosity>,
    /// A token budget for reasoning (Anthropic, Gemini style); not in the spec's chat schema
    /// but honoured by the live API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Reason, but leave the reasoning out of the response (live API; not in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<bool>,
    /// Turn reasoning on or off at the default effort (live API; not in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ReasoningConfig {
    /// Empty settings (the provider's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    /// Settings with this effort.
    pub fn with_effort(effort: impl Into<ReasoningEffort>) -> Self {
        Self::new().effort(effort)
    }

    /// Settings with this reasoning token budget.
    pub fn with_max_tokens(max_tokens: u32) -> Self {
        Self::new().max_tokens(max_tokens)
    }

    opt_setters! {
        effort: ReasoningEffort,
        summary: ReasoningSummaryVerbosity,
        max_tokens: u32,
        exclude: bool,
        enabled: bool,
    }
}

open_enum! {
    /// Reasoning effort.
    pub enum ReasoningEffort {
        /// The most reasoning the model offers.
        Max => "max",
        /// Extra high.
        XHigh => "xhigh",
        /// High.
        High => "high",
        /// Medium.
        Medium => "medium",
        /// Low.
        Low => "low",
        /// Minimal.
        Minimal => "minimal",
        /// No reasoning.
        None => "none",
    }
}

open_enum! {
    /// How detailed a reasoning summary should be.
    pub enum ReasoningSummaryVerbosity {
        /// The provider decides.
        Auto => "auto",
        /// Short.
        Concise => "concise",
        /// Detailed.
        Detailed => "detailed",
    }
}

/// A prompt-cache breakpoint (`cache_control`), at the top level or on a part or tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CacheControl {
    /// The cache kind; `ephemeral` is the only one today.
    #[serde(rename = "type")]
    pub kind: CacheControlKind,
    /// How long the cache entry lives (`5m` or `1h`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<CacheTtl>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CacheControl {
    /// `{"type": "ephemeral"}`: the provider's default lifetime.
    pub fn ephemeral() -> Self {
        Self {
            kind: CacheControlKind::Ephemeral,
            ttl: None,
            extra: Map::new(),
        }
    }

    /// Sets the lifetime.
    pub fn ttl(mut self, ttl: impl Into<CacheTtl>) -> Self {
        self.ttl = Some(ttl.into());
        self
    }
}

impl Default for CacheControl {
    fn default() -> Self {
        Self::ephemeral()
    }
}

open_enum! {
    /// The kind of a cache breakpoint.
    pub enum CacheControlKind {
        /// A short-lived cache entry.
        Ephemeral => "ephemeral",
    }
}

open_enum! {
    /// The lifetime of a cache entry.
    pub enum CacheTtl {
        /// Five minutes.
        FiveMinutes => "5m",
        /// One hour.
        OneHour => "1h",
    }
}

/// Request-level prompt cache controls (`prompt_cache_options`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PromptCacheOptions {
    /// `explicit`: cache only blocks marked with `prompt_cache_breakpoint`.
    pub mode: String,
    /// The cache lifetime, e.g. `30m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PromptCacheOptions {
    /// `{"mode": "explicit"}`.
    pub fn explicit() -> Self {
        Self {
            mode: "explicit".to_owned(),
            ttl: None,
            extra: Map::new(),
        }
    }

    opt_setters! { ttl: String }
}

/// Observability metadata (`trace`); unknown keys go to broadcast destinations as custom metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TraceConfig {
    /// The trace this request belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    /// A name for the trace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_name: Option<String>,
    /// A name for the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_name: Option<String>,
    /// A name for the generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation_name: Option<String>,
    /// The parent span id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_span_id: Option<String>,
    /// Custom metadata keys.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TraceConfig {
    /// Empty trace metadata.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a custom metadata key.
    pub fn field(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }

    opt_setters! {
        trace_id: String,
        trace_name: String,
        span_name: String,
        generation_name: String,
        parent_span_id: String,
    }
}

open_enum! {
    /// A provider service tier (`fast` is an alias of `priority`).
    pub enum ServiceTier {
        /// Let the provider choose.
        Auto => "auto",
        /// The standard tier.
        Default => "default",
        /// Alias of `priority`.
        Fast => "fast",
        /// Cheaper, slower.
        Flex => "flex",
        /// Faster, dearer.
        Priority => "priority",
        /// Scale tier.
        Scale => "scale",
    }
}

open_enum! {
    /// An output modality.
    pub enum Modality {
        /// Text.
        Text => "text",
        /// Images.
        Image => "image",
        /// Audio.
        Audio => "audio",
    }
}

open_enum! {
    /// The deprecated `route` field.
    pub enum Route {
        /// Same as `provider.sort.partition = "model"`.
        Fallback => "fallback",
        /// Same as `provider.sort.partition = "none"`.
        Sort => "sort",
    }
}

/// Predicted output (`prediction`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Prediction {
    /// Always `content` today.
    #[serde(rename = "type")]
    pub kind: String,
    /// The predicted text, or text parts.
    pub content: MessageContent,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Prediction {
    /// A `content` prediction.
    pub fn content(content: impl Into<MessageContent>) -> Self {
        Self {
            kind: "content".to_owned(),
            content: content.into(),
            extra: Map::new(),
        }
    }
}

/// Streaming options (`stream_options`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StreamOptions {
    /// Deprecated and without effect: usage is always included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_usage: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl StreamOptions {
    /// Empty options.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { include_usage: bool }
}

/// Debug options (`debug`), streaming only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DebugOptions {
    /// Emit the body sent upstream in a debug chunk at the start of the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echo_upstream_body: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DebugOptions {
    /// Empty options.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { echo_upstream_body: bool }
}

/// The legacy `usage` request flag (not in the spec; usage is always returned now).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UsageOptions {
    /// Ask for usage accounting (tokens and cost) in the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UsageOptions {
    /// `{"include": true}`.
    pub fn include() -> Self {
        Self {
            include: Some(true),
            extra: Map::new(),
        }
    }
}
