//! Spec examples for messages, completions, embeddings and rerank decode into the SDK's
//! types and re-encode to the same JSON (nulls aside); unknown fields and kinds survive.

use std::path::PathBuf;

use openrouter::types::embeddings::{EmbeddingVector, EmbeddingsRequest, EmbeddingsResult};
use openrouter::types::messages::{
    CacheControl, ContentBlock, MediaSource, MessageParam, MessagesFallback, MessagesOutputConfig,
    MessagesRequest, MessagesResult, MessagesStreamEvent, MessagesUsage,
};
use openrouter::types::models::ModelList;
use openrouter::types::rerank::{RerankRequest, RerankResult};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// JSON equality where numbers compare by value (`1` and `1.0` are the same number).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(what: &str, json: &Value) -> T {
    let decoded: T = serde_path_to_error::deserialize(json.clone())
        .unwrap_or_else(|err| panic!("{what}: decode failed at {}: {err}", err.path()));
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    let (want, got) = (strip_nulls(json.clone()), strip_nulls(encoded));
    assert!(
        same_json(&want, &got),
        "{what}: round trip changed the JSON\nwant: {want}\ngot:  {got}"
    );
    decoded
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_spec() -> Value {
    let path = manifest_dir().join("../../spec/openrouter-openapi.yaml");
    let text = std::fs::read_to_string(&path).expect("spec readable");
    serde_yaml::from_str(&text).expect("spec is YAML")
}

fn schema_example(spec: &Value, name: &str) -> Value {
    let example = &spec["components"]["schemas"][name]["example"];
    assert!(!example.is_null(), "{name} has an example");
    example.clone()
}

/// Every example of an operation's 200 answer and request body.
fn operation_examples(spec: &Value, method: &str, path: &str) -> (Vec<Value>, Vec<Value>) {
    let op = &spec["paths"][path][method];
    let collect = |content: &Value| {
        let mut found = Vec::new();
        if let Some(e) = content.get("example") {
            found.push(e.clone());
        }
        if let Some(e) = content["schema"].get("example") {
            found.push(e.clone());
        }
        if let Some(examples) = content.get("examples").and_then(Value::as_object) {
            found.extend(examples.values().filter_map(|e| e.get("value")).cloned());
        }
        found
    };
    (
        collect(&op["requestBody"]["content"]["application/json"]),
        collect(&op["responses"]["200"]["content"]["application/json"]),
    )
}

#[test]
fn messages_operation_examples_round_trip() {
    let spec = load_spec();
    let (requests, responses) = operation_examples(&spec, "post", "/messages");
    assert!(!requests.is_empty() && !responses.is_empty());
    for r in &requests {
        round_trip::<MessagesRequest>("messages request", r);
    }
    for r in &responses {
        let result: MessagesResult = round_trip("messages result", r);
        assert!(result.text().is_some());
    }
    let stream = &spec["paths"]["/messages"]["post"]["responses"]["200"]["content"]
        ["text/event-stream"]["example"];
    let event: MessagesStreamEvent = round_trip("stream example", &stream["data"]);
    assert_eq!(event.kind(), stream["event"].as_str().unwrap());
}

#[test]
fn messages_schema_examples_round_trip() {
    let spec = load_spec();
    let request: MessagesRequest =
        round_trip("MessagesRequest", &schema_example(&spec, "MessagesRequest"));
    assert!(!request.messages.is_empty());
    round_trip::<MessagesResult>("MessagesResult", &schema_example(&spec, "MessagesResult"));
    round_trip::<MessageParam>(
        "MessagesMessageParam",
        &schema_example(&spec, "MessagesMessageParam"),
    );
    round_trip::<MessagesOutputConfig>(
        "MessagesOutputConfig",
        &schema_example(&spec, "MessagesOutputConfig"),
    );
    round_trip::<MessagesFallback>(
        "MessagesFallbackParam",
        &schema_example(&spec, "MessagesFallbackParam"),
    );
    round_trip::<CacheControl>(
        "AnthropicCacheControlDirective",
        &schema_example(&spec, "AnthropicCacheControlDirective"),
    );
    round_trip::<MessagesUsage>("AnthropicUsage", &schema_example(&spec, "AnthropicUsage"));
    for name in [
        "AnthropicBase64ImageSource",
        "AnthropicBase64PdfSource",
        "AnthropicUrlImageSource",
        "AnthropicUrlPdfSource",
        "AnthropicPlainTextSource",
        "AnthropicFileDocumentSource",
    ] {
        round_trip::<MediaSource>(name, &schema_example(&spec, name));
    }
    let blocks = [
        ("AnthropicTextBlock", "text"),
        ("AnthropicTextBlockParam", "text"),
        ("AnthropicImageBlockParam", "image"),
        ("AnthropicDocumentBlockParam", "document"),
        ("AnthropicDocumentBlock", "document"),
        ("AnthropicToolUseBlock", "tool_use"),
        ("AnthropicThinkingBlock", "thinking"),
        ("AnthropicRedactedThinkingBlock", "redacted_thinking"),
        ("ORAnthropicServerToolUseBlock", "server_tool_use"),
        ("ORAnthropicContentBlock", "text"),
        // Kinds this SDK keeps as they are.
        ("AnthropicWebSearchToolResult", "web_search_tool_result"),
        ("AnthropicCompactionBlock", "compaction"),
        ("MessagesAdvisorToolResultBlock", "advisor_tool_result"),
        ("AnthropicSearchResultBlockParam", "search_result"),
    ];
    for (name, kind) in blocks {
        let block: ContentBlock = round_trip(name, &schema_example(&spec, name));
        assert_eq!(block.kind(), kind, "{name}");
    }
    let events = [
        ("MessagesStartEvent", "message_start"),
        ("MessagesContentBlockStartEvent", "content_block_start"),
        ("MessagesContentBlockDeltaEvent", "content_block_delta"),
        ("MessagesContentBlockStopEvent", "content_block_stop"),
        ("MessagesDeltaEvent", "message_delta"),
        ("MessagesStopEvent", "message_stop"),
        ("MessagesPingEvent", "ping"),
        ("MessagesErrorEvent", "error"),
        ("MessagesStreamEvents", "content_block_delta"),
    ];
    for (name, kind) in events {
        let event: MessagesStreamEvent = round_trip(name, &schema_example(&spec, name));
        assert_eq!(event.kind(), kind, "{name}");
        assert!(!matches!(event, MessagesStreamEvent::Unknown(_)), "{name}");
    }
    let wrapped = schema_example(&spec, "MessagesStreamingResponse");
    round_trip::<MessagesStreamEvent>("MessagesStreamingResponse.data", &wrapped["data"]);
}

#[test]
fn unknown_fields_and_kinds_survive() {
    let result = json!({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "m",
        "content": [
            {"type": "text", "text": "hi", "future_field": 1},
            {"type": "brand_new_block", "payload": {"a": [1, 2]}},
        ],
        "stop_reason": "some_new_reason",
        "usage": {"input_tokens": 1, "output_tokens": 2, "new_counter": 3},
        "new_top_level": true,
    });
    let decoded: MessagesResult = round_trip("unknown", &result);
    assert!(matches!(decoded.content[1], ContentBlock::Unknown(_)));
    let event: MessagesStreamEvent = round_trip(
        "unknown event",
        &json!({"type": "content_block_delta", "index": 0, "delta": {"type": "new_delta", "x": 1}}),
    );
    assert_eq!(event.kind(), "content_block_delta");
    round_trip::<MessagesStreamEvent>(
        "unknown event kind",
        &json!({"type": "future_event", "k": 1}),
    );
}

#[test]
fn embeddings_and_rerank_examples_round_trip() {
    let spec = load_spec();
    let (requests, responses) = operation_examples(&spec, "post", "/embeddings");
    assert!(!requests.is_empty() && !responses.is_empty());
    for r in &requests {
        round_trip::<EmbeddingsRequest>("embeddings request", r);
    }
    for r in &responses {
        let result: EmbeddingsResult = round_trip("embeddings result", r);
        assert_eq!(result.vectors().unwrap()[0].len(), 3);
    }
    let (_, models) = operation_examples(&spec, "get", "/embeddings/models");
    let models_example = &spec["paths"]["/embeddings/models"]["get"]["responses"]["200"]["content"]
        ["application/json"]["example"];
    assert!(models.is_empty() || !models_example.is_null());
    let list: ModelList = round_trip("embeddings models", models_example);
    assert_eq!(list.data.len(), 1);
    let (requests, responses) = operation_examples(&spec, "post", "/rerank");
    assert!(!requests.is_empty() && !responses.is_empty());
    for r in &requests {
        let request: RerankRequest = round_trip("rerank request", r);
        assert_eq!(request.documents.len(), 2);
    }
    for r in &responses {
        let result: RerankResult = round_trip("rerank result", r);
        assert_eq!(result.results[0].index, 0);
    }
}

#[test]
fn real_embeddings_capture_decodes_and_round_trips() {
    let path = manifest_dir().join("tests/fixtures/real/embeddings-01.json");
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let json: Value = serde_json::from_str(&text).unwrap();
    let result: EmbeddingsResult = round_trip("embeddings-01", &json);
    assert!(
        !result.model.contains('/'),
        "the live API echoes the model without its prefix"
    );
    assert!(matches!(
        result.data[0].embedding,
        EmbeddingVector::Float(_)
    ));
    assert!(!result.data[0].vector().unwrap().is_empty());
}

#[test]
fn base64_vectors_decode_little_endian_f32() {
    let values = [1.0f32, -0.5, 0.25];
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    use base64::Engine as _;
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    let result: EmbeddingsResult = serde_json::from_value(json!({
        "object": "list", "model": "m",
        "data": [{"object": "embedding", "index": 0, "embedding": text}],
    }))
    .unwrap();
    assert_eq!(result.data[0].vector().unwrap(), values);
    let broken: EmbeddingsResult = serde_json::from_value(json!({
        "data": [{"embedding": "AAA"}],
    }))
    .unwrap();
    assert!(matches!(
        broken.data[0].vector(),
        Err(openrouter::Error::Decode(_))
    ));
}
