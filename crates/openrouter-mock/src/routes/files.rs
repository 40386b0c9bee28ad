//! `GET/POST /files`, `GET/DELETE /files/{file_id}`, `GET /files/{file_id}/content`.
//!
//! Uploads are read as a stream: the emulator keeps the file's size and first bytes (to sniff
//! its type as the API does), never the file, and refuses more than 100 MB with 413.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};

use super::multipart::{self, UploadError};
use crate::auth::authenticate;
use crate::errors::error_body;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// The upload route, whose body the intake step leaves unread.
pub(crate) const UPLOAD_PATH: &str = "/api/v1/files";
/// The largest file the API accepts.
pub(crate) const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
const COLLECTION: &str = "files";

/// The `workspace_id` and `provider` query parameters, plus paging.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct FileQuery {
    workspace_id: Option<String>,
    provider: Option<String>,
    cursor: Option<String>,
    limit: Option<String>,
}

fn answer(fault: Option<Extension<ActiveFault>>, status: StatusCode, body: &Value) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, status, body, Vec::new())
}

fn error(fault: Option<Extension<ActiveFault>>, status: StatusCode, message: &str) -> Response {
    answer(
        fault,
        status,
        &error_body(i64::from(status.as_u16()), message),
    )
}

/// Checks the scope parameters; the workspace files live in.
fn workspace(query: &FileQuery) -> Result<String, String> {
    if let Some(provider) = &query.provider {
        if provider != "openai" && provider != "anthropic" {
            return Err(format!(
                "Invalid provider {provider:?}: expected \"openai\" or \"anthropic\""
            ));
        }
    }
    match &query.workspace_id {
        Some(id) if !is_uuid(id) => Err(format!("Invalid workspace_id {id:?}: expected a UUID")),
        Some(id) => Ok(id.clone()),
        None => Ok("default".into()),
    }
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The type the API reports for these leading bytes, or `None` when unsupported.
pub(crate) fn sniff(head: &[u8], complete: bool) -> Option<&'static str> {
    let at = |offset: usize, magic: &[u8]| head.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"%PDF-") {
        return Some("application/pdf");
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if at(0, b"\xFF\xD8\xFF") {
        return Some("image/jpeg");
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return Some("image/gif");
    }
    if at(0, b"RIFF") && at(8, b"WEBP") {
        return Some("image/webp");
    }
    if at(0, b"RIFF") && at(8, b"WAVE") {
        return Some("audio/wav");
    }
    if at(0, b"fLaC") {
        return Some("audio/flac");
    }
    if at(0, b"OggS") {
        return Some("audio/ogg");
    }
    if at(0, b"ID3") || at(0, b"\xFF\xFB") || at(0, b"\xFF\xF3") || at(0, b"\xFF\xF2") {
        return Some("audio/mpeg");
    }
    if at(0, b"PK\x03\x04") {
        let names = String::from_utf8_lossy(head);
        return if names.contains("word/") {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        } else if names.contains("xl/") {
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else if names.contains("ppt/") {
            Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
        } else {
            None
        };
    }
    sniff_text(head, complete)
}

fn sniff_text(head: &[u8], complete: bool) -> Option<&'static str> {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // The head may end inside a character when the file goes on.
        Err(e) if !complete && e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    if text.contains('\0') {
        return None;
    }
    let trimmed = text.trim_start();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if complete && serde_json::from_str::<Value>(text).is_ok() && trimmed.starts_with(['{', '[']) {
        return Some("application/json");
    }
    if lines.len() > 1 && lines.iter().all(|l| l.trim_start().starts_with('{')) {
        return Some("application/x-ndjson");
    }
    if trimmed.starts_with(['{', '[']) && !complete {
        return Some("application/json");
    }
    let commas = |l: &str| l.matches(',').count();
    if lines.len() > 1
        && commas(lines[0]) > 0
        && lines.iter().take(5).all(|l| commas(l) == commas(lines[0]))
    {
        return Some("text/csv");
    }
    if trimmed.starts_with('#') || text.contains("\n## ") || text.contains("\n- ") {
        return Some("text/markdown");
    }
    Some("text/plain")
}

/// `POST /files`: a streamed multipart upload.
pub(crate) async fn upload(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Query(query): Query<FileQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let workspace = match workspace(&query) {
        Ok(w) => w,
        Err(m) => return error(fault, StatusCode::BAD_REQUEST, &m),
    };
    let boundary = match multipart::boundary(&headers) {
        Ok(b) => b,
        Err(m) => return error(fault, StatusCode::BAD_REQUEST, &m),
    };
    let file = match multipart::stream_file(body, &boundary, MAX_FILE_BYTES).await {
        Ok(f) => f,
        Err(UploadError::TooLarge) => {
            return error(
                fault,
                StatusCode::PAYLOAD_TOO_LARGE,
                "File is larger than the 100 MB limit",
            )
        }
        Err(UploadError::Malformed(m)) => return error(fault, StatusCode::BAD_REQUEST, &m),
    };
    if file.size == 0 {
        return error(
            fault,
            StatusCode::BAD_REQUEST,
            "file: empty files are rejected",
        );
    }
    let complete = file.size <= multipart::HEAD_BYTES as u64;
    let Some(mime) = sniff(&file.head, complete) else {
        return error(
            fault,
            StatusCode::BAD_REQUEST,
            "file: unsupported file type; expected a PDF, a PNG/JPEG/GIF/WebP image, a DOCX/XLSX/PPTX document, an MP3/WAV/FLAC/OGG audio file, or UTF-8 text",
        );
    };
    let id = format!("or_file_{}", random_tail());
    let doc = json!({
        "id": id,
        "type": "file",
        "filename": file.filename.unwrap_or_else(|| "upload".into()),
        "mime_type": mime,
        "size_bytes": file.size,
        "created_at": now_iso(),
        "downloadable": false,
        "workspace_id": workspace,
    });
    shared.store.insert(COLLECTION, &id, doc.clone());
    answer(fault, StatusCode::OK, &public(doc))
}

/// The document without the emulator's bookkeeping.
fn public(mut doc: Value) -> Value {
    if let Some(map) = doc.as_object_mut() {
        map.remove("workspace_id");
    }
    doc
}

/// 24 characters from a fresh generation id's random tail.
fn random_tail() -> String {
    let id = crate::ids::generation_id();
    let tail = id.rsplit('-').next().unwrap_or("0");
    let more = crate::ids::generation_id();
    let more = more.rsplit('-').next().unwrap_or("0");
    format!("{tail}{more}").chars().take(24).collect()
}

/// Now as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now_iso() -> String {
    let secs = crate::ids::unix_now();
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since the epoch.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<String> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

/// `GET /files`: cursor paging in upload order.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Query(query): Query<FileQuery>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let workspace = match workspace(&query) {
        Ok(w) => w,
        Err(m) => return error(fault, StatusCode::BAD_REQUEST, &m),
    };
    let limit = match query.limit.as_deref().map(str::parse::<usize>) {
        None => 100,
        Some(Ok(n)) if (1..=1000).contains(&n) => n,
        Some(_) => {
            return error(
                fault,
                StatusCode::BAD_REQUEST,
                "limit: expected an integer from 1 to 1000",
            )
        }
    };
    let files: Vec<Value> = shared
        .store
        .list(COLLECTION)
        .into_iter()
        .filter(|d| d["workspace_id"] == workspace.as_str())
        .collect();
    let start = match &query.cursor {
        None => 0,
        Some(cursor) => {
            let after = unhex(cursor);
            match after.and_then(|id| files.iter().position(|d| d["id"] == id.as_str())) {
                Some(i) => i + 1,
                None => {
                    return error(
                        fault,
                        StatusCode::BAD_REQUEST,
                        "cursor: not a cursor from a previous page (or its file was deleted)",
                    )
                }
            }
        }
    };
    let page: Vec<Value> = files
        .iter()
        .skip(start)
        .take(limit)
        .cloned()
        .map(public)
        .collect();
    let has_more = start + page.len() < files.len();
    let first = page.first().map(|d| d["id"].clone()).unwrap_or(Value::Null);
    let last = page.last().map(|d| d["id"].clone()).unwrap_or(Value::Null);
    let cursor = match (&last, has_more) {
        (Value::String(id), true) => Value::String(hex(id)),
        _ => Value::Null,
    };
    let body = json!({
        "data": page,
        "cursor": cursor,
        "has_more": has_more,
        "first_id": first,
        "last_id": last,
    });
    answer(fault, StatusCode::OK, &body)
}

/// The file of this id in the request's workspace, or the 404 answer.
fn find(shared: &Shared, query: &FileQuery, id: &str) -> Result<Value, (StatusCode, String)> {
    let workspace = workspace(query).map_err(|m| (StatusCode::BAD_REQUEST, m))?;
    shared
        .store
        .get(COLLECTION, id)
        .filter(|d| d["workspace_id"] == workspace.as_str())
        .ok_or_else(|| (StatusCode::NOT_FOUND, format!("File {id} not found")))
}

/// `GET /files/{file_id}`.
pub(crate) async fn get(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Path(id): Path<String>,
    Query(query): Query<FileQuery>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    match find(&shared, &query, &id) {
        Ok(doc) => answer(fault, StatusCode::OK, &public(doc)),
        Err((status, m)) => error(fault, status, &m),
    }
}

/// `DELETE /files/{file_id}`.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Path(id): Path<String>,
    Query(query): Query<FileQuery>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    match find(&shared, &query, &id) {
        Ok(_) => {
            shared.store.remove(COLLECTION, &id);
            answer(
                fault,
                StatusCode::OK,
                &json!({"id": id, "type": "file_deleted"}),
            )
        }
        Err((status, m)) => error(fault, status, &m),
    }
}

/// `GET /files/{file_id}/content`: every file here was uploaded, and uploaded files cannot
/// be downloaded.
pub(crate) async fn content(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Path(id): Path<String>,
    Query(query): Query<FileQuery>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    match find(&shared, &query, &id) {
        Ok(_) => error(
            fault,
            StatusCode::BAD_REQUEST,
            "Only server-created files can be downloaded; this file was uploaded",
        ),
        Err((status, m)) => error(fault, status, &m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_sniffed_from_the_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n", true), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", true), Some("image/png"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ", true), Some("image/webp"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt ", true), Some("audio/wav"));
        assert_eq!(sniff(b"{\"a\": 1}", true), Some("application/json"));
        assert_eq!(
            sniff(b"{\"a\":1}\n{\"a\":2}\n", true),
            Some("application/x-ndjson")
        );
        assert_eq!(sniff(b"a,b\n1,2\n", true), Some("text/csv"));
        assert_eq!(sniff(b"# Title\n\ntext", true), Some("text/markdown"));
        assert_eq!(sniff(b"hello there", true), Some("text/plain"));
        assert_eq!(sniff(b"\0\x01\x02binary", true), None);
    }

    #[test]
    fn iso_dates() {
        let now = now_iso();
        assert_eq!(now.len(), 20);
        assert!(now.starts_with("20"));
    }
}
