//! `MessagesRequest` and the settings it carries.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{CacheControl, ContentBlock};
use crate::types::chat::{Plugin, ProviderPreferences, TraceConfig};
use crate::types::open_enum::open_enum;

open_enum! {
    /// Who wrote a message.
    pub enum MessagesRole {
        /// The person or program asking.
        User => "user",
        /// The model.
        Assistant => "assistant",
        /// System instructions given as a message.
        System => "system",
    }
}

/// A message's content: a string, or content blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum MessageContent {
    /// Plain text.
    Text(String),
    /// Text, image, document, tool and thinking blocks.
    Blocks(Vec<ContentBlock>),
}

impl From<&str> for MessageContent {
    fn from(value: &str) -> Self {
        MessageContent::Text(value.to_owned())
    }
}

impl From<String> for MessageContent {
    fn from(value: String) -> Self {
        MessageContent::Text(value)
    }
}

impl From<Vec<ContentBlock>> for MessageContent {
    fn from(value: Vec<ContentBlock>) -> Self {
        MessageContent::Blocks(value)
    }
}

/// One message of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageParam {
    /// Who wrote it.
    pub role: MessagesRole,
    /// What it says.
    pub content: MessageContent,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MessageParam {
    /// A message with this role and content.
    pub fn new(role: MessagesRole, content: impl Into<MessageContent>) -> Self {
        Self {
            role,
            content: content.into(),
            extra: Map::new(),
        }
    }

    /// A user message.
    pub fn user(content: impl Into<MessageContent>) -> Self {
        Self::new(MessagesRole::User, content)
    }

    /// An assistant message, e.g. an earlier answer's content sent back.
    pub fn assistant(content: impl Into<MessageContent>) -> Self {
        Self::new(MessagesRole::Assistant, content)
    }
}

/// The system prompt: a string, or text blocks (which may carry cache breakpoints).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum SystemPrompt {
    /// Plain text.
    Text(String),
    /// Text blocks.
    Blocks(Vec<ContentBlock>),
}

impl From<&str> for SystemPrompt {
    fn from(value: &str) -> Self {
        SystemPrompt::Text(value.to_owned())
    }
}

impl From<String> for SystemPrompt {
    fn from(value: String) -> Self {
        SystemPrompt::Text(value)
    }
}

impl From<Vec<ContentBlock>> for SystemPrompt {
    fn from(value: Vec<ContentBlock>) -> Self {
        SystemPrompt::Blocks(value)
    }
}

tagged_union! {
    /// Extended thinking: on with a budget, adaptive, or off.
    pub enum ThinkingConfig {
        /// Thinking with a token budget.
        Enabled(ThinkingEnabled) => "enabled",
        /// The model decides how much to think.
        Adaptive(ThinkingAdaptive) => "adaptive",
        /// No thinking.
        Disabled(ThinkingDisabled) => "disabled",
    }
}

impl ThinkingConfig {
    /// Thinking with at most `budget_tokens` tokens.
    pub fn enabled(budget_tokens: u32) -> Self {
        ThinkingConfig::Enabled(ThinkingEnabled {
            budget_tokens,
            display: None,
            extra: Map::new(),
        })
    }

    /// Adaptive thinking.
    pub fn adaptive() -> Self {
        ThinkingConfig::Adaptive(ThinkingAdaptive {
            display: None,
            extra: Map::new(),
        })
    }

    /// No thinking.
    pub fn disabled() -> Self {
        ThinkingConfig::Disabled(ThinkingDisabled { extra: Map::new() })
    }
}

/// `{"type": "enabled", "budget_tokens": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingEnabled {
    /// The most tokens the model may spend thinking.
    #[serde(default)]
    pub budget_tokens: u32,
    /// How thinking is shown: `summarized` or `omitted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "adaptive"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingAdaptive {
    /// How thinking is shown: `summarized` or `omitted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "disabled"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingDisabled {
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

tagged_union! {
    /// Whether and which tool the model must call.
    pub enum MessagesToolChoice {
        /// The model decides.
        Auto(ToolChoiceOptions) => "auto",
        /// The model must call some tool.
        Any(ToolChoiceOptions) => "any",
        /// The model must not call tools.
        None(ToolChoiceOptions) => "none",
        /// The model must call the named tool.
        Tool(ToolChoiceTool) => "tool",
    }
}

impl MessagesToolChoice {
    /// `{"type": "auto"}`.
    pub fn auto() -> Self {
        MessagesToolChoice::Auto(ToolChoiceOptions::default())
    }

    /// `{"type": "any"}`.
    pub fn any() -> Self {
        MessagesToolChoice::Any(ToolChoiceOptions::default())
    }

    /// `{"type": "none"}`.
    pub fn none() -> Self {
        MessagesToolChoice::None(ToolChoiceOptions::default())
    }

    /// `{"type": "tool", "name": ..}`.
    pub fn tool(name: impl Into<String>) -> Self {
        MessagesToolChoice::Tool(ToolChoiceTool {
            name: name.into(),
            disable_parallel_tool_use: None,
            extra: Map::new(),
        })
    }
}

/// Options of the `auto`, `any` and `none` tool choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolChoiceOptions {
    /// At most one tool call per answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_parallel_tool_use: Option<bool>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "tool", "name": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolChoiceTool {
    /// The tool to call.
    #[serde(default)]
    pub name: String,
    /// At most one tool call per answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_parallel_tool_use: Option<bool>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tool the model may call: a custom tool (`name`, `input_schema`) or a server tool
/// (`type`, e.g. `web_search_20250305` or `openrouter:web_search`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesTool {
    /// The server tool's type; absent (or `custom`) for custom tools.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The tool's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the tool does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the tool's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_schema: Option<Value>,
    /// Prompt caching for the tool definitions up to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model (server tool settings...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MessagesTool {
    /// A custom tool.
    pub fn new(name: impl Into<String>, input_schema: Value) -> Self {
        Self {
            kind: None,
            name: Some(name.into()),
            description: None,
            input_schema: Some(input_schema),
            cache_control: None,
            extra: Map::new(),
        }
    }

    /// A server tool of type `kind`.
    pub fn server(kind: impl Into<String>) -> Self {
        Self {
            kind: Some(kind.into()),
            name: None,
            description: None,
            input_schema: None,
            cache_control: None,
            extra: Map::new(),
        }
    }

    /// Describes the tool.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// `{"user_id": ..}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesMetadata {
    /// An opaque id of the end user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output settings: effort and structured output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesOutputConfig {
    /// `low`, `medium`, `high`, `xhigh` or `max`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<String>,
    /// `{"type": "json_schema", "schema": {..}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Value>,
    /// Fields this SDK does not model (`task_budget`...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One fallback model: `{"model": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesFallback {
    /// The model to try.
    pub model: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MessagesFallback {
    /// A fallback to `model`.
    pub fn new(model: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            extra: Map::new(),
        }
    }
}

/// The body of `POST /messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesRequest {
    /// The model, e.g. `anthropic/claude-sonnet-4`.
    pub model: String,
    /// The conversation.
    #[serde(default)]
    pub messages: Vec<MessageParam>,
    /// System instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<SystemPrompt>,
    /// The most tokens to generate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Extended thinking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking: Option<ThinkingConfig>,
    /// Tools the model may call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<MessagesTool>>,
    /// Whether and which tool the model must call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<MessagesToolChoice>,
    /// Strings that end the generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequences: Option<Vec<String>>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Top-k sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// Request metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<MessagesMetadata>,
    /// Prompt caching for the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Effort and structured output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_config: Option<MessagesOutputConfig>,
    /// Set by [`Messages::stream`](crate::api::Messages::stream); leave unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Models to try in order (OpenRouter routing); not with `fallbacks`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<String>>,
    /// Up to 3 fallback models; not with `models`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallbacks: Option<Vec<MessagesFallback>>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// OpenRouter plugins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Vec<Plugin>>,
    /// Groups related requests; also the sticky routing key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// Tracing metadata for observability integrations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<TraceConfig>,
    /// An id of the end user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Fields this SDK does not model (`context_management`, `speed`, `service_tier`...),
    /// kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MessagesRequest {
    /// A request for `model` with these messages.
    pub fn new(model: impl Into<String>, messages: impl IntoIterator<Item = MessageParam>) -> Self {
        Self {
            model: model.into(),
            messages: messages.into_iter().collect(),
            system: None,
            max_tokens: None,
            thinking: None,
            tools: None,
            tool_choice: None,
            stop_sequences: None,
            temperature: None,
            top_p: None,
            top_k: None,
            metadata: None,
            cache_control: None,
            output_config: None,
            stream: None,
            models: None,
            fallbacks: None,
            provider: None,
            plugins: None,
            session_id: None,
            trace: None,
            user: None,
            extra: Map::new(),
        }
    }

    /// Appends a message.
    pub fn message(mut self, message: MessageParam) -> Self {
        self.messages.push(message);
        self
    }

    /// Sets the system prompt.
    pub fn system(mut self, system: impl Into<SystemPrompt>) -> Self {
        self.system = Some(system.into());
        self
    }

    /// Sets the most tokens to generate.
    pub fn max_tokens(mut self, max_tokens: u32) -> Self {
        self.max_tokens = Some(max_tokens);
        self
    }

    /// Sets extended thinking.
    pub fn thinking(mut self, thinking: ThinkingConfig) -> Self {
        self.thinking = Some(thinking);
        self
    }

    /// Adds a tool.
    pub fn tool(mut self, tool: MessagesTool) -> Self {
        self.tools.get_or_insert_with(Vec::new).push(tool);
        self
    }

    /// Sets the tool choice.
    pub fn tool_choice(mut self, tool_choice: MessagesToolChoice) -> Self {
        self.tool_choice = Some(tool_choice);
        self
    }

    /// Sets the stop sequences.
    pub fn stop_sequences(mut self, stops: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.stop_sequences = Some(stops.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the temperature.
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Sets nucleus sampling.
    pub fn top_p(mut self, top_p: f64) -> Self {
        self.top_p = Some(top_p);
        self
    }

    /// Sets top-k sampling.
    pub fn top_k(mut self, top_k: u32) -> Self {
        self.top_k = Some(top_k);
        self
    }

    /// Sets the end user's id in `metadata.user_id`.
    pub fn metadata_user_id(mut self, user_id: impl Into<String>) -> Self {
        self.metadata.get_or_insert_with(Default::default).user_id = Some(user_id.into());
        self
    }

    /// Sets request-wide prompt caching.
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }

    /// Sets the output settings.
    pub fn output_config(mut self, output_config: MessagesOutputConfig) -> Self {
        self.output_config = Some(output_config);
        self
    }

    /// Sets the models to try in order.
    pub fn models(mut self, models: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Adds a fallback model.
    pub fn fallback(mut self, model: impl Into<String>) -> Self {
        self.fallbacks
            .get_or_insert_with(Vec::new)
            .push(MessagesFallback::new(model));
        self
    }

    /// Sets provider preferences.
    pub fn provider(mut self, provider: ProviderPreferences) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Adds a plugin.
    pub fn plugin(mut self, plugin: Plugin) -> Self {
        self.plugins.get_or_insert_with(Vec::new).push(plugin);
        self
    }

    /// Sets the session id.
    pub fn session_id(mut self, session_id: impl Into<String>) -> Self {
        self.session_id = Some(session_id.into());
        self
    }

    /// Sets tracing metadata.
    pub fn trace(mut self, trace: TraceConfig) -> Self {
        self.trace = Some(trace);
        self
    }

    /// Sets a body field this SDK does not model.
    pub fn extra(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}
