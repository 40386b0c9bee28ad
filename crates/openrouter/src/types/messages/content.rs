//! Content blocks: what messages, system prompts and answers are made of.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

tagged_union! {
    /// One block of content, in a request message or in an answer.
    pub enum ContentBlock {
        /// Text.
        Text(TextBlock) => "text",
        /// An image, by URL or base64 data.
        Image(ImageBlock) => "image",
        /// A document: a PDF, plain text or content blocks.
        Document(DocumentBlock) => "document",
        /// A call of one of the request's tools.
        ToolUse(ToolUseBlock) => "tool_use",
        /// The result of a tool call, sent back in a user message.
        ToolResult(ToolResultBlock) => "tool_result",
        /// The model's visible reasoning, with its signature.
        Thinking(ThinkingBlock) => "thinking",
        /// Reasoning the provider encrypted.
        RedactedThinking(RedactedThinkingBlock) => "redacted_thinking",
        /// A call of a server tool (web search, web fetch...), run by the server.
        ServerToolUse(ToolUseBlock) => "server_tool_use",
    }
}

impl ContentBlock {
    /// A text block.
    pub fn text(text: impl Into<String>) -> Self {
        ContentBlock::Text(TextBlock::new(text))
    }

    /// A tool result block answering the call `tool_use_id`.
    pub fn tool_result(tool_use_id: impl Into<String>, content: impl Into<String>) -> Self {
        ContentBlock::ToolResult(ToolResultBlock::new(tool_use_id, content))
    }

    /// The text of a text block.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            ContentBlock::Text(block) => Some(&block.text),
            _ => None,
        }
    }
}

/// Prompt caching for a block: `{"type": "ephemeral", "ttl": "1h"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CacheControl {
    /// Always `ephemeral` today.
    #[serde(rename = "type")]
    pub kind: String,
    /// How long the cache entry lives: `5m` or `1h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CacheControl {
    /// An ephemeral cache breakpoint with the default lifetime.
    pub fn ephemeral() -> Self {
        Self {
            kind: "ephemeral".into(),
            ttl: None,
            extra: Map::new(),
        }
    }

    /// Sets the lifetime, e.g. `1h`.
    pub fn ttl(mut self, ttl: impl Into<String>) -> Self {
        self.ttl = Some(ttl.into());
        self
    }
}

/// `{"type": "text", "text": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextBlock {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Citations backing the text, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Vec<Value>>,
    /// Prompt caching for this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TextBlock {
    /// A text block.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            citations: None,
            cache_control: None,
            extra: Map::new(),
        }
    }

    /// Marks the block as a prompt-cache breakpoint.
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }
}

/// Where an image or document comes from: `{"type": "base64" | "url" | "text" | "file", ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MediaSource {
    /// `base64`, `url`, `text`, `content` or `file`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The MIME type of base64 or text data, e.g. `image/png`, `application/pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The base64 data or the plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The URL, for `url` sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields this SDK does not model (`file_id`, `content`...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MediaSource {
    /// A source fetched from `url`.
    pub fn url(url: impl Into<String>) -> Self {
        Self {
            kind: "url".into(),
            media_type: None,
            data: None,
            url: Some(url.into()),
            extra: Map::new(),
        }
    }

    /// Inline base64 data of type `media_type`.
    pub fn base64(media_type: impl Into<String>, data: impl Into<String>) -> Self {
        Self {
            kind: "base64".into(),
            media_type: Some(media_type.into()),
            data: Some(data.into()),
            url: None,
            extra: Map::new(),
        }
    }
}

/// `{"type": "image", "source": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageBlock {
    /// Where the image comes from.
    pub source: MediaSource,
    /// Prompt caching for this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImageBlock {
    /// An image block from a source.
    pub fn new(source: MediaSource) -> Self {
        Self {
            source,
            cache_control: None,
            extra: Map::new(),
        }
    }
}

/// `{"type": "document", "source": .., "title": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentBlock {
    /// Where the document comes from.
    pub source: MediaSource,
    /// A title shown to the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Context about the document shown to the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// `{"enabled": true}` to let the answer cite the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Value>,
    /// Prompt caching for this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DocumentBlock {
    /// A document block from a source.
    pub fn new(source: MediaSource) -> Self {
        Self {
            source,
            title: None,
            context: None,
            citations: None,
            cache_control: None,
            extra: Map::new(),
        }
    }
}

/// `{"type": "tool_use", "id": .., "name": .., "input": {..}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolUseBlock {
    /// The call id, echoed by the tool result.
    #[serde(default)]
    pub id: String,
    /// The tool's name.
    #[serde(default)]
    pub name: String,
    /// The arguments, a JSON object.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub input: Value,
    /// Prompt caching for this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The content of a tool result: text or blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ToolResultContent {
    /// Plain text.
    Text(String),
    /// Text, image, document and other blocks.
    Blocks(Vec<ContentBlock>),
}

/// `{"type": "tool_result", "tool_use_id": .., "content": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolResultBlock {
    /// The id of the `tool_use` block this answers.
    #[serde(default)]
    pub tool_use_id: String,
    /// What the tool returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<ToolResultContent>,
    /// Whether the tool failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_error: Option<bool>,
    /// Prompt caching for this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ToolResultBlock {
    /// A successful text result for the call `tool_use_id`.
    pub fn new(tool_use_id: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            tool_use_id: tool_use_id.into(),
            content: Some(ToolResultContent::Text(content.into())),
            is_error: None,
            cache_control: None,
            extra: Map::new(),
        }
    }

    /// Marks the result as a failure.
    pub fn is_error(mut self, is_error: bool) -> Self {
        self.is_error = Some(is_error);
        self
    }
}

/// `{"type": "thinking", "thinking": .., "signature": ..}`: send it back unchanged in the
/// next turn when tools are used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingBlock {
    /// The reasoning text.
    #[serde(default)]
    pub thinking: String,
    /// The signature that proves the reasoning is unaltered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "redacted_thinking", "data": ..}`: encrypted reasoning, sent back as is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedactedThinkingBlock {
    /// The encrypted reasoning.
    #[serde(default)]
    pub data: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
