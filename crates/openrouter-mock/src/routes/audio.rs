//! `POST /audio/speech` (deterministic audio bytes) and `POST /audio/transcriptions` (JSON
//! with base64 audio, or a multipart file).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Extension, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value};

use super::multipart;
use crate::auth::authenticate;
use crate::errors::error_body;
use crate::faults::Fault;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// Samples per second of the synthesized audio.
const SAMPLE_RATE: u32 = 24_000;
/// How long each input character "speaks".
const SAMPLES_PER_CHAR: usize = 1_200;
/// Size of each body chunk, so clients see the audio arrive in pieces.
const CHUNK: usize = 16 * 1024;

pub(super) fn fault_of(fault: Option<Extension<ActiveFault>>) -> ActiveFault {
    fault.map(|Extension(f)| f).unwrap_or_default()
}

pub(super) fn error(fault: &ActiveFault, status: StatusCode, message: &str) -> Response {
    transport::json(
        fault,
        status,
        &error_body(i64::from(status.as_u16()), message),
        Vec::new(),
    )
}

/// A binary answer sent in chunks. A truncated-body fault cuts it in the middle and aborts
/// the connection; a stall sends the first chunk and hangs.
pub(super) fn binary(fault: &ActiveFault, content_type: &'static str, bytes: Bytes) -> Response {
    let total = bytes.len();
    let mut chunks: Vec<Result<Bytes, std::io::Error>> = (0..total)
        .step_by(CHUNK)
        .map(|at| Ok(bytes.slice(at..(at + CHUNK).min(total))))
        .collect();
    let mut hang = false;
    match &fault.0 {
        Some(Fault::TruncatedBody) | Some(Fault::ResetAfterChunks { .. }) => {
            chunks.truncate(chunks.len().div_ceil(2).max(1));
            chunks.push(Err(std::io::Error::other("connection aborted by fault")));
        }
        Some(Fault::Stall { .. }) => {
            chunks.truncate(1);
            hang = true;
        }
        _ => {}
    }
    let stream = futures_util::stream::unfold(
        (chunks.into_iter(), hang),
        |(mut chunks, hang)| async move {
            match chunks.next() {
                Some(chunk) => {
                    if chunk.is_err() {
                        // Let the bytes already produced reach the client first.
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    Some((chunk, (chunks, hang)))
                }
                None if hang => {
                    std::future::pending::<()>().await;
                    None
                }
                None => None,
            }
        },
    );
    let mut resp = Response::new(Body::from_stream(stream));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if fault.0.is_none() {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(total));
    }
    resp
}

/// Silence in 16-bit little-endian PCM, `samples` long.
fn pcm(samples: usize) -> Vec<u8> {
    vec![0u8; samples * 2]
}

fn wav(samples: usize) -> Vec<u8> {
    let data = pcm(samples);
    let mut out = Vec::with_capacity(44 + data.len());
    let len = data.len() as u32;
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    out.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&data);
    out
}

/// Silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each), one per 26 ms.
fn mp3(chars: usize) -> Vec<u8> {
    let frames = (chars * SAMPLES_PER_CHAR * 1000 / SAMPLE_RATE as usize)
        .div_ceil(26)
        .max(1);
    let mut frame = vec![0u8; 417];
    frame[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x64]);
    frame.repeat(frames)
}

/// `POST /audio/speech`.
pub(crate) async fn speech(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = fault_of(fault);
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return error(
                &fault,
                StatusCode::BAD_REQUEST,
                &format!("Request body is not valid JSON: {e}"),
            )
        }
    };
    if !request.get("model").is_some_and(Value::is_string) {
        return error(
            &fault,
            StatusCode::BAD_REQUEST,
            "model: required, a string such as \"openai/gpt-4o-mini-tts\"",
        );
    }
    let input = match request.get("input").and_then(Value::as_str) {
        Some(text) if !text.is_empty() => text,
        _ => {
            return error(
                &fault,
                StatusCode::BAD_REQUEST,
                "input: required, the non-empty text to speak",
            )
        }
    };
    let chars = input.chars().count();
    let samples = chars * SAMPLES_PER_CHAR;
    match request
        .get("response_format")
        .and_then(Value::as_str)
        .unwrap_or("pcm")
    {
        "pcm" => binary(&fault, "audio/pcm", Bytes::from(pcm(samples))),
        "wav" => binary(&fault, "audio/wav", Bytes::from(wav(samples))),
        "mp3" => binary(&fault, "audio/mpeg", Bytes::from(mp3(chars))),
        other => error(
            &fault,
            StatusCode::BAD_REQUEST,
            &format!("response_format: expected \"mp3\" or \"pcm\", got {other:?}"),
        ),
    }
}

/// Decoded length of base64 text, without decoding it.
fn base64_len(data: &str) -> usize {
    let data = data.trim();
    let padding = data.bytes().rev().take_while(|b| *b == b'=').count();
    (data.len() * 3 / 4).saturating_sub(padding)
}

fn transcription(bytes: usize, what: &str, verbose: bool) -> Value {
    let seconds = (bytes as f64 / f64::from(SAMPLE_RATE * 2) * 10.0).round() / 10.0;
    let text = format!("Transcribed {bytes} bytes of audio from {what}.");
    let words = text.split_whitespace().count() as u64;
    let mut body = json!({
        "text": text,
        "usage": {
            "cost": 0.000_006 * seconds.max(0.1),
            "input_tokens": bytes as u64 / 1000 + 1,
            "output_tokens": words,
            "total_tokens": bytes as u64 / 1000 + 1 + words,
            "seconds": seconds,
        }
    });
    if verbose {
        body["task"] = json!("transcribe");
        body["language"] = json!("english");
        body["duration"] = json!(seconds);
        body["segments"] = json!([{"id": 0, "seek": 0, "start": 0.0, "end": seconds, "text": text, "temperature": 0.0}]);
    }
    body
}

/// `POST /audio/transcriptions`: JSON or multipart.
pub(crate) async fn transcriptions(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = fault_of(fault);
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let bad = |m: &str| error(&fault, StatusCode::BAD_REQUEST, m);
    let answer = if multipart::is_multipart(&headers) {
        let parts = match multipart::boundary(&headers).and_then(|b| multipart::parse(&body, &b)) {
            Ok(p) => p,
            Err(m) => return bad(&m),
        };
        let field = |name: &str| {
            parts
                .iter()
                .find(|p| p.name == name)
                .map(|p| String::from_utf8_lossy(&p.data).into_owned())
        };
        if field("model").is_none_or(|m| m.trim().is_empty()) {
            return bad("model: required form field, e.g. \"openai/whisper-large-v3\"");
        }
        let Some(file) = parts.iter().find(|p| p.name == "file") else {
            return bad("file: required, the audio file as a form part named 'file'");
        };
        if file.data.len() > 25 * 1024 * 1024 {
            return bad(
                "file: larger than 25 MB; send larger files as base64 JSON via input_audio",
            );
        }
        let name = file
            .filename
            .clone()
            .or_else(|| file.content_type.clone())
            .unwrap_or_else(|| "audio".into());
        let verbose = field("response_format").as_deref() == Some("verbose_json");
        transcription(file.data.len(), &name, verbose)
    } else {
        let request: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => return bad(&format!("Request body is not valid JSON: {e}")),
        };
        if !request.get("model").is_some_and(Value::is_string) {
            return bad("model: required, a string such as \"openai/whisper-large-v3\"");
        }
        let audio = &request["input_audio"];
        let (Some(data), Some(format)) = (audio["data"].as_str(), audio["format"].as_str()) else {
            return bad(
                "input_audio: required, {data: <base64 audio>, format: \"wav\"|\"mp3\"|...}",
            );
        };
        let verbose = request["response_format"].as_str() == Some("verbose_json");
        transcription(base64_len(data), &format!("{format} input"), verbose)
    };
    transport::json(&fault, StatusCode::OK, &answer, Vec::new())
}
