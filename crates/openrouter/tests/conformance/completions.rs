//! `POST /completions` (legacy; not in the spec).

use openrouter::types::completions::CompletionRequest;

use crate::target::target;

#[tokio::test]
async fn create_completions() {
    let target = target().await;
    let request = CompletionRequest::new(&target.model, "Rivers flow to the").max_tokens(32);
    let result = target.client.completions().create(&request).await.unwrap();
    assert!(!result.id.is_empty());
    assert!(result.text().is_some_and(|t| !t.is_empty()));
    let streamed = target
        .client
        .completions()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert!(streamed.text().is_some_and(|t| !t.is_empty()));
}
