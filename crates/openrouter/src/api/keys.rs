//! API keys: the key in use (`GET /key`) and, with a management key, creating, listing,
//! changing and deleting keys (`/keys`).

use http::Method;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::pagination::Paginated;
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::key::{KeyInfo, KeyInfoResponse};
use crate::types::keys::{
    ApiKey, CreateKeyRequest, CreatedKey, KeyDeleted, KeyList, KeyListParams, KeyResponse,
    UpdateKeyRequest,
};
use crate::RequestOptions;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "getCurrentKey",
        "GET",
        "/key",
        "Client::keys().current",
        KeyKind::Api,
    ),
    // The spec's operationId for this one is the bare `list`.
    Operation::new(
        "list",
        "GET",
        "/keys",
        "Client::keys().list",
        KeyKind::Management,
    ),
    Operation::new(
        "createKeys",
        "POST",
        "/keys",
        "Client::keys().create",
        KeyKind::Management,
    ),
    Operation::new(
        "getKey",
        "GET",
        "/keys/{hash}",
        "Client::keys().get",
        KeyKind::Management,
    ),
    Operation::new(
        "updateKeys",
        "PATCH",
        "/keys/{hash}",
        "Client::keys().update",
        KeyKind::Management,
    ),
    Operation::new(
        "deleteKeys",
        "DELETE",
        "/keys/{hash}",
        "Client::keys().delete",
        KeyKind::Management,
    ),
];

api_handle! {
    /// API keys: [`Client::keys`](crate::Client::keys).
    Keys
}

/// `GET /keys` for one page, as a call (shared by `list` and the `list_all` stream).
fn list_call(params: &KeyListParams) -> Call {
    Call::get("/keys", Auth::Management)
        .query("offset", params.offset)
        .query("include_disabled", params.include_disabled)
        .query("workspace_id", params.workspace_id.as_deref())
}

impl Keys<'_> {
    /// The key the client uses: its label, limits, usage and kind.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without an API key; otherwise as
    /// [`Chat::create`](crate::api::Chat::create).
    pub async fn current(&self) -> Result<KeyInfo> {
        Ok(self.current_with_response().await?.into_data().data)
    }

    /// Like [`Keys::current`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Keys::current`].
    pub async fn current_with_response(&self) -> Result<Response<KeyInfoResponse>> {
        let call = Call::get("/key", Auth::ApiKey);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// One page of keys. The API pages by `offset` with a page size of its own choosing.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/list>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key, before sending;
    /// [`Error::Api`](crate::Error::Api) with 403 when the key is not a management key.
    pub async fn list(&self, params: &KeyListParams) -> Result<KeyList> {
        Ok(self.list_with_response(params).await?.into_data())
    }

    /// Like [`Keys::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Keys::list`].
    pub async fn list_with_response(&self, params: &KeyListParams) -> Result<Response<KeyList>> {
        transport::send_json(self.client, &list_call(params), &self.options).await
    }

    /// Every key matching `params`' filters (e.g. with disabled keys, or of a workspace),
    /// fetched page by page as the stream is read. `params`' offset is ignored: the stream
    /// starts at the first key. The API chooses its own page size, so
    /// [`Paginated::page_size`] has no effect here, and the stream ends at the first empty
    /// page since the API does not say how large its pages are.
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Keys::list`]) and then ends.
    pub fn list_all(&self, params: &KeyListParams) -> Paginated<ApiKey> {
        let params = params.clone();
        let client = self.client.clone();
        let options: RequestOptions = self.options.clone();
        // No `limit` parameter exists: the page size the stream offers goes unused.
        Paginated::cursor(Some(0), move |offset: Option<u64>, _page_size: u32| {
            let client = client.clone();
            let options = options.clone();
            let mut page = params.clone();
            let offset = offset.unwrap_or(0);
            page.offset = Some(offset);
            async move {
                let list: Response<KeyList> =
                    transport::send_json(&client, &list_call(&page), &options).await?;
                let items = list.into_data().data;
                let next = (!items.is_empty()).then(|| offset + items.len() as u64);
                Ok((items, next))
            }
        })
    }

    /// Creates a key. The response carries the secret once: store it, the API never shows
    /// it again. Its `Debug` output leaves the secret out.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/create-keys>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Keys::list`]; 400 for an invalid body (e.g. an empty name).
    pub async fn create(&self, request: &CreateKeyRequest) -> Result<CreatedKey> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Keys::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Keys::create`].
    pub async fn create_with_response(
        &self,
        request: &CreateKeyRequest,
    ) -> Result<Response<CreatedKey>> {
        let call =
            Call::new(Method::POST, "/keys", Auth::Management).json(request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// One key by its hash.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/get-key>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Keys::list`]; 404 for an unknown hash.
    pub async fn get(&self, hash: &str) -> Result<ApiKey> {
        Ok(self.get_with_response(hash).await?.into_data().data)
    }

    /// Like [`Keys::get`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Keys::get`].
    pub async fn get_with_response(&self, hash: &str) -> Result<Response<KeyResponse>> {
        let call = Call::get(format!("/keys/{}", segment(hash)), Auth::Management);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Changes a key's name, limit or state; fields left unset stay as they are.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/update-keys>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Keys::get`]; 400 for an invalid body.
    pub async fn update(&self, hash: &str, request: &UpdateKeyRequest) -> Result<ApiKey> {
        Ok(self
            .update_with_response(hash, request)
            .await?
            .into_data()
            .data)
    }

    /// Like [`Keys::update`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Keys::update`].
    pub async fn update_with_response(
        &self,
        hash: &str,
        request: &UpdateKeyRequest,
    ) -> Result<Response<KeyResponse>> {
        let call = Call::new(
            Method::PATCH,
            format!("/keys/{}", segment(hash)),
            Auth::Management,
        )
        .json(request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Deletes a key; requests made with it fail from then on.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/delete-keys>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Keys::get`].
    pub async fn delete(&self, hash: &str) -> Result<KeyDeleted> {
        let call = Call::delete(format!("/keys/{}", segment(hash)), Auth::Management);
        let response: Response<KeyDeleted> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(response.into_data())
    }
}
