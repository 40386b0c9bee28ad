//! Placeholder for the SSE decoder: the public shape is fixed, the body is being written.

/// One item decoded from an SSE byte stream.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SseItem {
    /// A comment line (`: OPENROUTER PROCESSING`), with the leading colon and one space removed.
    Comment(String),
    /// A complete event, dispatched at a blank line.
    Event(SseEvent),
}

/// A dispatched SSE event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SseEvent {
    /// The `event:` field, if any.
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
    /// The `id:` field, if any.
    pub id: Option<String>,
    /// The `retry:` field, if any.
    pub retry: Option<u64>,
}

/// The decoder refused the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SseError {
    /// One event grew past the configured cap.
    #[error("an SSE event exceeded {limit} bytes; raise the limit if this stream is legitimate")]
    EventTooLarge {
        /// The cap in bytes.
        limit: usize,
    },
}

/// Incremental SSE decoder.
#[derive(Debug, Default)]
pub struct SseDecoder {
    _private: (),
}

impl SseDecoder {
    /// A decoder with the default event size cap (64 MiB).
    pub fn new() -> Self {
        Self::default()
    }
    /// Appends bytes received from the network.
    pub fn feed(&mut self, _bytes: &[u8]) {}
    /// The next complete item, if the buffered bytes hold one.
    ///
    /// # Errors
    /// An event exceeded the size cap.
    pub fn next_item(&mut self) -> Result<Option<SseItem>, SseError> {
        Ok(None)
    }
    /// Call at end of input: yields what remains (an unterminated last event is dispatched).
    ///
    /// # Errors
    /// An event exceeded the size cap.
    pub fn finish(&mut self) -> Result<Option<SseItem>, SseError> {
        Ok(None)
    }
}
