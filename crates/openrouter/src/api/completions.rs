//! `POST /completions`: legacy text completions (outside the spec, still served).

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::stream::CompletionStream;
use crate::transport::{self, Auth, Call};
use crate::types::completions::{CompletionRequest, CompletionResult};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "createCompletions",
    "POST",
    "/completions",
    "Client::completions().create / create_with_response / stream",
    KeyKind::Api,
)];

api_handle! {
    /// Legacy text completions: [`Client::completions`](crate::Client::completions).
    Completions
}

impl Completions<'_> {
    /// Continues a prompt and waits for the whole answer.
    ///
    /// Reference: <https://openrouter.ai/docs/api/reference/completions> (not in the OpenAPI
    /// spec). Needs an API key.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn create(&self, request: &CompletionRequest) -> Result<CompletionResult> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Completions::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Completions::create`].
    pub async fn create_with_response(
        &self,
        request: &CompletionRequest,
    ) -> Result<Response<CompletionResult>> {
        let request = super::with_stream_flag(request, false);
        let call = Call::post_json("/completions", Auth::ApiKey, &*request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Continues a prompt and streams the text as it is generated.
    ///
    /// # Errors
    /// As [`Completions::create`], for failures before the stream starts; later failures
    /// arrive as `Err` items of the stream.
    pub async fn stream(&self, request: &CompletionRequest) -> Result<CompletionStream> {
        let request = super::with_stream_flag(request, true);
        let call = Call::post_json("/completions", Auth::ApiKey, &*request, &self.options)?;
        crate::stream::open(self.client, call, &self.options).await
    }
}
