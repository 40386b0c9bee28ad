//! `/workspaces`: workspaces, their budgets and their members.

use http::Method;
use serde::{Deserialize, Serialize};

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::pagination::{PageParams, Paginated};
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::workspaces::{
    BudgetInterval, CreateWorkspaceRequest, SetWorkspaceBudgetRequest, UpdateWorkspaceRequest,
    Workspace, WorkspaceBudgetList, WorkspaceBudgetResponse, WorkspaceDeleted, WorkspaceList,
    WorkspaceMember, WorkspaceMemberList, WorkspaceMembersAdded, WorkspaceMembersRemoved,
    WorkspaceMembersRequest,
};

const M: KeyKind = KeyKind::Management;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "listWorkspaces",
        "GET",
        "/workspaces",
        "Client::workspaces().list",
        M,
    ),
    Operation::new(
        "createWorkspace",
        "POST",
        "/workspaces",
        "Client::workspaces().create",
        M,
    ),
    Operation::new(
        "getWorkspace",
        "GET",
        "/workspaces/{id}",
        "Client::workspaces().get",
        M,
    ),
    Operation::new(
        "updateWorkspace",
        "PATCH",
        "/workspaces/{id}",
        "Client::workspaces().update",
        M,
    ),
    Operation::new(
        "deleteWorkspace",
        "DELETE",
        "/workspaces/{id}",
        "Client::workspaces().delete",
        M,
    ),
    Operation::new(
        "listWorkspaceBudgets",
        "GET",
        "/workspaces/{id}/budgets",
        "Client::workspaces().list_budgets",
        M,
    ),
    Operation::new(
        "getWorkspaceBudget",
        "GET",
        "/workspaces/{id}/budgets/{interval}",
        "Client::workspaces().get_budget",
        M,
    ),
    Operation::new(
        "upsertWorkspaceBudget",
        "PUT",
        "/workspaces/{id}/budgets/{interval}",
        "Client::workspaces().set_budget",
        M,
    ),
    Operation::new(
        "deleteWorkspaceBudget",
        "DELETE",
        "/workspaces/{id}/budgets/{interval}",
        "Client::workspaces().delete_budget",
        M,
    ),
    Operation::new(
        "listWorkspaceMembers",
        "GET",
        "/workspaces/{id}/members",
        "Client::workspaces().list_members",
        M,
    ),
    Operation::new(
        "bulkAddWorkspaceMembers",
        "POST",
        "/workspaces/{id}/members/add",
        "Client::workspaces().add_members",
        M,
    ),
    Operation::new(
        "bulkRemoveWorkspaceMembers",
        "POST",
        "/workspaces/{id}/members/remove",
        "Client::workspaces().remove_members",
        M,
    ),
];

/// The `{"data": ..}` envelope of single-item answers in the management areas.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Data<T> {
    pub(super) data: T,
}

api_handle! {
    /// Workspaces, budgets and members: [`Client::workspaces`](crate::Client::workspaces).
    /// Every operation needs a management key.
    Workspaces
}

fn path(id: &str) -> String {
    format!("/workspaces/{}", segment(id))
}

fn budget_path(id: &str, interval: &BudgetInterval) -> String {
    format!("{}/budgets/{}", path(id), segment(interval.as_str()))
}

impl Workspaces<'_> {
    /// One page of the organization's workspaces.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/list-workspaces>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key (nothing is sent);
    /// [`Error::Api`](crate::Error::Api) for what the server refuses (401, 403 with an
    /// ordinary API key); transport and decode errors as for any call.
    pub async fn list(&self, page: PageParams) -> Result<WorkspaceList> {
        Ok(self.list_with_response(page).await?.into_data())
    }

    /// Like [`Workspaces::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Workspaces::list`].
    pub async fn list_with_response(&self, page: PageParams) -> Result<Response<WorkspaceList>> {
        let call = Call::get("/workspaces", Auth::Management)
            .query("offset", page.offset)
            .query("limit", page.limit);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Every workspace, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] workspaces per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Workspaces::list`]) and then ends.
    pub fn list_all(&self) -> Paginated<Workspace> {
        let (client, options) = (self.client.clone(), self.options.clone());
        Paginated::offset(0, move |page| {
            let (client, options) = (client.clone(), options.clone());
            async move {
                let handle = Workspaces::new(&client).with_options(options);
                Ok(handle.list(page).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// Creates a workspace; the slug must be unique (409 otherwise).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/create-workspace>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::list`], plus 400 for an invalid field and 409 for a taken slug.
    pub async fn create(&self, request: &CreateWorkspaceRequest) -> Result<Workspace> {
        let call = Call::post_json("/workspaces", Auth::Management, request, &self.options)?;
        Ok(self.fetch::<Data<Workspace>>(call).await?.data)
    }

    /// The workspace with this id or slug.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/get-workspace>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::list`], plus 404 for an unknown workspace.
    pub async fn get(&self, id: &str) -> Result<Workspace> {
        let call = Call::get(path(id), Auth::Management);
        Ok(self.fetch::<Data<Workspace>>(call).await?.data)
    }

    /// Changes the fields set in `request`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/update-workspace>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::create`], plus 404 for an unknown workspace.
    pub async fn update(&self, id: &str, request: &UpdateWorkspaceRequest) -> Result<Workspace> {
        let call =
            Call::new(Method::PATCH, path(id), Auth::Management).json(request, &self.options)?;
        Ok(self.fetch::<Data<Workspace>>(call).await?.data)
    }

    /// Deletes a workspace with its budgets and memberships. The default workspace cannot be
    /// deleted yet (403 "not yet generally available").
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/delete-workspace>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`], plus 403 for the default workspace.
    pub async fn delete(&self, id: &str) -> Result<WorkspaceDeleted> {
        self.fetch(Call::delete(path(id), Auth::Management)).await
    }

    /// Every budget of a workspace and whether BYOK spend counts toward them.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/list-workspace-budgets>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`].
    pub async fn list_budgets(&self, id: &str) -> Result<WorkspaceBudgetList> {
        let call = Call::get(format!("{}/budgets", path(id)), Auth::Management);
        self.fetch(call).await
    }

    /// The workspace's budget for one interval.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/get-workspace-budget>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`]; 404 also when no budget is set for the interval.
    pub async fn get_budget(
        &self,
        id: &str,
        interval: impl Into<BudgetInterval>,
    ) -> Result<WorkspaceBudgetResponse> {
        let call = Call::get(budget_path(id, &interval.into()), Auth::Management);
        self.fetch(call).await
    }

    /// Creates or replaces the budget for one interval. Limits must strictly decrease as the
    /// interval narrows (lifetime > monthly > weekly > daily); a conflicting limit is a 400
    /// naming both intervals.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/upsert-workspace-budget>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`], plus 400 for a limit that breaks the ordering or is not above 0.
    pub async fn set_budget(
        &self,
        id: &str,
        interval: impl Into<BudgetInterval>,
        request: &SetWorkspaceBudgetRequest,
    ) -> Result<WorkspaceBudgetResponse> {
        let call = Call::new(
            Method::PUT,
            budget_path(id, &interval.into()),
            Auth::Management,
        )
        .json(request, &self.options)?;
        self.fetch(call).await
    }

    /// Removes the budget for one interval (succeeds when none was set).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/delete-workspace-budget>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`].
    pub async fn delete_budget(
        &self,
        id: &str,
        interval: impl Into<BudgetInterval>,
    ) -> Result<WorkspaceDeleted> {
        let call = Call::delete(budget_path(id, &interval.into()), Auth::Management);
        self.fetch(call).await
    }

    /// One page of a workspace's members.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/list-workspace-members>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`].
    pub async fn list_members(&self, id: &str, page: PageParams) -> Result<WorkspaceMemberList> {
        let call = Call::get(format!("{}/members", path(id)), Auth::Management)
            .query("offset", page.offset)
            .query("limit", page.limit);
        self.fetch(call).await
    }

    /// Every member of a workspace, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] members per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Workspaces::list_members`]) and then
    /// ends.
    pub fn list_members_all(&self, id: &str) -> Paginated<WorkspaceMember> {
        let (client, options, id) = (self.client.clone(), self.options.clone(), id.to_owned());
        Paginated::offset(0, move |page| {
            let (client, options, id) = (client.clone(), options.clone(), id.clone());
            async move {
                let handle = Workspaces::new(&client).with_options(options);
                Ok(handle.list_members(&id, page).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// Adds users to a workspace (with the role they hold in the organization).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/bulk-add-workspace-members>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::get`], plus 400 for an empty or too long list.
    pub async fn add_members(
        &self,
        id: &str,
        request: &WorkspaceMembersRequest,
    ) -> Result<WorkspaceMembersAdded> {
        let call = Call::post_json(
            format!("{}/members/add", path(id)),
            Auth::Management,
            request,
            &self.options,
        )?;
        self.fetch(call).await
    }

    /// Removes users from a workspace.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/workspaces/bulk-remove-workspace-members>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Workspaces::add_members`].
    pub async fn remove_members(
        &self,
        id: &str,
        request: &WorkspaceMembersRequest,
    ) -> Result<WorkspaceMembersRemoved> {
        let call = Call::post_json(
            format!("{}/members/remove", path(id)),
            Auth::Management,
            request,
            &self.options,
        )?;
        self.fetch(call).await
    }
}
