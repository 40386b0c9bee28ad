//! Helpers shared by the stored-record areas (workspaces, BYOK, observability, SCIM, presets):
//! ids, timestamps, paging, body validation and answering through the fault layer.

use std::collections::HashMap;

use axum::extract::Extension;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::errors::{error_body, Rejection};
use crate::store::page;
use crate::transport::{self, ActiveFault};

/// What a handler computes: the status and body, or the error the API would send.
pub(crate) type Outcome = Result<(StatusCode, Value), Rejection>;

/// Sends an outcome through the fault layer, errors included, so scripted faults apply.
pub(crate) fn respond(fault: Option<Extension<ActiveFault>>, outcome: Outcome) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    let (status, body) = match outcome {
        Ok(answer) => answer,
        Err(rejection) => (
            rejection.status,
            error_body(i64::from(rejection.status.as_u16()), &rejection.message),
        ),
    };
    transport::json(&fault, status, &body, Vec::new())
}

pub(crate) use crate::ids::{now, uuid};

/// A 400 naming what is wrong.
pub(crate) fn bad(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

/// A 404 naming what was not found.
pub(crate) fn missing(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::NOT_FOUND, message)
}

/// A 409 naming the conflict.
pub(crate) fn conflict(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::CONFLICT, message)
}

/// The request body as a JSON object.
pub(crate) fn object(body: &[u8]) -> Result<Map<String, Value>, Rejection> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(bad("The request body must be a JSON object")),
        Err(e) => Err(bad(format!("The request body is not valid JSON: {e}"))),
    }
}

/// The live list endpoints' `offset` (default 0) and `limit` (default 50, 1 to 100).
pub(crate) fn paging(query: &HashMap<String, String>) -> Result<(usize, usize), Rejection> {
    let offset = match query.get("offset") {
        None => 0,
        Some(v) => v.parse::<usize>().map_err(|_| {
            bad(format!(
                "offset: expected a non-negative integer, got {v:?}"
            ))
        })?,
    };
    let limit = match query.get("limit") {
        None => 50,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                return Err(bad(format!(
                    "limit: expected an integer from 1 to 100, got {v:?}"
                )))
            }
        },
    };
    Ok((offset, limit))
}

/// `{data, total_count}` for one page of `items`.
pub(crate) fn list_body(items: &[Value], query: &HashMap<String, String>) -> Outcome {
    let (offset, limit) = paging(query)?;
    let data = page(items, Some(offset), Some(limit));
    Ok((
        StatusCode::OK,
        json!({"data": data, "total_count": items.len()}),
    ))
}

/// An optional string field (`null` allowed when `nullable`), at most `max` characters.
pub(crate) fn opt_string(
    body: &Map<String, Value>,
    field: &str,
    max: usize,
    nullable: bool,
) -> Result<Option<Value>, Rejection> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Null) if nullable => Ok(Some(Value::Null)),
        Some(Value::String(s)) if s.chars().count() <= max => Ok(Some(Value::String(s.clone()))),
        Some(Value::String(_)) => Err(bad(format!("{field}: must be at most {max} characters"))),
        Some(_) => Err(bad(format!(
            "{field}: expected a string{}",
            if nullable { " or null" } else { "" }
        ))),
    }
}

/// A required non-empty string field, at most `max` characters.
pub(crate) fn req_string(
    body: &Map<String, Value>,
    field: &str,
    max: usize,
) -> Result<String, Rejection> {
    match opt_string(body, field, max, false)? {
        Some(Value::String(s)) if !s.is_empty() => Ok(s),
        Some(_) => Err(bad(format!("{field}: must not be empty"))),
        None => Err(bad(format!("{field}: required"))),
    }
}

/// An optional boolean field.
pub(crate) fn opt_bool(body: &Map<String, Value>, field: &str) -> Result<Option<bool>, Rejection> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(bad(format!("{field}: expected a boolean"))),
    }
}

/// An optional number field within `min..=max`.
pub(crate) fn opt_number(
    body: &Map<String, Value>,
    field: &str,
    min: f64,
    max: f64,
) -> Result<Option<f64>, Rejection> {
    match body.get(field) {
        None => Ok(None),
        Some(v) => match v.as_f64() {
            Some(n) if n >= min && n <= max => Ok(Some(n)),
            Some(_) => Err(bad(format!("{field}: must be between {min} and {max}"))),
            None => Err(bad(format!("{field}: expected a number"))),
        },
    }
}

/// An optional array of strings (or `null` when `nullable`) with at most `max` items, each
/// accepted by `check`.
pub(crate) fn opt_strings(
    body: &Map<String, Value>,
    field: &str,
    max: usize,
    nullable: bool,
    check: impl Fn(&str) -> bool,
) -> Result<Option<Value>, Rejection> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Null) if nullable => Ok(Some(Value::Null)),
        Some(Value::Array(items)) => {
            if items.len() > max {
                return Err(bad(format!("{field}: at most {max} items")));
            }
            for item in items {
                match item.as_str() {
                    Some(s) if check(s) => {}
                    _ => return Err(bad(format!("{field}: invalid item {item}"))),
                }
            }
            Ok(Some(Value::Array(items.clone())))
        }
        Some(_) => Err(bad(format!(
            "{field}: expected an array of strings{}",
            if nullable { " or null" } else { "" }
        ))),
    }
}

/// Whether `s` is a lowercase slug: alphanumeric segments joined by single hyphens.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|seg| {
            !seg.is_empty()
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Masks a secret the way the API shows it: a short prefix and the last four characters.
pub(crate) fn mask(secret: &str, prefix: usize) -> String {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < prefix + 8 {
        return "****".to_owned();
    }
    let head: String = chars[..prefix].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}...{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_shaped_and_unique() {
        let a = uuid();
        let b = uuid();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(a.split('-').map(str::len).eq([8, 4, 4, 4, 12]));
    }

    #[test]
    fn timestamps_are_iso() {
        assert_eq!(crate::ids::iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(crate::ids::iso8601(1_756_031_400), "2025-08-24T10:30:00Z");
    }

    #[test]
    fn masks_keep_only_the_ends() {
        assert_eq!(mask("sk-proj-abc123456789AbCd", 3), "sk-...AbCd");
        assert_eq!(mask("short", 3), "****");
        assert!(is_slug("my-preset-2"));
        assert!(!is_slug("My--preset"));
    }
}
