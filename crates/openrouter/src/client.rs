//! The client: configuration, credentials and the connection pool, shared cheaply.

use std::fmt;
use std::sync::Arc;

use http::{HeaderMap, HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};

use crate::api::{
    Analytics, Audio, Benchmarks, Byok, Chat, Classifications, Completions, Credits, Datasets,
    Embeddings, Endpoints, Files, Generations, Guardrails, Images, Keys, Messages, Models, OAuth,
    Observability, Organization, Presets, Providers, Rerank, Responses, Scim, Videos, Workspaces,
};
use crate::config::{RetryPolicy, Timeouts};
use crate::error::{Error, Result};

/// The API's address when none is configured.
pub const DEFAULT_BASE_URL: &str = "https://openrouter.ai/api/v1";

/// The client's `User-Agent`.
pub(crate) const USER_AGENT: &str = concat!("openrouter-rust/", env!("CARGO_PKG_VERSION"));

/// A handle on the OpenRouter API.
///
/// Cloning is cheap (an `Arc`), and every clone shares one connection pool: build one client
/// and pass it around rather than building one per request.
///
/// ```no_run
/// # async fn run() -> openrouter::Result<()> {
/// use openrouter::types::chat::{ChatRequest, Message};
///
/// let client = openrouter::Client::from_env()?;
/// let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Say hi")]);
/// let result = client.chat().create(&request).await?;
/// println!("{}", result.text().unwrap_or_default());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) api_key: Option<SecretString>,
    pub(crate) management_key: Option<SecretString>,
    pub(crate) headers: HeaderMap,
    pub(crate) timeouts: Timeouts,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_event_size: usize,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field(
                "api_key",
                &self.inner.api_key.as_ref().map(|_| "[redacted]"),
            )
            .field("timeouts", &self.inner.timeouts)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client configured from the environment: `OPENROUTER_API_KEY` (inference),
    /// `OPENROUTER_MANAGEMENT_KEY` (administration: keys, guardrails, workspaces...) and
    /// `OPENROUTER_BASE_URL` (default [`DEFAULT_BASE_URL`]).
    ///
    /// # Errors
    /// [`Error::Config`] when neither key is set, or the HTTP client cannot be built.
    pub fn from_env() -> Result<Self> {
        Self::builder_from_env()?.build()
    }

    /// A builder preloaded from the environment, for adding settings before building.
    ///
    /// # Errors
    /// [`Error::Config`] when neither `OPENROUTER_API_KEY` nor `OPENROUTER_MANAGEMENT_KEY`
    /// is set.
    pub fn builder_from_env() -> Result<ClientBuilder> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let api_key = var("OPENROUTER_API_KEY");
        let management_key = var("OPENROUTER_MANAGEMENT_KEY");
        if api_key.is_none() && management_key.is_none() {
            return Err(Error::Config(
                "OPENROUTER_API_KEY is not set; create a key at https://openrouter.ai/keys \
                 and export it, or pass one with Client::builder().api_key(..)"
                    .into(),
            ));
        }
        let mut builder = Self::builder();
        if let Some(key) = api_key {
            builder = builder.api_key(key);
        }
        if let Some(key) = management_key {
            builder = builder.management_key(key);
        }
        if let Some(url) = var("OPENROUTER_BASE_URL") {
            builder = builder.base_url(url);
        }
        Ok(builder)
    }

    /// A builder with default settings and no key.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Chat completions.
    pub fn chat(&self) -> Chat<'_> {
        Chat::new(self)
    }

    /// The model catalogue.
    pub fn models(&self) -> Models<'_> {
        Models::new(self)
    }

    /// Provider keys you bring yourself (BYOK); needs a management key.
    pub fn byok(&self) -> Byok<'_> {
        Byok::new(self)
    }

    /// Observability destinations that traces are broadcast to; needs a management key.
    pub fn observability(&self) -> Observability<'_> {
        Observability::new(self)
    }

    /// Presets: named, versioned request settings.
    pub fn presets(&self) -> Presets<'_> {
        Presets::new(self)
    }

    /// SCIM groups and their workspace mappings; needs a management key.
    pub fn scim(&self) -> Scim<'_> {
        Scim::new(self)
    }

    /// Workspaces, their budgets and members; needs a management key.
    pub fn workspaces(&self) -> Workspaces<'_> {
        Workspaces::new(self)
    }

    /// Speech synthesis and transcription.
    pub fn audio(&self) -> Audio<'_> {
        Audio::new(self)
    }

    /// Stored files.
    pub fn files(&self) -> Files<'_> {
        Files::new(self)
    }

    /// Image generation.
    pub fn images(&self) -> Images<'_> {
        Images::new(self)
    }

    /// Video generation.
    pub fn videos(&self) -> Videos<'_> {
        Videos::new(self)
    }

    /// The Responses API (`POST /responses`).
    pub fn responses(&self) -> Responses<'_> {
        Responses::new(self)
    }

    /// Legacy text completions (`POST /completions`).
    pub fn completions(&self) -> Completions<'_> {
        Completions::new(self)
    }

    /// Embeddings and the embedding model list.
    pub fn embeddings(&self) -> Embeddings<'_> {
        Embeddings::new(self)
    }

    /// Anthropic-format messages (`POST /messages`).
    pub fn messages(&self) -> Messages<'_> {
        Messages::new(self)
    }

    /// Reranking documents against a query.
    pub fn rerank(&self) -> Rerank<'_> {
        Rerank::new(self)
    }

    /// Benchmark scores.
    pub fn benchmarks(&self) -> Benchmarks<'_> {
        Benchmarks::new(self)
    }

    /// Market share of traffic by task.
    pub fn classifications(&self) -> Classifications<'_> {
        Classifications::new(self)
    }

    /// Public usage datasets (app rankings, daily model rankings, session costs).
    pub fn datasets(&self) -> Datasets<'_> {
        Datasets::new(self)
    }

    /// Provider endpoints of models.
    pub fn endpoints(&self) -> Endpoints<'_> {
        Endpoints::new(self)
    }

    /// OAuth with PKCE: authorization URL and code exchange.
    pub fn oauth(&self) -> OAuth<'_> {
        OAuth::new(self)
    }

    /// The providers OpenRouter routes to.
    pub fn providers(&self) -> Providers<'_> {
        Providers::new(self)
    }

    /// API keys: the key in use, and managing keys with a management key.
    pub fn keys(&self) -> Keys<'_> {
        Keys::new(self)
    }

    /// Guardrails and their assignments to keys and members (management key).
    pub fn guardrails(&self) -> Guardrails<'_> {
        Guardrails::new(self)
    }

    /// The credit balance (management key).
    pub fn credits(&self) -> Credits<'_> {
        Credits::new(self)
    }

    /// Activity and analytics queries (management key).
    pub fn analytics(&self) -> Analytics<'_> {
        Analytics::new(self)
    }

    /// The organization's members (management key).
    pub fn organization(&self) -> Organization<'_> {
        Organization::new(self)
    }

    /// Generation records, their content and feedback.
    pub fn generations(&self) -> Generations<'_> {
        Generations::new(self)
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    pub(crate) fn api_key(&self) -> Option<&str> {
        self.inner.api_key.as_ref().map(|key| key.expose_secret())
    }

    pub(crate) fn management_key(&self) -> Option<&str> {
        self.inner
            .management_key
            .as_ref()
            .map(|key| key.expose_secret())
    }

    /// Every key the client holds, for scrubbing them from anything the server echoes.
    pub(crate) fn secrets(&self) -> impl Iterator<Item = &str> {
        self.api_key().into_iter().chain(self.management_key())
    }
}

/// Builds a [`Client`]. Every setter is infallible; problems are reported by
/// [`ClientBuilder::build`].
#[derive(Default)]
pub struct ClientBuilder {
    api_key: Option<SecretString>,
    management_key: Option<SecretString>,
    base_url: Option<String>,
    headers: Vec<(String, String)>,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    max_event_size: Option<usize>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field(
                "management_key",
                &self.management_key.as_ref().map(|_| "[redacted]"),
            )
            .field("base_url", &self.base_url)
            .field("headers", &self.headers)
            .field("timeouts", &self.timeouts)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The API key sent as `Authorization: Bearer`. It is held as a secret: it never
    /// appears in `Debug` output, errors or logs.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(SecretString::from(key.into()));
        self
    }

    /// The management key, used only for administration endpoints (API keys, guardrails,
    /// workspaces, BYOK, observability, SCIM, credits, analytics). Held as a secret like the
    /// API key. Create one at <https://openrouter.ai/settings/management-keys>.
    pub fn management_key(mut self, key: impl Into<String>) -> Self {
        self.management_key = Some(SecretString::from(key.into()));
        self
    }

    /// The API's base URL, e.g. an emulator's `http://127.0.0.1:8080/api/v1`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Your app's URL, sent as `HTTP-Referer` for attribution on openrouter.ai.
    pub fn http_referer(self, url: impl Into<String>) -> Self {
        self.header("HTTP-Referer", url)
    }

    /// Your app's name, sent as `X-OpenRouter-Title` (and the older `X-Title`).
    pub fn app_title(self, title: impl Into<String>) -> Self {
        let title = title.into();
        self.header("X-OpenRouter-Title", title.clone())
            .header("X-Title", title)
    }

    /// Marketplace categories for your app, sent as `X-OpenRouter-Categories`.
    pub fn app_categories<I, S>(self, categories: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let joined = categories
            .into_iter()
            .map(|c| c.as_ref().trim().to_owned())
            .collect::<Vec<_>>()
            .join(",");
        self.header("X-OpenRouter-Categories", joined)
    }

    /// A header sent with every request.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Timeouts for every request (per-request options can override them).
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The retry policy for every request (per-request options can override it).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Uses your own `reqwest::Client` (proxies, TLS roots, pool settings). Its own connect
    /// timeout then applies instead of [`Timeouts::connect`].
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The largest single stream event accepted, in bytes (default
    /// [`sse::DEFAULT_MAX_EVENT_SIZE`](crate::sse::DEFAULT_MAX_EVENT_SIZE), 64 MiB). A larger
    /// event ends the stream with [`Error::Stream`] instead of buffering without bound;
    /// raise the cap for streams whose events are legitimately larger (e.g. big images).
    pub fn max_event_size(mut self, bytes: usize) -> Self {
        self.max_event_size = Some(bytes);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`Error::Config`] for a malformed base URL or header, or when the HTTP client cannot
    /// be built.
    pub fn build(self) -> Result<Client> {
        let base_url = self
            .base_url
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned())
            .trim_end_matches('/')
            .to_owned();
        match reqwest::Url::parse(&base_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => {}
            _ => {
                return Err(Error::Config(format!(
                    "base URL `{base_url}` is not an http(s) URL; expected something like {DEFAULT_BASE_URL}"
                )))
            }
        }
        let mut headers = HeaderMap::new();
        for (name, value) in self.headers {
            let header_name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::Config(format!("`{name}` is not a valid header name")))?;
            let header_value = HeaderValue::from_str(&value).map_err(|_| {
                Error::Config(format!(
                    "the value for header `{name}` is not valid HTTP (control characters or non-ASCII?)"
                ))
            })?;
            headers.insert(header_name, header_value);
        }
        for key in self.api_key.iter().chain(&self.management_key) {
            let key = key.expose_secret();
            if key.trim().is_empty() || HeaderValue::from_str(key).is_err() {
                return Err(Error::Config(
                    "a key is empty or contains characters a header cannot carry".into(),
                ));
            }
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                .user_agent(USER_AGENT)
                .build()
                .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(ClientInner {
                http,
                base_url,
                api_key: self.api_key,
                management_key: self.management_key,
                headers,
                timeouts: self.timeouts,
                retry: self.retry,
                max_event_size: self
                    .max_event_size
                    .unwrap_or(crate::sse::DEFAULT_MAX_EVENT_SIZE),
            }),
        })
    }
}

/// Compile-time proof that a client can be shared across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<Client>();
};
