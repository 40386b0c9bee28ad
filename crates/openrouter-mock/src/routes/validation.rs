//! The intake's spec check: JSON bodies of operations in the OpenAPI document are validated
//! against their schema before any handler runs.

use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::errors::error_body;
use crate::faults::Fault;
use crate::spec::{self, ValidationError, ValidationOptions};
use crate::transport::{self, ActiveFault};

/// Fields a handler checks itself, with messages its tests and users rely on. The generic
/// check leaves errors at these paths to the handler (which rejects them in its own words)
/// and still answers for every other field. Keyed by the spec's method and path.
const SELF_CHECKED: &[(&str, &str, ChecksItself)] =
    &[("POST", "/chat/completions", super::chat::checks_itself)];

/// Whether a handler rejects problems at this JSON path of the body itself.
type ChecksItself = fn(&str) -> bool;

/// The 400 answer for a body that breaks its schema, or `None` to carry on to the handler.
pub(super) fn reject(parts: &Parts, body: &[u8], fault: &Option<Fault>) -> Option<Response> {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if !spec::is_json_media(content_type) || body.is_empty() {
        return None;
    }
    let method = parts.method.as_str();
    let op = spec::operation(method, parts.uri.path())?;
    // A body that is not JSON at all is left to the handler, which says so in its words.
    let value: Value = serde_json::from_slice(body).ok()?;
    let own = SELF_CHECKED
        .iter()
        .find(|(m, p, _)| *m == op.method && *p == op.path)
        .map(|(_, _, f)| *f);
    let first = spec::body_errors(&op, &value, &ValidationOptions::new())
        .into_iter()
        .find(|e: &ValidationError| !own.is_some_and(|checks| checks(&e.path)))?;
    let message = format!("Invalid request: {first}");
    Some(transport::json(
        &ActiveFault(fault.clone()),
        StatusCode::BAD_REQUEST,
        &error_body(400, &message),
        Vec::new(),
    ))
}
