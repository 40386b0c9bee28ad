//! The model catalogue: `GET /models`, `GET /models/user` and `GET /model/{author}/{slug}`.
//!
//! The catalogue changes weekly and older bodies lack fields the spec now requires, so almost
//! every field is optional and every struct keeps unknown fields in `extra`.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

mod filter;
mod query;
mod usd;

pub use filter::ModelFilter;
pub use query::{ModelCategory, ModelCount, ModelCountResponse, ModelSort, ModelsQuery};
pub use usd::{ParseUsdError, Usd};

/// `GET /models` (and `GET /models/user`) response: a page of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelList {
    /// The models on this page.
    pub data: Vec<Model>,
    /// How many models match the query across all pages (absent from older responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Pagination links (absent from older responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<ListLinks>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Pagination links of a list response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListLinks {
    /// URL of the next page, or `None` on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /model/{author}/{slug}` response: one model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelResponse {
    /// The model.
    pub data: Model,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A model in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Model {
    /// The id to send as `model` in requests, e.g. `openai/gpt-4o`.
    pub id: String,
    /// The permanent slug of this model version (ids can be re-pointed; this cannot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_slug: Option<String>,
    /// Hugging Face repository id; the API sends `""` or `null` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hugging_face_id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the model was added, in Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// Markdown description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Maximum context length in tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<u64>,
    /// Input and output modalities and tokenizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<Architecture>,
    /// Prices in USD, as decimal strings exactly as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Pricing>,
    /// Limits of the provider OpenRouter routes to first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_provider: Option<TopProvider>,
    /// Per-request token limits, if the model has any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_request_limits: Option<PerRequestLimits>,
    /// Request parameters the model accepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_parameters: Option<Vec<ModelParameter>>,
    /// Sampling defaults applied when a request leaves them unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_parameters: Option<DefaultParameters>,
    /// Voice ids for text-to-speech models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_voices: Option<Vec<String>>,
    /// Date (`YYYY-MM-DD`) after which the model may be removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Date (`YYYY-MM-DD`) up to which the model was trained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_cutoff: Option<String>,
    /// Related API paths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<ModelLinks>,
    /// Reasoning settings, for reasoning models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ModelReasoning>,
    /// The concrete model a `~latest` alias points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias_target: Option<AliasTarget>,
    /// Third-party benchmark rankings, kept as sent (their shape changes often).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmarks: Option<Value>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Model {
    /// The Hugging Face id, treating the `""` the API sends for "none" as absent.
    pub fn hugging_face_id(&self) -> Option<&str> {
        self.hugging_face_id.as_deref().filter(|id| !id.is_empty())
    }

    /// Whether the catalogue lists `parameter` as supported.
    pub fn supports(&self, parameter: &ModelParameter) -> bool {
        self.supported_parameters
            .as_ref()
            .is_some_and(|params| params.contains(parameter))
    }
}

/// What a model takes in and puts out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Architecture {
    /// Summary such as `text+image->text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// Accepted input kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_modalities: Option<Vec<Modality>>,
    /// Produced output kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// Tokenizer family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokenizer: Option<Tokenizer>,
    /// Prompt format of instruct models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruct_type: Option<InstructType>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

open_enum! {
    /// A kind of model input or output.
    pub enum Modality {
        /// Text.
        Text => "text",
        /// Images.
        Image => "image",
        /// Files such as PDFs.
        File => "file",
        /// Audio.
        Audio => "audio",
        /// Video.
        Video => "video",
        /// Embedding vectors.
        Embeddings => "embeddings",
        /// Rerank scores.
        Rerank => "rerank",
        /// Synthesised speech.
        Speech => "speech",
        /// Transcribed text.
        Transcription => "transcription",
    }
}

open_enum! {
    /// Tokenizer family, which decides how text is counted in tokens.
    pub enum Tokenizer {
        /// A router that picks another model.
        Router => "Router",
        /// Media models.
        Media => "Media",
        /// The API's own catch-all family, sent as `"Other"`.
        OtherFamily => "Other",
        /// OpenAI GPT.
        Gpt => "GPT",
        /// Anthropic Claude.
        Claude => "Claude",
        /// Google Gemini.
        Gemini => "Gemini",
        /// Google Gemma.
        Gemma => "Gemma",
        /// xAI Grok.
        Grok => "Grok",
        /// Cohere.
        Cohere => "Cohere",
        /// Amazon Nova.
        Nova => "Nova",
        /// Qwen.
        Qwen => "Qwen",
        /// Qwen 3.
        Qwen3 => "Qwen3",
        /// Yi.
        Yi => "Yi",
        /// DeepSeek.
        DeepSeek => "DeepSeek",
        /// Mistral.
        Mistral => "Mistral",
        /// Llama 2.
        Llama2 => "Llama2",
        /// Llama 3.
        Llama3 => "Llama3",
        /// Llama 4.
        Llama4 => "Llama4",
        /// PaLM.
        PaLM => "PaLM",
        /// RWKV.
        Rwkv => "RWKV",
    }
}

open_enum! {
    /// Prompt format of an instruct model.
    pub enum InstructType {
        /// No instruct format.
        None => "none",
        /// Airoboros.
        Airoboros => "airoboros",
        /// Alpaca.
        Alpaca => "alpaca",
        /// Modified Alpaca.
        AlpacaModif => "alpaca-modif",
        /// ChatML.
        ChatMl => "chatml",
        /// Claude.
        Claude => "claude",
        /// Code Llama.
        CodeLlama => "code-llama",
        /// Gemma.
        Gemma => "gemma",
        /// Llama 2.
        Llama2 => "llama2",
        /// Llama 3.
        Llama3 => "llama3",
        /// Mistral.
        Mistral => "mistral",
        /// Nemotron.
        Nemotron => "nemotron",
        /// Neural.
        Neural => "neural",
        /// OpenChat.
        OpenChat => "openchat",
        /// Phi-3.
        Phi3 => "phi3",
        /// RWKV.
        Rwkv => "rwkv",
        /// Vicuna.
        Vicuna => "vicuna",
        /// Zephyr.
        Zephyr => "zephyr",
        /// DeepSeek R1.
        DeepSeekR1 => "deepseek-r1",
        /// DeepSeek V3.1.
        DeepSeekV31 => "deepseek-v3.1",
        /// QwQ.
        Qwq => "qwq",
        /// Qwen 3.
        Qwen3 => "qwen3",
    }
}

open_enum! {
    /// A request parameter a model may support.
    pub enum ModelParameter {
        /// `temperature`.
        Temperature => "temperature",
        /// `top_p`.
        TopP => "top_p",
        /// `top_k`.
        TopK => "top_k",
        /// `min_p`.
        MinP => "min_p",
        /// `top_a`.
        TopA => "top_a",
        /// `frequency_penalty`.
        FrequencyPenalty => "frequency_penalty",
        /// `presence_penalty`.
        PresencePenalty => "presence_penalty",
        /// `repetition_penalty`.
        RepetitionPenalty => "repetition_penalty",
        /// `max_tokens`.
        MaxTokens => "max_tokens",
        /// `max_completion_tokens`.
        MaxCompletionTokens => "max_completion_tokens",
        /// `logit_bias`.
        LogitBias => "logit_bias",
        /// `logprobs`.
        Logprobs => "logprobs",
        /// `top_logprobs`.
        TopLogprobs => "top_logprobs",
        /// `prediction`.
        Prediction => "prediction",
        /// `seed`.
        Seed => "seed",
        /// `response_format`.
        ResponseFormat => "response_format",
        /// `structured_outputs` (JSON schema output).
        StructuredOutputs => "structured_outputs",
        /// `stop`.
        Stop => "stop",
        /// `tools`.
        Tools => "tools",
        /// `tool_choice`.
        ToolChoice => "tool_choice",
        /// `parallel_tool_calls`.
        ParallelToolCalls => "parallel_tool_calls",
        /// `include_reasoning`.
        IncludeReasoning => "include_reasoning",
        /// `reasoning`.
        Reasoning => "reasoning",
        /// `reasoning_effort`.
        ReasoningEffort => "reasoning_effort",
        /// `web_search_options`.
        WebSearchOptions => "web_search_options",
        /// `verbosity`.
        Verbosity => "verbosity",
    }
}

/// A price in USD, kept as the exact decimal text the API sent (`"0.0000025"`, `"-1"`).
///
/// Prices are per token unless the field says otherwise. Keeping the text avoids the rounding
/// a float would add when the value is shown or sent back; [`Price::to_f64`] converts on demand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Price(pub String);

impl Price {
    /// The price as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The price as a float, or `None` if the text is not a number.
    pub fn to_f64(&self) -> Option<f64> {
        self.0.trim().parse().ok()
    }

    /// Whether the price is `"-1"`: decided per request, as for routers like `openrouter/auto`.
    pub fn is_variable(&self) -> bool {
        self.to_f64().is_some_and(|price| price < 0.0)
    }

    /// Whether the price is zero.
    pub fn is_free(&self) -> bool {
        self.to_f64() == Some(0.0)
    }
}

impl fmt::Display for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Price {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<String> for Price {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// A model's prices in USD (spec `PublicPricing`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pricing {
    /// Per prompt (input) token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Price>,
    /// Per completion (output) token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Price>,
    /// Per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Price>,
    /// Per input image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Price>,
    /// Per image token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_token: Option<Price>,
    /// Per output image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_output: Option<Price>,
    /// Per audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Price>,
    /// Per audio output token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_output: Option<Price>,
    /// Per cached audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_audio_cache: Option<Price>,
    /// Per web search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search: Option<Price>,
    /// Per internal reasoning token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_reasoning: Option<Price>,
    /// Per cached input token read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_read: Option<Price>,
    /// Per cache-write token (the default, 5-minute TTL where there are several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write: Option<Price>,
    /// Per 1-hour cache-write token, where priced separately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write_1h: Option<Price>,
    /// Fractional discount already applied (0 = none, 1 = free).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<f64>,
    /// Conditional prices (long context, time of day); later entries win per key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Vec<PricingOverride>>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Prices that replace the base ones when all of the entry's conditions match a request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PricingOverride {
    /// Applies when the prompt has strictly more tokens than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_prompt_tokens: Option<f64>,
    /// Start of a daily UTC window as an HHMM number (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_start: Option<f64>,
    /// End of a daily UTC window as an HHMM number (exclusive; may wrap past midnight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_end: Option<f64>,
    /// Per prompt token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Price>,
    /// Per completion token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Price>,
    /// Per audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Price>,
    /// Per cached audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_audio_cache: Option<Price>,
    /// Per cached input token read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_read: Option<Price>,
    /// Per cache-write token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write: Option<Price>,
    /// Per 1-hour cache-write token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write_1h: Option<Price>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Limits of the provider OpenRouter tries first for a model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TopProvider {
    /// Context length at that provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<u64>,
    /// Output token cap at that provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u64>,
    /// Whether that provider moderates content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_moderated: Option<bool>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Token limits per request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PerRequestLimits {
    /// Maximum prompt tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens: Option<f64>,
    /// Maximum completion tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens: Option<f64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Sampling defaults a model applies when a request leaves them unset.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DefaultParameters {
    /// Default `temperature`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Default `top_p`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Default `top_k`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<i64>,
    /// Default `frequency_penalty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Default `presence_penalty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Default `repetition_penalty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Related API paths of a model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelLinks {
    /// Path of the model's endpoints listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Reasoning settings of a reasoning model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelReasoning {
    /// Whether reasoning cannot be turned off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandatory: Option<bool>,
    /// Whether reasoning is on when the request does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_enabled: Option<bool>,
    /// Effort used when reasoning is enabled without one (`"high"`, `"medium"`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_effort: Option<String>,
    /// Accepted efforts, highest first; `None` means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_efforts: Option<Vec<String>>,
    /// Whether `reasoning.max_tokens` is accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_max_tokens: Option<bool>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The concrete model a `~latest` alias currently points to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AliasTarget {
    /// Routable id of the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Display name of the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_keeps_text_and_converts() {
        let pricing: Pricing =
            serde_json::from_str(r#"{"prompt":"0.0000025","completion":"-1","request":"0"}"#)
                .unwrap();
        let prompt = pricing.prompt.unwrap();
        assert_eq!(prompt.as_str(), "0.0000025");
        assert_eq!(prompt.to_f64(), Some(0.0000025));
        assert!(pricing.completion.unwrap().is_variable());
        assert!(pricing.request.unwrap().is_free());
    }

    #[test]
    fn empty_hugging_face_id_reads_as_absent() {
        let model: Model = serde_json::from_str(r#"{"id":"a/b","hugging_face_id":""}"#).unwrap();
        assert_eq!(model.hugging_face_id(), None);
        assert_eq!(model.hugging_face_id.as_deref(), Some(""));
    }

    #[test]
    fn unknown_enum_values_and_fields_survive() {
        let json = r#"{"id":"a/b","architecture":{"input_modalities":["text","smell"],"tokenizer":"Future"},"supported_parameters":["tools","new_param"],"brand_new":1}"#;
        let model: Model = serde_json::from_str(json).unwrap();
        assert!(model.supports(&ModelParameter::Tools));
        assert!(!model.supports(&ModelParameter::Seed));
        let arch = model.architecture.as_ref().unwrap();
        assert_eq!(
            arch.input_modalities.as_deref(),
            Some(&[Modality::Text, Modality::Other("smell".into())][..])
        );
        let back: Value = serde_json::to_value(&model).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(json).unwrap());
    }
}
