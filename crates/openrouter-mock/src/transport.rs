//! Turning a finished answer into bytes on the wire, shaped by the request's fault.
//!
//! Handlers decide *what* to answer; this module decides *how* it is delivered: pauses,
//! keep-alives, cut writes, stalls and aborted connections.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use futures_util::stream::{self, Stream};
use serde_json::{json, Value};

use crate::errors::error_body;
use crate::faults::Fault;
use crate::state::Shared;

/// The fault chosen for the request being served, if any.
#[derive(Debug, Clone, Default)]
pub(crate) struct ActiveFault(pub(crate) Option<Fault>);

/// The keep-alive the live API puts in front of slow non-streaming JSON bodies.
const JSON_KEEP_ALIVE: &str = "\n         \n";
/// The keep-alive comment the live API sends on slow streams.
const SSE_KEEP_ALIVE: &str = ": OPENROUTER PROCESSING\n\n";
/// Pause between the pieces of a cut event, long enough for each to leave as its own write.
const SPLIT_PAUSE: Duration = Duration::from_millis(15);
/// Pause before an abort, so the bytes already produced reach the client first.
const ABORT_PAUSE: Duration = Duration::from_millis(100);

/// One step of a scripted response body.
enum Step {
    Data(Bytes),
    Sleep(Duration),
    /// Never finish; the body ends only when the client leaves.
    Hang,
    /// Fail the body, which makes the server abort the connection.
    Fail,
}

fn data(s: impl Into<Bytes>) -> Step {
    Step::Data(s.into())
}

fn script(steps: Vec<Step>) -> Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>> {
    Box::pin(stream::unfold(steps.into_iter(), |mut steps| async move {
        loop {
            match steps.next()? {
                Step::Data(bytes) => return Some((Ok(bytes), steps)),
                Step::Sleep(d) => tokio::time::sleep(d).await,
                Step::Hang => std::future::pending::<()>().await,
                Step::Fail => {
                    return Some((Err(io::Error::other("connection aborted by fault")), steps))
                }
            }
        }
    }))
}

/// Counts the response as a disconnect if it is dropped before it finished.
struct Tracked {
    inner: Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>,
    shared: Arc<Shared>,
    finished: bool,
}

impl Stream for Tracked {
    type Item = io::Result<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let polled = this.inner.as_mut().poll_next(cx);
        match &polled {
            // A deliberate abort is the server's doing, not the client leaving.
            Poll::Ready(None) | Poll::Ready(Some(Err(_))) => this.finished = true,
            _ => {}
        }
        polled
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if !self.finished {
            self.shared.count_disconnect();
        }
    }
}

fn response(
    status: StatusCode,
    content_type: &'static str,
    headers: Vec<(HeaderName, String)>,
    body: Body,
) -> Response {
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    resp
}

/// Cut `bytes` into pieces, each cut falling inside a multi-byte character when there is one.
fn split_pieces(bytes: &[u8]) -> Vec<Bytes> {
    let mut cuts: Vec<usize> = bytes
        .windows(2)
        .enumerate()
        // A byte followed by a UTF-8 continuation byte starts a multi-byte sequence.
        .filter(|(_, w)| w[0] >= 0xC0 && (w[1] & 0xC0) == 0x80)
        .map(|(i, _)| i + 1)
        .collect();
    if cuts.is_empty() && bytes.len() > 1 {
        cuts.push(bytes.len() / 2);
    }
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        pieces.push(Bytes::copy_from_slice(&bytes[start..cut]));
        start = cut;
    }
    pieces.push(Bytes::copy_from_slice(&bytes[start..]));
    pieces
}

fn push_split(steps: &mut Vec<Step>, bytes: &[u8]) {
    for piece in split_pieces(bytes) {
        steps.push(Step::Data(piece));
        steps.push(Step::Sleep(SPLIT_PAUSE));
    }
}

/// A non-streaming JSON answer, delivered as the fault dictates.
pub(crate) fn json(
    fault: &ActiveFault,
    status: StatusCode,
    body: &Value,
    headers: Vec<(HeaderName, String)>,
) -> Response {
    let text = body.to_string();
    let ct = "application/json";
    let Some(fault) = &fault.0 else {
        return response(status, ct, headers, Body::from(text));
    };
    let steps = match fault {
        Fault::KeepAlives { count, interval } => {
            let mut steps = Vec::new();
            for _ in 0..*count {
                steps.push(data(JSON_KEEP_ALIVE));
                steps.push(Step::Sleep(*interval));
            }
            steps.push(data(text));
            steps
        }
        Fault::Stall { .. } => vec![Step::Hang],
        Fault::TruncatedBody => {
            let mut headers = headers;
            headers.push((header::CONTENT_LENGTH, (text.len() + 64).to_string()));
            let steps = vec![data(text), Step::Sleep(ABORT_PAUSE), Step::Fail];
            return response(status, ct, headers, Body::from_stream(script(steps)));
        }
        Fault::ResetAfterChunks { .. } => {
            let half = text.len() / 2;
            let head = Bytes::copy_from_slice(&text.as_bytes()[..half]);
            vec![Step::Data(head), Step::Sleep(ABORT_PAUSE), Step::Fail]
        }
        Fault::MalformedJson => {
            let half = text.len() / 2;
            let broken = format!(
                "{}<!-- upstream cut -->",
                &text[..text.floor_char_boundary_compat(half)]
            );
            return response(StatusCode::OK, ct, headers, Body::from(broken));
        }
        Fault::SplitUtf8 => {
            let mut steps = Vec::new();
            push_split(&mut steps, text.as_bytes());
            steps
        }
        Fault::ErrorBodyOn200 { code, message } => {
            let body = error_body(*code, message).to_string();
            return response(StatusCode::OK, ct, headers, Body::from(body));
        }
        _ => return response(status, ct, headers, Body::from(text)),
    };
    response(status, ct, headers, Body::from_stream(script(steps)))
}

/// Helper trait: `str::floor_char_boundary` is not stable on the crate's minimum Rust.
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, at: usize) -> usize {
        let mut at = at.min(self.len());
        while !self.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// Fields every chunk of one stream shares, used to build the error chunk.
pub(crate) struct ChunkHeader {
    pub(crate) id: String,
    pub(crate) created: u64,
    pub(crate) model: String,
    pub(crate) provider: String,
}

/// A server-sent event stream of `events` (each a JSON chunk), then `data: [DONE]`.
pub(crate) fn sse(
    shared: &Arc<Shared>,
    fault: &ActiveFault,
    head: &ChunkHeader,
    events: &[Value],
    headers: Vec<(HeaderName, String)>,
) -> Response {
    let frames = events.iter().map(|v| format!("data: {v}\n\n")).collect();
    let error = |code: i64, message: &str| {
        let chunk = json!({
            "id": head.id,
            "object": "chat.completion.chunk",
            "created": head.created,
            "model": head.model,
            "provider": head.provider,
            "error": { "code": code, "message": message },
            "choices": [{
                "index": 0,
                "delta": { "content": "" },
                "finish_reason": "error",
                "native_finish_reason": null,
            }],
        });
        format!("data: {chunk}\n\n")
    };
    let malformed = format!(
        "data: {{\"id\":\"{}\",\"object\":\"chat.completion.chunk\",\"choices\":[{{\"delta\":{{\"content\":\"unterminated\n\n",
        head.id
    );
    sse_frames(shared, fault, frames, &error, malformed, headers)
}

/// A server-sent event stream of ready-made frames (`data: ..\n\n`, possibly with an
/// `event:` line), then `data: [DONE]`. `error(code, message)` renders the frame a
/// mid-stream-error fault sends; `malformed` is the broken frame of the malformed-JSON fault.
pub(crate) fn sse_frames(
    shared: &Arc<Shared>,
    fault: &ActiveFault,
    mut frames: Vec<String>,
    error: &dyn Fn(i64, &str) -> String,
    malformed: String,
    headers: Vec<(HeaderName, String)>,
) -> Response {
    if let Some(Fault::ErrorBodyOn200 { code, message }) = &fault.0 {
        let body = error_body(*code, message).to_string();
        return response(
            StatusCode::OK,
            "application/json",
            headers,
            Body::from(body),
        );
    }
    let done = "data: [DONE]\n\n";
    let mut steps = Vec::new();
    let mut tail: Vec<Step> = vec![data(done)];
    let mut cut_at: Option<usize> = None;
    let mut gap = None;
    match &fault.0 {
        Some(Fault::KeepAlives { count, interval }) => {
            for _ in 0..*count {
                steps.push(data(SSE_KEEP_ALIVE));
                steps.push(Step::Sleep(*interval));
            }
        }
        Some(Fault::SlowChunks(d)) => gap = Some(*d),
        Some(Fault::MidStreamError {
            after_chunks,
            code,
            message,
        }) => {
            cut_at = Some(*after_chunks);
            tail = vec![data(error(*code, message)), data(done)];
        }
        Some(Fault::Stall { after_chunks }) => {
            cut_at = Some(*after_chunks);
            tail = vec![Step::Hang];
        }
        Some(Fault::ResetAfterChunks { after_chunks }) => {
            cut_at = Some(*after_chunks);
            tail = vec![Step::Sleep(ABORT_PAUSE), Step::Fail];
        }
        Some(Fault::TruncatedBody) => {
            cut_at = Some(frames.len() / 2);
            tail = vec![Step::Sleep(ABORT_PAUSE), Step::Fail];
        }
        Some(Fault::MalformedJson) => {
            let at = frames.len().min(1);
            frames.insert(at, malformed);
        }
        _ => {}
    }
    if let Some(k) = cut_at {
        frames.truncate(k);
    }
    let split = matches!(fault.0, Some(Fault::SplitUtf8));
    for (i, f) in frames.iter().enumerate() {
        if i > 0 {
            if let Some(d) = gap {
                steps.push(Step::Sleep(d));
            }
        }
        if split {
            push_split(&mut steps, f.as_bytes());
        } else {
            steps.push(data(f.clone()));
        }
    }
    if let Some(d) = gap {
        steps.push(Step::Sleep(d));
    }
    if split {
        for step in tail {
            match step {
                Step::Data(b) => push_split(&mut steps, &b),
                other => steps.push(other),
            }
        }
    } else {
        steps.extend(tail);
    }
    let body = Tracked {
        inner: script(steps),
        shared: Arc::clone(shared),
        finished: false,
    };
    let mut headers = headers;
    headers.push((header::CACHE_CONTROL, "no-cache".to_owned()));
    response(
        StatusCode::OK,
        "text/event-stream",
        headers,
        Body::from_stream(body),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_inside_characters_and_reassemble() {
        let text = "data: héllo ✓ 日本\n\n";
        let pieces = split_pieces(text.as_bytes());
        assert!(pieces.len() > 2);
        for p in &pieces[..pieces.len() - 1] {
            assert!(std::str::from_utf8(p).is_err() || p.is_ascii());
        }
        let joined: Vec<u8> = pieces.iter().flat_map(|p| p.iter().copied()).collect();
        assert_eq!(joined, text.as_bytes());
    }
}
