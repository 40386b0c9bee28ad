//! `client.observability()` against the emulator.

use futures_util::StreamExt;
use openrouter::types::observability::{
    CreateDestinationRequest, DestinationListQuery, DestinationType, UpdateDestinationRequest,
};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;
use serde_json::{json, Map, Value};

fn management(server: &MockServer) -> Client {
    Client::builder()
        .management_key(server.management_key())
        .base_url(server.base_url())
        .build()
        .unwrap()
}

fn status(error: &Error) -> u16 {
    error.status().map(|s| s.as_u16()).unwrap_or(0)
}

fn config(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap()
}

fn langfuse(name: &str) -> CreateDestinationRequest {
    CreateDestinationRequest::new(
        DestinationType::Langfuse,
        name,
        config(json!({
            "publicKey": "pk-lf-public-1234EfGh",
            "secretKey": "sk-lf-secret-5678AbCd",
            "baseUrl": "https://us.cloud.langfuse.com",
        })),
    )
}

#[tokio::test]
async fn destination_crud_masks_secrets() {
    let server = MockServer::start().await;
    let client = management(&server);
    let obs = client.observability();
    let created = obs
        .create(&langfuse("Prod Langfuse").sampling_rate(0.5))
        .await
        .unwrap();
    assert_eq!(created.kind, Some(DestinationType::Langfuse));
    assert_eq!(created.sampling_rate, Some(0.5));
    assert_eq!(created.config["secretKey"], "sk-l...AbCd");
    assert_eq!(created.config["baseUrl"], "https://us.cloud.langfuse.com");
    assert_eq!(obs.get(&created.id).await.unwrap(), created);

    // Sending the masked value back changes nothing; a new value replaces the secret.
    let updated = obs
        .update(
            &created.id,
            &UpdateDestinationRequest::new()
                .name("Renamed")
                .enabled(false)
                .config(config(
                    json!({"secretKey": "sk-l...AbCd", "publicKey": "pk-lf-new-9999WxYz"}),
                )),
        )
        .await
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("Renamed"));
    assert_eq!(updated.enabled, Some(false));
    assert_eq!(updated.config["secretKey"], "sk-l...AbCd");
    assert_eq!(updated.config["publicKey"], "pk-l...WxYz");

    assert!(obs.delete(&created.id).await.unwrap().deleted);
    assert_eq!(status(&obs.get(&created.id).await.unwrap_err()), 404);
}

#[tokio::test]
async fn destination_rules() {
    let server = MockServer::start().await;
    let client = management(&server);
    let obs = client.observability();
    obs.create(&langfuse("Taken")).await.unwrap();
    let err = obs.create(&langfuse("Taken")).await.unwrap_err();
    assert_eq!(status(&err), 409);
    let err = obs
        .create(&CreateDestinationRequest::new(
            "langfuse",
            "x",
            config(json!({"publicKey": "p"})),
        ))
        .await
        .unwrap_err();
    assert_eq!(status(&err), 400);
    assert!(
        err.api().unwrap().message().contains("config.secretKey"),
        "{err}"
    );
    let err = obs
        .create(&CreateDestinationRequest::new(
            "carrier-pigeon",
            "x",
            Map::new(),
        ))
        .await
        .unwrap_err();
    assert!(err.api().unwrap().message().contains("type"), "{err}");
    let hook = obs
        .create(&CreateDestinationRequest::new(
            "webhook",
            "Hook",
            config(json!({"url": "https://example.com/events"})),
        ))
        .await
        .unwrap();
    assert_eq!(hook.kind, Some(DestinationType::Webhook));
}

#[tokio::test]
async fn destinations_page_lazily() {
    let server = MockServer::start().await;
    let client = management(&server);
    for i in 0..5 {
        client
            .observability()
            .create(&langfuse(&format!("D{i}")))
            .await
            .unwrap();
    }
    let before = server.request_count();
    let names: Vec<String> = client
        .observability()
        .list_all(&DestinationListQuery::new())
        .page_size(2)
        .map(|d| d.unwrap().name.unwrap_or_default())
        .collect()
        .await;
    assert_eq!(names, ["D0", "D1", "D2", "D3", "D4"]);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]
    );
    let page = client
        .observability()
        .list(&DestinationListQuery::new().limit(1))
        .await
        .unwrap();
    assert_eq!((page.data.len(), page.total_count), (1, Some(5)));
}

#[tokio::test]
async fn destinations_need_a_management_key() {
    let server = MockServer::start().await;
    let api_only = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = api_only.observability().get("x").await.unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
}
