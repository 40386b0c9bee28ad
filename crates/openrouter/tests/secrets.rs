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

/// A one-request server that echoes the Authorization header back, in a header and in the
/// error message: the worst case for leaking a key.
async fn echoing_server() -> String {
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
                let body = format!(r#"{{"error":{{"code":400,"message":"rejected {auth}"}}}}"#);
                let response = format!(
                    "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nx-echo: {auth}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/api/v1")
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
