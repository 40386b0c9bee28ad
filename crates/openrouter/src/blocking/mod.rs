//! The same API without async, for command-line tools, scripts and other synchronous code
//! (feature `blocking`).
//!
//! [`Client`] has the methods of [`crate::Client`] and its area handles, returning when the
//! answer is in: `client.chat().create(&request)?` instead of `.await?`. Requests, results,
//! errors and options are the same types as in async code. What differs:
//!
//! - a streamed answer is an [`Iterator`] of events ([`stream::TypedStream`]); dropping it
//!   closes the connection;
//! - a `*_all` list is an iterator over every item, fetching pages as it goes
//!   ([`pagination::Paginated`]);
//! - `*_to_writer` methods take a [`std::io::Write`].
//!
//! ```no_run
//! use openrouter::types::chat::{ChatRequest, Message};
//!
//! # fn run() -> openrouter::Result<()> {
//! let client = openrouter::blocking::Client::from_env()?;
//! let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Write a haiku")]);
//!
//! let result = client.chat().create(&request)?;
//! println!("{}", result.text().unwrap_or_default());
//!
//! for chunk in client.chat().stream(&request)? {
//!     print!("{}", chunk?.content().unwrap_or_default());
//! }
//! # Ok(()) }
//! ```
//!
//! # The runtime
//!
//! Each client owns a small Tokio runtime with one worker thread, shared by its clones and
//! stopped when the last of them (and of the iterators made from them) is dropped. The worker
//! keeps the connections alive and notices dropped streams; each call is driven on the
//! calling thread, so many threads can use one client at once. No runtime type appears in the
//! API, and the caller needs none.
//!
//! Called from async code, a blocking method does not panic: it runs on a helper thread while
//! the calling thread waits (see [`Client`] for what that costs). In async code, use
//! [`Client::as_async`] and `.await` instead.

#[macro_use]
mod macros;

mod areas;
mod client;
mod io;
pub mod pagination;
mod runtime;
pub mod stream;
#[cfg(test)]
mod twins;

pub use client::Client;

/// The blocking area handles, one per area of the API, as in [`crate::api`].
pub mod api {
    pub use super::areas::*;
    pub use crate::api::WaitOptions;
}
