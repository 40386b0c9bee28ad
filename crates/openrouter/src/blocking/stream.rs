//! Streamed answers as iterators: the blocking face of [`crate::stream`].

use std::iter::FusedIterator;
use std::pin::Pin;
use std::sync::Arc;

use futures_core::Stream;
use http::HeaderMap;

use super::runtime::Runtime;
use crate::error::Result;
use crate::stream::{StreamEvent, StreamPayload};
use crate::types::chat::ChatChunk;
use crate::types::completions::CompletionChunk;
use crate::types::images::ImageStreamEvent;
use crate::types::messages::MessagesStreamEvent;
use crate::types::responses::ResponsesEvent;

/// A streamed chat completion: an iterator of [`ChatChunk`]s.
pub type ChatStream = TypedStream<ChatChunk>;
/// A streamed chat completion that also yields keep-alives.
pub type ChatEvents = Events<ChatChunk>;
/// A streamed text completion.
pub type CompletionStream = TypedStream<CompletionChunk>;
/// A streamed Anthropic-format message.
pub type MessagesStream = TypedStream<MessagesStreamEvent>;
/// A streamed Anthropic-format message that also yields keep-alives (`ping` events).
pub type MessagesEvents = Events<MessagesStreamEvent>;
/// A streamed Responses API answer.
pub type ResponsesStream = TypedStream<ResponsesEvent>;
/// A streamed Responses API answer that also yields keep-alives.
pub type ResponsesEvents = Events<ResponsesEvent>;
/// A streamed image generation.
pub type ImageStream = TypedStream<ImageStreamEvent>;

/// A streamed answer read as an iterator: each `next()` waits for the next event.
///
/// The blocking twin of [`crate::stream::TypedStream`], with the same behaviour: an error the
/// server sends mid-stream is yielded as `Err(Error::Api(..))` and ends the iteration; a
/// stream silent for longer than the idle timeout ends with a timeout error; keep-alives are
/// counted, not yielded (see [`TypedStream::events`]). After the last event or an error,
/// `next()` returns `None`.
///
/// Dropping the iterator, even half-read, closes the connection, which stops the generation
/// (and its billing) upstream.
///
/// ```no_run
/// use openrouter::types::chat::{ChatRequest, Message};
///
/// # fn run() -> openrouter::Result<()> {
/// let client = openrouter::blocking::Client::from_env()?;
/// let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Count to five")]);
/// for chunk in client.chat().stream(&request)? {
///     print!("{}", chunk?.content().unwrap_or_default());
/// }
/// # Ok(()) }
/// ```
pub struct TypedStream<T> {
    inner: crate::stream::TypedStream<T>,
    runtime: Arc<Runtime>,
}

impl<T> std::fmt::Debug for TypedStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedStream")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<T: StreamPayload> TypedStream<T> {
    pub(crate) fn new(inner: crate::stream::TypedStream<T>, runtime: Arc<Runtime>) -> Self {
        Self { inner, runtime }
    }

    /// The generation id: from the `X-Generation-Id` header, or else from the first event
    /// that carries one.
    pub fn generation_id(&self) -> Option<&str> {
        self.inner.generation_id()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.inner.headers()
    }

    /// How many keep-alives (comments, or Anthropic `ping` events) have arrived so far.
    pub fn keep_alives(&self) -> u64 {
        self.inner.keep_alives()
    }

    /// The same stream, yielding keep-alives too, for callers that want to show that the
    /// server is still working.
    pub fn events(self) -> Events<T> {
        Events {
            inner: self.inner.events(),
            runtime: self.runtime,
        }
    }

    /// Reads the rest of the stream and folds it into the final result, as the endpoint would
    /// have answered without streaming.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub fn collect_result(self) -> Result<T::Output>
    where
        T::Output: Send,
    {
        let Self { inner, runtime } = self;
        runtime.block_on(inner.collect_result())
    }
}

impl<T: StreamPayload> Iterator for TypedStream<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        next_of(&self.runtime, &mut self.inner)
    }
}

impl<T: StreamPayload> FusedIterator for TypedStream<T> {}

/// A [`TypedStream`] that also yields keep-alives, as [`StreamEvent::KeepAlive`].
pub struct Events<T> {
    inner: crate::stream::Events<T>,
    runtime: Arc<Runtime>,
}

impl<T> std::fmt::Debug for Events<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Events")
            .field("stream", self.inner.stream())
            .finish_non_exhaustive()
    }
}

impl<T: StreamPayload> Events<T> {
    /// The generation id, as [`TypedStream::generation_id`].
    pub fn generation_id(&self) -> Option<&str> {
        self.inner.stream().generation_id()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.inner.stream().headers()
    }

    /// How many keep-alives have arrived so far.
    pub fn keep_alives(&self) -> u64 {
        self.inner.stream().keep_alives()
    }
}

impl<T: StreamPayload> Iterator for Events<T> {
    type Item = Result<StreamEvent<T>>;

    fn next(&mut self) -> Option<Self::Item> {
        next_of(&self.runtime, &mut self.inner)
    }
}

impl<T: StreamPayload> FusedIterator for Events<T> {}

/// Any other async stream read as an iterator, for methods that return a stream of their own
/// kind rather than a [`crate::stream::TypedStream`].
///
/// Each `next()` waits for the next item. After the stream's end it returns `None` without
/// polling the stream again. Dropping the iterator drops the stream.
pub struct Iter<S> {
    inner: S,
    runtime: Arc<Runtime>,
    // Many streams must not be polled once they have ended.
    ended: bool,
}

impl<S: std::fmt::Debug> std::fmt::Debug for Iter<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Iter")
            .field("inner", &self.inner)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl<S> Iter<S> {
    pub(crate) fn new(inner: S, runtime: Arc<Runtime>) -> Self {
        Self {
            inner,
            runtime,
            ended: false,
        }
    }

    /// The async stream, for the information it offers besides its items.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S> Iterator for Iter<S>
where
    S: Stream + Unpin + Send,
    S::Item: Send,
{
    type Item = S::Item;

    fn next(&mut self) -> Option<S::Item> {
        if self.ended {
            return None;
        }
        let item = next_of(&self.runtime, &mut self.inner);
        self.ended = item.is_none();
        item
    }
}

impl<S> FusedIterator for Iter<S>
where
    S: Stream + Unpin + Send,
    S::Item: Send,
{
}

/// Waits for the next item of `stream`. The async streams end themselves after an error
/// and keep answering `None` after their end, so the iterators are fused without a flag.
pub(super) fn next_of<S>(runtime: &Runtime, stream: &mut S) -> Option<S::Item>
where
    S: Stream + Unpin + Send,
    S::Item: Send,
{
    runtime.block_on(std::future::poll_fn(|cx| {
        Pin::new(&mut *stream).poll_next(cx)
    }))
}

/// Compile-time proof that blocking streams can move to, and be shared with, other threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<ChatStream>();
    assert::<Events<ChatChunk>>();
};
