//! Video generation jobs: `POST /videos` (202), `GET /videos/{jobId}`,
//! `GET /videos/{jobId}/content` and `GET /videos/models`.
//!
//! A job moves one step per poll: `pending` when created, `in_progress` at the first poll,
//! `completed` at the second. A prompt containing `[fail]` ends `failed` at the second poll;
//! one containing `[stall]` stays `in_progress`.

use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};

use super::audio::{binary, error, fault_of};
use crate::auth::authenticate;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

const COLLECTION: &str = "video_jobs";
/// Size of the generated "video".
const VIDEO_BYTES: usize = 200 * 1024;

fn models() -> Value {
    json!([{
        "id": "google/veo-3.1",
        "canonical_slug": "google/veo-3.1",
        "name": "Veo 3.1",
        "description": "Google video generation model",
        "created": 1_700_000_000,
        "hugging_face_id": null,
        "supported_resolutions": ["720p", "1080p"],
        "supported_aspect_ratios": ["16:9", "9:16"],
        "supported_sizes": null,
        "supported_durations": [4, 6, 8],
        "supported_frame_images": ["first_frame", "last_frame"],
        "upscale_factor": null,
        "creativity": null,
        "generate_audio": true,
        "seed": null,
        "pricing_skus": {"generate": "0.50"},
        "allowed_passthrough_parameters": []
    }])
}

/// `GET /videos/models`.
pub(crate) async fn list_models(fault: Option<Extension<ActiveFault>>) -> Response {
    transport::json(
        &fault_of(fault),
        StatusCode::OK,
        &json!({"data": models()}),
        Vec::new(),
    )
}

/// `POST /videos`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = fault_of(fault);
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let bad = |m: &str| error(&fault, StatusCode::BAD_REQUEST, m);
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad(&format!("Request body is not valid JSON: {e}")),
    };
    let Some(model) = request["model"].as_str() else {
        return bad("model: required, a video model id such as \"google/veo-3.1\"");
    };
    if !models()
        .as_array()
        .is_some_and(|m| m.iter().any(|m| m["id"] == model))
    {
        return error(
            &fault,
            StatusCode::NOT_FOUND,
            &format!("Video model {model} not found"),
        );
    }
    if let Some(d) = request.get("duration").filter(|d| !d.is_null()) {
        if d.as_u64().is_none_or(|n| n == 0) {
            return bad("duration: expected a positive integer number of seconds");
        }
    }
    if let Some(url) = request["callback_url"].as_str() {
        if !url.starts_with("https://") {
            return bad("callback_url: must be an HTTPS URL");
        }
    }
    let tail = crate::ids::generation_id();
    let id = format!("job-{}", tail.rsplit('-').next().unwrap_or("0"));
    let job = json!({
        "id": id,
        "polling_url": format!("/api/v1/videos/{id}"),
        "status": "pending",
        "generation_id": tail,
    });
    let prompt = request["prompt"].as_str().unwrap_or_default();
    let mut doc = job.clone();
    doc["_polls"] = json!(0);
    doc["_plan"] = json!(if prompt.contains("[fail]") {
        "fail"
    } else if prompt.contains("[stall]") {
        "stall"
    } else {
        "ok"
    });
    shared.store.insert(COLLECTION, &id, doc);
    transport::json(&fault, StatusCode::ACCEPTED, &job, Vec::new())
}

fn public(doc: &Value) -> Value {
    let mut job = doc.clone();
    if let Some(map) = job.as_object_mut() {
        map.retain(|k, _| !k.starts_with('_'));
    }
    job
}

/// `GET /videos/{jobId}`: each poll moves the job one step.
pub(crate) async fn get(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let fault = fault_of(fault);
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let updated = shared.store.update(COLLECTION, &id, |doc| {
        let polls = doc["_polls"].as_u64().unwrap_or(0) + 1;
        doc["_polls"] = json!(polls);
        let plan = doc["_plan"].as_str().unwrap_or("ok").to_owned();
        match (polls, plan.as_str()) {
            (1, _) | (_, "stall") => doc["status"] = json!("in_progress"),
            (_, "fail") => {
                doc["status"] = json!("failed");
                doc["error"] = json!("The provider rejected the prompt");
            }
            _ => {
                let id = doc["id"].as_str().unwrap_or_default().to_owned();
                doc["status"] = json!("completed");
                doc["unsigned_urls"] =
                    json!([format!("https://storage.openrouter.mock/videos/{id}.mp4")]);
                doc["usage"] = json!({"cost": 0.5, "is_byok": false});
            }
        }
    });
    match updated {
        Some(doc) => transport::json(&fault, StatusCode::OK, &public(&doc), Vec::new()),
        None => error(
            &fault,
            StatusCode::NOT_FOUND,
            &format!("Video job {id} not found"),
        ),
    }
}

/// The `index` query parameter.
#[derive(Debug, Deserialize)]
pub(crate) struct ContentQuery {
    index: Option<String>,
}

/// Deterministic bytes standing in for an MP4: an `ftyp` box, then a pattern from the id.
fn video_bytes(id: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(VIDEO_BYTES);
    out.extend_from_slice(&[0, 0, 0, 0x18]);
    out.extend_from_slice(b"ftypisom\0\0\x02\0isomiso2");
    let seed: Vec<u8> = id.bytes().collect();
    let mut i = 0usize;
    while out.len() < VIDEO_BYTES {
        out.push(seed.get(i % seed.len().max(1)).copied().unwrap_or(0) ^ (i as u8));
        i += 1;
    }
    out
}

/// `GET /videos/{jobId}/content`.
pub(crate) async fn content(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    Path(id): Path<String>,
    Query(query): Query<ContentQuery>,
    headers: HeaderMap,
) -> Response {
    let fault = fault_of(fault);
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let Some(doc) = shared.store.get(COLLECTION, &id) else {
        return error(
            &fault,
            StatusCode::NOT_FOUND,
            &format!("Video job {id} not found"),
        );
    };
    match query.index.as_deref().map(str::parse::<u64>) {
        None | Some(Ok(0)) => {}
        Some(Ok(_)) => {
            return error(
                &fault,
                StatusCode::BAD_REQUEST,
                "index: this job produced one video (index 0)",
            )
        }
        Some(Err(_)) => {
            return error(
                &fault,
                StatusCode::BAD_REQUEST,
                "index: expected a non-negative integer",
            )
        }
    }
    if doc["status"] != "completed" {
        let status = doc["status"].as_str().unwrap_or("pending");
        return error(
            &fault,
            StatusCode::BAD_REQUEST,
            &format!("Video job {id} is {status}; content is available once it is completed"),
        );
    }
    binary(&fault, "video/mp4", Bytes::from(video_bytes(&id)))
}
