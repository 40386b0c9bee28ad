//! Structured output: typed values out of a model, decoded from JSON that follows a schema
//! derived from the type.
//!
//! [`Chat::parse`](crate::api::Chat::parse) sets `response_format` to the strict JSON Schema
//! of `T` ([`OutputSchema::of`]), sends the request and decodes the answer into `T`;
//! [`Chat::parse_stream`](crate::api::Chat::parse_stream) yields the text as it arrives and
//! `T` at the end (a [`ParsedStream`]). [`Responses::parse`](crate::api::Responses::parse)
//! and [`Responses::parse_stream`](crate::api::Responses::parse_stream) do the same with the
//! Responses API's `text.format`; their stream is a `ParsedStream<T, ResponsesEvent>`, whose
//! [`ParsedEvent::Done`] carries a
//! [`ResponsesResult`](crate::types::responses::ResponsesResult).
//!
//! When the answer is not a `T`, the error is [`Error::Structured`](crate::Error::Structured)
//! and says why ([`StructuredErrorKind`]): the model refused, wrote nothing, hit the token
//! limit, wrote text that is not JSON, or JSON that does not fit the type (with the JSON
//! path). The model's text is kept in every case.
//!
//! ```no_run
//! use openrouter::schema::schemars::JsonSchema;
//! use openrouter::types::chat::{ChatRequest, Message};
//! use serde::Deserialize;
//!
//! /// A city and why it is worth a visit.
//! #[derive(Debug, Deserialize, JsonSchema)]
//! struct City {
//!     name: String,
//!     country: String,
//!     /// Population, when known.
//!     population: Option<u64>,
//! }
//!
//! # async fn run() -> openrouter::Result<()> {
//! let client = openrouter::Client::from_env()?;
//! let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("A city to visit in France")]);
//! let parsed = client.chat().parse::<City>(&request).await?;
//! println!("{} ({}), {:?}", parsed.value.name, parsed.value.country, parsed.response.cost());
//! # Ok(()) }
//! ```
//!
//! Not every model supports structured outputs: pick one whose `supported_parameters` list
//! `structured_outputs` (see [`Client::models`](crate::Client::models)), or route only to
//! providers that do with `provider.require_parameters`.

mod chat;
mod decode;
mod error;
mod output_schema;
mod responses;
mod stream;

pub use error::{StructuredError, StructuredErrorKind};
pub use output_schema::{OutputSchema, WRAPPER_PROPERTY};
pub use stream::{ParsedEvent, ParsedStream};

/// A typed value decoded from a model's answer, with the whole answer and the text it was
/// decoded from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Parsed<T, R> {
    /// The decoded value.
    pub value: T,
    /// The whole answer: a [`ChatResult`](crate::types::chat::ChatResult) or a
    /// [`ResponsesResult`](crate::types::responses::ResponsesResult), with usage and cost.
    pub response: R,
    /// The text the value was decoded from, as the model wrote it.
    pub raw: String,
}

impl<T, R> Parsed<T, R> {
    /// The decoded value.
    pub fn into_value(self) -> T {
        self.value
    }
}
