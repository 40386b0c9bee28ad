//! `client.presets()` against the emulator: saving versions, reading them back, paging.

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;
use serde_json::json;

fn api(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap()
}

fn status(error: &Error) -> u16 {
    error.status().map(|s| s.as_u16()).unwrap_or(0)
}

#[tokio::test]
async fn saving_creates_versions() {
    let server = MockServer::start().await;
    let client = api(&server);
    let presets = client.presets();
    let chat = ChatRequest::new(
        "openai/gpt-4o",
        [Message::system("You are terse."), Message::user("Hi")],
    )
    .temperature(0.2);
    let first = presets.save_from_chat("my-preset", &chat).await.unwrap();
    assert_eq!(first.slug, "my-preset");
    let v1 = first
        .designated_version
        .clone()
        .expect("designated version");
    assert_eq!(v1.version, 1);
    assert_eq!(v1.system_prompt.as_deref(), Some("You are terse."));
    assert_eq!(v1.config["model"], "openai/gpt-4o");
    assert!(
        !v1.config.contains_key("messages"),
        "the conversation is not stored"
    );

    let second = presets
        .save_from_messages(
            "my-preset",
            &json!({"model": "anthropic/claude-4.6-sonnet", "max_tokens": 1024,
                    "system": "Be kind.", "messages": [{"role": "user", "content": "Hi"}]}),
        )
        .await
        .unwrap();
    assert_eq!(second.id, first.id);
    assert_eq!(second.designated_version.as_ref().unwrap().version, 2);
    let third = presets
        .save_from_responses(
            "my-preset",
            &json!({"model": "openai/gpt-5.4", "instructions": "Answer in French.", "input": "Hi"}),
        )
        .await
        .unwrap();
    let v3 = third.designated_version.unwrap();
    assert_eq!(
        (v3.version, v3.system_prompt.as_deref()),
        (3, Some("Answer in French."))
    );

    let got = presets.get("my-preset").await.unwrap();
    assert_eq!(got.designated_version_id.as_deref(), Some(v3.id.as_str()));
    assert_eq!(presets.get_version("my-preset", 1).await.unwrap(), v1);

    let before = server.request_count();
    let versions: Vec<u64> = presets
        .list_versions_all("my-preset")
        .page_size(2)
        .map(|v| v.unwrap().version)
        .collect()
        .await;
    assert_eq!(versions, [1, 2, 3]);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(queries, ["offset=0&limit=2", "offset=2&limit=2"]);

    assert_eq!(
        status(&presets.get_version("my-preset", 9).await.unwrap_err()),
        404
    );
    assert_eq!(status(&presets.get("nope").await.unwrap_err()), 404);
    assert_eq!(
        status(
            &presets
                .list_versions("nope", PageParams::new())
                .await
                .unwrap_err()
        ),
        404
    );
}

#[tokio::test]
async fn invalid_bodies_are_refused() {
    let server = MockServer::start().await;
    let client = api(&server);
    let err = client
        .presets()
        .save_from_messages("p", &json!({"model": "x"}))
        .await
        .unwrap_err();
    assert_eq!(status(&err), 400);
    assert!(err.api().unwrap().message().contains("messages"), "{err}");
    let err = client
        .presets()
        .save_from_responses("p", &json!({"model": 5}))
        .await
        .unwrap_err();
    assert!(err.api().unwrap().message().contains("model"), "{err}");
}

#[tokio::test]
async fn presets_page_lazily() {
    let server = MockServer::start().await;
    let client = api(&server);
    for i in 0..5 {
        client
            .presets()
            .save_from_responses(&format!("p-{i}"), &json!({"model": "openai/gpt-5.4"}))
            .await
            .unwrap();
    }
    let before = server.request_count();
    let slugs: Vec<String> = client
        .presets()
        .list_all()
        .page_size(2)
        .map(|p| p.unwrap().slug)
        .collect()
        .await;
    assert_eq!(slugs, ["p-0", "p-1", "p-2", "p-3", "p-4"]);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]
    );
}

#[tokio::test]
async fn presets_need_an_api_key() {
    let server = MockServer::start().await;
    let management_only = Client::builder()
        .management_key(server.management_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = management_only
        .presets()
        .list(PageParams::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
}
