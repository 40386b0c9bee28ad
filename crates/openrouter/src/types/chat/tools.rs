//! Tools (`tools[]`), `tool_choice` and the server-tool loop's stop conditions.
//!
//! A tool is a function the caller runs, or an OpenRouter server tool (`openrouter:*`) that
//! OpenRouter runs itself. Tool types this SDK does not know are kept as raw JSON.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::request::opt_setters;
use super::CacheControl;
use crate::types::open_enum::open_enum;

mod server;

pub use server::*;

/// A tool the model may call, tagged by `type` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Boxing the big variant would make matching and building messages clumsier, and a
// request holds few of them.
#[allow(clippy::large_enum_variant)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum Tool {
    /// `function`: a function your code runs.
    #[serde(rename = "function")]
    Function(FunctionTool),
    /// `openrouter:web_search`: OpenRouter searches the web.
    #[serde(rename = "openrouter:web_search")]
    WebSearch(ServerTool<WebSearchConfig>),
    /// `openrouter:web_fetch`: OpenRouter fetches a URL (page or PDF).
    #[serde(rename = "openrouter:web_fetch")]
    WebFetch(ServerTool<WebFetchConfig>),
    /// `openrouter:datetime`: the current date and time.
    #[serde(rename = "openrouter:datetime")]
    Datetime(ServerTool<DatetimeConfig>),
    /// `openrouter:files`: read, write, edit and list files of the Files API workspace.
    #[serde(rename = "openrouter:files")]
    Files(ServerTool<Map<String, Value>>),
    /// `openrouter:bash`: shell commands in a sandboxed container.
    #[serde(rename = "openrouter:bash")]
    Bash(ServerTool<BashConfig>),
    /// `openrouter:image_generation`: generate images with an image model.
    #[serde(rename = "openrouter:image_generation")]
    ImageGeneration(ServerTool<ImageGenerationConfig>),
    /// `openrouter:advisor`: consult a stronger model mid-generation.
    #[serde(rename = "openrouter:advisor")]
    Advisor(ServerTool<AdvisorConfig>),
    /// `openrouter:subagent`: delegate a task to a cheaper worker model (experimental).
    #[serde(rename = "openrouter:subagent")]
    Subagent(ServerTool<SubagentConfig>),
    /// `openrouter:fusion`: fan the prompt out to a panel of models and analyse their answers.
    #[serde(rename = "openrouter:fusion")]
    Fusion(ServerTool<FusionConfig>),
    /// `openrouter:experimental__search_models`: search OpenRouter's model catalogue.
    #[serde(rename = "openrouter:experimental__search_models")]
    SearchModels(ServerTool<SearchModelsConfig>),
    /// `web_search` / `web_search_preview*`: the OpenAI-style shorthand for `openrouter:web_search`.
    #[serde(untagged)]
    WebSearchShorthand(WebSearchShorthand),
    /// A tool of a type this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl Tool {
    /// A function tool; `parameters` is the JSON Schema of its arguments.
    pub fn function(
        name: impl Into<String>,
        description: impl Into<String>,
        parameters: Value,
    ) -> Self {
        Self::Function(FunctionTool::new(
            FunctionDefinition::new(name)
                .description(description)
                .parameters(parameters),
        ))
    }

    /// `openrouter:web_search` with default settings.
    pub fn web_search() -> Self {
        Self::WebSearch(ServerTool::new())
    }

    /// `openrouter:web_search` with settings.
    pub fn web_search_with(config: WebSearchConfig) -> Self {
        Self::WebSearch(ServerTool::with(config))
    }

    /// `openrouter:web_fetch` with default settings.
    pub fn web_fetch() -> Self {
        Self::WebFetch(ServerTool::new())
    }

    /// `openrouter:datetime` with default settings.
    pub fn datetime() -> Self {
        Self::Datetime(ServerTool::new())
    }

    /// `openrouter:files`.
    pub fn files() -> Self {
        Self::Files(ServerTool::new())
    }

    /// `openrouter:bash` with default settings.
    pub fn bash() -> Self {
        Self::Bash(ServerTool::new())
    }

    /// `openrouter:image_generation` with default settings.
    pub fn image_generation() -> Self {
        Self::ImageGeneration(ServerTool::new())
    }

    /// `openrouter:advisor` with settings.
    pub fn advisor(config: AdvisorConfig) -> Self {
        Self::Advisor(ServerTool::with(config))
    }

    /// `openrouter:subagent` with settings.
    pub fn subagent(config: SubagentConfig) -> Self {
        Self::Subagent(ServerTool::with(config))
    }

    /// `openrouter:fusion` with default settings.
    pub fn fusion() -> Self {
        Self::Fusion(ServerTool::new())
    }

    /// `openrouter:experimental__search_models` with default settings.
    pub fn search_models() -> Self {
        Self::SearchModels(ServerTool::new())
    }

    /// The `type` of this tool as it appears on the wire.
    pub fn kind(&self) -> Option<&str> {
        Some(match self {
            Self::Function(_) => "function",
            Self::WebSearch(_) => "openrouter:web_search",
            Self::WebFetch(_) => "openrouter:web_fetch",
            Self::Datetime(_) => "openrouter:datetime",
            Self::Files(_) => "openrouter:files",
            Self::Bash(_) => "openrouter:bash",
            Self::ImageGeneration(_) => "openrouter:image_generation",
            Self::Advisor(_) => "openrouter:advisor",
            Self::Subagent(_) => "openrouter:subagent",
            Self::Fusion(_) => "openrouter:fusion",
            Self::SearchModels(_) => "openrouter:experimental__search_models",
            Self::WebSearchShorthand(tool) => tool.kind.as_str(),
            Self::Other(value) => return value.get("type").and_then(Value::as_str),
        })
    }
}

impl From<FunctionTool> for Tool {
    fn from(tool: FunctionTool) -> Self {
        Self::Function(tool)
    }
}

impl From<FunctionDefinition> for Tool {
    fn from(function: FunctionDefinition) -> Self {
        Self::Function(FunctionTool::new(function))
    }
}

/// A `function` tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionTool {
    /// The function's name, description and parameter schema.
    pub function: FunctionDefinition,
    /// A prompt-cache breakpoint after this tool definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FunctionTool {
    /// A function tool for this definition.
    pub fn new(function: FunctionDefinition) -> Self {
        Self {
            function,
            cache_control: None,
            extra: Map::new(),
        }
    }

    opt_setters! { cache_control: CacheControl }
}

/// A function the model may call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionDefinition {
    /// The name (a-z, A-Z, 0-9, `_`, `-`; at most 64 characters).
    pub name: String,
    /// What the function does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The JSON Schema of the arguments object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Value>,
    /// Ask the provider to follow the schema exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FunctionDefinition {
    /// A function with this name and nothing else.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            parameters: None,
            strict: None,
            extra: Map::new(),
        }
    }

    opt_setters! {
        description: String,
        parameters: Value,
        strict: bool,
    }
}

/// An OpenRouter server tool: its optional `parameters` object and any other fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerTool<P> {
    /// The tool's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<P>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl<P> ServerTool<P> {
    /// The tool with default settings (no `parameters`).
    pub fn new() -> Self {
        Self {
            parameters: None,
            extra: Map::new(),
        }
    }

    /// The tool with these settings.
    pub fn with(parameters: P) -> Self {
        Self {
            parameters: Some(parameters),
            extra: Map::new(),
        }
    }
}

impl<P> Default for ServerTool<P> {
    fn default() -> Self {
        Self::new()
    }
}

/// The OpenAI-style web search tool (`web_search`, `web_search_preview` ...); OpenRouter turns it
/// into `openrouter:web_search`. Settings may sit at the top level or in `parameters`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebSearchShorthand {
    /// Which spelling of the tool type.
    #[serde(rename = "type")]
    pub kind: WebSearchShorthandKind,
    /// Settings in `parameters`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<WebSearchConfig>,
    /// Settings at the top level (and any unknown fields).
    #[serde(flatten)]
    pub config: WebSearchConfig,
}

impl WebSearchShorthand {
    /// `{"type": "web_search"}` with these top-level settings.
    pub fn new(config: WebSearchConfig) -> Self {
        Self {
            kind: WebSearchShorthandKind::WebSearch,
            parameters: None,
            config,
        }
    }
}

impl From<WebSearchShorthand> for Tool {
    fn from(tool: WebSearchShorthand) -> Self {
        Self::WebSearchShorthand(tool)
    }
}

/// The accepted `type` values of the web search shorthand. Closed on purpose: any other type
/// must fall through to [`Tool::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum WebSearchShorthandKind {
    /// `web_search`.
    #[serde(rename = "web_search")]
    WebSearch,
    /// `web_search_preview`.
    #[serde(rename = "web_search_preview")]
    WebSearchPreview,
    /// `web_search_preview_2025_03_11`.
    #[serde(rename = "web_search_preview_2025_03_11")]
    WebSearchPreview20250311,
    /// `web_search_2025_08_26`.
    #[serde(rename = "web_search_2025_08_26")]
    WebSearch20250826,
}

impl WebSearchShorthandKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::WebSearch => "web_search",
            Self::WebSearchPreview => "web_search_preview",
            Self::WebSearchPreview20250311 => "web_search_preview_2025_03_11",
            Self::WebSearch20250826 => "web_search_2025_08_26",
        }
    }
}

/// `tool_choice`: whether the model must, may or must not call tools.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ToolChoice {
    /// `"none"`, `"auto"` or `"required"`.
    Mode(ToolChoiceMode),
    /// `{"type": "function", "function": {"name": ...}}`: call this function.
    Function(NamedToolChoice),
    /// `{"type": "openrouter:web_search"}`: call this server tool.
    ServerTool(ServerToolChoice),
    /// Any other JSON, kept as sent.
    Other(Value),
}

impl ToolChoice {
    /// `"none"`: never call a tool.
    pub fn none() -> Self {
        Self::Mode(ToolChoiceMode::None)
    }

    /// `"auto"`: the model decides.
    pub fn auto() -> Self {
        Self::Mode(ToolChoiceMode::Auto)
    }

    /// `"required"`: call at least one tool.
    pub fn required() -> Self {
        Self::Mode(ToolChoiceMode::Required)
    }

    /// Call the function `name`.
    pub fn function(name: impl Into<String>) -> Self {
        Self::Function(NamedToolChoice::new(name))
    }

    /// Call the server tool of this type, e.g. `openrouter:web_search`.
    pub fn server_tool(kind: impl Into<String>) -> Self {
        Self::ServerTool(ServerToolChoice {
            kind: kind.into(),
            extra: Map::new(),
        })
    }
}

impl From<ToolChoiceMode> for ToolChoice {
    fn from(mode: ToolChoiceMode) -> Self {
        Self::Mode(mode)
    }
}

open_enum! {
    /// The string forms of `tool_choice`.
    pub enum ToolChoiceMode {
        /// Never call a tool.
        None => "none",
        /// The model decides.
        Auto => "auto",
        /// Call at least one tool.
        Required => "required",
    }
}

/// `{"type": "function", "function": {"name": ...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NamedToolChoice {
    /// Always `function`. Closed so that server-tool choices fall through to [`ToolChoice::ServerTool`].
    #[serde(rename = "type")]
    pub kind: FunctionKind,
    /// The function to call.
    pub function: NamedFunction,
}

impl NamedToolChoice {
    /// Call the function `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            kind: FunctionKind::Function,
            function: NamedFunction {
                name: name.into(),
                extra: Map::new(),
            },
        }
    }
}

/// `{"type": "openrouter:web_search"}`: force a server tool by its type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolChoice {
    /// The server tool's type, e.g. `openrouter:web_search`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The literal type `function`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FunctionKind {
    /// `function`.
    #[serde(rename = "function")]
    Function,
}

/// A function named in `tool_choice`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NamedFunction {
    /// The function's name.
    pub name: String,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One condition of `stop_server_tools_when`: when it fires, the server-tool loop ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum StopServerToolsCondition {
    /// After this many loop steps.
    StepCountIs {
        /// The number of steps.
        step_count: u32,
    },
    /// After a tool with this name was called.
    HasToolCall {
        /// The tool's name.
        tool_name: String,
    },
    /// Once the loop used more than this many tokens.
    MaxTokensUsed {
        /// The token threshold.
        max_tokens: u64,
    },
    /// Once the loop cost more than this many dollars.
    MaxCost {
        /// The dollar threshold.
        max_cost_in_dollars: f64,
    },
    /// When the upstream model finishes with this reason (e.g. `length`).
    FinishReasonIs {
        /// The finish reason.
        reason: String,
    },
    /// A condition this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}
