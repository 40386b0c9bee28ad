//! `POST /completions`: legacy text completions (a prompt in, text out).
//!
//! Not in the OpenAPI spec, but documented by OpenRouter and still served. Streamed chunks
//! have the same shape as the whole result, each choice's `text` holding a piece.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::chat::{FinishReason, ProviderPreferences, Usage};
use crate::types::error::ErrorObject;

/// The prompt: one string, several, or token ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum CompletionPrompt {
    /// One prompt.
    Text(String),
    /// Several prompts.
    Texts(Vec<String>),
    /// Token ids.
    Tokens(Vec<u64>),
}

impl From<&str> for CompletionPrompt {
    fn from(value: &str) -> Self {
        CompletionPrompt::Text(value.to_owned())
    }
}

impl From<String> for CompletionPrompt {
    fn from(value: String) -> Self {
        CompletionPrompt::Text(value)
    }
}

impl From<Vec<String>> for CompletionPrompt {
    fn from(value: Vec<String>) -> Self {
        CompletionPrompt::Texts(value)
    }
}

/// Stop sequences: one string or several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum CompletionStop {
    /// One sequence.
    One(String),
    /// Several sequences.
    Many(Vec<String>),
}

/// The body of `POST /completions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompletionRequest {
    /// The model, e.g. `openai/gpt-4o-mini`.
    pub model: String,
    /// The text to continue.
    pub prompt: CompletionPrompt,
    /// The most tokens to generate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Sampling temperature, 0 to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Sequences that end the generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<CompletionStop>,
    /// Set by [`Completions::stream`](crate::api::Completions::stream); leave unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Seed for deterministic sampling, where supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Models to try in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<String>>,
    /// Prompt transforms such as `middle-out` (superseded by the context-compression plugin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transforms: Option<Vec<String>>,
    /// Fields this SDK does not model (`frequency_penalty`, `logprobs`...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CompletionRequest {
    /// A request to continue `prompt` with `model`.
    pub fn new(model: impl Into<String>, prompt: impl Into<CompletionPrompt>) -> Self {
        Self {
            model: model.into(),
            prompt: prompt.into(),
            max_tokens: None,
            temperature: None,
            top_p: None,
            stop: None,
            stream: None,
            seed: None,
            provider: None,
            models: None,
            transforms: None,
            extra: Map::new(),
        }
    }

    /// Sets the most tokens to generate.
    pub fn max_tokens(mut self, max_tokens: u32) -> Self {
        self.max_tokens = Some(max_tokens);
        self
    }

    /// Sets the temperature.
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Sets nucleus sampling.
    pub fn top_p(mut self, top_p: f64) -> Self {
        self.top_p = Some(top_p);
        self
    }

    /// Sets the stop sequences.
    pub fn stop(mut self, stops: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.stop = Some(CompletionStop::Many(
            stops.into_iter().map(Into::into).collect(),
        ));
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: i64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Sets provider preferences.
    pub fn provider(mut self, provider: ProviderPreferences) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets the models to try in order.
    pub fn models(mut self, models: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the prompt transforms.
    pub fn transforms(mut self, transforms: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.transforms = Some(transforms.into_iter().map(Into::into).collect());
        self
    }

    /// Sets a body field this SDK does not model.
    pub fn extra(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// One completion: the whole text, or in a stream chunk a piece of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompletionChoice {
    /// Which completion this is.
    #[serde(default)]
    pub index: u32,
    /// The generated text.
    #[serde(default)]
    pub text: String,
    /// Why generation stopped; `None` until the last chunk of a stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_reason: Option<FinishReason>,
    /// The provider's own finish reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_finish_reason: Option<String>,
    /// Token log probabilities, when requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Value>,
    /// A failure of this choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorObject>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer of `POST /completions`; also the shape of each stream chunk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompletionResult {
    /// The generation id.
    #[serde(default)]
    pub id: String,
    /// Always `text_completion`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub object: String,
    /// Unix time of creation, in seconds.
    #[serde(default)]
    pub created: u64,
    /// The model that answered.
    #[serde(default)]
    pub model: String,
    /// The provider that served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The upstream system fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_fingerprint: Option<String>,
    /// The completions (in a stream chunk, their pieces).
    #[serde(default)]
    pub choices: Vec<CompletionChoice>,
    /// Token counts and cost; on the last chunk of a stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// A failure after the stream started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorObject>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One `data:` event of a completions stream: the same shape as the whole result.
pub type CompletionChunk = CompletionResult;

impl CompletionResult {
    /// The text of the first choice.
    pub fn text(&self) -> Option<&str> {
        self.choices.first().map(|c| c.text.as_str())
    }

    /// The error this result or chunk carries: top-level, per choice, or
    /// `finish_reason: "error"` alone.
    pub fn error(&self) -> Option<ErrorObject> {
        if let Some(error) = &self.error {
            return Some(error.clone());
        }
        if let Some(error) = self.choices.iter().find_map(|c| c.error.as_ref()) {
            return Some(error.clone());
        }
        self.choices
            .iter()
            .any(|c| c.finish_reason == Some(FinishReason::Error))
            .then(|| {
                ErrorObject::new(
                    "error",
                    "the provider ended the generation with finish_reason \"error\"",
                )
            })
    }
}
