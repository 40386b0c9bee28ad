//! Real chat streams: every chunk decodes and round-trips, and every stream accumulates to
//! the result the chunks describe. Expected values are computed from the raw JSON with
//! `serde_json::Value`, independently of the SDK's types.

use std::path::{Path, PathBuf};

use openrouter::stream::ChatAccumulator;
use openrouter::types::chat::{ChatChunk, ChatResult, FinishReason, ReasoningDetailKind};
use openrouter::types::error::ErrorCode;
use serde_json::{json, Value};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// The `data:` payloads of an SSE body, without comments and `[DONE]`. A minimal reader for
/// these LF-framed captures; the SDK's own SSE decoder is tested on its own.
fn sse_payloads(body: &str) -> Vec<String> {
    body.split("\n\n")
        .filter_map(|event| {
            let data: Vec<&str> = event
                .lines()
                .filter_map(|line| line.strip_prefix("data:"))
                .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
                .collect();
            let data = data.join("\n");
            (!data.is_empty() && data != "[DONE]").then_some(data)
        })
        .collect()
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

struct Stream {
    raw: Vec<Value>,
    chunks: Vec<ChatChunk>,
    result: ChatResult,
    accumulator_error: Option<openrouter::types::error::ErrorObject>,
}

fn load(name: &str) -> Stream {
    let body = std::fs::read_to_string(fixture_dir().join(name)).unwrap();
    let mut raw = Vec::new();
    let mut chunks = Vec::new();
    let mut accumulator = ChatAccumulator::new();
    for payload in sse_payloads(&body) {
        let chunk: ChatChunk = serde_json::from_str(&payload).unwrap();
        let value: Value = serde_json::from_str(&payload).unwrap();
        let encoded = serde_json::to_value(&chunk).unwrap();
        assert_eq!(
            strip_nulls(encoded),
            strip_nulls(value.clone()),
            "{name}: {payload:.300}"
        );
        accumulator.push(&chunk);
        raw.push(value);
        chunks.push(chunk);
    }
    assert!(!chunks.is_empty(), "{name}");
    assert_eq!(accumulator.chunk_count(), chunks.len());
    let snapshot = accumulator.snapshot();
    let (result, accumulator_error) = accumulator.finish_with_error();
    assert_eq!(snapshot, result);
    Stream {
        raw,
        chunks,
        result,
        accumulator_error,
    }
}

/// Concatenates a string field of choice 0's deltas; `None` when no chunk had it.
fn concat_delta(raw: &[Value], field: &str) -> Option<String> {
    let mut out: Option<String> = None;
    for chunk in raw {
        for choice in chunk["choices"].as_array().into_iter().flatten() {
            if choice["index"] == 0 {
                if let Some(piece) = choice["delta"][field].as_str() {
                    out.get_or_insert_with(String::new).push_str(piece);
                }
            }
        }
    }
    out
}

fn last_non_null<'a>(values: impl Iterator<Item = &'a Value>) -> Option<&'a Value> {
    values.filter(|v| !v.is_null()).last()
}

/// Checks everything that can be derived from the raw chunks alone.
fn check_generic(name: &str, stream: &Stream) {
    let raw = &stream.raw;
    let result = &stream.result;
    assert_eq!(result.object, "chat.completion");
    assert_eq!(result.id, raw[0]["id"].as_str().unwrap(), "{name}");
    assert_eq!(result.model, raw[0]["model"].as_str().unwrap(), "{name}");
    assert_eq!(
        result.provider.as_deref(),
        raw[0]["provider"].as_str(),
        "{name}"
    );
    assert_eq!(
        result.text().map(str::to_owned),
        concat_delta(raw, "content"),
        "{name}"
    );
    assert_eq!(
        result.reasoning().map(str::to_owned),
        concat_delta(raw, "reasoning"),
        "{name}"
    );

    let finish = last_non_null(raw.iter().flat_map(|c| {
        c["choices"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|ch| &ch["finish_reason"])
    }));
    assert_eq!(
        result.finish_reason().map(FinishReason::as_str),
        finish.and_then(Value::as_str),
        "{name}"
    );

    let usage = last_non_null(raw.iter().map(|c| &c["usage"])).cloned();
    let ours = result
        .usage
        .as_ref()
        .map(|u| serde_json::to_value(u).unwrap());
    assert_eq!(ours.map(strip_nulls), usage.map(strip_nulls), "{name}");

    // Reasoning text per item (index, type), as the raw pieces spell it.
    let mut expected_text: Vec<((u64, String), String)> = Vec::new();
    for chunk in raw {
        for choice in chunk["choices"].as_array().into_iter().flatten() {
            for piece in choice["delta"]["reasoning_details"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let key = (
                    piece["index"].as_u64().unwrap_or(u64::MAX),
                    piece["type"].as_str().unwrap_or_default().to_owned(),
                );
                let text = piece["text"].as_str().unwrap_or_default();
                match expected_text.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, acc)) => acc.push_str(text),
                    None => expected_text.push((key, text.to_owned())),
                }
            }
        }
    }
    let details = result.reasoning_details();
    assert_eq!(details.len(), expected_text.len(), "{name}");
    for (detail, (_, text)) in details.iter().zip(&expected_text) {
        if detail.kind == ReasoningDetailKind::Text {
            assert_eq!(detail.text.as_deref().unwrap_or_default(), text, "{name}");
        }
    }
}

#[test]
fn every_stream_fixture_decodes_round_trips_and_accumulates() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixture_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.starts_with("chat-stream-") && name.ends_with(".sse") {
            check_generic(&name, &load(&name));
            count += 1;
        }
    }
    assert_eq!(count, 18);
}

#[test]
fn tool_call_arguments_are_assembled() {
    for name in [
        "chat-stream-toolcalls-emptyargs-01.sse",
        "chat-stream-toolcalls-emptyargs-02.sse",
    ] {
        let stream = load(name);
        let result = &stream.result;
        assert_eq!(result.finish_reason(), Some(&FinishReason::ToolCalls));
        let calls = result.tool_calls();
        assert_eq!(calls.len(), 1, "{name}");
        assert_eq!(calls[0].function.name, "llm_version");
        assert_eq!(calls[0].function.arguments, "{}");
        assert_eq!(calls[0].kind, "function");
        assert!(calls[0].id.starts_with("call_"));
        let args: Value = calls[0].function.parse_arguments().unwrap();
        assert_eq!(args, json!({}));
        assert_eq!(result.text(), Some(""));
        // The first tool-call fragment carries `"arguments": ""` and `content: null`.
        let first = &stream.chunks[0];
        assert_eq!(first.content(), None);
        let fragment = &first.choices[0].delta.tool_calls[0];
        assert_eq!(
            fragment.function.as_ref().unwrap().arguments.as_deref(),
            Some("")
        );
    }
    let fingerprint = load("chat-stream-toolcalls-emptyargs-02.sse")
        .result
        .system_fingerprint;
    assert_eq!(fingerprint.as_deref(), Some("fp_6f2eabb9a5"));
    let none = load("chat-stream-toolcalls-emptyargs-01.sse")
        .result
        .system_fingerprint;
    assert_eq!(none, None);
}

#[test]
fn tool_call_fragments_without_ids_join_their_call() {
    let mut acc = ChatAccumulator::new();
    for data in [
        r#"{"id":"g","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"a","type":"function","function":{"name":"f","arguments":""}},{"index":1,"id":"b","function":{"name":"g"}}]}}]}"#,
        r#"{"id":"g","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"x\":"}},{"index":1,"function":{"arguments":"{\"y\":2}"}}]}}]}"#,
        r#"{"id":"g","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]},"finish_reason":"tool_calls"}]}"#,
    ] {
        acc.push(&serde_json::from_str(data).unwrap());
    }
    let result = acc.finish();
    let calls = result.tool_calls();
    assert_eq!(calls.len(), 2);
    assert_eq!(
        (calls[0].id.as_str(), calls[0].function.arguments.as_str()),
        ("a", r#"{"x":1}"#)
    );
    assert_eq!(
        (calls[1].id.as_str(), calls[1].function.name.as_str()),
        ("b", "g")
    );
    assert_eq!(calls[1].function.arguments, r#"{"y":2}"#);
}

#[test]
fn anthropic_signature_arriving_later_is_attached() {
    for name in [
        "chat-stream-reasoning-anthropic-01.sse",
        "chat-stream-reasoning-anthropic-02.sse",
        "chat-stream-reasoning-anthropic-03.sse",
        "chat-stream-reasoning-anthropic-04.sse",
    ] {
        let stream = load(name);
        let raw_signature = stream
            .raw
            .iter()
            .flat_map(|c| {
                c["choices"][0]["delta"]["reasoning_details"]
                    .as_array()
                    .cloned()
            })
            .flatten()
            .filter_map(|d| d["signature"].as_str().map(str::to_owned))
            .rfind(|s| !s.is_empty())
            .unwrap();
        let details = stream.result.reasoning_details();
        assert_eq!(details.len(), 1, "{name}");
        let detail = &details[0];
        assert_eq!(detail.kind, ReasoningDetailKind::Text);
        assert_eq!(detail.format.as_deref(), Some("anthropic-claude-v1"));
        assert_eq!(
            detail.signature.as_deref(),
            Some(raw_signature.as_str()),
            "{name}"
        );
        assert_eq!(detail.text.as_deref(), stream.result.reasoning(), "{name}");
        assert!(!detail.text.as_deref().unwrap().is_empty());
    }
    let first = load("chat-stream-reasoning-anthropic-01.sse").result;
    assert!(first
        .reasoning()
        .unwrap()
        .starts_with("The question asks for the capital of France."));
    assert!(first
        .text()
        .unwrap()
        .starts_with("The capital of France is Paris."));
}

#[test]
fn encrypted_reasoning_is_kept() {
    let openai = load("chat-stream-reasoning-openai-encrypted-01.sse").result;
    let details = openai.reasoning_details();
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].kind, ReasoningDetailKind::Encrypted);
    assert!(details[0].data.as_deref().unwrap().starts_with("gAAAA"));
    assert_eq!(openai.reasoning(), None);
    assert_eq!(
        openai
            .first_choice()
            .unwrap()
            .native_finish_reason
            .as_deref(),
        Some("completed")
    );

    let grok = load("chat-stream-reasoning-grok-encrypted-01.sse").result;
    assert_eq!(
        grok.reasoning_details()[0].kind,
        ReasoningDetailKind::Encrypted
    );
    assert!(grok.reasoning_details()[0]
        .data
        .as_deref()
        .unwrap()
        .starts_with("B7oH6rUO"));
    assert_eq!(grok.model, "x-ai/grok-4");
    let usage = grok.usage.as_ref().unwrap();
    assert_eq!(usage.cached_tokens(), 679);
    assert_eq!(usage.reasoning_tokens(), 118);
    assert_eq!(grok.cost(), Some(0.00333825));
}

#[test]
fn usage_chunks_in_every_shape() {
    // `choices: []` usage chunk.
    let cache = load("chat-stream-anthropic-cache-01.sse");
    assert!(cache.chunks.last().unwrap().choices.is_empty());
    assert_eq!(cache.result.text(), Some("Hello!"));
    assert_eq!(cache.result.cost(), Some(0.000837));
    assert_eq!(cache.result.finish_reason(), Some(&FinishReason::Stop));

    // Separate usage chunk with `finish_reason: null` after the finish chunk.
    let cached = load("chat-stream-anthropic-cached-01.sse").result;
    assert_eq!(cached.finish_reason(), Some(&FinishReason::Stop));
    assert_eq!(cached.usage.as_ref().unwrap().cached_tokens(), 1405);

    // Finish chunk repeated with usage and `service_tier`.
    let advisor = load("chat-stream-advisor-tool-01.sse").result;
    assert_eq!(advisor.finish_reason(), Some(&FinishReason::Stop));
    assert_eq!(advisor.cost(), Some(0.0145476));
    let tools = advisor
        .usage
        .as_ref()
        .unwrap()
        .server_tool_use_details
        .clone()
        .unwrap();
    assert_eq!(tools.tool_calls_executed, Some(1));
    assert_eq!(advisor.service_tier, None);

    let search = load("chat-stream-server-tool-websearch-01.sse").result;
    assert_eq!(search.service_tier.as_deref(), Some("default"));
    assert!(search.text().unwrap().starts_with("https://github"));
    let usage = search.usage.unwrap();
    assert_eq!(
        usage.server_tool_use_details.unwrap().web_search_requests,
        Some(1)
    );
    assert_eq!(usage.prompt_tokens, 8174);

    let basic = load("chat-stream-openai-basic-01.sse").result;
    assert_eq!(basic.system_fingerprint.as_deref(), Some("fp_07871e2ad8"));
    assert_eq!(basic.usage.unwrap().cost_f64(), Some(0.0000825));
}

#[test]
fn bedrock_deltas_without_reasoning_keys() {
    let stream = load("chat-stream-bedrock-01.sse");
    assert!(stream
        .raw
        .iter()
        .all(|c| c["choices"][0]["delta"].get("reasoning").is_none()));
    assert_eq!(stream.result.reasoning(), None);
    assert!(stream.result.reasoning_details().is_empty());
    assert!(stream.result.text().unwrap().starts_with("The"));
    assert_eq!(stream.result.usage.as_ref().unwrap().total_tokens, 240);
}

#[test]
fn annotations_and_images_are_appended() {
    let search = load("chat-stream-annotations-websearch-01.sse");
    let expected = search
        .raw
        .iter()
        .map(|c| {
            c["choices"][0]["delta"]["annotations"]
                .as_array()
                .map_or(0, Vec::len)
        })
        .sum::<usize>();
    assert!(expected > 0);
    let message = &search.result.first_choice().unwrap().message;
    assert_eq!(message.annotations.len(), expected);
    assert_eq!(message.annotations[0].kind, "url_citation");
    assert_eq!(
        message.annotations[0].url_citation.as_ref().unwrap().url,
        "https://github.com/pydantic/pydantic-ai"
    );

    let image = load("chat-stream-image-output-01.sse");
    let images = &image.result.first_choice().unwrap().message.images;
    assert_eq!(images.len(), 1);
    let url = images[0].url().unwrap();
    assert!(url.starts_with("data:image/png;base64,iVBORw0KGgo"));
    assert!(url.len() > 1_800_000, "{}", url.len());
    let usage = image.result.usage.as_ref().unwrap();
    assert_eq!(
        usage
            .completion_tokens_details
            .as_ref()
            .unwrap()
            .image_tokens,
        Some(1290)
    );
}

#[test]
fn mid_stream_error_is_decoded_and_recorded() {
    let stream = load("chat-stream-midstream-error-01.sse");
    let failing = stream.chunks.iter().find(|c| c.error.is_some()).unwrap();
    let error = failing.error.as_ref().unwrap();
    assert_eq!(error.code, Some(ErrorCode::Number(400)));
    assert_eq!(error.message, "Token limit reached");
    assert_eq!(failing.choices[0].finish_reason, None);
    assert!(failing.is_error());
    assert_eq!(failing.usage.as_ref().unwrap().cost_f64(), Some(0.0));
    assert!(!stream.chunks[0].is_error());

    let recorded = stream.accumulator_error.as_ref().unwrap();
    assert_eq!(recorded.message, "Token limit reached");
    // The error chunk has `finish_reason: null`; the last real one said `length`.
    assert_eq!(stream.result.finish_reason(), Some(&FinishReason::Length));
    assert_eq!(
        stream.result.reasoning(),
        Some("We need to respond to a greeting. The user")
    );
    assert_eq!(stream.result.reasoning_details()[0].format, None);
}

#[test]
fn partial_capture_with_leading_comments() {
    let stream = load("chat-stream-openai-partial-01.sse");
    assert_eq!(stream.chunks.len(), 2);
    assert_eq!(stream.result.finish_reason(), None);
    assert_eq!(stream.result.usage, None);
    assert!(stream.result.system_fingerprint.is_some());
}

#[test]
fn choices_are_kept_apart_and_logprobs_concatenated() {
    let mut acc = ChatAccumulator::new();
    for data in [
        r#"{"id":"g","choices":[{"index":1,"delta":{"content":"B"},"logprobs":{"content":[{"token":"B"}]}}]}"#,
        r#"{"id":"g","choices":[{"index":0,"delta":{"content":"A"},"logprobs":{"content":[{"token":"A"}]}}]}"#,
        r#"{"id":"g","choices":[{"index":1,"delta":{"content":"b"},"logprobs":{"content":[{"token":"b"}],"refusal":null},"finish_reason":"length"}]}"#,
        r#"{"id":"g","choices":[{"index":0,"delta":{"content":"a","future":1},"finish_reason":"stop"}]}"#,
    ] {
        acc.push(&serde_json::from_str(data).unwrap());
    }
    let result = acc.finish();
    assert_eq!(result.choices.len(), 2);
    assert_eq!(result.choices[0].index, 0);
    assert_eq!(result.choices[0].message.content.as_deref(), Some("Aa"));
    assert_eq!(result.choices[0].message.extra["future"], 1);
    assert_eq!(result.choices[1].message.content.as_deref(), Some("Bb"));
    assert_eq!(result.choices[1].finish_reason, Some(FinishReason::Length));
    assert_eq!(
        result.choices[1].logprobs,
        Some(json!({"content": [{"token": "B"}, {"token": "b"}]}))
    );
}
