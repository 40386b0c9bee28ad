//! A small `multipart/form-data` reader: whole bodies for small forms (transcriptions) and a
//! streaming reader for uploads that counts the file's bytes without keeping them.

use axum::body::Body;
use axum::http::{header, HeaderMap};
use bytes::Bytes;
use futures_util::StreamExt;

/// How many leading bytes of a streamed file are kept, to sniff its type.
pub(crate) const HEAD_BYTES: usize = 4096;

/// One part of a fully read form.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) name: String,
    pub(crate) filename: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) data: Bytes,
}

/// The boundary of a `multipart/form-data` request, or why there is none.
pub(crate) fn boundary(headers: &HeaderMap) -> Result<String, String> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.to_ascii_lowercase().starts_with("multipart/form-data") {
        return Err(format!(
            "Expected a multipart/form-data body, got content type {ct:?}"
        ));
    }
    ct.split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .find(|b| !b.is_empty())
        .ok_or_else(|| "The multipart content type has no boundary".to_owned())
}

/// Whether `content_type` names a multipart form.
pub(crate) fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut at = 0;
    while at + needle.len() <= haystack.len() {
        let rest = &haystack[at..=haystack.len() - needle.len()];
        let hit = rest.iter().position(|b| *b == first)?;
        at += hit;
        if &haystack[at..at + needle.len()] == needle {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Name, filename and content type from a part's header block.
fn part_headers(block: &[u8]) -> (String, Option<String>, Option<String>) {
    let text = String::from_utf8_lossy(block);
    let mut name = String::new();
    let mut filename = None;
    let mut content_type = None;
    for line in text.split("\r\n") {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "content-disposition" => {
                for param in value.split(';').map(str::trim) {
                    if let Some(v) = param.strip_prefix("name=") {
                        name = v.trim_matches('"').to_owned();
                    } else if let Some(v) = param.strip_prefix("filename=") {
                        filename = Some(v.trim_matches('"').to_owned());
                    }
                }
            }
            "content-type" => content_type = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    (name, filename, content_type)
}

/// Splits a whole form body into its parts.
pub(crate) fn parse(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let open = format!("--{boundary}");
    let delimiter = format!("\r\n--{boundary}");
    let start = find(body, open.as_bytes()).ok_or("The multipart body has no parts")?;
    let mut rest = &body[start + open.len()..];
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("Malformed multipart body: expected a line break after the boundary")?;
        let end =
            find(rest, b"\r\n\r\n").ok_or("Malformed multipart body: unterminated headers")?;
        let (name, filename, content_type) = part_headers(&rest[..end]);
        rest = &rest[end + 4..];
        let stop = find(rest, delimiter.as_bytes())
            .ok_or("Malformed multipart body: missing closing boundary")?;
        parts.push(Part {
            name,
            filename,
            content_type,
            data: Bytes::copy_from_slice(&rest[..stop]),
        });
        rest = &rest[stop + delimiter.len()..];
    }
}

/// A streamed file upload, read without keeping the file.
#[derive(Debug, Default)]
pub(crate) struct StreamedFile {
    pub(crate) filename: Option<String>,
    pub(crate) size: u64,
    pub(crate) head: Vec<u8>,
}

/// Why a streamed upload was refused.
#[derive(Debug)]
pub(crate) enum UploadError {
    Malformed(String),
    TooLarge,
}

enum Phase {
    Preamble,
    Headers,
    Data { is_file: bool },
    AfterDelimiter,
    Done,
}

/// Reads a form from `body`, keeping only the `file` part's size and first bytes. Beyond
/// `limit` file bytes the rest of the body is drained (so the client sees the answer rather
/// than a reset) and `TooLarge` is returned.
pub(crate) async fn stream_file(
    body: Body,
    boundary: &str,
    limit: u64,
) -> Result<StreamedFile, UploadError> {
    let open = format!("--{boundary}");
    let delimiter = format!("\r\n--{boundary}");
    let mut stream = body.into_data_stream();
    let mut buf: Vec<u8> = Vec::new();
    let mut phase = Phase::Preamble;
    let mut file = StreamedFile::default();
    let mut seen_file = false;
    let malformed = |m: &str| UploadError::Malformed(format!("Malformed multipart body: {m}"));
    loop {
        // Consume what the buffer allows, then read more.
        let progressed = match phase {
            Phase::Preamble => match find(&buf, open.as_bytes()) {
                Some(at) => {
                    buf.drain(..at + open.len());
                    phase = Phase::AfterDelimiter;
                    true
                }
                None => false,
            },
            Phase::AfterDelimiter => {
                if buf.len() < 2 {
                    false
                } else if buf.starts_with(b"--") {
                    phase = Phase::Done;
                    true
                } else if buf.starts_with(b"\r\n") {
                    buf.drain(..2);
                    phase = Phase::Headers;
                    true
                } else {
                    return Err(malformed("expected a line break after the boundary"));
                }
            }
            Phase::Headers => match find(&buf, b"\r\n\r\n") {
                Some(end) => {
                    let (name, filename, _) = part_headers(&buf[..end]);
                    buf.drain(..end + 4);
                    let is_file = name == "file";
                    if is_file {
                        seen_file = true;
                        file.filename = filename;
                    }
                    phase = Phase::Data { is_file };
                    true
                }
                None if buf.len() > 16 * 1024 => return Err(malformed("part headers too long")),
                None => false,
            },
            Phase::Data { is_file } => {
                let (take, found) = match find(&buf, delimiter.as_bytes()) {
                    Some(at) => (at, true),
                    // Keep a tail that could be the start of the delimiter.
                    None => (buf.len().saturating_sub(delimiter.len() - 1), false),
                };
                if is_file {
                    let room = HEAD_BYTES.saturating_sub(file.head.len());
                    file.head.extend_from_slice(&buf[..take.min(room)]);
                    file.size += take as u64;
                }
                if found {
                    buf.drain(..take + delimiter.len());
                    phase = Phase::AfterDelimiter;
                } else {
                    buf.drain(..take);
                }
                if file.size > limit {
                    while let Some(chunk) = stream.next().await {
                        if chunk.is_err() {
                            break;
                        }
                    }
                    return Err(UploadError::TooLarge);
                }
                found
            }
            Phase::Done => {
                return if seen_file {
                    Ok(file)
                } else {
                    Err(UploadError::Malformed(
                        "The form has no 'file' part: send the file as a part named 'file'".into(),
                    ))
                };
            }
        };
        if progressed {
            continue;
        }
        match stream.next().await {
            Some(Ok(chunk)) => buf.extend_from_slice(&chunk),
            Some(Err(e)) => return Err(malformed(&format!("the body broke off: {e}"))),
            None => return Err(malformed("missing closing boundary")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Vec<u8> {
        b"--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nm1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n--X data\r\n--XyZ--\r\n".to_vec()
    }

    #[test]
    fn whole_forms_split_into_parts() {
        let parts = parse(&form(), "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "model");
        assert_eq!(&parts[0].data[..], b"m1");
        assert_eq!(parts[1].filename.as_deref(), Some("a.wav"));
        assert_eq!(parts[1].content_type.as_deref(), Some("audio/wav"));
        assert_eq!(&parts[1].data[..], b"RIFF\r\n--X data");
    }

    #[tokio::test]
    async fn streamed_forms_count_the_file_in_any_chunking() {
        let bytes = form();
        for size in [1, 2, 3, 7, 64] {
            let chunks: Vec<Result<Bytes, std::io::Error>> = bytes
                .chunks(size)
                .map(|c| Ok(Bytes::copy_from_slice(c)))
                .collect();
            let body = Body::from_stream(futures_util::stream::iter(chunks));
            let file = stream_file(body, "XyZ", 1000).await.unwrap();
            assert_eq!(file.size, 14, "chunk size {size}");
            assert_eq!(file.head, b"RIFF\r\n--X data");
            assert_eq!(file.filename.as_deref(), Some("a.wav"));
        }
        let body = Body::from(bytes.clone());
        assert!(matches!(
            stream_file(body, "XyZ", 10).await,
            Err(UploadError::TooLarge)
        ));
    }
}
