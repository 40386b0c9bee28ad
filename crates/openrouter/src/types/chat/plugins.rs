//! Plugins (`plugins[]`): features OpenRouter runs around the model call.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::request::opt_setters;
use super::{NestedServerTool, UserLocation, WebSearchEngine, WebSearchMode};
use crate::types::open_enum::open_enum;

/// A plugin, tagged by `id` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "id", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Plugin {
    /// `auto-router`: pick the model for each prompt.
    AutoRouter(AutoRouterPlugin),
    /// `auto-beta-router`: the beta auto-router.
    AutoBetaRouter(AutoRouterPlugin),
    /// `moderation`: moderate the input.
    Moderation(PluginToggle),
    /// `web`: add web search results to the prompt.
    Web(WebPlugin),
    /// `web-fetch`: let the model fetch URLs.
    WebFetch(WebFetchPlugin),
    /// `file-parser`: turn PDFs and other files into text the model can read.
    FileParser(FileParserPlugin),
    /// `response-healing`: repair malformed JSON output.
    ResponseHealing(PluginToggle),
    /// `context-compression`: shrink prompts that exceed the context (was `transforms: ["middle-out"]`).
    ContextCompression(ContextCompressionPlugin),
    /// `pareto-router`: route to the best coding model within a price or quality bound.
    ParetoRouter(ParetoRouterPlugin),
    /// `fusion`: ask a panel of models and synthesise their answers.
    Fusion(FusionPlugin),
    /// A plugin this SDK does not know, kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl Plugin {
    /// `{"id": "auto-router"}`.
    pub fn auto_router() -> Self {
        Self::AutoRouter(AutoRouterPlugin::new())
    }

    /// `{"id": "moderation"}`.
    pub fn moderation() -> Self {
        Self::Moderation(PluginToggle::new())
    }

    /// `{"id": "web"}` with default settings.
    pub fn web() -> Self {
        Self::Web(WebPlugin::new())
    }

    /// `{"id": "web-fetch"}` with default settings.
    pub fn web_fetch() -> Self {
        Self::WebFetch(WebFetchPlugin::new())
    }

    /// `{"id": "file-parser", "pdf": {"engine": ...}}`.
    pub fn file_parser(engine: impl Into<PdfEngine>) -> Self {
        Self::FileParser(FileParserPlugin::new().pdf(PdfOptions::engine(engine)))
    }

    /// `{"id": "response-healing"}`.
    pub fn response_healing() -> Self {
        Self::ResponseHealing(PluginToggle::new())
    }

    /// `{"id": "context-compression"}` (the default engine is middle-out).
    pub fn context_compression() -> Self {
        Self::ContextCompression(ContextCompressionPlugin::new())
    }

    /// `{"id": "pareto-router"}` with default settings.
    pub fn pareto_router() -> Self {
        Self::ParetoRouter(ParetoRouterPlugin::new())
    }

    /// `{"id": "fusion"}` with default settings.
    pub fn fusion() -> Self {
        Self::Fusion(FusionPlugin::new())
    }

    /// The `id` of this plugin as it appears on the wire.
    pub fn id(&self) -> Option<&str> {
        Some(match self {
            Self::AutoRouter(_) => "auto-router",
            Self::AutoBetaRouter(_) => "auto-beta-router",
            Self::Moderation(_) => "moderation",
            Self::Web(_) => "web",
            Self::WebFetch(_) => "web-fetch",
            Self::FileParser(_) => "file-parser",
            Self::ResponseHealing(_) => "response-healing",
            Self::ContextCompression(_) => "context-compression",
            Self::ParetoRouter(_) => "pareto-router",
            Self::Fusion(_) => "fusion",
            Self::Other(value) => return value.get("id").and_then(Value::as_str),
        })
    }
}

/// A plugin with no settings beyond `enabled` (moderation, response-healing).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PluginToggle {
    /// `false` turns the plugin off for this request (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PluginToggle {
    /// The plugin with default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { enabled: bool }
}

/// Settings of the `auto-router` and `auto-beta-router` plugins.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutoRouterPlugin {
    /// `false` turns the plugin off for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Model patterns the router may choose from (wildcards such as `anthropic/*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_models: Option<Vec<String>>,
    /// Model patterns the router must not choose (wins over `allowed_models`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_models: Option<Vec<String>>,
    /// Cost band of the candidates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_tier: Option<CostTier>,
    /// Deprecated 0-10 cost/quality balance; use `cost_tier`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_quality_tradeoff: Option<u8>,
    /// Reuse the model of the latest assistant message (`auto-router` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_model: Option<bool>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AutoRouterPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        enabled: bool,
        allowed_models: [String],
        excluded_models: [String],
        cost_tier: CostTier,
        cost_quality_tradeoff: u8,
        pin_model: bool,
    }
}

open_enum! {
    /// A cost band for the auto-router (percentiles of cost per generation).
    pub enum CostTier {
        /// 0-20th percentile.
        Low => "low",
        /// 20-40th percentile.
        Medium => "medium",
        /// 40-60th percentile.
        High => "high",
        /// 60-80th percentile.
        XHigh => "xhigh",
        /// 80-100th percentile.
        Max => "max",
    }
}

/// Settings of the `web` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebPlugin {
    /// `false` turns the plugin off for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The search engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<WebSearchEngine>,
    /// Results to add to the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
    /// The text that introduces the results in the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_prompt: Option<String>,
    /// Only search these domains (wildcards and paths allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_domains: Option<Vec<String>>,
    /// Never search these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude_domains: Option<Vec<String>>,
    /// Engine-specific search mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<WebSearchMode>,
    /// Approximate user location (native search providers that support it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_location: Option<UserLocation>,
    /// Searches allowed per turn (native providers that support it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        enabled: bool,
        engine: WebSearchEngine,
        max_results: u32,
        search_prompt: String,
        include_domains: [String],
        exclude_domains: [String],
        mode: WebSearchMode,
        user_location: UserLocation,
        max_uses: u32,
    }
}

/// Settings of the `web-fetch` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebFetchPlugin {
    /// Only fetch from these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
    /// Never fetch from these domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_domains: Option<Vec<String>>,
    /// Truncate fetched content to about this many tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_content_tokens: Option<u32>,
    /// Fetches allowed per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebFetchPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        allowed_domains: [String],
        blocked_domains: [String],
        max_content_tokens: u32,
        max_uses: u32,
    }
}

/// Settings of the `file-parser` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileParserPlugin {
    /// `false` turns the plugin off for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// How PDFs are parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf: Option<PdfOptions>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FileParserPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { enabled: bool, pdf: PdfOptions }
}

/// PDF parsing options of the `file-parser` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PdfOptions {
    /// The parsing engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<PdfEngine>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PdfOptions {
    /// Options with this engine.
    pub fn engine(engine: impl Into<PdfEngine>) -> Self {
        Self {
            engine: Some(engine.into()),
            extra: Map::new(),
        }
    }
}

open_enum! {
    /// A PDF parsing engine.
    pub enum PdfEngine {
        /// Mistral OCR (paid, for scans and images).
        MistralOcr => "mistral-ocr",
        /// The model's own file input, where it has one.
        Native => "native",
        /// Cloudflare AI text extraction.
        CloudflareAi => "cloudflare-ai",
        /// Deprecated; OpenRouter redirects it to `cloudflare-ai`.
        PdfText => "pdf-text",
    }
}

/// Settings of the `context-compression` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContextCompressionPlugin {
    /// `false` turns the plugin off for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The compression engine (default `middle-out`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<CompressionEngine>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ContextCompressionPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! { enabled: bool, engine: CompressionEngine }
}

open_enum! {
    /// A context compression engine.
    pub enum CompressionEngine {
        /// Drop messages from the middle of the conversation.
        MiddleOut => "middle-out",
    }
}

/// Settings of the `pareto-router` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ParetoRouterPlugin {
    /// `false` turns the plugin off for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Minimum coding score, 0 to 1 (ignored when `max_price` is set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_coding_score: Option<f64>,
    /// Maximum input price in USD per million tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_price: Option<f64>,
    /// Which price `max_price` is checked against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_source: Option<PriceSource>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ParetoRouterPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        enabled: bool,
        min_coding_score: f64,
        max_price: f64,
        price_source: PriceSource,
    }
}

open_enum! {
    /// The price the pareto-router compares.
    pub enum PriceSource {
        /// The catalogue's prompt price (default).
        Prompt => "prompt",
        /// The traffic-weighted effective input price.
        WeightedAvg => "weighted_avg",
    }
}

/// Settings of the `fusion` plugin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FusionPlugin {
    /// `false` turns the plugin off for this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The panel of models (1-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_models: Option<Vec<String>>,
    /// The analyst and synthesis model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// A curated panel, e.g. `general-high`; explicit models take precedence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<FusionPreset>,
    /// Server tools of the inner calls (default web search and fetch; empty for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<NestedServerTool>>,
    /// Tool-calling steps per inner model (1-16, default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tool_calls: Option<u32>,
    /// Fields this SDK does not model, sent and kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FusionPlugin {
    /// Default settings.
    pub fn new() -> Self {
        Self::default()
    }

    opt_setters! {
        enabled: bool,
        analysis_models: [String],
        model: String,
        preset: FusionPreset,
        tools: [NestedServerTool],
        max_tool_calls: u32,
    }
}

open_enum! {
    /// A curated fusion preset.
    pub enum FusionPreset {
        /// Best quality.
        GeneralHigh => "general-high",
        /// Cheaper.
        GeneralBudget => "general-budget",
        /// Faster.
        GeneralFast => "general-fast",
    }
}

macro_rules! into_plugin {
    ($($ty:ident => $variant:ident),* $(,)?) => {$(
        impl From<$ty> for Plugin {
            fn from(plugin: $ty) -> Self {
                Self::$variant(plugin)
            }
        }
    )*};
}

into_plugin! {
    WebPlugin => Web,
    WebFetchPlugin => WebFetch,
    FileParserPlugin => FileParser,
    ContextCompressionPlugin => ContextCompression,
    ParetoRouterPlugin => ParetoRouter,
    FusionPlugin => Fusion,
}
