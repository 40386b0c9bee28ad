//! `/presets`: saved request settings. Posting an inference-shaped body to
//! `/presets/{slug}/chat/completions|messages|responses` saves a new version (creating the
//! preset on first save) instead of running a model.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::records::{bad, list_body, missing, now, object, respond, uuid, Outcome};
use super::workspaces::default_workspace_id;
use crate::auth::authenticate;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

const PRESETS: &str = "presets";
const VERSIONS: &str = "presets.versions";
const CREATOR: &str = "user_mock";

type Fault = Option<Extension<ActiveFault>>;
type Params = Query<HashMap<String, String>>;

/// Which inference format the body is in.
#[derive(Clone, Copy)]
enum Format {
    Chat,
    Messages,
    Responses,
}

fn check_slug(slug: &str) -> Result<(), Rejection> {
    let ok = !slug.is_empty()
        && slug.len() <= 100
        && slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    if ok {
        Ok(())
    } else {
        Err(bad(format!(
            "slug: {slug:?} must be 1 to 100 letters, digits, '-', '_' or '.'"
        )))
    }
}

fn text_of(content: &Value) -> Option<String> {
    match content {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => {
            let text: Vec<&str> = parts.iter().filter_map(|p| p["text"].as_str()).collect();
            (!text.is_empty()).then(|| text.join("\n"))
        }
        _ => None,
    }
}

/// Splits a body into the preset's system prompt and config; the conversation itself and
/// per-call switches are not part of a preset.
fn version_parts(format: Format, body: &Map<String, Value>) -> Result<(Value, Value), Rejection> {
    if let Some(model) = body.get("model") {
        if !model.is_string() {
            return Err(bad("model: expected a string"));
        }
    }
    let system = match format {
        Format::Chat => {
            let Some(Value::Array(messages)) = body.get("messages") else {
                return Err(bad("messages: required, an array of messages"));
            };
            messages
                .iter()
                .find(|m| m["role"] == "system" || m["role"] == "developer")
                .and_then(|m| text_of(&m["content"]))
        }
        Format::Messages => {
            if !body.get("messages").is_some_and(Value::is_array) {
                return Err(bad("messages: required, an array of messages"));
            }
            body.get("system").and_then(text_of)
        }
        Format::Responses => body.get("instructions").and_then(text_of),
    };
    let dropped = [
        "messages",
        "input",
        "system",
        "instructions",
        "stream",
        "user",
        "session_id",
    ];
    let config: Map<String, Value> = body
        .iter()
        .filter(|(k, _)| !dropped.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok((
        system.map_or(Value::Null, Value::String),
        Value::Object(config),
    ))
}

fn versions_of(shared: &Shared, preset_id: &str) -> Vec<Value> {
    shared
        .store
        .list(VERSIONS)
        .into_iter()
        .filter(|v| v["preset_id"] == preset_id)
        .collect()
}

fn preset(shared: &Shared, slug: &str) -> Result<Value, Rejection> {
    shared
        .store
        .get(PRESETS, slug)
        .ok_or_else(|| missing(format!("Preset {slug} not found")))
}

/// The preset with its designated version embedded.
fn with_version(shared: &Shared, preset: Value) -> Value {
    let designated = preset["designated_version_id"].as_str().and_then(|id| {
        shared
            .store
            .list(VERSIONS)
            .into_iter()
            .find(|v| v["id"] == id)
    });
    let mut out = preset;
    out["designated_version"] = designated.unwrap_or(Value::Null);
    out
}

async fn save(
    shared: &Shared,
    headers: &HeaderMap,
    slug: &str,
    body: &[u8],
    format: Format,
) -> Outcome {
    authenticate(shared, headers)?;
    check_slug(slug)?;
    let body = object(body)?;
    let (system_prompt, config) = version_parts(format, &body)?;
    let stamp = now();
    let existing = shared.store.get(PRESETS, slug);
    let preset_id = existing
        .as_ref()
        .and_then(|p| p["id"].as_str().map(str::to_owned))
        .unwrap_or_else(uuid);
    if existing.is_none() {
        let doc = json!({
            "id": preset_id,
            "creator_user_id": CREATOR,
            "workspace_id": default_workspace_id(shared),
            "name": slug,
            "slug": slug,
            "description": null,
            "status": "active",
            "designated_version_id": null,
            "created_at": stamp,
            "updated_at": stamp,
            "status_updated_at": null,
        });
        shared.store.insert(PRESETS, slug, doc);
    }
    let number = versions_of(shared, &preset_id).len() + 1;
    let version_id = uuid();
    let version = json!({
        "id": version_id,
        "preset_id": preset_id,
        "creator_id": CREATOR,
        "version": number,
        "system_prompt": system_prompt,
        "config": config,
        "created_at": stamp,
        "updated_at": stamp,
    });
    shared
        .store
        .insert(VERSIONS, &format!("{preset_id}:{number}"), version);
    let doc = shared
        .store
        .update(PRESETS, slug, |p| {
            p["designated_version_id"] = json!(version_id);
            p["updated_at"] = json!(stamp);
        })
        .ok_or_else(|| missing(format!("Preset {slug} not found")))?;
    Ok((StatusCode::OK, json!({"data": with_version(shared, doc)})))
}

/// `POST /presets/{slug}/chat/completions`.
pub(crate) async fn save_chat(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    respond(
        fault,
        save(&shared, &headers, &slug, &body, Format::Chat).await,
    )
}

/// `POST /presets/{slug}/messages`.
pub(crate) async fn save_messages(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    respond(
        fault,
        save(&shared, &headers, &slug, &body, Format::Messages).await,
    )
}

/// `POST /presets/{slug}/responses`.
pub(crate) async fn save_responses(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    respond(
        fault,
        save(&shared, &headers, &slug, &body, Format::Responses).await,
    )
}

/// `GET /presets`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate(&shared, &headers)?;
            list_body(&shared.store.list(PRESETS), &query)
        })(),
    )
}

/// `GET /presets/{slug}`.
pub(crate) async fn get(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate(&shared, &headers)?;
            let doc = preset(&shared, &slug)?;
            Ok((StatusCode::OK, json!({"data": with_version(&shared, doc)})))
        })(),
    )
}

/// `GET /presets/{slug}/versions`, oldest first.
pub(crate) async fn list_versions(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(query): Params,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate(&shared, &headers)?;
            let doc = preset(&shared, &slug)?;
            let versions = versions_of(&shared, doc["id"].as_str().unwrap_or_default());
            list_body(&versions, &query)
        })(),
    )
}

/// `GET /presets/{slug}/versions/{version}`.
pub(crate) async fn get_version(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path((slug, version)): Path<(String, String)>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate(&shared, &headers)?;
            let number = match version.parse::<u64>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    return Err(bad(format!(
                        "version: expected a positive integer, got {version:?}"
                    )))
                }
            };
            let doc = preset(&shared, &slug)?;
            let id = doc["id"].as_str().unwrap_or_default();
            let found = shared
                .store
                .get(VERSIONS, &format!("{id}:{number}"))
                .ok_or_else(|| missing(format!("Preset {slug} has no version {number}")))?;
            Ok((StatusCode::OK, json!({"data": found})))
        })(),
    )
}
