//! Per-request options: headers, body fields, timeouts and retries for one call.

use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value};

use crate::config::RetryPolicy;

/// Options that apply to one call, on top of the client's settings.
///
/// ```
/// use std::time::Duration;
/// use openrouter::RequestOptions;
///
/// let options = RequestOptions::new()
///     .header("x-session-id", "chat-42")
///     .body_field("top_k", 40)
///     .timeout(Duration::from_secs(30))
///     .with_metadata();
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Headers added to this request (they replace client headers of the same name).
    pub headers: HeaderMap,
    /// Fields merged into the JSON body (they replace fields of the same name).
    pub body: Map<String, Value>,
    /// Total time limit for this call, replacing the client's `Timeouts::total`.
    pub timeout: Option<Duration>,
    /// Response-headers limit for this call.
    pub response_headers_timeout: Option<Duration>,
    /// Stream idle limit for this call.
    pub stream_idle_timeout: Option<Duration>,
    /// Retry policy for this call.
    pub retry: Option<RetryPolicy>,
}

impl RequestOptions {
    /// No options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a header. A name or value that is not valid HTTP is ignored with a warning in
    /// the log, since options are built infallibly.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(name), Ok(value)) => {
                self.headers.insert(name, value);
            }
            _ => tracing::warn!(header = name, "ignoring a header that is not valid HTTP"),
        }
        self
    }

    /// Adds a field to the JSON body, e.g. one this SDK does not model yet.
    pub fn body_field(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.body.insert(name.into(), value.into());
        self
    }

    /// Sets the total time limit for this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets the response-headers time limit for this call.
    pub fn response_headers_timeout(mut self, timeout: Duration) -> Self {
        self.response_headers_timeout = Some(timeout);
        self
    }

    /// Sets the stream idle limit for this call.
    pub fn stream_idle_timeout(mut self, timeout: Duration) -> Self {
        self.stream_idle_timeout = Some(timeout);
        self
    }

    /// Sets the retry policy for this call.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Asks for routing metadata (`X-OpenRouter-Metadata: enabled`): the response then
    /// carries `openrouter_metadata`, and a guardrail block says which stage blocked.
    pub fn with_metadata(self) -> Self {
        self.header("x-openrouter-metadata", "enabled")
    }
}
