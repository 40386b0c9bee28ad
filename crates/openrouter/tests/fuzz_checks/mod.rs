//! The properties the fuzz targets check, one function per target taking the raw fuzz
//! input. The same code runs under libFuzzer (`fuzz/`, which includes this file) and in
//! the normal test command over the seed corpora and every input a fuzz run found
//! (`tests/fuzz_regressions.rs`), so a finding stays fixed without a nightly toolchain.
//!
//! Not a test target itself: it lives in a subdirectory so cargo does not build it alone.
#![allow(dead_code, unreachable_pub)]

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant, SystemTime};

use http::{HeaderMap, HeaderValue, StatusCode};
use openrouter::__fuzz::{self, collect, decode, error_from_parts, MAX_RETRY_AFTER};
use openrouter::sse::{SseDecoder, SseError, SseItem, DEFAULT_MAX_EVENT_SIZE};
use openrouter::stream::{ChatAccumulator, StreamEvent, StreamPayload};
use openrouter::types::chat::{ChatChunk, ChatResult};
use openrouter::types::completions::CompletionChunk;
use openrouter::types::error::ErrorBody;
use openrouter::types::images::ImageStreamEvent;
use openrouter::types::messages::MessagesStreamEvent;
use openrouter::types::responses::ResponsesEvent;
use openrouter::Error;
use serde::de::{DeserializeOwned, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Cuts `body` into chunks whose sizes cycle through `sizes` (each byte is a size minus
/// one), the way a network might deliver it.
pub fn chunks<'a>(body: &'a [u8], sizes: &[u8]) -> Vec<&'a [u8]> {
    if sizes.is_empty() {
        return vec![body];
    }
    let mut out = Vec::new();
    let mut rest = body;
    for size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (head, tail) = rest.split_at((usize::from(*size) + 1).min(rest.len()));
        out.push(head);
        rest = tail;
    }
    out
}

/// Encoding a decoded value, decoding that and encoding again gives the same JSON: what
/// the SDK writes back it reads back unchanged.
///
/// Unless the input repeated a key in an object (`strict` false): serde's derived structs
/// refuse a duplicate field, so such an object is kept whole in an enum's catch-all
/// variant, and encoding it writes the key once, after which it decodes as the typed
/// variant. Nothing is lost (JSON leaves duplicate names undefined; the last one is kept),
/// so then one more trip must reach the fixed point.
pub fn assert_stable_round_trip<T: Serialize + DeserializeOwned>(value: &T, strict: bool) {
    let trip = |value: &T| -> (Value, T) {
        let encoded = serde_json::to_value(value).expect("a decoded value encodes");
        let decoded = serde_json::from_value(encoded.clone()).expect("an encoded value decodes");
        (encoded, decoded)
    };
    let (first, again) = trip(value);
    let (first, again) = if strict { (first, again) } else { trip(&again) };
    let second = serde_json::to_value(&again).expect("a decoded value encodes");
    assert_eq!(first, second, "re-encoding changed the value");
}

/// Whether some object in `json` (valid JSON) names a key twice.
pub fn has_duplicate_keys(json: &str) -> bool {
    serde_json::from_str::<Value>(json).is_ok() && serde_json::from_str::<UniqueKeys>(json).is_err()
}

/// Any JSON value whose objects never repeat a key.
struct UniqueKeys;

impl<'de> Deserialize<'de> for UniqueKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueKeysVisitor)
    }
}

struct UniqueKeysVisitor;

impl<'de> Visitor<'de> for UniqueKeysVisitor {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON without duplicate keys")
    }

    fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(key) {
                return Err(A::Error::custom("duplicate key"));
            }
            map.next_value::<UniqueKeys>()?;
        }
        Ok(UniqueKeys)
    }
}

/// Whether any event of an SSE body carries JSON with a duplicate key.
fn any_duplicate_keys(body: &[u8]) -> bool {
    sse_items(&[body], usize::MAX).iter().any(
        |item| matches!(item, Ok(SseItem::Event(event)) if has_duplicate_keys(event.data.trim())),
    )
}

// ---------------------------------------------------------------------------------------
// sse

/// Items and errors of an SSE body delivered in `chunks`, drained after each chunk.
pub fn sse_items(chunks: &[&[u8]], cap: usize) -> Vec<Result<SseItem, SseError>> {
    let mut decoder = SseDecoder::with_max_event_size(cap);
    let mut out = Vec::new();
    for chunk in chunks {
        decoder.feed(chunk);
        while let Some(item) = decoder.next_item().transpose() {
            out.push(item);
        }
    }
    while let Some(item) = decoder.finish().transpose() {
        out.push(item);
    }
    out
}

/// The SSE decoder over arbitrary bytes cut into arbitrary chunks.
///
/// Input: one byte choosing the event size cap (high bit clear: the default; set: a small
/// cap, so the cap's paths are reached), four bytes of chunk sizes, then the body.
/// Checks: no panic; the same items and errors however the body is cut (whole, in the
/// given chunk sizes, byte by byte); nothing larger than the cap gets through.
pub fn sse(input: &[u8]) {
    let Some((&control, rest)) = input.split_first() else {
        return;
    };
    let (sizes, body) = rest.split_at(rest.len().min(4));
    let cap = if control & 0x80 == 0 {
        DEFAULT_MAX_EVENT_SIZE
    } else {
        usize::from(control & 0x7f) * 4
    };
    let whole = sse_items(&[body], cap);
    assert_eq!(
        sse_items(&chunks(body, sizes), cap),
        whole,
        "chunk sizes {sizes:?}"
    );
    let bytes: Vec<&[u8]> = body.chunks(1).collect();
    assert_eq!(sse_items(&bytes, cap), whole, "byte by byte");
    for item in &whole {
        // Invalid UTF-8 becomes U+FFFD: three bytes of text for one byte of input.
        let text = match item {
            Ok(SseItem::Event(event)) => event.data.len(),
            Ok(SseItem::Comment(comment)) => comment.len(),
            Ok(_) | Err(_) => 0,
        };
        assert!(
            text <= cap.saturating_mul(3),
            "an item over the cap got through"
        );
    }
}

// ---------------------------------------------------------------------------------------
// streams

/// Decodes a stream body as the client does, checks it decodes the same when cut into
/// chunks, and returns the data events that came before the end (an error, `[DONE]` or
/// the end of the body).
pub fn stream_events_of<T>(body: &[u8], sizes: &[u8]) -> Vec<T>
where
    T: StreamPayload + Serialize + std::fmt::Debug,
{
    let cap = DEFAULT_MAX_EVENT_SIZE;
    let whole = __fuzz::decode_stream::<T>([body], cap);
    if !sizes.is_empty() {
        let cut = __fuzz::decode_stream::<T>(chunks(body, sizes), cap);
        assert_eq!(
            format!("{whole:?}"),
            format!("{cut:?}"),
            "chunking changed the stream"
        );
    }
    let strict = !any_duplicate_keys(body);
    let mut events = Vec::new();
    for item in whole {
        match item {
            Ok(StreamEvent::Data(event)) => {
                assert_stable_round_trip(&event, strict);
                events.push(event);
            }
            Ok(_) => {}
            Err(error) => {
                let _ = (error.to_string(), error.status(), error.is_retryable());
            }
        }
    }
    events
}

/// Chat completion chunks: a stream body decoded into chunks and folded by the accumulator.
///
/// Input: four bytes of chunk sizes, then the SSE body. Checks: no panic; the same stream
/// however the body is cut; chunks and the result re-encode stably; each choice's text is
/// the concatenation of its content deltas; the snapshot equals the final result.
pub fn chat_chunk(input: &[u8]) {
    let (sizes, body) = input.split_at(input.len().min(4));
    let chunks: Vec<ChatChunk> = stream_events_of(body, sizes);
    let mut accumulator = ChatAccumulator::new();
    let mut expected: BTreeMap<u32, Option<String>> = BTreeMap::new();
    for chunk in &chunks {
        let _ = (chunk.content(), chunk.reasoning(), chunk.finish_reason());
        accumulator.push(chunk);
        for choice in &chunk.choices {
            let text = expected.entry(choice.index).or_default();
            if let Some(piece) = &choice.delta.content {
                text.get_or_insert_with(String::new).push_str(piece);
            }
        }
    }
    let snapshot = accumulator.snapshot();
    let (result, _error) = accumulator.finish_with_error();
    assert_eq!(
        serde_json::to_value(&snapshot).ok(),
        serde_json::to_value(&result).ok(),
        "the snapshot differs from the result"
    );
    let built: BTreeMap<u32, Option<String>> = result
        .choices
        .iter()
        .map(|choice| (choice.index, choice.message.content.clone()))
        .collect();
    assert_eq!(built, expected, "choice text differs from its deltas");
    let _ = (
        result.text(),
        result.tool_calls(),
        result.reasoning(),
        result.cost(),
    );
    assert_stable_round_trip(&result, !any_duplicate_keys(body));
}

/// Every other stream: Responses, Messages, legacy completions and images, each decoded
/// from a stream body and folded by its accumulator.
///
/// Input: one byte choosing the stream, four bytes of chunk sizes, then the SSE body.
/// Checks: no panic; the same stream however the body is cut; events and results
/// re-encode stably; a huge index must not allocate (libFuzzer's memory limit catches it).
pub fn stream_events(input: &[u8]) {
    let Some((&kind, rest)) = input.split_first() else {
        return;
    };
    let (sizes, body) = rest.split_at(rest.len().min(4));
    let strict = !any_duplicate_keys(body);
    match kind % 4 {
        0 => {
            let events: Vec<ResponsesEvent> = stream_events_of(body, sizes);
            for event in &events {
                let _ = event.text_delta();
            }
            let result = collect(&events);
            let _ = (result.output_text(), result.function_calls().count());
            let _ = result.reasoning_items().count();
            assert_stable_round_trip(&result, strict);
        }
        1 => {
            let events: Vec<MessagesStreamEvent> = stream_events_of(body, sizes);
            let result = collect(&events);
            let _ = (result.text(), result.thinking(), result.tool_uses().count());
            let _ = result.to_message();
            assert_stable_round_trip(&result, strict);
        }
        2 => {
            let events: Vec<CompletionChunk> = stream_events_of(body, sizes);
            let result = collect(&events);
            let _ = result.text();
            assert_stable_round_trip(&result, strict);
        }
        _ => {
            let events: Vec<ImageStreamEvent> = stream_events_of(body, sizes);
            let result = collect(&events);
            for image in &result.data {
                let _ = (image.data_url(), image.bytes());
            }
            assert_stable_round_trip(&result, strict);
        }
    }
}

// ---------------------------------------------------------------------------------------
// error bodies

/// Error responses: a status and a body read into the `ApiError` the client reports, and
/// success bodies that may hide an error object.
///
/// Input: two bytes of status, then the body. Checks: no panic (reading, displaying, every
/// accessor); a body that is not an error object is kept as text, never dropped; an error
/// object in a 2xx body becomes `Error::Api`.
pub fn error_body(input: &[u8]) {
    let Some((status, body)) = input.split_first_chunk::<2>() else {
        return;
    };
    let status = StatusCode::from_u16(100 + u16::from_be_bytes(*status) % 900)
        .expect("100..=999 is a valid status");
    let mut headers = HeaderMap::new();
    headers.insert("x-generation-id", HeaderValue::from_static("gen-fuzz"));
    let api = error_from_parts(status, headers, body, SystemTime::now());
    let parsed = serde_json::from_slice::<ErrorBody>(body).is_ok();
    if !parsed && !body.is_empty() {
        let kept = api.raw_body.as_deref().expect("the body is kept as text");
        let head = String::from_utf8_lossy(&body[..body.len().min(64)]);
        let head = head.trim_end_matches('\u{FFFD}');
        assert!(
            kept.starts_with(head),
            "the raw body starts as the body did"
        );
    }
    let _ = (api.kind(), api.code(), api.message(), api.generation_id());
    let _ = (api.is_context_length_exceeded(), api.guardrail_pipeline());
    if let Some(provider) = api.provider_error() {
        let _ = (format!("{provider:?}"), provider.raw_json());
    }
    if let Some(moderation) = api.moderation() {
        let _ = format!("{moderation:?}");
    }
    let _ = (api.error.kind_name(), api.error.error_type());
    let error = Error::Api(Box::new(api));
    let _ = (
        error.to_string(),
        format!("{error:?}"),
        error.is_retryable(),
    );

    // A success status whose body may be an error object or anything else.
    let ok = StatusCode::OK;
    match decode::<ChatResult>(body, ok) {
        Ok(result) => {
            let _ = result.text();
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
    if parsed && serde_json::from_slice::<ChatResult>(body).is_err() {
        assert!(
            matches!(decode::<ChatResult>(body, ok), Err(Error::Api(_))),
            "an error object under 200 is an API error"
        );
    }
    let _ = decode::<serde_json::Value>(body, ok);
}

// ---------------------------------------------------------------------------------------
// Retry-After

fn check_wait(wait: Option<Duration>) {
    if let Some(wait) = wait {
        assert!(wait <= MAX_RETRY_AFTER, "{wait:?} is over the cap");
        assert!(Instant::now().checked_add(wait).is_some());
        assert!(wait.checked_add(wait).is_some());
    }
}

/// The `Retry-After` / `retry-after-ms` parser.
///
/// Input: four bytes of "now" (seconds after the epoch), then a `Retry-After` value and a
/// `retry-after-ms` value separated by a NUL. Checks: no panic; the wait is never more than
/// `MAX_RETRY_AFTER`, so adding it to a clock or to another wait cannot overflow; whole
/// seconds are read exactly.
pub fn retry_after(input: &[u8]) {
    let Some((now, rest)) = input.split_first_chunk::<4>() else {
        return;
    };
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(u32::from_le_bytes(*now).into());
    let mut parts = rest.splitn(2, |&b| b == 0);
    let seconds = parts.next().unwrap_or_default();
    let millis = parts.next().unwrap_or_default();
    if let Ok(text) = std::str::from_utf8(seconds) {
        let wait = __fuzz::parse_retry_after(text, now);
        check_wait(wait);
        if let Ok(whole) = text.parse::<u32>() {
            assert_eq!(wait, Some(Duration::from_secs(whole.into())));
        }
    }
    let mut headers = HeaderMap::new();
    for (name, value) in [("retry-after", seconds), ("retry-after-ms", millis)] {
        if let Ok(value) = HeaderValue::from_bytes(value) {
            headers.insert(name, value);
        }
    }
    check_wait(__fuzz::retry_after(&headers, now));
}
