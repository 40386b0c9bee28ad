//! [`ParsedStream`]: a chat or Responses stream that yields text as it arrives and a typed
//! value at the end.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;

use super::{OutputSchema, Parsed};
use crate::error::Result;
use crate::stream::{StreamPayload, TypedStream};
use crate::types::chat::{ChatChunk, ChatResult};
use crate::types::responses::{ResponsesEvent, ResponsesResult};

/// What a [`ParsedStream`] yields. `R` is the whole answer: a [`ChatResult`] (the default,
/// from [`Chat::parse_stream`](crate::api::Chat::parse_stream)) or a [`ResponsesResult`]
/// (from [`Responses::parse_stream`](crate::api::Responses::parse_stream)).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ParsedEvent<T, R = ChatResult> {
    /// A piece of the answer's text (partial JSON), as it arrived: the content of choice 0
    /// on chat, an `output_text` delta on the Responses API. The pieces put together are
    /// [`Parsed::raw`].
    Text(String),
    /// The end: the decoded value and the accumulated result (the [`ChatResult`] or
    /// [`ResponsesResult`] the call would have returned without streaming). Always the last
    /// event.
    Done(Box<Parsed<T, R>>),
}

/// A streamed structured answer, from [`Chat::parse_stream`](crate::api::Chat::parse_stream)
/// (`ParsedStream<T>`, over a [`ChatStream`](crate::stream::ChatStream)) or
/// [`Responses::parse_stream`](crate::api::Responses::parse_stream)
/// (`ParsedStream<T, ResponsesEvent>`, over a
/// [`ResponsesStream`](crate::stream::ResponsesStream)).
///
/// Yields [`ParsedEvent::Text`] for every piece of text, then one [`ParsedEvent::Done`], or
/// an `Err` (a stream error, or [`Error::Structured`](crate::Error::Structured) when the
/// whole answer is not a `T`). Dropping it closes the connection, as for any stream.
pub struct ParsedStream<T, P: StreamPayload = ChatChunk> {
    inner: TypedStream<P>,
    accumulator: P::Accumulator,
    schema: OutputSchema,
    finished: bool,
    _value: std::marker::PhantomData<fn() -> T>,
}

// Nothing in it is ever pinned: the inner stream is `Unpin` and the accumulator is only
// reached through `&mut`.
impl<T, P: StreamPayload> Unpin for ParsedStream<T, P> {}

impl<T, P: StreamPayload> std::fmt::Debug for ParsedStream<T, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedStream")
            .field("inner", &self.inner)
            .field("schema", &self.schema.name)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl<T: DeserializeOwned, P: ParsedPayload> ParsedStream<T, P> {
    pub(crate) fn new(inner: TypedStream<P>, schema: OutputSchema) -> Self {
        Self {
            inner,
            accumulator: P::Accumulator::default(),
            schema,
            finished: false,
            _value: std::marker::PhantomData,
        }
    }

    /// The underlying stream (generation id, headers, keep-alive count).
    pub fn stream(&self) -> &TypedStream<P> {
        &self.inner
    }

    /// Reads the stream to its end and returns the decoded value.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub async fn collect_parsed(mut self) -> Result<Parsed<T, P::Output>> {
        use futures_util::StreamExt;
        while let Some(event) = self.next().await {
            if let ParsedEvent::Done(parsed) = event? {
                return Ok(*parsed);
            }
        }
        // `Done` or an error always comes before the end; this is only reachable if the
        // stream was polled past its end before.
        Err(crate::Error::InvalidRequest(
            "the parsed stream was already read to its end".to_owned(),
        ))
    }
}

impl<T> ParsedStream<T, ChatChunk> {
    /// The answer accumulated so far.
    pub fn snapshot(&self) -> ChatResult {
        self.accumulator.snapshot()
    }
}

impl<T: DeserializeOwned, P: ParsedPayload> Stream for ParsedStream<T, P> {
    type Item = Result<ParsedEvent<T, P::Output>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.finished {
            return Poll::Ready(None);
        }
        loop {
            match Pin::new(&mut this.inner).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Err(error))) => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(error)));
                }
                Poll::Ready(Some(Ok(event))) => {
                    P::accumulate(&mut this.accumulator, &event);
                    if let Some(text) = event.text_piece().filter(|text| !text.is_empty()) {
                        return Poll::Ready(Some(Ok(ParsedEvent::Text(text.to_owned()))));
                    }
                }
                Poll::Ready(None) => {
                    this.finished = true;
                    let output = P::finish(std::mem::take(&mut this.accumulator));
                    let parsed = P::parse(&this.schema, output)
                        .map(|parsed| ParsedEvent::Done(Box::new(parsed)));
                    return Poll::Ready(Some(parsed));
                }
            }
        }
    }
}

use private::ParsedPayload;

mod private {
    use super::*;

    /// A stream event a [`ParsedStream`] can read: where its text is, and how the folded
    /// answer is decoded. Implemented for the chat chunk and the Responses event only.
    pub trait ParsedPayload: StreamPayload {
        /// The piece of the answer's text this event carries, if any.
        fn text_piece(&self) -> Option<&str>;

        /// Decodes the folded answer, telling refusals, missing text and truncation apart
        /// from bad JSON.
        fn parse<T: DeserializeOwned>(
            schema: &OutputSchema,
            output: Self::Output,
        ) -> Result<Parsed<T, Self::Output>>;
    }
}

impl ParsedPayload for ChatChunk {
    fn text_piece(&self) -> Option<&str> {
        // The value is decoded from choice 0; with `n` > 1 the others are not it.
        self.choices
            .iter()
            .find(|choice| choice.index == 0)
            .and_then(|choice| choice.delta.content.as_deref())
    }

    fn parse<T: DeserializeOwned>(
        schema: &OutputSchema,
        output: ChatResult,
    ) -> Result<Parsed<T, ChatResult>> {
        super::chat::parse_result(schema, output)
    }
}

impl ParsedPayload for ResponsesEvent {
    fn text_piece(&self) -> Option<&str> {
        // The value is decoded from the text of every output message, so every
        // `output_text` delta is a piece of it.
        self.text_delta()
    }

    fn parse<T: DeserializeOwned>(
        schema: &OutputSchema,
        output: ResponsesResult,
    ) -> Result<Parsed<T, ResponsesResult>> {
        super::responses::parse_result(schema, output)
    }
}

/// Compile-time proof that parsed streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + Unpin + 'static>() {}
    assert::<ParsedStream<String>>();
    assert::<ParsedStream<String, ResponsesEvent>>();
};
