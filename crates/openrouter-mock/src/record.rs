//! What the emulator remembers about each request it received.

use bytes::Bytes;
use serde_json::Value;

/// One request as it reached the emulator, kept for assertions in tests.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// HTTP method, e.g. `POST`.
    pub method: String,
    /// Path without the query string, e.g. `/api/v1/chat/completions`.
    pub path: String,
    /// Raw query string, if the request had one.
    pub query: Option<String>,
    /// Headers in arrival order; names are lower-case, values lossily decoded.
    pub headers: Vec<(String, String)>,
    /// The request body exactly as received (empty when it exceeded the size limit).
    pub body: Bytes,
}

impl RecordedRequest {
    /// First value of the header `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, or `None` when it is not JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
}
