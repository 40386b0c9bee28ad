//! Settings (`parameters`) of the OpenRouter server tools.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::super::request::opt_setters;
use super::super::{CacheControl, ReasoningEffort};
use crate::types::open_enum::open_enum;

/// Settings of `openrouter:web_search` (and of the `web_search` shorthand).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebSearchConfig {
    /// The search engine; `auto` uses the provider's native search when it has one, else Exa.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<WebSearchEngine>,
    /// Results per search (at most 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
    /// Results across all searches of the request (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_total_results: Option<u32>,
    /// Characters of content per result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_characters: Option<u32>,
    /// How many searches the model may run in one turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// How much context to retrieve per result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_context_size: Option<SearchContextSize>,
    /// Only search these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
    /// Never search these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_domains: Option<Vec<String>>,
    /// Engine-specific search mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<WebSearchMode>,
    /// Approximate user location for local results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_location: Option<UserLocation>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebSearchConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        engine: WebSearchEngine,
        max_results: u32,
        max_total_results: u32,
        max_characters: u32,
        max_uses: u32,
        search_context_size: SearchContextSize,
        allowed_domains: [String],
        excluded_domains: [String],
        mode: WebSearchMode,
        user_location: UserLocation,
    }
}

open_enum! {
    /// A web search engine.
    pub enum WebSearchEngine {
        /// Native search if the provider has it, else Exa.
        Auto => "auto",
        /// The provider's built-in search.
        Native => "native",
        /// Exa.
        Exa => "exa",
        /// Firecrawl (bring your own key).
        Firecrawl => "firecrawl",
        /// Parallel.
        Parallel => "parallel",
        /// Perplexity search API.
        Perplexity => "perplexity",
    }
}

open_enum! {
    /// An engine-specific search mode; modes the engine lacks are ignored.
    pub enum WebSearchMode {
        /// Exa `instant`.
        Instant => "instant",
        /// Exa or Parallel `fast`.
        Fast => "fast",
        /// Exa `auto` (Exa's default).
        Auto => "auto",
        /// Exa `deep-lite`.
        DeepLite => "deep-lite",
        /// Exa `deep`.
        Deep => "deep",
        /// Exa `deep-reasoning`.
        DeepReasoning => "deep-reasoning",
        /// Parallel `turbo`.
        Turbo => "turbo",
        /// Parallel `basic` (Parallel's default).
        Basic => "basic",
        /// Parallel `advanced`.
        Advanced => "advanced",
    }
}

open_enum! {
    /// How much context to retrieve per search result.
    pub enum SearchContextSize {
        /// Little.
        Low => "low",
        /// Medium.
        Medium => "medium",
        /// Much.
        High => "high",
    }
}

/// An approximate user location for location-biased search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserLocation {
    /// Always `approximate`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Region or state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// IANA time zone, e.g. `America/Los_Angeles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UserLocation {
    /// `{"type": "approximate"}`; add fields with the setters.
    pub fn approximate() -> Self {
        Self {
            kind: Some("approximate".to_owned()),
            ..Self::default()
        }
    }

    opt_setters! {
        city: String,
        region: String,
        country: String,
        timezone: String,
    }
}

/// Settings of `openrouter:web_fetch`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebFetchConfig {
    /// The fetch engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<WebFetchEngine>,
    /// Only fetch from these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
    /// Never fetch from these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_domains: Option<Vec<String>>,
    /// Truncate fetched content to about this many tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_content_tokens: Option<u32>,
    /// Fetches allowed per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebFetchConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        engine: WebFetchEngine,
        allowed_domains: [String],
        blocked_domains: [String],
        max_content_tokens: u32,
        max_uses: u32,
    }
}

open_enum! {
    /// A web fetch engine.
    pub enum WebFetchEngine {
        /// Native if the provider has it, else Exa.
        Auto => "auto",
        /// The provider's built-in fetch.
        Native => "native",
        /// A direct HTTP fetch by OpenRouter.
        OpenRouter => "openrouter",
        /// Exa contents API.
        Exa => "exa",
        /// Parallel extract API.
        Parallel => "parallel",
        /// Firecrawl (bring your own key).
        Firecrawl => "firecrawl",
    }
}

/// Settings of `openrouter:datetime`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DatetimeConfig {
    /// IANA time zone for the answer, e.g. `America/New_York`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DatetimeConfig {
    /// Settings for this time zone.
    pub fn timezone(timezone: impl Into<String>) -> Self {
        Self {
            timezone: Some(timezone.into()),
            extra: Map::new(),
        }
    }
}

/// Settings of `openrouter:experimental__search_models`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchModelsConfig {
    /// How many models to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SearchModelsConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { max_results: u32 }
}

/// Settings of `openrouter:bash`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BashConfig {
    /// Who runs the commands: `openrouter` (sandbox) or `auto`/`native` (returned to you).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<BashEngine>,
    /// The container to run in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<BashEnvironment>,
    /// Idle seconds before the container sleeps (default 900).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep_after_seconds: Option<u64>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BashConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        engine: BashEngine,
        environment: BashEnvironment,
        sleep_after_seconds: u64,
    }
}

open_enum! {
    /// Which bash engine runs the commands.
    pub enum BashEngine {
        /// Native passthrough (the default): your application runs the commands.
        Auto => "auto",
        /// Native passthrough.
        Native => "native",
        /// OpenRouter's sandbox runs the commands.
        OpenRouter => "openrouter",
    }
}

/// The container of `openrouter:bash`: `container_auto` or `container_reference`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BashEnvironment {
    /// `container_auto` or `container_reference`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The container to reuse (`container_reference`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_id: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BashEnvironment {
    /// A fresh container managed by OpenRouter.
    pub fn container_auto() -> Self {
        Self {
            kind: "container_auto".to_owned(),
            container_id: None,
            extra: Map::new(),
        }
    }

    /// A container created earlier, by id.
    pub fn container_reference(container_id: impl Into<String>) -> Self {
        Self {
            kind: "container_reference".to_owned(),
            container_id: Some(container_id.into()),
            extra: Map::new(),
        }
    }
}

/// Settings of `openrouter:image_generation`: a model plus any `image_config` option.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageGenerationConfig {
    /// The image model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Image options (`aspect_ratio`, `quality`, `size` ...), sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImageGenerationConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets an image option such as `aspect_ratio`.
    pub fn option(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }

    opt_setters! { model: String }
}

/// Reasoning settings forwarded to a model a server tool calls (advisor, subagent, fusion).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolReasoning {
    /// Reasoning effort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<ReasoningEffort>,
    /// Reasoning token budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ServerToolReasoning {
    /// Empty settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { effort: ReasoningEffort, max_tokens: u32 }
}

/// A server tool offered to a model that a server tool runs (`{type, parameters?}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NestedServerTool {
    /// The server tool type, e.g. `openrouter:web_search`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The tool's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Map<String, Value>>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl NestedServerTool {
    /// The server tool of this type with default settings.
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            parameters: None,
            extra: Map::new(),
        }
    }

    /// Sets the settings.
    pub fn parameters(mut self, parameters: Map<String, Value>) -> Self {
        self.parameters = Some(parameters);
        self
    }
}

/// Settings of one `openrouter:advisor` entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AdvisorConfig {
    /// The advisor's name, when offering several (1-64 chars: letters, digits, space, `_`, `-`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The advisor model (any OpenRouter model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Instructions for the advisor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Send the advisor the whole conversation, not only the prompt of the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forward_transcript: Option<bool>,
    /// Token cap of the advisor's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// The advisor's sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Stream the advice (Responses API only; no effect on chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Reasoning settings of the advisor call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ServerToolReasoning>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AdvisorConfig {
    /// Default settings (the request's own model advises).
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        name: String,
        model: String,
        instructions: String,
        forward_transcript: bool,
        max_completion_tokens: u32,
        temperature: f64,
        stream: bool,
        reasoning: ServerToolReasoning,
    }
}

/// Settings of one `openrouter:subagent` entry (experimental).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubagentConfig {
    /// The subagent's name, when offering several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The worker model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Instructions for the worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Token cap of the worker's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// Tool-calling steps the worker may take (1-25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tool_calls: Option<u32>,
    /// The worker's sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Reasoning settings of the worker call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ServerToolReasoning>,
    /// Server tools the worker may use (function tools are rejected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<NestedServerTool>>,
    /// Give the worker every client function (Responses API only; chat answers 400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_functions: Option<bool>,
    /// Give the worker these client functions (Responses API only; chat answers 400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherited_function_names: Option<Vec<String>>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SubagentConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        name: String,
        model: String,
        instructions: String,
        max_completion_tokens: u32,
        max_tool_calls: u32,
        temperature: f64,
        reasoning: ServerToolReasoning,
        tools: [NestedServerTool],
        inherit_functions: bool,
        inherited_function_names: [String],
    }
}

/// Settings of `openrouter:fusion`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FusionConfig {
    /// The panel of models (1-8) that answer in parallel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_models: Option<Vec<String>>,
    /// The analyst model that summarises the panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Token cap per inner call (default 16000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// Tool-calling steps per inner model (1-16, default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tool_calls: Option<u32>,
    /// Sampling temperature of the inner calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Reasoning settings of the inner calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ServerToolReasoning>,
    /// Cache breakpoint for the inner calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Server tools of the inner calls (default web search and fetch; empty for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<NestedServerTool>>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FusionConfig {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        analysis_models: [String],
        model: String,
        max_completion_tokens: u32,
        max_tool_calls: u32,
        temperature: f64,
        reasoning: ServerToolReasoning,
        cache_control: CacheControl,
        tools: [NestedServerTool],
    }
}
