//! Reading a binary success body (audio, video, file content): whole, or chunk by chunk into
//! a writer. Sending goes through [`execute`](super::execute), so retries, timeouts and error
//! decoding are the same as for JSON calls.

use std::time::Instant;

use bytes::Bytes;
use http::header::CONTENT_TYPE;
use http::HeaderMap;
use tokio::io::{AsyncWrite, AsyncWriteExt};

use super::{execute, read_limited, Call};
use crate::client::Client;
use crate::error::{Error, Result, TimeoutPhase, TransportErrorKind};
use crate::options::RequestOptions;
use crate::response::Response;

/// Whether the server labelled the body JSON: a binary endpoint answering JSON under a 2xx
/// is reporting an error.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"))
}

/// The body as an error when it is an OpenRouter error object.
fn error_in(
    client: &Client,
    body: &[u8],
    sent_attempts: u32,
    headers: &HeaderMap,
) -> Option<Error> {
    let status = http::StatusCode::OK;
    match super::decode::<serde_json::Value>(body, status) {
        Err(Error::Api(mut api)) => {
            api.headers = headers.clone();
            api.attempts = sent_attempts;
            Some(super::redact::error(client, Error::Api(api)))
        }
        _ => None,
    }
}

/// Sends `call` and reads the whole binary body.
pub(crate) async fn send_bytes(
    client: &Client,
    call: &Call,
    options: &RequestOptions,
) -> Result<Response<Bytes>> {
    let sent = execute(client, call, options).await?;
    let status = sent.response.status();
    let headers = super::redact::headers(client, sent.response.headers());
    let attempts = sent.attempts;
    let body = read_limited(sent.response, usize::MAX, sent.deadline)
        .await
        .map_err(|mut e| {
            e.set_attempts(attempts);
            e
        })?;
    if is_json(&headers) {
        if let Some(error) = error_in(client, &body, attempts, &headers) {
            return Err(error);
        }
    }
    Ok(Response::new(body.clone(), status, headers, body))
}

/// Sends `call` and copies the body into `writer` chunk by chunk, never holding more than one
/// chunk; returns the number of bytes written and the response headers. The writer is
/// flushed at the end.
pub(crate) async fn send_to_writer<W: AsyncWrite + Unpin + ?Sized>(
    client: &Client,
    call: &Call,
    options: &RequestOptions,
    writer: &mut W,
) -> Result<(u64, HeaderMap)> {
    let sent = execute(client, call, options).await?;
    let headers = super::redact::headers(client, sent.response.headers());
    let attempts = sent.attempts;
    let deadline = sent.deadline;
    if is_json(&headers) {
        // A JSON body here is small: an error object, or JSON the caller asked to save.
        let body = read_limited(sent.response, usize::MAX, deadline).await?;
        if let Some(error) = error_in(client, &body, attempts, &headers) {
            return Err(error);
        }
        write(writer, &body).await?;
        flush(writer).await?;
        return Ok((body.len() as u64, headers));
    }
    let mut response = sent.response;
    let copy = async {
        let mut written = 0u64;
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Error::transport(TransportErrorKind::Body, super::error_chain(&e)))?
        {
            write(writer, &chunk).await?;
            written += chunk.len() as u64;
        }
        flush(writer).await?;
        Ok(written)
    };
    let written = within(deadline, copy).await.map_err(|mut e: Error| {
        e.set_attempts(attempts);
        e
    })?;
    Ok((written, headers))
}

async fn within<T>(
    deadline: Option<Instant>,
    work: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    match deadline {
        Some(deadline) => tokio::time::timeout_at(deadline.into(), work)
            .await
            .unwrap_or_else(|_| {
                Err(Error::transport(
                    TransportErrorKind::Timeout(TimeoutPhase::Total),
                    "the response body did not arrive in time",
                ))
            }),
        None => work.await,
    }
}

async fn write<W: AsyncWrite + Unpin + ?Sized>(writer: &mut W, bytes: &[u8]) -> Result<()> {
    writer.write_all(bytes).await.map_err(|e| {
        Error::transport(
            TransportErrorKind::Other,
            format!("cannot write the body: {e}"),
        )
    })
}

async fn flush<W: AsyncWrite + Unpin + ?Sized>(writer: &mut W) -> Result<()> {
    writer.flush().await.map_err(|e| {
        Error::transport(
            TransportErrorKind::Other,
            format!("cannot write the body: {e}"),
        )
    })
}
