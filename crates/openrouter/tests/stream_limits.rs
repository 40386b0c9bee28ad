//! Hostile streams: the event size cap (configurable, independent of chunking, never
//! buffering past it) and accumulators whose memory follows what arrived, not the indices
//! an event claims.

mod support;

use futures_util::StreamExt;
use openrouter::sse::{SseDecoder, SseError, SseItem, DEFAULT_MAX_EVENT_SIZE};
use openrouter::stream::{
    ChatAccumulator, CompletionAccumulator, MessagesAccumulator, ResponsesAccumulator,
};
use openrouter::types::chat::ChatChunk;
use openrouter::types::completions::CompletionChunk;
use openrouter::types::messages::MessagesStreamEvent;
use openrouter::types::responses::{ResponsesEvent, ResponsesOutputItem};
use openrouter::Error;
use openrouter_mock::MockServer;
use support::{hello, quick_retries};

fn client(server: &MockServer, max_event_size: Option<usize>) -> openrouter::Client {
    let mut builder = openrouter::Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .retry(quick_retries());
    if let Some(bytes) = max_event_size {
        builder = builder.max_event_size(bytes);
    }
    builder.build().expect("client builds")
}

#[tokio::test]
async fn the_client_cap_applies_to_its_streams_with_a_clear_error() {
    let server = MockServer::start().await;
    // The emulator's chunks are a few hundred bytes: under the default cap, over 64 bytes.
    let fine = client(&server, None).chat().stream(&hello()).await.unwrap();
    let result = fine.collect_result().await.expect("default cap");
    assert!(result.text().is_some_and(|t| !t.is_empty()));

    let mut capped = client(&server, Some(64))
        .chat()
        .stream(&hello())
        .await
        .unwrap();
    let error = capped
        .next()
        .await
        .expect("an item")
        .expect_err("over the cap");
    assert!(
        matches!(error, Error::Stream(SseError::EventTooLarge { limit: 64 })),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("64 bytes") && message.contains("max_event_size"),
        "the message says what to do: {message}"
    );
    assert!(
        capped.next().await.is_none(),
        "the stream ends at the error"
    );
}

#[test]
fn the_default_cap_is_64_mib_and_the_decoder_uses_it() {
    assert_eq!(DEFAULT_MAX_EVENT_SIZE, 64 * 1024 * 1024);
    let mut decoder = SseDecoder::new();
    decoder.feed(b"data: ");
    let block = vec![b'x'; 1024 * 1024];
    let mut fed = 6;
    let error = loop {
        decoder.feed(&block);
        fed += block.len();
        match decoder.next_item() {
            Ok(None) => assert!(fed <= DEFAULT_MAX_EVENT_SIZE, "not refused in time"),
            other => break other,
        }
    };
    assert_eq!(
        error,
        Err(SseError::EventTooLarge {
            limit: DEFAULT_MAX_EVENT_SIZE
        })
    );
    assert!(fed <= DEFAULT_MAX_EVENT_SIZE + block.len());
}

/// Feeds a line that never ends in `chunk`-byte pieces, then a normal event; returns how
/// many bytes went in before the error, and what followed it.
fn endless_line(cap: usize, chunk: usize) -> (usize, Vec<Result<SseItem, SseError>>) {
    let mut decoder = SseDecoder::with_max_event_size(cap);
    decoder.feed(b"data: {\"a\":\"");
    let piece = vec![b'a'; chunk];
    let mut fed = 0;
    loop {
        decoder.feed(&piece);
        fed += chunk;
        match decoder.next_item() {
            Ok(None) => assert!(fed < 10 * cap + chunk, "never refused"),
            Ok(Some(item)) => panic!("an item from an endless line: {item:?}"),
            Err(error) => {
                assert_eq!(error, SseError::EventTooLarge { limit: cap });
                break;
            }
        }
    }
    // A megabyte more of the same line costs nothing and yields nothing...
    for _ in 0..16 {
        decoder.feed(&[b'b'; 65536]);
        assert_eq!(decoder.next_item(), Ok(None));
    }
    // ...and the stream carries on after the line's end and its event's blank line.
    decoder.feed(b"\"}\n\ndata: next\n\n");
    let mut after = Vec::new();
    while let Some(item) = decoder.next_item().transpose() {
        after.push(item);
    }
    (fed, after)
}

#[test]
fn an_endless_event_is_refused_as_soon_as_it_passes_the_cap_whatever_the_chunks() {
    let cap = 100_000;
    for chunk in [1, 7, 1000, 4096, 65536, 1 << 20] {
        let (fed, after) = endless_line(cap, chunk);
        assert!(
            fed <= cap + chunk,
            "chunks of {chunk}: refused after {fed} bytes"
        );
        let SseItem::Event(next) = after[0].clone().expect("next event") else {
            panic!("expected an event, got {after:?}");
        };
        assert_eq!(
            (after.len(), next.data.as_str()),
            (1, "next"),
            "chunks of {chunk}"
        );
    }
}

#[test]
fn many_small_lines_count_toward_one_event() {
    let cap = 1000;
    let mut decoder = SseDecoder::with_max_event_size(cap);
    let mut errors = 0;
    for _ in 0..10_000 {
        decoder.feed(b"data: 0123456789\n");
        while let Some(item) = decoder.next_item().transpose() {
            assert_eq!(item, Err(SseError::EventTooLarge { limit: cap }));
            errors += 1;
        }
    }
    assert_eq!(errors, 1, "one error for the one event");
    decoder.feed(b"\ndata: ok\n\n");
    let SseItem::Event(event) = decoder.next_item().unwrap().unwrap() else {
        panic!("expected the next event");
    };
    assert_eq!(event.data, "ok");
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("valid event")
}

#[test]
fn responses_indices_of_four_billion_allocate_nothing_and_keep_their_order() {
    let mut acc = ResponsesAccumulator::new();
    for json in [
        r#"{"type":"response.output_text.delta","output_index":4000000000,"content_index":4000000000,"delta":"last"}"#,
        r#"{"type":"response.output_text.delta","output_index":0,"content_index":3,"delta":"b"}"#,
        r#"{"type":"response.output_text.delta","output_index":0,"content_index":0,"delta":"a"}"#,
        r#"{"type":"response.output_text.delta","output_index":0,"content_index":3,"delta":"c"}"#,
        r#"{"type":"response.reasoning_summary_text.delta","output_index":7,"summary_index":4294967295,"delta":"s"}"#,
        r#"{"type":"response.reasoning_text.delta","output_index":7,"content_index":4294967295,"delta":"r"}"#,
    ] {
        acc.push(&parse::<ResponsesEvent>(json));
    }
    assert_eq!(acc.text(), "abclast");
    let result = acc.finish();
    assert_eq!(result.output.len(), 3, "one item per index sent");
    let ResponsesOutputItem::Message(first) = &result.output[0] else {
        panic!("a message first: {:?}", result.output[0]);
    };
    assert_eq!(first.content.len(), 2, "the gap in part numbers collapses");
    let ResponsesOutputItem::Reasoning(reasoning) = &result.output[1] else {
        panic!("the reasoning item second: {:?}", result.output[1]);
    };
    assert_eq!(reasoning.summary_text(), "s");
    assert_eq!(reasoning.reasoning_text(), "r");
    assert_eq!(result.output_text(), "abclast");
}

#[test]
fn chat_indices_of_four_billion_allocate_nothing() {
    let mut acc = ChatAccumulator::new();
    for json in [
        r#"{"id":"g","choices":[{"index":4000000000,"delta":{"content":"far","tool_calls":[{"index":4000000000,"id":"c1","function":{"name":"f","arguments":"{}"}}],"reasoning_details":[{"type":"reasoning.text","index":4000000000,"text":"t"}]}}]}"#,
        r#"{"id":"g","choices":[{"index":0,"delta":{"content":"near"}}]}"#,
        r#"{"id":"g","choices":[{"index":4000000000,"delta":{"content":" away","reasoning_details":[{"type":"reasoning.text","index":4000000000,"text":"u"}]}}]}"#,
    ] {
        acc.push(&parse::<ChatChunk>(json));
    }
    let result = acc.finish();
    let texts: Vec<_> = result
        .choices
        .iter()
        .map(|c| (c.index, c.message.content.as_deref()))
        .collect();
    assert_eq!(
        texts,
        vec![(0, Some("near")), (4_000_000_000, Some("far away"))]
    );
    let far = &result.choices[1].message;
    assert_eq!(far.tool_calls.len(), 1);
    assert_eq!(far.reasoning_details.len(), 1);
    assert_eq!(far.reasoning_details[0].text.as_deref(), Some("tu"));
}

#[test]
fn many_tool_calls_are_each_assembled_from_their_pieces() {
    // Each call opens with its id and name, then its arguments arrive in two pieces; the
    // index is reused (as some providers do), so only ids tell the calls apart.
    let calls = 5_000;
    let mut acc = ChatAccumulator::new();
    for n in 0..calls {
        let open = format!(
            r#"{{"id":"g","choices":[{{"index":0,"delta":{{"tool_calls":[{{"index":0,"id":"call_{n}","type":"function","function":{{"name":"f{n}","arguments":""}}}}]}}}}]}}"#
        );
        acc.push(&parse::<ChatChunk>(&open));
        for piece in [r#"{"n":"#.to_owned(), format!("{n}}}")] {
            let json = serde_json::json!({
                "id": "g",
                "choices": [{"index": 0, "delta": {"tool_calls": [
                    {"index": 0, "function": {"arguments": piece}}
                ]}}]
            });
            acc.push(&serde_json::from_value::<ChatChunk>(json).unwrap());
        }
    }
    let result = acc.finish();
    let tool_calls = result.tool_calls();
    assert_eq!(tool_calls.len(), calls);
    for (n, call) in tool_calls.iter().enumerate() {
        assert_eq!(call.id, format!("call_{n}"));
        assert_eq!(call.function.name, format!("f{n}"));
        assert_eq!(call.function.arguments, format!(r#"{{"n":{n}}}"#));
    }
}

#[test]
fn messages_and_completions_indices_of_four_billion_allocate_nothing() {
    let mut messages = MessagesAccumulator::new();
    for json in [
        r#"{"type":"content_block_delta","index":4000000000,"delta":{"type":"text_delta","text":"late"}}"#,
        r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
        r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"early "}}"#,
    ] {
        messages.push(&parse::<MessagesStreamEvent>(json));
    }
    let message = messages.finish();
    assert_eq!(message.content.len(), 2);
    assert_eq!(message.text().as_deref(), Some("early late"));

    let mut completions = CompletionAccumulator::new();
    for json in [
        r#"{"id":"c","choices":[{"index":4000000000,"text":"b"}]}"#,
        r#"{"id":"c","choices":[{"index":1,"text":"a"}]}"#,
        r#"{"id":"c","choices":[{"index":4000000000,"text":"c"}]}"#,
    ] {
        completions.push(&parse::<CompletionChunk>(json));
    }
    let result = completions.finish();
    let texts: Vec<_> = result
        .choices
        .iter()
        .map(|c| (c.index, c.text.as_str()))
        .collect();
    assert_eq!(texts, vec![(1, "a"), (4_000_000_000, "bc")]);
}
