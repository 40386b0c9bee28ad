//! Fallback on chat completions: plain, streamed and structured.

use serde::de::DeserializeOwned;

use super::{FallbackOutcome, FallbackPolicy, StartedStream};
use crate::api::Chat;
use crate::error::Result;
use crate::structured::{OutputSchema, Parsed};
use crate::types::chat::{ChatChunk, ChatRequest, ChatResult};

impl Chat<'_> {
    /// Sends `request` to each model of `policy` in turn until one answers (see
    /// [`crate::fallback`]). `request.model` is replaced for each attempt.
    ///
    /// # Errors
    /// As [`FallbackPolicy::run`]: [`Error::Fallback`](crate::Error::Fallback) with every
    /// attempt when no model answered.
    pub async fn create_with_fallback(
        &self,
        request: &ChatRequest,
        policy: &FallbackPolicy,
    ) -> Result<FallbackOutcome<ChatResult>> {
        policy
            .run(|model| {
                let request = with_model(request, model);
                async move { self.create(&request).await }
            })
            .await
    }

    /// Streams the answer of the first model of `policy` that starts one. A model falls back
    /// only before its first chunk: an error status, or an error as the first event; once a
    /// chunk arrived the stream is yours, and a later error arrives in it.
    ///
    /// # Errors
    /// As [`Chat::create_with_fallback`].
    pub async fn stream_with_fallback(
        &self,
        request: &ChatRequest,
        policy: &FallbackPolicy,
    ) -> Result<FallbackOutcome<StartedStream<ChatChunk>>> {
        policy
            .run(|model| {
                let request = with_model(request, model);
                async move { StartedStream::start(self.stream(&request).await?).await }
            })
            .await
    }

    /// [`Chat::parse`] with fallback: by default a model whose answer is not a `T` (no text,
    /// not JSON, another shape) falls back too.
    ///
    /// # Errors
    /// As [`Chat::create_with_fallback`]; a refusal or a truncated answer stops at once.
    pub async fn parse_with_fallback<T>(
        &self,
        request: &ChatRequest,
        policy: &FallbackPolicy,
    ) -> Result<FallbackOutcome<Parsed<T, ChatResult>>>
    where
        T: schemars::JsonSchema + DeserializeOwned,
    {
        let schema = OutputSchema::of::<T>();
        let schema = &schema;
        policy
            .run(|model| {
                let request = with_model(request, model);
                async move { self.parse_with(&request, schema).await }
            })
            .await
    }
}

fn with_model(request: &ChatRequest, model: String) -> ChatRequest {
    let mut request = request.clone();
    request.model = Some(model);
    request
}
