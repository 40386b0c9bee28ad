//! Sending a call: attempts, retries, timeouts, and turning error responses into errors.
//!
//! The rule that matters most: a request is sent again only when the server cannot have
//! started on it (no response yet, or a status that says it was not processed). Once
//! response bytes arrived, a failure is final, so a paid generation never runs twice.

mod binary;
mod decode;
pub(crate) mod redact;
mod request;
pub(crate) mod retry_after;
mod upload;

use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use tracing::Instrument;

use crate::client::Client;
use crate::error::{ApiError, DecodeError, Error, Result, TimeoutPhase, TransportErrorKind};
use crate::options::RequestOptions;
use crate::response::Response;
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};

pub(crate) use binary::{send_bytes, send_to_writer};
pub(crate) use decode::decode;
pub(crate) use request::{segment, Auth, Call};
pub(crate) use upload::{file_part, FormSource};

/// The largest error body we read; anything beyond is not worth holding.
const MAX_ERROR_BODY: usize = 1024 * 1024;

/// A response whose headers arrived with a success status.
pub(crate) struct Sent {
    pub(crate) response: reqwest::Response,
    pub(crate) attempts: u32,
    /// When the whole call must be done (non-streaming calls only).
    pub(crate) deadline: Option<Instant>,
}

/// Sends `call` until it gets a success status, retrying what is safe to retry.
pub(crate) async fn execute(
    client: &Client,
    call: &Call,
    options: &RequestOptions,
) -> Result<Sent> {
    let span = tracing::debug_span!("openrouter.request", method = %call.method, path = %call.path);
    execute_attempts(client, call, options)
        .instrument(span)
        .await
}

async fn execute_attempts(client: &Client, call: &Call, options: &RequestOptions) -> Result<Sent> {
    let policy = options.retry.unwrap_or(client.inner.retry);
    let timeouts = client.inner.timeouts;
    let headers_timeout = options
        .response_headers_timeout
        .unwrap_or(timeouts.response_headers);
    let deadline = if call.stream {
        None
    } else {
        options
            .timeout
            .or(timeouts.total)
            .map(|limit| Instant::now() + limit)
    };
    let mut waited = Duration::ZERO;
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let request = request::build(client, call, options)?;
        let error = match attempt_once(client, request, headers_timeout, deadline).await {
            Ok(response) if response.status().is_success() => {
                tracing::debug!(
                    attempt,
                    status = response.status().as_u16(),
                    "response headers received"
                );
                return Ok(Sent {
                    response,
                    attempts: attempt,
                    deadline,
                });
            }
            Ok(response) => error_from_response(response, deadline).await,
            Err(error) => error,
        };
        // Before anything logs it: the server may have echoed a key.
        let mut error = redact::error(client, error);
        error.set_attempts(attempt);
        let safe_to_retry = match &error {
            Error::Api(api) => api.kind().is_retryable(),
            Error::Transport(transport) => matches!(
                transport.kind,
                TransportErrorKind::Connect
                    | TransportErrorKind::BeforeResponse
                    | TransportErrorKind::Timeout(
                        TimeoutPhase::Connect | TimeoutPhase::ResponseHeaders
                    )
            ),
            _ => false,
        };
        if !safe_to_retry || attempt > policy.max_retries {
            tracing::debug!(attempt, error = %error, "giving up");
            return Err(error);
        }
        let delay = error
            .retry_after()
            .unwrap_or_else(|| policy.backoff(attempt));
        let past_deadline = deadline.is_some_and(|d| Instant::now() + delay >= d);
        if waited + delay > policy.budget || past_deadline {
            tracing::debug!(
                attempt,
                delay_ms = delay.as_millis() as u64,
                "retry wait exceeds the budget; giving up"
            );
            return Err(error);
        }
        tracing::warn!(
            attempt,
            delay_ms = delay.as_millis() as u64,
            reason = %error,
            "retrying request"
        );
        tokio::time::sleep(delay).await;
        waited += delay;
    }
}

/// One attempt up to the response headers.
async fn attempt_once(
    client: &Client,
    request: reqwest::Request,
    headers_timeout: Duration,
    deadline: Option<Instant>,
) -> Result<reqwest::Response> {
    let (limit, phase) = match deadline {
        Some(deadline) if deadline.saturating_duration_since(Instant::now()) < headers_timeout => (
            deadline.saturating_duration_since(Instant::now()),
            TimeoutPhase::Total,
        ),
        _ => (headers_timeout, TimeoutPhase::ResponseHeaders),
    };
    match tokio::time::timeout(limit, client.inner.http.execute(request)).await {
        Ok(Ok(response)) => Ok(response),
        Ok(Err(error)) => Err(classify_send_error(&error)),
        Err(_) => Err(Error::transport(
            TransportErrorKind::Timeout(phase),
            format!("no response within {limit:?}"),
        )),
    }
}

/// Names what failed before the response headers arrived.
fn classify_send_error(error: &reqwest::Error) -> Error {
    let kind = if error.is_connect() && error.is_timeout() {
        TransportErrorKind::Timeout(TimeoutPhase::Connect)
    } else if error.is_connect() {
        TransportErrorKind::Connect
    } else if error.is_timeout() {
        TransportErrorKind::Timeout(TimeoutPhase::ResponseHeaders)
    } else if error.is_builder() {
        TransportErrorKind::Other
    } else {
        TransportErrorKind::BeforeResponse
    };
    Error::transport(kind, error_chain(error))
}

/// The error and its sources in one line: reqwest's top message alone rarely says why.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Reads an error response into an [`Error::Api`].
async fn error_from_response(response: reqwest::Response, deadline: Option<Instant>) -> Error {
    let status = response.status();
    let headers = response.headers().clone();
    let body = match read_limited(response, MAX_ERROR_BODY, deadline).await {
        Ok(body) => body,
        Err(error) => {
            tracing::debug!(error = %error, "could not read the error body");
            Bytes::new()
        }
    };
    error_from_parts(status, headers, &body, SystemTime::now()).into()
}

/// An error response as an [`ApiError`]: the error object when the body is one, else the
/// status with the body kept as text; the wait the headers ask for, measured from `now`.
pub(crate) fn error_from_parts(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
    now: SystemTime,
) -> ApiError {
    let mut api = match serde_json::from_slice::<ErrorBody>(body) {
        Ok(parsed) => ApiError::from_body(Some(status), parsed),
        Err(_) => {
            let text = crate::error::excerpt(body);
            let message = status.canonical_reason().unwrap_or("error").to_owned();
            let mut api = ApiError::from_body(
                Some(status),
                ErrorBody {
                    error: ErrorObject::new(ErrorCode::Number(status.as_u16().into()), message),
                    user_id: None,
                    openrouter_metadata: None,
                    extra: Default::default(),
                },
            );
            api.raw_body = (!text.is_empty()).then_some(text);
            api
        }
    };
    api.retry_after = retry_after::retry_after(&headers, now);
    api.headers = headers;
    api
}

/// Reads a body up to `limit` bytes, within the deadline.
async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
    deadline: Option<Instant>,
) -> Result<Bytes> {
    let read = async {
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Error::transport(TransportErrorKind::Body, error_chain(&e)))?
        {
            let room = limit.saturating_sub(body.len());
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if body.len() >= limit {
                break;
            }
        }
        Ok(Bytes::from(body))
    };
    match deadline {
        Some(deadline) => tokio::time::timeout_at(deadline.into(), read)
            .await
            .unwrap_or_else(|_| {
                Err(Error::transport(
                    TransportErrorKind::Timeout(TimeoutPhase::Total),
                    "the response body did not arrive in time",
                ))
            }),
        None => read.await,
    }
}

/// Reads and decodes a JSON success response.
pub(crate) async fn send_json<T: DeserializeOwned>(
    client: &Client,
    call: &Call,
    options: &RequestOptions,
) -> Result<Response<T>> {
    let sent = execute(client, call, options).await?;
    let status = sent.response.status();
    let headers = sent.response.headers().clone();
    let body = read_limited(sent.response, usize::MAX, sent.deadline)
        .await
        .map_err(|mut e| {
            e.set_attempts(sent.attempts);
            e
        })?;
    match decode::<T>(&body, status) {
        Ok(data) => Ok(Response::new(
            data,
            status,
            redact::headers(client, &headers),
            body,
        )),
        Err(Error::Api(mut api)) => {
            api.headers = headers;
            api.attempts = sent.attempts;
            Err(redact::error(client, Error::Api(api)))
        }
        Err(mut error) => {
            error.set_attempts(sent.attempts);
            Err(redact::error(client, error))
        }
    }
}

/// The media type of a response (`text/event-stream`, lower-case, without parameters).
fn media_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|mime| mime.trim().to_ascii_lowercase())
}

/// Whether a response to a streaming call carries events. A missing `Content-Type` is given
/// the benefit of the doubt; any other type means the server declined to stream.
pub(crate) fn is_event_stream(headers: &HeaderMap) -> bool {
    media_type(headers).is_none_or(|mime| mime == "text/event-stream")
}

/// A streaming call answered with something other than events: the server (or a proxy)
/// declined to stream, typically with an error object under 200. Read as events, that body
/// would make an empty stream and the answer would be lost; instead it becomes the API error
/// it carries, or a decode error holding the body. `idle` bounds the wait for the body.
pub(crate) async fn not_an_event_stream(client: &Client, sent: Sent, idle: Duration) -> Error {
    let status = sent.response.status();
    let headers = sent.response.headers().clone();
    let media_type = media_type(&headers).unwrap_or_default();
    // The body is bounded by the idle limit, or by the total deadline when that comes first;
    // a timeout names the limit that was hit.
    let idle_deadline = Instant::now() + idle;
    let (deadline, idle_bound) = match sent.deadline {
        Some(total) if total <= idle_deadline => (total, false),
        _ => (idle_deadline, true),
    };
    let mut error = match read_limited(sent.response, MAX_ERROR_BODY, Some(deadline)).await {
        Err(Error::Transport(transport))
            if idle_bound && matches!(transport.kind, TransportErrorKind::Timeout(_)) =>
        {
            Error::transport(
                TransportErrorKind::Timeout(TimeoutPhase::StreamIdle),
                format!("the response body did not arrive within {idle:?}"),
            )
        }
        Err(error) => error,
        Ok(body) => match decode::<serde::de::IgnoredAny>(&body, status) {
            Err(Error::Api(mut api)) => {
                api.headers = headers;
                Error::Api(api)
            }
            _ => DecodeError {
                path: ".".into(),
                message: format!(
                    "expected a stream of events (text/event-stream), but the server \
                     answered with one `{media_type}` body"
                ),
                body: crate::error::excerpt(&body),
                status: Some(status),
                attempts: 1,
            }
            .into(),
        },
    };
    error.set_attempts(sent.attempts);
    redact::error(client, error)
}

/// The generation id header, when present.
pub(crate) fn generation_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-generation-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
