//! `/scim`: identity-provider groups and their mappings to workspaces.

use http::Method;

use super::operations::{KeyKind, Operation};
use super::workspaces::Data;
use crate::error::Result;
use crate::pagination::{PageParams, Paginated};
use crate::transport::{segment, Auth, Call};
use crate::types::scim::{
    CreateScimGroupMappingRequest, ScimGroup, ScimGroupList, ScimGroupMapping,
    ScimGroupMappingDeleted, ScimGroupMappingList, UpdateScimGroupMappingRequest,
};

const M: KeyKind = KeyKind::Management;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "listScimGroups",
        "GET",
        "/scim/groups",
        "Client::scim().list_groups",
        M,
    ),
    Operation::new(
        "listScimGroupMappings",
        "GET",
        "/scim/group-mappings",
        "Client::scim().list_mappings",
        M,
    ),
    Operation::new(
        "createScimGroupMapping",
        "POST",
        "/scim/group-mappings",
        "Client::scim().create_mapping",
        M,
    ),
    Operation::new(
        "getScimGroupMapping",
        "GET",
        "/scim/group-mappings/{id}",
        "Client::scim().get_mapping",
        M,
    ),
    Operation::new(
        "updateScimGroupMapping",
        "PATCH",
        "/scim/group-mappings/{id}",
        "Client::scim().update_mapping",
        M,
    ),
    Operation::new(
        "deleteScimGroupMapping",
        "DELETE",
        "/scim/group-mappings/{id}",
        "Client::scim().delete_mapping",
        M,
    ),
];

api_handle! {
    /// SCIM groups and group mappings: [`Client::scim`](crate::Client::scim). Every
    /// operation needs a management key.
    Scim
}

fn path(id: &str) -> String {
    format!("/scim/group-mappings/{}", segment(id))
}

impl Scim<'_> {
    /// One page of the groups the identity provider has pushed.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/scim/list-scim-groups>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key (nothing is sent);
    /// [`Error::Api`](crate::Error::Api) for what the server refuses (401, 403 with an
    /// ordinary API key, 404 when SCIM is not set up); transport and decode errors.
    pub async fn list_groups(&self, page: PageParams) -> Result<ScimGroupList> {
        let call = Call::get("/scim/groups", Auth::Management)
            .query("offset", page.offset)
            .query("limit", page.limit);
        self.fetch(call).await
    }

    /// Every group, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] groups per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Scim::list_groups`]) and then ends.
    pub fn list_groups_all(&self) -> Paginated<ScimGroup> {
        let (client, options) = (self.client.clone(), self.options.clone());
        Paginated::offset(0, move |page| {
            let (client, options) = (client.clone(), options.clone());
            async move {
                let handle = Scim::new(&client).with_options(options);
                Ok(handle.list_groups(page).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// One page of group mappings.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/scim/list-scim-group-mappings>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Scim::list_groups`].
    pub async fn list_mappings(&self, page: PageParams) -> Result<ScimGroupMappingList> {
        let call = Call::get("/scim/group-mappings", Auth::Management)
            .query("offset", page.offset)
            .query("limit", page.limit);
        self.fetch(call).await
    }

    /// Every group mapping, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] group mappings per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Scim::list_mappings`]) and then ends.
    pub fn list_mappings_all(&self) -> Paginated<ScimGroupMapping> {
        let (client, options) = (self.client.clone(), self.options.clone());
        Paginated::offset(0, move |page| {
            let (client, options) = (client.clone(), options.clone());
            async move {
                let handle = Scim::new(&client).with_options(options);
                Ok(handle.list_mappings(page).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// Gives a group's members a role in a workspace (one mapping per group and workspace).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/scim/create-scim-group-mapping>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Scim::list_groups`], plus 400 for an invalid role, 404 for an unknown group or
    /// workspace and 409 when the group is already mapped to the workspace.
    pub async fn create_mapping(
        &self,
        request: &CreateScimGroupMappingRequest,
    ) -> Result<ScimGroupMapping> {
        let call = Call::post_json(
            "/scim/group-mappings",
            Auth::Management,
            request,
            &self.options,
        )?;
        Ok(self.fetch::<Data<ScimGroupMapping>>(call).await?.data)
    }

    /// The mapping with this id.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/scim/get-scim-group-mapping>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Scim::list_groups`], plus 404 for an unknown id.
    pub async fn get_mapping(&self, id: &str) -> Result<ScimGroupMapping> {
        let call = Call::get(path(id), Auth::Management);
        Ok(self.fetch::<Data<ScimGroupMapping>>(call).await?.data)
    }

    /// Changes the role a mapping grants.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/scim/update-scim-group-mapping>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Scim::get_mapping`], plus 400 for an invalid role.
    pub async fn update_mapping(
        &self,
        id: &str,
        request: &UpdateScimGroupMappingRequest,
    ) -> Result<ScimGroupMapping> {
        let call =
            Call::new(Method::PATCH, path(id), Auth::Management).json(request, &self.options)?;
        Ok(self.fetch::<Data<ScimGroupMapping>>(call).await?.data)
    }

    /// Deletes a mapping. `keep_members` is required by the API, with no default: `false`
    /// removes the members this mapping granted access to, `true` keeps them as manually
    /// managed members.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/scim/delete-scim-group-mapping>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Scim::get_mapping`].
    pub async fn delete_mapping(
        &self,
        id: &str,
        keep_members: bool,
    ) -> Result<ScimGroupMappingDeleted> {
        let call =
            Call::delete(path(id), Auth::Management).query("keep_members", Some(keep_members));
        self.fetch(call).await
    }
}
