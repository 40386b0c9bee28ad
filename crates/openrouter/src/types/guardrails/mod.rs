//! Guardrails: spending limits, model and provider allow/deny lists, data policies and
//! content filters, applied to the API keys and organization members assigned to them.

mod assignments;
mod request;

pub use assignments::{
    AssignedCount, KeyAssignment, KeyAssignmentList, KeyHashes, MemberAssignment,
    MemberAssignmentList, MemberUserIds, UnassignedCount,
};
pub use request::{CreateGuardrailRequest, GuardrailListParams, UpdateGuardrailRequest};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

open_enum! {
    /// How often a guardrail's spending limit resets.
    pub enum GuardrailInterval {
        /// Every day.
        Daily => "daily",
        /// Every week.
        Weekly => "weekly",
        /// Every month.
        Monthly => "monthly",
    }
}

open_enum! {
    /// What a content filter does when it matches.
    pub enum ContentFilterAction {
        /// Replace the match with a placeholder.
        Redact => "redact",
        /// Refuse the request.
        Block => "block",
        /// Let it through and record it.
        Flag => "flag",
    }
}

open_enum! {
    /// A builtin content filter.
    pub enum ContentFilterBuiltinSlug {
        /// Email addresses.
        Email => "email",
        /// Phone numbers.
        Phone => "phone",
        /// US social security numbers.
        Ssn => "ssn",
        /// Credit card numbers.
        CreditCard => "credit-card",
        /// IP addresses.
        IpAddress => "ip-address",
        /// Person names.
        PersonName => "person-name",
        /// Postal addresses.
        Address => "address",
        /// The regex-based prompt injection detector.
        RegexPromptInjection => "regex-prompt-injection",
    }
}

open_enum! {
    /// Which messages the prompt injection filter scans.
    pub enum PromptInjectionScanScope {
        /// User messages only.
        UserOnly => "user_only",
        /// Every message (the default).
        AllMessages => "all_messages",
    }
}

/// A custom regex content filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentFilter {
    /// The regex matched against request content.
    pub pattern: String,
    /// What happens on a match.
    pub action: ContentFilterAction,
    /// Label used in redaction placeholders or error messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ContentFilter {
    /// A filter applying `action` to matches of `pattern`.
    pub fn new(pattern: impl Into<String>, action: impl Into<ContentFilterAction>) -> Self {
        Self {
            pattern: pattern.into(),
            action: action.into(),
            label: None,
            extra: Map::new(),
        }
    }

    /// Sets the label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

/// A builtin content filter (PII detectors, prompt injection).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentFilterBuiltin {
    /// Which filter.
    pub slug: ContentFilterBuiltinSlug,
    /// What happens on a match.
    pub action: ContentFilterAction,
    /// Redaction placeholder assigned by the API (e.g. `[EMAIL]`); read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Which messages the prompt injection filter scans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_scope: Option<PromptInjectionScanScope>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ContentFilterBuiltin {
    /// The builtin filter `slug` applying `action`.
    pub fn new(
        slug: impl Into<ContentFilterBuiltinSlug>,
        action: impl Into<ContentFilterAction>,
    ) -> Self {
        Self {
            slug: slug.into(),
            action: action.into(),
            label: None,
            scan_scope: None,
            extra: Map::new(),
        }
    }

    /// Sets which messages are scanned (prompt injection only).
    pub fn scan_scope(mut self, scope: impl Into<PromptInjectionScanScope>) -> Self {
        self.scan_scope = Some(scope.into());
        self
    }
}

/// A guardrail.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Guardrail {
    /// Identifier.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Spending limit in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_usd: Option<f64>,
    /// How often the limit resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_interval: Option<GuardrailInterval>,
    /// Whether BYOK spend counts toward `limit_usd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Models allowed (canonical slugs); `None` allows all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_models: Option<Vec<String>>,
    /// Providers allowed; `None` allows all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_providers: Option<Vec<String>>,
    /// Models excluded from routing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignored_models: Option<Vec<String>>,
    /// Providers excluded from routing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignored_providers: Option<Vec<String>>,
    /// Custom regex filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_filters: Option<Vec<ContentFilter>>,
    /// Builtin filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_filter_builtins: Option<Vec<ContentFilterBuiltin>>,
    /// Deprecated catch-all zero data retention switch; use the per-vendor fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_zdr: Option<bool>,
    /// Zero data retention for Anthropic models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_zdr_anthropic: Option<bool>,
    /// Zero data retention for Google models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_zdr_google: Option<bool>,
    /// Zero data retention for OpenAI models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_zdr_openai: Option<bool>,
    /// Zero data retention for xAI models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_zdr_xai: Option<bool>,
    /// Zero data retention for all other models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_zdr_other: Option<bool>,
    /// Whether free endpoints that publish prompts are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_free_model_publication: Option<bool>,
    /// Whether free endpoints that train on request data are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_free_model_training: Option<bool>,
    /// Whether paid endpoints that train on request data are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_paid_model_training: Option<bool>,
    /// Workspace of the guardrail (`None` for legacy unscoped guardrails).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it was last changed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /guardrails` response: one page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuardrailList {
    /// The guardrails of this page.
    #[serde(default)]
    pub data: Vec<Guardrail>,
    /// How many guardrails there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Response of create, get and update: `{"data": guardrail}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuardrailResponse {
    /// The guardrail.
    pub data: Guardrail,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `DELETE /guardrails/{id}` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuardrailDeleted {
    /// Whether the guardrail was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
