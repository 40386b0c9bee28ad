//! The blocking client: an async [`crate::Client`] plus the runtime that drives it.

use std::fmt;
use std::sync::Arc;

use super::runtime::Runtime;
use crate::error::Result;
use crate::ClientBuilder;

/// A handle on the OpenRouter API whose methods return when the answer is in.
///
/// It wraps an async [`crate::Client`] and owns a small Tokio runtime (one worker thread)
/// that drives the connections; nothing about the runtime shows in its API. The area handles
/// ([`Client::chat`], [`Client::models`], ...) have the same methods as the async ones,
/// without `.await`; streams and paginated lists are iterators.
///
/// Cloning is cheap, and clones share the connection pool and the runtime, which stops when
/// the last clone (and the last stream or list iterator made from it) is dropped. A client
/// can be shared by many threads; their calls run side by side.
///
/// ```no_run
/// use openrouter::types::chat::{ChatRequest, Message};
///
/// # fn run() -> openrouter::Result<()> {
/// let client = openrouter::blocking::Client::from_env()?;
/// let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Say hi")]);
/// let result = client.chat().create(&request)?;
/// println!("{}", result.text().unwrap_or_default());
/// # Ok(()) }
/// ```
///
/// # Inside async code
///
/// Prefer [`Client::as_async`] and `.await` there. A blocking call made from a thread that
/// runs an async runtime still works (it does not panic): it runs on a helper thread while
/// the calling thread waits, which holds that thread, and the tasks it would otherwise run,
/// for the duration of the call.
///
/// # Sharing the connection pool with async code
///
/// [`Client::from_async`] and [`Client::as_async`] share one connection pool between the
/// blocking and the async side. A connection that async code opens belongs to the runtime
/// that code runs on, and is only served while that runtime runs. A blocking call that picks
/// it up from the pool while that runtime is idle (a current-thread runtime between two
/// `block_on`s) or blocked (the call is made from its only thread) waits until the request
/// times out. Connections the blocking side opens are served by its own worker thread and
/// have no such limit. So share the pool with async code on a runtime that keeps running
/// (e.g. `#[tokio::main]`'s multi-thread one), and otherwise give each side its own client.
#[derive(Clone)]
pub struct Client {
    inner: crate::Client,
    runtime: Arc<Runtime>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("blocking::Client")
            .field(&self.inner)
            .finish()
    }
}

impl Client {
    /// A client configured from the environment, as [`crate::Client::from_env`]:
    /// `OPENROUTER_API_KEY`, `OPENROUTER_MANAGEMENT_KEY` and `OPENROUTER_BASE_URL`.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when neither key is set, the HTTP client cannot
    /// be built, or the runtime thread cannot be started.
    pub fn from_env() -> Result<Self> {
        crate::Client::builder_from_env()?.build_blocking()
    }

    /// A client with `api_key` and default settings.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) for a key a header cannot carry, or when the
    /// runtime thread cannot be started.
    pub fn new(api_key: impl Into<String>) -> Result<Self> {
        Self::builder().api_key(api_key).build_blocking()
    }

    /// A builder with default settings and no key; finish it with
    /// [`ClientBuilder::build_blocking`].
    pub fn builder() -> ClientBuilder {
        crate::Client::builder()
    }

    /// A builder preloaded from the environment, as [`crate::Client::builder_from_env`];
    /// finish it with [`ClientBuilder::build_blocking`].
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when neither `OPENROUTER_API_KEY` nor
    /// `OPENROUTER_MANAGEMENT_KEY` is set.
    pub fn builder_from_env() -> Result<ClientBuilder> {
        crate::Client::builder_from_env()
    }

    /// A blocking client with the configuration of `client`: keys, base URL, headers,
    /// timeouts, retries and connection pool (see
    /// [the type docs](Client#sharing-the-connection-pool-with-async-code) about sharing the
    /// pool with async code).
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when the runtime thread cannot be started.
    pub fn from_async(client: crate::Client) -> Result<Self> {
        Ok(Self {
            inner: client,
            runtime: Arc::new(Runtime::new()?),
        })
    }

    /// The async client underneath, for async code: same configuration, same pool (see
    /// [the type docs](Client#sharing-the-connection-pool-with-async-code) about sharing the
    /// pool).
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.inner.base_url()
    }

    pub(crate) fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// The runtime, for iterators that outlive the borrow of the client.
    pub(crate) fn shared_runtime(&self) -> Arc<Runtime> {
        Arc::clone(&self.runtime)
    }
}

impl From<Client> for crate::Client {
    fn from(client: Client) -> Self {
        client.inner
    }
}

impl ClientBuilder {
    /// Builds a [`blocking::Client`](Client) (needs the `blocking` feature).
    ///
    /// # Errors
    /// As [`ClientBuilder::build`], and [`Error::Config`](crate::Error::Config) when the
    /// runtime thread cannot be started.
    pub fn build_blocking(self) -> Result<Client> {
        Client::from_async(self.build()?)
    }
}

/// Compile-time proof that a blocking client can be shared across threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<Client>();
};
