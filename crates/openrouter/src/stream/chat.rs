//! The chat completion stream.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use http::HeaderMap;

use super::events::{EventStream, InBandError, StreamEvent};
use super::ChatAccumulator;
use crate::error::Result;
use crate::types::chat::{ChatChunk, ChatResult};
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};

impl InBandError for ChatChunk {
    fn in_band_error(&self) -> Option<ErrorBody> {
        // A top-level or choice-level error object, whatever the finish reason says (the
        // live API sends `finish_reason: null` with it); or `finish_reason: "error"` alone.
        let error = match self.error() {
            Some(error) => error.clone(),
            None if self.is_error() => ErrorObject::new(
                ErrorCode::Text("error".into()),
                "the provider ended the generation with finish_reason \"error\"",
            ),
            None => return None,
        };
        Some(ErrorBody {
            error,
            user_id: None,
            openrouter_metadata: None,
            extra: Default::default(),
        })
    }
}

/// A streamed chat completion: yields each [`ChatChunk`] as it arrives.
///
/// An error the server sends mid-stream ends the stream with `Err(Error::Api(..))` carrying
/// its code and metadata. A stream that stays silent longer than the idle timeout ends with a
/// timeout error; keep-alive comments count as activity. Dropping the stream closes the
/// connection, which stops the generation upstream.
pub struct ChatStream {
    events: EventStream<ChatChunk>,
    generation_id: Option<String>,
    keep_alives: u64,
}

impl std::fmt::Debug for ChatStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatStream")
            .field("status", &self.events.status())
            .field("generation_id", &self.generation_id)
            .field("keep_alives", &self.keep_alives)
            .finish_non_exhaustive()
    }
}

impl ChatStream {
    pub(crate) fn new(events: EventStream<ChatChunk>) -> Self {
        let generation_id = crate::transport::generation_id(events.headers());
        Self {
            events,
            generation_id,
            keep_alives: 0,
        }
    }

    /// The generation id: from the `X-Generation-Id` header, or else from the first chunk
    /// once it has arrived.
    pub fn generation_id(&self) -> Option<&str> {
        self.generation_id.as_deref()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.events.headers()
    }

    /// How many keep-alive comments have arrived so far.
    pub fn keep_alives(&self) -> u64 {
        self.keep_alives
    }

    /// The same stream, yielding keep-alive comments too, for callers that want to show
    /// that the server is still working.
    pub fn events(self) -> ChatEvents {
        ChatEvents { stream: self }
    }

    /// Reads the whole stream and folds it into the final result: text, reasoning, tool
    /// calls assembled from their argument deltas, usage and finish reason.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub async fn collect_result(mut self) -> Result<ChatResult> {
        let mut accumulator = ChatAccumulator::new();
        while let Some(chunk) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            accumulator.push(&chunk?);
        }
        Ok(accumulator.finish())
    }

    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<StreamEvent<ChatChunk>>>> {
        let polled = self.events.poll_event(cx);
        match &polled {
            Poll::Ready(Some(Ok(StreamEvent::KeepAlive(_)))) => self.keep_alives += 1,
            Poll::Ready(Some(Ok(StreamEvent::Data(chunk))))
                if self.generation_id.is_none() && !chunk.id.is_empty() =>
            {
                self.generation_id = Some(chunk.id.clone());
            }
            _ => {}
        }
        polled
    }
}

impl Stream for ChatStream {
    type Item = Result<ChatChunk>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            return match this.poll_event(cx) {
                Poll::Ready(Some(Ok(StreamEvent::KeepAlive(_)))) => continue,
                Poll::Ready(Some(Ok(StreamEvent::Data(chunk)))) => Poll::Ready(Some(Ok(chunk))),
                Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

/// A [`ChatStream`] that also yields keep-alive comments.
#[derive(Debug)]
pub struct ChatEvents {
    stream: ChatStream,
}

impl ChatEvents {
    /// The underlying chat stream (for its generation id, headers, counters).
    pub fn stream(&self) -> &ChatStream {
        &self.stream
    }
}

impl Stream for ChatEvents {
    type Item = Result<StreamEvent<ChatChunk>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().stream.poll_event(cx)
    }
}

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<ChatStream>();
    assert::<ChatEvents>();
};
