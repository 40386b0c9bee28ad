//! `client.byok()` against the emulator.

use futures_util::StreamExt;
use openrouter::types::byok::{ByokListQuery, CreateByokKeyRequest, UpdateByokKeyRequest};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

const SECRET: &str = "sk-proj-THE-SECRET-0123456789-AbCd";

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

#[tokio::test]
async fn byok_crud_never_returns_the_secret() {
    let server = MockServer::start().await;
    let client = management(&server);
    let request = CreateByokKeyRequest::new("openai", SECRET).name("Prod OpenAI");
    assert!(
        !format!("{request:?}").contains("THE-SECRET"),
        "Debug hides the key"
    );

    let created = client.byok().create(&request).await.unwrap();
    assert_eq!(created.provider, "openai");
    assert_eq!(created.label, "sk-...AbCd");
    assert_eq!(created.name.as_deref(), Some("Prod OpenAI"));
    // Fields newer than the spec are there.
    assert_eq!(created.declared_zdr, Some(false));
    assert_eq!(created.is_byok_only, Some(false));
    assert_eq!(created.is_required, Some(false));
    assert!(created.extra.is_empty(), "{:?}", created.extra);
    for request in server.requests().iter().skip(1) {
        assert!(!String::from_utf8_lossy(&request.body).contains("THE-SECRET"));
    }

    let got = client.byok().get(&created.id).await.unwrap();
    assert_eq!(got, created);
    let raw = client
        .byok()
        .list_with_response(&ByokListQuery::new())
        .await
        .unwrap();
    assert!(!String::from_utf8_lossy(raw.raw_body()).contains("THE-SECRET"));
    assert_eq!(raw.total_count, Some(1));

    let rotate = UpdateByokKeyRequest::new()
        .key("sk-new-key-material-987654-WxYz")
        .disabled(true)
        .allowed_models(["openai/gpt-4o"]);
    assert!(!format!("{rotate:?}").contains("material"));
    let updated = client.byok().update(&created.id, &rotate).await.unwrap();
    assert_eq!(updated.label, "sk-...WxYz");
    assert_eq!(updated.disabled, Some(true));
    assert_eq!(
        updated.allowed_models,
        Some(vec!["openai/gpt-4o".to_owned()])
    );
    let cleared = client
        .byok()
        .update(
            &created.id,
            &UpdateByokKeyRequest::new().clear_allowed_models(),
        )
        .await
        .unwrap();
    assert_eq!(cleared.allowed_models, None);
    let sent = server.requests().last().unwrap().body.clone();
    assert_eq!(&sent[..], br#"{"allowed_models":null}"#);

    assert!(client.byok().delete(&created.id).await.unwrap().deleted);
    assert_eq!(
        status(&client.byok().get(&created.id).await.unwrap_err()),
        404
    );
    assert_eq!(
        status(&client.byok().delete(&created.id).await.unwrap_err()),
        404
    );
}

#[tokio::test]
async fn byok_validation_names_the_field() {
    let server = MockServer::start().await;
    let client = management(&server);
    let err = client
        .byok()
        .create(&CreateByokKeyRequest::new("not-a-provider", SECRET))
        .await
        .unwrap_err();
    assert_eq!(status(&err), 400);
    assert!(err.api().unwrap().message().contains("provider"), "{err}");
    let err = client
        .byok()
        .create(&CreateByokKeyRequest::new("openai", "").name("x"))
        .await
        .unwrap_err();
    assert!(err.api().unwrap().message().contains("key"), "{err}");
    let err = client
        .byok()
        .create(&CreateByokKeyRequest::new("openai", SECRET).allowed_api_key_hashes(["nothex"]))
        .await
        .unwrap_err();
    assert!(
        err.api()
            .unwrap()
            .message()
            .contains("allowed_api_key_hashes"),
        "{err}"
    );
}

#[tokio::test]
async fn byok_lists_page_lazily_and_filter() {
    let server = MockServer::start().await;
    let client = management(&server);
    for provider in ["openai", "anthropic", "openai", "groq", "openai"] {
        client
            .byok()
            .create(&CreateByokKeyRequest::new(provider, SECRET))
            .await
            .unwrap();
    }
    let before = server.request_count();
    let all: Vec<_> = client
        .byok()
        .list_all(&ByokListQuery::new())
        .page_size(2)
        .map(|k| k.unwrap())
        .collect()
        .await;
    assert_eq!(all.len(), 5);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]
    );
    let sort: Vec<i64> = all
        .iter()
        .filter(|k| k.provider == "openai")
        .filter_map(|k| k.sort_order)
        .collect();
    assert_eq!(sort, [0, 1, 2]);
    let openai = client
        .byok()
        .list(&ByokListQuery::new().provider("openai"))
        .await
        .unwrap();
    assert_eq!(openai.total_count, Some(3));
    let query = server.requests().last().unwrap().query.clone().unwrap();
    assert_eq!(query, "provider=openai");
}

#[tokio::test]
async fn byok_needs_a_management_key() {
    let server = MockServer::start().await;
    let api_only = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = api_only
        .byok()
        .list(&ByokListQuery::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
    let wrong = Client::builder()
        .management_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = wrong.byok().get("x").await.unwrap_err();
    assert_eq!(status(&err), 403);
}
