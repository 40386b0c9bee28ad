//! Streaming against the emulator: faults, timeouts, keep-alives, disconnects.

mod support;

use std::time::Duration;

use futures_util::StreamExt;
use openrouter::stream::StreamEvent;
use openrouter::{Error, RequestOptions, TimeoutPhase, TransportErrorKind};
use openrouter_mock::{Fault, MockServer};
use support::{client_for, hello};

#[tokio::test]
async fn a_stream_accumulates_to_the_same_text_as_a_plain_call() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let plain = client.chat().create(&hello()).await.unwrap();
    let streamed = client
        .chat()
        .stream(&hello())
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert!(plain.text().is_some_and(|t| !t.is_empty()));
    assert_eq!(streamed.text(), plain.text());
    let usage = streamed.usage.as_ref().expect("usage from the final chunk");
    assert!(usage.total_tokens > 0);
    let sent = server.requests();
    assert_eq!(sent[1].json().unwrap()["stream"], true);
    assert_eq!(sent[1].header("accept"), Some("text/event-stream"));
    assert!(sent[0].json().unwrap().get("stream").is_none());
}

#[tokio::test]
async fn the_generation_id_is_known_from_the_header() {
    let server = MockServer::start().await;
    let stream = client_for(&server).chat().stream(&hello()).await.unwrap();
    let id = stream.generation_id().expect("generation id").to_owned();
    assert!(id.starts_with("gen-"), "{id}");
    let result = stream.collect_result().await.unwrap();
    assert_eq!(result.id, id);
}

#[tokio::test]
async fn a_mid_stream_error_ends_the_stream_with_its_code() {
    let server = MockServer::start().await;
    server.push_fault(Fault::MidStreamError {
        after_chunks: 2,
        code: 502,
        message: "provider disconnected".into(),
    });
    let mut stream = client_for(&server).chat().stream(&hello()).await.unwrap();
    let mut chunks = 0;
    let error = loop {
        match stream.next().await {
            Some(Ok(_)) => chunks += 1,
            Some(Err(error)) => break error,
            None => panic!("the stream ended without surfacing the error"),
        }
    };
    assert_eq!(chunks, 2);
    let api = error.api().expect("an API error");
    assert!(api.in_stream);
    assert_eq!(api.code().and_then(|c| c.as_number()), Some(502));
    assert_eq!(api.message(), "provider disconnected");
    assert!(error.is_retryable());
    assert!(stream.next().await.is_none(), "nothing after the error");
}

#[tokio::test]
async fn a_reset_mid_stream_is_a_transport_error_and_is_not_retried() {
    let server = MockServer::start().await;
    server.push_fault(Fault::ResetAfterChunks { after_chunks: 2 });
    let stream = client_for(&server).chat().stream(&hello()).await.unwrap();
    match stream.collect_result().await.unwrap_err() {
        Error::Transport(t) => assert_eq!(t.kind, TransportErrorKind::Body),
        other => panic!("expected a body error, got {other:?}"),
    }
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_stall_trips_the_idle_timeout() {
    let server = MockServer::start().await;
    server.push_fault(Fault::Stall { after_chunks: 1 });
    let options = RequestOptions::new().stream_idle_timeout(Duration::from_millis(300));
    let stream = client_for(&server)
        .chat()
        .with_options(options)
        .stream(&hello())
        .await
        .unwrap();
    match stream.collect_result().await.unwrap_err() {
        Error::Transport(t) => assert_eq!(
            t.kind,
            TransportErrorKind::Timeout(TimeoutPhase::StreamIdle)
        ),
        other => panic!("expected an idle timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn keep_alives_for_longer_than_the_idle_timeout_keep_the_stream_alive() {
    let server = MockServer::start().await;
    server.push_fault(Fault::KeepAlives {
        count: 8,
        interval: Duration::from_millis(100),
    });
    let options = RequestOptions::new().stream_idle_timeout(Duration::from_millis(300));
    let mut events = client_for(&server)
        .chat()
        .with_options(options)
        .stream(&hello())
        .await
        .unwrap()
        .events();
    let (mut keep_alives, mut chunks) = (0, 0);
    while let Some(event) = events.next().await {
        match event.unwrap() {
            StreamEvent::KeepAlive(text) => {
                keep_alives += 1;
                assert_eq!(text, "OPENROUTER PROCESSING");
            }
            StreamEvent::Data(_) => chunks += 1,
            _ => {}
        }
    }
    assert_eq!(keep_alives, 8);
    assert_eq!(events.stream().keep_alives(), 8);
    assert!(chunks > 0);
}

#[tokio::test]
async fn utf8_split_across_network_writes_arrives_intact() {
    let server = MockServer::start().await;
    server.push_fault(Fault::SplitUtf8);
    let result = client_for(&server)
        .chat()
        .stream(&hello())
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    let text = result.text().unwrap_or_default().to_owned();
    assert!(!text.contains('\u{FFFD}'), "{text}");
    assert!(
        text.chars().any(|c| c.len_utf8() > 1),
        "expected multi-byte text, got {text}"
    );
}

#[tokio::test]
async fn a_malformed_event_is_a_decode_error() {
    let server = MockServer::start().await;
    server.push_fault(Fault::MalformedJson);
    let stream = client_for(&server).chat().stream(&hello()).await.unwrap();
    assert!(matches!(
        stream.collect_result().await,
        Err(Error::Decode(_))
    ));
}

#[tokio::test]
async fn dropping_a_stream_closes_the_connection() {
    let server = MockServer::start().await;
    server.push_fault(Fault::SlowChunks(Duration::from_millis(200)));
    let mut stream = client_for(&server).chat().stream(&hello()).await.unwrap();
    let first = stream.next().await.expect("a first chunk");
    assert!(first.is_ok());
    drop(stream);
    assert!(
        server.wait_for_disconnects(1, Duration::from_secs(5)).await,
        "the emulator never saw the client go away"
    );
}

#[tokio::test]
async fn a_stream_that_fails_before_starting_is_retried() {
    let server = MockServer::start().await;
    server.push_fault(Fault::Status {
        status: 503,
        message: None,
        retry_after: None,
        retry_after_ms: None,
    });
    let result = client_for(&server)
        .chat()
        .stream(&hello())
        .await
        .unwrap()
        .collect_result()
        .await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_stream_read_to_its_end_gives_its_connection_back() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    for _ in 0..5 {
        let mut stream = client.chat().stream(&hello()).await.unwrap();
        while let Some(chunk) = stream.next().await {
            chunk.unwrap();
        }
        // Dropped at once, as a caller does after the last chunk. The pool takes the
        // connection back on its own task: give it a moment.
        drop(stream);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let followed = client.chat().create(&hello()).await.unwrap();
    assert!(followed.text().is_some());
    assert_eq!(server.request_count(), 6);
    assert_eq!(
        server.connections(),
        1,
        "each stream, read to [DONE], should leave its connection to the next request"
    );
}

#[tokio::test]
async fn a_mid_stream_error_after_a_retried_start_counts_every_attempt() {
    let server = MockServer::start().await;
    server.push_fault(Fault::status(503));
    server.push_fault(Fault::mid_stream_error(1, 502, "Upstream failed"));
    let mut stream = client_for(&server).chat().stream(&hello()).await.unwrap();
    let error = loop {
        match stream.next().await.expect("the stream ends with its error") {
            Ok(_) => continue,
            Err(error) => break error,
        }
    };
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(
        error
            .api()
            .and_then(|api| api.code())
            .and_then(|c| c.as_number()),
        Some(502)
    );
    assert_eq!(error.attempts(), Some(2));
    assert_eq!(server.request_count(), 2);
}
