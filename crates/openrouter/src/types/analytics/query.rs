//! `POST /analytics/query`: the request and its rows.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::optional_fields;
use crate::types::open_enum::open_enum;

open_enum! {
    /// Sort direction.
    pub enum OrderDirection {
        /// Ascending.
        Asc => "asc",
        /// Descending.
        Desc => "desc",
    }
}

/// A filter on a dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsFilter {
    /// The dimension.
    pub field: String,
    /// The operator (`eq`, `neq`, `in`, `not_in`, `gt`, `gte`, `lt`, `lte`).
    pub operator: String,
    /// A scalar, or an array for `in` / `not_in`.
    pub value: Value,
    /// Also match rows where the dimension is unset (`in` / `not_in` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_unset: Option<bool>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AnalyticsFilter {
    /// `field operator value`, e.g. `("model", "eq", "openai/gpt-4o")`.
    pub fn new(
        field: impl Into<String>,
        operator: impl Into<String>,
        value: impl Into<Value>,
    ) -> Self {
        Self {
            field: field.into(),
            operator: operator.into(),
            value: value.into(),
            include_unset: None,
            extra: Map::new(),
        }
    }
}

/// The time window of a query (ISO 8601 date-times).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsTimeRange {
    /// Start.
    pub start: String,
    /// End.
    pub end: String,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How rows are sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsOrder {
    /// A requested metric, a requested dimension, `request_count` or `date`.
    pub field: String,
    /// Direction.
    pub direction: OrderDirection,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /analytics/query` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsQuery {
    /// Metrics to compute (at least one; see [`AnalyticsMeta`](super::AnalyticsMeta)).
    pub metrics: Vec<String>,
    /// Dimensions to group by (up to 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<Vec<String>>,
    /// Filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<AnalyticsFilter>>,
    /// Time window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_range: Option<AnalyticsTimeRange>,
    /// Time bucket (`minute`, `hour`, `day`, `week`, `month`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<String>,
    /// Rows per combination of dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_limit: Option<u32>,
    /// Rows in all (the API's default is 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<AnalyticsOrder>,
    /// Grouping by classifier tags, kept as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classifier_dimensions: Option<Value>,
    /// Filtering by classifier tags, kept as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classifier_filters: Option<Value>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AnalyticsQuery {
    /// A query for these metrics.
    pub fn new<I, S>(metrics: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            metrics: metrics.into_iter().map(Into::into).collect(),
            dimensions: None,
            filters: None,
            time_range: None,
            granularity: None,
            group_limit: None,
            limit: None,
            order_by: None,
            classifier_dimensions: None,
            classifier_filters: None,
            extra: Map::new(),
        }
    }

    /// Groups by these dimensions.
    pub fn dimensions<I: IntoIterator<Item = S>, S: Into<String>>(mut self, dims: I) -> Self {
        self.dimensions = Some(dims.into_iter().map(Into::into).collect());
        self
    }

    /// Adds a filter.
    pub fn filter(mut self, filter: AnalyticsFilter) -> Self {
        self.filters.get_or_insert_with(Vec::new).push(filter);
        self
    }

    /// Limits the query to `start..end` (ISO 8601).
    pub fn time_range(mut self, start: impl Into<String>, end: impl Into<String>) -> Self {
        self.time_range = Some(AnalyticsTimeRange {
            start: start.into(),
            end: end.into(),
            extra: Map::new(),
        });
        self
    }

    /// Buckets rows by time.
    pub fn granularity(mut self, granularity: impl Into<String>) -> Self {
        self.granularity = Some(granularity.into());
        self
    }

    /// Caps rows per combination of dimensions.
    pub fn group_limit(mut self, limit: u32) -> Self {
        self.group_limit = Some(limit);
        self
    }

    /// Caps rows in all.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sorts by `field`.
    pub fn order_by(
        mut self,
        field: impl Into<String>,
        direction: impl Into<OrderDirection>,
    ) -> Self {
        self.order_by = Some(AnalyticsOrder {
            field: field.into(),
            direction: direction.into(),
            extra: Map::new(),
        });
        self
    }
}

optional_fields! {
    /// How the query ran.
    AnalyticsQueryMetadata {
        /// Time taken in milliseconds.
        query_time_ms: f64,
        /// Rows returned.
        row_count: u64,
        /// Whether rows were cut by the limits.
        truncated: bool,
    }
}

/// The rows of a query: each maps dimension and metric names (and time buckets such as
/// `date__day`) to values.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsResult {
    /// The rows.
    #[serde(default)]
    pub data: Vec<Map<String, Value>>,
    /// How the query ran.
    #[serde(default)]
    pub metadata: AnalyticsQueryMetadata,
    /// When a cached result was computed (Unix milliseconds).
    #[serde(rename = "cachedAt", default, skip_serializing_if = "Option::is_none")]
    pub cached_at: Option<f64>,
    /// Problems resolving filters; the query still ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<String>>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /analytics/query` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsQueryResponse {
    /// The result.
    pub data: AnalyticsResult,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
