//! Structured output on the Responses API: `Responses::parse` and `Responses::parse_stream`
//! with `text.format`.

use serde::de::DeserializeOwned;

use super::decode::{parse_answer, Answer};
use super::{OutputSchema, Parsed, ParsedStream};
use crate::api::Responses;
use crate::error::Result;
use crate::types::responses::{
    ResponsesEvent, ResponsesOutputContent, ResponsesOutputItem, ResponsesRequest, ResponsesResult,
    ResponsesStatus, ResponsesTextConfig,
};

impl Responses<'_> {
    /// Asks for a `T` and decodes the answer into one: sets `text.format` to the strict JSON
    /// Schema of `T` ([`OutputSchema::of`]; the verbosity and other `text` settings stay),
    /// sends the request and decodes the output text.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/responses/create-responses>.
    ///
    /// # Errors
    /// As [`Responses::create`], and [`Error::Structured`](crate::Error::Structured) when the
    /// answer is not a `T` (refusal, no text, `incomplete` at the token limit, invalid JSON,
    /// mismatch).
    pub async fn parse<T>(&self, request: &ResponsesRequest) -> Result<Parsed<T, ResponsesResult>>
    where
        T: schemars::JsonSchema + DeserializeOwned,
    {
        self.parse_with(request, &OutputSchema::of::<T>()).await
    }

    /// Like [`Responses::parse`], with a schema of your own.
    ///
    /// # Errors
    /// As [`Responses::parse`].
    pub async fn parse_with<T: DeserializeOwned>(
        &self,
        request: &ResponsesRequest,
        schema: &OutputSchema,
    ) -> Result<Parsed<T, ResponsesResult>> {
        let result = self.create(&with_schema(request, schema)).await?;
        parse_result(schema, result)
    }

    /// Asks for a `T` and streams the answer: [`ParsedEvent::Text`](super::ParsedEvent::Text)
    /// for each `output_text` delta as it arrives, then
    /// [`ParsedEvent::Done`](super::ParsedEvent::Done) with the decoded value and the
    /// accumulated [`ResponsesResult`]. Sets `text.format` as [`Responses::parse`] does.
    ///
    /// ```no_run
    /// # use openrouter::types::responses::ResponsesRequest;
    /// use futures_util::StreamExt;
    /// use openrouter::structured::ParsedEvent;
    ///
    /// #[derive(serde::Deserialize, openrouter::schema::schemars::JsonSchema)]
    /// struct City {
    ///     name: String,
    ///     country: String,
    /// }
    /// # async fn run(client: openrouter::Client) -> openrouter::Result<()> {
    /// let request = ResponsesRequest::new("openai/gpt-4o-mini", "A city to visit in Japan");
    /// let mut stream = client.responses().parse_stream::<City>(&request).await?;
    /// while let Some(event) = stream.next().await {
    ///     match event? {
    ///         ParsedEvent::Text(piece) => print!("{piece}"),
    ///         ParsedEvent::Done(parsed) => println!("\n{} ({})", parsed.value.name, parsed.value.country),
    ///         _ => {}
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`Responses::stream`]; a stream that ends with an answer that is not a `T` (refusal,
    /// no text, `incomplete` at the token limit, invalid JSON, mismatch) yields
    /// [`Error::Structured`](crate::Error::Structured) as its last item.
    pub async fn parse_stream<T>(
        &self,
        request: &ResponsesRequest,
    ) -> Result<ParsedStream<T, ResponsesEvent>>
    where
        T: schemars::JsonSchema + DeserializeOwned,
    {
        self.parse_stream_with(request, &OutputSchema::of::<T>())
            .await
    }

    /// Like [`Responses::parse_stream`], with a schema of your own.
    ///
    /// # Errors
    /// As [`Responses::parse_stream`].
    pub async fn parse_stream_with<T: DeserializeOwned>(
        &self,
        request: &ResponsesRequest,
        schema: &OutputSchema,
    ) -> Result<ParsedStream<T, ResponsesEvent>> {
        let stream = self.stream(&with_schema(request, schema)).await?;
        Ok(ParsedStream::new(stream, schema.clone()))
    }
}

/// The request asking for `schema` in `text.format`; the other `text` settings stay.
fn with_schema(request: &ResponsesRequest, schema: &OutputSchema) -> ResponsesRequest {
    let mut request = request.clone();
    let text = request
        .text
        .get_or_insert_with(ResponsesTextConfig::default);
    text.format = Some(schema.text_format());
    request
}

/// Decodes a response's output text, telling refusals and truncation apart from bad JSON.
pub(super) fn parse_result<T: DeserializeOwned>(
    schema: &OutputSchema,
    result: ResponsesResult,
) -> Result<Parsed<T, ResponsesResult>> {
    let text = result.output_text();
    let truncated = result.status == Some(ResponsesStatus::Incomplete)
        && result
            .incomplete_details
            .as_ref()
            .and_then(|d| d.reason.as_deref())
            .is_none_or(|reason| reason == "max_output_tokens");
    let answer = Answer {
        text,
        refusal: refusal(&result),
        truncated,
        stop_reason: result
            .incomplete_details
            .as_ref()
            .and_then(|d| d.reason.clone())
            .or_else(|| result.status.as_ref().map(|s| s.as_str().to_owned())),
    };
    parse_answer(schema, answer, result)
}

/// The text of the `refusal` parts of the output messages, if any.
fn refusal(result: &ResponsesResult) -> Option<String> {
    let parts: Vec<&str> = result
        .output
        .iter()
        .filter_map(|item| match item {
            ResponsesOutputItem::Message(message) => Some(&message.content),
            _ => None,
        })
        .flatten()
        .filter_map(|part| match part {
            ResponsesOutputContent::Refusal(refusal) => Some(refusal.refusal.as_str()),
            _ => None,
        })
        .collect();
    (!parts.is_empty()).then(|| parts.concat())
}
