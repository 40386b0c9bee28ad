//! Input items: messages with their content parts, and the items replayed from earlier
//! turns (function calls, their outputs, reasoning).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::{ResponsesFunctionCall, ResponsesReasoningItem};

/// One item of `input`.
///
/// Messages may be sent without `type` (the "easy" form); they decode as
/// [`ResponsesInputItem::Message`] and are written back with `"type": "message"`. Items of
/// kinds this SDK does not model (MCP, shell, computer calls ...) are kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
#[allow(clippy::large_enum_variant)] // few items per request; boxing would only add noise
#[non_exhaustive]
pub enum ResponsesInputItem {
    /// A message from the user, system, developer or assistant.
    #[serde(rename = "message")]
    Message(ResponsesInputMessage),
    /// A function call the model made earlier, replayed.
    #[serde(rename = "function_call")]
    FunctionCall(ResponsesFunctionCall),
    /// The result of running a function call.
    #[serde(rename = "function_call_output")]
    FunctionCallOutput(ResponsesFunctionCallOutput),
    /// A reasoning item from an earlier answer, replayed (keep `encrypted_content`).
    #[serde(rename = "reasoning")]
    Reasoning(ResponsesReasoningItem),
    /// An item of a kind this SDK does not model, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl<'de> Deserialize<'de> for ResponsesInputItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let kind = value.get("type").and_then(Value::as_str);
        let has_role = value.get("role").is_some();
        // The tag goes back on when encoding, so the struct must not keep it in `extra`.
        let untagged = || {
            let mut body = value.clone();
            if let Value::Object(map) = &mut body {
                map.remove("type");
            }
            body
        };
        // An item that does not fit its known shape is kept raw rather than refused.
        let typed = match kind {
            Some("message") => serde_json::from_value(untagged()).ok().map(Self::Message),
            None if has_role => serde_json::from_value(untagged()).ok().map(Self::Message),
            Some("function_call") => serde_json::from_value(untagged())
                .ok()
                .map(Self::FunctionCall),
            Some("function_call_output") => serde_json::from_value(untagged())
                .ok()
                .map(Self::FunctionCallOutput),
            Some("reasoning") => serde_json::from_value(untagged()).ok().map(Self::Reasoning),
            _ => None,
        };
        Ok(typed.unwrap_or(Self::Other(value)))
    }
}

impl ResponsesInputItem {
    /// A user message with text.
    pub fn user(text: impl Into<String>) -> Self {
        Self::Message(ResponsesInputMessage::new("user", text))
    }

    /// A system message with text.
    pub fn system(text: impl Into<String>) -> Self {
        Self::Message(ResponsesInputMessage::new("system", text))
    }

    /// A developer message with text.
    pub fn developer(text: impl Into<String>) -> Self {
        Self::Message(ResponsesInputMessage::new("developer", text))
    }

    /// An assistant message with text (an earlier answer, replayed).
    pub fn assistant(text: impl Into<String>) -> Self {
        Self::Message(ResponsesInputMessage::new("assistant", text))
    }

    /// A user message made of content parts (text, images, files, audio, video).
    pub fn user_parts(parts: impl IntoIterator<Item = ResponsesInputContent>) -> Self {
        Self::Message(ResponsesInputMessage {
            role: "user".into(),
            content: ResponsesMessageContent::Parts(parts.into_iter().collect()),
            id: None,
            status: None,
            extra: Map::new(),
        })
    }

    /// The output of a function call, for the call with `call_id`.
    pub fn function_call_output(call_id: impl Into<String>, output: impl Into<String>) -> Self {
        Self::FunctionCallOutput(ResponsesFunctionCallOutput {
            call_id: call_id.into(),
            output: Value::String(output.into()),
            id: None,
            status: None,
            extra: Map::new(),
        })
    }
}

impl From<ResponsesInputMessage> for ResponsesInputItem {
    fn from(message: ResponsesInputMessage) -> Self {
        Self::Message(message)
    }
}

impl From<ResponsesFunctionCall> for ResponsesInputItem {
    fn from(call: ResponsesFunctionCall) -> Self {
        Self::FunctionCall(call)
    }
}

impl From<ResponsesReasoningItem> for ResponsesInputItem {
    fn from(item: ResponsesReasoningItem) -> Self {
        Self::Reasoning(item)
    }
}

/// A message in `input`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesInputMessage {
    /// `user`, `system`, `developer` or `assistant`.
    pub role: String,
    /// Text, or a list of content parts.
    pub content: ResponsesMessageContent,
    /// The item id, when replaying an earlier item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The item status, when replaying an earlier item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResponsesInputMessage {
    /// A message with a role and text.
    pub fn new(role: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            role: role.into(),
            content: ResponsesMessageContent::Text(text.into()),
            id: None,
            status: None,
            extra: Map::new(),
        }
    }
}

/// A message's `content`: text or parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ResponsesMessageContent {
    /// Plain text.
    Text(String),
    /// Content parts.
    Parts(Vec<ResponsesInputContent>),
}

/// A content part of an input message, tagged by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum ResponsesInputContent {
    /// `input_text`.
    #[serde(rename = "input_text")]
    Text(InputText),
    /// `input_image`: a URL or a base64 data URL.
    #[serde(rename = "input_image")]
    Image(InputImage),
    /// `input_file`: by id, data or URL.
    #[serde(rename = "input_file")]
    File(InputFile),
    /// `input_audio`: base64 audio.
    #[serde(rename = "input_audio")]
    Audio(InputAudio),
    /// `input_video`: a URL or a base64 data URL.
    #[serde(rename = "input_video")]
    Video(InputVideo),
    /// A part of a kind this SDK does not model (e.g. replayed `output_text`), kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl ResponsesInputContent {
    /// An `input_text` part.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(InputText {
            text: text.into(),
            extra: Map::new(),
        })
    }

    /// An `input_image` part with `detail: auto`.
    pub fn image_url(url: impl Into<String>) -> Self {
        Self::Image(InputImage {
            image_url: Some(url.into()),
            detail: Some("auto".into()),
            file_id: None,
            extra: Map::new(),
        })
    }

    /// An `input_file` part from a URL.
    pub fn file_url(url: impl Into<String>) -> Self {
        Self::File(InputFile {
            file_url: Some(url.into()),
            ..InputFile::default()
        })
    }

    /// An `input_file` part from base64 data (a data URL) and a file name.
    pub fn file_data(filename: impl Into<String>, data: impl Into<String>) -> Self {
        Self::File(InputFile {
            filename: Some(filename.into()),
            file_data: Some(data.into()),
            ..InputFile::default()
        })
    }

    /// An `input_audio` part: base64 data and its format (`mp3`, `wav`).
    pub fn audio(data: impl Into<String>, format: impl Into<String>) -> Self {
        Self::Audio(InputAudio {
            input_audio: InputAudioData {
                data: data.into(),
                format: format.into(),
                extra: Map::new(),
            },
            extra: Map::new(),
        })
    }

    /// An `input_video` part.
    pub fn video_url(url: impl Into<String>) -> Self {
        Self::Video(InputVideo {
            video_url: url.into(),
            extra: Map::new(),
        })
    }
}

/// `input_text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputText {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Fields this SDK does not model (e.g. `prompt_cache_breakpoint`), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `input_image`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputImage {
    /// A URL or a base64 data URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// `auto`, `high`, `low` or `original` (the spec requires it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A file id instead of a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `input_file`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputFile {
    /// A file id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// The file as a base64 data URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_data: Option<String>,
    /// A URL to fetch the file from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_url: Option<String>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `input_audio`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputAudio {
    /// The audio.
    pub input_audio: InputAudioData,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `input_audio.input_audio`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputAudioData {
    /// Base64 audio.
    #[serde(default)]
    pub data: String,
    /// `mp3` or `wav`.
    #[serde(default)]
    pub format: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `input_video`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputVideo {
    /// A URL or a base64 data URL.
    #[serde(default)]
    pub video_url: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `function_call_output`: what running a function call returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesFunctionCallOutput {
    /// The `call_id` of the function call this answers.
    pub call_id: String,
    /// The output: a string, or a list of content parts.
    pub output: Value,
    /// The item id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The item status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
