//! Every real captured chat stream, served over HTTP in awkward pieces, goes through the whole
//! client (transport, SSE decoder, typed stream, accumulator) and comes out as the result the
//! chunks describe.

use std::path::PathBuf;

use futures_util::StreamExt;
use openrouter::stream::ChatAccumulator;
use openrouter::types::chat::{ChatChunk, ChatRequest, Message};
use openrouter::{Client, Error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            (name.starts_with("chat-stream-") && name.ends_with(".sse"))
                .then(|| (name, std::fs::read(&path).unwrap()))
        })
        .collect();
    found.sort();
    assert!(
        found.len() >= 18,
        "expected the 18 captured chat streams, found {}",
        found.len()
    );
    found
}

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
        // Read the headers and the body they announce, so the client is not cut off mid-send.
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

/// The chunks a fixture holds, decoded straight from its `data:` lines.
fn chunks_of(body: &[u8]) -> Vec<ChatChunk> {
    String::from_utf8(body.to_vec())
        .unwrap()
        .split("\n\n")
        .flat_map(|event| event.lines())
        .filter_map(|line| line.strip_prefix("data: "))
        .filter(|data| *data != "[DONE]")
        .map(|data| serde_json::from_str(data).unwrap())
        .collect()
}

#[tokio::test]
async fn every_captured_stream_survives_the_whole_client() {
    let request = ChatRequest::new("any/model", [Message::user("hi")]);
    for (name, body) in fixtures() {
        let chunks = chunks_of(&body);
        let failing = chunks.iter().position(|c| c.error.is_some());
        for piece in [7usize, 1400] {
            let client = Client::builder()
                .api_key("sk-or-v1-test")
                .base_url(serve_once(body.clone(), piece).await)
                .build()
                .unwrap();
            let mut stream = client.chat().stream(&request).await.unwrap();
            let mut received = Vec::new();
            let mut error = None;
            while let Some(item) = stream.next().await {
                match item {
                    Ok(chunk) => received.push(chunk),
                    Err(e) => error = Some(e),
                }
            }
            match failing {
                Some(index) => {
                    assert_eq!(received.len(), index, "{name}: chunks before the error");
                    match error {
                        Some(Error::Api(api)) => {
                            assert!(api.in_stream);
                            assert_eq!(api.code().and_then(|c| c.as_number()), Some(400), "{name}");
                            assert_eq!(api.message(), "Token limit reached");
                        }
                        other => panic!("{name}: expected the in-band error, got {other:?}"),
                    }
                }
                None => {
                    assert!(error.is_none(), "{name} ({piece}-byte pieces): {error:?}");
                    assert_eq!(received, chunks, "{name} ({piece}-byte pieces)");
                    let mut direct = ChatAccumulator::new();
                    chunks.iter().for_each(|c| direct.push(c));
                    let mut through = ChatAccumulator::new();
                    received.iter().for_each(|c| through.push(c));
                    assert_eq!(through.finish(), direct.finish(), "{name}");
                }
            }
        }
    }
}
