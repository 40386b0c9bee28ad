//! What the management endpoints share: key checks, body and query parsing with the live
//! API's 400 messages, timestamps, ids and paging.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::Extension;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Map, Value};

use crate::auth::authenticate_management;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// The workspace every account has, which resources land in when none is named.
pub(crate) const DEFAULT_WORKSPACE: &str = "0df9e665-d932-5740-b2c7-b52af166bc11";
/// The user behind the emulator's management key.
pub(crate) const ACCOUNT_USER: &str = "user_2dHFtVWx2n56w6HkM0000000000";
/// The emulated organization.
pub(crate) const ORGANIZATION: &str = "org_2dHFtVWx2n56w6HkM0000000000";

/// The active fault of a request, or none.
pub(crate) fn fault_of(fault: Option<Extension<ActiveFault>>) -> ActiveFault {
    fault.map(|Extension(f)| f).unwrap_or_default()
}

/// Answers `body` with `status` through the fault machinery.
pub(crate) fn answer(fault: &ActiveFault, status: StatusCode, body: &Value) -> Response {
    transport::json(fault, status, body, Vec::new())
}

/// The management key check: the 401 or 403 to answer with when it fails.
pub(crate) fn management(shared: &Arc<Shared>, headers: &HeaderMap) -> Result<(), Rejection> {
    authenticate_management(shared, headers).map(|_| ())
}

pub(crate) use super::records::bad;

/// A 404 with the live API's body.
pub(crate) fn not_found(message: impl Into<String>) -> Response {
    Rejection::new(StatusCode::NOT_FOUND, message).into_response()
}

/// The request body as a JSON object.
pub(crate) fn object_body(body: &Bytes) -> Result<Map<String, Value>, Rejection> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(bad("Request body must be a JSON object")),
        Err(e) => Err(bad(format!("Request body is not valid JSON: {e}"))),
    }
}

/// Checks an optional field's JSON type; `null` passes when `nullable`.
pub(crate) fn check_type(
    body: &Map<String, Value>,
    field: &str,
    expected: &str,
    nullable: bool,
) -> Result<(), Rejection> {
    let Some(value) = body.get(field) else {
        return Ok(());
    };
    let ok = match value {
        Value::Null => nullable,
        Value::Bool(_) => expected == "boolean",
        Value::Number(n) => expected == "number" || (expected == "integer" && n.is_u64()),
        Value::String(_) => expected == "string",
        Value::Array(_) => expected == "array",
        Value::Object(_) => expected == "object",
    };
    if ok {
        Ok(())
    } else {
        let null = if nullable { " or null" } else { "" };
        Err(bad(format!("`{field}` must be a {expected}{null}")))
    }
}

/// A required non-empty string field.
pub(crate) fn required_string<'a>(
    body: &'a Map<String, Value>,
    field: &str,
) -> Result<&'a str, Rejection> {
    match body.get(field) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(Value::String(_)) => Err(bad(format!("`{field}` must not be empty"))),
        None | Some(Value::Null) => Err(bad(format!("`{field}` is required"))),
        Some(_) => Err(bad(format!("`{field}` must be a string"))),
    }
}

/// A required array of non-empty strings with at least one item.
pub(crate) fn required_strings(
    body: &Map<String, Value>,
    field: &str,
) -> Result<Vec<String>, Rejection> {
    let Some(Value::Array(items)) = body.get(field) else {
        return Err(bad(format!("`{field}` is required: an array of strings")));
    };
    if items.is_empty() {
        return Err(bad(format!("`{field}` must contain at least one item")));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(s) if !s.is_empty() => Ok(s.clone()),
            _ => Err(bad(format!("`{field}[{i}]` must be a non-empty string"))),
        })
        .collect()
}

/// Checks a string field is one of `allowed` (or null when `nullable`).
pub(crate) fn check_enum(
    body: &Map<String, Value>,
    field: &str,
    allowed: &[&str],
    nullable: bool,
) -> Result<(), Rejection> {
    match body.get(field) {
        None => Ok(()),
        Some(Value::Null) if nullable => Ok(()),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(_) => Err(bad(format!(
            "`{field}` must be one of {}{}",
            allowed.join(", "),
            if nullable { ", or null" } else { "" }
        ))),
    }
}

/// Parses `offset` and `limit`; `limit` defaults to `default_limit` and may not exceed 100.
pub(crate) fn page_window(
    query: &HashMap<String, String>,
    default_limit: usize,
) -> Result<(usize, usize), Rejection> {
    let offset = match query.get("offset").map(String::as_str) {
        None | Some("") => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| bad("`offset` must be a non-negative integer"))?,
    };
    let limit = match query.get("limit").map(String::as_str) {
        None | Some("") => default_limit,
        Some(v) => match v.parse::<usize>() {
            Ok(l) if (1..=100).contains(&l) => l,
            _ => return Err(bad("`limit` must be an integer from 1 to 100")),
        },
    };
    Ok((offset, limit))
}

pub(crate) use crate::ids::{hex64, now, uuid};

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_well_formed_and_unique() {
        let (a, b) = (super::hex64(), super::hex64());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        let id = super::uuid();
        assert_eq!(id.len(), 36);
        assert_eq!(id.matches('-').count(), 4);
    }
}
