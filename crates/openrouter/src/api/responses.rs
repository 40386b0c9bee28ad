//! `POST /responses`: the Responses API (OpenAI Responses shape).

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::stream::ResponsesStream;
use crate::transport::{self, Auth, Call};
use crate::types::responses::{ResponsesRequest, ResponsesResult};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "createResponses",
    "POST",
    "/responses",
    "Client::responses().create / create_with_response / stream",
    KeyKind::Api,
)];

api_handle! {
    /// The Responses API: [`Client::responses`](crate::Client::responses).
    Responses
}

impl Responses<'_> {
    /// Sends a request and waits for the whole response.
    ///
    /// The API is stateless: `previous_response_id` is answered with 400, so send the whole
    /// conversation in `input`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/responses/create-responses>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`](crate::Error::Api) for an error status or an error body,
    /// [`Error::Transport`](crate::Error::Transport) for network failures and timeouts,
    /// [`Error::Decode`](crate::Error::Decode) when the answer has an unexpected shape,
    /// [`Error::Config`](crate::Error::Config) when the client has no API key.
    pub async fn create(&self, request: &ResponsesRequest) -> Result<ResponsesResult> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Responses::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Responses::create`].
    pub async fn create_with_response(
        &self,
        request: &ResponsesRequest,
    ) -> Result<Response<ResponsesResult>> {
        let request = super::with_stream_flag(request, false);
        let call = Call::post_json("/responses", Auth::ApiKey, &*request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Sends a request and streams the response events as they are generated (sets
    /// `"stream": true`). Fold them with
    /// [`ResponsesStream::collect_result`](crate::stream::ResponsesStream::collect_result) or
    /// a [`ResponsesAccumulator`](crate::stream::ResponsesAccumulator).
    ///
    /// Retries happen only before the stream starts; once the first byte arrived a failure
    /// is returned, never silently re-sent.
    ///
    /// # Errors
    /// As [`Responses::create`], for failures before the stream starts; later failures
    /// (`error` events, `response.failed`) arrive as `Err` items of the stream.
    pub async fn stream(&self, request: &ResponsesRequest) -> Result<ResponsesStream> {
        let request = super::with_stream_flag(request, true);
        let call = Call::post_json("/responses", Auth::ApiKey, &*request, &self.options)?;
        crate::stream::open(self.client, call, &self.options).await
    }
}
