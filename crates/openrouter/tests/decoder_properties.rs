//! The fuzz targets' properties as bounded property tests, so they hold in every normal test
//! run: SSE decoding is the same however the body is cut and never panics; chat chunks and
//! every stream's accumulator never panic and assemble what was sent; error bodies never
//! panic and keep the raw body; the `Retry-After` parser never panics and stays bounded;
//! UTF-8 split anywhere arrives intact.

mod fuzz_checks;

use std::time::{Duration, SystemTime};

use http::StatusCode;
use openrouter::__fuzz::{self, MAX_RETRY_AFTER};
use openrouter::stream::{ChatAccumulator, StreamEvent};
use openrouter::types::chat::ChatChunk;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Chunk sizes as the fuzz targets read them: four bytes, each a size minus one.
fn sizes() -> impl Strategy<Value = [u8; 4]> {
    any::<[u8; 4]>()
}

/// Text for SSE values: ASCII, colons, multi-byte characters, bytes that are not UTF-8.
fn value_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => "[a-z0-9 ]{1,8}".prop_map(String::into_bytes),
        1 => Just(b":".to_vec()),
        1 => Just("é✓日本🦀".as_bytes().to_vec()),
        1 => Just(b"[DONE]".to_vec()),
        1 => Just(vec![0xFF]),
        1 => Just(vec![0xE6, 0x97]),
        1 => Just(vec![0xEF, 0xBB, 0xBF]),
        1 => (1usize..300).prop_map(|n| vec![b'L'; n]),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|pieces| pieces.concat())
}

/// An SSE body: fields, comments and blank lines with every kind of line end.
fn sse_body() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        4 => value_bytes().prop_map(|v| [b"data: ".to_vec(), v].concat()),
        1 => value_bytes().prop_map(|v| [b"data:".to_vec(), v].concat()),
        1 => value_bytes().prop_map(|v| [b"event: ".to_vec(), v].concat()),
        1 => value_bytes().prop_map(|v| [b"id: ".to_vec(), v].concat()),
        1 => "[0-9]{1,22}".prop_map(|d| format!("retry: {d}").into_bytes()),
        2 => value_bytes().prop_map(|v| [b":".to_vec(), v].concat()),
        1 => value_bytes(),
        3 => Just(Vec::new()),
    ];
    let end = prop_oneof![Just(&b"\n"[..]), Just(&b"\r"[..]), Just(&b"\r\n"[..])];
    (any::<bool>(), prop::collection::vec((line, end), 0..30)).prop_map(|(bom, lines)| {
        let mut body = if bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        for (line, end) in lines {
            body.extend(line);
            body.extend_from_slice(end);
        }
        body
    })
}

/// A fuzz input for `fuzz_checks::sse`: cap selector, chunk sizes, body.
fn sse_input(cap: u8, sizes: [u8; 4], body: &[u8]) -> Vec<u8> {
    [&[cap][..], &sizes, body].concat()
}

fn sse_frame(events: &[Value]) -> Vec<u8> {
    let mut body = Vec::new();
    for event in events {
        body.extend_from_slice(format!("data: {event}\n\n").as_bytes());
    }
    body.extend_from_slice(b"data: [DONE]\n\n");
    body
}

/// Indices as a hostile server might send them: small ones, and ones near `u32::MAX`.
fn index() -> impl Strategy<Value = u64> {
    prop_oneof![8 => 0u64..4, 1 => Just(4_000_000_000u64), 1 => Just(u64::from(u32::MAX))]
}

fn maybe<T: Strategy>(strategy: T) -> impl Strategy<Value = Option<T::Value>> {
    prop::option::weighted(0.6, strategy)
}

fn tool_call_piece() -> impl Strategy<Value = Value> {
    (
        0u64..3,
        maybe(prop_oneof![
            Just(""),
            Just("call_a"),
            Just("call_b"),
            Just("call_c")
        ]),
        maybe("[a-z_]{1,6}"),
        maybe("[{}\":a-z0-9 ]{0,8}"),
    )
        .prop_map(|(index, id, name, arguments)| {
            let mut call = json!({ "index": index });
            if let Some(id) = id {
                call["id"] = json!(id);
            }
            let mut function = json!({});
            if let Some(name) = name {
                function["name"] = json!(name);
            }
            if let Some(arguments) = arguments {
                function["arguments"] = json!(arguments);
            }
            call["function"] = function;
            call
        })
}

/// A chat chunk with anything a provider might put in it, valid or odd.
fn chat_chunk_json() -> impl Strategy<Value = Value> {
    let choice = (
        index(),
        maybe("\\PC{0,12}"),
        maybe("\\PC{0,6}"),
        prop::collection::vec(tool_call_piece(), 0..3),
        prop::collection::vec((maybe(0u64..3), "\\PC{0,6}"), 0..2),
        maybe(prop_oneof![
            Just("stop"),
            Just("length"),
            Just("tool_calls"),
            Just("odd")
        ]),
    )
        .prop_map(|(index, content, reasoning, tool_calls, details, finish)| {
            let details: Vec<Value> = details
                .into_iter()
                .map(
                    |(index, text)| json!({"type": "reasoning.text", "index": index, "text": text}),
                )
                .collect();
            json!({
                "index": index,
                "delta": {
                    "content": content,
                    "reasoning": reasoning,
                    "tool_calls": tool_calls,
                    "reasoning_details": details,
                },
                "finish_reason": finish,
            })
        });
    (
        prop::collection::vec(choice, 0..3),
        any::<bool>(),
        prop::option::weighted(0.05, Just(json!({"code": 502, "message": "gone"}))),
    )
        .prop_map(|(choices, usage, error)| {
            let mut chunk =
                json!({"id": "gen-1", "object": "chat.completion.chunk", "choices": choices});
            if usage {
                chunk["usage"] =
                    json!({"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8});
            }
            if let Some(error) = error {
                chunk["error"] = error;
            }
            chunk
        })
}

/// Tool calls as the accumulator promises to assemble them, written as plainly as
/// possible: a piece continues the latest call with its index that has its id or no id
/// yet (any call with its index when the piece has no id); otherwise it opens a new call.
fn reference_tool_calls(chunks: &[ChatChunk]) -> Vec<(u32, String, String, String)> {
    let mut calls: Vec<(u32, String, String, String)> = Vec::new();
    for chunk in chunks {
        for choice in chunk.choices.iter().filter(|c| c.index == 0) {
            for piece in &choice.delta.tool_calls {
                let id = piece.id.as_deref().filter(|id| !id.is_empty());
                let found = calls.iter().rposition(|(index, call_id, _, _)| {
                    *index == piece.index && id.is_none_or(|id| call_id.is_empty() || call_id == id)
                });
                let position = found.unwrap_or_else(|| {
                    calls.push((piece.index, String::new(), String::new(), String::new()));
                    calls.len() - 1
                });
                let call = &mut calls[position];
                if let (Some(id), true) = (id, call.1.is_empty()) {
                    call.1 = id.to_owned();
                }
                if let Some(function) = &piece.function {
                    if let (Some(name), true) = (function.name.as_deref(), call.2.is_empty()) {
                        call.2 = name.to_owned();
                    }
                    call.3.push_str(function.arguments.as_deref().unwrap_or(""));
                }
            }
        }
    }
    calls
}

/// A Responses event of any kind the accumulator handles, with small or huge indices.
fn responses_event_json() -> impl Strategy<Value = Value> {
    let kind = prop_oneof![
        Just("response.output_text.delta"),
        Just("response.output_text.done"),
        Just("response.function_call_arguments.delta"),
        Just("response.function_call_arguments.done"),
        Just("response.reasoning_text.delta"),
        Just("response.reasoning_summary_text.delta"),
        Just("response.reasoning_summary_part.added"),
        Just("response.content_part.added"),
        Just("response.output_item.added"),
        Just("response.output_item.done"),
    ];
    (
        kind,
        maybe(index()),
        maybe(index()),
        maybe(index()),
        "\\PC{0,6}",
    )
        .prop_map(|(kind, output, content, summary, text)| {
            json!({
                "type": kind,
                "output_index": output,
                "content_index": content,
                "summary_index": summary,
                "delta": text,
                "text": text,
                "arguments": text,
                "part": {"type": "output_text", "text": text},
                "item": {"type": "message", "id": "msg_1", "role": "assistant",
                         "content": [{"type": "output_text", "text": text}]},
            })
        })
}

fn messages_event_json() -> impl Strategy<Value = Value> {
    let delta = prop_oneof![
        "\\PC{0,6}".prop_map(|t| json!({"type": "text_delta", "text": t})),
        "\\PC{0,6}".prop_map(|t| json!({"type": "thinking_delta", "thinking": t})),
        "[a-z]{0,4}".prop_map(|t| json!({"type": "signature_delta", "signature": t})),
        "[{}\":a-z0-9]{0,6}".prop_map(|t| json!({"type": "input_json_delta", "partial_json": t})),
    ];
    let block = prop_oneof![
        Just(json!({"type": "text", "text": ""})),
        Just(json!({"type": "thinking", "thinking": ""})),
        Just(json!({"type": "tool_use", "id": "t", "name": "f", "input": {}})),
    ];
    prop_oneof![
        (index(), delta)
            .prop_map(|(i, d)| json!({"type": "content_block_delta", "index": i, "delta": d})),
        (index(), block).prop_map(
            |(i, b)| json!({"type": "content_block_start", "index": i, "content_block": b})
        ),
        index().prop_map(|i| json!({"type": "content_block_stop", "index": i})),
        Just(
            json!({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 2}})
        ),
        Just(json!({"type": "ping"})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn sse_decoding_is_the_same_however_the_body_is_cut(
        body in sse_body(),
        cut in sizes(),
        small_cap in prop::option::of(1u8..40),
    ) {
        let cap = small_cap.map_or(0, |c| 0x80 | c);
        fuzz_checks::sse(&sse_input(cap, cut, &body));
    }

    #[test]
    fn arbitrary_bytes_never_panic_any_decoder(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        fuzz_checks::sse(&bytes);
        fuzz_checks::chat_chunk(&bytes);
        for kind in 0..4u8 {
            fuzz_checks::stream_events(&[&[kind][..], &bytes].concat());
        }
        fuzz_checks::error_body(&bytes);
        fuzz_checks::retry_after(&bytes);
    }

    #[test]
    fn utf8_split_anywhere_arrives_intact(text in "\\PC{1,24}", at in any::<prop::sample::Index>()) {
        // In a raw SSE event...
        let body = format!("data: {text}\n\n").into_bytes();
        let k = at.index(body.len() + 1);
        let items = fuzz_checks::sse_items(&[&body[..k], &body[k..]], usize::MAX);
        let whole = [Ok(openrouter::sse::SseItem::Event({
            let mut event = openrouter::sse::SseEvent::default();
            event.data = text.clone();
            event
        }))];
        prop_assert_eq!(items, whole);
        // ...and in a chat chunk's content, through the stream's own decoder.
        let body = sse_frame(&[json!({"id": "g", "choices": [{"index": 0, "delta": {"content": text}}]})]);
        let k = at.index(body.len() + 1);
        let events = __fuzz::decode_stream::<ChatChunk>([&body[..k], &body[k..]], usize::MAX);
        let content: Vec<_> = events
            .iter()
            .map(|e| match e {
                Ok(StreamEvent::Data(chunk)) => chunk.content().map(str::to_owned),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        prop_assert_eq!(content, vec![Some(text)]);
    }

    #[test]
    fn chat_chunks_and_their_accumulator_never_panic_and_keep_every_piece(
        chunks in prop::collection::vec(chat_chunk_json(), 0..12),
        cut in sizes(),
    ) {
        let body = sse_frame(&chunks);
        fuzz_checks::chat_chunk(&[&cut[..], &body].concat());

        // Tool calls are assembled as the plain reference does it.
        let decoded: Vec<ChatChunk> = fuzz_checks::stream_events_of(&body, &cut);
        let mut accumulator = ChatAccumulator::new();
        for chunk in &decoded {
            accumulator.push(chunk);
        }
        let result = accumulator.finish();
        let built: Vec<_> = result
            .choices
            .iter()
            .filter(|c| c.index == 0)
            .flat_map(|c| &c.message.tool_calls)
            .map(|call| {
                let arguments = call.function.arguments.clone();
                (call.index.unwrap_or(u32::MAX), call.id.clone(), call.function.name.clone(), arguments)
            })
            .collect();
        let expected: Vec<_> = reference_tool_calls(&decoded)
            .into_iter()
            .map(|(index, id, name, arguments)| {
                let arguments = if arguments.trim().is_empty() { "{}".to_owned() } else { arguments };
                (index, id, name, arguments)
            })
            .collect();
        prop_assert_eq!(built, expected);
    }

    #[test]
    fn responses_and_messages_accumulators_never_panic_with_any_index(
        responses in prop::collection::vec(responses_event_json(), 0..16),
        messages in prop::collection::vec(messages_event_json(), 0..16),
        cut in sizes(),
    ) {
        fuzz_checks::stream_events(&[&[0u8][..], &cut, &sse_frame(&responses)].concat());
        fuzz_checks::stream_events(&[&[1u8][..], &cut, &sse_frame(&messages)].concat());
    }

    #[test]
    fn error_bodies_never_panic_and_keep_the_raw_body(
        status in 100u16..1000,
        body in prop_oneof![
            "\\PC{0,200}",
            (any::<i64>(), "\\PC{0,20}").prop_map(|(code, message)| {
                json!({"error": {"code": code, "message": message}}).to_string()
            }),
            ("\\PC{0,10}", "\\PC{0,20}").prop_map(|(code, raw)| {
                json!({"error": {"code": code, "message": "m",
                                 "metadata": {"provider_name": "p", "raw": raw}}}).to_string()
            }),
            Just("<html><body>502 Bad Gateway</body></html>".to_owned()),
        ],
    ) {
        let input = [&(status - 100).to_be_bytes()[..], body.as_bytes()].concat();
        fuzz_checks::error_body(&input);
        let status = StatusCode::from_u16(status).unwrap();
        let error = __fuzz::error_from_parts(status, Default::default(), body.as_bytes(), SystemTime::now());
        let is_error_object = serde_json::from_str::<openrouter::types::error::ErrorBody>(&body).is_ok();
        if is_error_object {
            prop_assert_eq!(error.raw_body, None);
        } else {
            // Under 8 KiB the whole body is kept, exactly.
            prop_assert_eq!(error.raw_body, (!body.is_empty()).then_some(body));
        }
    }

    #[test]
    fn retry_after_never_panics_and_is_bounded(
        value in prop_oneof![
            "[0-9]{1,30}",
            "[0-9]{1,5}\\.[0-9]{1,5}",
            (0u32..400).prop_map(|e| format!("1e{e}")),
            "-?[0-9.e+-]{1,12}",
            (0u64..253_402_300_000).prop_map(|s| {
                httpdate::fmt_http_date(SystemTime::UNIX_EPOCH + Duration::from_secs(s))
            }),
            "\\PC{0,30}",
        ],
        millis in prop_oneof!["[0-9]{1,30}", (0u32..400).prop_map(|e| format!("1e{e}")), "\\PC{0,12}"],
        now in any::<u32>(),
    ) {
        let input = [&now.to_le_bytes()[..], value.as_bytes(), b"\0", millis.as_bytes()].concat();
        fuzz_checks::retry_after(&input);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(now.into());
        if let Some(wait) = __fuzz::parse_retry_after(&value, now) {
            prop_assert!(wait <= MAX_RETRY_AFTER);
        }
    }

    #[test]
    fn an_http_date_reads_as_the_wait_until_it(now in 0u64..4_000_000_000, ahead in 0u64..100_000_000) {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(now);
        let date = httpdate::fmt_http_date(now + Duration::from_secs(ahead));
        prop_assert_eq!(__fuzz::parse_retry_after(&date, now), Some(Duration::from_secs(ahead)));
        // HTTP dates start at the epoch.
        let since_epoch = now.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
        let past = httpdate::fmt_http_date(now - Duration::from_secs(ahead).min(since_epoch));
        prop_assert_eq!(__fuzz::parse_retry_after(&past, now), Some(Duration::ZERO));
    }
}
