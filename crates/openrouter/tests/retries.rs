//! Retries and timeouts against the emulator's scripted faults.

mod support;

use std::time::{Duration, Instant};

use openrouter::{
    ApiErrorKind, Error, RequestOptions, RetryPolicy, TimeoutPhase, TransportErrorKind,
};
use openrouter_mock::{Fault, MockServer};
use support::{client_for, hello};

fn status_fault(status: u16) -> Fault {
    Fault::Status {
        status,
        message: None,
        retry_after: None,
        retry_after_ms: None,
    }
}

#[tokio::test]
async fn a_429_is_retried_after_the_delay_the_server_asked_for() {
    let server = MockServer::start().await;
    server.push_fault(Fault::Status {
        status: 429,
        message: None,
        retry_after: Some("1".into()),
        retry_after_ms: None,
    });
    let started = Instant::now();
    let result = client_for(&server).chat().create(&hello()).await.unwrap();
    assert!(!result.id.is_empty());
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "retried too early: {:?}",
        started.elapsed()
    );
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn retry_after_ms_takes_precedence_and_is_honoured() {
    let server = MockServer::start().await;
    server.push_fault(Fault::Status {
        status: 429,
        message: None,
        retry_after: Some("30".into()),
        retry_after_ms: Some(300),
    });
    let started = Instant::now();
    client_for(&server).chat().create(&hello()).await.unwrap();
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_secs(10),
        "{waited:?}"
    );
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_budget_ends_retries_with_the_wait_reported() {
    let server = MockServer::start().await;
    server.push_fault(Fault::Status {
        status: 429,
        message: Some("slow down".into()),
        retry_after: Some("120".into()),
        retry_after_ms: None,
    });
    let error = client_for(&server)
        .chat()
        .create(&hello())
        .await
        .unwrap_err();
    assert!(error.is_rate_limited());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_503_then_success_succeeds_on_the_second_attempt() {
    let server = MockServer::start().await;
    server.push_fault(status_fault(503));
    let result = client_for(&server).chat().create(&hello()).await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn persistent_5xx_gives_up_after_the_configured_retries_and_says_how_many() {
    let server = MockServer::start().await;
    for _ in 0..3 {
        server.push_fault(status_fault(502));
    }
    let error = client_for(&server)
        .chat()
        .create(&hello())
        .await
        .unwrap_err();
    assert_eq!(
        error.api().map(|e| e.kind()),
        Some(ApiErrorKind::BadGateway)
    );
    assert_eq!(error.attempts(), Some(3));
    assert_eq!(server.request_count(), 3);
    assert!(error.to_string().contains("after 3 attempts"), "{error}");
}

#[tokio::test]
async fn client_errors_are_never_retried() {
    for status in [400u16, 401, 402, 403, 404, 409, 413, 422] {
        let server = MockServer::start().await;
        server.push_fault(status_fault(status));
        let error = client_for(&server)
            .chat()
            .create(&hello())
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.attempts(), Some(1));
        assert_eq!(server.request_count(), 1, "status {status} was retried");
    }
}

#[tokio::test]
async fn a_connection_reset_before_headers_is_retried() {
    let server = MockServer::start().await;
    server.push_fault(Fault::ResetBeforeHeaders);
    let result = client_for(&server).chat().create(&hello()).await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_truncated_body_is_a_transport_error_and_is_not_resent() {
    let server = MockServer::start().await;
    server.push_fault(Fault::TruncatedBody);
    let error = client_for(&server)
        .chat()
        .create(&hello())
        .await
        .unwrap_err();
    match &error {
        Error::Transport(t) => assert_eq!(t.kind, TransportErrorKind::Body),
        other => panic!("expected a body error, got {other:?}"),
    }
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn slow_headers_trip_the_headers_timeout_and_are_retried() {
    let server = MockServer::start().await;
    server.push_fault(Fault::DelayHeaders(Duration::from_secs(2)));
    let options = RequestOptions::new().response_headers_timeout(Duration::from_millis(200));
    let result = client_for(&server)
        .chat()
        .with_options(options)
        .create(&hello())
        .await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_headers_timeout_without_retries_names_its_phase() {
    let server = MockServer::start().await;
    server.push_fault(Fault::DelayHeaders(Duration::from_secs(2)));
    let options = RequestOptions::new()
        .response_headers_timeout(Duration::from_millis(200))
        .retry(RetryPolicy::none());
    let error = client_for(&server)
        .chat()
        .with_options(options)
        .create(&hello())
        .await
        .unwrap_err();
    match &error {
        Error::Transport(t) => assert_eq!(
            t.kind,
            TransportErrorKind::Timeout(TimeoutPhase::ResponseHeaders)
        ),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(error.is_retryable());
}

#[tokio::test]
async fn the_total_timeout_bounds_a_non_streaming_call() {
    let server = MockServer::start().await;
    server.push_fault(Fault::Stall { after_chunks: 0 });
    let options = RequestOptions::new().timeout(Duration::from_millis(400));
    let started = Instant::now();
    let error = client_for(&server)
        .chat()
        .with_options(options)
        .create(&hello())
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    match &error {
        Error::Transport(t) => assert_eq!(t.kind, TransportErrorKind::Timeout(TimeoutPhase::Total)),
        other => panic!("expected a total timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn an_error_body_under_200_is_an_api_error() {
    let server = MockServer::start().await;
    server.push_fault(Fault::ErrorBodyOn200 {
        code: 502,
        message: "upstream went away".into(),
    });
    let error = client_for(&server)
        .chat()
        .create(&hello())
        .await
        .unwrap_err();
    let api = error.api().expect("an API error");
    assert_eq!(api.message(), "upstream went away");
    assert_eq!(api.kind(), ApiErrorKind::BadGateway);
    assert_eq!(server.request_count(), 1, "a 200 body is never resent");
}

#[tokio::test]
async fn a_malformed_body_is_a_decode_error_that_keeps_the_body() {
    let server = MockServer::start().await;
    server.push_fault(Fault::MalformedJson);
    match client_for(&server)
        .chat()
        .create(&hello())
        .await
        .unwrap_err()
    {
        Error::Decode(decode) => assert!(!decode.body.is_empty()),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_decode_error_after_a_retry_says_how_many_attempts_were_made() {
    let server = MockServer::start().await;
    server.push_fault(status_fault(503));
    server.push_fault(Fault::MalformedJson);
    let error = client_for(&server)
        .chat()
        .create(&hello())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    assert_eq!(error.attempts(), Some(2));
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn emulator_validation_errors_come_back_with_the_server_message() {
    let server = MockServer::start().await;
    let request = openrouter::types::chat::ChatRequest::new(
        "no-such/model",
        [openrouter::types::chat::Message::user("hi")],
    );
    let error = client_for(&server)
        .chat()
        .create(&request)
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    assert!(error.to_string().contains("no-such/model"), "{error}");
}
