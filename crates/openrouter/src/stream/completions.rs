//! The legacy text completions stream.

use std::collections::HashMap;

use super::typed::{sealed, StreamPayload};
use super::TypedStream;
use crate::types::completions::{CompletionChoice, CompletionChunk, CompletionResult};
use crate::types::error::ErrorBody;

impl sealed::Sealed for CompletionChunk {}

impl StreamPayload for CompletionChunk {
    type Output = CompletionResult;
    type Accumulator = CompletionAccumulator;

    fn accumulate(accumulator: &mut CompletionAccumulator, chunk: &Self) {
        accumulator.push(chunk);
    }

    fn finish(accumulator: CompletionAccumulator) -> CompletionResult {
        accumulator.finish()
    }

    fn generation_id(&self) -> Option<&str> {
        Some(&self.id)
    }

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
/// the stream with `Err(Error::Api(..))`.
pub type CompletionStream = TypedStream<CompletionChunk>;

/// Joins the pieces of each choice of a completion stream into the final result.
#[derive(Debug, Clone, Default)]
pub struct CompletionAccumulator {
    result: CompletionResult,
    /// Where each choice index sits in `result.choices`, so a chunk costs no scan.
    positions: HashMap<u32, usize>,
}

impl CompletionAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a chunk.
    pub fn push(&mut self, chunk: &CompletionChunk) {
        fold(&mut self.result, &mut self.positions, chunk.clone());
    }

    /// The result, choices in index order.
    pub fn finish(mut self) -> CompletionResult {
        self.result.choices.sort_by_key(|c| c.index);
        self.result
    }
}

fn fold(
    result: &mut CompletionResult,
    positions: &mut HashMap<u32, usize>,
    chunk: CompletionChunk,
) {
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
        let position = *positions.entry(piece.index).or_insert_with(|| {
            result.choices.push(CompletionChoice {
                index: piece.index,
                ..CompletionChoice::default()
            });
            result.choices.len() - 1
        });
        let Some(choice) = result.choices.get_mut(position) else {
            continue;
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

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<CompletionStream>();
};
