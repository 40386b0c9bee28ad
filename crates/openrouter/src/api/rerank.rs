//! `POST /rerank`.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::rerank::{RerankRequest, RerankResult};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "createRerank",
    "POST",
    "/rerank",
    "Client::rerank().create / create_with_response",
    KeyKind::Api,
)];

api_handle! {
    /// Reranking: [`Client::rerank`](crate::Client::rerank).
    Rerank
}

impl Rerank<'_> {
    /// Orders documents by relevance to a query, best first.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/rerank/create-rerank>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn create(&self, request: &RerankRequest) -> Result<RerankResult> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Rerank::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Rerank::create`].
    pub async fn create_with_response(
        &self,
        request: &RerankRequest,
    ) -> Result<Response<RerankResult>> {
        let call = Call::post_json("/rerank", Auth::ApiKey, request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }
}
