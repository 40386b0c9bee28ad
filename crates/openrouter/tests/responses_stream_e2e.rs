//! Real captured Responses streams, and in-band errors, served over HTTP in awkward pieces
//! through the whole client: transport, SSE decoder, typed events, accumulator.

use std::path::PathBuf;

use futures_util::StreamExt;
use openrouter::types::responses::{ResponsesEvent, ResponsesEventKind, ResponsesRequest};
use openrouter::Client;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves `body` once as an SSE response, written in pieces of `piece` bytes.
async fn serve_once(body: Vec<u8>, piece: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let Ok((mut socket, _)) = listener.accept().await else {
            return;
        };
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        // Read the headers and the announced body so the client is not cut off mid-send.
        loop {
            let n = socket.read(&mut buffer).await.unwrap_or(0);
            if n == 0 {
                return;
            }
            request.extend_from_slice(&buffer[..n]);
            if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&request[..end]).to_ascii_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                if request.len() >= end + 4 + length {
                    break;
                }
            }
        }
        let head =
            "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
        if socket.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        for part in body.chunks(piece) {
            if socket.write_all(part).await.is_err() || socket.flush().await.is_err() {
                return;
            }
        }
        let _ = socket.shutdown().await;
    });
    format!("http://{addr}/api/v1")
}

fn client(base_url: String) -> Client {
    Client::builder()
        .api_key("sk-or-v1-test")
        .base_url(base_url)
        .build()
        .unwrap()
}

fn completed_of(body: &[u8]) -> ResponsesEvent {
    String::from_utf8(body.to_vec())
        .unwrap()
        .lines()
        .filter_map(|line| line.strip_prefix("data: "))
        .filter(|data| *data != "[DONE]")
        .map(|data| serde_json::from_str::<ResponsesEvent>(data).unwrap())
        .rfind(|e| e.kind == ResponsesEventKind::Completed)
        .unwrap()
}

#[tokio::test]
async fn every_captured_stream_survives_the_whole_client() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("responses-stream-") && n.ends_with(".sse"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 7);
    let request = ResponsesRequest::new("any/model", "hi");
    for name in names {
        let body = std::fs::read(dir.join(&name)).unwrap();
        let expected = completed_of(&body).response.unwrap();
        for piece in [5usize, 1400] {
            let stream = client(serve_once(body.clone(), piece).await)
                .responses()
                .stream(&request)
                .await
                .unwrap();
            assert_eq!(stream.generation_id(), None, "{name}: no header yet");
            let result = stream.collect_result().await.unwrap();
            assert_eq!(&result, expected.as_ref(), "{name} in pieces of {piece}");
        }
    }
}

async fn first_error(body: &str) -> (usize, openrouter::Error) {
    let mut stream = client(serve_once(body.as_bytes().to_vec(), 11).await)
        .responses()
        .stream(&ResponsesRequest::new("any/model", "hi"))
        .await
        .unwrap();
    let mut seen = 0;
    loop {
        match stream.next().await {
            Some(Ok(_)) => seen += 1,
            Some(Err(error)) => {
                assert!(stream.next().await.is_none(), "nothing after the error");
                return (seen, error);
            }
            None => panic!("no error surfaced"),
        }
    }
}

const CREATED: &str = r#"data: {"type":"response.created","response":{"id":"gen-1","object":"response","created_at":1,"status":"in_progress","model":"m","output":[]},"sequence_number":0}"#;

#[tokio::test]
async fn an_error_event_ends_the_stream_with_its_code_and_message() {
    let body = format!(
        "{CREATED}\n\ndata: {{\"type\":\"error\",\"code\":\"rate_limit_exceeded\",\"message\":\"Rate limit exceeded. Please try again later.\",\"param\":null,\"sequence_number\":1}}\n\ndata: [DONE]\n\n"
    );
    let (seen, error) = first_error(&body).await;
    assert_eq!(seen, 1);
    let api = error.api().unwrap();
    assert!(api.in_stream);
    assert_eq!(api.code().unwrap().to_string(), "rate_limit_exceeded");
    assert_eq!(
        api.message(),
        "Rate limit exceeded. Please try again later."
    );
}

#[tokio::test]
async fn a_failed_response_ends_the_stream_with_its_error() {
    let body = format!(
        "{CREATED}\n\ndata: {{\"type\":\"response.failed\",\"response\":{{\"id\":\"gen-1\",\"object\":\"response\",\"status\":\"failed\",\"model\":\"m\",\"output\":[],\"error\":{{\"code\":\"server_error\",\"message\":\"upstream broke\"}},\"error_type\":\"provider_error\"}},\"sequence_number\":1}}\n\n"
    );
    let (seen, error) = first_error(&body).await;
    assert_eq!(seen, 1);
    let api = error.api().unwrap();
    assert_eq!(api.code().unwrap().to_string(), "server_error");
    assert_eq!(api.message(), "upstream broke");
    assert_eq!(api.error.error_type(), Some("provider_error"));
}
