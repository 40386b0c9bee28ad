//! A decoded response together with its HTTP metadata and raw body.

use bytes::Bytes;
use http::{HeaderMap, StatusCode};

/// A decoded response body plus what came with it: status, headers (rate limits,
/// `X-Generation-Id`) and the raw bytes, for when the typed view is not enough.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Response<T> {
    /// The decoded body.
    pub data: T,
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    raw: Bytes,
}

impl<T> Response<T> {
    pub(crate) fn new(data: T, status: StatusCode, headers: HeaderMap, raw: Bytes) -> Self {
        Self {
            data,
            status,
            headers,
            raw,
        }
    }

    /// The decoded body.
    pub fn into_data(self) -> T {
        self.data
    }

    /// The body exactly as received.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }

    /// The `X-Generation-Id` header, which `GET /generation` looks up.
    pub fn generation_id(&self) -> Option<&str> {
        self.headers
            .get("x-generation-id")
            .and_then(|v| v.to_str().ok())
    }

    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl<T> std::ops::Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.data
    }
}
