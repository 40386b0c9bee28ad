//! [`ParsedStream`]: a chat stream that yields text as it arrives and a typed value at the end.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;

use super::{OutputSchema, Parsed};
use crate::error::Result;
use crate::stream::{ChatAccumulator, ChatStream};
use crate::types::chat::ChatResult;

/// What a [`ParsedStream`] yields.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ParsedEvent<T> {
    /// A piece of the answer's text (partial JSON), as it arrived.
    Text(String),
    /// The end: the decoded value and the accumulated result. Always the last event.
    Done(Box<Parsed<T, ChatResult>>),
}

/// A streamed structured answer, from [`Chat::parse_stream`](crate::api::Chat::parse_stream).
///
/// Yields [`ParsedEvent::Text`] for every piece of text, then one [`ParsedEvent::Done`], or
/// an `Err` (a stream error, or [`Error::Structured`](crate::Error::Structured) when the
/// whole answer is not a `T`). Dropping it closes the connection, as for any stream.
pub struct ParsedStream<T> {
    inner: ChatStream,
    accumulator: ChatAccumulator,
    schema: OutputSchema,
    finished: bool,
    _value: std::marker::PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for ParsedStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedStream")
            .field("inner", &self.inner)
            .field("schema", &self.schema.name)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl<T: DeserializeOwned> ParsedStream<T> {
    pub(crate) fn new(inner: ChatStream, schema: OutputSchema) -> Self {
        Self {
            inner,
            accumulator: ChatAccumulator::new(),
            schema,
            finished: false,
            _value: std::marker::PhantomData,
        }
    }

    /// The underlying chat stream (generation id, headers, keep-alive count).
    pub fn stream(&self) -> &ChatStream {
        &self.inner
    }

    /// The answer accumulated so far.
    pub fn snapshot(&self) -> ChatResult {
        self.accumulator.snapshot()
    }

    /// Reads the stream to its end and returns the decoded value.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub async fn collect_parsed(mut self) -> Result<Parsed<T, ChatResult>> {
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

impl<T: DeserializeOwned> Stream for ParsedStream<T> {
    type Item = Result<ParsedEvent<T>>;

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
                Poll::Ready(Some(Ok(chunk))) => {
                    this.accumulator.push(&chunk);
                    // The value is decoded from choice 0; with `n` > 1 the others are not it.
                    let piece = chunk
                        .choices
                        .iter()
                        .find(|choice| choice.index == 0)
                        .and_then(|choice| choice.delta.content.as_deref())
                        .filter(|text| !text.is_empty());
                    if let Some(text) = piece {
                        return Poll::Ready(Some(Ok(ParsedEvent::Text(text.to_owned()))));
                    }
                }
                Poll::Ready(None) => {
                    this.finished = true;
                    let result = std::mem::take(&mut this.accumulator).finish();
                    let parsed = super::chat::parse_result(&this.schema, result)
                        .map(|parsed| ParsedEvent::Done(Box::new(parsed)));
                    return Poll::Ready(Some(parsed));
                }
            }
        }
    }
}

/// Compile-time proof that parsed streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<ParsedStream<String>>();
};
