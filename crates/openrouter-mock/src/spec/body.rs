//! Checking a request body against its operation's `requestBody`.

use serde_json::Value;

use super::validator::{self, resolve, ValidationError, ValidationOptions};
use super::{operation, spec, OperationSpec};

/// Checks `body` against the `requestBody` schema of the spec's operation for `method` and
/// `path` (with or without the `/api/v1` prefix), with the lenient defaults of
/// [`ValidationOptions`].
///
/// JSON bodies (`application/json`, `*+json`, or no content type at all) are validated in
/// full; `multipart/form-data` bodies only have their required part names checked; other
/// media types, and operations the spec does not describe, pass unchecked.
///
/// # Errors
/// The first problem found, naming the JSON path of the offending field.
pub fn validate_request(
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<(), ValidationError> {
    match request_errors(method, path, content_type, body, &ValidationOptions::new())
        .into_iter()
        .next()
    {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Every problem [`validate_request`] would find (at most a few dozen), in body order,
/// with the given options.
pub fn request_errors(
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
    options: &ValidationOptions,
) -> Vec<ValidationError> {
    let Some(op) = operation(method, path) else {
        return Vec::new();
    };
    let media = media_type(content_type);
    if is_json(&media) {
        if body.iter().all(u8::is_ascii_whitespace) {
            return missing_body(&op);
        }
        return match serde_json::from_slice::<Value>(body) {
            Ok(value) => json_errors(&op, &value, options),
            Err(e) => vec![ValidationError::new(
                "",
                "a JSON document",
                Some(format!("invalid JSON ({e})")),
            )],
        };
    }
    if media == "multipart/form-data" {
        return multipart_errors(&op, content_type.unwrap_or(""), body);
    }
    Vec::new()
}

/// The errors of an already parsed JSON body; empty when the operation has no JSON schema.
pub(crate) fn json_errors(
    op: &OperationSpec,
    value: &Value,
    options: &ValidationOptions,
) -> Vec<ValidationError> {
    let (Some(doc), Some(schema)) = (
        spec().map(|s| &s.doc),
        op.request_schema("application/json"),
    ) else {
        return Vec::new();
    };
    validator::validate_value(doc, schema, value, options)
}

fn missing_body(op: &OperationSpec) -> Vec<ValidationError> {
    if op.body_required() {
        vec![ValidationError::new("", "a request body", None)]
    } else {
        Vec::new()
    }
}

/// The lower-case media type without parameters; JSON when none was given.
pub(crate) fn media_type(content_type: Option<&str>) -> String {
    content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "application/json".to_owned())
}

/// Whether the media type is JSON (`application/json`, `application/x+json`).
pub(crate) fn is_json(media: &str) -> bool {
    media == "application/json" || media.ends_with("+json")
}

/// Multipart bodies: only the names of the required parts are checked, which needs no full
/// multipart parser.
fn multipart_errors(op: &OperationSpec, content_type: &str, body: &[u8]) -> Vec<ValidationError> {
    let Some(doc) = spec().map(|s| &s.doc) else {
        return Vec::new();
    };
    let Some(mut schema) = op.request_schema("multipart/form-data") else {
        return Vec::new();
    };
    for _ in 0..8 {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => match resolve(doc, r) {
                Some(t) => schema = t,
                None => return Vec::new(),
            },
            None => break,
        }
    }
    let Some(boundary) = boundary(content_type) else {
        return vec![ValidationError::new(
            "",
            "a multipart body with a boundary parameter in its content type",
            Some(content_type.to_owned()),
        )];
    };
    let names = part_names(body, &boundary);
    schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|r| !names.iter().any(|n| n == r))
        .map(|r| ValidationError::new(r, "a form part with this name", None))
        .collect()
}

fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The `name` of every part's `Content-Disposition` header.
fn part_names(body: &[u8], boundary: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(body);
    let delimiter = format!("--{boundary}");
    text.split(delimiter.as_str())
        .filter_map(|part| {
            let head = part.split("\r\n\r\n").next()?;
            let line = head
                .lines()
                .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
            line.split(';').find_map(|p| {
                let (k, v) = p.split_once('=')?;
                (k.trim() == "name").then(|| v.trim().trim_matches('"').to_owned())
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_part_names_are_found() {
        let body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--xyz\r\nContent-Disposition: form-data; name=purpose\r\n\r\nx\r\n--xyz--\r\n";
        assert_eq!(part_names(body.as_bytes(), "xyz"), ["file", "purpose"]);
        assert_eq!(
            boundary("multipart/form-data; boundary=\"xyz\"").as_deref(),
            Some("xyz")
        );
        assert_eq!(boundary("multipart/form-data"), None);
    }

    #[test]
    fn media_types_are_normalised() {
        assert_eq!(
            media_type(Some("Application/JSON; charset=utf-8")),
            "application/json"
        );
        assert_eq!(media_type(None), "application/json");
        assert!(is_json("application/merge-patch+json"));
        assert!(!is_json("text/plain"));
    }
}
