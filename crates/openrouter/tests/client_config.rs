//! Client configuration: headers, keys, options, and what is refused before sending.

mod support;

use openrouter::{Client, Error, RequestOptions};
use openrouter_mock::MockServer;
use support::{client_for, hello};

#[tokio::test]
async fn a_missing_key_is_a_configuration_error_before_any_request() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let error = client.chat().create(&hello()).await.unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert!(error.to_string().contains("OPENROUTER_API_KEY"), "{error}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn public_endpoints_work_without_a_key() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let models = client.models().list().await.unwrap();
    assert!(!models.data.is_empty());
    assert!(server.requests()[0].header("authorization").is_none());
}

#[tokio::test]
async fn attribution_user_agent_and_auth_headers_are_sent() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .api_key(server.api_key())
        .base_url(format!("{}/", server.base_url()))
        .app_title("Test App")
        .http_referer("https://example.test")
        .app_categories(["cli-agent", "programming-app"])
        .build()
        .unwrap();
    client.chat().create(&hello()).await.unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.path, "/api/v1/chat/completions");
    assert_eq!(request.header("x-openrouter-title"), Some("Test App"));
    assert_eq!(request.header("x-title"), Some("Test App"));
    assert_eq!(request.header("http-referer"), Some("https://example.test"));
    assert_eq!(
        request.header("x-openrouter-categories"),
        Some("cli-agent,programming-app")
    );
    let expected_auth = format!("Bearer {}", server.api_key());
    assert_eq!(
        request.header("authorization"),
        Some(expected_auth.as_str())
    );
    assert!(request
        .header("user-agent")
        .unwrap()
        .starts_with("openrouter-rust/"));
    assert_eq!(request.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn per_request_headers_body_fields_and_metadata_opt_in_are_sent() {
    let server = MockServer::start().await;
    let options = RequestOptions::new()
        .header("x-session-id", "session-7")
        .body_field("top_k", 40)
        .with_metadata();
    client_for(&server)
        .chat()
        .with_options(options)
        .create(&hello())
        .await
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("x-session-id"), Some("session-7"));
    assert_eq!(request.header("x-openrouter-metadata"), Some("enabled"));
    let body = request.json().unwrap();
    assert_eq!(body["top_k"], 40);
    assert_eq!(body["model"], "openai/gpt-4o-mini");
}

#[tokio::test]
async fn a_wrong_key_is_a_401_with_the_server_message() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .api_key("sk-or-v1-wrong")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let error = client.chat().create(&hello()).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(error.attempts(), Some(1));
}

#[test]
fn bad_configuration_is_reported_at_build_time() {
    let error = Client::builder().base_url("not a url").build().unwrap_err();
    assert!(error.to_string().contains("not an http(s) URL"), "{error}");
    let error = Client::builder()
        .api_key("line\nbreak")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)));
    let error = Client::builder()
        .header("bad header", "x")
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("bad header"));
}

#[tokio::test]
async fn one_client_is_shared_across_tasks() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.chat().create(&hello()).await })
        })
        .collect();
    for task in tasks {
        assert!(task.await.unwrap().is_ok());
    }
    assert_eq!(server.request_count(), 8);
}

#[tokio::test]
async fn the_key_endpoint_describes_the_key_and_responses_carry_metadata() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let key = client.keys().current().await.unwrap();
    assert!(!key.label.is_empty());
    let response = client.chat().create_with_response(&hello()).await.unwrap();
    assert_eq!(response.status.as_u16(), 200);
    assert_eq!(response.generation_id(), Some(response.data.id.as_str()));
    let raw: serde_json::Value = serde_json::from_slice(response.raw_body()).unwrap();
    assert_eq!(raw["id"], response.data.id.as_str());
}
