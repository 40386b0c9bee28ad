//! `Client::rerank()` against the emulator.

mod support;

use openrouter::types::rerank::{RerankDocumentObject, RerankRequest};
use openrouter::Error;
use openrouter_mock::MockServer;

use support::client_for;

#[tokio::test]
async fn results_are_sorted_deterministic_and_cut_to_top_n() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = RerankRequest::new(
        "cohere/rerank-v3.5",
        "capital of France",
        vec![
            openrouter::types::rerank::RerankDocument::from("Bananas are yellow."),
            "Paris is the capital of France.".into(),
            RerankDocumentObject::text("Berlin is the capital of Germany.").into(),
        ],
    );
    let result = client.rerank().create(&request).await.unwrap();
    assert_eq!(result.results.len(), 3);
    assert_eq!(result.results[0].index, 1);
    assert!(result
        .results
        .windows(2)
        .all(|w| w[0].relevance_score >= w[1].relevance_score));
    assert_eq!(
        result.results[0].document.as_ref().unwrap().text.as_deref(),
        Some("Paris is the capital of France.")
    );
    assert!(result.usage.as_ref().unwrap().search_units.is_some());
    let again = client.rerank().create(&request).await.unwrap();
    assert_eq!(again.results, result.results);
    let top = client
        .rerank()
        .create(&request.clone().top_n(1))
        .await
        .unwrap();
    assert_eq!(top.results.len(), 1);
    assert_eq!(top.results[0].index, 1);
}

#[tokio::test]
async fn invalid_requests_fail_with_the_field_named() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let empty: Vec<String> = Vec::new();
    let cases = [
        (
            RerankRequest::new("cohere/rerank-v3.5", "q", empty),
            "documents",
        ),
        (RerankRequest::new("cohere/rerank-v3.5", "", ["d"]), "query"),
        (
            RerankRequest::new("nobody/nothing", "q", ["d"]),
            "nobody/nothing",
        ),
    ];
    for (request, needle) in cases {
        let Err(Error::Api(api)) = client.rerank().create(&request).await else {
            panic!("{needle}: expected a 400");
        };
        assert_eq!(api.status.map(|s| s.as_u16()), Some(400));
        assert!(api.error.message.contains(needle), "{}", api.error.message);
    }
}
