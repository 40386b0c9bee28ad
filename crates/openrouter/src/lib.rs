//! A complete, typed client for the [OpenRouter](https://openrouter.ai) API.
//!
//! OpenRouter puts hundreds of models from dozens of providers behind one OpenAI-compatible
//! API. This crate speaks it with care for what goes wrong in production:
//!
//! - **Nothing lost.** Responses decode leniently and losslessly: fields this version does
//!   not know are kept and written back; enum values it does not know become `Other(..)`.
//! - **Streams done right.** Mid-stream errors arrive as `Err` with their code; keep-alive
//!   comments keep a stream alive; an idle timeout (not a total one) catches stalls; UTF-8
//!   split across network reads arrives intact; dropping a stream closes the connection.
//! - **Safe retries.** 408/429/5xx and connection failures are retried with jittered backoff,
//!   honouring `Retry-After`; a request the server began answering is never sent again.
//! - **Clear errors.** One [`Error`] type; every documented status has its own
//!   [`ApiErrorKind`]; decode errors name the JSON path. The API key never appears in
//!   `Debug` output, errors or logs.
//!
//! # Quick start
//!
//! ```no_run
//! use futures_util::StreamExt;
//! use openrouter::types::chat::{ChatRequest, Message};
//!
//! # async fn run() -> openrouter::Result<()> {
//! let client = openrouter::Client::from_env()?; // OPENROUTER_API_KEY, OPENROUTER_BASE_URL
//! let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Write a haiku")]);
//!
//! let result = client.chat().create(&request).await?;
//! println!("{}", result.text().unwrap_or_default());
//!
//! let mut stream = client.chat().stream(&request).await?;
//! while let Some(chunk) = stream.next().await {
//!     print!("{}", chunk?.content().unwrap_or_default());
//! }
//! # Ok(()) }
//! ```
//!
//! # Areas
//!
//! Every operation of the API hangs off an area handle on the client: [`Client::chat`],
//! [`Client::responses`], [`Client::messages`], [`Client::completions`],
//! [`Client::embeddings`], [`Client::rerank`], [`Client::images`], [`Client::audio`],
//! [`Client::videos`], [`Client::files`], [`Client::models`], [`Client::endpoints`],
//! [`Client::providers`], [`Client::generations`], [`Client::credits`], [`Client::keys`],
//! [`Client::oauth`], [`Client::analytics`], [`Client::datasets`], [`Client::benchmarks`],
//! [`Client::classifications`], [`Client::presets`], [`Client::guardrails`],
//! [`Client::workspaces`], [`Client::byok`], [`Client::observability`],
//! [`Client::organization`] and [`Client::scim`]. The [`api`] module lists each operation
//! with its method and the key it needs. Administration needs a management key
//! ([`ClientBuilder::management_key`]); a call without the right key fails before anything
//! is sent. Lists come one page at a time, or as a lazy [`pagination::Paginated`] stream.
//!
//! For tests and offline work, the companion crate `openrouter-mock` runs a faithful
//! emulator of the API on localhost: point [`ClientBuilder::base_url`] at it.

#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod __fuzz;
pub mod agent;
pub mod api;
#[cfg(feature = "blocking")]
pub mod blocking;
mod client;
pub mod config;
mod error;
pub mod fallback;
#[cfg(feature = "mcp")]
pub mod mcp;
mod options;
pub mod pagination;
mod response;
pub mod schema;
pub mod sse;
pub mod stream;
pub mod structured;
pub mod tools;
mod transport;
pub mod types;

pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use config::{RetryPolicy, Timeouts};
pub use error::{
    ApiError, ApiErrorKind, DecodeError, Error, Result, TimeoutPhase, TransportError,
    TransportErrorKind,
};
pub use options::RequestOptions;
pub use response::Response;

/// The README's examples, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
