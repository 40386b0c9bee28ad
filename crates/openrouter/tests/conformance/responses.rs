//! `POST /responses`.

use futures_util::StreamExt;
use openrouter::stream::ResponsesAccumulator;
use openrouter::types::responses::{ResponsesEventKind, ResponsesRequest};

use crate::target::target;

fn short_request(model: &str) -> ResponsesRequest {
    ResponsesRequest::new(model, "Reply with one short sentence about rivers.")
        .max_output_tokens(64)
}

#[tokio::test]
async fn create_responses() {
    let target = target().await;
    let result = target
        .client
        .responses()
        .create(&short_request(&target.model))
        .await
        .unwrap();
    assert!(!result.id.is_empty());
    assert_eq!(result.object, "response");
    assert!(!result.output_text().is_empty());
    let usage = result.usage.as_ref().expect("usage");
    assert!(usage.input_tokens > 0 && usage.output_tokens > 0);
}

#[tokio::test]
async fn create_responses_streamed() {
    let target = target().await;
    let mut stream = target
        .client
        .responses()
        .stream(&short_request(&target.model))
        .await
        .unwrap();
    let mut accumulator = ResponsesAccumulator::new();
    let mut kinds = Vec::new();
    while let Some(event) = stream.next().await {
        let event = event.unwrap();
        accumulator.push(&event);
        kinds.push(event.kind.clone());
    }
    assert_eq!(kinds.first(), Some(&ResponsesEventKind::Created));
    assert!(kinds.contains(&ResponsesEventKind::OutputTextDelta));
    assert!(matches!(
        kinds.last(),
        Some(ResponsesEventKind::Completed | ResponsesEventKind::Incomplete)
    ));
    let result = accumulator.finish();
    assert!(!result.output_text().is_empty());
    assert!(result.usage.is_some(), "the final response carries usage");
}
