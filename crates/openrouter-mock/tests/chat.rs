//! Chat completions: shapes, streaming, tools, structured output, reasoning and validation.

mod common;

use common::{chat, chunks, client, data_events, hello, streamed_content};
use openrouter_mock::{MockConfig, MockServer};
use serde_json::{json, Value};

#[tokio::test]
async fn non_stream_answer_has_the_real_shape_and_priced_usage() {
    let server = MockServer::start().await;
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 200);
    let gen_header = resp
        .headers()
        .get("x-generation-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body: Value = resp.json().await.unwrap();

    let id = body["id"].as_str().unwrap();
    let parts: Vec<&str> = id.splitn(3, '-').collect();
    assert_eq!(parts[0], "gen");
    assert!(parts[1].parse::<u64>().is_ok());
    assert_eq!(parts[2].len(), 20);
    assert!(parts[2].chars().all(|c| c.is_ascii_alphanumeric()));
    assert_eq!(gen_header.as_deref(), Some(id));

    assert_eq!(body["object"], "chat.completion");
    assert_eq!(body["model"], "openai/gpt-4o");
    assert_eq!(body["provider"], "OpenAI");
    assert!(body["created"].as_u64().unwrap() > 1_700_000_000);
    assert!(body["system_fingerprint"].is_null());
    let choice = &body["choices"][0];
    assert_eq!(choice["index"], 0);
    assert_eq!(choice["finish_reason"], "stop");
    assert_eq!(choice["native_finish_reason"], "stop");
    assert!(choice["logprobs"].is_null());
    let message = &choice["message"];
    assert_eq!(message["role"], "assistant");
    assert!(message["refusal"].is_null());
    assert!(message.get("reasoning").is_some());
    assert!(message["content"]
        .as_str()
        .unwrap()
        .contains("Tell me about cats"));

    let usage = &body["usage"];
    let prompt = usage["prompt_tokens"].as_u64().unwrap();
    let completion = usage["completion_tokens"].as_u64().unwrap();
    assert!(prompt > 0 && completion > 0);
    assert_eq!(usage["total_tokens"].as_u64().unwrap(), prompt + completion);
    let expected = prompt as f64 * 0.0000025 + completion as f64 * 0.00001;
    assert!((usage["cost"].as_f64().unwrap() - expected).abs() < 1e-12);
    assert_eq!(usage["is_byok"], false);
    assert_eq!(usage["prompt_tokens_details"]["cached_tokens"], 0);
    assert_eq!(usage["completion_tokens_details"]["reasoning_tokens"], 0);
    assert!(usage["cost_details"]["upstream_inference_cost"].is_null());

    // Same prompt, same content.
    let again: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["choices"][0]["message"]["content"],
        message["content"]
    );
}

#[tokio::test]
async fn auto_router_reports_the_model_it_picked() {
    let server = MockServer::start().await;
    let body: Value = chat(&server, &hello("openrouter/auto"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["model"], "openai/gpt-4o-mini");
    assert!(body["usage"]["cost"].as_f64().unwrap() > 0.0);
}

#[tokio::test]
async fn stream_is_framed_like_the_api_and_matches_the_plain_answer() {
    let server = MockServer::start().await;
    let plain: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();

    let mut body = hello("openai/gpt-4o");
    body["stream"] = json!(true);
    // The body field decides, whatever Accept says.
    let resp = client()
        .post(format!("{}/chat/completions", server.base_url()))
        .bearer_auth(server.api_key())
        .header("accept", "application/json")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let text = resp.text().await.unwrap();
    assert!(text.ends_with("data: [DONE]\n\n"), "{text}");
    for event in text.split_terminator("\n\n") {
        assert!(event.starts_with("data: "), "{event:?}");
        assert!(!event.contains('\n'));
    }
    let events = data_events(&text);
    assert_eq!(events.last().map(String::as_str), Some("[DONE]"));

    let chunks = chunks(&text);
    assert!(chunks.len() >= 5);
    let id = chunks[0]["id"].as_str().unwrap();
    for c in &chunks {
        assert_eq!(c["id"], id);
        assert_eq!(c["object"], "chat.completion.chunk");
        assert_eq!(c["model"], "openai/gpt-4o");
        assert_eq!(c["provider"], "OpenAI");
    }
    let content_chunks = chunks
        .iter()
        .filter(|c| {
            c["choices"][0]["delta"]["content"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        })
        .count();
    assert!(content_chunks >= 3, "content comes in several chunks");
    assert_eq!(
        streamed_content(&chunks),
        plain["choices"][0]["message"]["content"].as_str().unwrap()
    );
    let finish = &chunks[chunks.len() - 2];
    assert_eq!(finish["choices"][0]["finish_reason"], "stop");
    let usage_chunk = &chunks[chunks.len() - 1];
    assert_eq!(usage_chunk["choices"], json!([]));
    assert_eq!(usage_chunk["usage"], plain["usage"]);
}

#[tokio::test]
async fn max_tokens_cuts_the_reply_with_finish_reason_length() {
    let server = MockServer::start().await;
    for key in ["max_tokens", "max_completion_tokens"] {
        let mut body = hello("openai/gpt-4o-mini");
        body[key] = json!(3);
        let v: Value = chat(&server, &body).await.json().await.unwrap();
        assert_eq!(v["choices"][0]["finish_reason"], "length");
        assert!(v["usage"]["completion_tokens"].as_u64().unwrap() <= 3);
        assert_eq!(
            v["choices"][0]["message"]["content"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            12
        );
    }
}

fn weather_tools() -> Value {
    json!([
        {"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
            "parameters": {"type": "object", "properties": {
                "city": {"type": "string"},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "detailed": {"type": "boolean"},
                "coords": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}, "required": ["lat", "lon"]},
                "tags": {"type": "array", "items": {"type": "string"}}
            }, "required": ["city", "days", "unit", "coords"]}}},
        {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}, "required": ["zone"]}}}
    ])
}

fn assert_weather_args(args: &Value) {
    assert!(args["city"].is_string());
    assert!(args["days"].as_i64().is_some_and(|d| (1..=7).contains(&d)));
    assert_eq!(args["unit"], "celsius");
    assert!(args["coords"]["lat"].is_number() && args["coords"]["lon"].is_number());
    assert!(args["tags"]
        .as_array()
        .is_some_and(|a| a.len() == 1 && a[0].is_string()));
}

#[tokio::test]
async fn offered_tools_are_called_with_schema_satisfying_arguments() {
    let server = MockServer::start().await;
    let mut body = hello("openai/gpt-4o");
    body["tools"] = weather_tools();
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    let choice = &v["choices"][0];
    assert_eq!(choice["finish_reason"], "tool_calls");
    assert!(choice["message"]["content"].is_null());
    let call = &choice["message"]["tool_calls"][0];
    assert!(call["id"].as_str().unwrap().starts_with("call_"));
    assert_eq!(call["type"], "function");
    assert_eq!(call["function"]["name"], "get_weather");
    let args: Value =
        serde_json::from_str(call["function"]["arguments"].as_str().unwrap()).unwrap();
    assert_weather_args(&args);

    body["tool_choice"] = json!({"type": "function", "function": {"name": "get_time"}});
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    let call = &v["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(call["function"]["name"], "get_time");

    body["tool_choice"] = json!("none");
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    assert!(v["choices"][0]["message"]["content"].is_string());

    body["tool_choice"] = json!({"type": "function", "function": {"name": "nope"}});
    assert_eq!(chat(&server, &body).await.status(), 400);
}

#[tokio::test]
async fn streamed_tool_call_opens_with_empty_arguments_then_sends_pieces() {
    let server = MockServer::start().await;
    let mut body = hello("openai/gpt-4o");
    body["tools"] = weather_tools();
    body["stream"] = json!(true);
    let text = chat(&server, &body).await.text().await.unwrap();
    let chunks = chunks(&text);
    let calls: Vec<&Value> = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["tool_calls"].get(0))
        .collect();
    assert!(calls.len() >= 3);
    assert_eq!(calls[0]["function"]["arguments"], "");
    assert_eq!(calls[0]["function"]["name"], "get_weather");
    assert!(calls[0]["id"].as_str().unwrap().starts_with("call_"));
    let args: String = calls
        .iter()
        .filter_map(|c| c["function"]["arguments"].as_str())
        .collect();
    assert_weather_args(&serde_json::from_str(&args).unwrap());
    let finish = chunks
        .iter()
        .find_map(|c| c["choices"][0]["finish_reason"].as_str());
    assert_eq!(finish, Some("tool_calls"));
}

#[tokio::test]
async fn tool_result_is_answered_in_text() {
    let server = MockServer::start().await;
    let body = json!({
        "model": "openai/gpt-4o",
        "tools": weather_tools(),
        "messages": [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "Sunny and 24 degrees"}
        ]
    });
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    let content = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(content.contains("Sunny and 24 degrees"), "{content}");
}

#[tokio::test]
async fn json_schema_output_parses_and_has_the_required_keys() {
    let server = MockServer::start().await;
    let mut body = hello("openai/gpt-4o");
    body["response_format"] = json!({"type": "json_schema", "json_schema": {"name": "person", "strict": true, "schema": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"}, "emails": {"type": "array", "items": {"type": "string", "format": "email"}}},
        "required": ["name", "age", "emails"], "additionalProperties": false
    }}});
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    let out: Value =
        serde_json::from_str(v["choices"][0]["message"]["content"].as_str().unwrap()).unwrap();
    assert!(out["name"].is_string());
    assert!(out["age"].is_i64());
    assert!(out["emails"][0].as_str().unwrap().contains('@'));

    body["response_format"] = json!({"type": "json_object"});
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    let out: Value =
        serde_json::from_str(v["choices"][0]["message"]["content"].as_str().unwrap()).unwrap();
    assert!(out.is_object());
}

#[tokio::test]
async fn reasoning_is_returned_when_asked_for() {
    let server = MockServer::start().await;
    let asks = [
        ("openai/gpt-4o", json!({"reasoning": {"effort": "high"}})),
        ("openai/gpt-4o", json!({"reasoning_effort": "low"})),
        ("anthropic/claude-sonnet-4:thinking", json!({})),
    ];
    for (model, extra) in asks {
        let mut body = hello(model);
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let v: Value = chat(&server, &body).await.json().await.unwrap();
        let message = &v["choices"][0]["message"];
        let reasoning = message["reasoning"].as_str().unwrap();
        assert!(!reasoning.is_empty());
        assert_eq!(message["reasoning_details"][0]["type"], "reasoning.text");
        assert_eq!(message["reasoning_details"][0]["text"], reasoning);
        assert!(
            v["usage"]["completion_tokens_details"]["reasoning_tokens"]
                .as_u64()
                .unwrap()
                > 0
        );
        assert_eq!(v["model"], model);

        body["stream"] = json!(true);
        let text = chat(&server, &body).await.text().await.unwrap();
        let chunks = chunks(&text);
        let first_content = chunks
            .iter()
            .position(|c| {
                c["choices"][0]["delta"]["content"]
                    .as_str()
                    .is_some_and(|s| !s.is_empty())
            })
            .unwrap();
        let streamed: String = chunks[..first_content]
            .iter()
            .filter_map(|c| c["choices"][0]["delta"]["reasoning"].as_str())
            .collect();
        assert_eq!(streamed, reasoning);
        assert!(chunks[0]["choices"][0]["delta"]["reasoning_details"][0]["text"].is_string());
    }

    let mut off = hello("openai/gpt-4o");
    off["reasoning"] = json!({"enabled": false});
    let v: Value = chat(&server, &off).await.json().await.unwrap();
    assert!(v["choices"][0]["message"]["reasoning"].is_null());
}

#[tokio::test]
async fn invalid_requests_get_400_with_a_useful_message() {
    let server = MockServer::start().await;
    let cases = [
        (json!({"model": "openai/gpt-4o"}), "`messages` is required"),
        (
            json!({"model": "openai/gpt-4o", "messages": "hi"}),
            "must be an array",
        ),
        (
            json!({"model": "openai/gpt-4o", "messages": []}),
            "at least one message",
        ),
        (
            json!({"model": "openai/gpt-4o", "messages": [{"role": "wizard", "content": "x"}]}),
            "messages[0].role",
        ),
        (
            json!({"model": "openai/gpt-4o", "messages": [{"content": "x"}]}),
            "has no `role`",
        ),
        (
            json!({"model": "nope/nothing", "messages": [{"role": "user", "content": "x"}]}),
            "nope/nothing is not a valid model ID",
        ),
        (
            json!({"model": "openai/gpt-4o", "temperature": 2.5, "messages": [{"role": "user", "content": "x"}]}),
            "`temperature` must be a number between 0 and 2",
        ),
        (
            json!({"model": "openai/gpt-4o", "temperature": -0.1, "messages": [{"role": "user", "content": "x"}]}),
            "`temperature`",
        ),
        (
            json!({"model": "openai/gpt-4o", "max_tokens": 0, "messages": [{"role": "user", "content": "x"}]}),
            "`max_tokens`",
        ),
        (json!([1, 2]), "must be a JSON object"),
    ];
    for (body, message) in cases {
        let resp = chat(&server, &body).await;
        assert_eq!(resp.status(), 400, "{body}");
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["code"], 400);
        let got = v["error"]["message"].as_str().unwrap();
        assert!(got.contains(message), "{body}: {got}");
    }

    let resp = client()
        .post(format!("{}/chat/completions", server.base_url()))
        .bearer_auth(server.api_key())
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
}

#[tokio::test]
async fn oversized_body_gets_413() {
    let server = MockServer::start_with(MockConfig::default().max_body_bytes(1_000))
        .await
        .unwrap();
    let mut body = hello("openai/gpt-4o");
    body["messages"][0]["content"] = json!("x".repeat(5_000));
    let resp = chat(&server, &body).await;
    assert_eq!(resp.status(), 413);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 413);
}

#[tokio::test]
async fn missing_or_unknown_keys_get_401() {
    let server = MockServer::start().await;
    let url = format!("{}/chat/completions", server.base_url());
    let resp = client()
        .post(&url)
        .json(&hello("openai/gpt-4o"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(
        v,
        json!({"error": {"code": 401, "message": "Missing Authentication header"}})
    );

    let resp = client()
        .post(&url)
        .bearer_auth("sk-or-v1-wrong")
        .json(&hello("openai/gpt-4o"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["message"], "User not found.");

    let resp = client()
        .get(format!("{}/key", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
}

#[tokio::test]
async fn credit_limit_turns_into_402_once_spent() {
    let config = MockConfig::default().credit_limit(Some(0.000_001));
    let server = MockServer::start_with(config).await.unwrap();
    assert_eq!(chat(&server, &hello("openai/gpt-4o")).await.status(), 200);
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 402);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 402);
}
