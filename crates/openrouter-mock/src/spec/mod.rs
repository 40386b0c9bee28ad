//! The vendored OpenAPI document, and validation of request bodies against it.
//!
//! The document is embedded in the binary and parsed the first time anything here needs
//! it, so a server that never validates never pays for it. [`operation`] finds the spec's
//! operation for a concrete request; [`validate_request`] checks a body against that
//! operation's `requestBody` schema with a small JSON Schema validator covering what the
//! spec uses (`$ref`, `type`, `enum`, `const`, `properties`, `required`,
//! `additionalProperties`, `items`, `oneOf`/`anyOf` with `discriminator`, `allOf`, numeric
//! bounds, length and item-count bounds, `nullable`). `pattern` and `format` are not checked.
//!
//! Validation is as lenient as the live API: unknown properties are accepted even where the
//! spec says `additionalProperties: false` (OpenRouter ignores fields it does not know and
//! still honours older ones such as `transforms` or `usage`), but wrong types, missing
//! required fields, values outside an enum and numbers out of range are errors.
//! [`ValidationOptions::reject_unknown_properties`] turns on the strict reading.
//!
//! ```
//! use openrouter_mock::spec;
//!
//! let body = br#"{"messages":[{"role":"robot","content":"hi"}]}"#;
//! let err = spec::validate_request("POST", "/api/v1/chat/completions", Some("application/json"), body)
//!     .unwrap_err();
//! assert_eq!(err.path, "messages[0].role");
//! ```

mod body;
mod error;
mod paths;
mod validator;

use std::sync::OnceLock;

use serde_json::Value;

use crate::record::RecordedRequest;

pub(crate) use body::json_errors as body_errors;
pub use body::{request_errors, validate_request};
pub use validator::{validate_value, ValidationError, ValidationOptions};

/// The OpenAPI document this emulator follows (`spec/openrouter-openapi.yaml`).
const SPEC_YAML: &str = include_str!("../../../../spec/openrouter-openapi.yaml");

/// The parsed document and its operation table, built once.
struct Spec {
    doc: Value,
    routes: Vec<paths::Route>,
}

fn spec() -> Option<&'static Spec> {
    static SPEC: OnceLock<Option<Spec>> = OnceLock::new();
    SPEC.get_or_init(|| {
        // A document that fails to parse disables validation rather than the server.
        let doc: Value = match serde_yaml::from_str(SPEC_YAML) {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!("the embedded OpenAPI document does not parse: {e}");
                return None;
            }
        };
        let routes = paths::routes(&doc);
        Some(Spec { doc, routes })
    })
    .as_ref()
}

/// The whole OpenAPI document as JSON, parsed on first use; `None` only if the embedded
/// document failed to parse.
pub fn document() -> Option<&'static Value> {
    spec().map(|s| &s.doc)
}

/// Whether a request with this `Content-Type` carries JSON (no content type counts as JSON).
pub(crate) fn is_json_media(content_type: Option<&str>) -> bool {
    body::is_json(&body::media_type(content_type))
}

/// One operation of the spec: its method, templated path and definition.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationSpec {
    /// Upper-case HTTP method, e.g. `POST`.
    pub method: String,
    /// The spec's templated path without the `/api/v1` prefix, e.g. `/guardrails/{id}`.
    pub path: &'static str,
    /// The operation's `operationId`, when it has one.
    pub operation_id: Option<&'static str>,
    /// The operation object as written in the spec.
    pub definition: &'static Value,
}

impl OperationSpec {
    /// The `requestBody` object, if the operation takes a body.
    pub fn request_body(&self) -> Option<&'static Value> {
        self.definition.get("requestBody")
    }

    /// Whether the spec says the body is required.
    pub fn body_required(&self) -> bool {
        self.request_body()
            .and_then(|b| b.get("required"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// The schema of the body for `media_type` (e.g. `application/json`), if declared.
    pub fn request_schema(&self, media_type: &str) -> Option<&'static Value> {
        self.request_body()?
            .get("content")?
            .get(media_type)?
            .get("schema")
    }
}

/// The spec's operation for a concrete request, e.g. `("POST",
/// "/api/v1/guardrails/abc/assignments/keys")` -> `/guardrails/{id}/assignments/keys`.
/// The `/api/v1` prefix is optional; literal segments beat placeholders, so
/// `/guardrails/assignments/keys` is its own operation and not `/guardrails/{id}/..`.
pub fn operation(method: &str, path: &str) -> Option<OperationSpec> {
    let spec = spec()?;
    let route = paths::find(&spec.routes, method, path)?;
    let definition = spec
        .doc
        .get("paths")?
        .get(route.template.as_str())?
        .get(route.method.to_ascii_lowercase())?;
    Some(OperationSpec {
        method: route.method.clone(),
        path: route.template.as_str(),
        operation_id: definition.get("operationId").and_then(Value::as_str),
        definition,
    })
}

/// Checks a request the emulator recorded: its operation must be in the spec and its body
/// valid against the operation's schema (see [`validate_request`]).
///
/// # Errors
/// The first problem found: an operation the spec does not describe (reported with the
/// path `operation`), or the first invalid field of the body.
pub fn validate_recorded(request: &RecordedRequest) -> Result<(), ValidationError> {
    if operation(&request.method, &request.path).is_none() {
        return Err(ValidationError::new(
            "operation",
            "a method and path the spec describes",
            Some(format!("{} {}", request.method, request.path)),
        ));
    }
    validate_request(
        &request.method,
        &request.path,
        request.header("content-type"),
        &request.body,
    )
}
