//! Helpers shared by the integration tests.
#![allow(dead_code, unreachable_pub)]

use openrouter_mock::MockServer;
use serde_json::{json, Value};

/// A client that never uses a proxy, so requests stay on 127.0.0.1.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client builds")
}

/// A minimal valid chat body.
pub fn hello(model: &str) -> Value {
    json!({ "model": model, "messages": [{ "role": "user", "content": "Tell me about cats please" }] })
}

/// POST a chat completion with the server's key.
pub async fn chat(server: &MockServer, body: &Value) -> reqwest::Response {
    chat_with(server, body, &[]).await
}

/// POST a chat completion with the server's key and extra headers.
pub async fn chat_with(
    server: &MockServer,
    body: &Value,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = client()
        .post(format!("{}/chat/completions", server.base_url()))
        .bearer_auth(server.api_key())
        .json(body);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("request is answered")
}

/// The payloads of the `data:` lines of an SSE body.
pub fn data_events(text: &str) -> Vec<String> {
    text.split("\n\n")
        .filter_map(|e| e.strip_prefix("data: "))
        .map(str::to_owned)
        .collect()
}

/// The JSON chunks of an SSE body, without `[DONE]`.
pub fn chunks(text: &str) -> Vec<Value> {
    data_events(text)
        .iter()
        .filter(|d| d.as_str() != "[DONE]")
        .map(|d| serde_json::from_str(d).expect("chunk is JSON"))
        .collect()
}

/// Concatenated `delta.content` of the chunks.
pub fn streamed_content(chunks: &[Value]) -> String {
    chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect()
}
