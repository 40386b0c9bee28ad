//! Public usage datasets: `GET /datasets/app-rankings`, `/datasets/rankings-daily`,
//! `/datasets/session-cost`. Licensed CC BY 4.0 by OpenRouter; cite `meta.as_of`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET /datasets/app-rankings` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppRankingsResponse {
    /// Ranked apps.
    #[serde(default)]
    pub data: Vec<AppRanking>,
    /// Window and freshness of the data.
    #[serde(default)]
    pub meta: DatasetMeta,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One app's place in the rankings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppRanking {
    /// App id.
    #[serde(default)]
    pub app_id: i64,
    /// App name.
    #[serde(default)]
    pub app_name: String,
    /// Absolute rank (stays absolute across pages).
    #[serde(default)]
    pub rank: u64,
    /// Requests in the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_requests: Option<u64>,
    /// Prompt plus completion tokens in the window, as a decimal string (it can exceed 2^53).
    #[serde(default)]
    pub total_tokens: String,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Date window and version of a dataset answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DatasetMeta {
    /// When the data was computed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// First day of the window (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Last day of the window (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Dataset version, e.g. `v1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Length of the trailing window in days (session cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_days: Option<u64>,
    /// Last day of the trailing window (session cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_end_date: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /datasets/rankings-daily` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RankingsDailyResponse {
    /// One row per (date, model); the `other` row closes each date.
    #[serde(default)]
    pub data: Vec<DailyRanking>,
    /// Window and freshness of the data.
    #[serde(default)]
    pub meta: DatasetMeta,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Token volume of one model on one day (or week, month).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DailyRanking {
    /// Day, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// Model permaslug, or `other` for everything outside the top 50.
    #[serde(default)]
    pub model_permaslug: String,
    /// Tokens, as a decimal string.
    #[serde(default)]
    pub total_tokens: String,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /datasets/session-cost` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionCostResponse {
    /// Median session costs.
    #[serde(default)]
    pub data: Vec<SessionCost>,
    /// Window and freshness of the data.
    #[serde(default)]
    pub meta: DatasetMeta,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Median cost of a session of an app on a model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionCost {
    /// App slug.
    #[serde(default)]
    pub app_slug: String,
    /// App name.
    #[serde(default)]
    pub app_name: String,
    /// Model permaslug.
    #[serde(default)]
    pub model_permaslug: String,
    /// Session length bucket, e.g. `10-49-turns`.
    #[serde(default)]
    pub turn_range: String,
    /// Median session cost in USD.
    #[serde(default)]
    pub median_session_cost_usd: f64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Parameters of `GET /datasets/app-rankings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AppRankingsQuery {
    /// Category group: `coding`, `creative`, `productivity`, `entertainment`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Subcategory, e.g. `cli-agent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// `popular` (default) or `trending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// First day, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Apps to return (1-100, default 50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Apps to skip (0-100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// Parameters of `GET /datasets/rankings-daily`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RankingsDailyQuery {
    /// First day, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Grain: `day`, `week`, `month`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// `text`, `image`, `image_output`, `audio`, `tool_calling`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// Context length bucket: `1K`, `10K`, `100K`, `1M`, `10M`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_bucket: Option<String>,
    /// Use-case category (sampled dataset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `natural` or `programming` (sampled dataset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_type: Option<String>,
}

/// Parameters of `GET /datasets/session-cost`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SessionCostQuery {
    /// Only this app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_slug: Option<String>,
    /// Only this model permaslug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// `1-turn`, `2-9-turns`, `10-49-turns`, `50-plus-turns`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turn_range: Option<String>,
    /// Rows to return (1-500, default 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Rows to skip (0-5000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

macro_rules! string_setters {
    ($ty:ident { $($(#[$doc:meta])* $name:ident;)* }) => {
        impl $ty {
            /// The server's defaults.
            pub fn new() -> Self {
                Self::default()
            }
            $(
                $(#[$doc])*
                pub fn $name(mut self, value: impl Into<String>) -> Self {
                    self.$name = Some(value.into());
                    self
                }
            )*
        }
    };
}

string_setters!(AppRankingsQuery {
    /// Sets the category group.
    category;
    /// Sets the subcategory.
    subcategory;
    /// Sets the order (`popular`, `trending`).
    sort;
    /// Sets the first day.
    start_date;
    /// Sets the last day.
    end_date;
});

string_setters!(RankingsDailyQuery {
    /// Sets the first day.
    start_date;
    /// Sets the last day.
    end_date;
    /// Sets the grain.
    period;
    /// Sets the modality.
    modality;
    /// Sets the context bucket.
    context_bucket;
    /// Sets the category.
    category;
    /// Sets the language type.
    language_type;
});

string_setters!(SessionCostQuery {
    /// Sets the app.
    app_slug;
    /// Sets the model.
    model;
    /// Sets the turn range.
    turn_range;
});

impl AppRankingsQuery {
    /// Sets the page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets the number of apps skipped.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }
}

impl SessionCostQuery {
    /// Sets the page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets the number of rows skipped.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }
}
