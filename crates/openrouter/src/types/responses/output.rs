//! Output items of a response: messages, function calls, reasoning, hosted tool calls.
//! The same item types are replayed as input on the next turn.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One item of `output`, tagged by `type`. Kinds this SDK does not model (server-tool items
/// such as `openrouter:web_search`, `file_search_call`, `shell_call` ...) are kept as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[allow(clippy::large_enum_variant)] // a response holds few items; boxing would only add noise
#[non_exhaustive]
pub enum ResponsesOutputItem {
    /// `message`: the assistant's text.
    #[serde(rename = "message")]
    Message(ResponsesOutputMessage),
    /// `function_call`: a call your code should run.
    #[serde(rename = "function_call")]
    FunctionCall(ResponsesFunctionCall),
    /// `reasoning`: the model's reasoning (text, summary, or encrypted).
    #[serde(rename = "reasoning")]
    Reasoning(ResponsesReasoningItem),
    /// `web_search_call`: a hosted web search.
    #[serde(rename = "web_search_call")]
    WebSearchCall(ResponsesToolCallItem),
    /// `image_generation_call`: a hosted image generation; `result` holds the base64 image.
    #[serde(rename = "image_generation_call")]
    ImageGenerationCall(ResponsesToolCallItem),
    /// An item of a kind this SDK does not model, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl ResponsesOutputItem {
    /// The item's id, when it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Message(m) => m.id.as_deref(),
            Self::FunctionCall(f) => f.id.as_deref(),
            Self::Reasoning(r) => r.id.as_deref(),
            Self::WebSearchCall(c) | Self::ImageGenerationCall(c) => c.id.as_deref(),
            Self::Other(v) => v.get("id").and_then(Value::as_str),
        }
    }

    /// The item as an input item, to replay it on the next turn (the API is stateless).
    pub fn into_input(self) -> super::ResponsesInputItem {
        let value = serde_json::to_value(&self).unwrap_or(Value::Null);
        serde_json::from_value(value.clone()).unwrap_or(super::ResponsesInputItem::Other(value))
    }

    /// The item's `type` as on the wire.
    pub fn kind(&self) -> &str {
        match self {
            Self::Message(_) => "message",
            Self::FunctionCall(_) => "function_call",
            Self::Reasoning(_) => "reasoning",
            Self::WebSearchCall(_) => "web_search_call",
            Self::ImageGenerationCall(_) => "image_generation_call",
            Self::Other(v) => v.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}

/// An assistant message in `output`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesOutputMessage {
    /// The item id (`msg_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `assistant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `in_progress`, `completed` or `incomplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The content parts.
    #[serde(default)]
    pub content: Vec<ResponsesOutputContent>,
    /// `commentary` or `final_answer` on some models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesOutputMessage {
    /// The text of the `output_text` parts, concatenated.
    pub fn text(&self) -> String {
        self.content
            .iter()
            .filter_map(|part| match part {
                ResponsesOutputContent::OutputText(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// A content part of an output message (and the `part` of content-part stream events).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum ResponsesOutputContent {
    /// `output_text`.
    #[serde(rename = "output_text")]
    OutputText(ResponsesOutputText),
    /// `refusal`: the model declined.
    #[serde(rename = "refusal")]
    Refusal(ResponsesRefusal),
    /// `reasoning_text` (in reasoning content-part events).
    #[serde(rename = "reasoning_text")]
    ReasoningText(ResponsesText),
    /// `summary_text` (in reasoning summary-part events).
    #[serde(rename = "summary_text")]
    SummaryText(ResponsesText),
    /// A part of a kind this SDK does not model, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

/// `output_text`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesOutputText {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Citations into the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Vec<ResponsesAnnotation>>,
    /// Token log probabilities, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Vec<Value>>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `refusal`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesRefusal {
    /// Why the model declined.
    #[serde(default)]
    pub refusal: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A bare text part (`reasoning_text`, `summary_text`) inside a tagged enum.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesText {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A text part with its `type` (`summary_text`, `reasoning_text`) in a reasoning item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesTextPart {
    /// `summary_text` or `reasoning_text`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesTextPart {
    /// A part of this kind with this text.
    pub fn new(kind: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            text: text.into(),
            extra: Map::new(),
        }
    }
}

/// A citation in `output_text.annotations` (`url_citation`, `file_citation` ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesAnnotation {
    /// `url_citation`, `file_citation`, `file_path` ...
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The cited URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The cited page's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the citation starts in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_index: Option<u64>,
    /// Where the citation ends in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_index: Option<u64>,
    /// The cited file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `function_call`: a call the model wants your code to run (in output), or a replayed one
/// (in input).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesFunctionCall {
    /// The item id (may equal `call_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The id to answer with in `function_call_output`.
    #[serde(default)]
    pub call_id: String,
    /// The function name.
    #[serde(default)]
    pub name: String,
    /// The arguments, a JSON string.
    #[serde(default)]
    pub arguments: String,
    /// `in_progress`, `completed` or `incomplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields this SDK does not model (`subagent_id` ...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesFunctionCall {
    /// A call with an id, a name and arguments (a JSON string).
    pub fn new(
        call_id: impl Into<String>,
        name: impl Into<String>,
        arguments: impl Into<String>,
    ) -> Self {
        Self {
            call_id: call_id.into(),
            name: name.into(),
            arguments: arguments.into(),
            ..Self::default()
        }
    }

    /// The arguments parsed as JSON.
    ///
    /// # Errors
    /// When the arguments are not valid JSON.
    pub fn arguments_json(&self) -> serde_json::Result<Value> {
        serde_json::from_str(&self.arguments)
    }
}

/// `reasoning`: send it back unchanged on the next turn (with `encrypted_content` or
/// `signature`) so the provider can continue its reasoning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesReasoningItem {
    /// The item id (`rs_...`; streams change it between `added` and `completed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `in_progress`, `completed` or `incomplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Summary parts (`summary_text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Vec<ResponsesTextPart>>,
    /// Raw reasoning parts (`reasoning_text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<ResponsesTextPart>>,
    /// Opaque encrypted reasoning (OpenAI), with `include: ["reasoning.encrypted_content"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_content: Option<String>,
    /// A signature that proves the reasoning is the model's own (Anthropic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// The provider format, e.g. `anthropic-claude-v1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesReasoningItem {
    /// The summary text, parts joined by blank lines.
    pub fn summary_text(&self) -> String {
        join_parts(self.summary.as_deref())
    }

    /// The raw reasoning text, parts joined by blank lines.
    pub fn reasoning_text(&self) -> String {
        join_parts(self.content.as_deref())
    }
}

fn join_parts(parts: Option<&[ResponsesTextPart]>) -> String {
    parts
        .unwrap_or_default()
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A hosted tool call (`web_search_call`, `image_generation_call`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesToolCallItem {
    /// The item id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `in_progress`, `searching`, `generating`, `completed`, `failed` ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The result (for image generation: the base64 image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Fields this SDK does not model (`action`, `prompt` ...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
