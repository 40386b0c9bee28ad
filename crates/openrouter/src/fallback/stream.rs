//! [`StartedStream`]: a stream whose first event has already arrived.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::StreamExt;

use crate::error::Result;
use crate::stream::{StreamPayload, TypedStream};

/// A stream whose first event was read before it was handed over, so that a failure before
/// any output (an error status, or an error as the first event) could still fall back to
/// the next model. Yields that first event, then the rest, like the stream it wraps.
pub struct StartedStream<T> {
    first: Option<T>,
    inner: TypedStream<T>,
}

// The buffered event is never pinned: it is moved out by value.
impl<T> Unpin for StartedStream<T> {}

impl<T> std::fmt::Debug for StartedStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StartedStream")
            .field("inner", &self.inner)
            .field("first_pending", &self.first.is_some())
            .finish()
    }
}

impl<T: StreamPayload> StartedStream<T> {
    /// Opens `inner` by waiting for its first event: `Err` when the stream fails before
    /// yielding one.
    pub(crate) async fn start(mut inner: TypedStream<T>) -> Result<Self> {
        let first = inner.next().await.transpose()?;
        Ok(Self { first, inner })
    }

    /// The stream it wraps (generation id, headers, keep-alive count).
    pub fn stream(&self) -> &TypedStream<T> {
        &self.inner
    }

    /// Reads the whole stream and folds it into the final result.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub async fn collect_result(mut self) -> Result<T::Output> {
        let mut accumulator = T::Accumulator::default();
        while let Some(event) = self.next().await {
            T::accumulate(&mut accumulator, &event?);
        }
        Ok(T::finish(accumulator))
    }
}

impl<T: StreamPayload> Stream for StartedStream<T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if let Some(first) = this.first.take() {
            return Poll::Ready(Some(Ok(first)));
        }
        Pin::new(&mut this.inner).poll_next(cx)
    }
}

/// Compile-time proof that started streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<StartedStream<crate::types::chat::ChatChunk>>();
};
