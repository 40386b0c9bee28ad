//! Decoding of chat results: real captures, the spec's examples, and the lenient cases.

use std::path::{Path, PathBuf};

use openrouter::types::chat::{
    ChatChunk, ChatResult, Choice, ChunkChoice, CostDetails, Delta, FinishReason, OutputAudio,
    OutputImage, ReasoningDetail, ReasoningDetailKind, Role, ToolCall, ToolCallDelta, Usage,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_dir().join(name)).unwrap()
}

/// Removes object keys whose value is `null`, at every depth: the round-trip criterion
/// treats `null` and missing as the same.
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

/// Decodes `text` as `T`, re-encodes it, and checks nothing but nulls was lost.
fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> T {
    let typed: T = serde_json::from_str(text).unwrap();
    let original: Value = serde_json::from_str(text).unwrap();
    let encoded = serde_json::to_value(&typed).unwrap();
    assert_eq!(
        strip_nulls(encoded),
        strip_nulls(original),
        "round trip of {text:.200}"
    );
    typed
}

fn round_trip_value<T: DeserializeOwned + Serialize>(value: &Value) -> T {
    round_trip(&value.to_string())
}

fn nonstream(name: &str) -> ChatResult {
    round_trip(&read_fixture(name))
}

#[test]
fn every_nonstream_fixture_decodes_and_round_trips() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixture_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.starts_with("chat-nonstream-") && name.ends_with(".json") {
            let result = nonstream(&name);
            assert!(!result.id.is_empty(), "{name}");
            assert_eq!(result.object, "chat.completion", "{name}");
            assert_eq!(result.choices.len(), 1, "{name}");
            count += 1;
        }
    }
    assert_eq!(count, 14);
}

#[test]
fn leading_keep_alive_whitespace_is_tolerated() {
    let text = read_fixture("chat-nonstream-leading-whitespace-google-02.json");
    assert!(text.starts_with('\n'));
    let result = nonstream("chat-nonstream-leading-whitespace-google-02.json");
    assert_eq!(result.text(), Some("LARGE-M9N3T"));
    assert_eq!(result.provider.as_deref(), Some("Google"));
    assert_eq!(result.system_fingerprint, None);

    let google = nonstream("chat-nonstream-leading-whitespace-google-01.json");
    assert_eq!(
        google
            .first_choice()
            .unwrap()
            .native_finish_reason
            .as_deref(),
        Some("STOP")
    );
    assert_eq!(google.finish_reason(), Some(&FinishReason::Stop));
    assert!(google
        .first_choice()
        .unwrap()
        .message
        .annotations
        .is_empty());
    assert_eq!(google.usage.as_ref().unwrap().cache_write_tokens(), 0);

    let bedrock = nonstream("chat-nonstream-leading-whitespace-bedrock-01.json");
    assert_eq!(bedrock.text(), Some("Google logo"));
    assert_eq!(bedrock.provider.as_deref(), Some("Amazon Bedrock"));
    assert_eq!(bedrock.reasoning(), None);
    let usage = bedrock.usage.unwrap();
    assert_eq!(usage.cost_f64(), Some(0.000564));
    assert_eq!(usage.is_byok, Some(false));
    let cost_details = usage.cost_details.unwrap();
    assert_eq!(cost_details.upstream_inference_cost, None);
    assert_eq!(
        usage.completion_tokens_details.unwrap().image_tokens,
        Some(0)
    );
}

#[test]
fn anthropic_via_vertex_has_no_reasoning_details() {
    let result = nonstream("chat-nonstream-anthropic-via-vertex-01.json");
    assert!(result
        .text()
        .unwrap()
        .starts_with("I'll work through this step by step."));
    assert!(result.reasoning_details().is_empty());
    assert_eq!(
        result.first_choice().unwrap().message.role,
        Some(Role::Assistant)
    );
    let usage = result.usage.unwrap();
    assert_eq!(
        (
            usage.prompt_tokens,
            usage.completion_tokens,
            usage.total_tokens
        ),
        (21, 144, 165)
    );
}

#[test]
fn web_search_annotations_are_typed() {
    let result = nonstream("chat-nonstream-annotations-websearch-01.json");
    let message = &result.first_choice().unwrap().message;
    assert_eq!(message.annotations.len(), 5);
    let first = &message.annotations[0];
    assert_eq!(first.kind, "url_citation");
    let citation = first.url_citation.as_ref().unwrap();
    assert_eq!(citation.url, "https://github.com/pydantic/pydantic-ai");
    assert_eq!(citation.start_index, Some(0));
    let usage = result.usage.unwrap();
    let tools = usage.server_tool_use_details.unwrap();
    assert_eq!(tools.web_search_requests, Some(1));
    assert_eq!(tools.tool_calls_executed, Some(1));
}

#[test]
fn file_annotation_and_openai_reasoning_items() {
    let result = nonstream("chat-nonstream-file-annotation-01.json");
    let message = &result.first_choice().unwrap().message;
    assert_eq!(message.annotations.len(), 1);
    assert_eq!(message.annotations[0].kind, "file");
    assert_eq!(
        message.annotations[0].file.as_ref().unwrap()["name"],
        "filename.pdf"
    );
    assert_eq!(
        result
            .first_choice()
            .unwrap()
            .native_finish_reason
            .as_deref(),
        Some("completed")
    );
    let kinds: Vec<_> = result
        .reasoning_details()
        .iter()
        .map(|d| d.kind.clone())
        .collect();
    assert_eq!(
        kinds,
        [ReasoningDetailKind::Summary, ReasoningDetailKind::Encrypted]
    );

    let encrypted = nonstream("chat-nonstream-reasoning-openai-encrypted-01.json");
    let details = encrypted.reasoning_details();
    assert_eq!(details[0].kind, ReasoningDetailKind::Summary);
    assert!(details[0].summary.is_some());
    assert_eq!(details[1].kind, ReasoningDetailKind::Encrypted);
    assert!(details[1].data.as_deref().unwrap().starts_with("gAAAA"));
    assert!(details[1].id.as_deref().unwrap().starts_with("rs_"));
    assert_eq!(details[1].format.as_deref(), Some("openai-responses-v1"));
}

#[test]
fn reasoning_formats_signed_unknown_and_null() {
    let anthropic = nonstream("chat-nonstream-reasoning-anthropic-01.json");
    assert!(anthropic.text().unwrap().starts_with("I am Claude"));
    let detail = &anthropic.reasoning_details()[0];
    assert_eq!(detail.kind, ReasoningDetailKind::Text);
    assert_eq!(detail.format.as_deref(), Some("anthropic-claude-v1"));
    assert!(detail
        .signature
        .as_deref()
        .unwrap()
        .starts_with("ErcBCkgICBACGAIiQHtM"));
    assert_eq!(detail.text.as_deref(), anthropic.reasoning());
    // Usage without any cost accounting (older bodies).
    let usage = anthropic.usage.unwrap();
    assert_eq!(usage.cost, None);
    assert_eq!(usage.prompt_tokens_details, None);

    let kimi = nonstream("chat-nonstream-reasoning-kimi-01.json");
    assert_eq!(
        kimi.reasoning_details()[0].format.as_deref(),
        Some("unknown")
    );
    assert_eq!(kimi.system_fingerprint.as_deref(), Some("fpv0_30fe32e5"));
    assert_eq!(kimi.text(), Some("4"));
    assert_eq!(kimi.usage.unwrap().reasoning_tokens(), 42);

    let glm = nonstream("chat-nonstream-reasoning-glm-01.json");
    assert!(glm.text().unwrap().starts_with("\n\nOf course."));
    assert_eq!(glm.system_fingerprint, None);

    let qwen = nonstream("chat-nonstream-reasoning-qwen-01.json");
    assert_eq!(qwen.reasoning_details()[0].format, None);
    assert_eq!(qwen.reasoning_details()[0].index, Some(0));
    assert!(qwen.reasoning().unwrap().starts_with("\nOkay"));
}

#[test]
fn tool_calls_and_byok_integer_cost() {
    let gemini = nonstream("chat-nonstream-toolcalls-gemini-byok-01.json");
    assert_eq!(gemini.finish_reason(), Some(&FinishReason::ToolCalls));
    assert_eq!(
        gemini
            .first_choice()
            .unwrap()
            .native_finish_reason
            .as_deref(),
        Some("STOP")
    );
    let call = &gemini.tool_calls()[0];
    assert_eq!(call.function.name, "insert_level_with_spaces");
    assert!(call.id.starts_with("tool_insert_level_with_spaces_"));
    let args: Value = call.function.parse_arguments().unwrap();
    assert_eq!(args["level"]["level_name"], "ground_floor");
    let usage = gemini.usage.as_ref().unwrap();
    assert_eq!(usage.is_byok, Some(true));
    assert_eq!(usage.cost_f64(), Some(0.0));
    // The integer zero stays an integer on re-encoding.
    let encoded = serde_json::to_string(usage).unwrap();
    assert!(encoded.contains(r#""cost":0,"#), "{encoded}");
    assert_eq!(
        usage
            .cost_details
            .as_ref()
            .unwrap()
            .upstream_inference_cost_f64(),
        Some(0.0003253)
    );

    let mistral = nonstream("chat-nonstream-toolcalls-mistral-01.json");
    assert_eq!(mistral.text(), Some(""));
    let call = &mistral.tool_calls()[0];
    assert_eq!(call.id, "3sniiMddS");
    assert_eq!(call.index, Some(0));
    assert_eq!(call.function.name, "divide");
    let args: Value = call.function.parse_arguments().unwrap();
    assert_eq!(
        args,
        json!({"numerator": 123, "denominator": 456, "on_inf": "infinity"})
    );
    let usage = mistral.usage.unwrap();
    assert_eq!(
        (
            usage.prompt_tokens,
            usage.completion_tokens,
            usage.total_tokens
        ),
        (134, 43, 177)
    );
}

#[test]
fn prompt_cache_usage() {
    let result = nonstream("chat-nonstream-usage-cache-anthropic-01.json");
    assert_eq!(result.model, "anthropic/claude-4.6-sonnet-20260217");
    let usage = result.usage.as_ref().unwrap();
    assert_eq!(usage.cached_tokens(), 3211);
    assert_eq!(usage.cache_write_tokens(), 115);
    assert_eq!(result.cost(), Some(0.00219855));
    assert_eq!(
        usage
            .cost_details
            .as_ref()
            .unwrap()
            .upstream_inference_cost_f64(),
        Some(0.00219855)
    );
}

fn spec() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn schema_example<'a>(spec: &'a Value, schema: &str) -> &'a Value {
    let example = &spec["components"]["schemas"][schema]["example"];
    assert!(!example.is_null(), "no example for {schema}");
    example
}

#[test]
fn spec_examples_decode_and_round_trip() {
    let spec = spec();
    let result: ChatResult = round_trip_value(schema_example(&spec, "ChatResult"));
    assert_eq!(result.text(), Some("The capital of France is Paris."));
    assert_eq!(result.system_fingerprint.as_deref(), Some("fp_44709d6fcb"));

    let chunk: ChatChunk = round_trip_value(schema_example(&spec, "ChatStreamChunk"));
    assert_eq!(chunk.content(), Some("Hello"));
    let wrapped = schema_example(&spec, "ChatStreamingResponse");
    let _: ChatChunk = round_trip_value(&wrapped["data"]);

    let _: Choice = round_trip_value(schema_example(&spec, "ChatChoice"));
    let _: ChunkChoice = round_trip_value(schema_example(&spec, "ChatStreamChoice"));
    let _: Delta = round_trip_value(schema_example(&spec, "ChatStreamDelta"));
    let call: ToolCallDelta = round_trip_value(schema_example(&spec, "ChatStreamToolCall"));
    assert_eq!(call.function.unwrap().name.as_deref(), Some("get_weather"));
    let _: ToolCall = round_trip_value(schema_example(&spec, "ChatToolCall"));
    let usage: Usage = round_trip_value(schema_example(&spec, "ChatUsage"));
    assert_eq!(usage.cost_f64(), Some(0.0012));
    assert_eq!(
        usage.server_tool_use_details.unwrap().tool_calls_executed,
        Some(2)
    );
    let _: CostDetails = round_trip_value(schema_example(&spec, "CostDetails"));
    let _: OutputAudio = round_trip_value(schema_example(&spec, "ChatAudioOutput"));
    let _: Vec<OutputImage> = round_trip_value(schema_example(&spec, "ChatAssistantImages"));
    for schema in [
        "ReasoningDetailUnion",
        "ReasoningDetailText",
        "ReasoningDetailSummary",
        "ReasoningDetailEncrypted",
        "ReasoningDetailServerToolCall",
    ] {
        let _: ReasoningDetail = round_trip_value(schema_example(&spec, schema));
    }

    let ok = &spec["paths"]["/chat/completions"]["post"]["responses"]["200"]["content"];
    let _: ChatResult = round_trip_value(&ok["application/json"]["example"]);
    let _: ChatChunk = round_trip_value(&ok["text/event-stream"]["example"]["data"]);
}

#[test]
fn unknown_fields_and_values_survive() {
    let text = r#"{"id":"gen-1","object":"chat.completion","created":1,"model":"m",
        "future_top":{"a":1},
        "choices":[{"index":0,"finish_reason":"stopped_by_fairy","future_choice":true,
            "message":{"role":"oracle","content":"hi","future_message":[1,2],
                "reasoning_details":[{"type":"reasoning.future","blob":"x","index":0}],
                "tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}","x":1},"y":2}],
                "images":[{"type":"image_url","image_url":{"url":"data:,","detail":"hi"}}],
                "annotations":[{"type":"future","future":{"a":1}}]}}],
        "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"cost":1.2e-7,
            "future_usage":"u","prompt_tokens_details":{"cached_tokens":0,"future_tokens":5}}}"#;
    let result: ChatResult = round_trip(text);
    assert_eq!(result.extra["future_top"], json!({"a": 1}));
    let choice = result.first_choice().unwrap();
    assert_eq!(
        choice.finish_reason,
        Some(FinishReason::Other("stopped_by_fairy".into()))
    );
    assert_eq!(choice.message.role, Some(Role::Other("oracle".into())));
    assert_eq!(
        choice.message.reasoning_details[0].kind,
        ReasoningDetailKind::Other("reasoning.future".into())
    );
    assert_eq!(choice.message.images[0].url(), Some("data:,"));
    let usage = result.usage.as_ref().unwrap();
    assert_eq!(usage.cost_f64(), Some(1.2e-7));
    assert_eq!(usage.extra["future_usage"], "u");
}

#[test]
fn nulls_are_absent_and_empty_values_are_kept() {
    let result: ChatResult = round_trip(
        r#"{"id":"g","choices":[{"index":0,"message":{"content":null,"reasoning_details":null,
            "tool_calls":null,"annotations":[],"refusal":""},"finish_reason":null,"logprobs":null}],
            "usage":null,"system_fingerprint":null}"#,
    );
    let message = &result.first_choice().unwrap().message;
    assert_eq!(message.content, None);
    assert!(message.reasoning_details.is_empty());
    assert_eq!(message.refusal.as_deref(), Some(""));
    let encoded = serde_json::to_value(&result).unwrap();
    assert_eq!(encoded["choices"][0]["message"]["annotations"], json!([]));
    assert_eq!(encoded["choices"][0]["message"].get("tool_calls"), None);
}

#[test]
fn empty_and_null_tool_arguments_parse_as_empty_object() {
    for arguments in [r#""""#, "null", r#""  ""#] {
        let text = format!(
            r#"{{"id":"c","type":"function","function":{{"name":"f","arguments":{arguments}}}}}"#
        );
        let call: ToolCall = serde_json::from_str(&text).unwrap();
        let parsed: Value = call.function.parse_arguments().unwrap();
        assert_eq!(parsed, json!({}), "{arguments}");
    }
}

#[test]
fn wrong_types_fail_with_the_json_path() {
    let text = r#"{"id":"g","choices":[{"index":0,"message":{"content":5}}]}"#;
    let de = &mut serde_json::Deserializer::from_str(text);
    let err = serde_path_to_error::deserialize::<_, ChatResult>(de).unwrap_err();
    assert_eq!(err.path().to_string(), "choices[0].message.content");
}
