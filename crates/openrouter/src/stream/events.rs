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

/// Typed events from an SSE body.
pub(crate) struct EventStream<T> {
    // A Mutex only to make the stream `Sync`; it is reached through `get_mut`, never locked.
    body: Mutex<Body>,
    decoder: SseDecoder,
    idle_limit: Duration,
    idle: Pin<Box<Sleep>>,
    status: StatusCode,
    headers: HeaderMap,
    finished: bool,
    body_ended: bool,
    _type: PhantomData<fn() -> T>,
}

impl<T> EventStream<T> {
    pub(crate) fn new(response: reqwest::Response, idle_limit: Duration) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        Self {
            body: Mutex::new(Box::pin(response.bytes_stream())),
            decoder: SseDecoder::new(),
            idle_limit,
            idle: Box::pin(tokio::time::sleep(idle_limit)),
            status,
            headers,
            finished: false,
            body_ended: false,
            _type: PhantomData,
        }
    }

    /// Replaces the headers (and so the ones in-band errors carry) with a cleaned copy.
    pub(crate) fn clean_headers(&mut self, clean: impl FnOnce(&HeaderMap) -> HeaderMap) {
        self.headers = clean(&self.headers);
    }

    pub(crate) fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    fn fail(&mut self, error: Error) -> Poll<Option<Result<StreamEvent<T>>>> {
        self.finished = true;
        Poll::Ready(Some(Err(error)))
    }
}

impl<T: StreamPayload> EventStream<T> {
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
                    self.finished = true;
                    let mut api = ApiError::from_body(Some(self.status), body);
                    api.in_stream = true;
                    api.headers = self.headers.clone();
                    Some(Err(api.into()))
                }
                None => Some(Ok(StreamEvent::Data(value))),
            },
            Err(_) => {
                self.finished = true;
                // An error event may not look like a chunk at all.
                if let Ok(body) = serde_json::from_str::<ErrorBody>(data) {
                    let mut api = ApiError::from_body(Some(self.status), body);
                    api.in_stream = true;
                    api.headers = self.headers.clone();
                    return Some(Err(api.into()));
                }
                let mut de = serde_json::Deserializer::from_str(data);
                let error = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                    Err(error) => DecodeError::new(error, data.as_bytes(), Some(self.status)),
                    Ok(_) => DecodeError {
                        path: ".".into(),
                        message: "invalid stream event".into(),
                        body: crate::error::excerpt(data.as_bytes()),
                        status: Some(self.status),
                    },
                };
                Some(Err(error.into()))
            }
        }
    }

    pub(crate) fn poll_event(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<StreamEvent<T>>>> {
        loop {
            if self.finished {
                return Poll::Ready(None);
            }
            let next = if self.body_ended {
                self.decoder.finish()
            } else {
                self.decoder.next_item()
            };
            match next {
                Err(error) => return self.fail(error.into()),
                Ok(Some(item)) => match self.on_item(item) {
                    Some(result) => return Poll::Ready(Some(result)),
                    None => continue,
                },
                Ok(None) if self.body_ended => {
                    self.finished = true;
                    return Poll::Ready(None);
                }
                Ok(None) => {}
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
                    return self.fail(Error::transport(TransportErrorKind::Body, message));
                }
                Poll::Ready(None) => self.body_ended = true,
                Poll::Pending => {
                    return match self.idle.as_mut().poll(cx) {
                        Poll::Ready(()) => {
                            let limit = self.idle_limit;
                            self.fail(Error::transport(
                                TransportErrorKind::Timeout(TimeoutPhase::StreamIdle),
                                format!("nothing received for {limit:?}"),
                            ))
                        }
                        Poll::Pending => Poll::Pending,
                    };
                }
            }
        }
    }
}
