//! The legacy text completions stream.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use http::HeaderMap;

use super::events::{EventStream, InBandError, StreamEvent};
use crate::error::Result;
use crate::types::completions::{CompletionChoice, CompletionChunk, CompletionResult};
use crate::types::error::ErrorBody;

impl InBandError for CompletionChunk {
    fn in_band_error(&self) -> Option<ErrorBody> {
        Some(ErrorBody {
            error: self.error()?,
            user_id: None,
            openrouter_metadata: None,
            extra: Default::default(),
        })
    }
}

/// A streamed text completion: yields each [`CompletionChunk`] as it arrives.
///
/// An in-band error (a top-level or per-choice `error`, or `finish_reason: "error"`) ends
/// the stream with `Err(Error::Api(..))`. Keep-alive comments are counted, not yielded.
pub struct CompletionStream {
    events: EventStream<CompletionChunk>,
    keep_alives: u64,
}

impl std::fmt::Debug for CompletionStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompletionStream")
            .field("status", &self.events.status())
            .field("keep_alives", &self.keep_alives)
            .finish_non_exhaustive()
    }
}

impl CompletionStream {
    pub(crate) fn new(events: EventStream<CompletionChunk>) -> Self {
        Self {
            events,
            keep_alives: 0,
        }
    }

    /// The generation id from the `X-Generation-Id` header.
    pub fn generation_id(&self) -> Option<String> {
        crate::transport::generation_id(self.events.headers())
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.events.headers()
    }

    /// How many keep-alive comments have arrived so far.
    pub fn keep_alives(&self) -> u64 {
        self.keep_alives
    }

    /// Reads the whole stream and joins the pieces of each choice into the final result.
    ///
    /// # Errors
    /// The first error the stream yields.
    pub async fn collect_result(mut self) -> Result<CompletionResult> {
        let mut result = CompletionResult::default();
        while let Some(chunk) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            fold(&mut result, chunk?);
        }
        result.choices.sort_by_key(|c| c.index);
        Ok(result)
    }
}

fn fold(result: &mut CompletionResult, chunk: CompletionChunk) {
    if result.id.is_empty() {
        result.id = chunk.id;
    }
    if result.object.is_empty() {
        result.object = chunk.object;
    }
    if result.created == 0 {
        result.created = chunk.created;
    }
    if result.model.is_empty() {
        result.model = chunk.model;
    }
    result.provider = result.provider.take().or(chunk.provider);
    result.system_fingerprint = result
        .system_fingerprint
        .take()
        .or(chunk.system_fingerprint);
    if chunk.usage.is_some() {
        result.usage = chunk.usage;
    }
    for piece in chunk.choices {
        let choice = match result.choices.iter_mut().find(|c| c.index == piece.index) {
            Some(choice) => choice,
            None => {
                result.choices.push(CompletionChoice {
                    index: piece.index,
                    ..CompletionChoice::default()
                });
                let last = result.choices.len() - 1;
                &mut result.choices[last]
            }
        };
        choice.text.push_str(&piece.text);
        if piece.finish_reason.is_some() {
            choice.finish_reason = piece.finish_reason;
        }
        if piece.native_finish_reason.is_some() {
            choice.native_finish_reason = piece.native_finish_reason;
        }
        if piece.logprobs.is_some() {
            choice.logprobs = piece.logprobs;
        }
        choice.extra.extend(piece.extra);
    }
    result.extra.extend(chunk.extra);
}

impl Stream for CompletionStream {
    type Item = Result<CompletionChunk>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            return match this.events.poll_event(cx) {
                Poll::Ready(Some(Ok(StreamEvent::KeepAlive(_)))) => {
                    this.keep_alives += 1;
                    continue;
                }
                Poll::Ready(Some(Ok(StreamEvent::Data(chunk)))) => Poll::Ready(Some(Ok(chunk))),
                Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<CompletionStream>();
};
