//! Responses API types against real captures and the spec's examples: every body and every
//! stream event decodes and round-trips (null-stripped), and every real stream, fed through
//! the SDK's own SSE decoder, accumulates to its `response.completed` output.

use std::path::{Path, PathBuf};

use openrouter::sse::{SseDecoder, SseItem};
use openrouter::stream::ResponsesAccumulator;
use openrouter::types::responses::{
    ResponsesEvent, ResponsesEventKind, ResponsesInput, ResponsesInputItem, ResponsesOutputItem,
    ResponsesRequest, ResponsesResult, ResponsesStatus, ResponsesTool,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn manifest_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(manifest_dir().join("tests/fixtures/real").join(name)).unwrap()
}

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

fn round_trip<T: DeserializeOwned + Serialize>(what: &str, value: &Value) -> T {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{what}: {e}\n{value:.400}"));
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(strip_nulls(back), strip_nulls(value.clone()), "{what}");
    typed
}

/// The data payloads of an SSE body, through the SDK's decoder, fed in small pieces.
fn sse_events(body: &str) -> (Vec<String>, usize) {
    let mut decoder = SseDecoder::new();
    let mut payloads = Vec::new();
    let mut comments = 0;
    let mut take = |decoder: &mut SseDecoder, last: bool| loop {
        let item = if last {
            decoder.finish()
        } else {
            decoder.next_item()
        };
        match item.unwrap() {
            Some(SseItem::Event(event)) => {
                if event.data != "[DONE]" && !event.data.is_empty() {
                    payloads.push(event.data);
                }
            }
            Some(SseItem::Comment(_)) => comments += 1,
            Some(_) => {}
            None => break,
        }
    };
    for piece in body.as_bytes().chunks(97) {
        decoder.feed(piece);
        take(&mut decoder, false);
    }
    take(&mut decoder, true);
    (payloads, comments)
}

struct Captured {
    events: Vec<ResponsesEvent>,
    result: ResponsesResult,
    completed: ResponsesResult,
    comments: usize,
}

fn load_stream(name: &str) -> Captured {
    let (payloads, comments) = sse_events(&fixture(name));
    let mut events = Vec::new();
    let mut accumulator = ResponsesAccumulator::new();
    for payload in payloads {
        let value: Value = serde_json::from_str(&payload).unwrap();
        let event: ResponsesEvent = round_trip(name, &value);
        assert!(
            !matches!(event.kind, ResponsesEventKind::Other(_)),
            "{name}: unknown event {:?}",
            event.kind
        );
        accumulator.push(&event);
        events.push(event);
    }
    let completed = events
        .iter()
        .rev()
        .find(|e| e.kind == ResponsesEventKind::Completed)
        .and_then(|e| e.response.as_deref().cloned())
        .unwrap_or_else(|| panic!("{name}: no response.completed"));
    let result = accumulator.finish();
    assert_eq!(result, completed, "{name}");
    Captured {
        events,
        result,
        completed,
        comments,
    }
}

/// Accumulates without the final lifecycle event, as a cut stream would.
fn assemble_without_completed(events: &[ResponsesEvent]) -> ResponsesResult {
    let mut accumulator = ResponsesAccumulator::new();
    for event in events
        .iter()
        .filter(|e| e.kind != ResponsesEventKind::Completed)
    {
        accumulator.push(event);
    }
    accumulator.finish()
}

#[test]
fn nonstream_captures_decode_and_round_trip() {
    let value: Value =
        serde_json::from_str(&fixture("responses-nonstream-functioncall-01.json")).unwrap();
    let result: ResponsesResult = round_trip("functioncall", &value);
    assert_eq!(result.status, None, "the January 2026 bodies had no status");
    let call = result.function_calls().next().unwrap();
    assert_eq!(call.name, "readSMS");
    assert_eq!(
        call.arguments_json().unwrap(),
        json!({"phoneNumber": "808-999-2345", "index": 1})
    );
    assert_eq!(call.call_id, "toolu_vrtx_01A4YFwYvRw6PGKMD4JNjMVh");
    assert!(result.output_text().starts_with("I'll check if the SMS"));
    assert_eq!(result.output_text.as_deref(), Some(""));
    let usage = result.usage.as_ref().unwrap();
    assert_eq!((usage.input_tokens, usage.output_tokens), (750, 105));
    assert_eq!(usage.cost_f64(), Some(0.003825));
    let tools = result.tools.as_ref().unwrap();
    assert_eq!(tools.len(), 3);
    assert_eq!(tools[0].function_name(), Some("readSMS"));

    let value: Value =
        serde_json::from_str(&fixture("responses-nonstream-gemini-01.json")).unwrap();
    let result: ResponsesResult = round_trip("gemini", &value);
    assert_eq!(
        result.output_text(),
        "Bitcoin: A Peer-to-Peer Electronic Cash System"
    );
    let details = result.usage.unwrap().cost_details.unwrap();
    assert_eq!(
        details.upstream_inference_output_cost.unwrap().as_f64(),
        Some(4.4e-6)
    );

    let value: Value =
        serde_json::from_str(&fixture("responses-nonstream-openai-01.json")).unwrap();
    let result: ResponsesResult = round_trip("openai", &value);
    assert_eq!(result.status, Some(ResponsesStatus::Completed));
    assert_eq!(result.output_text(), "OK");
    assert_eq!(result.usage.as_ref().unwrap().cached_tokens(), 4012);
    let reasoning = result.reasoning.as_ref().unwrap();
    assert_eq!(reasoning.mode.as_ref().unwrap().as_str(), "standard");
    match &result.output[0] {
        ResponsesOutputItem::Message(m) => assert_eq!(m.phase.as_deref(), Some("final_answer")),
        other => panic!("expected a message, got {other:?}"),
    }
}

#[test]
fn function_call_stream_takes_arguments_from_completed() {
    let s = load_stream("responses-stream-functioncall-01.sse");
    assert_eq!(s.comments, 2);
    let call = s.result.function_calls().next().unwrap();
    assert_eq!(call.name, "test_tool");
    assert_eq!(call.arguments, r#"{"message": "Hello from the user"}"#);
    // The `.done` events carried `""`: the assembled state has no arguments to offer.
    let assembled = assemble_without_completed(&s.events);
    let call = assembled.function_calls().next().unwrap();
    assert_eq!(call.name, "test_tool");
    assert_eq!(call.arguments, "");
    assert_eq!(assembled.status, Some(ResponsesStatus::Incomplete));
}

#[test]
fn function_call_stream_with_deltas_assembles_arguments() {
    let s = load_stream("responses-stream-functioncall-02.sse");
    let call = s.completed.function_calls().next().unwrap();
    assert_eq!(
        (call.name.as_str(), call.arguments.as_str()),
        ("llm_version", "{}")
    );
    assert_eq!(call.call_id, "call_faKQ4JI18zZQE2oynAbvwip4");
    let assembled = assemble_without_completed(&s.events);
    let call = assembled.function_calls().next().unwrap();
    assert_eq!(
        (call.name.as_str(), call.arguments.as_str()),
        ("llm_version", "{}")
    );
}

#[test]
fn text_streams_accumulate_to_their_text() {
    for (name, text) in [
        ("responses-stream-openai-01.sse", "Paris."),
        (
            "responses-stream-text-anthropic-01.sse",
            "I counted the \"a\" characters in your message and found 10,000 of them.",
        ),
    ] {
        let s = load_stream(name);
        assert_eq!(s.result.output_text(), text, "{name}");
        let assembled = assemble_without_completed(&s.events);
        assert_eq!(assembled.output_text(), text, "{name}");
        let deltas: String = s.events.iter().filter_map(|e| e.text_delta()).collect();
        assert_eq!(deltas, text, "{name}");
    }
}

#[test]
fn reasoning_streams_keep_the_completed_ids_and_text() {
    let s = load_stream("responses-stream-reasoning-anthropic-01.sse");
    let reasoning = s.result.reasoning_items().next().unwrap();
    assert_eq!(reasoning.id.as_deref(), Some("rs_tmp_nko7ahyvgxc"));
    assert_eq!(
        reasoning.reasoning_text(),
        "The capital of France is Paris. This is a straightforward factual question with a well-established answer."
    );
    assert!(reasoning
        .signature
        .as_deref()
        .unwrap()
        .starts_with("ErkBCkoI"));
    assert_eq!(reasoning.format.as_deref(), Some("anthropic-claude-v1"));
    assert!(s
        .result
        .output_text()
        .starts_with("The capital of France is Paris. It's one"));
    let added_id = s
        .events
        .iter()
        .find(|e| e.kind == ResponsesEventKind::OutputItemAdded)
        .and_then(|e| e.item.as_ref())
        .and_then(|i| i.id().map(str::to_owned));
    assert_ne!(added_id.as_deref(), reasoning.id.as_deref(), "ids change");
    let assembled = assemble_without_completed(&s.events);
    assert_eq!(
        assembled.reasoning_items().next().unwrap().reasoning_text(),
        reasoning.reasoning_text()
    );

    let s = load_stream("responses-stream-reasoning-gptoss-01.sse");
    let reasoning = s.result.reasoning_items().next().unwrap();
    assert_eq!(
        reasoning.reasoning_text(),
        "The user asks: \"What is 2+2?\" They expect a straightforward answer: 4. Just answer 4."
    );
    assert_eq!(s.result.output_text(), "4");

    let s = load_stream("responses-stream-reasoning-encrypted-01.sse");
    assert_eq!(s.comments, 1, "a bare `: ` keep-alive");
    let reasoning = s.result.reasoning_items().next().unwrap();
    assert!(reasoning
        .encrypted_content
        .as_deref()
        .unwrap()
        .starts_with("gAAAAABqcmhG"));
    assert_eq!(s.result.output_text(), "4");
    assert_eq!(s.result.usage.as_ref().unwrap().output_tokens, 19);
}

#[test]
fn summary_deltas_and_unknown_events() {
    let events = [
        json!({"type": "response.output_item.added", "output_index": 0,
               "item": {"type": "reasoning", "id": "rs_1", "summary": []}, "sequence_number": 1}),
        json!({"type": "response.reasoning_summary_part.added", "output_index": 0, "item_id": "rs_1",
               "summary_index": 0, "part": {"type": "summary_text", "text": ""}, "sequence_number": 2}),
        json!({"type": "response.reasoning_summary_text.delta", "output_index": 0, "item_id": "rs_1",
               "summary_index": 0, "delta": "Think", "sequence_number": 3}),
        json!({"type": "response.reasoning_summary_text.delta", "output_index": 0, "item_id": "rs_1",
               "summary_index": 0, "delta": "ing hard", "sequence_number": 4}),
        json!({"type": "response.future_thing.delta", "x": [1, {"y": 2}], "sequence_number": 5}),
        json!({"type": "response.output_text.delta", "output_index": 1, "item_id": "msg_1",
               "content_index": 0, "delta": "Hi", "sequence_number": 6}),
    ];
    let mut accumulator = ResponsesAccumulator::new();
    for value in &events {
        let event: ResponsesEvent = round_trip("synthetic", value);
        accumulator.push(&event);
    }
    let other: ResponsesEvent = serde_json::from_value(events[4].clone()).unwrap();
    assert_eq!(
        other.kind,
        ResponsesEventKind::Other("response.future_thing.delta".into())
    );
    assert_eq!(other.extra["x"], json!([1, {"y": 2}]));
    let result = accumulator.finish();
    let reasoning = result.reasoning_items().next().unwrap();
    assert_eq!(reasoning.summary_text(), "Thinking hard");
    assert_eq!(result.output_text(), "Hi");
}

fn load_spec() -> Value {
    let text = std::fs::read_to_string(manifest_dir().join("../../spec/openrouter-openapi.yaml"))
        .expect("spec readable");
    serde_yaml::from_str(&text).expect("spec is YAML")
}

#[test]
fn spec_examples_round_trip() {
    let spec = load_spec();
    let op = &spec["paths"]["/responses"]["post"];
    let request = &op["requestBody"]["content"]["application/json"]["example"];
    let typed: ResponsesRequest = round_trip("request example", request);
    assert!(matches!(typed.input, Some(ResponsesInput::Text(_))));
    let response = &op["responses"]["200"]["content"]["application/json"]["example"];
    let typed: ResponsesResult = round_trip("200 example", response);
    assert!(!typed.output_text().is_empty());
    let schemas = &spec["components"]["schemas"];
    let result: ResponsesResult = round_trip(
        "OpenResponsesResult",
        &schemas["OpenResponsesResult"]["example"],
    );
    assert_eq!(result.output_text(), "Hello! How can I help you today?");
    let _: ResponsesRequest =
        round_trip("ResponsesRequest", &schemas["ResponsesRequest"]["example"]);
    // Every event schema's example, through the StreamEvents mapping.
    let mapping = schemas["StreamEvents"]["discriminator"]["mapping"]
        .as_object()
        .unwrap();
    assert_eq!(mapping.len(), 49);
    for (kind, reference) in mapping {
        let name = reference.as_str().unwrap().rsplit('/').next().unwrap();
        let example = &schemas[name]["example"];
        assert!(example.is_object(), "{name} has an example");
        let event: ResponsesEvent = round_trip(name, example);
        assert_eq!(event.kind.as_str(), kind);
        assert!(
            !matches!(event.kind, ResponsesEventKind::Other(_)),
            "{kind}"
        );
    }
    // Output item examples.
    for (kind, reference) in schemas["OutputItems"]["discriminator"]["mapping"]
        .as_object()
        .unwrap()
    {
        let name = reference.as_str().unwrap().rsplit('/').next().unwrap();
        if let Some(example) = schemas[name].get("example") {
            let item: ResponsesOutputItem = round_trip(name, example);
            assert_eq!(item.kind(), kind);
        }
    }
    for name in [
        "ResponsesErrorField",
        "IncompleteDetails",
        "Usage",
        "OpenAIResponsesUsage",
    ] {
        if let Some(example) = schemas[name].get("example") {
            let _: Value = round_trip(name, example);
        }
    }
}

#[test]
fn request_builds_the_documented_json() {
    let request = ResponsesRequest::new("openai/gpt-4o", "hi")
        .instructions("Be brief")
        .max_output_tokens(100)
        .temperature(0.5)
        .tool(ResponsesTool::function(
            "get_weather",
            "Weather",
            json!({"type": "object", "properties": {"city": {"type": "string"}}}),
        ))
        .tool(ResponsesTool::web_search())
        .item(ResponsesInputItem::function_call_output("call_1", "sunny"));
    let value = serde_json::to_value(&request).unwrap();
    assert_eq!(
        value,
        json!({
            "model": "openai/gpt-4o",
            "input": [
                {"type": "message", "role": "user", "content": "hi"},
                {"type": "function_call_output", "call_id": "call_1", "output": "sunny"}
            ],
            "instructions": "Be brief",
            "tools": [
                {"type": "function", "name": "get_weather", "description": "Weather",
                 "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}},
                {"type": "openrouter:web_search"}
            ],
            "max_output_tokens": 100,
            "temperature": 0.5
        })
    );
    // Items of every kind, known or not, survive a round trip.
    let input = json!([
        {"role": "user", "content": [
            {"type": "input_text", "text": "look"},
            {"type": "input_image", "image_url": "https://x/y.png", "detail": "auto"},
            {"type": "input_file", "file_url": "https://x/a.pdf"},
            {"type": "input_audio", "input_audio": {"data": "AAA=", "format": "mp3"}},
            {"type": "input_video", "video_url": "https://x/v.mp4"},
            {"type": "input_future", "z": 1}
        ]},
        {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"},
        {"type": "reasoning", "id": "rs_1", "summary": [], "encrypted_content": "enc"},
        {"type": "mcp_call", "server_label": "s"}
    ]);
    let items: Vec<ResponsesInputItem> = serde_json::from_value(input.clone()).unwrap();
    assert!(matches!(items[0], ResponsesInputItem::Message(_)));
    assert!(matches!(items[3], ResponsesInputItem::Other(_)));
    let mut expected = input;
    expected[0]["type"] = json!("message");
    assert_eq!(serde_json::to_value(&items).unwrap(), expected);
    // Unknown tool kinds and fields round-trip.
    let tools = json!([
        {"type": "web_search_preview", "search_context_size": "low"},
        {"type": "openrouter:files"},
        {"type": "function", "name": "f", "parameters": {}, "later": true}
    ]);
    let typed: Vec<ResponsesTool> = serde_json::from_value(tools.clone()).unwrap();
    assert!(matches!(typed[0], ResponsesTool::Hosted(_)));
    assert_eq!(serde_json::to_value(&typed).unwrap(), tools);
}
