//! `POST /embeddings` and `GET /embeddings/models`.

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{DecodeError, Error, Result};
use crate::types::chat::{ContentPart, ProviderPreferences};
use crate::types::open_enum::open_enum;

open_enum! {
    /// How vectors are sent back.
    pub enum EncodingFormat {
        /// JSON arrays of numbers.
        Float => "float",
        /// Base64 strings of little-endian `f32`s (smaller on the wire).
        Base64 => "base64",
    }
}

/// One multimodal input: `{"content": [parts..]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbeddingContent {
    /// Text, image, audio, video or file parts.
    pub content: Vec<ContentPart>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EmbeddingContent {
    /// An input made of these parts.
    pub fn new(content: impl IntoIterator<Item = ContentPart>) -> Self {
        Self {
            content: content.into_iter().collect(),
            extra: Map::new(),
        }
    }
}

/// What to embed: text, texts, token ids, or multimodal inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EmbeddingInput {
    /// One text.
    Text(String),
    /// Several texts, one vector each.
    Texts(Vec<String>),
    /// One sequence of token ids.
    Tokens(Vec<u64>),
    /// Several sequences of token ids.
    TokenBatches(Vec<Vec<u64>>),
    /// Multimodal inputs, one vector each.
    Contents(Vec<EmbeddingContent>),
}

impl From<&str> for EmbeddingInput {
    fn from(value: &str) -> Self {
        EmbeddingInput::Text(value.to_owned())
    }
}

impl From<String> for EmbeddingInput {
    fn from(value: String) -> Self {
        EmbeddingInput::Text(value)
    }
}

impl From<Vec<String>> for EmbeddingInput {
    fn from(value: Vec<String>) -> Self {
        EmbeddingInput::Texts(value)
    }
}

impl From<Vec<&str>> for EmbeddingInput {
    fn from(value: Vec<&str>) -> Self {
        EmbeddingInput::Texts(value.into_iter().map(str::to_owned).collect())
    }
}

impl From<Vec<EmbeddingContent>> for EmbeddingInput {
    fn from(value: Vec<EmbeddingContent>) -> Self {
        EmbeddingInput::Contents(value)
    }
}

/// The body of `POST /embeddings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbeddingsRequest {
    /// The embedding model, e.g. `openai/text-embedding-3-small`.
    pub model: String,
    /// What to embed.
    pub input: EmbeddingInput,
    /// The length of the vectors, for models that can shorten them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<u32>,
    /// `float` (the default) or `base64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding_format: Option<EncodingFormat>,
    /// The kind of input, e.g. `search_query` or `search_document`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_type: Option<String>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// An id of the end user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EmbeddingsRequest {
    /// A request to embed `input` with `model`.
    pub fn new(model: impl Into<String>, input: impl Into<EmbeddingInput>) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            dimensions: None,
            encoding_format: None,
            input_type: None,
            provider: None,
            user: None,
            extra: Map::new(),
        }
    }

    /// Sets the vector length.
    pub fn dimensions(mut self, dimensions: u32) -> Self {
        self.dimensions = Some(dimensions);
        self
    }

    /// Sets how vectors are sent back.
    pub fn encoding_format(mut self, format: EncodingFormat) -> Self {
        self.encoding_format = Some(format);
        self
    }

    /// Sets the kind of input.
    pub fn input_type(mut self, input_type: impl Into<String>) -> Self {
        self.input_type = Some(input_type.into());
        self
    }

    /// Sets provider preferences.
    pub fn provider(mut self, provider: ProviderPreferences) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets the end user's id.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.user = Some(user.into());
        self
    }

    /// Sets a body field this SDK does not model.
    pub fn extra(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// A vector as sent: numbers, or base64 of little-endian `f32`s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EmbeddingVector {
    /// Numbers (`encoding_format: float`), kept as `f64` so they re-encode exactly as
    /// sent; [`Embedding::vector`] gives them as `f32`.
    Float(Vec<f64>),
    /// Base64 (`encoding_format: base64`).
    Base64(String),
}

/// One vector of the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Embedding {
    /// Always `embedding`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub object: String,
    /// The vector, as sent.
    pub embedding: EmbeddingVector,
    /// Which input it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Embedding {
    /// The vector as numbers, decoding base64 when it was sent that way.
    ///
    /// # Errors
    /// [`Error::Decode`] when the base64 is invalid or its length is not a multiple of 4
    /// bytes.
    pub fn vector(&self) -> Result<Vec<f32>> {
        match &self.embedding {
            // Narrowing is the point: vectors are single precision on the server.
            #[allow(clippy::cast_possible_truncation)]
            EmbeddingVector::Float(values) => Ok(values.iter().map(|v| *v as f32).collect()),
            EmbeddingVector::Base64(text) => decode_base64_f32(text),
        }
    }
}

fn decode_base64_f32(text: &str) -> Result<Vec<f32>> {
    let fail = |message: String| -> Error {
        DecodeError {
            path: "embedding".into(),
            message,
            body: crate::error::excerpt(text.as_bytes()),
            status: None,
            attempts: 1,
        }
        .into()
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| fail(format!("invalid base64: {e}")))?;
    if bytes.len() % 4 != 0 {
        return Err(fail(format!(
            "{} bytes is not a whole number of f32 values",
            bytes.len()
        )));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// Token counts and cost of an embeddings call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbeddingsUsage {
    /// Tokens in the input.
    #[serde(default)]
    pub prompt_tokens: u64,
    /// Total tokens (the same as `prompt_tokens`).
    #[serde(default)]
    pub total_tokens: u64,
    /// Cost in credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether the request used your own provider key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Fields this SDK does not model (`cost_details`, `prompt_tokens_details`...), kept
    /// as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer of `POST /embeddings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbeddingsResult {
    /// The generation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `list`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub object: String,
    /// One vector per input, in input order.
    #[serde(default)]
    pub data: Vec<Embedding>,
    /// The model used (the live API may echo it without its author prefix).
    #[serde(default)]
    pub model: String,
    /// The provider that served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Token counts and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<EmbeddingsUsage>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EmbeddingsResult {
    /// Every vector as numbers, in input order.
    ///
    /// # Errors
    /// As [`Embedding::vector`].
    pub fn vectors(&self) -> Result<Vec<Vec<f32>>> {
        self.data.iter().map(Embedding::vector).collect()
    }
}
