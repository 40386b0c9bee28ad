//! Blocking twins of the account and administration areas: credits, keys, OAuth,
//! analytics, presets, guardrails, workspaces, BYOK, observability, organization and SCIM.

use serde::Serialize;

use crate::blocking::pagination::{PageParams, Paginated};
use crate::error::Result;
use crate::response::Response;
use crate::types::analytics::{
    ActivityItem, ActivityParams, AnalyticsMeta, AnalyticsQuery, AnalyticsResult,
};
use crate::types::byok::{
    ByokKey, ByokKeyDeleted, ByokKeyList, ByokListQuery, CreateByokKeyRequest, UpdateByokKeyRequest,
};
use crate::types::chat::ChatRequest;
use crate::types::credits::{CreditBalance, CreditsResponse};
use crate::types::guardrails::{
    AssignedCount, CreateGuardrailRequest, Guardrail, GuardrailDeleted, GuardrailList,
    GuardrailListParams, KeyAssignment, KeyAssignmentList, MemberAssignment, MemberAssignmentList,
    UnassignedCount, UpdateGuardrailRequest,
};
use crate::types::key::{KeyInfo, KeyInfoResponse};
use crate::types::keys::{
    ApiKey, CreateKeyRequest, CreatedKey, KeyDeleted, KeyList, KeyListParams, KeyResponse,
    UpdateKeyRequest,
};
use crate::types::oauth::{
    AuthCode, AuthCodeExchange, AuthCodeResponse, AuthKey, CreateAuthCodeRequest, PkceChallenge,
    PkceVerifier,
};
use crate::types::observability::{
    CreateDestinationRequest, DestinationDeleted, DestinationListQuery, ObservabilityDestination,
    ObservabilityDestinationList, UpdateDestinationRequest,
};
use crate::types::organization::{OrganizationMember, OrganizationMemberList};
use crate::types::presets::{Preset, PresetList, PresetVersion, PresetVersionList};
use crate::types::scim::{
    CreateScimGroupMappingRequest, ScimGroup, ScimGroupList, ScimGroupMapping,
    ScimGroupMappingDeleted, ScimGroupMappingList, UpdateScimGroupMappingRequest,
};
use crate::types::workspaces::{
    BudgetInterval, CreateWorkspaceRequest, SetWorkspaceBudgetRequest, UpdateWorkspaceRequest,
    Workspace, WorkspaceBudgetList, WorkspaceBudgetResponse, WorkspaceDeleted, WorkspaceList,
    WorkspaceMember, WorkspaceMemberList, WorkspaceMembersAdded, WorkspaceMembersRemoved,
    WorkspaceMembersRequest,
};

blocking_areas! {
    credits: Credits {
        async fn get() -> Result<CreditBalance>;
        async fn get_with_response() -> Result<Response<CreditsResponse>>;
        #[deprecated(note = "the API removed Coinbase charges (410 Gone); buy credits on openrouter.ai")]
        async fn create_coinbase_charge() -> Result<()>;
    }

    keys: Keys {
        async fn current() -> Result<KeyInfo>;
        async fn current_with_response() -> Result<Response<KeyInfoResponse>>;
        async fn list(params: &KeyListParams) -> Result<KeyList>;
        async fn list_with_response(params: &KeyListParams) -> Result<Response<KeyList>>;
        pages fn list_all(params: &KeyListParams) -> Paginated<ApiKey>;
        async fn create(request: &CreateKeyRequest) -> Result<CreatedKey>;
        async fn create_with_response(request: &CreateKeyRequest) -> Result<Response<CreatedKey>>;
        async fn get(hash: &str) -> Result<ApiKey>;
        async fn get_with_response(hash: &str) -> Result<Response<KeyResponse>>;
        async fn update(hash: &str, request: &UpdateKeyRequest) -> Result<ApiKey>;
        async fn update_with_response(hash: &str, request: &UpdateKeyRequest) -> Result<Response<KeyResponse>>;
        async fn delete(hash: &str) -> Result<KeyDeleted>;
    }

    oauth: OAuth {
        sync fn authorization_url(callback_url: &str, challenge: &PkceChallenge) -> Result<String>;
        async fn exchange_code(code: &str, verifier: &PkceVerifier) -> Result<AuthKey>;
        async fn exchange(request: &AuthCodeExchange) -> Result<AuthKey>;
        async fn exchange_with_response(request: &AuthCodeExchange) -> Result<Response<AuthKey>>;
        async fn create_code(request: &CreateAuthCodeRequest) -> Result<AuthCode>;
        async fn create_code_with_response(request: &CreateAuthCodeRequest) -> Result<Response<AuthCodeResponse>>;
    }

    analytics: Analytics {
        async fn activity(params: &ActivityParams) -> Result<Vec<ActivityItem>>;
        async fn meta() -> Result<AnalyticsMeta>;
        async fn query(query: &AnalyticsQuery) -> Result<AnalyticsResult>;
    }

    presets: Presets {
        async fn list(page: PageParams) -> Result<PresetList>;
        pages fn list_all() -> Paginated<Preset>;
        async fn get(slug: &str) -> Result<Preset>;
        async fn save_from_chat(slug: &str, request: &ChatRequest) -> Result<Preset>;
        async fn save_from_messages(slug: &str, request: &(impl Serialize + Sync + ?Sized)) -> Result<Preset>;
        async fn save_from_responses(slug: &str, request: &(impl Serialize + Sync + ?Sized)) -> Result<Preset>;
        async fn list_versions(slug: &str, page: PageParams) -> Result<PresetVersionList>;
        pages fn list_versions_all(slug: &str) -> Paginated<PresetVersion>;
        async fn get_version(slug: &str, version: u64) -> Result<PresetVersion>;
    }

    guardrails: Guardrails {
        async fn list(params: &GuardrailListParams) -> Result<GuardrailList>;
        async fn list_with_response(params: &GuardrailListParams) -> Result<Response<GuardrailList>>;
        pages fn list_all(params: &GuardrailListParams) -> Paginated<Guardrail>;
        async fn create(request: &CreateGuardrailRequest) -> Result<Guardrail>;
        async fn get(id: &str) -> Result<Guardrail>;
        async fn update(id: &str, request: &UpdateGuardrailRequest) -> Result<Guardrail>;
        async fn delete(id: &str) -> Result<GuardrailDeleted>;
        async fn list_guardrail_key_assignments(id: &str, page: PageParams) -> Result<KeyAssignmentList>;
        pages fn list_guardrail_key_assignments_all(id: &str) -> Paginated<KeyAssignment>;
        async fn assign_keys(id: &str, key_hashes: impl IntoIterator<Item = impl Into<String>> + Send) -> Result<AssignedCount>;
        async fn unassign_keys(id: &str, key_hashes: impl IntoIterator<Item = impl Into<String>> + Send) -> Result<UnassignedCount>;
        async fn list_guardrail_member_assignments(id: &str, page: PageParams) -> Result<MemberAssignmentList>;
        pages fn list_guardrail_member_assignments_all(id: &str) -> Paginated<MemberAssignment>;
        async fn assign_members(id: &str, user_ids: impl IntoIterator<Item = impl Into<String>> + Send) -> Result<AssignedCount>;
        async fn unassign_members(id: &str, user_ids: impl IntoIterator<Item = impl Into<String>> + Send) -> Result<UnassignedCount>;
        async fn list_key_assignments(page: PageParams) -> Result<KeyAssignmentList>;
        pages fn list_key_assignments_all() -> Paginated<KeyAssignment>;
        async fn list_member_assignments(page: PageParams) -> Result<MemberAssignmentList>;
        pages fn list_member_assignments_all() -> Paginated<MemberAssignment>;
    }

    workspaces: Workspaces {
        async fn list(page: PageParams) -> Result<WorkspaceList>;
        async fn list_with_response(page: PageParams) -> Result<Response<WorkspaceList>>;
        pages fn list_all() -> Paginated<Workspace>;
        async fn create(request: &CreateWorkspaceRequest) -> Result<Workspace>;
        async fn get(id: &str) -> Result<Workspace>;
        async fn update(id: &str, request: &UpdateWorkspaceRequest) -> Result<Workspace>;
        async fn delete(id: &str) -> Result<WorkspaceDeleted>;
        async fn list_budgets(id: &str) -> Result<WorkspaceBudgetList>;
        async fn get_budget(id: &str, interval: impl Into<BudgetInterval> + Send) -> Result<WorkspaceBudgetResponse>;
        async fn set_budget(id: &str, interval: impl Into<BudgetInterval> + Send, request: &SetWorkspaceBudgetRequest) -> Result<WorkspaceBudgetResponse>;
        async fn delete_budget(id: &str, interval: impl Into<BudgetInterval> + Send) -> Result<WorkspaceDeleted>;
        async fn list_members(id: &str, page: PageParams) -> Result<WorkspaceMemberList>;
        pages fn list_members_all(id: &str) -> Paginated<WorkspaceMember>;
        async fn add_members(id: &str, request: &WorkspaceMembersRequest) -> Result<WorkspaceMembersAdded>;
        async fn remove_members(id: &str, request: &WorkspaceMembersRequest) -> Result<WorkspaceMembersRemoved>;
    }

    byok: Byok {
        async fn list(query: &ByokListQuery) -> Result<ByokKeyList>;
        async fn list_with_response(query: &ByokListQuery) -> Result<Response<ByokKeyList>>;
        pages fn list_all(query: &ByokListQuery) -> Paginated<ByokKey>;
        async fn create(request: &CreateByokKeyRequest) -> Result<ByokKey>;
        async fn get(id: &str) -> Result<ByokKey>;
        async fn update(id: &str, request: &UpdateByokKeyRequest) -> Result<ByokKey>;
        async fn delete(id: &str) -> Result<ByokKeyDeleted>;
    }

    observability: Observability {
        async fn list(query: &DestinationListQuery) -> Result<ObservabilityDestinationList>;
        pages fn list_all(query: &DestinationListQuery) -> Paginated<ObservabilityDestination>;
        async fn create(request: &CreateDestinationRequest) -> Result<ObservabilityDestination>;
        async fn get(id: &str) -> Result<ObservabilityDestination>;
        async fn update(id: &str, request: &UpdateDestinationRequest) -> Result<ObservabilityDestination>;
        async fn delete(id: &str) -> Result<DestinationDeleted>;
    }

    organization: Organization {
        async fn list_members(page: PageParams) -> Result<OrganizationMemberList>;
        pages fn list_members_all() -> Paginated<OrganizationMember>;
    }

    scim: Scim {
        async fn list_groups(page: PageParams) -> Result<ScimGroupList>;
        pages fn list_groups_all() -> Paginated<ScimGroup>;
        async fn list_mappings(page: PageParams) -> Result<ScimGroupMappingList>;
        pages fn list_mappings_all() -> Paginated<ScimGroupMapping>;
        async fn create_mapping(request: &CreateScimGroupMappingRequest) -> Result<ScimGroupMapping>;
        async fn get_mapping(id: &str) -> Result<ScimGroupMapping>;
        async fn update_mapping(id: &str, request: &UpdateScimGroupMappingRequest) -> Result<ScimGroupMapping>;
        async fn delete_mapping(id: &str, keep_members: bool) -> Result<ScimGroupMappingDeleted>;
    }
}
