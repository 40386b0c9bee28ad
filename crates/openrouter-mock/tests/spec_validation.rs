//! Request validation against the vendored OpenAPI spec: the spec's own examples pass,
//! hand-made invalid bodies are rejected with the offending path, and the emulator answers
//! 400 for them over HTTP.

mod common;

use std::time::Instant;

use common::{chat, client, hello};
use openrouter_mock::spec::{self, ValidationError, ValidationOptions};
use openrouter_mock::{MockConfig, MockServer};
use serde_json::{json, Value};

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

fn doc() -> &'static Value {
    spec::document().expect("the embedded spec parses")
}

fn chat_errors(body: &Value) -> Vec<ValidationError> {
    spec::request_errors(
        "POST",
        "/api/v1/chat/completions",
        Some("application/json"),
        body.to_string().as_bytes(),
        &ValidationOptions::new(),
    )
}

fn base() -> Value {
    json!({"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "hi"}]})
}

/// `base()` with `field` set to `value`.
fn with(field: &str, value: Value) -> Value {
    let mut b = base();
    b[field] = value;
    b
}

#[test]
fn the_spec_parses_quickly_and_once() {
    let t = Instant::now();
    let first = doc();
    let elapsed = t.elapsed();
    // Parsed once: the second call is the same document.
    assert!(std::ptr::eq(first, doc()));
    eprintln!("spec parsed in {elapsed:?}");
    assert!(first["paths"]["/chat/completions"]["post"].is_object());
}

#[test]
fn every_request_example_in_the_spec_validates() {
    let doc = doc();
    let mut checked = 0;
    let mut failures = Vec::new();
    let paths = doc["paths"].as_object().expect("paths");
    for (template, item) in paths {
        for method in METHODS {
            let Some(rb) = item.get(*method).and_then(|op| op.get("requestBody")) else {
                continue;
            };
            let Some(json_media) = rb.pointer("/content/application~1json") else {
                continue;
            };
            let mut examples: Vec<(String, &Value)> = Vec::new();
            if let Some(e) = json_media.get("example") {
                examples.push(("requestBody example".into(), e));
            }
            for (name, e) in json_media
                .get("examples")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if let Some(v) = e.get("value") {
                    examples.push((format!("requestBody examples.{name}"), v));
                }
            }
            let schema = &json_media["schema"];
            let target = schema
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| doc.pointer(r.trim_start_matches('#')))
                .unwrap_or(schema);
            if let Some(e) = target.get("example") {
                examples.push(("schema example".into(), e));
            }
            for (what, example) in examples {
                checked += 1;
                let body = serde_json::to_vec(example).unwrap();
                let errors = spec::request_errors(
                    &method.to_ascii_uppercase(),
                    template,
                    Some("application/json"),
                    &body,
                    &ValidationOptions::new(),
                );
                if !errors.is_empty() {
                    failures.push(format!("{method} {template} ({what}): {errors:?}"));
                }
            }
        }
    }
    assert!(checked >= 50, "only {checked} examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_bodies_are_rejected_with_the_offending_path() {
    let cases: Vec<(Value, &str, &str)> = vec![
        // Wrong type.
        (
            with("temperature", json!("hot")),
            "temperature",
            "expected number or null; found \"hot\"",
        ),
        (with("stream", json!("yes")), "stream", "expected boolean"),
        (
            with("seed", json!(1.5)),
            "seed",
            "expected integer or null; found 1.5",
        ),
        (
            with("metadata", json!({"a": 1})),
            "metadata.a",
            "expected string; found 1",
        ),
        // Missing required.
        (
            json!({"model": "openai/gpt-4o"}),
            "messages",
            "is required but missing",
        ),
        (
            json!({"messages": [{"role": "tool", "content": "42"}]}),
            "messages[0].tool_call_id",
            "is required but missing",
        ),
        // Bad enum, through the message discriminator.
        (
            json!({"messages": [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}, {"role": "robot", "content": "c"}]}),
            "messages[2].role",
            "expected one of system, user, developer, assistant, tool; found \"robot\"",
        ),
        (
            with("service_tier", json!("gold")),
            "service_tier",
            "expected one of auto, default",
        ),
        (
            with("reasoning", json!({"effort": "extreme"})),
            "reasoning.effort",
            "found \"extreme\"",
        ),
        // Range.
        (
            with("messages", json!([])),
            "messages",
            "expected at least 1 item; found an array of 0 items",
        ),
        (
            with("stop", json!(["a", "b", "c", "d", "e"])),
            "stop",
            "at most 4 items",
        ),
        (
            with("session_id", json!("x".repeat(300))),
            "session_id",
            "at most 256 characters",
        ),
        // Wrong element in an array.
        (
            with("stop", json!(["a", 5])),
            "stop[1]",
            "expected string; found 5",
        ),
        (
            with("modalities", json!(["text", "smell"])),
            "modalities[1]",
            "expected one of text, image, audio",
        ),
        (
            with(
                "messages",
                json!([{"role": "user", "content": [{"type": "text", "text": 7}]}]),
            ),
            "messages[0].content[0].text",
            "expected string; found 7",
        ),
        // Bad member of a discriminated union.
        (
            with("plugins", json!([{"id": "web", "max_results": "ten"}])),
            "plugins[0].max_results",
            "found \"ten\"",
        ),
        (
            with("plugins", json!([{"id": "telepathy"}])),
            "plugins[0].id",
            "found \"telepathy\"",
        ),
        (
            with("response_format", json!({"type": "json_schema"})),
            "response_format.json_schema",
            "is required but missing",
        ),
        (
            with(
                "messages",
                json!([{"role": "user", "content": [{"type": "hologram"}]}]),
            ),
            "messages[0].content[0].type",
            "found \"hologram\"",
        ),
        // An undiscriminated union whose branch is evident from `type`.
        (
            with(
                "tools",
                json!([{"type": "function", "function": {"name": 5}}]),
            ),
            "tools[0].function.name",
            "expected string; found 5",
        ),
        (
            with("tool_choice", json!("sometimes")),
            "tool_choice",
            "found \"sometimes\"",
        ),
    ];
    for (body, path, message) in cases {
        let errors = chat_errors(&body);
        let first = errors
            .first()
            .unwrap_or_else(|| panic!("{body} was accepted"));
        assert_eq!(first.path, path, "{body}: {errors:?}");
        let text = first.to_string();
        assert!(text.starts_with(&format!("{path}: ")), "{text}");
        assert!(text.contains(message), "{body}: {text}");
        assert_eq!(
            spec::validate_request(
                "POST",
                "/chat/completions",
                None,
                body.to_string().as_bytes()
            ),
            Err(first.clone())
        );
    }
}

#[test]
fn other_operations_are_validated_too() {
    let check = |method: &str, path: &str, body: Value| {
        spec::validate_request(
            method,
            path,
            Some("application/json"),
            body.to_string().as_bytes(),
        )
    };
    let e = check(
        "POST",
        "/api/v1/guardrails/g-1/assignments/keys",
        json!({"key_hashes": "abc"}),
    )
    .unwrap_err();
    assert_eq!(e.path, "key_hashes");
    let e = check("POST", "/guardrails", json!({})).unwrap_err();
    assert_eq!(e.path, "name");
    assert_eq!(e.found, None);
    assert!(check("GET", "/models", json!({})).is_ok(), "no body schema");
    assert!(
        check("POST", "/completions", json!(5)).is_ok(),
        "not in the spec"
    );
    // A required body that is missing.
    let e = spec::validate_request("POST", "/chat/completions", Some("application/json"), b"")
        .unwrap_err();
    assert_eq!((e.path.as_str(), e.found.as_deref()), ("", None));
    // Non-JSON media types are left alone.
    assert!(spec::validate_request("POST", "/chat/completions", Some("text/plain"), b"hi").is_ok());
}

#[test]
fn unknown_fields_are_accepted_unless_asked_to_reject_them() {
    let mut body = base();
    body["transforms"] = json!(["middle-out"]);
    body["usage"] = json!({"include": true});
    body["stream_options"] = json!({"include_usage": true});
    body["reasoning"] =
        json!({"effort": "high", "max_tokens": 2000, "exclude": true, "enabled": true});
    body["provider"] = json!({"order": ["openai"], "some_future_knob": 1});
    assert_eq!(chat_errors(&body), Vec::new());

    // The strict reading flags the field `ProviderPreferences` closes with
    // `additionalProperties: false`.
    let strict = spec::request_errors(
        "POST",
        "/chat/completions",
        None,
        body.to_string().as_bytes(),
        &ValidationOptions::new().reject_unknown_properties(true),
    );
    let paths: Vec<&str> = strict.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["provider.some_future_knob"], "{strict:?}");
}

#[test]
fn operations_are_matched_literal_first() {
    let op = |m: &str, p: &str| spec::operation(m, p).map(|o| o.path);
    assert_eq!(
        op("GET", "/api/v1/guardrails/assignments/keys"),
        Some("/guardrails/assignments/keys")
    );
    assert_eq!(
        op("POST", "/api/v1/guardrails/abc/assignments/keys"),
        Some("/guardrails/{id}/assignments/keys")
    );
    assert_eq!(
        op("POST", "/guardrails/abc/assignments/keys/remove"),
        Some("/guardrails/{id}/assignments/keys/remove")
    );
    assert_eq!(op("GET", "/models/count"), Some("/models/count"));
    assert_eq!(op("GET", "/models/user"), Some("/models/user"));
    assert_eq!(
        op("GET", "/models/openai/gpt-4o/endpoints"),
        Some("/models/{author}/{slug}/endpoints")
    );
    assert_eq!(op("POST", "/api/v1/completions"), None);
    let chat = spec::operation("post", "/api/v1/chat/completions").unwrap();
    assert_eq!(chat.method, "POST");
    assert_eq!(chat.operation_id, Some("sendChatCompletionRequest"));
    assert!(chat.body_required());
}

#[tokio::test]
async fn the_emulator_answers_400_naming_the_field() {
    let server = MockServer::start().await;
    let mut body = hello("openai/gpt-4o");
    body["top_p"] = json!("high");
    let resp = chat(&server, &body).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 400);
    assert_eq!(
        v["error"]["message"],
        "Invalid request: top_p: expected number or null; found \"high\""
    );

    let mut body = hello("openai/gpt-4o");
    body["messages"] = json!([{"role": "user", "content": [{"type": "image_url"}]}]);
    let v: Value = chat(&server, &body).await.json().await.unwrap();
    let message = v["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("messages[0].content[0].image_url"),
        "{message}"
    );

    // `temperature` keeps the chat handler's own wording, which names it too.
    let mut body = hello("openai/gpt-4o");
    body["temperature"] = json!("hot");
    let resp = chat(&server, &body).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("temperature"));

    // Unknown fields the live API still honours go through.
    let mut body = hello("openai/gpt-4o");
    body["transforms"] = json!(["middle-out"]);
    body["usage"] = json!({"include": true});
    assert_eq!(chat(&server, &body).await.status(), 200);
}

#[tokio::test]
async fn validation_can_be_turned_off() {
    let server = MockServer::start_with(MockConfig::new().validate_requests(false))
        .await
        .unwrap();
    let mut body = hello("openai/gpt-4o");
    body["top_p"] = json!("high");
    assert_eq!(chat(&server, &body).await.status(), 200);
}

#[tokio::test]
async fn recorded_requests_can_be_checked() {
    let server = MockServer::start().await;
    let mut bad = hello("openai/gpt-4o");
    bad["stop"] = json!(7);
    assert_eq!(chat(&server, &hello("openai/gpt-4o")).await.status(), 200);
    assert_eq!(chat(&server, &bad).await.status(), 400);
    let resp = client()
        .post(format!("{}/completions", server.base_url()))
        .bearer_auth(server.api_key())
        .json(&json!({"prompt": "x"}))
        .send()
        .await
        .unwrap();
    // The legacy route is not in the spec: its own check answers (no model given).
    assert_eq!(resp.status(), 400);
    let results: Vec<Result<(), ValidationError>> = server
        .requests()
        .iter()
        .map(spec::validate_recorded)
        .collect();
    assert!(results[0].is_ok());
    assert_eq!(results[1].as_ref().unwrap_err().path, "stop");
    assert_eq!(results[2].as_ref().unwrap_err().path, "operation");
}

#[tokio::test]
async fn numeric_max_price_is_accepted_as_the_live_api_does() {
    let server = MockServer::start().await;
    let mut body = hello("openai/gpt-4o");
    body["provider"] = json!({"max_price": {"prompt": 1, "completion": 2.5}});
    assert_eq!(chat(&server, &body).await.status(), 200);
    body["provider"] = json!({"max_price": {"prompt": true}});
    assert_eq!(
        chat(&server, &body).await.status(),
        400,
        "only numbers are let through"
    );
}
