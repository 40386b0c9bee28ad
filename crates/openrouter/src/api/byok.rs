//! `/byok`: provider keys you bring yourself.

use http::Method;

use super::operations::{KeyKind, Operation};
use super::workspaces::Data;
use crate::error::Result;
use crate::pagination::Paginated;
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::byok::{
    ByokKey, ByokKeyDeleted, ByokKeyList, ByokListQuery, CreateByokKeyRequest, UpdateByokKeyRequest,
};

const M: KeyKind = KeyKind::Management;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new("listBYOKKeys", "GET", "/byok", "Client::byok().list", M),
    Operation::new("createBYOKKey", "POST", "/byok", "Client::byok().create", M),
    Operation::new("getBYOKKey", "GET", "/byok/{id}", "Client::byok().get", M),
    Operation::new(
        "updateBYOKKey",
        "PATCH",
        "/byok/{id}",
        "Client::byok().update",
        M,
    ),
    Operation::new(
        "deleteBYOKKey",
        "DELETE",
        "/byok/{id}",
        "Client::byok().delete",
        M,
    ),
];

api_handle! {
    /// Provider keys you bring yourself: [`Client::byok`](crate::Client::byok). Every
    /// operation needs a management key.
    Byok
}

fn path(id: &str) -> String {
    format!("/byok/{}", segment(id))
}

impl Byok<'_> {
    /// One page of credentials (the default workspace's unless the query names one).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/byok/list-byok-keys>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key (nothing is sent);
    /// [`Error::Api`](crate::Error::Api) for what the server refuses (400, 401, 403 with an
    /// ordinary API key); transport and decode errors as for any call.
    pub async fn list(&self, query: &ByokListQuery) -> Result<ByokKeyList> {
        Ok(self.list_with_response(query).await?.into_data())
    }

    /// Like [`Byok::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Byok::list`].
    pub async fn list_with_response(&self, query: &ByokListQuery) -> Result<Response<ByokKeyList>> {
        let call = Call::get("/byok", Auth::Management)
            .query("offset", query.offset)
            .query("limit", query.limit)
            .query("workspace_id", query.workspace_id.as_deref())
            .query("provider", query.provider.as_deref());
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Every credential matching `query`'s filters, fetched page by page as the stream is
    /// read. `query`'s offset and limit are ignored: the stream starts at the first item and
    /// asks for [`Paginated::page_size`] items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Byok::list`]) and then ends.
    pub fn list_all(&self, query: &ByokListQuery) -> Paginated<ByokKey> {
        let (client, options, query) = (self.client.clone(), self.options.clone(), query.clone());
        Paginated::offset(0, move |page| {
            let (client, options) = (client.clone(), options.clone());
            let mut query = query.clone();
            query.offset = page.offset;
            query.limit = page.limit;
            async move {
                let handle = Byok::new(&client).with_options(options);
                Ok(handle.list(&query).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// Stores a provider key. The answer carries only a masked `label`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/byok/create-byok-key>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Byok::list`], plus 400 for an unknown provider or invalid field.
    pub async fn create(&self, request: &CreateByokKeyRequest) -> Result<ByokKey> {
        let call = Call::post_json("/byok", Auth::Management, request, &self.options)?;
        Ok(self.fetch::<Data<ByokKey>>(call).await?.data)
    }

    /// The credential with this id.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/byok/get-byok-key>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Byok::list`], plus 404 for an unknown id.
    pub async fn get(&self, id: &str) -> Result<ByokKey> {
        let call = Call::get(path(id), Auth::Management);
        Ok(self.fetch::<Data<ByokKey>>(call).await?.data)
    }

    /// Changes the fields set in `request` (a new `key` rotates the credential).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/byok/update-byok-key>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Byok::get`], plus 400 for an invalid field.
    pub async fn update(&self, id: &str, request: &UpdateByokKeyRequest) -> Result<ByokKey> {
        let call =
            Call::new(Method::PATCH, path(id), Auth::Management).json(request, &self.options)?;
        Ok(self.fetch::<Data<ByokKey>>(call).await?.data)
    }

    /// Deletes the credential.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/byok/delete-byok-key>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Byok::get`].
    pub async fn delete(&self, id: &str) -> Result<ByokKeyDeleted> {
        self.fetch(Call::delete(path(id), Auth::Management)).await
    }
}
