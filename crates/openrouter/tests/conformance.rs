//! One case per supported operation, run against the in-process emulator by default, or
//! against any server when `OPENROUTER_CONFORMANCE_BASE_URL` is set (the key then comes from
//! `OPENROUTER_API_KEY`, and `OPENROUTER_CONFORMANCE_MODEL` picks the model).
//!
//! ```text
//! cargo test -p openrouter --test conformance
//! OPENROUTER_CONFORMANCE_BASE_URL=https://openrouter.ai/api/v1 OPENROUTER_API_KEY=sk-or-... \
//!     cargo test -p openrouter --test conformance
//! ```

use futures_util::StreamExt;
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::Client;
use openrouter_mock::MockServer;

/// The server under test, and the emulator keeping it alive when it is the target.
struct Target {
    client: Client,
    model: String,
    _emulator: Option<MockServer>,
}

async fn target() -> Target {
    let model = std::env::var("OPENROUTER_CONFORMANCE_MODEL")
        .unwrap_or_else(|_| "openai/gpt-4o-mini".into());
    match std::env::var("OPENROUTER_CONFORMANCE_BASE_URL") {
        Ok(url) if !url.is_empty() => {
            let key = std::env::var("OPENROUTER_API_KEY")
                .expect("OPENROUTER_API_KEY for a remote conformance run");
            let client = Client::builder()
                .api_key(key)
                .base_url(url)
                .build()
                .unwrap();
            Target {
                client,
                model,
                _emulator: None,
            }
        }
        _ => {
            let emulator = MockServer::start().await;
            let client = Client::builder()
                .api_key(emulator.api_key())
                .base_url(emulator.base_url())
                .build()
                .unwrap();
            Target {
                client,
                model,
                _emulator: Some(emulator),
            }
        }
    }
}

fn short_request(model: &str) -> ChatRequest {
    ChatRequest::new(
        model,
        [Message::user("Reply with one short sentence about rivers.")],
    )
    .max_tokens(64)
}

#[tokio::test]
async fn chat_completion() {
    let target = target().await;
    let response = target
        .client
        .chat()
        .create_with_response(&short_request(&target.model))
        .await
        .unwrap();
    let result = &response.data;
    assert!(!result.id.is_empty());
    assert!(result.text().is_some_and(|t| !t.is_empty()));
    assert!(result.finish_reason().is_some());
    let usage = result.usage.as_ref().expect("usage");
    assert!(usage.prompt_tokens > 0 && usage.completion_tokens > 0);
}

#[tokio::test]
async fn chat_completion_stream() {
    let target = target().await;
    let mut stream = target
        .client
        .chat()
        .stream(&short_request(&target.model))
        .await
        .unwrap();
    let mut accumulator = openrouter::stream::ChatAccumulator::new();
    let mut chunks = 0;
    while let Some(chunk) = stream.next().await {
        accumulator.push(&chunk.unwrap());
        chunks += 1;
    }
    assert!(chunks > 1, "a stream should arrive in several chunks");
    let result = accumulator.finish();
    assert!(result.text().is_some_and(|t| !t.is_empty()));
    assert!(result.usage.is_some(), "the final chunk carries usage");
}

#[tokio::test]
async fn list_models() {
    let target = target().await;
    let models = target.client.models().list().await.unwrap();
    assert!(models.data.len() > 5);
    assert!(
        models.data.iter().any(|m| m.id == target.model),
        "{} is listed",
        target.model
    );
}

#[tokio::test]
async fn current_key() {
    let target = target().await;
    let key = target.client.key().get().await.unwrap();
    assert!(!key.label.is_empty());
}
