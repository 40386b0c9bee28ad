//! `GET /models`: the public model list.

use axum::extract::Extension;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::catalogue::MODELS;
use crate::transport::{self, ActiveFault};

/// Lists the whole catalogue; the live endpoint needs no key, so none is checked.
pub(crate) async fn list(fault: Option<Extension<ActiveFault>>) -> Response {
    let data: Vec<Value> = MODELS.iter().map(|m| m.to_json()).collect();
    let body = json!({
        "data": data,
        "total_count": data.len(),
        "links": { "next": null },
    });
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}
