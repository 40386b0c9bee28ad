//! The chat completion stream's events: the chunk, its in-band errors, and its fold.

use super::typed::{sealed, StreamPayload};
use super::{ChatAccumulator, Events, TypedStream};
use crate::types::chat::{ChatChunk, ChatResult};
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};

/// A streamed chat completion: yields each [`ChatChunk`] as it arrives;
/// [`collect_result`](TypedStream::collect_result) folds it into a [`ChatResult`].
pub type ChatStream = TypedStream<ChatChunk>;

/// A [`ChatStream`] that also yields keep-alive comments.
pub type ChatEvents = Events<ChatChunk>;

impl sealed::Sealed for ChatChunk {}

impl StreamPayload for ChatChunk {
    type Output = ChatResult;
    type Accumulator = ChatAccumulator;

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

    fn accumulate(accumulator: &mut ChatAccumulator, chunk: &Self) {
        accumulator.push(chunk);
    }

    fn finish(accumulator: ChatAccumulator) -> ChatResult {
        accumulator.finish()
    }

    fn generation_id(&self) -> Option<&str> {
        Some(&self.id)
    }
}

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<ChatStream>();
    assert::<ChatEvents>();
};
