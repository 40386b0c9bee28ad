//! `client.keys()` against the emulator: the current key and managed keys, end to end.

mod mgmt;

use futures_util::StreamExt;
use mgmt::{api_key_as_management, api_only, full_client, operation, round_trip, spec};
use openrouter::types::key::KeyInfoResponse;
use openrouter::types::keys::{
    CreateKeyRequest, CreatedKey, KeyDeleted, KeyList, KeyListParams, KeyResponse, LimitReset,
    UpdateKeyRequest,
};
use openrouter::ApiErrorKind;
use openrouter::Error;
use openrouter_mock::MockServer;

fn api_status(error: &Error) -> u16 {
    match error {
        Error::Api(api) => api.status.map(|s| s.as_u16()).unwrap_or(0),
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_current_key_is_described_with_an_api_key() {
    let server = MockServer::start().await;
    let key = api_only(&server).keys().current().await.unwrap();
    assert!(key.label.starts_with("sk-or-v1-"));
    assert_eq!(key.is_management_key, Some(false));
}

#[tokio::test]
async fn create_get_update_list_delete() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let keys = client.keys();
    let request = CreateKeyRequest::new("ci key")
        .limit(10.0)
        .limit_reset("monthly")
        .include_byok_in_limit(true)
        .expires_at("2030-01-01T00:00:00Z");
    let created = keys.create(&request).await.unwrap();
    assert!(created.key.starts_with("sk-or-v1-"));
    assert_eq!(created.data.name, "ci key");
    assert_eq!(created.data.limit, Some(10.0));
    assert_eq!(created.data.limit_remaining, Some(10.0));
    assert_eq!(created.data.limit_reset, Some(LimitReset::Monthly));
    assert_eq!(
        created.data.usage,
        Some(0.0),
        "usage of a new key starts at 0"
    );
    assert_eq!(created.data.hash.len(), 64);
    assert!(created.data.extra.is_empty(), "{:?}", created.data.extra);

    // The body sent matches the spec's field names.
    let sent = server.requests().last().cloned().unwrap();
    let body: serde_json::Value = serde_json::from_slice(&sent.body).unwrap();
    assert_eq!(body["name"], "ci key");
    assert_eq!(body["limit_reset"], "monthly");
    assert_eq!(body["expires_at"], "2030-01-01T00:00:00Z");

    let hash = created.data.hash.clone();
    let fetched = keys.get(&hash).await.unwrap();
    assert_eq!(fetched, created.data);

    let updated = keys
        .update(&hash, &UpdateKeyRequest::new().name("renamed").limit(4.0))
        .await
        .unwrap();
    assert_eq!(updated.name, "renamed");
    assert_eq!(updated.limit_remaining, Some(4.0));
    assert!(updated.updated_at.is_some());

    let cleared = keys
        .update(&hash, &UpdateKeyRequest::new().no_limit())
        .await
        .unwrap();
    assert_eq!(cleared.limit, None);
    assert_eq!(cleared.limit_remaining, None);

    let list = keys.list(&KeyListParams::new()).await.unwrap();
    assert_eq!(list.data.len(), 1);
    assert_eq!(list.data[0].hash, hash);

    let deleted = keys.delete(&hash).await.unwrap();
    assert!(deleted.deleted);
    let gone = keys.get(&hash).await.unwrap_err();
    assert_eq!(api_status(&gone), 404);
    assert_eq!(
        api_status(&keys.delete(&hash).await.unwrap_err()),
        404,
        "deleting twice is a 404"
    );
    assert!(keys
        .list(&KeyListParams::new())
        .await
        .unwrap()
        .data
        .is_empty());
}

#[tokio::test]
async fn the_secret_is_shown_once_and_never_in_debug() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let created = client
        .keys()
        .create(&CreateKeyRequest::new("secret"))
        .await
        .unwrap();
    let secret = created.key.clone();
    assert!(secret.len() > 20);
    let debug = format!("{created:?} {created:#?}");
    assert!(!debug.contains(&secret), "{debug}");
    assert!(debug.contains("[redacted]"));
    // Neither the list nor a lookup shows the secret again.
    let list = client
        .keys()
        .list_with_response(&KeyListParams::new())
        .await
        .unwrap();
    assert!(!String::from_utf8_lossy(list.raw_body()).contains(&secret));
    let one = client
        .keys()
        .get_with_response(&created.data.hash)
        .await
        .unwrap();
    assert!(!String::from_utf8_lossy(one.raw_body()).contains(&secret));
}

#[tokio::test]
async fn disabled_keys_are_listed_only_when_asked() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let keys = client.keys();
    let a = keys.create(&CreateKeyRequest::new("a")).await.unwrap();
    keys.create(&CreateKeyRequest::new("b")).await.unwrap();
    let disabled = keys
        .update(&a.data.hash, &UpdateKeyRequest::new().disabled(true))
        .await
        .unwrap();
    assert!(disabled.disabled);
    let enabled = keys.list(&KeyListParams::new()).await.unwrap();
    assert_eq!(enabled.data.len(), 1);
    assert_eq!(enabled.data[0].name, "b");
    let all = keys
        .list(&KeyListParams::new().include_disabled(true))
        .await
        .unwrap();
    assert_eq!(all.data.len(), 2);
    let query = server.requests().last().unwrap().query.clone().unwrap();
    assert_eq!(query, "include_disabled=true");
    let skipped = keys
        .list(&KeyListParams::new().include_disabled(true).offset(1))
        .await
        .unwrap();
    assert_eq!(skipped.data.len(), 1);
    assert_eq!(skipped.data[0].name, "b");
}

#[tokio::test]
async fn list_all_pages_lazily_through_more_than_one_page() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    for i in 0..105 {
        client
            .keys()
            .create(&CreateKeyRequest::new(format!("key {i}")))
            .await
            .unwrap();
    }
    let before = server.request_count();
    let mut stream = client.keys().list_all(&KeyListParams::new());
    assert_eq!(
        server.request_count(),
        before,
        "nothing fetched before polling"
    );
    let first = stream.next().await.unwrap().unwrap();
    assert_eq!(first.name, "key 0");
    assert_eq!(server.request_count(), before + 1);
    let rest: Vec<_> = stream.map(|k| k.unwrap().name).collect().await;
    assert_eq!(rest.len(), 104);
    assert_eq!(rest.last().map(String::as_str), Some("key 104"));
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(queries, ["offset=0", "offset=100", "offset=105"]);
}

#[tokio::test]
async fn management_calls_need_a_management_key_and_send_nothing_without_one() {
    let server = MockServer::start().await;
    let client = api_only(&server);
    let error = client.keys().list(&KeyListParams::new()).await.unwrap_err();
    match &error {
        Error::Config(message) => assert!(message.contains("management key"), "{message}"),
        other => panic!("expected a configuration error, got {other:?}"),
    }
    let error = client
        .keys()
        .create(&CreateKeyRequest::new("x"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)));
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn an_api_key_on_a_management_operation_gets_the_live_403() {
    let server = MockServer::start().await;
    let client = api_key_as_management(&server);
    let error = client.keys().list(&KeyListParams::new()).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}")
    };
    assert_eq!(api.kind(), ApiErrorKind::Forbidden);
    assert_eq!(
        api.message(),
        "Only management keys can perform this operation"
    );
}

#[tokio::test]
async fn invalid_bodies_are_refused_with_a_message_naming_the_field() {
    let server = MockServer::start().await;
    let keys_client = full_client(&server);
    let keys = keys_client.keys();
    let error = keys.create(&CreateKeyRequest::new("  ")).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.kind(), ApiErrorKind::BadRequest);
    assert!(api.message().contains("name"), "{}", api.message());

    let error = keys
        .create(&CreateKeyRequest::new("k").limit_reset("yearly"))
        .await
        .unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert!(api.message().contains("limit_reset"), "{}", api.message());

    let error = keys
        .create(&CreateKeyRequest::new("k").expires_at("tomorrow"))
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 400);

    let created = keys.create(&CreateKeyRequest::new("k")).await.unwrap();
    let error = keys
        .update(&created.data.hash, &UpdateKeyRequest::new().limit(-1.0))
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 400);
    assert_eq!(
        api_status(
            &keys
                .update("0000", &UpdateKeyRequest::new().name("x"))
                .await
                .unwrap_err()
        ),
        404
    );
}

#[test]
fn spec_examples_round_trip() {
    let spec = spec();
    for example in mgmt::success_examples(operation(&spec, "/key", "get")) {
        round_trip::<KeyInfoResponse>("GET /key", &example);
    }
    let list = mgmt::success_examples(operation(&spec, "/keys", "get"));
    assert!(!list.is_empty());
    for example in list {
        let decoded = round_trip::<KeyList>("GET /keys", &example);
        assert!(!decoded.data.is_empty());
    }
    let created = mgmt::success_examples(operation(&spec, "/keys", "post"));
    assert!(!created.is_empty());
    for example in created {
        let decoded = round_trip::<CreatedKey>("POST /keys", &example);
        assert!(decoded.key.starts_with("sk-or-v1-"));
    }
    for (method, what) in [("get", "GET /keys/{hash}"), ("patch", "PATCH /keys/{hash}")] {
        let examples = mgmt::success_examples(operation(&spec, "/keys/{hash}", method));
        assert!(!examples.is_empty(), "{what}");
        for example in examples {
            round_trip::<KeyResponse>(what, &example);
        }
    }
    for example in mgmt::success_examples(operation(&spec, "/keys/{hash}", "delete")) {
        assert!(round_trip::<KeyDeleted>("DELETE /keys/{hash}", &example).deleted);
    }
    let create = mgmt::request_example(operation(&spec, "/keys", "post")).unwrap();
    round_trip::<CreateKeyRequest>("POST /keys body", &create);
    let update = mgmt::request_example(operation(&spec, "/keys/{hash}", "patch")).unwrap();
    round_trip::<UpdateKeyRequest>("PATCH /keys/{hash} body", &update);
}
