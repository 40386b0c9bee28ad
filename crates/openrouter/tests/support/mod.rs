//! Shared helpers for the integration tests: an emulator and a client pointed at it.
#![allow(dead_code, unreachable_pub)]

use std::time::Duration;

use openrouter::types::chat::{ChatRequest, Message};
use openrouter::{Client, RetryPolicy, Timeouts};
use openrouter_mock::MockServer;

/// A retry policy with short waits so tests run fast.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy::new()
        .base_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(50))
}

/// A client for `server` with quick retries and short timeouts.
pub fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .retry(quick_retries())
        .timeouts(
            Timeouts::new()
                .response_headers(Duration::from_secs(5))
                .stream_idle(Duration::from_secs(5))
                .total(Duration::from_secs(20)),
        )
        .build()
        .expect("client builds")
}

/// A simple request the emulator answers with text.
pub fn hello() -> ChatRequest {
    ChatRequest::new(
        "openai/gpt-4o-mini",
        [Message::user("Say hello to the test suite")],
    )
}
