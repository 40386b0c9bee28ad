//! The model catalogue.

use openrouter::types::models::ModelsQuery;

use crate::target::target;

#[tokio::test]
async fn get_models() {
    let target = target().await;
    let models = target.client.models().list().await.unwrap();
    assert!(models.data.len() > 5);
    assert!(
        models.data.iter().any(|m| m.id == target.model),
        "{} is listed",
        target.model
    );
    let page = target
        .client
        .models()
        .list_with(&ModelsQuery::new().offset(0).limit(3))
        .await
        .unwrap();
    assert_eq!(page.data.len(), 3);
}

#[tokio::test]
async fn get_model() {
    let target = target().await;
    let model = target.client.models().get(&target.model).await.unwrap();
    assert_eq!(model.id, target.model);
}

#[tokio::test]
async fn list_models_count() {
    let target = target().await;
    assert!(target.client.models().count(None).await.unwrap() > 5);
}

#[tokio::test]
async fn list_models_user() {
    let target = target().await;
    let page = openrouter::pagination::PageParams::new().limit(5);
    let models = target.client.models().list_for_user(page).await.unwrap();
    assert!(!models.data.is_empty() && models.data.len() <= 5);
}
