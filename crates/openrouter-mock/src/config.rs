//! How an emulator instance is set up.

use std::net::{Ipv4Addr, SocketAddr};

/// Settings for [`MockServer::start_with`](crate::MockServer::start_with).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct MockConfig {
    /// Keys accepted in `Authorization: Bearer <key>`; the first is [`MockServer::api_key`](crate::MockServer::api_key).
    pub api_keys: Vec<String>,
    /// Management keys accepted by the administration endpoints (keys, guardrails,
    /// workspaces...); the first is [`MockServer::management_key`](crate::MockServer::management_key).
    /// They are refused by inference endpoints, as on the live API.
    pub management_keys: Vec<String>,
    /// Address to bind; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Request bodies larger than this are answered with 413.
    pub max_body_bytes: usize,
    /// Credit limit per key in USD; `None` means unlimited (402 once usage reaches it).
    pub credit_limit: Option<f64>,
    /// Check every JSON request body of an operation in the OpenAPI spec against its
    /// schema and answer 400 naming the offending field (see [`crate::spec`]). On by
    /// default; turn it off to let malformed requests reach the handlers.
    pub validate_requests: bool,
    /// Remember every request ([`MockServer::requests`](crate::MockServer::requests)) and
    /// every generation (for `/generation` lookups and analytics). On by default; turn it
    /// off for long runs (soak tests, load generators) so memory stays flat. Counters
    /// ([`MockServer::request_count`](crate::MockServer::request_count),
    /// [`MockServer::connections`](crate::MockServer::connections)) are kept either way.
    pub keep_history: bool,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            api_keys: vec!["sk-or-v1-mock".to_owned()],
            management_keys: vec!["sk-or-v1-mock-management".to_owned()],
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            max_body_bytes: 10 * 1024 * 1024,
            credit_limit: None,
            validate_requests: true,
            keep_history: true,
        }
    }
}

impl MockConfig {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replace the accepted keys.
    pub fn api_keys<I, S>(mut self, keys: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.api_keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// Accept one more key.
    pub fn add_api_key(mut self, key: impl Into<String>) -> Self {
        self.api_keys.push(key.into());
        self
    }

    /// Replace the accepted management keys.
    pub fn management_keys<I, S>(mut self, keys: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.management_keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// Bind this address.
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Set the request body size limit.
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// Give every key this credit limit in USD.
    pub fn credit_limit(mut self, limit: Option<f64>) -> Self {
        self.credit_limit = limit;
        self
    }

    /// Turn checking of request bodies against the OpenAPI spec on (the default) or off.
    /// When on, a JSON body that breaks its operation's schema is answered with 400 and
    /// `{"error":{"code":400,"message":"Invalid request: <path>: expected ..; found .."}}`
    /// before the handler runs; unknown fields are accepted as on the live API.
    pub fn validate_requests(mut self, on: bool) -> Self {
        self.validate_requests = on;
        self
    }

    /// Keep a record of every request and generation (the default) or only count them.
    /// With history off, [`MockServer::requests`](crate::MockServer::requests) is empty and
    /// `/generation` lookups answer 404, but the emulator's memory no longer grows with
    /// the number of requests served.
    pub fn keep_history(mut self, on: bool) -> Self {
        self.keep_history = on;
        self
    }
}
