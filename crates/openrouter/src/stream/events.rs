//! From a response body to typed events: SSE decoding, the idle timer, `[DONE]`, and
//! in-band errors. Driven by polling the body directly: no task, no channel, so dropping
//! the stream drops the connection.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;
use http::{HeaderMap, StatusCode};
use tokio::time::{Instant, Sleep};

use super::typed::StreamPayload;
use crate::error::{ApiError, DecodeError, Error, Result, TimeoutPhase, TransportErrorKind};
use crate::sse::{SseDecoder, SseItem};
use crate::types::error::ErrorBody;

type Body = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// What a stream yields before typing: a data payload or a keep-alive comment.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StreamEvent<T> {
    /// A decoded data event.
    Data(T),
    /// A keep-alive comment such as `OPENROUTER PROCESSING`: the server is still working.
    KeepAlive(String),
}

/// The synchronous half of a stream: SSE bytes in, typed events out. Kept apart from the
/// body and the idle timer so that tests and fuzzers drive the very code streams run.
pub(crate) struct EventDecoder<T> {
    sse: SseDecoder,
    status: StatusCode,
    headers: HeaderMap,
    /// `[DONE]` or an error arrived: nothing more is decoded.
    finished: bool,
    /// How many times the request was sent before this stream opened; errors carry it.
    attempts: u32,
    _type: PhantomData<fn() -> T>,
}

impl<T> EventDecoder<T> {
    /// A decoder for a body answered with `status` and `headers` (which in-band errors
    /// carry), refusing events larger than `max_event_size` bytes.
    pub(crate) fn new(status: StatusCode, headers: HeaderMap, max_event_size: usize) -> Self {
        Self {
            sse: SseDecoder::with_max_event_size(max_event_size),
            status,
            headers,
            finished: false,
            attempts: 1,
            _type: PhantomData,
        }
    }

    /// Appends body bytes.
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        if !self.finished {
            self.sse.feed(bytes);
        }
    }

    /// Whether the stream has ended (`[DONE]` or an error): later calls yield nothing.
    pub(crate) fn is_finished(&self) -> bool {
        self.finished
    }

    fn fail(&mut self, mut error: Error) -> Option<Result<StreamEvent<T>>> {
        self.finished = true;
        error.set_attempts(self.attempts);
        Some(Err(error))
    }
}

impl<T: StreamPayload> EventDecoder<T> {
    /// The next event the bytes fed so far complete. `None` means more bytes are needed, or,
    /// when `eof` is set (the body ended) or after the end, that there is nothing more.
    pub(crate) fn next_event(&mut self, eof: bool) -> Option<Result<StreamEvent<T>>> {
        while !self.finished {
            let next = if eof {
                self.sse.finish()
            } else {
                self.sse.next_item()
            };
            match next {
                Err(error) => return self.fail(error.into()),
                Ok(None) => {
                    self.finished = eof;
                    return None;
                }
                Ok(Some(item)) => {
                    if let Some(result) = self.on_item(item) {
                        return Some(result);
                    }
                }
            }
        }
        None
    }

    /// Turns one SSE item into what the stream yields; `None` means "nothing to yield".
    fn on_item(&mut self, item: SseItem) -> Option<Result<StreamEvent<T>>> {
        let event = match item {
            SseItem::Comment(text) => return Some(Ok(StreamEvent::KeepAlive(text))),
            SseItem::Event(event) => event,
        };
        let data = event.data.trim();
        if data == "[DONE]" {
            self.finished = true;
            return None;
        }
        if data.is_empty() {
            return None;
        }
        match serde_json::from_str::<T>(data) {
            Ok(value) => match value.in_band_error() {
                Some(body) => {
                    let error = self.in_band(body);
                    self.fail(error)
                }
                None => Some(Ok(StreamEvent::Data(value))),
            },
            Err(_) => {
                // An error event may not look like a chunk at all.
                if let Ok(body) = serde_json::from_str::<ErrorBody>(data) {
                    let error = self.in_band(body);
                    return self.fail(error);
                }
                let mut de = serde_json::Deserializer::from_str(data);
                let error = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                    Err(error) => DecodeError::new(error, data.as_bytes(), Some(self.status)),
                    Ok(_) => DecodeError {
                        path: ".".into(),
                        message: "invalid stream event".into(),
                        body: crate::error::excerpt(data.as_bytes()),
                        status: Some(self.status),
                        attempts: 1,
                    },
                };
                self.fail(error.into())
            }
        }
    }

    fn in_band(&self, body: ErrorBody) -> Error {
        let mut api = ApiError::from_body(Some(self.status), body);
        api.in_stream = true;
        api.headers = self.headers.clone();
        api.into()
    }
}

/// Typed events from an SSE body.
pub(crate) struct EventStream<T> {
    // A Mutex only to make the stream `Sync`; it is reached through `get_mut`, never locked.
    body: Mutex<Body>,
    decoder: EventDecoder<T>,
    idle_limit: Duration,
    idle: Pin<Box<Sleep>>,
    body_ended: bool,
}

impl<T> EventStream<T> {
    pub(crate) fn new(
        response: reqwest::Response,
        idle_limit: Duration,
        max_event_size: usize,
    ) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        Self {
            body: Mutex::new(Box::pin(response.bytes_stream())),
            decoder: EventDecoder::new(status, headers, max_event_size),
            idle_limit,
            idle: Box::pin(tokio::time::sleep(idle_limit)),
            body_ended: false,
        }
    }

    /// Records how many times the request was sent before the stream opened, for its errors.
    pub(crate) fn set_attempts(&mut self, attempts: u32) {
        self.decoder.attempts = attempts;
    }

    /// Replaces the headers (and so the ones in-band errors carry) with a cleaned copy.
    pub(crate) fn clean_headers(&mut self, clean: impl FnOnce(&HeaderMap) -> HeaderMap) {
        self.decoder.headers = clean(&self.decoder.headers);
    }

    pub(crate) fn headers(&self) -> &HeaderMap {
        &self.decoder.headers
    }

    pub(crate) fn status(&self) -> StatusCode {
        self.decoder.status
    }
}

impl<T: StreamPayload> EventStream<T> {
    pub(crate) fn poll_event(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<StreamEvent<T>>>> {
        loop {
            if let Some(result) = self.decoder.next_event(self.body_ended) {
                return Poll::Ready(Some(result));
            }
            if self.decoder.is_finished() {
                return Poll::Ready(None);
            }
            let body = self
                .body
                .get_mut()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            match body.as_mut().poll_next(cx) {
                Poll::Ready(Some(Ok(bytes))) => {
                    self.decoder.feed(&bytes);
                    let next_deadline = Instant::now() + self.idle_limit;
                    self.idle.as_mut().reset(next_deadline);
                }
                Poll::Ready(Some(Err(error))) => {
                    let message = crate::transport::error_chain(&error);
                    let error = Error::transport(TransportErrorKind::Body, message);
                    return Poll::Ready(self.decoder.fail(error));
                }
                Poll::Ready(None) => self.body_ended = true,
                Poll::Pending => {
                    if self.idle.as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    let limit = self.idle_limit;
                    let error = Error::transport(
                        TransportErrorKind::Timeout(TimeoutPhase::StreamIdle),
                        format!("nothing received for {limit:?}"),
                    );
                    return Poll::Ready(self.decoder.fail(error));
                }
            }
        }
    }
}
