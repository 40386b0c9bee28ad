//! Scripted turns: queued replies answer chat completions, streamed or not, in order.

mod common;

use std::time::Duration;

use common::{chat, chunks, hello};
use openrouter_mock::{MockReply, MockServer, MockToolCall};
use serde_json::{json, Value};

fn streamed(body: &Value) -> Value {
    let mut body = body.clone();
    body["stream"] = json!(true);
    body
}

#[tokio::test]
async fn replies_are_consumed_in_order_then_the_default_answer_returns() {
    let server = MockServer::start().await;
    server.push_reply(MockReply::text("first"));
    server.push_reply(MockReply::text("second"));
    assert_eq!(server.pending_replies(), 2);
    let one: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    let two: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    let three: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["choices"][0]["message"]["content"], "first");
    assert_eq!(two["choices"][0]["message"]["content"], "second");
    let default = three["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(default.contains("Tell me about cats"), "{default}");
    assert_eq!(server.pending_replies(), 0);
}

#[tokio::test]
async fn a_rejected_request_does_not_consume_a_reply() {
    let server = MockServer::start().await;
    server.push_reply(MockReply::text("kept"));
    let resp = chat(&server, &json!({"model": "openai/gpt-4o", "messages": []})).await;
    assert_eq!(resp.status(), 400);
    assert_eq!(server.pending_replies(), 1);
}

#[tokio::test]
async fn parallel_tool_calls_with_reasoning_details_usage_and_finish_reason() {
    let server = MockServer::start().await;
    let detail = json!({"type": "reasoning.text", "text": "plan", "signature": "sig==", "format": "anthropic-claude-v1", "index": 0, "vendor_field": [1, 2]});
    let reply = MockReply::tool_calls([
        MockToolCall::new("get_weather", r#"{"city":"Paris"}"#).with_id("call_a"),
        MockToolCall::new("get_time", ""),
    ])
    .with_reasoning("plan")
    .with_reasoning_details([detail.clone()])
    .with_usage(100, 20, 0.25);
    server.push_reply(reply.clone());
    server.push_reply(reply);

    let body: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    let choice = &body["choices"][0];
    assert_eq!(choice["finish_reason"], "tool_calls");
    let message = &choice["message"];
    assert!(message["content"].is_null());
    assert_eq!(message["reasoning"], "plan");
    assert_eq!(message["reasoning_details"], json!([detail]));
    let calls = message["tool_calls"].as_array().unwrap();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0]["id"], "call_a");
    assert_eq!(calls[0]["function"]["arguments"], r#"{"city":"Paris"}"#);
    assert_eq!(calls[1]["function"]["name"], "get_time");
    assert_eq!(calls[1]["function"]["arguments"], "");
    assert!(calls[1]["id"].as_str().unwrap().starts_with("call_"));
    assert_eq!(body["usage"]["prompt_tokens"], 100);
    assert_eq!(body["usage"]["completion_tokens"], 20);
    assert_eq!(body["usage"]["cost"], 0.25);

    // The same turn streamed: whole detail items, arguments in fragments per call index.
    let text = chat(&server, &streamed(&hello("openai/gpt-4o")))
        .await
        .text()
        .await
        .unwrap();
    let events = chunks(&text);
    let details: Vec<&Value> = events
        .iter()
        .flat_map(|c| c["choices"][0]["delta"]["reasoning_details"].as_array())
        .flatten()
        .collect();
    assert_eq!(details, [&detail]);
    let mut arguments = [String::new(), String::new()];
    for event in &events {
        for call in event["choices"][0]["delta"]["tool_calls"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let index = call["index"].as_u64().unwrap() as usize;
            arguments[index].push_str(call["function"]["arguments"].as_str().unwrap());
        }
    }
    assert_eq!(arguments, [r#"{"city":"Paris"}"#.to_owned(), String::new()]);
    let finish = events
        .iter()
        .find_map(|c| c["choices"][0]["finish_reason"].as_str());
    assert_eq!(finish, Some("tool_calls"));
    assert_eq!(events.last().unwrap()["usage"]["cost"], 0.25);
}

#[tokio::test]
async fn a_tool_result_for_an_unknown_call_is_refused() {
    let server = MockServer::start().await;
    let body = json!({
        "model": "openai/gpt-4o",
        "messages": [
            {"role": "user", "content": "Weather?"},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "w", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "call_2", "content": "Sunny"}
        ]
    });
    let resp = chat(&server, &body).await;
    assert_eq!(resp.status(), 400);
    let error: Value = resp.json().await.unwrap();
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.contains("messages[2]"), "{message}");
    assert!(message.contains("`call_2`"), "{message}");
}

#[tokio::test]
async fn a_held_reply_counts_a_client_that_leaves() {
    let server = MockServer::start().await;
    server.push_reply(MockReply::text("late").with_delay(Duration::from_secs(30)));
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 200, "headers come at once");
    assert_eq!(server.disconnects(), 0);
    drop(resp);
    assert!(
        server.wait_for_disconnects(1, Duration::from_secs(5)).await,
        "the emulator saw the client leave"
    );

    // A short hold delivers the body.
    server.push_reply(MockReply::text("soon").with_delay(Duration::from_millis(20)));
    let body: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], "soon");
    assert_eq!(server.disconnects(), 1);
}
