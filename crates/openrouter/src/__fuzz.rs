//! Internals the fuzz targets (`fuzz/`) and the property tests reach through the `fuzzing`
//! feature. Not part of the public API: no semver promise, no stability.
//!
//! Each item is a thin wrapper over the code the client runs, so what is fuzzed is what
//! ships: the stream's event decoder, the error-response reader, the success-body decoder
//! and the `Retry-After` parser.
#![cfg(feature = "fuzzing")]
#![doc(hidden)]

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::stream::{StreamEvent, StreamPayload};
use crate::{ApiError, Result};

/// The longest wait [`retry_after`] reports.
pub const MAX_RETRY_AFTER: Duration = crate::transport::retry_after::MAX_RETRY_AFTER;

/// The wait an error response's headers ask for (`retry-after-ms`, then `Retry-After`).
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    crate::transport::retry_after::retry_after(headers, now)
}

/// One `Retry-After` value: delay-seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    crate::transport::retry_after::parse_retry_after(value, now)
}

/// An error response (status, headers, body) as the client reports it.
pub fn error_from_parts(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
    now: SystemTime,
) -> ApiError {
    crate::transport::error_from_parts(status, headers, body, now)
}

/// A success body decoded as the client decodes it: an error object becomes `Error::Api`,
/// a mismatch `Error::Decode` with its JSON path.
///
/// # Errors
/// As described.
pub fn decode<T: DeserializeOwned>(body: &[u8], status: StatusCode) -> Result<T> {
    crate::transport::decode(body, status)
}

/// A stream's decoder: body bytes in, what the stream yields out (keep-alives included).
pub struct StreamDecoder<T>(crate::stream::EventDecoder<T>);

impl<T: StreamPayload> StreamDecoder<T> {
    /// A decoder for a 200 response with no headers, with the given event size cap.
    pub fn new(max_event_size: usize) -> Self {
        Self(crate::stream::EventDecoder::new(
            StatusCode::OK,
            HeaderMap::new(),
            max_event_size,
        ))
    }

    /// Appends body bytes.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.0.feed(bytes);
    }

    /// The next item; `None` when more bytes are needed (or, with `eof`, at the end).
    pub fn next_event(&mut self, eof: bool) -> Option<Result<StreamEvent<T>>> {
        self.0.next_event(eof)
    }

    /// Whether the stream ended (`[DONE]` or an error).
    pub fn is_finished(&self) -> bool {
        self.0.is_finished()
    }
}

/// Everything a stream yields when its body arrives in `chunks`, drained after each chunk
/// the way the client does, then at the end of the body.
pub fn decode_stream<'a, T: StreamPayload>(
    chunks: impl IntoIterator<Item = &'a [u8]>,
    max_event_size: usize,
) -> Vec<Result<StreamEvent<T>>> {
    let mut decoder = StreamDecoder::<T>::new(max_event_size);
    let mut items = Vec::new();
    for chunk in chunks {
        decoder.feed(chunk);
        while let Some(item) = decoder.next_event(false) {
            items.push(item);
        }
    }
    while let Some(item) = decoder.next_event(true) {
        items.push(item);
    }
    items
}

/// Folds events with the stream's accumulator, as `collect_result` does.
pub fn collect<'a, T: StreamPayload + 'a>(events: impl IntoIterator<Item = &'a T>) -> T::Output {
    let mut accumulator = T::Accumulator::default();
    for event in events {
        T::accumulate(&mut accumulator, event);
    }
    T::finish(accumulator)
}
