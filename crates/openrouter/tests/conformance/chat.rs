//! `POST /chat/completions`.

use futures_util::StreamExt;
use openrouter::types::chat::{ChatRequest, Message};

use crate::target::target;

fn short_request(model: &str) -> ChatRequest {
    ChatRequest::new(
        model,
        [Message::user("Reply with one short sentence about rivers.")],
    )
    .max_tokens(64)
}

#[tokio::test]
async fn send_chat_completion_request() {
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
async fn send_chat_completion_request_streamed() {
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
