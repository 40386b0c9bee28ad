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
const SELF_CHECKED: &[(&str, &str, ChecksItself)] = &[
    ("POST", "/chat/completions", super::chat::checks_itself),
    ("POST", "/responses", responses_checks_itself),
    // The speech route also accepts `wav`, which the operation's description documents but
    // its schema's enum leaves out.
    ("POST", "/audio/speech", |path| path == "response_format"),
    // The PKCE exchange explains a missing or wrong code in its own words.
    ("POST", "/auth/keys", |_| true),
];

/// Where the live API accepts more than the schema says: `max_price` limits are typed as
/// strings, yet OpenRouter's own documentation sends numbers, and the API takes both.
fn lenient_like_the_live_api(error: &ValidationError) -> bool {
    error.path.contains("max_price.")
        && error.expected.contains("string")
        && error
            .found
            .as_deref()
            .is_some_and(|v| v.parse::<f64>().is_ok())
}

/// Fields the Responses handler checks with the live API's wording.
fn responses_checks_itself(path: &str) -> bool {
    let field = path.split(['.', '[']).next().unwrap_or(path);
    matches!(
        field,
        "input"
            | "model"
            | "store"
            | "previous_response_id"
            | "temperature"
            | "max_output_tokens"
            | "tools"
    )
}

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
        .find(|e: &ValidationError| {
            !own.is_some_and(|checks| checks(&e.path)) && !lenient_like_the_live_api(e)
        })?;
    let message = format!("Invalid request: {first}");
    Some(transport::json(
        &ActiveFault(fault.clone()),
        StatusCode::BAD_REQUEST,
        &error_body(400, &message),
        Vec::new(),
    ))
}
