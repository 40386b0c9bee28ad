//! Tools for the Responses API: function tools (flat, unlike chat's nested `function`),
//! OpenAI-style hosted tools and OpenRouter server tools (`openrouter:*`, shared with chat).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::chat::{
    AdvisorConfig, BashConfig, DatetimeConfig, FusionConfig, ImageGenerationConfig,
    SearchModelsConfig, ServerTool, SubagentConfig, WebFetchConfig, WebSearchConfig,
};

/// A tool the model may call, tagged by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[allow(clippy::large_enum_variant)] // few tools per request; boxing would only add noise
#[non_exhaustive]
pub enum ResponsesTool {
    /// `function`: a function your code runs.
    #[serde(rename = "function")]
    Function(ResponsesFunctionTool),
    /// `openrouter:web_search`.
    #[serde(rename = "openrouter:web_search")]
    WebSearch(ServerTool<WebSearchConfig>),
    /// `openrouter:web_fetch`.
    #[serde(rename = "openrouter:web_fetch")]
    WebFetch(ServerTool<WebFetchConfig>),
    /// `openrouter:datetime`.
    #[serde(rename = "openrouter:datetime")]
    Datetime(ServerTool<DatetimeConfig>),
    /// `openrouter:bash`.
    #[serde(rename = "openrouter:bash")]
    Bash(ServerTool<BashConfig>),
    /// `openrouter:image_generation`.
    #[serde(rename = "openrouter:image_generation")]
    ImageGeneration(ServerTool<ImageGenerationConfig>),
    /// `openrouter:advisor`.
    #[serde(rename = "openrouter:advisor")]
    Advisor(ServerTool<AdvisorConfig>),
    /// `openrouter:subagent` (experimental).
    #[serde(rename = "openrouter:subagent")]
    Subagent(ServerTool<SubagentConfig>),
    /// `openrouter:fusion`.
    #[serde(rename = "openrouter:fusion")]
    Fusion(ServerTool<FusionConfig>),
    /// `openrouter:experimental__search_models`.
    #[serde(rename = "openrouter:experimental__search_models")]
    SearchModels(ServerTool<SearchModelsConfig>),
    /// Any other tool with a `type`: OpenAI hosted tools (`web_search`, `file_search`,
    /// `code_interpreter`, `mcp`, `image_generation`, `shell` ...), the other `openrouter:*`
    /// server tools, and kinds this SDK does not know yet; kept as sent.
    #[serde(untagged)]
    Hosted(HostedTool),
    /// A tool that is not even an object with a `type`, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl ResponsesTool {
    /// A function tool; `parameters` is the JSON Schema of its arguments.
    pub fn function(
        name: impl Into<String>,
        description: impl Into<String>,
        parameters: Value,
    ) -> Self {
        let mut tool = ResponsesFunctionTool::new(name, parameters);
        tool.description = Some(description.into());
        Self::Function(tool)
    }

    /// `openrouter:web_search` with default settings.
    pub fn web_search() -> Self {
        Self::WebSearch(ServerTool::new())
    }

    /// `openrouter:datetime` with default settings.
    pub fn datetime() -> Self {
        Self::Datetime(ServerTool::new())
    }

    /// A hosted tool of this `type` with these settings (e.g. `"web_search_preview"`).
    pub fn hosted(kind: impl Into<String>, config: Map<String, Value>) -> Self {
        Self::Hosted(HostedTool {
            kind: kind.into(),
            extra: config,
        })
    }

    /// The function tool's name, if this is one.
    pub fn function_name(&self) -> Option<&str> {
        match self {
            Self::Function(f) => Some(&f.name),
            _ => None,
        }
    }
}

impl From<ResponsesFunctionTool> for ResponsesTool {
    fn from(tool: ResponsesFunctionTool) -> Self {
        Self::Function(tool)
    }
}

/// A function tool (`{"type": "function", "name", "description", "parameters", "strict"}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesFunctionTool {
    /// The function name.
    pub name: String,
    /// What the function does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The JSON Schema of the arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Value>,
    /// Enforce the schema strictly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Withhold the tool until `openrouter:tool_search` finds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defer_loading: Option<bool>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesFunctionTool {
    /// A function tool with a name and a parameter schema.
    pub fn new(name: impl Into<String>, parameters: Value) -> Self {
        Self {
            name: name.into(),
            description: None,
            parameters: Some(parameters),
            strict: None,
            defer_loading: None,
            extra: Map::new(),
        }
    }
}

/// A tool modelled only by its `type`, with every other field kept as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HostedTool {
    /// The tool type, e.g. `web_search_preview` or `openrouter:files`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The tool's settings.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `tool_choice`: a mode, a named function, or another tool choice kept as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ResponsesToolChoice {
    /// `auto`, `none` or `required`.
    Mode(String),
    /// `{"type": "function", "name": ...}`, or any other object (`allowed_tools`, hosted).
    Object(Map<String, Value>),
}

impl ResponsesToolChoice {
    /// The model decides.
    pub fn auto() -> Self {
        Self::Mode("auto".into())
    }

    /// No tool calls.
    pub fn none() -> Self {
        Self::Mode("none".into())
    }

    /// At least one tool call.
    pub fn required() -> Self {
        Self::Mode("required".into())
    }

    /// Call this function.
    pub fn function(name: impl Into<String>) -> Self {
        let mut map = Map::new();
        map.insert("type".into(), Value::String("function".into()));
        map.insert("name".into(), Value::String(name.into()));
        Self::Object(map)
    }
}
