//! Provider routing preferences (`provider`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::request::opt_setters;
use crate::types::open_enum::open_enum;

/// How OpenRouter picks and falls back between the providers that serve a model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderPreferences {
    /// Providers to try first, in this order (slugs or names, e.g. `anthropic`, `OpenAI`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
    /// Only these providers may serve the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
    /// These providers must not serve the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<String>>,
    /// Fall back to other providers when the preferred ones fail (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_fallbacks: Option<bool>,
    /// Only use providers that support every parameter of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_parameters: Option<bool>,
    /// Whether providers that store or train on data may be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_collection: Option<DataCollection>,
    /// Only use zero-data-retention endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zdr: Option<bool>,
    /// Only use models whose authors allow text distillation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_distillable_text: Option<bool>,
    /// Only use endpoints with these quantizations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantizations: Option<Vec<Quantization>>,
    /// Sort providers by price, throughput or latency instead of load balancing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<ProviderSort>,
    /// The most you are willing to pay; dearer providers are skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_price: Option<MaxPrice>,
    /// Preferred maximum latency in seconds: one number (p50) or percentile cutoffs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_max_latency: Option<PerformanceTarget>,
    /// Preferred minimum throughput in tokens/s: one number (p50) or percentile cutoffs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_min_throughput: Option<PerformanceTarget>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ProviderPreferences {
    /// No preferences (OpenRouter's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        order: [String],
        only: [String],
        ignore: [String],
        allow_fallbacks: bool,
        require_parameters: bool,
        data_collection: DataCollection,
        zdr: bool,
        enforce_distillable_text: bool,
        quantizations: [Quantization],
        sort: ProviderSort,
        max_price: MaxPrice,
        preferred_max_latency: PerformanceTarget,
        preferred_min_throughput: PerformanceTarget,
    }
}

open_enum! {
    /// Whether providers may collect data.
    pub enum DataCollection {
        /// Allow providers that store or train on data (the default).
        Allow => "allow",
        /// Only providers that do not collect data.
        Deny => "deny",
    }
}

open_enum! {
    /// A model quantization level.
    pub enum Quantization {
        /// 4-bit integer.
        Int4 => "int4",
        /// 8-bit integer.
        Int8 => "int8",
        /// 4-bit float.
        Fp4 => "fp4",
        /// MX 4-bit float.
        Mxfp4 => "mxfp4",
        /// NVIDIA 4-bit float.
        Nvfp4 => "nvfp4",
        /// 6-bit float.
        Fp6 => "fp6",
        /// 8-bit float.
        Fp8 => "fp8",
        /// MX 8-bit float.
        Mxfp8 => "mxfp8",
        /// 16-bit float.
        Fp16 => "fp16",
        /// bfloat16.
        Bf16 => "bf16",
        /// 32-bit float.
        Fp32 => "fp32",
        /// Not disclosed.
        Unknown => "unknown",
    }
}

/// `provider.sort`: a strategy name, or `{by, partition}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ProviderSort {
    /// `"price"`, `"throughput"`, `"latency"` or `"exacto"`.
    By(SortBy),
    /// `{"by": ..., "partition": ...}`.
    Config(ProviderSortConfig),
}

impl ProviderSort {
    /// Sort by `by` across all fallback models together (`partition: none`).
    pub fn across_models(by: impl Into<SortBy>) -> Self {
        Self::Config(
            ProviderSortConfig::new()
                .by(by)
                .partition(SortPartition::None),
        )
    }
}

impl From<SortBy> for ProviderSort {
    fn from(by: SortBy) -> Self {
        Self::By(by)
    }
}

impl From<&str> for ProviderSort {
    fn from(by: &str) -> Self {
        Self::By(by.into())
    }
}

impl From<ProviderSortConfig> for ProviderSort {
    fn from(config: ProviderSortConfig) -> Self {
        Self::Config(config)
    }
}

open_enum! {
    /// What to sort providers by.
    pub enum SortBy {
        /// Cheapest first.
        Price => "price",
        /// Fastest output first.
        Throughput => "throughput",
        /// Lowest latency first.
        Latency => "latency",
        /// OpenRouter's tool-calling accuracy ranking.
        Exacto => "exacto",
    }
}

/// `provider.sort` as an object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderSortConfig {
    /// What to sort by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<SortBy>,
    /// `model`: sort within each fallback model; `none`: sort all endpoints together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<SortPartition>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ProviderSortConfig {
    /// An empty sort config.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { by: SortBy, partition: SortPartition }
}

open_enum! {
    /// How sorting groups endpoints.
    pub enum SortPartition {
        /// Sort within each model, keeping the fallback order of `models`.
        Model => "model",
        /// Sort all endpoints of all models together.
        None => "none",
    }
}

/// `provider.max_price`: caps per million tokens (prompt, completion), per image, audio unit or request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaxPrice {
    /// USD per million prompt tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<PriceLimit>,
    /// USD per million completion tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<PriceLimit>,
    /// USD per image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<PriceLimit>,
    /// USD per audio unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<PriceLimit>,
    /// USD per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<PriceLimit>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MaxPrice {
    /// No caps.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        prompt: PriceLimit,
        completion: PriceLimit,
        image: PriceLimit,
        audio: PriceLimit,
        request: PriceLimit,
    }
}

/// A price in USD: the spec writes prices as strings, the docs and live API also take numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PriceLimit {
    /// A number, e.g. `1.5`.
    Number(f64),
    /// A decimal string, e.g. `"1.5"`.
    Text(String),
}

impl From<f64> for PriceLimit {
    fn from(value: f64) -> Self {
        Self::Number(value)
    }
}

impl From<u32> for PriceLimit {
    fn from(value: u32) -> Self {
        Self::Number(value.into())
    }
}

impl From<&str> for PriceLimit {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<String> for PriceLimit {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

/// A latency or throughput preference: one number (the p50 cutoff) or percentile cutoffs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum PerformanceTarget {
    /// A cutoff for the median.
    Value(f64),
    /// Cutoffs per percentile; all given ones must hold.
    Percentiles(PercentileCutoffs),
}

impl From<f64> for PerformanceTarget {
    fn from(value: f64) -> Self {
        Self::Value(value)
    }
}

impl From<u32> for PerformanceTarget {
    fn from(value: u32) -> Self {
        Self::Value(value.into())
    }
}

impl From<PercentileCutoffs> for PerformanceTarget {
    fn from(cutoffs: PercentileCutoffs) -> Self {
        Self::Percentiles(cutoffs)
    }
}

/// Percentile cutoffs for latency (seconds) or throughput (tokens per second).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PercentileCutoffs {
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
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PercentileCutoffs {
    /// No cutoffs.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { p50: f64, p75: f64, p90: f64, p99: f64 }
}
