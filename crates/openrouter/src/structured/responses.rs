//! Structured output on the Responses API: `Responses::parse` with `text.format`.

use serde::de::DeserializeOwned;

use super::error::{StructuredError, StructuredErrorKind};
use super::{OutputSchema, Parsed};
use crate::api::Responses;
use crate::error::Result;
use crate::types::responses::{
    ResponsesOutputContent, ResponsesOutputItem, ResponsesRequest, ResponsesResult,
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
        let mut request = request.clone();
        let text = request
            .text
            .get_or_insert_with(ResponsesTextConfig::default);
        text.format = Some(schema.text_format());
        let result = self.create(&request).await?;
        parse_result(schema, result)
    }
}

/// Decodes a response's output text, telling refusals and truncation apart from bad JSON.
fn parse_result<T: DeserializeOwned>(
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
    let decoded = match refusal(&result) {
        Some(refusal) => Err(StructuredErrorKind::Refusal(refusal)),
        None => super::decode::decode(schema, &text).map_err(|kind| match kind {
            StructuredErrorKind::NoContent { .. } if !truncated => StructuredErrorKind::NoContent {
                finish_reason: result
                    .incomplete_details
                    .as_ref()
                    .and_then(|d| d.reason.clone())
                    .or_else(|| result.status.as_ref().map(|s| s.as_str().to_owned())),
            },
            _ if truncated => StructuredErrorKind::Truncated,
            other => other,
        }),
    };
    match decoded {
        Ok(value) => Ok(Parsed {
            value,
            response: result,
            raw: text,
        }),
        Err(kind) => Err(StructuredError::new(kind, schema, &text)
            .answered_by(&result.model, &result.id)
            .into()),
    }
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
