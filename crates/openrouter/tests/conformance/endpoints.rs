//! Provider endpoints and providers.

use crate::target::target;

#[tokio::test]
async fn list_endpoints() {
    let target = target().await;
    let model = target.client.endpoints().list(&target.model).await.unwrap();
    assert!(!model.endpoints.is_empty());
    assert!(model.endpoints.iter().all(|e| e.pricing.is_some()));
}

#[tokio::test]
async fn list_endpoints_zdr() {
    let target = target().await;
    let endpoints = target.client.endpoints().list_zdr().await.unwrap();
    assert!(endpoints.iter().all(|e| !e.model_id.is_empty()));
}

#[tokio::test]
async fn list_providers() {
    let target = target().await;
    let providers = target.client.providers().list().await.unwrap();
    assert!(providers.iter().any(|p| p.slug == "openai"));
}
