//! `/organization`: the organization owning the management key.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::pagination::{PageParams, Paginated};
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::organization::{OrganizationMember, OrganizationMemberList};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "listOrganizationMembers",
    "GET",
    "/organization/members",
    "Client::organization().list_members",
    KeyKind::Management,
)];

api_handle! {
    /// The organization: [`Client::organization`](crate::Client::organization).
    Organization
}

fn members_call(page: PageParams) -> Call {
    Call::get("/organization/members", Auth::Management)
        .query("offset", page.offset)
        .query("limit", page.limit)
}

impl Organization<'_> {
    /// One page of the organization's members (the API's default page is 50, at most 100).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/organization/list-organization-members>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key, before sending;
    /// [`Error::Api`](crate::Error::Api) with 403 for an ordinary key, 404 for an account
    /// that is not an organization.
    pub async fn list_members(&self, page: PageParams) -> Result<OrganizationMemberList> {
        let list: Response<OrganizationMemberList> =
            transport::send_json(self.client, &members_call(page), &self.options).await?;
        Ok(list.into_data())
    }

    /// Every member, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] members per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Organization::list_members`]) and
    /// then ends.
    pub fn list_members_all(&self) -> Paginated<OrganizationMember> {
        let client = self.client.clone();
        let options = self.options.clone();
        Paginated::offset(0, move |page| {
            let client = client.clone();
            let options = options.clone();
            async move {
                let list: Response<OrganizationMemberList> =
                    transport::send_json(&client, &members_call(page), &options).await?;
                Ok(list.into_data().data)
            }
        })
        .max_page_size(100)
    }
}
