//! `POST /messages`: the Anthropic Messages format.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::stream::MessagesStream;
use crate::transport::{self, Auth, Call};
use crate::types::messages::{MessagesRequest, MessagesResult};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "createMessages",
    "POST",
    "/messages",
    "Client::messages().create / create_with_response / stream",
    KeyKind::Api,
)];

api_handle! {
    /// Anthropic-format messages: [`Client::messages`](crate::Client::messages).
    Messages
}

impl Messages<'_> {
    /// Sends a messages request and waits for the whole answer.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/anthropic-messages/create-messages>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`](crate::Error::Api) for an error status (Anthropic-shaped bodies are
    /// read too: the message is kept and `error.type` is among the error's extra fields),
    /// [`Error::Transport`](crate::Error::Transport) for network failures and timeouts,
    /// [`Error::Decode`](crate::Error::Decode) when the answer has an unexpected shape.
    pub async fn create(&self, request: &MessagesRequest) -> Result<MessagesResult> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Messages::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Messages::create`].
    pub async fn create_with_response(
        &self,
        request: &MessagesRequest,
    ) -> Result<Response<MessagesResult>> {
        let request = super::with_stream_flag(request, false);
        let call = Call::post_json("/messages", Auth::ApiKey, &*request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Sends a messages request and streams the answer as Anthropic events.
    ///
    /// Retries happen only before the stream starts.
    ///
    /// # Errors
    /// As [`Messages::create`], for failures before the stream starts; later failures
    /// (including `error` events) arrive as `Err` items of the stream.
    pub async fn stream(&self, request: &MessagesRequest) -> Result<MessagesStream> {
        let request = super::with_stream_flag(request, true);
        let call = Call::post_json("/messages", Auth::ApiKey, &*request, &self.options)?;
        crate::stream::open(self.client, call, &self.options).await
    }
}
