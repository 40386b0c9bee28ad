//! `/observability/destinations`: where traces are broadcast. Each type has required config
//! fields; secret ones are stored but only ever shown masked.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::records::{
    bad, conflict, list_body, mask, missing, now, object, opt_bool, opt_number, opt_strings,
    req_string, respond, uuid, Outcome,
};
use super::workspaces::{default_workspace_id, find_workspace};
use crate::auth::authenticate_management;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

const DESTINATIONS: &str = "observability";
/// The raw secrets, by destination id, kept apart so answers can only show masked values.
const SECRETS: &str = "observability.secrets";

type Fault = Option<Extension<ActiveFault>>;

/// Each destination type and the config fields it requires.
const TYPES: &[(&str, &[&str])] = &[
    ("arize", &["apiKey", "spaceKey", "modelId"]),
    ("braintrust", &["apiKey", "projectId"]),
    ("clickhouse", &["host", "database", "username", "password"]),
    ("datadog", &["apiKey", "mlApp"]),
    ("grafana", &["apiKey", "instanceId"]),
    ("langfuse", &["secretKey", "publicKey"]),
    ("langsmith", &["apiKey"]),
    ("newrelic", &["licenseKey"]),
    ("opik", &["apiKey", "workspace", "projectName"]),
    ("otel-collector", &["endpoint"]),
    ("posthog", &["apiKey"]),
    ("ramp", &["apiKey"]),
    ("s3", &["bucketName", "accessKeyId", "secretAccessKey"]),
    ("sentry", &["otlpEndpoint", "dsn"]),
    ("snowflake", &["account", "token"]),
    ("weave", &["apiKey", "entity", "project"]),
    ("webhook", &["url"]),
];

/// Config fields holding credentials.
const SECRET_FIELDS: &[&str] = &[
    "apiKey",
    "secretKey",
    "publicKey",
    "spaceKey",
    "password",
    "licenseKey",
    "accessKeyId",
    "secretAccessKey",
    "sessionToken",
    "token",
];

fn masked(config: &Map<String, Value>) -> Value {
    let shown: Map<String, Value> = config
        .iter()
        .map(|(k, v)| match v.as_str() {
            Some(s) if SECRET_FIELDS.contains(&k.as_str()) => (k.clone(), json!(mask(s, 4))),
            _ => (k.clone(), v.clone()),
        })
        .collect();
    Value::Object(shown)
}

fn check_config(kind: &str, config: &Map<String, Value>) -> Result<(), Rejection> {
    let required = TYPES
        .iter()
        .find(|(t, _)| *t == kind)
        .map(|(_, r)| *r)
        .unwrap_or(&[]);
    for field in required {
        match config.get(*field).and_then(Value::as_str) {
            Some(s) if !s.is_empty() => {}
            _ => {
                return Err(bad(format!(
                    "config.{field}: required for {kind} destinations (a non-empty string)"
                )))
            }
        }
    }
    Ok(())
}

fn check_filter_rules(v: &Value) -> Result<(), Rejection> {
    match v {
        Value::Null => Ok(()),
        Value::Object(rules) if rules.get("groups").is_some_and(Value::is_array) => Ok(()),
        _ => Err(bad(
            "filter_rules: expected null or an object with a groups array",
        )),
    }
}

/// Checks the settings shared by create and update and copies them in.
fn apply(body: &Map<String, Value>, doc: &mut Map<String, Value>) -> Result<(), Rejection> {
    for field in [
        "enabled",
        "privacy_mode",
        "broadcast_generation_cost",
        "broadcast_generation_identity",
        "broadcast_generation_request_context",
    ] {
        if let Some(v) = opt_bool(body, field)? {
            doc.insert(field.into(), json!(v));
        }
    }
    if let Some(rate) = opt_number(body, "sampling_rate", 0.0001, 1.0)? {
        doc.insert("sampling_rate".into(), json!(rate));
    }
    if let Some(v) = opt_strings(body, "api_key_hashes", 1000, true, |s| !s.is_empty())? {
        if v.as_array().is_some_and(Vec::is_empty) {
            return Err(bad(
                "api_key_hashes: must contain at least one hash, or be null",
            ));
        }
        doc.insert("api_key_hashes".into(), v);
    }
    if let Some(rules) = body.get("filter_rules") {
        check_filter_rules(rules)?;
        doc.insert("filter_rules".into(), rules.clone());
    }
    Ok(())
}

fn name_taken(shared: &Shared, workspace: &Value, name: &str, except: Option<&str>) -> bool {
    shared
        .store
        .list(DESTINATIONS)
        .iter()
        .any(|d| d["workspace_id"] == *workspace && d["name"] == name && d["id"].as_str() != except)
}

fn not_found(id: &str) -> Rejection {
    missing(format!("Observability destination {id} not found"))
}

/// `GET /observability/destinations`.
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
            let items: Vec<Value> = shared
                .store
                .list(DESTINATIONS)
                .into_iter()
                .filter(|d| d["workspace_id"] == workspace.as_str())
                .collect();
            list_body(&items, &query)
        })(),
    )
}

/// `POST /observability/destinations`: names are unique within a workspace.
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
            let kind = req_string(&body, "type", 50)?;
            if !TYPES.iter().any(|(t, _)| *t == kind) {
                let known: Vec<&str> = TYPES.iter().map(|(t, _)| *t).collect();
                return Err(bad(format!(
                    "type: {kind:?} is not a destination type; expected one of {}",
                    known.join(", ")
                )));
            }
            let name = req_string(&body, "name", 255)?;
            let Some(Value::Object(config)) = body.get("config") else {
                return Err(bad("config: required, an object"));
            };
            check_config(&kind, config)?;
            let workspace = match body.get("workspace_id").and_then(Value::as_str) {
                Some(id) => find_workspace(&shared, id)
                    .map(|w| w["id"].clone())
                    .ok_or_else(|| bad(format!("workspace_id: no workspace {id}")))?,
                None => json!(default_workspace_id(&shared)),
            };
            if name_taken(&shared, &workspace, &name, None) {
                return Err(conflict(format!(
                    "A destination named {name:?} already exists in this workspace"
                )));
            }
            let id = uuid();
            let stamp = now();
            let mut doc = json!({
                "id": id,
                "workspace_id": workspace,
                "type": kind,
                "name": name,
                "enabled": true,
                "privacy_mode": false,
                "broadcast_generation_cost": false,
                "broadcast_generation_identity": false,
                "broadcast_generation_request_context": false,
                "sampling_rate": 1,
                "api_key_hashes": null,
                "filter_rules": null,
                "config": masked(config),
                "created_at": stamp,
                "updated_at": stamp,
            });
            if let Value::Object(map) = &mut doc {
                apply(&body, map)?;
            }
            shared
                .store
                .insert(SECRETS, &id, Value::Object(config.clone()));
            shared.store.insert(DESTINATIONS, &id, doc.clone());
            Ok((StatusCode::CREATED, json!({"data": doc})))
        })(),
    )
}

/// `GET /observability/destinations/{id}`.
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
            let doc = shared
                .store
                .get(DESTINATIONS, &id)
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `PATCH /observability/destinations/{id}`: config fields merge into the stored ones, and
/// masked values sent back unchanged are ignored.
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
            let mut doc = shared
                .store
                .get(DESTINATIONS, &id)
                .ok_or_else(|| not_found(&id))?;
            if body.contains_key("name") {
                let name = req_string(&body, "name", 255)?;
                if name_taken(&shared, &doc["workspace_id"], &name, Some(&id)) {
                    return Err(conflict(format!(
                        "A destination named {name:?} already exists in this workspace"
                    )));
                }
                doc["name"] = json!(name);
            }
            let mut secrets = match shared.store.get(SECRETS, &id) {
                Some(Value::Object(map)) => map,
                _ => Map::new(),
            };
            match body.get("config") {
                None => {}
                Some(Value::Object(changes)) => {
                    for (k, v) in changes {
                        let is_mask = v.as_str().is_some_and(|s| s.contains("...") || s == "****");
                        if !is_mask {
                            secrets.insert(k.clone(), v.clone());
                        }
                    }
                    let kind = doc["type"].as_str().unwrap_or_default().to_owned();
                    check_config(&kind, &secrets)?;
                }
                Some(_) => return Err(bad("config: expected an object")),
            }
            if let Value::Object(map) = &mut doc {
                apply(&body, map)?;
                map.insert("config".into(), masked(&secrets));
                map.insert("updated_at".into(), json!(now()));
            }
            shared
                .store
                .update(SECRETS, &id, |s| *s = Value::Object(secrets));
            let doc = shared
                .store
                .update(DESTINATIONS, &id, |d| *d = doc)
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `DELETE /observability/destinations/{id}`.
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
                .remove(DESTINATIONS, &id)
                .ok_or_else(|| not_found(&id))?;
            shared.store.remove(SECRETS, &id);
            Ok((StatusCode::OK, json!({"deleted": true})))
        })(),
    )
}
