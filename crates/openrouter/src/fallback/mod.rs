//! Client-side fallback: when a model fails in a way another model may not, send the same
//! request to the next model in a list, and report every attempt.
//!
//! ```no_run
//! use openrouter::fallback::FallbackPolicy;
//! use openrouter::types::chat::{ChatRequest, Message};
//!
//! # async fn run() -> openrouter::Result<()> {
//! let client = openrouter::Client::from_env()?;
//! let policy = FallbackPolicy::new(["anthropic/claude-sonnet-4", "openai/gpt-4o"]);
//! let request = ChatRequest::new("anthropic/claude-sonnet-4", [Message::user("Hi")]);
//! let outcome = client.chat().create_with_fallback(&request, &policy).await?;
//! println!("{} answered: {}", outcome.model, outcome.value.text().unwrap_or_default());
//! for attempt in &outcome.attempts {
//!     println!("  {} -> {:?}", attempt.model, attempt.error.as_ref().map(|e| e.to_string()));
//! }
//! # Ok(()) }
//! ```
//!
//! # Client-side or server-side?
//!
//! OpenRouter can fall back by itself: a request's `models` list
//! ([`ChatRequest::models`](crate::types::chat::ChatRequest::models)) lets the server try
//! the next model when one is unavailable, inside one request, billed once for the model
//! that answered. Prefer it when it fits. Fall back in the client when you need what the
//! server cannot do:
//!
//! - choose the errors ([`FallbackPolicy::fall_back_when`]): e.g. a 402 on a paid model
//!   before a free one, your own timeouts, a network failure on the way to OpenRouter, or a
//!   model whose structured output does not match your type
//!   ([`Chat::parse_with_fallback`](crate::api::Chat::parse_with_fallback));
//! - see each attempt: which model failed, how, and how long it took
//!   ([`FallbackOutcome::attempts`]);
//! - any number of models, each tried after the client's own retries for it (a 429 is
//!   retried on the same model first, as [`RetryPolicy`](crate::RetryPolicy) says).
//!
//! Each attempt is a separate request with its own cost. The attempt's request is the
//! caller's with `model` replaced; a `models` list in it still applies within each attempt.

mod chat;
mod outcome;
mod stream;

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

pub use outcome::{Attempt, FallbackError, FallbackOutcome};
pub use stream::StartedStream;

use crate::error::{ApiErrorKind, Error, Result, TransportErrorKind};
use crate::structured::StructuredErrorKind;

type Predicate = Arc<dyn Fn(&Error) -> bool + Send + Sync>;

/// Which models to try, in order, and on which errors to move to the next one.
///
/// The default rule is [`falls_back_by_default`]; replace it with
/// [`FallbackPolicy::fall_back_when`]. An error the rule does not accept (a 400, a 401...)
/// stops at once: another model would fail the same way.
#[derive(Clone)]
pub struct FallbackPolicy {
    models: Vec<String>,
    predicate: Predicate,
}

impl fmt::Debug for FallbackPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FallbackPolicy")
            .field("models", &self.models)
            .finish_non_exhaustive()
    }
}

impl FallbackPolicy {
    /// Tries `models` in this order, with the default rule.
    pub fn new<I, S>(models: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            models: models.into_iter().map(Into::into).collect(),
            predicate: Arc::new(falls_back_by_default),
        }
    }

    /// Moves to the next model when `predicate` says so for the error of an attempt.
    ///
    /// ```
    /// use openrouter::fallback::{falls_back_by_default, FallbackPolicy};
    ///
    /// // Also try the next model when a model is not found (404).
    /// let policy = FallbackPolicy::new(["a/model", "b/model"]).fall_back_when(|error| {
    ///     falls_back_by_default(error) || error.status().is_some_and(|s| s.as_u16() == 404)
    /// });
    /// ```
    pub fn fall_back_when(
        mut self,
        predicate: impl Fn(&Error) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.predicate = Arc::new(predicate);
        self
    }

    /// The models, in the order they are tried.
    pub fn models(&self) -> &[String] {
        &self.models
    }

    /// Whether an attempt that failed with `error` moves on to the next model.
    pub fn falls_back_on(&self, error: &Error) -> bool {
        (self.predicate)(error)
    }

    /// Runs `attempt` with each model in turn until one succeeds or fails with an error that
    /// does not fall back. The generic runner behind
    /// [`Chat::create_with_fallback`](crate::api::Chat::create_with_fallback) and friends, for
    /// any call that takes a model.
    ///
    /// ```no_run
    /// # use openrouter::fallback::FallbackPolicy;
    /// # use openrouter::types::responses::ResponsesRequest;
    /// # async fn run(client: openrouter::Client) -> openrouter::Result<()> {
    /// let policy = FallbackPolicy::new(["openai/gpt-4o", "openai/gpt-4o-mini"]);
    /// let client = &client;
    /// let outcome = policy
    ///     .run(|model| async move {
    ///         client.responses().create(&ResponsesRequest::new(model, "Hi")).await
    ///     })
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Fallback`] with every attempt when every model failed, or when a later model
    /// failed with an error that does not fall back; that error itself when the first model
    /// did; [`Error::InvalidRequest`] when the policy has no models.
    pub async fn run<T, F, Fut>(&self, mut attempt: F) -> Result<FallbackOutcome<T>>
    where
        F: FnMut(String) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        if self.models.is_empty() {
            return Err(Error::InvalidRequest(
                "the fallback policy has no models: list them in order, e.g. \
                 FallbackPolicy::new([\"openai/gpt-4o\", \"anthropic/claude-sonnet-4\"])"
                    .to_owned(),
            ));
        }
        let mut attempts = Vec::with_capacity(self.models.len());
        for (index, model) in self.models.iter().enumerate() {
            let started = Instant::now();
            let result = attempt(model.clone()).await;
            let elapsed = started.elapsed();
            let error = match result {
                Ok(value) => {
                    attempts.push(Attempt::new(model.clone(), None, elapsed));
                    return Ok(FallbackOutcome {
                        value,
                        model: model.clone(),
                        attempts,
                    });
                }
                Err(error) => error,
            };
            let falls_back = self.falls_back_on(&error);
            if !falls_back && attempts.is_empty() {
                return Err(error);
            }
            let next = self.models.get(index + 1).filter(|_| falls_back);
            match next {
                Some(next) => tracing::warn!(
                    model = %model, next = %next, error = %error,
                    "model failed; falling back to the next one"
                ),
                None => {
                    tracing::warn!(model = %model, error = %error, "model failed; no fallback left")
                }
            }
            attempts.push(Attempt::new(model.clone(), Some(error), elapsed));
            if next.is_none() {
                return Err(Error::Fallback(Box::new(FallbackError::new(
                    attempts, falls_back,
                ))));
            }
        }
        // Every iteration returns on success and on the last model.
        Err(Error::Fallback(Box::new(FallbackError::new(
            attempts, true,
        ))))
    }
}

/// The default fallback rule: errors another model may not have.
///
/// - API errors 402 (out of credits: a cheaper or free model may still run), 408, 429, every
///   5xx (500, 502, 503, 524, 529...), and any error a provider reported
///   (`metadata.provider_name`);
/// - failing to connect, timeouts, and connections closed before the response;
/// - structured output that is not the requested type because the model wrote no text, not
///   JSON, or JSON of another shape (a refusal or a truncated answer does not fall back).
///
/// Not: 400, 401, 403, 404, 413, 422 and other request errors, which another model would
/// answer the same way, nor a body that broke off after the server started answering (the
/// answer may already be billed).
pub fn falls_back_by_default(error: &Error) -> bool {
    match error {
        Error::Api(api) => {
            api.provider_error().is_some()
                || match api.kind() {
                    ApiErrorKind::PaymentRequired
                    | ApiErrorKind::RequestTimeout
                    | ApiErrorKind::RateLimited
                    | ApiErrorKind::Internal
                    | ApiErrorKind::BadGateway
                    | ApiErrorKind::ServiceUnavailable
                    | ApiErrorKind::EdgeTimeout
                    | ApiErrorKind::ProviderOverloaded => true,
                    ApiErrorKind::Other(code) => (500..600).contains(&code),
                    _ => false,
                }
        }
        Error::Transport(transport) => matches!(
            transport.kind,
            TransportErrorKind::Connect
                | TransportErrorKind::Timeout(_)
                | TransportErrorKind::BeforeResponse
        ),
        Error::Structured(structured) => matches!(
            structured.kind,
            StructuredErrorKind::NoContent { .. }
                | StructuredErrorKind::InvalidJson { .. }
                | StructuredErrorKind::Mismatch { .. }
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ApiError, TimeoutPhase};
    use crate::types::error::ErrorBody;

    fn api(status: u16, body: &str) -> Error {
        let body: ErrorBody = serde_json::from_str(body).unwrap();
        ApiError::from_body(http::StatusCode::from_u16(status).ok(), body).into()
    }

    fn status(status: u16) -> Error {
        api(
            status,
            &format!(r#"{{"error":{{"code":{status},"message":"m"}}}}"#),
        )
    }

    #[test]
    fn the_default_rule_falls_back_on_what_another_model_may_not_have() {
        for code in [402, 408, 429, 500, 502, 503, 504, 524, 529] {
            assert!(falls_back_by_default(&status(code)), "{code}");
        }
        for code in [400, 401, 403, 404, 409, 413, 422] {
            assert!(!falls_back_by_default(&status(code)), "{code}");
        }
        let provider = api(
            400,
            r#"{"error":{"code":400,"message":"Provider returned error","metadata":{"provider_name":"Groq","raw":"x"}}}"#,
        );
        assert!(falls_back_by_default(&provider));
        // An error event inside a 200 stream takes its kind from its code.
        assert!(falls_back_by_default(&api(
            200,
            r#"{"error":{"code":503,"message":"m"}}"#
        )));
    }

    #[test]
    fn transport_failures_before_the_answer_fall_back_but_not_after() {
        for kind in [
            TransportErrorKind::Connect,
            TransportErrorKind::Timeout(TimeoutPhase::ResponseHeaders),
            TransportErrorKind::BeforeResponse,
        ] {
            assert!(
                falls_back_by_default(&Error::transport(kind, "x")),
                "{kind:?}"
            );
        }
        for kind in [TransportErrorKind::Body, TransportErrorKind::Other] {
            assert!(
                !falls_back_by_default(&Error::transport(kind, "x")),
                "{kind:?}"
            );
        }
        assert!(!falls_back_by_default(&Error::Config("no key".into())));
    }
}
