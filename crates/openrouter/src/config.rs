//! Timeouts and retry policy: the knobs every request runs under.

use std::time::Duration;

/// How long each phase of a request may take.
///
/// The defaults suit LLM traffic: a slow model can take minutes before its first byte, and a
/// streamed answer can run far longer than any total limit, so streams are bounded by the gap
/// between events instead of by their length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeouts {
    /// Establishing the TCP/TLS connection. Default 10 s.
    pub connect: Duration,
    /// From sending the request to receiving the response headers. Default 180 s.
    pub response_headers: Duration,
    /// The longest silence allowed between two stream events; keep-alive comments count as
    /// activity. Default 120 s.
    pub stream_idle: Duration,
    /// The whole call, retries included, for non-streaming requests. Default 600 s;
    /// `None` means no limit. Streams never have a total limit.
    pub total: Option<Duration>,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            response_headers: Duration::from_secs(180),
            stream_idle: Duration::from_secs(120),
            total: Some(Duration::from_secs(600)),
        }
    }
}

impl Timeouts {
    /// The defaults (connect 10 s, headers 180 s, stream idle 120 s, total 600 s).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the connect timeout.
    pub fn connect(mut self, timeout: Duration) -> Self {
        self.connect = timeout;
        self
    }

    /// Sets the time allowed until the response headers arrive.
    pub fn response_headers(mut self, timeout: Duration) -> Self {
        self.response_headers = timeout;
        self
    }

    /// Sets the longest silence allowed between stream events.
    pub fn stream_idle(mut self, timeout: Duration) -> Self {
        self.stream_idle = timeout;
        self
    }

    /// Sets the limit on a whole non-streaming call; `None` removes it.
    pub fn total(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.total = timeout.into();
        self
    }
}

/// When and how often a failed request is sent again.
///
/// Only failures that happen before any response byte arrived, or statuses that mean the
/// request was not processed (408, 429, 500, 502, 503, 524, 529), are retried. A request the
/// server began answering is never sent again, so a paid completion is never run twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt. Default 2.
    pub max_retries: u32,
    /// The first backoff step; each retry doubles it. Default 500 ms.
    pub base_delay: Duration,
    /// The largest backoff step. Default 8 s.
    pub max_delay: Duration,
    /// The most time all waits together may take; a `Retry-After` that would exceed what is
    /// left ends the retries. Default 60 s.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            budget: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// The defaults (2 retries, 500 ms base, 8 s cap, 60 s budget).
    pub fn new() -> Self {
        Self::default()
    }

    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Sets how many retries follow the first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Sets the first backoff step.
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Sets the largest backoff step.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Sets the total time all waits may take.
    pub fn budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// The backoff before retry number `retry` (1-based): full jitter, a random duration
    /// between zero and `min(max_delay, base_delay * 2^(retry-1))`.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let exponent = retry.saturating_sub(1).min(30);
        let ceiling = self
            .base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_stays_under_the_doubling_ceiling_and_the_cap() {
        let policy = RetryPolicy::new()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(300));
        for _ in 0..200 {
            assert!(policy.backoff(1) <= Duration::from_millis(100));
            assert!(policy.backoff(2) <= Duration::from_millis(200));
            assert!(policy.backoff(3) <= Duration::from_millis(300));
            assert!(policy.backoff(40) <= Duration::from_millis(300));
        }
    }

    #[test]
    fn backoff_is_jittered() {
        let policy = RetryPolicy::new();
        let draws: std::collections::HashSet<Duration> =
            (0..20).map(|_| policy.backoff(3)).collect();
        assert!(draws.len() > 1, "full jitter should vary the delay");
    }
}
