//! Client-side fallback against the emulator: which errors move to the next model, what each
//! attempt records, and streams that fall back only before their first chunk.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use futures_util::StreamExt;
use openrouter::fallback::{falls_back_by_default, FallbackError, FallbackPolicy};
use openrouter::schema::schemars::{self, JsonSchema};
use openrouter::structured::StructuredErrorKind;
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::types::responses::ResponsesRequest;
use openrouter::{ApiErrorKind, Client, Error, RetryPolicy};
use openrouter_mock::{CannedOutput, Fault, MockServer};
use serde::Deserialize;
use support::client_for;

const A: &str = "openai/gpt-4.1-mini";
const B: &str = "anthropic/claude-3.5-haiku";
const C: &str = "google/gemini-2.5-flash-lite";

/// A client that does not retry, so each fault costs exactly one attempt.
fn no_retries(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn request() -> ChatRequest {
    ChatRequest::new(A, [Message::user("Which model are you?")])
}

fn policy() -> FallbackPolicy {
    FallbackPolicy::new([A, B, C])
}

/// The `model` of every chat request the emulator received, in order.
fn models_sent(server: &MockServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter_map(|r| r.json()?.get("model")?.as_str().map(str::to_owned))
        .collect()
}

fn fallback_error(error: Error) -> FallbackError {
    match error {
        Error::Fallback(error) => *error,
        other => panic!("expected a fallback error, got {other:?}"),
    }
}

fn status(error: Option<&Error>) -> Option<u16> {
    error?.status().map(|s| s.as_u16())
}

#[tokio::test]
async fn a_429_falls_back_to_the_next_model_and_both_attempts_are_recorded() {
    let server = MockServer::start().await;
    server.push_fault(Fault::status(429));
    let outcome = no_retries(&server)
        .chat()
        .create_with_fallback(&request(), &policy())
        .await
        .unwrap();
    assert_eq!(outcome.model, B);
    assert_eq!(outcome.value.model, B);
    assert!(outcome.fell_back());
    assert_eq!(outcome.attempts.len(), 2);
    assert_eq!(outcome.attempts[0].model, A);
    assert!(outcome.attempts[0]
        .error
        .as_ref()
        .is_some_and(Error::is_rate_limited));
    assert_eq!(outcome.attempts[1].model, B);
    assert!(outcome.attempts[1].succeeded());
    assert_eq!(models_sent(&server), [A, B]);
}

#[tokio::test]
async fn each_model_gets_its_retries_before_the_next_one() {
    let server = MockServer::start().await;
    for _ in 0..3 {
        server.push_fault(Fault::status(503));
    }
    let outcome = client_for(&server)
        .chat()
        .create_with_fallback(&request(), &policy())
        .await
        .unwrap();
    assert_eq!(outcome.model, B);
    let first = outcome.attempts[0].error.as_ref().unwrap();
    assert_eq!(first.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(first.attempts(), Some(3));
    assert_eq!(models_sent(&server), [A, A, A, B]);
}

#[tokio::test]
async fn when_every_model_fails_the_error_carries_every_attempt() {
    let server = MockServer::start().await;
    server.push_fault(Fault::status(502));
    server.push_fault(Fault::status(529));
    server.push_fault(Fault::status(402));
    let error = no_retries(&server)
        .chat()
        .create_with_fallback(&request(), &policy())
        .await
        .unwrap_err();
    let text = error.to_string();
    let error = fallback_error(error);
    assert!(error.exhausted);
    let seen: Vec<(&str, Option<u16>)> = error
        .attempts
        .iter()
        .map(|a| (a.model.as_str(), status(a.error.as_ref())))
        .collect();
    assert_eq!(seen, [(A, Some(502)), (B, Some(529)), (C, Some(402))]);
    assert_eq!(status(error.last_error()), Some(402));
    assert!(text.starts_with("all 3 models failed"), "{text}");
    for model in [A, B, C] {
        assert!(text.contains(model), "{text}");
    }
    assert_eq!(models_sent(&server), [A, B, C]);
}

#[tokio::test]
async fn a_400_stops_at_once() {
    let server = MockServer::start().await;
    server.push_fault(Fault::status(400).with_message("Invalid request"));
    let error = no_retries(&server)
        .chat()
        .create_with_fallback(&request(), &policy())
        .await
        .unwrap_err();
    // Nothing else was tried: the error is the model's own.
    assert_eq!(
        error.api().map(|api| api.kind()),
        Some(ApiErrorKind::BadRequest)
    );
    assert_eq!(models_sent(&server), [A]);
}

#[tokio::test]
async fn a_400_after_a_fallback_stops_and_keeps_the_earlier_attempt() {
    let server = MockServer::start().await;
    server.push_fault(Fault::status(503));
    server.push_fault(Fault::status(401));
    let error = fallback_error(
        no_retries(&server)
            .chat()
            .create_with_fallback(&request(), &policy())
            .await
            .unwrap_err(),
    );
    assert!(!error.exhausted);
    let statuses: Vec<_> = error.errors().map(|(m, e)| (m, status(Some(e)))).collect();
    assert_eq!(statuses, [(A, Some(503)), (B, Some(401))]);
    assert!(error.to_string().contains("fallback stopped"));
    assert_eq!(models_sent(&server), [A, B]);
}

#[tokio::test]
async fn a_stream_falls_back_on_an_error_status_or_an_error_as_first_event() {
    let server = MockServer::start().await;
    let client = no_retries(&server);
    server.push_fault(Fault::status(503));
    server.push_fault(Fault::mid_stream_error(0, 502, "Upstream failed"));
    let outcome = client
        .chat()
        .stream_with_fallback(&request(), &policy())
        .await
        .unwrap();
    assert_eq!(outcome.model, C);
    assert_eq!(status(outcome.attempts[0].error.as_ref()), Some(503));
    let in_stream = outcome.attempts[1].error.as_ref().and_then(Error::api);
    assert!(in_stream.is_some_and(|api| api.in_stream && api.kind() == ApiErrorKind::BadGateway));
    let result = outcome.value.collect_result().await.unwrap();
    assert_eq!(result.model, C);
    assert!(result
        .text()
        .is_some_and(|t| t.contains("Which model are you?")));
    assert_eq!(models_sent(&server), [A, B, C]);
}

#[tokio::test]
async fn a_stream_that_started_does_not_fall_back() {
    let server = MockServer::start().await;
    server.push_fault(Fault::mid_stream_error(2, 502, "Upstream failed"));
    let outcome = no_retries(&server)
        .chat()
        .stream_with_fallback(&request(), &policy())
        .await
        .unwrap();
    assert_eq!(outcome.model, A);
    assert_eq!(outcome.attempts.len(), 1);
    let mut stream = outcome.value;
    let mut chunks = 0;
    let mut failure = None;
    while let Some(item) = stream.next().await {
        match item {
            Ok(_) => chunks += 1,
            Err(error) => failure = Some(error),
        }
    }
    assert_eq!(chunks, 2, "the first chunk is yielded too");
    let failure = failure.expect("the error after the second chunk arrives in the stream");
    assert!(
        failure
            .api()
            .is_some_and(|api| api.in_stream && api.kind() == ApiErrorKind::BadGateway),
        "{failure:?}"
    );
    assert_eq!(models_sent(&server), [A]);
}

#[derive(Debug, Deserialize, JsonSchema)]
struct Answer {
    model_name: String,
}

#[tokio::test]
async fn parse_falls_back_on_a_mismatch_but_not_on_a_refusal() {
    let server = MockServer::start().await;
    let client = no_retries(&server);
    server.push_canned_output(CannedOutput::text(r#"{"model": 1}"#));
    let outcome = client
        .chat()
        .parse_with_fallback::<Answer>(&request(), &policy())
        .await
        .unwrap();
    assert_eq!(outcome.model, B);
    assert_eq!(outcome.value.value.model_name, "example");
    let first = match &outcome.attempts[0].error {
        Some(Error::Structured(error)) => error,
        other => panic!("{other:?}"),
    };
    assert!(matches!(first.kind, StructuredErrorKind::Mismatch { .. }));
    assert_eq!(first.raw, r#"{"model": 1}"#);

    server.push_canned_output(CannedOutput::refusal("No."));
    let error = client
        .chat()
        .parse_with_fallback::<Answer>(&request(), &policy())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Structured(e) if e.is_refusal()));
    assert_eq!(models_sent(&server)[2..], [A]);
}

#[tokio::test]
async fn the_rule_can_be_replaced_and_the_runner_takes_any_call() {
    let server = MockServer::start().await;
    let client = no_retries(&server);
    let client = &client;
    // A 404 does not fall back by default; this policy says it does.
    let policy = FallbackPolicy::new([A, B])
        .fall_back_when(|e| falls_back_by_default(e) || e.status().is_some_and(|s| s == 404));
    server.push_fault(Fault::status(404));
    let calls = AtomicUsize::new(0);
    let calls = &calls;
    let outcome = policy
        .run(|model| async move {
            calls.fetch_add(1, Ordering::SeqCst);
            client
                .responses()
                .create(&ResponsesRequest::new(model, "Hello"))
                .await
        })
        .await
        .unwrap();
    assert_eq!(outcome.model, B);
    assert_eq!(outcome.value.model, B);
    assert_eq!(calls.load(Ordering::SeqCst), 2);

    server.push_fault(Fault::status(404));
    let error = client
        .chat()
        .create_with_fallback(&request(), &FallbackPolicy::new([A, B]))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn a_policy_without_models_is_refused_before_sending() {
    let server = MockServer::start().await;
    let error = no_retries(&server)
        .chat()
        .create_with_fallback(&request(), &FallbackPolicy::new(Vec::<String>::new()))
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::InvalidRequest(ref m) if m.contains("no models")),
        "{error}"
    );
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn a_connection_failure_falls_back() {
    // A port with nothing listening: every attempt fails to connect.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = Client::builder()
        .api_key("sk-or-v1-test")
        .base_url(format!("http://{addr}/api/v1"))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let error = fallback_error(
        client
            .chat()
            .create_with_fallback(&request(), &FallbackPolicy::new([A, B]))
            .await
            .unwrap_err(),
    );
    assert!(error.exhausted);
    assert_eq!(error.attempts.len(), 2);
    assert!(error
        .errors()
        .all(|(_, e)| matches!(e, Error::Transport(t) if t.kind == openrouter::TransportErrorKind::Connect)));
}
