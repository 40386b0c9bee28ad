//! A faithful local emulator of the [OpenRouter](https://openrouter.ai) API, for tests and
//! offline development.
//!
//! [`MockServer::start`] binds a free loopback port and serves, under
//! [`MockServer::base_url`] (`http://127.0.0.1:PORT/api/v1`):
//!
//! - `POST /chat/completions`, plain or streamed (`"stream": true` in the body), with
//!   deterministic replies derived from the prompt, tool calls whose arguments satisfy the
//!   tool's schema, structured output for `response_format`, reasoning when asked for, and
//!   usage with cost from the built-in catalogue's prices;
//! - `GET /models`, the built-in catalogue;
//! - `GET /key`, whose `usage` grows by the cost of every completion served with the key;
//! - `GET /generation?id=`, the record of every completion served.
//!
//! Requests are validated the way OpenRouter does and rejected with its error body,
//! `{"error":{"code":400,"message":"..."}}`. Every request is recorded for assertions
//! ([`MockServer::requests`]).
//!
//! # Faults
//!
//! A [`Fault`] makes the emulator misbehave on one request. Queue one with
//! [`MockServer::push_fault`] (each queued fault is consumed by the next request, first in,
//! first out) or select one for a single request with the `x-mock-fault` header. When both
//! are present, the header wins and the queued fault is still consumed.
//!
//! The header value is `;`-separated items: the first names the fault, the rest are its
//! parameters.
//!
//! | header value | fault |
//! |---|---|
//! | `status=429;retry-after=1;retry-after-ms=1500;message=Slow down` | [`Fault::Status`]; all parameters optional |
//! | `delay-headers-ms=200` | [`Fault::DelayHeaders`] |
//! | `slow-chunks-ms=50` | [`Fault::SlowChunks`] |
//! | `keep-alives=5;interval-ms=100` | [`Fault::KeepAlives`] (count defaults to 3, interval to 50 ms) |
//! | `mid-stream-error=2;code=502;message=Upstream failed` | [`Fault::MidStreamError`] (code defaults to 502) |
//! | `stall=1` | [`Fault::Stall`] (defaults to 0 chunks) |
//! | `reset-before-headers` | [`Fault::ResetBeforeHeaders`] |
//! | `reset-after=2` | [`Fault::ResetAfterChunks`] |
//! | `truncated-body` | [`Fault::TruncatedBody`] |
//! | `malformed-json` | [`Fault::MalformedJson`] |
//! | `split-utf8` | [`Fault::SplitUtf8`] |
//! | `error-on-200=400;message=Bad input` | [`Fault::ErrorBodyOn200`] |
//!
//! A header that does not parse is answered with 400 and a message saying what is wrong.
//! "Chunks" count the `data:` events of a stream, keep-alive comments excluded.
//!
//! ```no_run
//! # async fn demo() {
//! use openrouter_mock::{Fault, MockServer};
//!
//! let server = MockServer::start().await;
//! server.push_fault(Fault::status(429).with_retry_after("1"));
//! // Point a client at server.base_url() with server.api_key() ...
//! assert_eq!(server.request_count(), 0);
//! # }
//! ```

mod auth;
mod catalogue;
mod completion;
mod config;
mod errors;
mod faults;
mod ids;
mod record;
mod routes;
mod schema;
mod server;
pub mod spec;
mod state;
mod store;
mod transport;

pub use config::MockConfig;
pub use faults::{Fault, FAULT_HEADER};
pub use record::RecordedRequest;
pub use server::{serve, MockServer};
