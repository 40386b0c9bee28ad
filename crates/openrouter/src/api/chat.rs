//! `POST /chat/completions`.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::stream::ChatStream;
use crate::transport::{self, Auth, Call};
use crate::types::chat::{ChatRequest, ChatResult};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "sendChatCompletionRequest",
    "POST",
    "/chat/completions",
    "Client::chat().create / create_with_response / stream",
    KeyKind::Api,
)];

api_handle! {
    /// Chat completions: [`Client::chat`](crate::Client::chat).
    Chat
}

impl Chat<'_> {
    /// Sends a chat completion and waits for the whole answer.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/chat/send-chat-completion-request>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`](crate::Error::Api) for an error status or an error body,
    /// [`Error::Transport`](crate::Error::Transport) for network failures and timeouts,
    /// [`Error::Decode`](crate::Error::Decode) when the answer has an unexpected shape.
    pub async fn create(&self, request: &ChatRequest) -> Result<ChatResult> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Chat::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Chat::create`].
    pub async fn create_with_response(
        &self,
        request: &ChatRequest,
    ) -> Result<Response<ChatResult>> {
        let request = super::with_stream_flag(request, false);
        let call = Call::post_json("/chat/completions", Auth::ApiKey, &*request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Sends a chat completion and streams the answer as it is generated.
    ///
    /// Retries happen only before the stream starts; once the first byte arrived a failure
    /// is returned, never silently re-sent.
    ///
    /// # Errors
    /// As [`Chat::create`], for failures before the stream starts; later failures arrive as
    /// `Err` items of the stream.
    pub async fn stream(&self, request: &ChatRequest) -> Result<ChatStream> {
        let request = super::with_stream_flag(request, true);
        let call = Call::post_json("/chat/completions", Auth::ApiKey, &*request, &self.options)?;
        crate::stream::open(self.client, call, &self.options).await
    }
}
