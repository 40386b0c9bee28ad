//! `POST /images` (plain or streamed), `GET /images/models` and
//! `GET /images/models/{author}/{slug}/endpoints`.
//!
//! Every image is the same 1x1 PNG, so answers are deterministic. A prompt starting with
//! `fail:` makes a stream send one partial image and then an `error` event, as the live API
//! does when a provider fails after the stream started.

use std::sync::Arc;

use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value};

use super::audio::{error, fault_of};
use crate::auth::authenticate;
use crate::state::Shared;
use crate::transport::{self, ChunkHeader};

/// A 1x1 PNG, base64-encoded.
pub(crate) const TINY_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn models() -> Value {
    json!([
        {
            "id": "openai/gpt-image-1",
            "name": "GPT Image 1",
            "description": "OpenAI's image model, with partial-image streaming.",
            "created": 1_745_452_800,
            "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["image"]},
            "supported_parameters": {
                "quality": {"type": "enum", "values": ["low", "medium", "high"]},
                "output_compression": {"type": "range", "min": 0, "max": 100},
                "background": {"type": "enum", "values": ["auto", "transparent", "opaque"]}
            },
            "supports_streaming": true,
            "endpoints": "/api/v1/images/models/openai/gpt-image-1/endpoints"
        },
        {
            "id": "bytedance-seed/seedream-4.5",
            "name": "Seedream 4.5",
            "description": "A text-to-image model.",
            "created": 1_692_901_234,
            "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["image"]},
            "supported_parameters": {
                "resolution": {"type": "enum", "values": ["1K", "2K", "4K"]},
                "seed": {"type": "boolean"}
            },
            "supports_streaming": false,
            "endpoints": "/api/v1/images/models/bytedance-seed/seedream-4.5/endpoints"
        }
    ])
}

fn endpoint(model: &Value) -> Value {
    let id = model["id"].as_str().unwrap_or_default();
    let (slug, name) = if id.starts_with("openai/") {
        ("openai", "OpenAI")
    } else {
        ("bytedance", "Bytedance")
    };
    json!({
        "provider_name": name,
        "provider_slug": slug,
        "provider_tag": slug,
        "supported_parameters": model["supported_parameters"],
        "allowed_passthrough_parameters": [],
        "supports_streaming": model["supports_streaming"],
        "pricing": [{"billable": "output_image", "unit": "image", "cost_usd": 0.04}]
    })
}

/// `GET /images/models`.
pub(crate) async fn list_models(
    fault: Option<Extension<crate::transport::ActiveFault>>,
) -> Response {
    transport::json(
        &fault_of(fault),
        StatusCode::OK,
        &json!({"data": models()}),
        Vec::new(),
    )
}

/// `GET /images/models/{author}/{slug}/endpoints`.
pub(crate) async fn list_endpoints(
    fault: Option<Extension<crate::transport::ActiveFault>>,
    Path((author, slug)): Path<(String, String)>,
) -> Response {
    let fault = fault_of(fault);
    let id = format!("{author}/{slug}");
    let all = models();
    let Some(model) = all
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == id.as_str()))
    else {
        return error(
            &fault,
            StatusCode::NOT_FOUND,
            &format!("Image model {id} not found"),
        );
    };
    let body = json!({"id": id, "endpoints": [endpoint(model)]});
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}

fn usage(n: u64) -> Value {
    json!({"prompt_tokens": 0, "completion_tokens": 4175 * n, "total_tokens": 4175 * n, "cost": 0.04 * n as f64})
}

/// `POST /images`.
pub(crate) async fn generate(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<crate::transport::ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = fault_of(fault);
    let key = match authenticate(&shared, &headers) {
        Ok(k) => k,
        Err(r) => return r.into_response(),
    };
    let bad = |m: &str| error(&fault, StatusCode::BAD_REQUEST, m);
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad(&format!("Request body is not valid JSON: {e}")),
    };
    let Some(model) = request["model"].as_str() else {
        return bad("model: required, an image model id such as \"openai/gpt-image-1\"");
    };
    let prompt = match request["prompt"].as_str() {
        Some(p) if !p.is_empty() => p,
        _ => return bad("prompt: required, a non-empty description of the image"),
    };
    let n = match &request["n"] {
        Value::Null => 1,
        v => match v.as_u64() {
            Some(n) if (1..=10).contains(&n) => n,
            _ => return bad("n: expected an integer from 1 to 10"),
        },
    };
    if !models()
        .as_array()
        .is_some_and(|m| m.iter().any(|m| m["id"] == model))
    {
        return error(
            &fault,
            StatusCode::NOT_FOUND,
            &format!("Image model {model} not found"),
        );
    }
    let created = crate::ids::unix_now();
    shared.charge(&key, 0.04 * n as f64);
    if request["stream"].as_bool() == Some(true) {
        let mut events = vec![
            json!({"type": "image_generation.partial_image", "partial_image_index": 0, "b64_json": TINY_PNG}),
        ];
        if let Some(reason) = prompt.strip_prefix("fail:") {
            events.push(json!({
                "type": "error",
                "error": {"code": "upstream_error", "message": format!("The upstream provider returned an error: {}", reason.trim()), "param": null, "type": "provider_error"}
            }));
        } else {
            events.push(json!({"type": "image_generation.partial_image", "partial_image_index": 1, "b64_json": TINY_PNG}));
            events.push(json!({
                "type": "image_generation.completed",
                "b64_json": TINY_PNG,
                "media_type": "image/png",
                "created": created,
                "usage": usage(1),
            }));
        }
        let head = ChunkHeader {
            id: crate::ids::generation_id(),
            created,
            model: model.to_owned(),
            provider: "OpenAI".into(),
        };
        return transport::sse(&shared, &fault, &head, &events, Vec::new());
    }
    let data: Vec<Value> = (0..n)
        .map(|_| json!({"b64_json": TINY_PNG, "media_type": "image/png"}))
        .collect();
    let body = json!({"created": created, "data": data, "usage": usage(n)});
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}
