//! `POST /embeddings` and `GET /embeddings/models`.

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::embeddings::{EmbeddingsRequest, EncodingFormat};

use crate::target::target;

const MODEL: &str = "openai/text-embedding-3-small";

#[tokio::test]
async fn create_embeddings() {
    let target = target().await;
    let request = EmbeddingsRequest::new(MODEL, vec!["rivers", "mountains"]).dimensions(64);
    let result = target.client.embeddings().create(&request).await.unwrap();
    assert_eq!(result.data.len(), 2);
    let vectors = result.vectors().unwrap();
    assert_eq!(vectors[0].len(), 64);
    let base64 = target
        .client
        .embeddings()
        .create(&request.clone().encoding_format(EncodingFormat::Base64))
        .await
        .unwrap();
    let decoded = base64.vectors().unwrap();
    assert_eq!(decoded[0].len(), 64);
}

#[tokio::test]
async fn list_embeddings_models() {
    let target = target().await;
    let page = target
        .client
        .embeddings()
        .list_models(PageParams::new().limit(1))
        .await
        .unwrap();
    assert_eq!(page.data.len(), 1);
    let all: Vec<_> = target
        .client
        .embeddings()
        .list_models_all()
        .page_size(2)
        .collect()
        .await;
    assert!(all.len() > 1);
    assert!(all.iter().all(|m| m.is_ok()));
}
