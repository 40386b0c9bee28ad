//! The request body of `POST /responses`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{setters, ResponsesInputItem, ResponsesTool, ResponsesToolChoice};
use crate::types::chat::{
    CacheControl, DebugOptions, Modality, Plugin, PromptCacheOptions, ProviderPreferences,
    ReasoningEffort, ReasoningSummaryVerbosity, Route, ServiceTier, StopServerToolsCondition,
    TraceConfig,
};
use crate::types::open_enum::open_enum;

/// A Responses API request.
///
/// ```
/// use openrouter::types::responses::ResponsesRequest;
/// let req = ResponsesRequest::new("openai/gpt-4o", "Tell me a joke")
///     .instructions("Be brief")
///     .max_output_tokens(200);
/// assert_eq!(req.model.as_deref(), Some("openai/gpt-4o"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesRequest {
    /// The model slug; when absent the account's default model is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Fallback models, tried in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<String>>,
    /// The input: a string, or the whole conversation as a list of items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<ResponsesInput>,
    /// System-level instructions placed before the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// A stored prompt template (`{id, variables}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Value>,
    /// Stream the answer as server-sent events; [`Responses::stream`](crate::api::Responses::stream)
    /// sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Tools the model may call: functions, hosted tools and OpenRouter server tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ResponsesTool>>,
    /// Whether and which tool the model must call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ResponsesToolChoice>,
    /// Allow several tool calls in one turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Most server-tool calls in one request (default and maximum 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tool_calls: Option<u32>,
    /// Conditions that end OpenRouter's server-tool loop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_server_tools_when: Option<Vec<StopServerToolsCondition>>,
    /// Reasoning settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ResponsesReasoning>,
    /// The output format (text, JSON, JSON Schema) and verbosity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<ResponsesTextConfig>,
    /// Maximum tokens to generate, reasoning included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// Sampling temperature, 0 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Sample only from the K most likely tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// How many top alternatives to return per token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u32>,
    /// Penalise tokens by how often they appeared, -2 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Penalise tokens that appeared at all, -2 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Deprecated alias of `provider.sort.partition`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    /// Plugins to run for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Vec<Plugin>>,
    /// Extra data to include: `reasoning.encrypted_content`, `file_search_call.results` ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ResponsesInclude>>,
    /// Up to 16 string key-value pairs stored with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Groups requests of one conversation (≤ 256 chars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// A stable end-user id for abuse isolation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// A stable end-user id (the newer name of `user`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_identifier: Option<String>,
    /// Always `false` per the spec (nothing is stored); never sent unless set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<bool>,
    /// Not supported: the API is stateless and answers a non-null value with 400. Send the
    /// whole conversation in `input` instead. Kept so that a request can be mirrored as is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_response_id: Option<String>,
    /// What to do when the input is longer than the context window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncation: Option<ResponsesTruncation>,
    /// Run in the background.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<bool>,
    /// The provider service tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// A key that groups requests sharing a prompt prefix, for provider-side caching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_key: Option<String>,
    /// Request-level prompt cache controls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_options: Option<PromptCacheOptions>,
    /// Automatic prompt caching (Anthropic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Observability metadata forwarded to broadcast destinations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<TraceConfig>,
    /// Output modalities: text, image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modalities: Option<Vec<Modality>>,
    /// Provider-specific image generation options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_config: Option<Map<String, Value>>,
    /// Debug options (streaming only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug: Option<DebugOptions>,
    /// Extra body fields, sent as they are: the escape hatch for fields this SDK does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesRequest {
    /// A request for `model` with this input (a string or a list of items).
    pub fn new(model: impl Into<String>, input: impl Into<ResponsesInput>) -> Self {
        Self {
            model: Some(model.into()),
            input: Some(input.into()),
            ..Self::default()
        }
    }

    /// A request without a model: OpenRouter uses the account's default model.
    pub fn with_input(input: impl Into<ResponsesInput>) -> Self {
        Self {
            input: Some(input.into()),
            ..Self::default()
        }
    }

    /// Appends an input item (turning a string input into a user message first).
    pub fn item(mut self, item: impl Into<ResponsesInputItem>) -> Self {
        let items = match self.input.take() {
            None => Vec::new(),
            Some(ResponsesInput::Items(items)) => items,
            Some(ResponsesInput::Text(text)) => vec![ResponsesInputItem::user(text)],
        };
        let mut items = items;
        items.push(item.into());
        self.input = Some(ResponsesInput::Items(items));
        self
    }

    /// Appends a tool.
    pub fn tool(mut self, tool: impl Into<ResponsesTool>) -> Self {
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

    setters! {
        model: String,
        models: [String],
        input: ResponsesInput,
        instructions: String,
        prompt: Value,
        stream: bool,
        tools: [ResponsesTool],
        tool_choice: ResponsesToolChoice,
        parallel_tool_calls: bool,
        max_tool_calls: u32,
        stop_server_tools_when: [StopServerToolsCondition],
        reasoning: ResponsesReasoning,
        text: ResponsesTextConfig,
        max_output_tokens: u32,
        temperature: f64,
        top_p: f64,
        top_k: u32,
        top_logprobs: u32,
        frequency_penalty: f64,
        presence_penalty: f64,
        provider: ProviderPreferences,
        route: Route,
        plugins: [Plugin],
        include: [ResponsesInclude],
        metadata: BTreeMap<String, String>,
        session_id: String,
        user: String,
        safety_identifier: String,
        store: bool,
        previous_response_id: String,
        truncation: ResponsesTruncation,
        background: bool,
        service_tier: ServiceTier,
        prompt_cache_key: String,
        prompt_cache_options: PromptCacheOptions,
        cache_control: CacheControl,
        trace: TraceConfig,
        modalities: [Modality],
        image_config: Map<String, Value>,
        debug: DebugOptions,
    }
}

/// `input`: a plain string, or a list of items (messages, function calls and their outputs,
/// reasoning items to replay ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ResponsesInput {
    /// A single user turn as text.
    Text(String),
    /// The conversation as items.
    Items(Vec<ResponsesInputItem>),
}

impl From<&str> for ResponsesInput {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for ResponsesInput {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Vec<ResponsesInputItem>> for ResponsesInput {
    fn from(items: Vec<ResponsesInputItem>) -> Self {
        Self::Items(items)
    }
}

impl<const N: usize> From<[ResponsesInputItem; N]> for ResponsesInput {
    fn from(items: [ResponsesInputItem; N]) -> Self {
        Self::Items(items.into())
    }
}

open_enum! {
    /// Extra output to include (`include[]`).
    pub enum ResponsesInclude {
        /// Encrypted reasoning, to replay reasoning items statelessly.
        ReasoningEncryptedContent => "reasoning.encrypted_content",
        /// File search results.
        FileSearchCallResults => "file_search_call.results",
        /// Image URLs of input images.
        MessageInputImageUrl => "message.input_image.image_url",
        /// Image URLs of computer call outputs.
        ComputerCallOutputImageUrl => "computer_call_output.output.image_url",
        /// Code interpreter outputs.
        CodeInterpreterCallOutputs => "code_interpreter_call.outputs",
    }
}

open_enum! {
    /// `truncation`.
    pub enum ResponsesTruncation {
        /// Drop items from the start of the conversation to fit.
        Auto => "auto",
        /// Fail when the input is too long.
        Disabled => "disabled",
    }
}

/// Reasoning settings (`reasoning`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesReasoning {
    /// How hard the model thinks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<ReasoningEffort>,
    /// How detailed the returned reasoning summary is (`auto`, `concise`, `detailed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ReasoningSummaryVerbosity>,
    /// A reasoning token budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Turn reasoning on or off at the default effort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `standard` or `pro`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ReasoningMode>,
    /// Which turns' reasoning the model sees: `auto`, `all_turns`, `current_turn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ReasoningContext>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesReasoning {
    /// Empty settings (the provider's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    /// Settings with this effort.
    pub fn with_effort(effort: impl Into<ReasoningEffort>) -> Self {
        Self::new().effort(effort)
    }

    setters! {
        effort: ReasoningEffort,
        summary: ReasoningSummaryVerbosity,
        max_tokens: u32,
        enabled: bool,
        mode: ReasoningMode,
        context: ReasoningContext,
    }
}

open_enum! {
    /// `reasoning.mode`.
    pub enum ReasoningMode {
        /// The usual reasoning.
        Standard => "standard",
        /// Longer, more expensive reasoning where offered.
        Pro => "pro",
    }
}

open_enum! {
    /// `reasoning.context`.
    pub enum ReasoningContext {
        /// The provider decides.
        Auto => "auto",
        /// Reasoning of every turn stays in context.
        AllTurns => "all_turns",
        /// Only the current turn's reasoning.
        CurrentTurn => "current_turn",
    }
}

/// Text output settings (`text`): the format and verbosity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesTextConfig {
    /// The output format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<ResponsesTextFormat>,
    /// `low`, `medium`, `high` ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verbosity: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesTextConfig {
    /// Settings with this format.
    pub fn format(format: ResponsesTextFormat) -> Self {
        Self {
            format: Some(format),
            ..Self::default()
        }
    }

    /// JSON output matching `schema`, strictly.
    pub fn json_schema(name: impl Into<String>, schema: Value) -> Self {
        Self::format(ResponsesTextFormat::json_schema(name, schema))
    }

    /// Sets the verbosity.
    pub fn verbosity(mut self, verbosity: impl Into<String>) -> Self {
        self.verbosity = Some(verbosity.into());
        self
    }
}

/// `text.format`, tagged by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum ResponsesTextFormat {
    /// Plain text.
    #[serde(rename = "text")]
    Text {},
    /// Any JSON object.
    #[serde(rename = "json_object")]
    JsonObject {},
    /// JSON matching a schema.
    #[serde(rename = "json_schema")]
    JsonSchema(ResponsesJsonSchema),
    /// A format this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl ResponsesTextFormat {
    /// JSON matching `schema`, strictly.
    pub fn json_schema(name: impl Into<String>, schema: Value) -> Self {
        Self::JsonSchema(ResponsesJsonSchema {
            name: name.into(),
            schema,
            description: None,
            strict: Some(true),
            extra: Map::new(),
        })
    }
}

/// `text.format` of type `json_schema` (flat, unlike chat's `response_format`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesJsonSchema {
    /// The schema's name.
    #[serde(default)]
    pub name: String,
    /// The JSON Schema the output must satisfy.
    #[serde(default)]
    pub schema: Value,
    /// What the output is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enforce the schema strictly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
