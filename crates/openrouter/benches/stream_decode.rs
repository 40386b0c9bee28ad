//! Stream decoding cost per chat chunk: our SSE decoder (alone and with typed chunks) against a
//! naive client that splits lines and parses every payload into `serde_json::Value`.
//!
//! Run with `cargo bench -p openrouter --bench stream_decode` (add `-- --quick` for a short
//! run). The figure of interest is the ratio `sse_typed / baseline_value` (target: at most
//! 0.5, DESIGN §11); `sse_only / baseline_value` shows the share of the SSE layer itself.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use openrouter::sse::{SseDecoder, SseItem};
use openrouter::types::chat::ChatChunk;
use serde_json::Value;

/// Data events in the synthetic stream, `[DONE]` not included.
const EVENTS: usize = 1000;
/// Bytes per simulated network read, about one TCP segment.
const PIECE: usize = 1400;

const FIXTURES: [&str; 2] = [
    include_str!("../tests/fixtures/real/chat-stream-openai-basic-01.sse"),
    include_str!("../tests/fixtures/real/chat-stream-anthropic-cached-01.sse"),
];

/// Content snippets of varied length and character mix, so every chunk differs as in a live
/// stream (escapes and multi-byte text cost the parsers something).
const TEXTS: [&str; 6] = [
    "Hello",
    " world, this is a somewhat longer token run",
    " \"quoted\" text with a\nnewline",
    " café ✓ 日本語 🦀",
    ".",
    " The quick brown fox jumps over the lazy dog while the stream keeps going",
];

/// Builds the stream bytes: real chunk JSON cycled with new content, a few keep-alives, then
/// `[DONE]`.
fn build_stream() -> Vec<u8> {
    let chunks: Vec<Value> = FIXTURES
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|line| line.strip_prefix("data: "))
        .filter(|data| *data != "[DONE]")
        .filter_map(|data| serde_json::from_str(data).ok())
        .collect();
    assert!(!chunks.is_empty(), "fixtures hold chat chunks");
    let mut out = String::new();
    for i in 0..EVENTS {
        if i % 50 == 0 {
            out.push_str(": OPENROUTER PROCESSING\n\n");
        }
        let mut chunk = chunks[i % chunks.len()].clone();
        let text = format!("{}{}", TEXTS[i % TEXTS.len()], i);
        if let Some(delta) = chunk.pointer_mut("/choices/0/delta") {
            if let Some(object) = delta.as_object_mut() {
                object.insert("content".into(), Value::String(text));
            }
        }
        out.push_str("data: ");
        out.push_str(&serde_json::to_string(&chunk).expect("re-encodes"));
        out.push_str("\n\n");
    }
    out.push_str("data: [DONE]\n\n");
    out.into_bytes()
}

/// A naive client: byte buffer, split on `\n`, `Value` for every `data: ` payload.
fn baseline_value(pieces: &[&[u8]]) -> usize {
    let mut buffer: Vec<u8> = Vec::new();
    let mut parsed = 0;
    for piece in pieces {
        buffer.extend_from_slice(piece);
        while let Some(newline) = buffer.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = buffer.drain(..=newline).collect();
            let Ok(line) = String::from_utf8(line) else {
                continue;
            };
            let line = line.trim_end_matches('\n');
            if let Some(data) = line.strip_prefix("data: ") {
                if data != "[DONE]" {
                    let value: Value = serde_json::from_str(data).expect("valid chunk");
                    black_box(&value);
                    parsed += 1;
                }
            }
        }
    }
    parsed
}

/// Our decoder, items drained and dropped.
fn sse_only(pieces: &[&[u8]]) -> usize {
    let mut decoder = SseDecoder::new();
    let mut events = 0;
    for piece in pieces {
        decoder.feed(piece);
        while let Some(item) = decoder.next_item().expect("under the cap") {
            if let SseItem::Event(event) = black_box(item) {
                events += usize::from(!event.is_done());
            }
        }
    }
    events
}

/// Our decoder plus typed chunks, as the chat stream does it.
fn sse_typed(pieces: &[&[u8]]) -> usize {
    let mut decoder = SseDecoder::new();
    let mut parsed = 0;
    for piece in pieces {
        decoder.feed(piece);
        while let Some(item) = decoder.next_item().expect("under the cap") {
            if let SseItem::Event(event) = item {
                if !event.is_done() {
                    let chunk: ChatChunk = serde_json::from_str(&event.data).expect("valid chunk");
                    black_box(&chunk);
                    parsed += 1;
                }
            }
        }
    }
    parsed
}

fn bench(c: &mut Criterion) {
    let stream = build_stream();
    let pieces: Vec<&[u8]> = stream.chunks(PIECE).collect();
    // The three readers must agree before their timings mean anything.
    assert_eq!(baseline_value(&pieces), EVENTS);
    assert_eq!(sse_only(&pieces), EVENTS);
    assert_eq!(sse_typed(&pieces), EVENTS);

    let mut group = c.benchmark_group("stream_decode");
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("baseline_value", |b| {
        b.iter(|| baseline_value(black_box(&pieces)))
    });
    group.bench_function("sse_only", |b| b.iter(|| sse_only(black_box(&pieces))));
    group.bench_function("sse_typed", |b| b.iter(|| sse_typed(black_box(&pieces))));
    group.finish();
}

// A plain `main` instead of `criterion_group!`, whose generated public function has no docs.
fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
