//! `POST /responses` at the wire level: what the SDK tests cannot see (the exact JSON shape,
//! the SSE framing, how SSE is chosen, the error bodies).

mod common;

use common::{chunks, client};
use openrouter_mock::MockServer;
use serde_json::{json, Value};

async fn post(server: &MockServer, body: &Value, accept: &str) -> reqwest::Response {
    client()
        .post(format!("{}/responses", server.base_url()))
        .bearer_auth(server.api_key())
        .header("accept", accept)
        .json(body)
        .send()
        .await
        .expect("request is answered")
}

#[tokio::test]
async fn the_body_has_the_live_shape_with_every_required_key() {
    let server = MockServer::start().await;
    let body = json!({"model": "openai/gpt-4o-mini", "input": [
        {"role": "user", "content": [{"type": "input_text", "text": "Hello emulator"}]}
    ], "stream": false});
    let resp = post(&server, &body, "application/json").await;
    assert_eq!(resp.status(), 200);
    let value: Value = resp.json().await.unwrap();
    for key in [
        "id",
        "object",
        "created_at",
        "model",
        "status",
        "completed_at",
        "output",
        "error",
        "incomplete_details",
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "instructions",
        "metadata",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    assert_eq!(value["object"], "response");
    assert_eq!(value["store"], false);
    let message = &value["output"][0];
    assert_eq!(message["type"], "message");
    assert!(message["id"].as_str().unwrap().starts_with("msg_tmp_"));
    assert_eq!(message["content"][0]["type"], "output_text");
    assert!(message["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Hello emulator"));
    let usage = &value["usage"];
    assert_eq!(
        usage["total_tokens"].as_u64(),
        Some(usage["input_tokens"].as_u64().unwrap() + usage["output_tokens"].as_u64().unwrap())
    );
    assert!(usage["cost"].as_f64().unwrap() > 0.0);
    assert!(usage["cost_details"]["upstream_inference_input_cost"].is_number());
}

#[tokio::test]
async fn the_body_field_chooses_sse_whatever_the_accept_header_says() {
    let server = MockServer::start().await;
    let body = json!({"model": "openai/gpt-4o-mini", "input": "hi there", "stream": true});
    let resp = post(&server, &body, "application/json").await;
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let text = resp.text().await.unwrap();
    assert!(text.ends_with("data: [DONE]\n\n"));
    let events = chunks(&text);
    assert_eq!(events[0]["type"], "response.created");
    assert_eq!(events[0]["response"]["status"], "in_progress");
    assert!(events[0]["response"]["usage"].is_null());
    let last = events.last().unwrap();
    assert_eq!(last["type"], "response.completed");
    assert_eq!(
        last["sequence_number"].as_u64(),
        Some(events.len() as u64 - 1)
    );
    let streamed: String = events
        .iter()
        .filter(|e| e["type"] == "response.output_text.delta")
        .filter_map(|e| e["delta"].as_str())
        .collect();
    assert_eq!(
        streamed,
        last["response"]["output"][0]["content"][0]["text"]
    );
}

#[tokio::test]
async fn errors_use_the_openrouter_error_body() {
    let server = MockServer::start().await;
    let cases = [
        (
            json!({"model": "openai/gpt-4o-mini"}),
            "`input` is required",
        ),
        (
            json!({"model": "openai/gpt-4o-mini", "input": "hi", "previous_response_id": "resp_1"}),
            "stateless",
        ),
        (
            json!({"model": "openai/gpt-4o-mini", "input": "hi", "store": true}),
            "`store` must be false",
        ),
        (
            json!({"model": "openai/gpt-4o-mini", "input": [{"role": "robot", "content": "x"}]}),
            "input[0].role",
        ),
        (
            json!({"model": "openai/gpt-4o-mini", "input": "hi", "tools": [{"type": "function"}]}),
            "tools[0].name",
        ),
    ];
    for (body, expected) in cases {
        let resp = post(&server, &body, "application/json").await;
        assert_eq!(resp.status(), 400, "{body}");
        let value: Value = resp.json().await.unwrap();
        assert_eq!(value["error"]["code"], 400);
        let message = value["error"]["message"].as_str().unwrap();
        assert!(message.contains(expected), "{message}");
    }
    let resp = client()
        .post(format!("{}/responses", server.base_url()))
        .json(&json!({"input": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let value: Value = resp.json().await.unwrap();
    assert_eq!(value["error"]["code"], 401);
}
