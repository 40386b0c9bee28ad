//! `GET /models`: the model catalogue.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::models::ModelList;

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "getModels",
    "GET",
    "/models",
    "Client::models().list",
    KeyKind::None,
)];

api_handle! {
    /// The model catalogue: [`Client::models`](crate::Client::models).
    Models
}

impl Models<'_> {
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
