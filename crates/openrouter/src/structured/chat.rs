//! Structured output on chat completions: `Chat::parse` and `Chat::parse_stream`.

use serde::de::DeserializeOwned;

use super::decode::{parse_answer, Answer};
use super::{OutputSchema, Parsed, ParsedStream};
use crate::api::Chat;
use crate::error::Result;
use crate::types::chat::{ChatRequest, ChatResult, FinishReason};

impl Chat<'_> {
    /// Asks for a `T` and decodes the answer into one: sets `response_format` to the strict
    /// JSON Schema of `T` ([`OutputSchema::of`]; any `response_format` in `request` is
    /// replaced), sends the request and decodes the first choice's text.
    ///
    /// Reference: <https://openrouter.ai/docs/features/structured-outputs>.
    ///
    /// ```no_run
    /// # use openrouter::types::chat::{ChatRequest, Message};
    /// #[derive(serde::Deserialize, openrouter::schema::schemars::JsonSchema)]
    /// struct Sentiment {
    ///     positive: bool,
    ///     confidence: f64,
    /// }
    /// # async fn run(client: openrouter::Client) -> openrouter::Result<()> {
    /// let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("I love it!")]);
    /// let sentiment = client.chat().parse::<Sentiment>(&request).await?.value;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`Chat::create`], and [`Error::Structured`](crate::Error::Structured) when the
    /// answer is not a `T` (refusal, no text, truncated, invalid JSON, mismatch).
    pub async fn parse<T>(&self, request: &ChatRequest) -> Result<Parsed<T, ChatResult>>
    where
        T: schemars::JsonSchema + DeserializeOwned,
    {
        self.parse_with(request, &OutputSchema::of::<T>()).await
    }

    /// Like [`Chat::parse`], with a schema of your own (built by hand, or with a description).
    ///
    /// # Errors
    /// As [`Chat::parse`].
    pub async fn parse_with<T: DeserializeOwned>(
        &self,
        request: &ChatRequest,
        schema: &OutputSchema,
    ) -> Result<Parsed<T, ChatResult>> {
        let result = self.create(&with_schema(request, schema)).await?;
        parse_result(schema, result)
    }

    /// Asks for a `T` and streams the answer: [`ParsedEvent::Text`](super::ParsedEvent::Text)
    /// for each piece of text as it arrives, then
    /// [`ParsedEvent::Done`](super::ParsedEvent::Done) with the decoded value and the
    /// accumulated result.
    ///
    /// # Errors
    /// As [`Chat::stream`]; a stream that ends with an answer that is not a `T` yields
    /// [`Error::Structured`](crate::Error::Structured) as its last item.
    pub async fn parse_stream<T>(&self, request: &ChatRequest) -> Result<ParsedStream<T>>
    where
        T: schemars::JsonSchema + DeserializeOwned,
    {
        self.parse_stream_with(request, &OutputSchema::of::<T>())
            .await
    }

    /// Like [`Chat::parse_stream`], with a schema of your own.
    ///
    /// # Errors
    /// As [`Chat::parse_stream`].
    pub async fn parse_stream_with<T: DeserializeOwned>(
        &self,
        request: &ChatRequest,
        schema: &OutputSchema,
    ) -> Result<ParsedStream<T>> {
        let stream = self.stream(&with_schema(request, schema)).await?;
        Ok(ParsedStream::new(stream, schema.clone()))
    }
}

/// The request asking for `schema`.
pub(crate) fn with_schema(request: &ChatRequest, schema: &OutputSchema) -> ChatRequest {
    let mut request = request.clone();
    request.response_format = Some(schema.response_format());
    request
}

/// Decodes the first choice of a chat result, telling refusals, missing text and truncation
/// apart from bad JSON.
pub(crate) fn parse_result<T: DeserializeOwned>(
    schema: &OutputSchema,
    result: ChatResult,
) -> Result<Parsed<T, ChatResult>> {
    let (text, refusal, finish_reason) = match result.first_choice() {
        Some(choice) => (
            choice.message.content.clone().unwrap_or_default(),
            choice.message.refusal.clone().filter(|r| !r.is_empty()),
            choice.finish_reason.clone(),
        ),
        None => (String::new(), None, None),
    };
    let answer = Answer {
        text,
        refusal,
        truncated: finish_reason == Some(FinishReason::Length),
        stop_reason: finish_reason.as_ref().map(|r| r.as_str().to_owned()),
    };
    parse_answer(schema, answer, result)
}
