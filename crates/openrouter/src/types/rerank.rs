//! `POST /rerank`: order documents by relevance to a query.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::chat::ProviderPreferences;

/// A document with text and/or an image.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankDocumentObject {
    /// The document's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// An image: an http(s) URL or a `data:image/..` URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl RerankDocumentObject {
    /// A text document.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// An image document.
    pub fn image(image: impl Into<String>) -> Self {
        Self {
            image: Some(image.into()),
            ..Self::default()
        }
    }
}

/// A document to rank: a plain string or a structured document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum RerankDocument {
    /// Plain text.
    Text(String),
    /// Text and/or an image.
    Object(RerankDocumentObject),
}

impl From<&str> for RerankDocument {
    fn from(value: &str) -> Self {
        RerankDocument::Text(value.to_owned())
    }
}

impl From<String> for RerankDocument {
    fn from(value: String) -> Self {
        RerankDocument::Text(value)
    }
}

impl From<RerankDocumentObject> for RerankDocument {
    fn from(value: RerankDocumentObject) -> Self {
        RerankDocument::Object(value)
    }
}

/// The body of `POST /rerank`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankRequest {
    /// The rerank model, e.g. `cohere/rerank-v3.5`.
    pub model: String,
    /// What the documents are ranked against.
    pub query: String,
    /// The documents to rank (at least one).
    pub documents: Vec<RerankDocument>,
    /// How many of the best documents to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_n: Option<u32>,
    /// Whether results echo the documents (provider-specific; not in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_documents: Option<bool>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl RerankRequest {
    /// A request to rank `documents` against `query` with `model`.
    pub fn new(
        model: impl Into<String>,
        query: impl Into<String>,
        documents: impl IntoIterator<Item = impl Into<RerankDocument>>,
    ) -> Self {
        Self {
            model: model.into(),
            query: query.into(),
            documents: documents.into_iter().map(Into::into).collect(),
            top_n: None,
            return_documents: None,
            provider: None,
            extra: Map::new(),
        }
    }

    /// Returns only the `top_n` best documents.
    pub fn top_n(mut self, top_n: u32) -> Self {
        self.top_n = Some(top_n);
        self
    }

    /// Asks for the documents to be echoed in the results.
    pub fn return_documents(mut self, return_documents: bool) -> Self {
        self.return_documents = Some(return_documents);
        self
    }

    /// Sets provider preferences.
    pub fn provider(mut self, provider: ProviderPreferences) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets a body field this SDK does not model.
    pub fn extra(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// One ranked document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankItem {
    /// The document's position in the request.
    #[serde(default)]
    pub index: u32,
    /// How relevant the document is to the query; higher is more relevant.
    #[serde(default)]
    pub relevance_score: f64,
    /// The document as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<RerankDocumentObject>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Usage of a rerank call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankUsage {
    /// Search units consumed (Cohere billing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_units: Option<u64>,
    /// Tokens used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// Cost in credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer of `POST /rerank`: results sorted by relevance, best first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankResult {
    /// The generation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The model that ranked.
    #[serde(default)]
    pub model: String,
    /// The provider that served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The ranked documents, best first.
    #[serde(default)]
    pub results: Vec<RerankItem>,
    /// Usage and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<RerankUsage>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
