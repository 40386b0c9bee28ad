//! OpenRouter's error body, `{"error":{"code":..,"message":..}}`, and default messages.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// The error body the live API sends for `code`.
pub(crate) fn error_body(code: i64, message: &str) -> Value {
    json!({ "error": { "code": code, "message": message } })
}

/// A JSON response carrying `body` with `status`.
pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// An error response whose body code equals the HTTP status.
pub(crate) fn error_response(status: StatusCode, message: &str) -> Response {
    json_response(status, &error_body(i64::from(status.as_u16()), message))
}

/// The message OpenRouter documents for each error status.
pub(crate) fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Invalid request parameters or malformed input",
        401 => "Missing Authentication header",
        402 => "Insufficient credits. Add more using https://openrouter.ai/credits",
        403 => "Only management keys can perform this operation",
        404 => "Resource not found",
        408 => "Operation exceeded time limit",
        409 => "Resource conflict",
        410 => "This endpoint is gone",
        413 => "Payload too large",
        422 => "Invalid argument",
        429 => "Rate limit exceeded",
        500 => "Internal Server Error",
        502 => "Provider returned error",
        503 => "Service temporarily unavailable",
        524 => "Request timed out. Please try again later.",
        529 => "Provider temporarily overloaded",
        _ => "Error",
    }
}

/// A request the API turns away: a status and a message saying what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rejection {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
}

impl Rejection {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Rejection {
            status,
            message: message.into(),
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        error_response(self.status, &self.message)
    }
}
