//! `/byok`.

use openrouter::types::byok::{ByokListQuery, CreateByokKeyRequest, UpdateByokKeyRequest};

use crate::target::target;
use crate::workspaces::may;

fn request() -> CreateByokKeyRequest {
    CreateByokKeyRequest::new("openai", "sk-conformance-not-a-real-key-0000").name("conformance")
}

#[tokio::test]
async fn list_byok_keys() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .byok()
        .list(&ByokListQuery::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
}

#[tokio::test]
async fn create_byok_key() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let key = target.client.byok().create(&request()).await.unwrap();
    assert!(!key.label.contains("not-a-real-key"));
    target.client.byok().delete(&key.id).await.unwrap();
}

#[tokio::test]
async fn get_byok_key() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let key = target.client.byok().create(&request()).await.unwrap();
    assert_eq!(target.client.byok().get(&key.id).await.unwrap().id, key.id);
    target.client.byok().delete(&key.id).await.unwrap();
}

#[tokio::test]
async fn update_byok_key() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let key = target.client.byok().create(&request()).await.unwrap();
    let updated = target
        .client
        .byok()
        .update(&key.id, &UpdateByokKeyRequest::new().disabled(true))
        .await
        .unwrap();
    assert_eq!(updated.disabled, Some(true));
    target.client.byok().delete(&key.id).await.unwrap();
}

#[tokio::test]
async fn delete_byok_key() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let key = target.client.byok().create(&request()).await.unwrap();
    assert!(target.client.byok().delete(&key.id).await.unwrap().deleted);
}
