//! The one error type of the crate, and what it says about a failed request.

use std::fmt;
use std::time::Duration;

use http::{HeaderMap, StatusCode};
use serde_json::{Map, Value};

use crate::sse::SseError;
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject, Moderation, ProviderError};

/// Shorthand for `Result<T, openrouter::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong when talking to OpenRouter.
///
/// Payloads are boxed so that `Result<T, Error>` stays small on the happy path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error: an error status, a 2xx whose body is an error
    /// object, or an error event inside a stream.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The request did not complete at the network level: connect, TLS, timeout, or a body
    /// that broke off.
    #[error(transparent)]
    Transport(Box<TransportError>),
    /// The server's answer could not be decoded into the expected type.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// The stream was malformed beyond repair (e.g. one event larger than the cap).
    #[error("stream error: {0}")]
    Stream(#[from] SseError),
    /// The request was refused before sending because it cannot be valid.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The client is not configured to make this request (e.g. no API key).
    #[error("configuration error: {0}")]
    Config(String),
    /// A tool call failed while an [agent](crate::agent::Agent) ran with
    /// [`ToolErrorPolicy::Abort`](crate::agent::ToolErrorPolicy::Abort); carries the call,
    /// the error and the run up to the failure.
    #[error(transparent)]
    Tool(Box<crate::agent::ToolFailure>),
    /// A structured answer is not a value of the requested type: refusal, no text, truncated,
    /// invalid JSON or a mismatch (see [`crate::structured`]).
    #[error(transparent)]
    Structured(Box<crate::structured::StructuredError>),
    /// Every model of a fallback policy failed, or one failed in a way that stops fallback;
    /// holds every attempt (see [`crate::fallback`]).
    #[error(transparent)]
    Fallback(Box<crate::fallback::FallbackError>),
    /// An MCP tool could not be listed or called.
    #[cfg(feature = "mcp")]
    #[error(transparent)]
    Mcp(Box<crate::mcp::McpError>),
}

impl Error {
    /// The HTTP status, for API errors answered with one.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(api) => api.status,
            _ => None,
        }
    }

    /// The API error, if this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }

    /// Whether sending the same request again later may succeed: rate limits, overload,
    /// timeouts and transient server errors. Mid-stream failures count, since a new request
    /// starts a new generation.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(api) => api.kind().is_retryable(),
            Error::Transport(transport) => !matches!(transport.kind, TransportErrorKind::Other),
            _ => false,
        }
    }

    /// How long the server asked us to wait before retrying.
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(|api| api.retry_after)
    }

    /// A 429: too many requests.
    pub fn is_rate_limited(&self) -> bool {
        self.api()
            .is_some_and(|api| api.kind() == ApiErrorKind::RateLimited)
    }

    /// A 402: the account or key is out of credits.
    pub fn is_insufficient_credits(&self) -> bool {
        self.api()
            .is_some_and(|api| api.kind() == ApiErrorKind::PaymentRequired)
    }

    /// Moderation flagged the input.
    pub fn is_moderation(&self) -> bool {
        self.api()
            .is_some_and(|api| api.error.moderation().is_some())
    }

    /// The prompt does not fit the model's context window.
    pub fn is_context_length_exceeded(&self) -> bool {
        self.api().is_some_and(ApiError::is_context_length_exceeded)
    }

    /// How many attempts were made before giving up (1 when there was no retry).
    pub fn attempts(&self) -> Option<u32> {
        match self {
            Error::Api(api) => Some(api.attempts),
            Error::Transport(transport) => Some(transport.attempts),
            Error::Decode(decode) => Some(decode.attempts),
            _ => None,
        }
    }

    pub(crate) fn set_attempts(&mut self, attempts: u32) {
        match self {
            Error::Api(api) => api.attempts = attempts,
            Error::Transport(transport) => transport.attempts = attempts,
            Error::Decode(decode) => decode.attempts = attempts,
            _ => {}
        }
    }

    pub(crate) fn transport(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Error::Transport(Box::new(TransportError {
            kind,
            message: message.into(),
            attempts: 1,
        }))
    }
}

/// The kind of an API error, one per documented status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400: the request is malformed or invalid.
    BadRequest,
    /// 401: the key is missing, wrong or disabled.
    Unauthorized,
    /// 402: out of credits.
    PaymentRequired,
    /// 403: not allowed: wrong key kind, moderation or a guardrail.
    Forbidden,
    /// 404: no such resource or model endpoint.
    NotFound,
    /// 408: the request took too long.
    RequestTimeout,
    /// 409: conflict with the resource's current state.
    Conflict,
    /// 410: the operation is gone (e.g. Coinbase charges).
    Gone,
    /// 413: the request is too large.
    PayloadTooLarge,
    /// 422: the request is well-formed but cannot be processed.
    Unprocessable,
    /// 429: rate limited.
    RateLimited,
    /// 500: server error.
    Internal,
    /// 502: the provider failed.
    BadGateway,
    /// 503: no provider is available.
    ServiceUnavailable,
    /// 524: the provider timed out at the edge.
    EdgeTimeout,
    /// 529: the provider is overloaded.
    ProviderOverloaded,
    /// Any other code.
    Other(u16),
}

impl ApiErrorKind {
    /// The kind for a status or error code.
    pub fn from_code(code: u16) -> Self {
        match code {
            400 => Self::BadRequest,
            401 => Self::Unauthorized,
            402 => Self::PaymentRequired,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            408 => Self::RequestTimeout,
            409 => Self::Conflict,
            410 => Self::Gone,
            413 => Self::PayloadTooLarge,
            422 => Self::Unprocessable,
            429 => Self::RateLimited,
            500 => Self::Internal,
            502 => Self::BadGateway,
            503 => Self::ServiceUnavailable,
            524 => Self::EdgeTimeout,
            529 => Self::ProviderOverloaded,
            other => Self::Other(other),
        }
    }

    /// Whether a request that failed this way may succeed if sent again.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            Self::RequestTimeout
                | Self::RateLimited
                | Self::Internal
                | Self::BadGateway
                | Self::ServiceUnavailable
                | Self::EdgeTimeout
                | Self::ProviderOverloaded
        )
    }
}

/// An error the server reported.
#[derive(Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status; 200 for an error inside a 2xx body or a stream.
    pub status: Option<StatusCode>,
    /// The error object: code, message and metadata.
    pub error: ErrorObject,
    /// The account the server named, if any.
    pub user_id: Option<String>,
    /// Routing context (with `X-OpenRouter-Metadata: enabled`), e.g. guardrail pipeline.
    pub openrouter_metadata: Option<Value>,
    /// Other top-level fields of the error body.
    pub extra: Map<String, Value>,
    /// The body as text, when it was not an OpenRouter error object (e.g. an HTML page from
    /// a proxy). Truncated to 8 KiB.
    pub raw_body: Option<String>,
    /// The response headers.
    pub headers: HeaderMap,
    /// The wait the server asked for (`Retry-After`, `retry-after-ms`).
    pub retry_after: Option<Duration>,
    /// How many attempts were made.
    pub attempts: u32,
    /// Whether the error arrived inside a stream, after the response had started.
    pub in_stream: bool,
}

impl ApiError {
    pub(crate) fn from_body(status: Option<StatusCode>, body: ErrorBody) -> Self {
        Self {
            status,
            error: body.error,
            user_id: body.user_id,
            openrouter_metadata: body.openrouter_metadata,
            extra: body.extra,
            raw_body: None,
            headers: HeaderMap::new(),
            retry_after: None,
            attempts: 1,
            in_stream: false,
        }
    }

    /// The kind, from the HTTP status, or from the error code when the status is 200 (a
    /// mid-stream error carries the real code in its body).
    pub fn kind(&self) -> ApiErrorKind {
        let status = self.status.map(|s| s.as_u16()).filter(|s| *s >= 400);
        let code = status.or_else(|| {
            self.error
                .code
                .as_ref()
                .and_then(ErrorCode::as_number)
                .and_then(|n| u16::try_from(n).ok())
        });
        ApiErrorKind::from_code(code.unwrap_or(0))
    }

    /// OpenRouter's error code; `None` when the server sent none (Anthropic-format errors
    /// name the error in `type` instead: [`ErrorObject::kind_name`]).
    pub fn code(&self) -> Option<&ErrorCode> {
        self.error.code.as_ref()
    }

    /// The error message.
    pub fn message(&self) -> &str {
        &self.error.message
    }

    /// The upstream provider's error, when a provider failed.
    pub fn provider_error(&self) -> Option<ProviderError<'_>> {
        self.error.provider()
    }

    /// The moderation verdict, when the input was flagged.
    pub fn moderation(&self) -> Option<Moderation<'_>> {
        self.error.moderation()
    }

    /// The generation id from the `X-Generation-Id` header.
    pub fn generation_id(&self) -> Option<&str> {
        self.headers
            .get("x-generation-id")
            .and_then(|v| v.to_str().ok())
    }

    /// The guardrail stages recorded in `openrouter_metadata.pipeline`, when a guardrail
    /// blocked the request and metadata was requested.
    pub fn guardrail_pipeline(&self) -> Option<&Vec<Value>> {
        self.openrouter_metadata
            .as_ref()?
            .get("pipeline")?
            .as_array()
    }

    /// Whether the prompt did not fit the model's context window.
    pub fn is_context_length_exceeded(&self) -> bool {
        if self.error.error_type() == Some("context_length_exceeded") {
            return true;
        }
        let message = self.error.message.to_ascii_lowercase();
        message.contains("context length") || message.contains("context window")
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("error", &self.error)
            .field("user_id", &self.user_id)
            .field("openrouter_metadata", &self.openrouter_metadata)
            .field("raw_body", &self.raw_body)
            .field("retry_after", &self.retry_after)
            .field("attempts", &self.attempts)
            .field("in_stream", &self.in_stream)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status {
            Some(status) if self.in_stream => write!(f, "error in stream (HTTP {status})")?,
            Some(status) => write!(f, "HTTP {status}")?,
            None => f.write_str("API error")?,
        }
        match (&self.error.code, self.error.kind_name()) {
            (Some(code), _) => write!(f, ", code {code}")?,
            (None, Some(kind)) => write!(f, ", {kind}")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.error.message)?;
        if let Some(provider) = self.error.provider().and_then(|p| p.provider_name) {
            write!(f, " (provider {provider})")?;
        }
        if let Some(raw) = &self.raw_body {
            write!(f, "; body: {raw}")?;
        }
        if self.attempts > 1 {
            write!(f, " after {} attempts", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl From<ApiError> for Error {
    fn from(error: ApiError) -> Self {
        Error::Api(Box::new(error))
    }
}

/// Which phase of a request ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutPhase {
    /// Connecting.
    Connect,
    /// Waiting for the response headers.
    ResponseHeaders,
    /// Waiting for the next stream event.
    StreamIdle,
    /// The whole call's limit.
    Total,
}

/// What kind of network failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be established (refused, DNS, TLS handshake).
    Connect,
    /// A phase ran out of time.
    Timeout(TimeoutPhase),
    /// The connection broke before the response headers arrived.
    BeforeResponse,
    /// The response body broke off after it had started.
    Body,
    /// Anything else (e.g. building the request).
    Other,
}

/// A network-level failure.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}{}", describe(self.kind, &self.message), attempts_suffix(self.attempts))]
#[non_exhaustive]
pub struct TransportError {
    /// What failed.
    pub kind: TransportErrorKind,
    /// The underlying error, in words.
    pub message: String,
    /// How many attempts were made.
    pub attempts: u32,
}

fn describe(kind: TransportErrorKind, message: &str) -> String {
    let what = match kind {
        TransportErrorKind::Connect => "could not connect",
        TransportErrorKind::Timeout(TimeoutPhase::Connect) => "timed out connecting",
        TransportErrorKind::Timeout(TimeoutPhase::ResponseHeaders) => {
            "timed out waiting for the response headers"
        }
        TransportErrorKind::Timeout(TimeoutPhase::StreamIdle) => {
            "timed out waiting for the next stream event"
        }
        TransportErrorKind::Timeout(TimeoutPhase::Total) => {
            "the request exceeded its total time limit"
        }
        TransportErrorKind::BeforeResponse => "the connection closed before the response arrived",
        TransportErrorKind::Body => "the response body broke off",
        TransportErrorKind::Other => "request failed",
    };
    if message.is_empty() {
        what.to_owned()
    } else {
        format!("{what}: {message}")
    }
}

fn attempts_suffix(attempts: u32) -> String {
    if attempts > 1 {
        format!(" (after {attempts} attempts)")
    } else {
        String::new()
    }
}

/// The server's answer did not have the expected shape.
#[derive(Debug, Clone, thiserror::Error)]
#[error("could not decode the response at `{path}`: {message}; body starts: {body}")]
#[non_exhaustive]
pub struct DecodeError {
    /// The JSON path where decoding failed, e.g. `choices[0].message`.
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// The body, truncated to 8 KiB.
    pub body: String,
    /// The HTTP status of the response.
    pub status: Option<StatusCode>,
    /// How many times the request was sent before this response (1 when it was not retried).
    pub attempts: u32,
}

/// The longest body excerpt kept in an error.
pub(crate) const BODY_EXCERPT: usize = 8 * 1024;

/// The first `BODY_EXCERPT` bytes of a body as text, cut at a character boundary.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(BODY_EXCERPT)]);
    let mut text = text.into_owned();
    if body.len() > BODY_EXCERPT {
        text.push('…');
    }
    text
}

impl DecodeError {
    pub(crate) fn new(
        error: serde_path_to_error::Error<serde_json::Error>,
        body: &[u8],
        status: Option<StatusCode>,
    ) -> Self {
        let path = error.path().to_string();
        Self {
            path,
            message: error.into_inner().to_string(),
            body: excerpt(body),
            status,
            attempts: 1,
        }
    }
}

impl From<DecodeError> for Error {
    fn from(error: DecodeError) -> Self {
        Error::Decode(Box::new(error))
    }
}

/// Compile-time proof that errors can cross threads and live anywhere.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<Error>();
};

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, body: &str) -> Error {
        let body: ErrorBody = serde_json::from_str(body).unwrap();
        ApiError::from_body(StatusCode::from_u16(status).ok(), body).into()
    }

    #[test]
    fn every_documented_status_has_its_own_kind() {
        let codes = [
            400, 401, 402, 403, 404, 408, 409, 410, 413, 422, 429, 500, 502, 503, 524, 529,
        ];
        let kinds: std::collections::HashSet<_> =
            codes.iter().map(|c| ApiErrorKind::from_code(*c)).collect();
        assert_eq!(kinds.len(), codes.len());
        assert!(!kinds.iter().any(|k| matches!(k, ApiErrorKind::Other(_))));
    }

    #[test]
    fn helpers_read_the_kind() {
        let rate = api(429, r#"{"error":{"code":429,"message":"slow down"}}"#);
        assert!(rate.is_rate_limited() && rate.is_retryable());
        let credits = api(
            402,
            r#"{"error":{"code":402,"message":"Insufficient credits"}}"#,
        );
        assert!(credits.is_insufficient_credits() && !credits.is_retryable());
        let moderation = api(
            403,
            r#"{"error":{"code":403,"message":"flagged","metadata":{"reasons":["hate"],"flagged_input":"x"}}}"#,
        );
        assert!(moderation.is_moderation());
        let context = api(
            400,
            r#"{"error":{"code":400,"message":"This endpoint's maximum context length is 8192 tokens"}}"#,
        );
        assert!(context.is_context_length_exceeded());
    }

    #[test]
    fn an_error_in_a_200_takes_its_kind_from_the_code() {
        let error = api(200, r#"{"error":{"code":502,"message":"upstream"}}"#);
        assert_eq!(error.api().unwrap().kind(), ApiErrorKind::BadGateway);
        assert!(error.is_retryable());
    }

    #[test]
    fn display_names_status_code_message_and_provider() {
        let error = api(
            400,
            r#"{"error":{"code":400,"message":"Provider returned error","metadata":{"provider_name":"Anthropic","raw":"x"}}}"#,
        );
        let text = error.to_string();
        assert!(text.contains("400") && text.contains("Provider returned error"));
        assert!(text.contains("Anthropic"), "{text}");
    }
}
