//! Message content: text or typed parts (text, image, audio, file, video).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::super::CacheControl;
use crate::types::open_enum::open_enum;

/// Message content: a plain string, or a list of typed parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MessageContent {
    /// Plain text.
    Text(String),
    /// Content parts: text, images, audio, files, video.
    Parts(Vec<ContentPart>),
}

impl MessageContent {
    /// The text: the string itself, or the text parts joined together; `None` if there is no text.
    pub fn text(&self) -> Option<String> {
        match self {
            Self::Text(text) => Some(text.clone()),
            Self::Parts(parts) => {
                let texts: Vec<&str> = parts
                    .iter()
                    .filter_map(|part| match part {
                        ContentPart::Text(t) => Some(t.text.as_str()),
                        _ => None,
                    })
                    .collect();
                (!texts.is_empty()).then(|| texts.concat())
            }
        }
    }
}

impl From<&str> for MessageContent {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for MessageContent {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&String> for MessageContent {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<Vec<ContentPart>> for MessageContent {
    fn from(parts: Vec<ContentPart>) -> Self {
        Self::Parts(parts)
    }
}

impl<const N: usize> From<[ContentPart; N]> for MessageContent {
    fn from(parts: [ContentPart; N]) -> Self {
        Self::Parts(parts.into())
    }
}

impl From<ContentPart> for MessageContent {
    fn from(part: ContentPart) -> Self {
        Self::Parts(vec![part])
    }
}

/// One part of a message's content, tagged by `type` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContentPart {
    /// `text`: a piece of text.
    Text(TextPart),
    /// `image_url`: an image by URL or `data:` URL.
    ImageUrl(ImagePart),
    /// `input_audio`: base64 audio.
    InputAudio(AudioPart),
    /// `file`: a document (PDF ...) by data URL, URL or Files API id.
    File(FilePart),
    /// `video_url`: a video by URL or `data:` URL.
    VideoUrl(VideoPart),
    /// `input_video`: the deprecated form of `video_url` (same body).
    InputVideo(VideoPart),
    /// A part of a type this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl ContentPart {
    /// A text part.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(TextPart::new(text))
    }

    /// An image part from a URL or a `data:image/...;base64,` URL.
    pub fn image_url(url: impl Into<String>) -> Self {
        Self::ImageUrl(ImagePart {
            image_url: ImageUrl::new(url),
            extra: Map::new(),
        })
    }

    /// An image part with a detail level (`auto`, `low`, `high`, `original`).
    pub fn image_url_with_detail(url: impl Into<String>, detail: impl Into<ImageDetail>) -> Self {
        let mut image_url = ImageUrl::new(url);
        image_url.detail = Some(detail.into());
        Self::ImageUrl(ImagePart {
            image_url,
            extra: Map::new(),
        })
    }

    /// An audio part from base64 data and its format (`wav`, `mp3`, ...).
    pub fn input_audio(data: impl Into<String>, format: impl Into<String>) -> Self {
        Self::InputAudio(AudioPart {
            input_audio: InputAudio {
                data: data.into(),
                format: format.into(),
                extra: Map::new(),
            },
            extra: Map::new(),
        })
    }

    /// A file part from a file name and its content as a `data:` URL (or a plain URL).
    pub fn file_data(filename: impl Into<String>, file_data: impl Into<String>) -> Self {
        let file = FileInput {
            filename: Some(filename.into()),
            file_data: Some(file_data.into()),
            ..FileInput::default()
        };
        Self::File(FilePart {
            file,
            extra: Map::new(),
        })
    }

    /// A file part that refers to a file uploaded through the Files API.
    pub fn file_id(file_id: impl Into<String>) -> Self {
        let file = FileInput {
            file_id: Some(file_id.into()),
            ..FileInput::default()
        };
        Self::File(FilePart {
            file,
            extra: Map::new(),
        })
    }

    /// A video part from a URL or a `data:video/...;base64,` URL.
    pub fn video_url(url: impl Into<String>) -> Self {
        Self::VideoUrl(VideoPart {
            video_url: VideoUrl::new(url),
            extra: Map::new(),
        })
    }

    /// Marks this part as a prompt-cache breakpoint. Only text parts carry `cache_control` in
    /// the spec; other parts are returned unchanged.
    pub fn with_cache_control(mut self, cache_control: CacheControl) -> Self {
        match &mut self {
            Self::Text(part) => part.cache_control = Some(cache_control),
            Self::Other(Value::Object(map)) => {
                if let Ok(value) = serde_json::to_value(cache_control) {
                    map.insert("cache_control".to_owned(), value);
                }
            }
            _ => {}
        }
        self
    }

    /// The `type` of this part as it appears on the wire.
    pub fn kind(&self) -> Option<&str> {
        match self {
            Self::Text(_) => Some("text"),
            Self::ImageUrl(_) => Some("image_url"),
            Self::InputAudio(_) => Some("input_audio"),
            Self::File(_) => Some("file"),
            Self::VideoUrl(_) => Some("video_url"),
            Self::InputVideo(_) => Some("input_video"),
            Self::Other(value) => value.get("type").and_then(Value::as_str),
        }
    }
}

/// The body of a `text` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextPart {
    /// The text.
    pub text: String,
    /// Anthropic-style cache breakpoint: the prompt up to this part is cached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// OpenAI-style cache breakpoint; OpenRouter converts it to and from `cache_control`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_breakpoint: Option<PromptCacheBreakpoint>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TextPart {
    /// A text part body.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            cache_control: None,
            prompt_cache_breakpoint: None,
            extra: Map::new(),
        }
    }
}

/// An OpenAI-style explicit prompt-cache boundary on a text part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PromptCacheBreakpoint {
    /// Always `explicit` today.
    pub mode: String,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PromptCacheBreakpoint {
    /// The `{"mode": "explicit"}` marker.
    pub fn explicit() -> Self {
        Self {
            mode: "explicit".to_owned(),
            extra: Map::new(),
        }
    }
}

/// The body of an `image_url` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImagePart {
    /// The image.
    pub image_url: ImageUrl,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An image reference: a URL or `data:` URL, and an optional detail level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageUrl {
    /// `https://...` or `data:image/png;base64,...`.
    pub url: String,
    /// How closely the model looks at the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ImageDetail>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImageUrl {
    /// An image reference without a detail level.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            detail: None,
            extra: Map::new(),
        }
    }
}

open_enum! {
    /// Image detail level for vision input.
    pub enum ImageDetail {
        /// Let the provider choose.
        Auto => "auto",
        /// Low resolution, fewer tokens.
        Low => "low",
        /// High resolution.
        High => "high",
        /// Original resolution where the provider has it (else `high`).
        Original => "original",
    }
}

/// The body of an `input_audio` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AudioPart {
    /// The audio.
    pub input_audio: InputAudio,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Base64 audio and its format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputAudio {
    /// Base64-encoded audio bytes.
    pub data: String,
    /// The format (`wav`, `mp3`, ...); which ones work depends on the provider.
    pub format: String,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of a `file` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilePart {
    /// The file.
    pub file: FileInput,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A document for the model: inline data, a URL, or a Files API id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileInput {
    /// The file name (helps the model and the file parser).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// The content as a `data:` URL, or a plain URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_data: Option<String>,
    /// The id of a file uploaded through the Files API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of a `video_url` (or legacy `input_video`) part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoPart {
    /// The video.
    pub video_url: VideoUrl,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A video reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoUrl {
    /// `https://...` or `data:video/mp4;base64,...`.
    pub url: String,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl VideoUrl {
    /// A video reference.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            extra: Map::new(),
        }
    }
}
