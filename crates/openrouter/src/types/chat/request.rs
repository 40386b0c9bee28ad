//! The chat request body (`POST /chat/completions`).
//!
//! Every field of the spec's `ChatRequest` is a public `Option` field with a chained setter;
//! unset fields are never sent. Fields the SDK does not model yet go in [`ChatRequest::extra`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{
    Message, Plugin, ProviderPreferences, ResponseFormat, StopServerToolsCondition, Tool,
    ToolChoice,
};

mod options;

pub use options::*;

/// Chained setters for `Option` fields: `name: Type` takes `impl Into<Type>` (unsigned
/// integers: the type itself), and
/// `name: [Item]` takes any iterator of `impl Into<Item>` for an `Option<Vec<Item>>` field.
macro_rules! opt_setters {
    () => {};
    ($name:ident : [$item:ty] $(, $($rest:tt)*)?) => {
        #[doc = concat!("Sets `", stringify!($name), "` (see the field).")]
        pub fn $name<I>(mut self, values: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<$item>,
        {
            self.$name = Some(values.into_iter().map(Into::into).collect());
            self
        }
        $(opt_setters!($($rest)*);)?
    };
    // Unsigned integers are taken as they are, so that a plain literal (`.max_tokens(200)`)
    // infers the type instead of defaulting to `i32`, which has no `Into<u32>`.
    ($name:ident : u32 $(, $($rest:tt)*)?) => { opt_setters!(@direct $name: u32 $(, $($rest)*)?); };
    ($name:ident : u64 $(, $($rest:tt)*)?) => { opt_setters!(@direct $name: u64 $(, $($rest)*)?); };
    ($name:ident : u8 $(, $($rest:tt)*)?) => { opt_setters!(@direct $name: u8 $(, $($rest)*)?); };
    (@direct $name:ident : $ty:ty $(, $($rest:tt)*)?) => {
        #[doc = concat!("Sets `", stringify!($name), "` (see the field).")]
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = Some(value);
            self
        }
        $(opt_setters!($($rest)*);)?
    };
    ($name:ident : $ty:ty $(, $($rest:tt)*)?) => {
        #[doc = concat!("Sets `", stringify!($name), "` (see the field).")]
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$name = Some(value.into());
            self
        }
        $(opt_setters!($($rest)*);)?
    };
}

pub(crate) use opt_setters;

/// A chat completion request.
///
/// ```
/// use openrouter::types::chat::{ChatRequest, Message};
/// let req = ChatRequest::new("openai/gpt-4o", [Message::system("Be brief"), Message::user("Hi")])
///     .temperature(0.2)
///     .max_tokens(200);
/// assert_eq!(req.messages.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatRequest {
    /// The model slug, e.g. `openai/gpt-4o`; when absent the account's default model is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Fallback models, tried in order when the first one fails or is unavailable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<String>>,
    /// The conversation so far.
    pub messages: Vec<Message>,
    /// Stream the answer as server-sent events. The client's `stream` method sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Stream options (`include_usage` is deprecated: usage is always sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<StreamOptions>,
    /// Maximum tokens to generate (deprecated by the spec in favour of `max_completion_tokens`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Maximum tokens to generate, reasoning included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// Sampling temperature, 0 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Sample only from the K most likely tokens (not every provider supports it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// Drop tokens whose probability is low relative to the top token (not every provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_a: Option<f64>,
    /// Minimum probability relative to the top token (not every provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_p: Option<f64>,
    /// Penalise tokens by how often they appeared, -2 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Penalise tokens that appeared at all, -2 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Multiplicative penalty for repeated tokens; 1.0 is none (not every provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    /// Seed for reproducible sampling where the provider supports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// Up to 4 stop sequences: one string or a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<Stop>,
    /// Return log probabilities of the output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<bool>,
    /// How many top alternatives to return per token, 0 to 20 (needs `logprobs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u32>,
    /// Bias per token id (as a string key), -100 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logit_bias: Option<BTreeMap<String, f64>>,
    /// Tools the model may call: functions and OpenRouter server tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Tool>>,
    /// Whether and which tool the model must call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Allow several tool calls in one turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Conditions that end OpenRouter's server-tool loop (any one fires: OR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_server_tools_when: Option<Vec<StopServerToolsCondition>>,
    /// The output format: text, JSON, JSON Schema, grammar or Python.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<ResponseFormat>,
    /// Reasoning settings for reasoning models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ReasoningConfig>,
    /// Shorthand for `reasoning.effort`; must not disagree with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<ReasoningEffort>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Deprecated alias of `provider.sort.partition` (`fallback` or `sort`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    /// Plugins to run for this request (web search, file parser, auto-router ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Vec<Plugin>>,
    /// Legacy prompt transforms, e.g. `["middle-out"]`; not in the spec (now the
    /// `context-compression` plugin) but still honoured by the live API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transforms: Option<Vec<String>>,
    /// Legacy usage accounting flag (`{"include": true}`); not in the spec, where usage is
    /// always returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<UsageOptions>,
    /// Automatic prompt caching: OpenRouter places a breakpoint on the last cacheable block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// A key that groups requests sharing a prompt prefix, for provider-side caching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_key: Option<String>,
    /// Request-level prompt cache controls (OpenAI GPT-5.6 and newer only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_options: Option<PromptCacheOptions>,
    /// Groups requests of one conversation: sticky provider routing and observability (≤ 256 chars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// Observability metadata forwarded to broadcast destinations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<TraceConfig>,
    /// Up to 16 string key-value pairs stored with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The provider service tier (`auto`, `default`, `flex`, `priority` ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// Output modalities: text, image, audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modalities: Option<Vec<Modality>>,
    /// Provider-specific image generation options (aspect ratio, quality ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_config: Option<Map<String, Value>>,
    /// Predicted output, to cut latency when most of the answer is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction: Option<Prediction>,
    /// A stable end-user id for abuse isolation; OpenRouter hashes it before it goes upstream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Debug options (streaming only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug: Option<DebugOptions>,
    /// Extra body fields, sent as they are: the escape hatch for fields this SDK does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ChatRequest {
    /// A request for `model` with these messages.
    pub fn new(model: impl Into<String>, messages: impl IntoIterator<Item = Message>) -> Self {
        Self {
            model: Some(model.into()),
            messages: messages.into_iter().collect(),
            ..Self::default()
        }
    }

    /// A request without a model: OpenRouter uses the account's default model.
    pub fn with_messages(messages: impl IntoIterator<Item = Message>) -> Self {
        Self {
            messages: messages.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Appends a message.
    pub fn message(mut self, message: impl Into<Message>) -> Self {
        self.messages.push(message.into());
        self
    }

    /// Appends a tool.
    pub fn tool(mut self, tool: impl Into<Tool>) -> Self {
        self.tools.get_or_insert_with(Vec::new).push(tool.into());
        self
    }

    /// Appends a plugin.
    pub fn plugin(mut self, plugin: impl Into<Plugin>) -> Self {
        self.plugins
            .get_or_insert_with(Vec::new)
            .push(plugin.into());
        self
    }

    /// Adds a metadata pair.
    pub fn metadata_entry(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }

    /// Sets an extra body field the SDK does not model; it is sent as given.
    pub fn extra_field(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }

    opt_setters! {
        model: String,
        models: [String],
        stream: bool,
        stream_options: StreamOptions,
        max_tokens: u32,
        max_completion_tokens: u32,
        temperature: f64,
        top_p: f64,
        top_k: u32,
        top_a: f64,
        min_p: f64,
        frequency_penalty: f64,
        presence_penalty: f64,
        repetition_penalty: f64,
        seed: i64,
        stop: Stop,
        logprobs: bool,
        top_logprobs: u32,
        logit_bias: BTreeMap<String, f64>,
        tools: [Tool],
        tool_choice: ToolChoice,
        parallel_tool_calls: bool,
        stop_server_tools_when: [StopServerToolsCondition],
        response_format: ResponseFormat,
        reasoning: ReasoningConfig,
        reasoning_effort: ReasoningEffort,
        provider: ProviderPreferences,
        route: Route,
        plugins: [Plugin],
        transforms: [String],
        usage: UsageOptions,
        cache_control: CacheControl,
        prompt_cache_key: String,
        prompt_cache_options: PromptCacheOptions,
        session_id: String,
        trace: TraceConfig,
        metadata: BTreeMap<String, String>,
        service_tier: ServiceTier,
        modalities: [Modality],
        image_config: Map<String, Value>,
        prediction: Prediction,
        user: String,
        debug: DebugOptions,
    }
}
