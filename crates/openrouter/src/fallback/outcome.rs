//! What a fallback run reports: the attempts, and the value or the error.

use std::fmt;
use std::time::Duration;

use crate::error::Error;

/// One attempt of a fallback run.
#[derive(Debug)]
#[non_exhaustive]
pub struct Attempt {
    /// The model tried.
    pub model: String,
    /// Why it failed; `None` for the attempt that succeeded.
    pub error: Option<Error>,
    /// How long the attempt took, its own retries included.
    pub elapsed: Duration,
}

impl Attempt {
    pub(crate) fn new(model: String, error: Option<Error>, elapsed: Duration) -> Self {
        Self {
            model,
            error,
            elapsed,
        }
    }

    /// Whether this attempt succeeded.
    pub fn succeeded(&self) -> bool {
        self.error.is_none()
    }
}

/// The result of a fallback run that succeeded.
#[derive(Debug)]
#[non_exhaustive]
pub struct FallbackOutcome<T> {
    /// What the successful attempt returned.
    pub value: T,
    /// The model that succeeded.
    pub model: String,
    /// Every attempt in order, the failed ones first and the successful one last.
    pub attempts: Vec<Attempt>,
}

impl<T> FallbackOutcome<T> {
    /// Whether an earlier model failed before this one succeeded.
    pub fn fell_back(&self) -> bool {
        self.attempts.len() > 1
    }

    /// The value.
    pub fn into_value(self) -> T {
        self.value
    }

    /// The same outcome with its value transformed (the model and attempts kept).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> FallbackOutcome<U> {
        FallbackOutcome {
            value: f(self.value),
            model: self.model,
            attempts: self.attempts,
        }
    }
}

/// A fallback run that did not succeed: every attempt with its error.
#[derive(Debug)]
#[non_exhaustive]
pub struct FallbackError {
    /// Every attempt in order, each with its error.
    pub attempts: Vec<Attempt>,
    /// `true` when every model was tried and failed; `false` when the last attempt failed
    /// with an error the policy does not fall back on, so the models after it were not tried.
    pub exhausted: bool,
}

impl FallbackError {
    pub(crate) fn new(attempts: Vec<Attempt>, exhausted: bool) -> Self {
        Self {
            attempts,
            exhausted,
        }
    }

    /// The error of the last attempt.
    pub fn last_error(&self) -> Option<&Error> {
        self.attempts.last()?.error.as_ref()
    }

    /// The errors in order, with the model each came from.
    pub fn errors(&self) -> impl Iterator<Item = (&str, &Error)> {
        self.attempts
            .iter()
            .filter_map(|a| Some((a.model.as_str(), a.error.as_ref()?)))
    }
}

impl fmt::Display for FallbackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exhausted {
            write!(f, "all {} models failed", self.attempts.len())?;
        } else {
            f.write_str(
                "a model failed with an error no other model would fix, so fallback stopped",
            )?;
        }
        for (model, error) in self.errors() {
            write!(f, "; `{model}`: {error}")?;
        }
        if self.exhausted {
            f.write_str("; add models to the policy or try again later")?;
        }
        Ok(())
    }
}

impl std::error::Error for FallbackError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.last_error()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}
