//! `GET /key`: the key in use.

use crate::client::Client;
use crate::error::Result;
use crate::options::RequestOptions;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::key::{KeyInfo, KeyInfoResponse};

/// The key the client uses: [`Client::key`].
#[derive(Debug, Clone)]
pub struct Key<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl<'a> Key<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self {
            client,
            options: RequestOptions::default(),
        }
    }

    /// Applies per-request options to the calls made through this handle.
    pub fn with_options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

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
