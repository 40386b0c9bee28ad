//! The one stream type every streaming endpoint returns, parameterised by its event type.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use http::HeaderMap;
use serde::de::DeserializeOwned;

use super::events::{EventStream, StreamEvent};
use crate::client::Client;
use crate::error::Result;
use crate::options::RequestOptions;
use crate::transport::{self, Call};
use crate::types::error::ErrorBody;

pub(crate) mod sealed {
    /// Keeps [`StreamPayload`](super::StreamPayload) implemented only by this crate's events.
    pub trait Sealed {}
}

/// An event type a [`TypedStream`] yields: the chat chunk, the Responses, Messages and image
/// events, the text completion chunk. Implemented by this crate only.
pub trait StreamPayload: DeserializeOwned + Send + 'static + sealed::Sealed {
    /// What the whole stream folds into, e.g. `ChatResult`.
    type Output;
    /// The fold: e.g. [`ChatAccumulator`](super::ChatAccumulator).
    type Accumulator: Default + Send;

    /// The error this event carries, if any; it ends the stream.
    #[doc(hidden)]
    fn in_band_error(&self) -> Option<ErrorBody>;

    /// Adds an event to the fold.
    #[doc(hidden)]
    fn accumulate(accumulator: &mut Self::Accumulator, event: &Self);

    /// The fold's result.
    #[doc(hidden)]
    fn finish(accumulator: Self::Accumulator) -> Self::Output;

    /// The generation id this event reveals, for streams whose headers lack one.
    #[doc(hidden)]
    fn generation_id(&self) -> Option<&str> {
        None
    }

    /// Whether this data event is only a keep-alive (Anthropic's `ping`).
    #[doc(hidden)]
    fn is_keep_alive(&self) -> bool {
        false
    }
}

/// Sends a streaming call and wraps its body; retries happen only before the first byte.
pub(crate) async fn open<T: StreamPayload>(
    client: &Client,
    mut call: Call,
    options: &RequestOptions,
) -> Result<TypedStream<T>> {
    call.stream = true;
    let sent = transport::execute(client, &call, options).await?;
    let idle = options
        .stream_idle_timeout
        .unwrap_or(client.inner.timeouts.stream_idle);
    if !transport::is_event_stream(sent.response.headers()) {
        return Err(transport::not_an_event_stream(client, sent, idle).await);
    }
    let mut events = EventStream::new(sent.response, idle, client.inner.max_event_size);
    events.set_attempts(sent.attempts);
    Ok(TypedStream::new(events, client))
}

/// A streamed answer: yields each event as it arrives.
///
/// An error the server sends mid-stream ends the stream with `Err(Error::Api(..))` carrying
/// its code and metadata. A stream that stays silent longer than the idle timeout ends with a
/// timeout error; keep-alive comments count as activity and are not yielded (see
/// [`TypedStream::events`]). Dropping the stream closes the connection, which stops the
/// generation upstream. A server that answers with one body of another type (JSON, HTML)
/// instead of events makes the call that opens the stream fail, with the API error that body
/// carries or a decode error holding it.
pub struct TypedStream<T> {
    events: EventStream<T>,
    /// To clean server-sent error text of the client's keys (cheap: a shared handle).
    client: Client,
    generation_id: Option<String>,
    keep_alives: u64,
}

impl<T> std::fmt::Debug for TypedStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedStream")
            .field("event", &std::any::type_name::<T>())
            .field("status", &self.events.status())
            .field("generation_id", &self.generation_id)
            .field("keep_alives", &self.keep_alives)
            .finish_non_exhaustive()
    }
}

impl<T: StreamPayload> TypedStream<T> {
    pub(crate) fn new(mut events: EventStream<T>, client: &Client) -> Self {
        let generation_id = crate::transport::generation_id(events.headers());
        events.clean_headers(|headers| crate::transport::redact::headers(client, headers));
        Self {
            events,
            client: client.clone(),
            generation_id,
            keep_alives: 0,
        }
    }

    /// The generation id: from the `X-Generation-Id` header, or else from the first event
    /// that carries one.
    pub fn generation_id(&self) -> Option<&str> {
        self.generation_id.as_deref()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.events.headers()
    }

    /// How many keep-alives (comments, or Anthropic `ping` events) have arrived so far.
    pub fn keep_alives(&self) -> u64 {
        self.keep_alives
    }

    /// The same stream, yielding keep-alives too, for callers that want to show that the
    /// server is still working.
    pub fn events(self) -> Events<T> {
        Events { stream: self }
    }

    /// Reads the whole stream and folds it into the final result, as the endpoint would have
    /// answered without streaming.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub async fn collect_result(mut self) -> Result<T::Output> {
        let mut accumulator = T::Accumulator::default();
        while let Some(event) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            T::accumulate(&mut accumulator, &event?);
        }
        Ok(T::finish(accumulator))
    }

    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<StreamEvent<T>>>> {
        let polled = match self.events.poll_event(cx) {
            Poll::Ready(Some(Ok(StreamEvent::Data(event)))) if event.is_keep_alive() => {
                Poll::Ready(Some(Ok(StreamEvent::KeepAlive("ping".into()))))
            }
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(
                crate::transport::redact::error(&self.client, error),
            ))),
            other => other,
        };
        match &polled {
            Poll::Ready(Some(Ok(StreamEvent::KeepAlive(_)))) => self.keep_alives += 1,
            Poll::Ready(Some(Ok(StreamEvent::Data(event)))) if self.generation_id.is_none() => {
                self.generation_id = event
                    .generation_id()
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned);
            }
            _ => {}
        }
        polled
    }
}

impl<T: StreamPayload> Stream for TypedStream<T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            return match this.poll_event(cx) {
                Poll::Ready(Some(Ok(StreamEvent::KeepAlive(_)))) => continue,
                Poll::Ready(Some(Ok(StreamEvent::Data(event)))) => Poll::Ready(Some(Ok(event))),
                Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

/// A [`TypedStream`] that also yields keep-alives.
#[derive(Debug)]
pub struct Events<T> {
    stream: TypedStream<T>,
}

impl<T> Events<T> {
    /// The underlying stream (for its generation id, headers, counters).
    pub fn stream(&self) -> &TypedStream<T> {
        &self.stream
    }
}

impl<T: StreamPayload> Stream for Events<T> {
    type Item = Result<StreamEvent<T>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().stream.poll_event(cx)
    }
}
