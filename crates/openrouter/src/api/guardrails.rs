//! Guardrails and their assignments to API keys and organization members (`/guardrails`).
//! Every operation needs a management key.

use http::Method;
use serde::de::DeserializeOwned;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::pagination::{PageParams, Paginated};
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::guardrails::{
    AssignedCount, CreateGuardrailRequest, Guardrail, GuardrailDeleted, GuardrailList,
    GuardrailListParams, GuardrailResponse, KeyAssignment, KeyAssignmentList, KeyHashes,
    MemberAssignment, MemberAssignmentList, MemberUserIds, UnassignedCount, UpdateGuardrailRequest,
};
use crate::{Client, RequestOptions};

const fn op(
    id: &'static str,
    method: &'static str,
    path: &'static str,
    sdk: &'static str,
) -> Operation {
    Operation::new(id, method, path, sdk, KeyKind::Management)
}

pub(crate) const OPERATIONS: &[Operation] = &[
    op(
        "listGuardrails",
        "GET",
        "/guardrails",
        "Client::guardrails().list",
    ),
    op(
        "createGuardrail",
        "POST",
        "/guardrails",
        "Client::guardrails().create",
    ),
    op(
        "getGuardrail",
        "GET",
        "/guardrails/{id}",
        "Client::guardrails().get",
    ),
    op(
        "updateGuardrail",
        "PATCH",
        "/guardrails/{id}",
        "Client::guardrails().update",
    ),
    op(
        "deleteGuardrail",
        "DELETE",
        "/guardrails/{id}",
        "Client::guardrails().delete",
    ),
    op(
        "listGuardrailKeyAssignments",
        "GET",
        "/guardrails/{id}/assignments/keys",
        "Client::guardrails().list_guardrail_key_assignments",
    ),
    op(
        "bulkAssignKeysToGuardrail",
        "POST",
        "/guardrails/{id}/assignments/keys",
        "Client::guardrails().assign_keys",
    ),
    op(
        "bulkUnassignKeysFromGuardrail",
        "POST",
        "/guardrails/{id}/assignments/keys/remove",
        "Client::guardrails().unassign_keys",
    ),
    op(
        "listGuardrailMemberAssignments",
        "GET",
        "/guardrails/{id}/assignments/members",
        "Client::guardrails().list_guardrail_member_assignments",
    ),
    op(
        "bulkAssignMembersToGuardrail",
        "POST",
        "/guardrails/{id}/assignments/members",
        "Client::guardrails().assign_members",
    ),
    op(
        "bulkUnassignMembersFromGuardrail",
        "POST",
        "/guardrails/{id}/assignments/members/remove",
        "Client::guardrails().unassign_members",
    ),
    op(
        "listKeyAssignments",
        "GET",
        "/guardrails/assignments/keys",
        "Client::guardrails().list_key_assignments",
    ),
    op(
        "listMemberAssignments",
        "GET",
        "/guardrails/assignments/members",
        "Client::guardrails().list_member_assignments",
    ),
];

api_handle! {
    /// Guardrails: [`Client::guardrails`](crate::Client::guardrails).
    Guardrails
}

fn path(id: &str, rest: &str) -> String {
    format!("/guardrails/{}{rest}", segment(id))
}

fn paged(path: String, page: PageParams) -> Call {
    Call::get(path, Auth::Management)
        .query("offset", page.offset)
        .query("limit", page.limit)
}

fn list_call(params: &GuardrailListParams) -> Call {
    Call::get("/guardrails", Auth::Management)
        .query("offset", params.offset)
        .query("limit", params.limit)
        .query("workspace_id", params.workspace_id.as_deref())
}

/// A lazy stream over an offset/limit list whose page type `L` holds items `T`, with pages of
/// at most 100 items (the maximum of every guardrail list).
fn stream<L, T>(
    client: &Client,
    options: &RequestOptions,
    call: impl Fn(PageParams) -> Call + Send + 'static,
    items: fn(L) -> Vec<T>,
) -> Paginated<T>
where
    L: DeserializeOwned + Send + 'static,
    T: Send + 'static,
{
    let client = client.clone();
    let options = options.clone();
    Paginated::offset(0, move |page| {
        let client = client.clone();
        let options = options.clone();
        let call = call(page);
        async move {
            let list: Response<L> = transport::send_json(&client, &call, &options).await?;
            Ok(items(list.into_data()))
        }
    })
    .max_page_size(100)
}

impl Guardrails<'_> {
    /// One page of guardrails.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/list-guardrails>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key, before sending;
    /// [`Error::Api`](crate::Error::Api) with 403 when the key is not a management key.
    pub async fn list(&self, params: &GuardrailListParams) -> Result<GuardrailList> {
        Ok(self.list_with_response(params).await?.into_data())
    }

    /// Like [`Guardrails::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Guardrails::list`].
    pub async fn list_with_response(
        &self,
        params: &GuardrailListParams,
    ) -> Result<Response<GuardrailList>> {
        transport::send_json(self.client, &list_call(params), &self.options).await
    }

    /// Every guardrail matching `params`' filters (its workspace, the default one when
    /// unset), fetched page by page as the stream is read. `params`' offset and limit are
    /// ignored: the stream starts at the first item and asks for [`Paginated::page_size`]
    /// items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Guardrails::list`]) and then ends.
    pub fn list_all(&self, params: &GuardrailListParams) -> Paginated<Guardrail> {
        let params = params.clone();
        stream(
            self.client,
            &self.options,
            move |page| {
                let mut params = params.clone();
                params.offset = page.offset;
                params.limit = page.limit;
                list_call(&params)
            },
            |list: GuardrailList| list.data,
        )
    }

    /// Creates a guardrail. It enforces nothing until keys or members are assigned to it.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/create-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::list`]; 400 for an invalid body.
    pub async fn create(&self, request: &CreateGuardrailRequest) -> Result<Guardrail> {
        let call = Call::new(Method::POST, "/guardrails", Auth::Management)
            .json(request, &self.options)?;
        Ok(self.fetch::<GuardrailResponse>(call).await?.data)
    }

    /// One guardrail by id.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/get-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::list`]; 404 for an unknown id.
    pub async fn get(&self, id: &str) -> Result<Guardrail> {
        let call = Call::get(path(id, ""), Auth::Management);
        Ok(self.fetch::<GuardrailResponse>(call).await?.data)
    }

    /// Changes the fields `request` sets.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/update-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::get`]; 400 for an invalid body.
    pub async fn update(&self, id: &str, request: &UpdateGuardrailRequest) -> Result<Guardrail> {
        let call = Call::new(Method::PATCH, path(id, ""), Auth::Management)
            .json(request, &self.options)?;
        Ok(self.fetch::<GuardrailResponse>(call).await?.data)
    }

    /// Deletes a guardrail and its assignments.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/delete-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::get`].
    pub async fn delete(&self, id: &str) -> Result<GuardrailDeleted> {
        let call = Call::delete(path(id, ""), Auth::Management);
        self.fetch(call).await
    }

    /// One page of the keys assigned to guardrail `id`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/list-guardrail-key-assignments>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::get`].
    pub async fn list_guardrail_key_assignments(
        &self,
        id: &str,
        page: PageParams,
    ) -> Result<KeyAssignmentList> {
        let call = paged(path(id, "/assignments/keys"), page);
        self.fetch(call).await
    }

    /// Every key assigned to guardrail `id`, fetched page by page as the stream is read.
    /// Asks for [`Paginated::page_size`] items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_guardrail_key_assignments_all(&self, id: &str) -> Paginated<KeyAssignment> {
        let base = path(id, "/assignments/keys");
        stream(
            self.client,
            &self.options,
            move |page| paged(base.clone(), page),
            |list: KeyAssignmentList| list.data,
        )
    }

    /// Assigns keys to guardrail `id`. A key holds at most one guardrail: assigning
    /// replaces the key's previous assignment.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/bulk-assign-keys-to-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::get`]; 400 for an empty list or an unknown key.
    pub async fn assign_keys<I, S>(&self, id: &str, key_hashes: I) -> Result<AssignedCount>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let body = KeyHashes::new(key_hashes);
        let call = Call::new(
            Method::POST,
            path(id, "/assignments/keys"),
            Auth::Management,
        )
        .json(&body, &self.options)?;
        self.fetch(call).await
    }

    /// Removes keys from guardrail `id`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/bulk-unassign-keys-from-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::assign_keys`].
    pub async fn unassign_keys<I, S>(&self, id: &str, key_hashes: I) -> Result<UnassignedCount>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let body = KeyHashes::new(key_hashes);
        let call = Call::new(
            Method::POST,
            path(id, "/assignments/keys/remove"),
            Auth::Management,
        )
        .json(&body, &self.options)?;
        self.fetch(call).await
    }

    /// One page of the organization members assigned to guardrail `id`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/list-guardrail-member-assignments>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::get`].
    pub async fn list_guardrail_member_assignments(
        &self,
        id: &str,
        page: PageParams,
    ) -> Result<MemberAssignmentList> {
        let call = paged(path(id, "/assignments/members"), page);
        self.fetch(call).await
    }

    /// Every member assigned to guardrail `id`, fetched page by page as the stream is read.
    /// Asks for [`Paginated::page_size`] items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_guardrail_member_assignments_all(&self, id: &str) -> Paginated<MemberAssignment> {
        let base = path(id, "/assignments/members");
        stream(
            self.client,
            &self.options,
            move |page| paged(base.clone(), page),
            |list: MemberAssignmentList| list.data,
        )
    }

    /// Assigns organization members to guardrail `id`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/bulk-assign-members-to-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::get`]; 400 for an empty list or an unknown member.
    pub async fn assign_members<I, S>(&self, id: &str, user_ids: I) -> Result<AssignedCount>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let body = MemberUserIds::new(user_ids);
        let call = Call::new(
            Method::POST,
            path(id, "/assignments/members"),
            Auth::Management,
        )
        .json(&body, &self.options)?;
        self.fetch(call).await
    }

    /// Removes organization members from guardrail `id`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/bulk-unassign-members-from-guardrail>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::assign_members`].
    pub async fn unassign_members<I, S>(&self, id: &str, user_ids: I) -> Result<UnassignedCount>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let body = MemberUserIds::new(user_ids);
        let call = Call::new(
            Method::POST,
            path(id, "/assignments/members/remove"),
            Auth::Management,
        )
        .json(&body, &self.options)?;
        self.fetch(call).await
    }

    /// One page of every key assignment of every guardrail.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/list-key-assignments>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::list`].
    pub async fn list_key_assignments(&self, page: PageParams) -> Result<KeyAssignmentList> {
        let call = paged("/guardrails/assignments/keys".into(), page);
        self.fetch(call).await
    }

    /// Every key assignment, fetched page by page as the stream is read.
    /// Asks for [`Paginated::page_size`] items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_key_assignments_all(&self) -> Paginated<KeyAssignment> {
        stream(
            self.client,
            &self.options,
            |page| paged("/guardrails/assignments/keys".into(), page),
            |list: KeyAssignmentList| list.data,
        )
    }

    /// One page of every member assignment of every guardrail.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/guardrails/list-member-assignments>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Guardrails::list`].
    pub async fn list_member_assignments(&self, page: PageParams) -> Result<MemberAssignmentList> {
        let call = paged("/guardrails/assignments/members".into(), page);
        self.fetch(call).await
    }

    /// Every member assignment, fetched page by page as the stream is read.
    /// Asks for [`Paginated::page_size`] items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_member_assignments_all(&self) -> Paginated<MemberAssignment> {
        stream(
            self.client,
            &self.options,
            |page| paged("/guardrails/assignments/members".into(), page),
            |list: MemberAssignmentList| list.data,
        )
    }
}
