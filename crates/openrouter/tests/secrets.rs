//! The API key never shows: not in Debug, Display, error text, or logs at any level, even
//! when a server echoes it back.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use openrouter::Client;
use openrouter_mock::MockServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const KEY: &str = "sk-or-v1-very-secret-0123456789abcdef";

/// Collects everything tracing writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What the echoing server answers, given the `Authorization` value it received.
type Answer = fn(&str) -> String;

/// A server that echoes the `Authorization` header back (in headers, messages, metadata,
/// bodies): the worst case for leaking a key. Each connection gets `answer(auth)`.
async fn echoing_server_with(answer: Answer) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buffer = vec![0u8; 64 * 1024];
                let mut read = 0;
                loop {
                    let n = socket.read(&mut buffer[read..]).await.unwrap_or(0);
                    read += n;
                    if n == 0 || buffer[..read].windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
                let text = String::from_utf8_lossy(&buffer[..read]).to_string();
                let auth = text
                    .lines()
                    .find_map(|l| l.strip_prefix("authorization: "))
                    .unwrap_or("")
                    .to_owned();
                let _ = socket.write_all(answer(&auth).as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/api/v1")
}

fn http(status: &str, content_type: &str, auth: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\nx-echo: {auth}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// A 400 whose message and header repeat the key.
async fn echoing_server() -> String {
    echoing_server_with(|auth| {
        let body = format!(r#"{{"error":{{"code":400,"message":"rejected {auth}"}}}}"#);
        http("400 Bad Request", "application/json", auth, &body)
    })
    .await
}

#[test]
fn the_key_is_absent_from_debug_output() {
    let builder = Client::builder().api_key(KEY);
    assert!(!format!("{builder:?}").contains(KEY));
    let client = builder.build().unwrap();
    assert!(!format!("{client:?}").contains(KEY));
}

#[tokio::test]
async fn the_key_is_absent_from_errors_and_logs_even_when_echoed() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let client = Client::builder()
        .api_key(KEY)
        .base_url(echoing_server().await)
        .build()
        .unwrap();
    let error = client.chat().create(&support::hello()).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    let api = error.api().unwrap();
    assert!(api.message().contains("[redacted]"), "{}", api.message());
    assert_eq!(api.headers.get("x-echo").unwrap(), "[redacted]");
    for text in [
        error.to_string(),
        format!("{error:?}"),
        format!("{error:#?}"),
    ] {
        assert!(!text.contains(KEY), "key leaked: {text}");
    }

    // A normal exchange and a failing one against the emulator, logged at TRACE.
    let server = MockServer::start().await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.base_url())
        .build()
        .unwrap();
    let failed = client.chat().create(&support::hello()).await.unwrap_err();
    assert!(!format!("{failed:?}").contains(KEY));
    let sent = server.requests();
    assert_eq!(
        sent[0].header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("openrouter.request"),
        "tracing captured nothing useful: {logs}"
    );
    assert!(!logs.contains(KEY), "key leaked into logs");
}

const MANAGEMENT: &str = "sk-or-v1-management-secret-fedcba9876543210";

/// Asserts neither key appears in any rendering of `value`.
fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(KEY), "API key leaked in {what}: {text}");
    assert!(
        !text.contains(MANAGEMENT),
        "management key leaked in {what}: {text}"
    );
}

fn assert_error_clean(error: &openrouter::Error) {
    assert_clean("Display", &error.to_string());
    assert_clean("Debug", &format!("{error:?}"));
    assert_clean("pretty Debug", &format!("{error:#?}"));
}

fn client_with_both_keys(base_url: String) -> Client {
    Client::builder()
        .api_key(KEY)
        .management_key(MANAGEMENT)
        .base_url(base_url)
        .retry(support::quick_retries())
        .build()
        .unwrap()
}

/// Runs `body` with every tracing event at every level captured, then checks the logs.
async fn with_captured_logs<F: std::future::Future<Output = ()>>(body: F) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    body.await;
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("openrouter.request"),
        "nothing logged: {logs}"
    );
    assert_clean("logs", &logs);
}

#[test]
fn the_management_key_is_absent_from_debug_output() {
    let builder = Client::builder().api_key(KEY).management_key(MANAGEMENT);
    assert_clean("builder Debug", &format!("{builder:?}"));
    let client = builder.build().unwrap();
    assert_clean("client Debug", &format!("{client:?}"));
    assert_clean("client pretty Debug", &format!("{client:#?}"));
}

#[tokio::test]
async fn a_management_key_echoed_by_the_server_is_redacted() {
    with_captured_logs(async {
        let client = client_with_both_keys(echoing_server().await);
        let error = client.keys().get("some-hash").await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
        let api = error.api().unwrap();
        assert!(api.message().contains("[redacted]"), "{}", api.message());
        assert_eq!(api.headers.get("x-echo").unwrap(), "[redacted]");
        assert_error_clean(&error);
    })
    .await;
}

#[tokio::test]
async fn retried_errors_with_echoed_keys_in_metadata_are_redacted_before_logging() {
    with_captured_logs(async {
        let client = client_with_both_keys(
            echoing_server_with(|auth| {
                let body = format!(
                    r#"{{"error":{{"code":503,"message":"busy","metadata":{{"raw":"upstream saw {auth}","provider_name":"P"}}}},"user_id":"u","echo":["{auth}"]}}"#
                );
                http("503 Service Unavailable", "application/json", auth, &body)
            })
            .await,
        );
        let error = client.chat().create(&support::hello()).await.unwrap_err();
        let api = error.api().unwrap();
        assert_eq!(api.attempts, 3, "the 503 is retried twice");
        let metadata = serde_json::to_string(&api.error.metadata).unwrap();
        assert!(metadata.contains("[redacted]"), "{metadata}");
        assert_clean("metadata", &metadata);
        assert_clean("extra", &serde_json::to_string(&api.extra).unwrap());
        assert_error_clean(&error);
    })
    .await;
}

#[tokio::test]
async fn a_success_response_echoing_the_key_in_a_header_is_redacted() {
    let client = client_with_both_keys(
        echoing_server_with(|auth| {
            let body =
                r#"{"id":"gen-1","object":"chat.completion","created":1,"model":"m","choices":[]}"#;
            http("200 OK", "application/json", auth, body)
        })
        .await,
    );
    let response = client
        .chat()
        .create_with_response(&support::hello())
        .await
        .unwrap();
    assert_eq!(response.headers.get("x-echo").unwrap(), "[redacted]");
    assert_clean("response Debug", &format!("{response:?}"));

    let speech = openrouter::types::audio::SpeechRequest::new("m", "hi");
    let bytes = client.audio().speech_with_response(&speech).await.unwrap();
    assert_eq!(bytes.headers.get("x-echo").unwrap(), "[redacted]");
    assert_clean("binary response Debug", &format!("{bytes:?}"));
}

#[tokio::test]
async fn a_body_that_fails_to_decode_with_the_key_in_it_is_redacted() {
    with_captured_logs(async {
        let client = client_with_both_keys(
            echoing_server_with(|auth| {
                let body = format!(r#"{{"id": 42, "choices": "{auth}"}}"#);
                http("200 OK", "application/json", "-", &body)
            })
            .await,
        );
        let error = client.chat().create(&support::hello()).await.unwrap_err();
        let decode = match &error {
            openrouter::Error::Decode(decode) => decode,
            other => panic!("expected a decode error, got {other:?}"),
        };
        assert!(decode.body.contains("[redacted]"), "{}", decode.body);
        assert_error_clean(&error);
    })
    .await;
}

#[tokio::test]
async fn an_in_stream_error_echoing_the_key_is_redacted() {
    use futures_util::StreamExt;
    with_captured_logs(async {
        let client = client_with_both_keys(
            echoing_server_with(|auth| {
                let body = format!(
                    "data: {{\"error\":{{\"code\":502,\"message\":\"provider rejected {auth}\",\"metadata\":{{\"raw\":\"{auth}\"}}}}}}\n\n"
                );
                http("200 OK", "text/event-stream", auth, &body)
            })
            .await,
        );
        let mut stream = client.chat().stream(&support::hello()).await.unwrap();
        assert_eq!(stream.headers().get("x-echo").unwrap(), "[redacted]");
        let error = stream.next().await.unwrap().unwrap_err();
        let api = error.api().unwrap();
        assert!(api.in_stream);
        assert!(api.message().contains("[redacted]"), "{}", api.message());
        assert_eq!(api.headers.get("x-echo").unwrap(), "[redacted]");
        assert_error_clean(&error);
    })
    .await;
}

#[tokio::test]
async fn panic_messages_do_not_carry_the_key() {
    let client = client_with_both_keys(echoing_server().await);
    let result = client.chat().create(&support::hello()).await;
    let message = std::panic::catch_unwind(move || {
        result.unwrap();
    })
    .expect_err("unwrapping the error panics");
    let text = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(text.contains("[redacted]"), "{text}");
    assert_clean("panic message", &text);
}

#[test]
fn a_malformed_key_is_rejected_without_repeating_it() {
    let bad = format!("{KEY}\nInjected: header");
    let error = Client::builder()
        .api_key(bad.as_str())
        .base_url("http://127.0.0.1:9/api/v1")
        .build()
        .map(|_| ());
    let text = match error {
        Err(error) => format!("{error} {error:?}"),
        Ok(()) => String::new(),
    };
    assert_clean("configuration error", &text);
}
