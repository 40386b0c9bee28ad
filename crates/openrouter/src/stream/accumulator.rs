//! Placeholder: folds chunks into a result.
use crate::types::chat::{ChatChunk, ChatResult};

/// Folds a chat stream into the final result.
#[derive(Debug, Default)]
pub struct ChatAccumulator {
    result: ChatResult,
}

impl ChatAccumulator {
    /// A new accumulator.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds a chunk.
    pub fn push(&mut self, chunk: &ChatChunk) {
        self.result.id.clone_from(&chunk.id);
    }
    /// The final result.
    pub fn finish(self) -> ChatResult {
        self.result
    }
}
