//! `GET /key`: the key in use.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::key::{KeyInfo, KeyInfoResponse};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "getCurrentKey",
    "GET",
    "/key",
    "Client::key().get",
    KeyKind::Api,
)];

api_handle! {
    /// The key the client uses: [`Client::key`](crate::Client::key).
    Key
}

impl Key<'_> {
    /// The key's label, limits, usage and kind.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn get(&self) -> Result<KeyInfo> {
        Ok(self.get_with_response().await?.into_data().data)
    }

    /// Like [`Key::get`], with the HTTP status, headers and raw body of the whole envelope.
    ///
    /// # Errors
    /// As [`Key::get`].
    pub async fn get_with_response(&self) -> Result<Response<KeyInfoResponse>> {
        let call = Call::get("/key", Auth::ApiKey);
        transport::send_json(self.client, &call, &self.options).await
    }
}
