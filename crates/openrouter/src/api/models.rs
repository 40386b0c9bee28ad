//! `GET /models`: the model catalogue.

use crate::client::Client;
use crate::error::Result;
use crate::options::RequestOptions;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::models::ModelList;

/// The model catalogue: [`Client::models`].
#[derive(Debug, Clone)]
pub struct Models<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl<'a> Models<'a> {
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

    /// Lists every model available through OpenRouter, with prices and capabilities.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/models/get-models>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn list(&self) -> Result<ModelList> {
        Ok(self.list_with_response().await?.into_data())
    }

    /// Like [`Models::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Models::list`].
    pub async fn list_with_response(&self) -> Result<Response<ModelList>> {
        let call = Call::get("/models", Auth::Optional);
        transport::send_json(self.client, &call, &self.options).await
    }
}
