//! `POST /messages`.

use futures_util::StreamExt;
use openrouter::types::messages::{MessageParam, MessagesRequest};

use crate::target::target;

#[tokio::test]
async fn create_messages() {
    let target = target().await;
    let request = MessagesRequest::new(
        &target.model,
        [MessageParam::user(
            "Reply with one short sentence about rivers.",
        )],
    )
    .max_tokens(64);
    let result = target.client.messages().create(&request).await.unwrap();
    assert!(!result.id.is_empty());
    assert!(result.text().is_some_and(|t| !t.is_empty()));
    assert!(result.stop_reason.is_some());
    assert!(result.usage.output_tokens.unwrap_or(0) > 0);

    let stream = target.client.messages().stream(&request).await.unwrap();
    let streamed = stream.collect_result().await.unwrap();
    assert!(streamed.text().is_some_and(|t| !t.is_empty()));
    assert!(streamed.stop_reason.is_some());
    let mut events = target.client.messages().stream(&request).await.unwrap();
    let mut count = 0;
    while let Some(event) = events.next().await {
        event.unwrap();
        count += 1;
    }
    assert!(count > 3, "a stream has start, block and stop events");
}
