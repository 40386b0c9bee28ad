//! Every fault, queued and selected by header.

mod common;

use std::time::{Duration, Instant};

use common::{chat, chat_with, chunks, hello, streamed_content};
use openrouter_mock::{Fault, MockServer};
use serde_json::{json, Value};

fn streaming(model: &str) -> Value {
    let mut body = hello(model);
    body["stream"] = json!(true);
    body
}

#[tokio::test]
async fn status_fault_sends_error_body_and_retry_headers() {
    let server = MockServer::start().await;
    server.push_fault(
        Fault::status(429)
            .with_retry_after("1")
            .with_retry_after_ms(1500),
    );
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "1");
    assert_eq!(resp.headers()["retry-after-ms"], "1500");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 429);
    assert_eq!(v["error"]["message"], "Rate limit exceeded");

    // Consumed: the next request is normal.
    assert_eq!(chat(&server, &hello("openai/gpt-4o")).await.status(), 200);

    let resp = chat_with(
        &server,
        &hello("openai/gpt-4o"),
        &[(
            "x-mock-fault",
            "status=503;retry-after=Wed, 21 Oct 2015 07:28:00 GMT",
        )],
    )
    .await;
    assert_eq!(resp.status(), 503);
    assert_eq!(
        resp.headers()["retry-after"],
        "Wed, 21 Oct 2015 07:28:00 GMT"
    );
    assert!(resp.headers().get("retry-after-ms").is_none());

    let resp = chat_with(
        &server,
        &hello("openai/gpt-4o"),
        &[("x-mock-fault", "status=502;message=Upstream broke")],
    )
    .await;
    let v: Value = resp.json().await.unwrap();
    assert_eq!(
        v,
        json!({"error": {"code": 502, "message": "Upstream broke"}})
    );
}

#[tokio::test]
async fn queued_faults_apply_in_order_one_per_request() {
    let server = MockServer::start().await;
    server.push_fault(Fault::status(500));
    server.push_fault(Fault::status(529));
    let first = chat(&server, &hello("openai/gpt-4o")).await.status();
    let second = chat(&server, &hello("openai/gpt-4o")).await.status();
    let third = chat(&server, &hello("openai/gpt-4o")).await.status();
    assert_eq!(
        [first.as_u16(), second.as_u16(), third.as_u16()],
        [500, 529, 200]
    );
}

#[tokio::test]
async fn unparseable_fault_header_is_a_400_that_says_why() {
    let server = MockServer::start().await;
    let resp = chat_with(
        &server,
        &hello("openai/gpt-4o"),
        &[("x-mock-fault", "explode=1")],
    )
    .await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown fault `explode`"));
}

#[tokio::test]
async fn delay_headers_waits_then_answers() {
    let server = MockServer::start().await;
    let start = Instant::now();
    let resp = chat_with(
        &server,
        &hello("openai/gpt-4o"),
        &[("x-mock-fault", "delay-headers-ms=200")],
    )
    .await;
    assert!(start.elapsed() >= Duration::from_millis(190));
    assert_eq!(resp.status(), 200);

    server.push_fault(Fault::delay_headers(Duration::from_millis(150)));
    let start = Instant::now();
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert!(start.elapsed() >= Duration::from_millis(140));
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn keep_alives_come_before_the_payload() {
    let server = MockServer::start().await;
    let text = chat_with(
        &server,
        &streaming("openai/gpt-4o"),
        &[("x-mock-fault", "keep-alives=5;interval-ms=10")],
    )
    .await
    .text()
    .await
    .unwrap();
    let prefix = ": OPENROUTER PROCESSING\n\n".repeat(5);
    assert!(text.starts_with(&prefix), "{text}");
    assert!(text[prefix.len()..].starts_with("data: {"));
    assert!(text.ends_with("data: [DONE]\n\n"));

    server.push_fault(Fault::keep_alives(3, Duration::from_millis(10)));
    let text = chat(&server, &hello("openai/gpt-4o"))
        .await
        .text()
        .await
        .unwrap();
    assert!(text.starts_with(&"\n         \n".repeat(3)));
    let v: Value = serde_json::from_str(text.trim_start()).unwrap();
    assert_eq!(v["object"], "chat.completion");
}

#[tokio::test]
async fn mid_stream_error_chunk_follows_k_chunks_then_done() {
    let server = MockServer::start().await;
    let text = chat_with(
        &server,
        &streaming("openai/gpt-4o"),
        &[("x-mock-fault", "mid-stream-error=2;code=502")],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(text.ends_with("data: [DONE]\n\n"));
    let chunks = chunks(&text);
    assert_eq!(chunks.len(), 3);
    assert!(chunks[..2].iter().all(|c| c.get("error").is_none()));
    let err = &chunks[2];
    assert_eq!(err["error"]["code"], 502);
    assert!(err["error"]["message"].is_string());
    assert_eq!(err["object"], "chat.completion.chunk");
    assert_eq!(err["id"], chunks[0]["id"]);
    assert_eq!(err["choices"][0]["finish_reason"], "error");
    assert_eq!(err["choices"][0]["delta"]["content"], "");
}

#[tokio::test]
async fn a_responses_stream_fails_with_the_responses_error_event() {
    let server = MockServer::start().await;
    server.push_fault(Fault::mid_stream_error(2, 502, "provider disconnected"));
    let text = common::client()
        .post(format!("{}/responses", server.base_url()))
        .bearer_auth(server.api_key())
        .json(&json!({"model": "openai/gpt-4o", "input": "Tell me about cats", "stream": true}))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.ends_with("data: [DONE]\n\n"));
    let events = chunks(&text);
    assert_eq!(events.len(), 3);
    assert_eq!(events[0]["type"], "response.created");
    assert_eq!(
        events[2],
        json!({
            "type": "error",
            "code": "502",
            "message": "provider disconnected",
            "param": null,
            "sequence_number": 2,
        })
    );
}

#[tokio::test]
async fn stall_keeps_the_connection_open_without_data() {
    let server = MockServer::start().await;
    server.push_fault(Fault::stall(1));
    let mut resp = chat(&server, &streaming("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 200);
    let first = tokio::time::timeout(Duration::from_secs(5), resp.chunk())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(first.starts_with(b"data: {"));
    let next = tokio::time::timeout(Duration::from_millis(300), resp.chunk()).await;
    assert!(next.is_err(), "nothing arrives after the stall");
    drop(resp);
    assert!(server.wait_for_disconnects(1, Duration::from_secs(5)).await);

    server.push_fault(Fault::stall(0));
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 200);
    assert!(
        tokio::time::timeout(Duration::from_millis(300), resp.bytes())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn reset_before_headers_gives_no_status() {
    let server = MockServer::start().await;
    server.push_fault(Fault::ResetBeforeHeaders);
    let err = common::client()
        .post(format!("{}/chat/completions", server.base_url()))
        .bearer_auth(server.api_key())
        .json(&hello("openai/gpt-4o"))
        .send()
        .await
        .unwrap_err();
    assert!(err.status().is_none());
    assert!(!err.is_timeout());

    let err = common::client()
        .post(format!("{}/chat/completions", server.base_url()))
        .bearer_auth(server.api_key())
        .header("x-mock-fault", "reset-before-headers")
        .json(&hello("openai/gpt-4o"))
        .send()
        .await
        .unwrap_err();
    assert!(err.status().is_none());
    // The server keeps working afterwards.
    assert_eq!(chat(&server, &hello("openai/gpt-4o")).await.status(), 200);
}

#[tokio::test]
async fn reset_after_chunks_breaks_the_body() {
    let server = MockServer::start().await;
    let mut resp = chat_with(
        &server,
        &streaming("openai/gpt-4o"),
        &[("x-mock-fault", "reset-after=2")],
    )
    .await;
    assert_eq!(resp.status(), 200);
    let mut received = Vec::new();
    let err = loop {
        match resp.chunk().await {
            Ok(Some(c)) => received.extend_from_slice(&c),
            Ok(None) => panic!("body ended cleanly: {}", String::from_utf8_lossy(&received)),
            Err(e) => break e,
        }
    };
    assert!(
        err.is_body() || err.is_decode() || err.is_request(),
        "{err:?}"
    );
    let text = String::from_utf8_lossy(&received);
    assert_eq!(text.matches("data: {").count(), 2, "{text}");
    assert!(!text.contains("[DONE]"));
    // A deliberate abort is not a client disconnect.
    assert_eq!(server.disconnects(), 0);
}

#[tokio::test]
async fn truncated_body_fails_to_read() {
    let server = MockServer::start().await;
    server.push_fault(Fault::TruncatedBody);
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 200);
    let announced: usize = resp.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(announced > 0);
    assert!(resp.bytes().await.is_err());
}

#[tokio::test]
async fn malformed_json_is_not_json() {
    let server = MockServer::start().await;
    server.push_fault(Fault::MalformedJson);
    let resp = chat(&server, &hello("openai/gpt-4o")).await;
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err());

    let text = chat_with(
        &server,
        &streaming("openai/gpt-4o"),
        &[("x-mock-fault", "malformed-json")],
    )
    .await
    .text()
    .await
    .unwrap();
    let bad = common::data_events(&text)
        .into_iter()
        .filter(|d| d != "[DONE]")
        .filter(|d| serde_json::from_str::<Value>(d).is_err())
        .count();
    assert_eq!(bad, 1);
}

#[tokio::test]
async fn split_utf8_arrives_in_pieces_and_reassembles() {
    let server = MockServer::start().await;
    server.push_fault(Fault::SplitUtf8);
    let mut resp = chat(&server, &streaming("openai/gpt-4o")).await;
    let mut reads = Vec::new();
    while let Some(c) = resp.chunk().await.unwrap() {
        reads.push(c);
    }
    let cut_inside = reads
        .iter()
        .filter(|r| std::str::from_utf8(r).is_err())
        .count();
    assert!(
        cut_inside >= 2,
        "some reads end inside a character ({} reads)",
        reads.len()
    );
    let all: Vec<u8> = reads.iter().flat_map(|r| r.iter().copied()).collect();
    let text = String::from_utf8(all).unwrap();
    let content = streamed_content(&chunks(&text));
    assert!(content.starts_with("héllo wörld ✓ 日本"), "{content}");
    assert!(text.ends_with("data: [DONE]\n\n"));

    server.push_fault(Fault::SplitUtf8);
    let v: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        v["choices"][0]["message"]["content"].as_str(),
        Some(content.as_str())
    );
}

#[tokio::test]
async fn error_body_on_200() {
    let server = MockServer::start().await;
    let resp = chat_with(
        &server,
        &hello("openai/gpt-4o"),
        &[("x-mock-fault", "error-on-200=400")],
    )
    .await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 400);
    assert!(v["error"]["message"].is_string());

    server.push_fault(Fault::error_body_on_200(502, "Provider returned error"));
    let v: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        v,
        json!({"error": {"code": 502, "message": "Provider returned error"}})
    );
}

#[tokio::test]
async fn slow_chunks_space_out_events() {
    let server = MockServer::start().await;
    let start = Instant::now();
    let text = chat_with(
        &server,
        &streaming("openai/gpt-4o"),
        &[("x-mock-fault", "slow-chunks-ms=30")],
    )
    .await
    .text()
    .await
    .unwrap();
    let events = common::data_events(&text).len();
    assert!(start.elapsed() >= Duration::from_millis(30 * (events as u64 - 1)));
}

#[tokio::test]
async fn dropping_a_stream_midway_is_counted_as_a_disconnect() {
    let server = MockServer::start().await;
    // A finished stream is not a disconnect.
    let _ = chat(&server, &streaming("openai/gpt-4o"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(server.disconnects(), 0);

    server.push_fault(Fault::slow_chunks(Duration::from_millis(200)));
    let mut resp = chat(&server, &streaming("openai/gpt-4o")).await;
    let first = resp.chunk().await.unwrap().unwrap();
    assert!(first.starts_with(b"data: "));
    drop(resp);
    assert!(server.wait_for_disconnects(1, Duration::from_secs(5)).await);
    assert_eq!(server.disconnects(), 1);
    assert!(
        !server
            .wait_for_disconnects(2, Duration::from_millis(100))
            .await
    );
}
