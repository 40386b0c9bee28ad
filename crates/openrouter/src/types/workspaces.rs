//! Workspaces, their budgets and their members: `/workspaces`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

/// A workspace: a group of keys, settings and budgets inside an organization.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Workspace {
    /// Workspace id (a UUID).
    #[serde(default)]
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// URL-friendly slug; usable in place of the id in paths.
    #[serde(default)]
    pub slug: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Id of the workspace's default guardrail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_guardrail_id: Option<String>,
    /// Default text model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_text_model: Option<String>,
    /// Default image model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_image_model: Option<String>,
    /// Default provider sort (`price`, `throughput`, `latency`, `exacto`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_provider_sort: Option<String>,
    /// Whether private I/O logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_io_logging_enabled: Option<bool>,
    /// Whether broadcast to observability destinations is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_broadcast_enabled: Option<bool>,
    /// Whether data-discount logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_data_discount_logging_enabled: Option<bool>,
    /// Share of requests logged (0.0001 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_sampling_rate: Option<f64>,
    /// API key ids whose requests are logged; `None` means all keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_api_key_ids: Option<Vec<i64>>,
    /// Whether BYOK spend counts toward the workspace's budgets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO 8601), if ever updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// User who created the workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of workspaces (`GET /workspaces`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceList {
    /// The workspaces on this page.
    #[serde(default)]
    pub data: Vec<Workspace>,
    /// How many workspaces there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

macro_rules! workspace_settings {
    ($name:ident) => {
        impl $name {
            /// Sets the description (at most 500 characters).
            pub fn description(mut self, description: impl Into<String>) -> Self {
                self.description = Some(description.into());
                self
            }

            /// Sets the default text model.
            pub fn default_text_model(mut self, model: impl Into<String>) -> Self {
                self.default_text_model = Some(model.into());
                self
            }

            /// Sets the default image model.
            pub fn default_image_model(mut self, model: impl Into<String>) -> Self {
                self.default_image_model = Some(model.into());
                self
            }

            /// Sets the default provider sort (`price`, `throughput`, `latency`, `exacto`).
            pub fn default_provider_sort(mut self, sort: impl Into<String>) -> Self {
                self.default_provider_sort = Some(sort.into());
                self
            }

            /// Turns private I/O logging on or off.
            pub fn observability_io_logging(mut self, enabled: bool) -> Self {
                self.is_observability_io_logging_enabled = Some(enabled);
                self
            }

            /// Turns broadcast to observability destinations on or off.
            pub fn observability_broadcast(mut self, enabled: bool) -> Self {
                self.is_observability_broadcast_enabled = Some(enabled);
                self
            }

            /// Turns data-discount logging on or off.
            pub fn data_discount_logging(mut self, enabled: bool) -> Self {
                self.is_data_discount_logging_enabled = Some(enabled);
                self
            }

            /// Sets the share of requests logged (0.0001 to 1).
            pub fn io_logging_sampling_rate(mut self, rate: f64) -> Self {
                self.io_logging_sampling_rate = Some(rate);
                self
            }

            /// Logs only the requests of these API key ids.
            pub fn io_logging_api_key_ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
                self.io_logging_api_key_ids = Some(ids.into_iter().collect());
                self
            }
        }
    };
}

/// `POST /workspaces` body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateWorkspaceRequest {
    /// Display name (1 to 100 characters).
    pub name: String,
    /// Slug: lowercase letters and digits in segments joined by single hyphens (1 to 50).
    pub slug: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Default text model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_text_model: Option<String>,
    /// Default image model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_image_model: Option<String>,
    /// Default provider sort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_provider_sort: Option<String>,
    /// Whether private I/O logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_io_logging_enabled: Option<bool>,
    /// Whether broadcast is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_broadcast_enabled: Option<bool>,
    /// Whether data-discount logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_data_discount_logging_enabled: Option<bool>,
    /// Share of requests logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_sampling_rate: Option<f64>,
    /// API key ids whose requests are logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_api_key_ids: Option<Vec<i64>>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateWorkspaceRequest {
    /// A workspace with a name and a slug.
    pub fn new(name: impl Into<String>, slug: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            slug: slug.into(),
            ..Self::default()
        }
    }
}

workspace_settings!(CreateWorkspaceRequest);

/// `PATCH /workspaces/{id}` body: only the fields set are changed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateWorkspaceRequest {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New default text model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_text_model: Option<String>,
    /// New default image model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_image_model: Option<String>,
    /// New default provider sort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_provider_sort: Option<String>,
    /// Whether private I/O logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_io_logging_enabled: Option<bool>,
    /// Whether broadcast is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_broadcast_enabled: Option<bool>,
    /// Whether data-discount logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_data_discount_logging_enabled: Option<bool>,
    /// Share of requests logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_sampling_rate: Option<f64>,
    /// API key ids whose requests are logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_api_key_ids: Option<Vec<i64>>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UpdateWorkspaceRequest {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the workspace.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the slug.
    pub fn slug(mut self, slug: impl Into<String>) -> Self {
        self.slug = Some(slug.into());
        self
    }
}

workspace_settings!(UpdateWorkspaceRequest);

/// `{"deleted": true}`, the answer to the delete operations of this area.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceDeleted {
    /// Whether the item was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

open_enum! {
    /// How often a workspace budget resets.
    pub enum BudgetInterval {
        /// Every UTC day.
        Daily => "daily",
        /// Every week.
        Weekly => "weekly",
        /// Every month.
        Monthly => "monthly",
        /// Never: a one-time budget.
        Lifetime => "lifetime",
    }
}

/// A spending limit of a workspace for one interval.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceBudget {
    /// Budget id (a UUID).
    #[serde(default)]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: String,
    /// Limit in USD.
    #[serde(default)]
    pub limit_usd: f64,
    /// When spend resets; `None` for the lifetime budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_interval: Option<BudgetInterval>,
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

impl WorkspaceBudget {
    /// The interval this budget covers (`Lifetime` when it never resets).
    pub fn interval(&self) -> BudgetInterval {
        self.reset_interval
            .clone()
            .unwrap_or(BudgetInterval::Lifetime)
    }
}

/// Every budget of a workspace (`GET /workspaces/{id}/budgets`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceBudgetList {
    /// The budgets.
    #[serde(default)]
    pub data: Vec<WorkspaceBudget>,
    /// Whether BYOK spend counts toward every budget of the workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One budget and the workspace-wide BYOK setting (get and set budget answers).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceBudgetResponse {
    /// The budget.
    pub data: WorkspaceBudget,
    /// Whether BYOK spend counts toward every budget of the workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `PUT /workspaces/{id}/budgets/{interval}` body. Limits must strictly decrease as the
/// interval narrows (lifetime > monthly > weekly > daily).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SetWorkspaceBudgetRequest {
    /// Limit in USD, above 0.
    pub limit_usd: f64,
    /// Whether BYOK spend counts (workspace-wide, for every interval); unset leaves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SetWorkspaceBudgetRequest {
    /// A budget of `limit_usd` dollars.
    pub fn new(limit_usd: f64) -> Self {
        Self {
            limit_usd,
            ..Self::default()
        }
    }

    /// Counts BYOK spend toward the workspace's budgets, or not.
    pub fn include_byok_in_budgets(mut self, include: bool) -> Self {
        self.include_byok_in_budgets = Some(include);
        self
    }
}

open_enum! {
    /// A member's role in a workspace.
    pub enum WorkspaceRole {
        /// Can manage the workspace.
        Admin => "admin",
        /// Can use the workspace.
        Member => "member",
    }
}

/// A user's membership of a workspace.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMember {
    /// Membership id (a UUID).
    #[serde(default)]
    pub id: String,
    /// The workspace.
    #[serde(default)]
    pub workspace_id: String,
    /// The user.
    #[serde(default)]
    pub user_id: String,
    /// The user's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<WorkspaceRole>,
    /// When the membership was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of members (`GET /workspaces/{id}/members`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMemberList {
    /// The members on this page.
    #[serde(default)]
    pub data: Vec<WorkspaceMember>,
    /// How many members the workspace has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /workspaces/{id}/members/add` and `.../remove` body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMembersRequest {
    /// User ids (1 to 100).
    pub user_ids: Vec<String>,
    /// Fields this SDK does not know, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WorkspaceMembersRequest {
    /// These users.
    pub fn new<I, S>(user_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            user_ids: user_ids.into_iter().map(Into::into).collect(),
            extra: Map::new(),
        }
    }
}

/// Answer to adding members.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMembersAdded {
    /// Memberships created or updated.
    #[serde(default)]
    pub added_count: u64,
    /// The memberships.
    #[serde(default)]
    pub data: Vec<WorkspaceMember>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Answer to removing members.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMembersRemoved {
    /// Members removed.
    #[serde(default)]
    pub removed_count: u64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
