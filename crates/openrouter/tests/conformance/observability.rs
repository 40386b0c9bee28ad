//! `/observability/destinations`.

use openrouter::types::observability::{
    CreateDestinationRequest, DestinationListQuery, DestinationType, UpdateDestinationRequest,
};
use serde_json::json;

use crate::target::target;
use crate::workspaces::may;

fn request(name: &str) -> CreateDestinationRequest {
    let config = json!({"url": "https://example.com/openrouter-conformance"});
    CreateDestinationRequest::new(
        DestinationType::Webhook,
        format!("{name}-{}", std::process::id()),
        config.as_object().cloned().unwrap_or_default(),
    )
    .enabled(false)
}

#[tokio::test]
async fn list_observability_destinations() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .observability()
        .list(&DestinationListQuery::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
}

#[tokio::test]
async fn create_observability_destination() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let obs = target.client.observability();
    let dest = obs.create(&request("create")).await.unwrap();
    assert_eq!(dest.kind, Some(DestinationType::Webhook));
    obs.delete(&dest.id).await.unwrap();
}

#[tokio::test]
async fn get_observability_destination() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let obs = target.client.observability();
    let dest = obs.create(&request("get")).await.unwrap();
    assert_eq!(obs.get(&dest.id).await.unwrap().id, dest.id);
    obs.delete(&dest.id).await.unwrap();
}

#[tokio::test]
async fn update_observability_destination() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let obs = target.client.observability();
    let dest = obs.create(&request("update")).await.unwrap();
    let updated = obs
        .update(
            &dest.id,
            &UpdateDestinationRequest::new().sampling_rate(0.5),
        )
        .await
        .unwrap();
    assert_eq!(updated.sampling_rate, Some(0.5));
    obs.delete(&dest.id).await.unwrap();
}

#[tokio::test]
async fn delete_observability_destination() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let obs = target.client.observability();
    let dest = obs.create(&request("delete")).await.unwrap();
    assert!(obs.delete(&dest.id).await.unwrap().deleted);
}
