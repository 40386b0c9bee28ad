//! Bodies of create and update, and the list query.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ContentFilter, ContentFilterBuiltin, GuardrailInterval};
use crate::pagination::PageParams;

/// The setters create and update share: every policy field of a guardrail.
macro_rules! policy_setters {
    ($name:ident) => {
        impl $name {
            /// Sets the description.
            pub fn description(mut self, text: impl Into<String>) -> Self {
                self.description = Some(text.into());
                self
            }

            /// Sets the spending limit in USD.
            pub fn limit_usd(mut self, usd: f64) -> Self {
                self.limit_usd = Some(usd);
                self
            }

            /// Sets how often the limit resets.
            pub fn reset_interval(mut self, interval: impl Into<GuardrailInterval>) -> Self {
                self.reset_interval = Some(interval.into());
                self
            }

            /// Counts BYOK spend toward the limit when `true`.
            pub fn include_byok_in_budgets(mut self, include: bool) -> Self {
                self.include_byok_in_budgets = Some(include);
                self
            }

            /// Allows only these models (slugs or canonical slugs).
            pub fn allowed_models<I: IntoIterator<Item = S>, S: Into<String>>(
                mut self,
                models: I,
            ) -> Self {
                self.allowed_models = Some(models.into_iter().map(Into::into).collect());
                self
            }

            /// Allows only these providers.
            pub fn allowed_providers<I: IntoIterator<Item = S>, S: Into<String>>(
                mut self,
                providers: I,
            ) -> Self {
                self.allowed_providers = Some(providers.into_iter().map(Into::into).collect());
                self
            }

            /// Excludes these models from routing.
            pub fn ignored_models<I: IntoIterator<Item = S>, S: Into<String>>(
                mut self,
                models: I,
            ) -> Self {
                self.ignored_models = Some(models.into_iter().map(Into::into).collect());
                self
            }

            /// Excludes these providers from routing.
            pub fn ignored_providers<I: IntoIterator<Item = S>, S: Into<String>>(
                mut self,
                providers: I,
            ) -> Self {
                self.ignored_providers = Some(providers.into_iter().map(Into::into).collect());
                self
            }

            /// Adds a custom regex filter.
            pub fn content_filter(mut self, filter: ContentFilter) -> Self {
                self.content_filters
                    .get_or_insert_with(Vec::new)
                    .push(filter);
                self
            }

            /// Adds a builtin filter.
            pub fn content_filter_builtin(mut self, filter: ContentFilterBuiltin) -> Self {
                self.content_filter_builtins
                    .get_or_insert_with(Vec::new)
                    .push(filter);
                self
            }

            /// Enforces zero data retention for every vendor (sets each per-vendor field).
            pub fn enforce_zdr_everywhere(mut self, enforce: bool) -> Self {
                self.enforce_zdr_anthropic = Some(enforce);
                self.enforce_zdr_google = Some(enforce);
                self.enforce_zdr_openai = Some(enforce);
                self.enforce_zdr_xai = Some(enforce);
                self.enforce_zdr_other = Some(enforce);
                self
            }

            /// Allows free endpoints that publish prompts when `true`.
            pub fn enable_free_model_publication(mut self, enable: bool) -> Self {
                self.enable_free_model_publication = Some(enable);
                self
            }

            /// Allows free endpoints that train on request data when `true`.
            pub fn enable_free_model_training(mut self, enable: bool) -> Self {
                self.enable_free_model_training = Some(enable);
                self
            }

            /// Allows paid endpoints that train on request data when `true`.
            pub fn enable_paid_model_training(mut self, enable: bool) -> Self {
                self.enable_paid_model_training = Some(enable);
                self
            }
        }
    };
}

/// Declares a request body with every policy field of a guardrail plus `$extra_fields`.
macro_rules! policy_body {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            /// Description.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub description: Option<String>,
            /// Spending limit in USD.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub limit_usd: Option<f64>,
            /// How often the limit resets.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub reset_interval: Option<GuardrailInterval>,
            /// Whether BYOK spend counts toward the limit.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub include_byok_in_budgets: Option<bool>,
            /// Models allowed.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub allowed_models: Option<Vec<String>>,
            /// Providers allowed.
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
            /// Deprecated catch-all zero data retention switch.
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
            /// Fields this SDK does not know, sent as given.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
        policy_setters!($name);
    };
}

policy_body! {
    /// `POST /guardrails` body. A new guardrail enforces nothing until keys or members are
    /// assigned to it.
    CreateGuardrailRequest {
        /// Name of the guardrail.
        #[serde(default)]
        name: String,
        /// Workspace to create it in (the default workspace when unset).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        workspace_id: Option<String>,
    }
}

impl CreateGuardrailRequest {
    /// A guardrail named `name` with no policy yet.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Creates it in this workspace.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }
}

policy_body! {
    /// `PATCH /guardrails/{id}` body: only the fields set are changed.
    UpdateGuardrailRequest {
        /// New name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    }
}

impl UpdateGuardrailRequest {
    /// A change that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the guardrail.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// Query of `GET /guardrails`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct GuardrailListParams {
    /// How many to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// How many to return at most (1 to 100; the API's default is 50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only guardrails of this workspace (the default workspace when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
}

impl GuardrailListParams {
    /// The API's first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips `offset` guardrails.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Returns at most `limit` guardrails.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Lists the guardrails of this workspace.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }
}

impl From<PageParams> for GuardrailListParams {
    fn from(page: PageParams) -> Self {
        Self {
            offset: page.offset,
            limit: page.limit,
            workspace_id: None,
        }
    }
}
