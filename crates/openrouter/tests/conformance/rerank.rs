//! `POST /rerank`.

use openrouter::types::rerank::RerankRequest;

use crate::target::target;

#[tokio::test]
async fn create_rerank() {
    let target = target().await;
    let request = RerankRequest::new(
        "cohere/rerank-v3.5",
        "What is the capital of France?",
        [
            "Berlin is the capital of Germany.",
            "Paris is the capital of France.",
        ],
    )
    .top_n(2);
    let result = target.client.rerank().create(&request).await.unwrap();
    assert_eq!(result.results.len(), 2);
    assert!(result.results[0].relevance_score >= result.results[1].relevance_score);
    assert_eq!(result.results[0].index, 1);
}
