//! Server-side filters of `GET /models` and the `GET /models/count` answer.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// Use-case category of `GET /models?category=`.
    pub enum ModelCategory {
        /// Programming.
        Programming => "programming",
        /// Role play.
        Roleplay => "roleplay",
        /// Marketing.
        Marketing => "marketing",
        /// Search engine optimisation.
        MarketingSeo => "marketing/seo",
        /// Technology.
        Technology => "technology",
        /// Science.
        Science => "science",
        /// Translation.
        Translation => "translation",
        /// Legal.
        Legal => "legal",
        /// Finance.
        Finance => "finance",
        /// Health.
        Health => "health",
        /// Trivia.
        Trivia => "trivia",
        /// Academia.
        Academia => "academia",
    }
}

open_enum! {
    /// Server-side order of `GET /models?sort=`.
    pub enum ModelSort {
        /// Most used first.
        MostPopular => "most-popular",
        /// Newest first.
        Newest => "newest",
        /// Most tokens processed in the last week first.
        TopWeekly => "top-weekly",
        /// Cheapest (average of prompt and completion price) first.
        PricingLowToHigh => "pricing-low-to-high",
        /// Most expensive first.
        PricingHighToLow => "pricing-high-to-low",
        /// Longest context first.
        ContextHighToLow => "context-high-to-low",
        /// Fastest output first.
        ThroughputHighToLow => "throughput-high-to-low",
        /// Lowest latency first.
        LatencyLowToHigh => "latency-low-to-high",
        /// Highest Artificial Analysis intelligence index first.
        IntelligenceHighToLow => "intelligence-high-to-low",
        /// Highest coding index first.
        CodingHighToLow => "coding-high-to-low",
        /// Highest agentic index first.
        AgenticHighToLow => "agentic-high-to-low",
        /// Best Design Arena ELO first.
        DesignArenaEloHighToLow => "design-arena-elo-high-to-low",
    }
}

/// Filters, order and page of `GET /models`. Everything unset is left to the server.
///
/// List filters (`supported_parameters`, modalities, authors, providers) are sent
/// comma-separated. Prices are in USD per million tokens, as the API takes them.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ModelsQuery {
    /// Records to skip.
    pub offset: Option<u64>,
    /// Records to return at most (1-1000).
    pub limit: Option<u32>,
    /// Use-case category.
    pub category: Option<ModelCategory>,
    /// Parameters the models must support.
    pub supported_parameters: Vec<String>,
    /// Output modalities (`text`, `image`, `audio`, `embeddings`, or `all`); the server
    /// defaults to `text`.
    pub output_modalities: Vec<String>,
    /// Input modalities (`text`, `image`, `audio`, `file`).
    pub input_modalities: Vec<String>,
    /// Server-side order.
    pub sort: Option<ModelSort>,
    /// Free-text search by name or slug.
    pub q: Option<String>,
    /// Minimum context length in tokens.
    pub context: Option<u64>,
    /// Minimum prompt price, USD per million tokens.
    pub min_price: Option<f64>,
    /// Maximum prompt price, USD per million tokens.
    pub max_price: Option<f64>,
    /// Model family (tokenizer group), e.g. `GPT`, `Claude`.
    pub arch: Option<String>,
    /// Author slugs, e.g. `openai`.
    pub model_authors: Vec<String>,
    /// Hosting provider names.
    pub providers: Vec<String>,
    /// Only distillable models (`true`) or only non-distillable ones (`false`).
    pub distillable: Option<bool>,
    /// Only models with zero-data-retention endpoints (the API accepts only `true`).
    pub zdr: Option<bool>,
    /// Data region of the endpoints (`eu` or `us`).
    pub region: Option<String>,
    /// Minimum completion price, USD per million tokens.
    pub min_output_price: Option<f64>,
    /// Maximum completion price, USD per million tokens.
    pub max_output_price: Option<f64>,
    /// Minimum age in days.
    pub min_age_days: Option<u64>,
    /// Maximum age in days.
    pub max_age_days: Option<u64>,
    /// Minimum Artificial Analysis intelligence index.
    pub min_intelligence_index: Option<f64>,
    /// Maximum Artificial Analysis intelligence index.
    pub max_intelligence_index: Option<f64>,
    /// Minimum coding index.
    pub min_coding_index: Option<f64>,
    /// Maximum coding index.
    pub max_coding_index: Option<f64>,
    /// Minimum agentic index.
    pub min_agentic_index: Option<f64>,
    /// Maximum agentic index.
    pub max_agentic_index: Option<f64>,
    /// Minimum tool-calling success rate in `[0, 1]`.
    pub min_tool_success_rate: Option<f64>,
    /// Maximum tool-calling success rate in `[0, 1]`.
    pub max_tool_success_rate: Option<f64>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: $ty) -> Self {
                self.$name = Some(value.into());
                self
            }
        )*
    };
}

macro_rules! list_setters {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        $(
            $(#[$doc])*
            pub fn $name<I, S>(mut self, values: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                self.$name = values.into_iter().map(Into::into).collect();
                self
            }
        )*
    };
}

impl ModelsQuery {
    /// No filters: the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Skips `offset` records.
        offset: u64;
        /// Returns at most `limit` records.
        limit: u32;
        /// Filters by use-case category.
        category: impl Into<ModelCategory>;
        /// Orders server-side.
        sort: impl Into<ModelSort>;
        /// Searches names and slugs.
        q: impl Into<String>;
        /// Requires at least this context length.
        context: u64;
        /// Minimum prompt price, USD per million tokens.
        min_price: f64;
        /// Maximum prompt price, USD per million tokens.
        max_price: f64;
        /// Filters by model family.
        arch: impl Into<String>;
        /// Only distillable (`true`) or only non-distillable (`false`) models.
        distillable: bool;
        /// Only models with zero-data-retention endpoints when `true`.
        zdr: bool;
        /// Filters by endpoint data region (`eu`, `us`).
        region: impl Into<String>;
        /// Minimum completion price, USD per million tokens.
        min_output_price: f64;
        /// Maximum completion price, USD per million tokens.
        max_output_price: f64;
        /// Minimum age in days.
        min_age_days: u64;
        /// Maximum age in days.
        max_age_days: u64;
        /// Minimum intelligence index.
        min_intelligence_index: f64;
        /// Maximum intelligence index.
        max_intelligence_index: f64;
        /// Minimum coding index.
        min_coding_index: f64;
        /// Maximum coding index.
        max_coding_index: f64;
        /// Minimum agentic index.
        min_agentic_index: f64;
        /// Maximum agentic index.
        max_agentic_index: f64;
        /// Minimum tool-calling success rate.
        min_tool_success_rate: f64;
        /// Maximum tool-calling success rate.
        max_tool_success_rate: f64;
    }

    list_setters! {
        /// Requires support for all these parameters.
        supported_parameters;
        /// Filters by output modalities (`"all"` for every model).
        output_modalities;
        /// Filters by input modalities.
        input_modalities;
        /// Filters by author slugs.
        model_authors;
        /// Filters by hosting providers.
        providers;
    }

    /// The query parameters to send, in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        let mut push = |name: &'static str, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((name, value));
            }
        };
        let join = |values: &[String]| (!values.is_empty()).then(|| values.join(","));
        let num = |value: Option<f64>| value.map(|v| v.to_string());
        push("offset", self.offset.map(|v| v.to_string()));
        push("limit", self.limit.map(|v| v.to_string()));
        push("category", self.category.as_ref().map(ToString::to_string));
        push("supported_parameters", join(&self.supported_parameters));
        push("output_modalities", join(&self.output_modalities));
        push("sort", self.sort.as_ref().map(ToString::to_string));
        push("q", self.q.clone());
        push("input_modalities", join(&self.input_modalities));
        push("context", self.context.map(|v| v.to_string()));
        push("min_price", num(self.min_price));
        push("max_price", num(self.max_price));
        push("arch", self.arch.clone());
        push("model_authors", join(&self.model_authors));
        push("providers", join(&self.providers));
        push("distillable", self.distillable.map(|v| v.to_string()));
        // The API only knows `zdr=true`; `false` means "no filter".
        push("zdr", self.zdr.filter(|v| *v).map(|v| v.to_string()));
        push("region", self.region.clone());
        push("min_output_price", num(self.min_output_price));
        push("max_output_price", num(self.max_output_price));
        push("min_age_days", self.min_age_days.map(|v| v.to_string()));
        push("max_age_days", self.max_age_days.map(|v| v.to_string()));
        push("min_intelligence_index", num(self.min_intelligence_index));
        push("max_intelligence_index", num(self.max_intelligence_index));
        push("min_coding_index", num(self.min_coding_index));
        push("max_coding_index", num(self.max_coding_index));
        push("min_agentic_index", num(self.min_agentic_index));
        push("max_agentic_index", num(self.max_agentic_index));
        push("min_tool_success_rate", num(self.min_tool_success_rate));
        push("max_tool_success_rate", num(self.max_tool_success_rate));
        pairs
    }
}

/// `GET /models/count` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelCountResponse {
    /// The count.
    pub data: ModelCount,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How many models are available.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelCount {
    /// Number of models.
    #[serde(default)]
    pub count: u64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_follow_the_spec_names() {
        let query = ModelsQuery::new()
            .limit(5)
            .offset(10)
            .category(ModelCategory::MarketingSeo)
            .supported_parameters(["tools", "temperature"])
            .input_modalities(["text", "image"])
            .sort(ModelSort::PricingLowToHigh)
            .distillable(false)
            .zdr(false)
            .max_price(2.5);
        let pairs = query.to_pairs();
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("limit"), Some("5"));
        assert_eq!(get("offset"), Some("10"));
        assert_eq!(get("category"), Some("marketing/seo"));
        assert_eq!(get("supported_parameters"), Some("tools,temperature"));
        assert_eq!(get("input_modalities"), Some("text,image"));
        assert_eq!(get("sort"), Some("pricing-low-to-high"));
        assert_eq!(get("distillable"), Some("false"));
        assert_eq!(get("zdr"), None);
        assert_eq!(get("max_price"), Some("2.5"));
        assert!(ModelsQuery::new().to_pairs().is_empty());
    }
}
