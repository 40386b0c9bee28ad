//! `Client::embeddings()` against the emulator.

mod support;

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::chat::ContentPart;
use openrouter::types::embeddings::{
    EmbeddingContent, EmbeddingInput, EmbeddingVector, EmbeddingsRequest, EncodingFormat,
};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

use support::client_for;

const MODEL: &str = "openai/text-embedding-3-small";

#[tokio::test]
async fn vectors_are_deterministic_and_honour_dimensions_and_base64() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = EmbeddingsRequest::new(MODEL, vec!["alpha", "beta"]).dimensions(16);
    let first = client.embeddings().create(&request).await.unwrap();
    assert_eq!(
        first.model, "text-embedding-3-small",
        "echoed without prefix"
    );
    assert_eq!(first.data.len(), 2);
    let vectors = first.vectors().unwrap();
    assert!(vectors.iter().all(|v| v.len() == 16));
    assert_ne!(vectors[0], vectors[1]);
    assert!(first.usage.as_ref().unwrap().prompt_tokens > 0);
    let again = client.embeddings().create(&request).await.unwrap();
    assert_eq!(again.vectors().unwrap(), vectors, "same input, same vector");

    let b64 = client
        .embeddings()
        .create(&request.clone().encoding_format(EncodingFormat::Base64))
        .await
        .unwrap();
    assert!(matches!(b64.data[0].embedding, EmbeddingVector::Base64(_)));
    let decoded = b64.vectors().unwrap();
    for (a, b) in decoded.iter().flatten().zip(vectors.iter().flatten()) {
        assert!((a - b).abs() < 1e-6);
    }

    let full = client
        .embeddings()
        .create(&EmbeddingsRequest::new(MODEL, "one text"))
        .await
        .unwrap();
    assert_eq!(full.vectors().unwrap()[0].len(), 1536);

    let multimodal = EmbeddingInput::Contents(vec![EmbeddingContent::new([
        ContentPart::text("a cat"),
        ContentPart::image_url("https://example.com/cat.png"),
    ])]);
    let result = client
        .embeddings()
        .create(&EmbeddingsRequest::new(MODEL, multimodal))
        .await
        .unwrap();
    assert_eq!(result.data.len(), 1);
    let tokens = EmbeddingInput::TokenBatches(vec![vec![1, 2, 3], vec![4, 5]]);
    let result = client
        .embeddings()
        .create(&EmbeddingsRequest::new(MODEL, tokens))
        .await
        .unwrap();
    assert_eq!(result.data.len(), 2);
}

#[tokio::test]
async fn invalid_requests_fail_with_the_field_named() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let cases = [
        (
            EmbeddingsRequest::new(MODEL, "x").dimensions(99_999),
            "dimensions",
        ),
        (EmbeddingsRequest::new(MODEL, ""), "input"),
        (
            EmbeddingsRequest::new("openai/gpt-4o-mini", "x"),
            "not an embedding model",
        ),
    ];
    for (request, needle) in cases {
        let Err(Error::Api(api)) = client.embeddings().create(&request).await else {
            panic!("{needle}: expected a 400");
        };
        assert_eq!(api.status.map(|s| s.as_u16()), Some(400));
        assert!(api.error.message.contains(needle), "{}", api.error.message);
    }
    let no_key = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert!(matches!(
        no_key
            .embeddings()
            .create(&EmbeddingsRequest::new(MODEL, "x"))
            .await,
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn models_list_pages_lazily_without_a_key() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let page = client
        .embeddings()
        .list_models(PageParams::new().offset(1).limit(2))
        .await
        .unwrap();
    assert_eq!(page.data.len(), 2);
    assert!(page.total_count.unwrap() > 2);
    let before = server.request_count();
    let all: Vec<_> = client
        .embeddings()
        .list_models_all()
        .page_size(1)
        .map(|m| m.unwrap().id)
        .collect()
        .await;
    assert!(all.len() > 2);
    assert!(all.iter().any(|id| id == MODEL));
    let requests = &server.requests()[before..];
    assert_eq!(
        requests.len(),
        all.len() + 1,
        "one request per page plus the empty one"
    );
    assert_eq!(requests[1].query.as_deref(), Some("offset=1&limit=1"));
    assert!(requests
        .iter()
        .all(|r| r.path == "/api/v1/embeddings/models"));
}
