//! A faithful local emulator of the [OpenRouter](https://openrouter.ai) API, for tests and
//! offline development.
//!
//! [`MockServer::start`] binds a free loopback port and serves every operation of the
//! OpenRouter API (the 97 of the published OpenAPI document, plus the legacy
//! `/completions`) under [`MockServer::base_url`] (`http://127.0.0.1:PORT/api/v1`):
//!
//! - inference: `POST /chat/completions`, `/responses`, `/messages` and `/completions`,
//!   plain or streamed (`"stream": true` in the body), with deterministic replies derived
//!   from the prompt, tool calls whose arguments satisfy the tool's schema, structured output
//!   for `response_format` / `text.format`, reasoning when asked for, and usage with cost from
//!   the built-in catalogue's prices; embeddings, rerank, images (streamed partials too),
//!   speech, transcription, video jobs;
//! - the catalogue: 50+ models with per-provider endpoints, providers, datasets, benchmarks;
//! - accounts: `GET /key` (usage grows with every completion), credits consistent with that
//!   usage, generations recorded from completions, analytics computed from them;
//! - administration with real create/read/update/delete semantics (404 after delete, 409 on
//!   conflicts): API keys, guardrails and their assignments, workspaces with budgets and
//!   members, BYOK keys, observability destinations, SCIM mappings, presets and versions,
//!   files; these need the management key ([`MockServer::management_key`]) and refuse an API
//!   key with the live API's 403;
//! - OAuth PKCE: `GET /auth` (at the site root) redirects with a code that
//!   `POST /auth/keys` exchanges for a key the emulator then accepts.
//!
//! Every JSON request body is validated against the vendored OpenAPI document (see [`spec`];
//! [`MockConfig::validate_requests()`] turns it off) and rejected with OpenRouter's error body,
//! `{"error":{"code":400,"message":"..."}}`, naming the offending field. Every request is
//! recorded for assertions ([`MockServer::requests`]).
//!
//! # Scripted turns
//!
//! [`MockServer::push_reply`] queues a [`MockReply`] that the next chat completion answers
//! with, streamed or not: text, several tool calls in one turn, reasoning with
//! `reasoning_details` sent exactly as given, a finish reason, usage and cost, and a delay
//! that holds the answer after the headers. Agent loops are tested turn by turn this way.
//! Chat completions also refuse (400) a `tool` message whose `tool_call_id` answers no
//! earlier assistant tool call, as the live API does.
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
mod script;
mod server;
pub mod spec;
mod state;
mod store;
mod transport;

pub use config::MockConfig;
pub use faults::{Fault, FAULT_HEADER};
pub use record::RecordedRequest;
pub use script::{MockReply, MockToolCall, MockUsage};
pub use server::{serve, MockServer};
