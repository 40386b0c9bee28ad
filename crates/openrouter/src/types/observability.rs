//! Observability destinations that traces are broadcast to: `/observability/destinations`.
//!
//! Each destination type has its own `config` fields (Langfuse keys, a webhook URL, an S3
//! bucket...), validated by the server; the config is kept as a JSON map so every type, the
//! ones added later included, works the same way. Secret values come back masked.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::byok::{clearable, Clearable};
use crate::types::open_enum::open_enum;

open_enum! {
    /// Where a destination sends traces.
    pub enum DestinationType {
        /// Arize AX.
        Arize => "arize",
        /// Braintrust.
        Braintrust => "braintrust",
        /// ClickHouse.
        Clickhouse => "clickhouse",
        /// Datadog LLM Observability.
        Datadog => "datadog",
        /// Grafana Cloud.
        Grafana => "grafana",
        /// Langfuse.
        Langfuse => "langfuse",
        /// LangSmith.
        Langsmith => "langsmith",
        /// New Relic.
        Newrelic => "newrelic",
        /// Opik.
        Opik => "opik",
        /// Any OpenTelemetry collector.
        OtelCollector => "otel-collector",
        /// PostHog.
        Posthog => "posthog",
        /// Ramp.
        Ramp => "ramp",
        /// Amazon S3 or a compatible store.
        S3 => "s3",
        /// Sentry.
        Sentry => "sentry",
        /// Snowflake.
        Snowflake => "snowflake",
        /// Weights & Biases Weave.
        Weave => "weave",
        /// A plain HTTP webhook.
        Webhook => "webhook",
    }
}

open_enum! {
    /// How the rules of a group combine.
    pub enum FilterLogic {
        /// Every rule must match.
        And => "and",
        /// Any rule may match.
        Or => "or",
    }
}

/// Which events a destination receives.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilterRules {
    /// Whether the rules apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Rule groups.
    #[serde(default)]
    pub groups: Vec<FilterRuleGroup>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Rules combined with one logic.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilterRuleGroup {
    /// `and` (default) or `or`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<FilterLogic>,
    /// The rules.
    #[serde(default)]
    pub rules: Vec<FilterRule>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One condition on an event field.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilterRule {
    /// Field, such as `model`, `provider`, `user_id` or `total_cost`.
    #[serde(default)]
    pub field: String,
    /// Operator, such as `equals`, `contains`, `regex`, `gt` or `exists`.
    #[serde(default)]
    pub operator: String,
    /// Value compared against (a string or a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A destination traces are sent to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservabilityDestination {
    /// Destination id (a UUID).
    #[serde(default)]
    pub id: String,
    /// Workspace it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// The destination type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DestinationType>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether it is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// When true, bodies are not forwarded, only metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_mode: Option<bool>,
    /// Whether cost and billing metadata is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_cost: Option<bool>,
    /// Whether identity metadata is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_identity: Option<bool>,
    /// Whether request-context metadata is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_request_context: Option<bool>,
    /// Share of events sent (0.0001 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_rate: Option<f64>,
    /// API key hashes whose traffic is sent; `None` means all keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_hashes: Option<Vec<String>>,
    /// Event filter; `None` means every event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_rules: Option<FilterRules>,
    /// Type-specific configuration, secrets masked.
    #[serde(default)]
    pub config: Map<String, Value>,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of destinations.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservabilityDestinationList {
    /// The destinations on this page.
    #[serde(default)]
    pub data: Vec<ObservabilityDestination>,
    /// How many match in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Page and workspace of `GET /observability/destinations`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DestinationListQuery {
    /// Items to skip.
    pub offset: Option<u64>,
    /// Items per page (1 to 100).
    pub limit: Option<u32>,
    /// Only this workspace's destinations (default: the default workspace).
    pub workspace_id: Option<String>,
}

impl DestinationListQuery {
    /// The default workspace's destinations, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips `offset` items.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// At most `limit` items.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Only this workspace's destinations.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.workspace_id = Some(id.into());
        self
    }
}

/// `POST /observability/destinations` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateDestinationRequest {
    /// Destination type.
    #[serde(rename = "type")]
    pub kind: DestinationType,
    /// Name, unique in the workspace.
    pub name: String,
    /// Type-specific configuration (e.g. Langfuse `publicKey`, `secretKey`, `baseUrl`).
    pub config: Map<String, Value>,
    /// Workspace (default: the default workspace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Enabled on creation (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Forward only metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_mode: Option<bool>,
    /// Include cost metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_cost: Option<bool>,
    /// Include identity metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_identity: Option<bool>,
    /// Include request-context metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_request_context: Option<bool>,
    /// Share of events sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_rate: Option<f64>,
    /// Only these API key hashes' traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_hashes: Option<Vec<String>>,
    /// Event filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_rules: Option<FilterRules>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateDestinationRequest {
    /// A destination of `kind` named `name` with its type-specific `config`.
    pub fn new(
        kind: impl Into<DestinationType>,
        name: impl Into<String>,
        config: Map<String, Value>,
    ) -> Self {
        Self {
            kind: kind.into(),
            name: name.into(),
            config,
            workspace_id: None,
            enabled: None,
            privacy_mode: None,
            broadcast_generation_cost: None,
            broadcast_generation_identity: None,
            broadcast_generation_request_context: None,
            sampling_rate: None,
            api_key_hashes: None,
            filter_rules: None,
            extra: Map::new(),
        }
    }

    /// Puts it in a workspace.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.workspace_id = Some(id.into());
        self
    }

    /// Creates it enabled or disabled.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Forwards only metadata, or not.
    pub fn privacy_mode(mut self, on: bool) -> Self {
        self.privacy_mode = Some(on);
        self
    }

    /// Sends this share of events (0.0001 to 1).
    pub fn sampling_rate(mut self, rate: f64) -> Self {
        self.sampling_rate = Some(rate);
        self
    }

    /// Sends only these API key hashes' traffic.
    pub fn api_key_hashes<I: IntoIterator<Item = S>, S: Into<String>>(mut self, hashes: I) -> Self {
        self.api_key_hashes = Some(hashes.into_iter().map(Into::into).collect());
        self
    }

    /// Filters the events sent.
    pub fn filter_rules(mut self, rules: FilterRules) -> Self {
        self.filter_rules = Some(rules);
        self
    }
}

/// `PATCH /observability/destinations/{id}` body: only the fields set change; config
/// fields merge into the stored ones.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateDestinationRequest {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Config fields to change (masked values are ignored by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Map<String, Value>>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Forward only metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_mode: Option<bool>,
    /// Include cost metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_cost: Option<bool>,
    /// Include identity metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_identity: Option<bool>,
    /// Include request-context metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_request_context: Option<bool>,
    /// Share of events sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_rate: Option<f64>,
    /// API key hash filter (`Some(None)` clears it: all keys).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "clearable"
    )]
    pub api_key_hashes: Clearable<Vec<String>>,
    /// Event filter (`Some(None)` clears it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "clearable"
    )]
    pub filter_rules: Clearable<FilterRules>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UpdateDestinationRequest {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes config fields.
    pub fn config(mut self, config: Map<String, Value>) -> Self {
        self.config = Some(config);
        self
    }

    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Forwards only metadata, or not.
    pub fn privacy_mode(mut self, on: bool) -> Self {
        self.privacy_mode = Some(on);
        self
    }

    /// Sends this share of events.
    pub fn sampling_rate(mut self, rate: f64) -> Self {
        self.sampling_rate = Some(rate);
        self
    }

    /// Sends only these API key hashes' traffic.
    pub fn api_key_hashes<I: IntoIterator<Item = S>, S: Into<String>>(mut self, hashes: I) -> Self {
        self.api_key_hashes = Some(Some(hashes.into_iter().map(Into::into).collect()));
        self
    }

    /// Sends every key's traffic again (sends `null`).
    pub fn clear_api_key_hashes(mut self) -> Self {
        self.api_key_hashes = Some(None);
        self
    }

    /// Filters the events sent.
    pub fn filter_rules(mut self, rules: FilterRules) -> Self {
        self.filter_rules = Some(Some(rules));
        self
    }

    /// Removes the event filter (sends `null`).
    pub fn clear_filter_rules(mut self) -> Self {
        self.filter_rules = Some(None);
        self
    }
}

/// `{"deleted": true}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DestinationDeleted {
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
