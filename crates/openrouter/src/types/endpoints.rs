//! Where a model is served: `GET /models/{author}/{slug}/endpoints` and `GET /endpoints/zdr`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::models::{Architecture, ModelParameter, Pricing};

/// `GET /models/{author}/{slug}/endpoints` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EndpointListResponse {
    /// The model and its endpoints.
    pub data: ModelEndpoints,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A model with every provider endpoint serving it (spec `ListEndpointsResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelEndpoints {
    /// Model id, e.g. `openai/gpt-4o`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the model was added, in Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Input and output modalities and tokenizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<Architecture>,
    /// The provider endpoints.
    #[serde(default)]
    pub endpoints: Vec<PublicEndpoint>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /endpoints/zdr` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ZdrEndpointList {
    /// Endpoints that keep no data.
    #[serde(default)]
    pub data: Vec<PublicEndpoint>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One provider serving one model (spec `PublicEndpoint`, plus the keys the live API adds).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PublicEndpoint {
    /// Display name, e.g. `OpenAI: GPT-4`.
    #[serde(default)]
    pub name: String,
    /// Permanent slug of the model.
    #[serde(default)]
    pub model_id: String,
    /// Display name of the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_name: Option<String>,
    /// Context length at this endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<u64>,
    /// Prices at this endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Pricing>,
    /// Provider display name, e.g. `OpenAI`, `Together`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// Provider tag to use in `provider.order` / `provider.only`, e.g. `openai`, `deepinfra/fp8`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Weight precision, e.g. `fp8`, `bf16`, `unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantization: Option<String>,
    /// Output token cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u64>,
    /// Prompt token cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_prompt_tokens: Option<u64>,
    /// Parameters this endpoint accepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_parameters: Option<Vec<ModelParameter>>,
    /// Health: `0` up, negative values degraded or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// Uptime percentage over the last 30 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime_last_30m: Option<f64>,
    /// Uptime percentage over the last 5 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime_last_5m: Option<f64>,
    /// Uptime percentage over the last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime_last_1d: Option<f64>,
    /// Whether the provider caches prompts without being asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_implicit_caching: Option<bool>,
    /// Whether this TTS endpoint accepts reference audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_voice_cloning: Option<bool>,
    /// Latency percentiles (seconds to first token) over the last 30 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_last_30m: Option<PercentileStats>,
    /// Throughput percentiles (tokens per second) over the last 30 minutes; null without a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_last_30m: Option<PercentileStats>,
    /// Provider-native tools available at this endpoint, kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_tools: Option<Value>,
    /// Service tier of the endpoint, e.g. `standard`, `flex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// Whether speech-to-text output can separate speakers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_diarization: Option<bool>,
    /// Whether `tool_choice` is honoured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_tool_choice: Option<bool>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Percentiles of a measurement.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PercentileStats {
    /// Median.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p50: Option<f64>,
    /// 75th percentile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p75: Option<f64>,
    /// 90th percentile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p90: Option<f64>,
    /// 99th percentile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p99: Option<f64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
