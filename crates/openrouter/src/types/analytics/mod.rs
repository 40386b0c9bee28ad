//! Analytics: daily activity per model and endpoint (`GET /activity`) and the flexible
//! query API (`GET /analytics/meta`, `POST /analytics/query`).

mod query;

pub use query::{
    AnalyticsFilter, AnalyticsOrder, AnalyticsQuery, AnalyticsQueryMetadata,
    AnalyticsQueryResponse, AnalyticsResult, AnalyticsTimeRange, OrderDirection,
};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Declares a lossless struct whose fields are all optional.
macro_rules! optional_fields {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            /// Fields this SDK does not know, kept as sent.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
    };
}
pub(crate) use optional_fields;

optional_fields! {
    /// Activity of one UTC day for one model endpoint. Amounts in USD.
    ActivityItem {
        /// The day (`YYYY-MM-DD`).
        date: String,
        /// Model slug.
        model: String,
        /// Model permaslug (versioned).
        model_permaslug: String,
        /// Endpoint id.
        endpoint_id: String,
        /// Provider of the endpoint.
        provider_name: String,
        /// Credits spent.
        usage: f64,
        /// BYOK inference spend.
        byok_usage_inference: f64,
        /// Requests made.
        requests: u64,
        /// Prompt tokens.
        prompt_tokens: u64,
        /// Completion tokens.
        completion_tokens: u64,
        /// Reasoning tokens.
        reasoning_tokens: u64,
        /// Cached prompt tokens.
        cached_tokens: u64,
        /// Workspace (only with `group_by=workspace`).
        workspace_id: String,
    }
}

/// `GET /activity` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityResponse {
    /// One row per day and endpoint.
    #[serde(default)]
    pub data: Vec<ActivityItem>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Query of `GET /activity`: every filter is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct ActivityParams {
    /// One UTC day of the last 30 (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Only this API key (its hash, as the keys API returns it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key_hash: Option<String>,
    /// Only this organization member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// `"workspace"` to split rows per workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_by: Option<String>,
    /// Only this workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
}

impl ActivityParams {
    /// The last 30 days, every key and workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only this UTC day (`YYYY-MM-DD`).
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// Only this API key.
    pub fn api_key_hash(mut self, hash: impl Into<String>) -> Self {
        self.api_key_hash = Some(hash.into());
        self
    }

    /// Only this organization member.
    pub fn user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }

    /// Splits every row per workspace and names it.
    pub fn group_by_workspace(mut self) -> Self {
        self.group_by = Some("workspace".into());
        self
    }

    /// Only this workspace.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }
}

optional_fields! {
    /// A dimension results can be grouped or filtered by.
    AnalyticsDimension {
        /// Identifier used in queries.
        name: String,
        /// Human-readable label.
        display_label: String,
    }
}

optional_fields! {
    /// A time granularity.
    AnalyticsGranularity {
        /// Identifier used in queries (`minute` ... `month`).
        name: String,
        /// Human-readable label.
        display_label: String,
    }
}

optional_fields! {
    /// A metric a query can ask for.
    AnalyticsMetric {
        /// Identifier used in queries.
        name: String,
        /// Human-readable label.
        display_label: String,
        /// Whether it is a rate (averaged, not summed).
        is_rate: bool,
        /// How to display it (`number`, `currency`, `percent`, `latency`, `throughput`).
        display_format: String,
    }
}

optional_fields! {
    /// A filter operator.
    AnalyticsOperator {
        /// Identifier used in filters (`eq`, `in`, `gt`...).
        name: String,
        /// Whether it takes a `scalar` or an `array`.
        value_type: String,
    }
}

/// What the query API offers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsMeta {
    /// Metrics.
    #[serde(default)]
    pub metrics: Vec<AnalyticsMetric>,
    /// Dimensions.
    #[serde(default)]
    pub dimensions: Vec<AnalyticsDimension>,
    /// Filter operators.
    #[serde(default)]
    pub operators: Vec<AnalyticsOperator>,
    /// Granularities.
    #[serde(default)]
    pub granularities: Vec<AnalyticsGranularity>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /analytics/meta` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsMetaResponse {
    /// The offer.
    pub data: AnalyticsMeta,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
