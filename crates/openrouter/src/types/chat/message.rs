//! Request messages (`messages[]`) and their content parts.
//!
//! The shapes are the API's own JSON: a message pasted from the OpenRouter or OpenAI docs
//! deserializes, and what the SDK sends is that JSON again. Roles, parts and fields this SDK does
//! not know are kept as raw JSON so they round-trip.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ReasoningDetail, ToolCall};

mod content;

pub use content::*;

/// One message of the conversation, tagged by `role` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Boxing the big variant would make matching and building messages clumsier, and a
// request holds few of them.
#[allow(clippy::large_enum_variant)]
#[serde(tag = "role", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Message {
    /// Instructions that set the model's behaviour.
    System(SystemMessage),
    /// Instructions from the developer (OpenAI's successor to `system`).
    Developer(DeveloperMessage),
    /// What the end user said.
    User(UserMessage),
    /// An earlier model turn, sent back as history.
    Assistant(AssistantMessage),
    /// The result of a tool call the model asked for.
    Tool(ToolMessage),
    /// A message with a role this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl Message {
    /// A system message.
    pub fn system(content: impl Into<MessageContent>) -> Self {
        Self::System(SystemMessage::new(content))
    }

    /// A developer message.
    pub fn developer(content: impl Into<MessageContent>) -> Self {
        Self::Developer(DeveloperMessage::new(content))
    }

    /// A user message: text, or a list of parts (`vec![ContentPart::text(..), ..]`).
    pub fn user(content: impl Into<MessageContent>) -> Self {
        Self::User(UserMessage::new(content))
    }

    /// An assistant message with text content.
    pub fn assistant(content: impl Into<MessageContent>) -> Self {
        Self::Assistant(AssistantMessage::new(content))
    }

    /// An assistant message that only carries tool calls (no content).
    pub fn assistant_tool_calls(tool_calls: impl IntoIterator<Item = ToolCall>) -> Self {
        Self::Assistant(AssistantMessage::default().tool_calls(tool_calls))
    }

    /// A tool result answering the tool call with id `tool_call_id`.
    pub fn tool(tool_call_id: impl Into<String>, content: impl Into<MessageContent>) -> Self {
        Self::Tool(ToolMessage::new(tool_call_id, content))
    }

    /// The role as it appears on the wire (`"user"`, ...); `None` for an unknown message without one.
    pub fn role(&self) -> Option<&str> {
        match self {
            Self::System(_) => Some("system"),
            Self::Developer(_) => Some("developer"),
            Self::User(_) => Some("user"),
            Self::Assistant(_) => Some("assistant"),
            Self::Tool(_) => Some("tool"),
            Self::Other(value) => value.get("role").and_then(Value::as_str),
        }
    }

    /// The content, if this message kind has one and it is set.
    pub fn content(&self) -> Option<&MessageContent> {
        match self {
            Self::System(m) => Some(&m.content),
            Self::Developer(m) => Some(&m.content),
            Self::User(m) => Some(&m.content),
            Self::Assistant(m) => m.content.as_ref(),
            Self::Tool(m) => Some(&m.content),
            Self::Other(_) => None,
        }
    }
}

macro_rules! into_message {
    ($($ty:ident => $variant:ident),* $(,)?) => {$(
        impl From<$ty> for Message {
            fn from(message: $ty) -> Self {
                Self::$variant(message)
            }
        }
    )*};
}

into_message! {
    SystemMessage => System,
    DeveloperMessage => Developer,
    UserMessage => User,
    AssistantMessage => Assistant,
    ToolMessage => Tool,
}

macro_rules! simple_message {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The message content: text or parts.
            pub content: MessageContent,
            /// An optional participant name, to tell apart speakers of the same role.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub name: Option<String>,
            /// Fields this SDK does not model, sent and kept as they are.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }

        impl $name {
            /// A message with this content.
            pub fn new(content: impl Into<MessageContent>) -> Self {
                Self { content: content.into(), name: None, extra: Map::new() }
            }

            /// Sets the participant name.
            pub fn name(mut self, name: impl Into<String>) -> Self {
                self.name = Some(name.into());
                self
            }
        }
    };
}

simple_message! {
    /// A `system` message. The spec allows text or text parts only.
    SystemMessage
}

simple_message! {
    /// A `developer` message. The spec allows text or text parts only.
    DeveloperMessage
}

simple_message! {
    /// A `user` message: text, images, audio, files, video.
    UserMessage
}

/// An `assistant` message: a previous model turn sent back as history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssistantMessage {
    /// The text the model wrote; absent (or `null`) when it only called tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<MessageContent>,
    /// An optional participant name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Tool calls the model made in this turn; answer each with a `tool` message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCall>>,
    /// The model's plain-text reasoning from that turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
    /// Structured reasoning from that turn; send it back unchanged so providers that sign
    /// their reasoning (Anthropic, OpenAI) can continue across tool turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_details: Option<Vec<ReasoningDetail>>,
    /// The refusal text, if the model refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    /// Images the model generated in that turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<AssistantImage>>,
    /// Audio the model produced in that turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AssistantAudio>,
    /// The model that wrote the turn (used by the auto-router's `pin_model`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AssistantMessage {
    /// An assistant message with this content.
    pub fn new(content: impl Into<MessageContent>) -> Self {
        Self {
            content: Some(content.into()),
            ..Self::default()
        }
    }

    /// Sets the content.
    pub fn content(mut self, content: impl Into<MessageContent>) -> Self {
        self.content = Some(content.into());
        self
    }

    /// Sets the participant name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the tool calls.
    pub fn tool_calls(mut self, tool_calls: impl IntoIterator<Item = ToolCall>) -> Self {
        self.tool_calls = Some(tool_calls.into_iter().collect());
        self
    }

    /// Sets the plain-text reasoning.
    pub fn reasoning(mut self, reasoning: impl Into<String>) -> Self {
        self.reasoning = Some(reasoning.into());
        self
    }

    /// Sets the structured reasoning details.
    pub fn reasoning_details(mut self, details: impl IntoIterator<Item = ReasoningDetail>) -> Self {
        self.reasoning_details = Some(details.into_iter().collect());
        self
    }

    /// Sets the refusal text.
    pub fn refusal(mut self, refusal: impl Into<String>) -> Self {
        self.refusal = Some(refusal.into());
        self
    }

    /// Sets the model that wrote the turn.
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }
}

/// A `tool` message: the result of one tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolMessage {
    /// The id of the tool call this answers (from the assistant message's `tool_calls`).
    pub tool_call_id: String,
    /// The tool's output: text or parts.
    pub content: MessageContent,
    /// An optional name (some providers want the function name here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ToolMessage {
    /// A tool result for the call `tool_call_id`.
    pub fn new(tool_call_id: impl Into<String>, content: impl Into<MessageContent>) -> Self {
        Self {
            tool_call_id: tool_call_id.into(),
            content: content.into(),
            name: None,
            extra: Map::new(),
        }
    }

    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// An image the model generated (`images[]` of an assistant message).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssistantImage {
    /// Always `"image_url"` when present.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The image, usually a `data:` URL.
    pub image_url: ImageUrl,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AssistantImage {
    /// An image at `url` (often a `data:image/png;base64,...` URL).
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            kind: None,
            image_url: ImageUrl::new(url),
            extra: Map::new(),
        }
    }
}

/// Audio the model produced (`audio` of an assistant message); send back `id` to refer to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssistantAudio {
    /// The audio id, to reference it in later turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Base64 audio data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// A transcript of the audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<String>,
    /// When the audio stops being available upstream (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AssistantAudio {
    /// A reference to earlier audio by its id.
    pub fn by_id(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }
}
