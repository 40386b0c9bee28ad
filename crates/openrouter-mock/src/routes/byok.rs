//! `/byok`: provider keys brought by the user. The raw key is kept only to derive its masked
//! label and never appears in an answer.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::records::{
    bad, list_body, mask, missing, now, object, opt_bool, opt_string, opt_strings, req_string,
    respond, uuid, Outcome,
};
use super::workspaces::{default_workspace_id, find_workspace};
use crate::auth::authenticate_management;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

const KEYS: &str = "byok";

type Fault = Option<Extension<ActiveFault>>;

/// The provider slugs the spec's `BYOKProviderSlug` accepts.
const PROVIDERS: &[&str] = &[
    "ai21",
    "aion-labs",
    "akashml",
    "alibaba",
    "amazon-bedrock",
    "amazon-nova",
    "ambient",
    "anthropic",
    "arcee-ai",
    "atlas-cloud",
    "avian",
    "azure",
    "baidu",
    "baseten",
    "black-forest-labs",
    "byteplus",
    "cerebras",
    "chutes",
    "cirrascale",
    "clarifai",
    "cloudflare",
    "cohere",
    "coreweave",
    "crusoe",
    "darkbloom",
    "databricks",
    "decart",
    "deepgram",
    "deepinfra",
    "deepseek",
    "dekallm",
    "digitalocean",
    "featherless",
    "fireworks",
    "fish-audio",
    "friendli",
    "gmicloud",
    "google-ai-studio",
    "google-vertex",
    "groq",
    "heygen",
    "inception",
    "inceptron",
    "inferact-vllm",
    "inference-net",
    "infermatic",
    "inflection",
    "io-net",
    "ionstream",
    "krea",
    "liquid",
    "makora",
    "mancer",
    "mara",
    "meta",
    "minimax",
    "mistral",
    "modal",
    "modelrun",
    "modular",
    "moonshotai",
    "morph",
    "ncompass",
    "nebius",
    "nex-agi",
    "nextbit",
    "novita",
    "nvidia",
    "open-inference",
    "openai",
    "parasail",
    "perceptron",
    "perplexity",
    "phala",
    "poolside",
    "quiver",
    "recraft",
    "reka",
    "relace",
    "runway",
    "sail-research",
    "sakana",
    "sakana-ai",
    "sambanova",
    "seed",
    "siliconflow",
    "sourceful",
    "stepfun",
    "streamlake",
    "switchpoint",
    "tencent",
    "tenstorrent",
    "thinkingmachines",
    "together",
    "upstage",
    "venice",
    "wafer",
    "wandb",
    "wandb-legacy",
    "xai",
    "xiaomi",
    "z-ai",
];

fn is_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Checks the allowlists and flags shared by create and update and copies them in.
fn apply(body: &Map<String, Value>, doc: &mut Map<String, Value>) -> Result<(), Rejection> {
    if let Some(v) = opt_string(body, "name", 255, true)? {
        doc.insert("name".into(), v);
    }
    if let Some(v) = opt_strings(body, "allowed_api_key_hashes", 100, true, is_hash)? {
        if v.as_array().is_some_and(Vec::is_empty) {
            return Err(bad(
                "allowed_api_key_hashes: must contain at least one hash, or be null",
            ));
        }
        doc.insert("allowed_api_key_hashes".into(), v);
    }
    for field in ["allowed_models", "allowed_user_ids"] {
        if let Some(v) = opt_strings(body, field, 100, true, |s| !s.is_empty())? {
            doc.insert(field.into(), v);
        }
    }
    for field in ["disabled", "is_fallback"] {
        if let Some(v) = opt_bool(body, field)? {
            doc.insert(field.into(), json!(v));
        }
    }
    if body.contains_key("key") {
        let key = req_string(body, "key", 10_000)?;
        doc.insert("label".into(), json!(mask(&key, 3)));
    }
    Ok(())
}

fn not_found(id: &str) -> Rejection {
    missing(format!("BYOK credential {id} not found"))
}

/// `GET /byok`: the default workspace's keys unless `workspace_id` says otherwise.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let workspace = match query.get("workspace_id") {
                Some(id) => id.clone(),
                None => default_workspace_id(&shared),
            };
            if let Some(p) = query.get("provider") {
                if !PROVIDERS.contains(&p.as_str()) {
                    return Err(bad(format!("provider: unknown provider slug {p:?}")));
                }
            }
            let keys: Vec<Value> = shared
                .store
                .list(KEYS)
                .into_iter()
                .filter(|k| k["workspace_id"] == workspace.as_str())
                .filter(|k| {
                    query
                        .get("provider")
                        .is_none_or(|p| k["provider"] == p.as_str())
                })
                .collect();
            list_body(&keys, &query)
        })(),
    )
}

/// `POST /byok`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let body = object(&body)?;
            let provider = req_string(&body, "provider", 100)?;
            if !PROVIDERS.contains(&provider.as_str()) {
                return Err(bad(format!("provider: unknown provider slug {provider:?}")));
            }
            req_string(&body, "key", 10_000)?;
            let workspace_id = match opt_string(&body, "workspace_id", 100, false)? {
                Some(Value::String(id)) => match find_workspace(&shared, &id) {
                    Some(ws) => ws["id"].clone(),
                    None => return Err(bad(format!("workspace_id: no workspace {id}"))),
                },
                _ => json!(default_workspace_id(&shared)),
            };
            let sort_order = shared
                .store
                .list(KEYS)
                .iter()
                .filter(|k| k["provider"] == provider.as_str() && k["workspace_id"] == workspace_id)
                .count();
            let id = uuid();
            let mut doc = json!({
                "id": id,
                "provider": provider,
                "workspace_id": workspace_id,
                "name": null,
                "label": "",
                "disabled": false,
                "is_fallback": false,
                "allowed_models": null,
                "allowed_api_key_hashes": null,
                "allowed_user_ids": null,
                "sort_order": sort_order,
                "created_at": now(),
                // Newer than the spec; today's official SDKs require them.
                "declared_region": null,
                "declared_zdr": false,
                "is_byok_only": false,
                "is_required": false,
            });
            if let Value::Object(map) = &mut doc {
                apply(&body, map)?;
            }
            shared.store.insert(KEYS, &id, doc.clone());
            Ok((StatusCode::CREATED, json!({"data": doc})))
        })(),
    )
}

/// `GET /byok/{id}`.
pub(crate) async fn get(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let doc = shared.store.get(KEYS, &id).ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `PATCH /byok/{id}`: `null` clears an allowlist; a new `key` rotates the label.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let body = object(&body)?;
            let mut doc = shared.store.get(KEYS, &id).ok_or_else(|| not_found(&id))?;
            if let Value::Object(map) = &mut doc {
                apply(&body, map)?;
            }
            let doc = shared
                .store
                .update(KEYS, &id, |d| *d = doc)
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `DELETE /byok/{id}`.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            shared
                .store
                .remove(KEYS, &id)
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"deleted": true})))
        })(),
    )
}
