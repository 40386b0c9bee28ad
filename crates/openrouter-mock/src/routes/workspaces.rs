//! `/workspaces`: workspaces, their budgets per interval and their members.
//!
//! Every account has a default workspace (seeded on first use, slug `default`); it cannot be
//! deleted yet, as on the live API. Budgets and members live in their own collections keyed by
//! workspace, and go away with it.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::records::{
    bad, conflict, is_slug, list_body, missing, now, object, opt_bool, opt_number, opt_string,
    req_string, respond, uuid, Outcome,
};
use crate::auth::authenticate_management;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

const WORKSPACES: &str = "workspaces";
const META: &str = "workspaces.meta";
const BUDGETS: &str = "workspaces.budgets";
const MEMBERS: &str = "workspaces.members";

type Fault = Option<Extension<ActiveFault>>;
type Params = Query<HashMap<String, String>>;

/// Intervals from the narrowest to the broadest: limits must grow along this order.
const INTERVALS: [&str; 4] = ["daily", "weekly", "monthly", "lifetime"];

fn workspace_doc(id: &str, name: &str, slug: &str) -> Value {
    json!({
        "id": id,
        "default_guardrail_id": uuid(),
        "name": name,
        "slug": slug,
        "description": null,
        "default_text_model": null,
        "default_image_model": null,
        "default_provider_sort": null,
        "is_observability_io_logging_enabled": false,
        "is_observability_broadcast_enabled": false,
        "is_data_discount_logging_enabled": true,
        "io_logging_sampling_rate": 1,
        "io_logging_api_key_ids": null,
        "include_byok_in_budgets": false,
        "created_at": now(),
        "updated_at": null,
        "created_by": "user_mock",
    })
}

/// The id of the account's default workspace, creating it on first use.
pub(crate) fn default_workspace_id(shared: &Shared) -> String {
    if let Some(meta) = shared.store.get(META, "default") {
        if let Some(id) = meta["id"].as_str() {
            return id.to_owned();
        }
    }
    let id = uuid();
    if shared.store.insert(META, "default", json!({"id": id})) {
        shared.store.insert(
            WORKSPACES,
            &id,
            workspace_doc(&id, "Default Workspace", "default"),
        );
        return id;
    }
    // Another request seeded it first.
    shared
        .store
        .get(META, "default")
        .and_then(|m| m["id"].as_str().map(str::to_owned))
        .unwrap_or(id)
}

/// The workspace with this id or slug.
pub(crate) fn find_workspace(shared: &Shared, id_or_slug: &str) -> Option<Value> {
    default_workspace_id(shared);
    shared.store.get(WORKSPACES, id_or_slug).or_else(|| {
        shared
            .store
            .list(WORKSPACES)
            .into_iter()
            .find(|w| w["slug"] == id_or_slug)
    })
}

fn existing(shared: &Shared, id: &str) -> Result<Value, Rejection> {
    find_workspace(shared, id).ok_or_else(|| missing(format!("Workspace {id} not found")))
}

fn id_of(doc: &Value) -> String {
    doc["id"].as_str().unwrap_or_default().to_owned()
}

/// Checks the optional workspace fields shared by create and update and copies them in.
fn apply_settings(
    body: &Map<String, Value>,
    doc: &mut Map<String, Value>,
) -> Result<(), Rejection> {
    for (field, max) in [
        ("description", 500),
        ("default_text_model", 200),
        ("default_image_model", 200),
        ("default_provider_sort", 50),
    ] {
        if let Some(v) = opt_string(body, field, max, true)? {
            doc.insert(field.to_owned(), v);
        }
    }
    for field in [
        "is_data_discount_logging_enabled",
        "is_observability_broadcast_enabled",
        "is_observability_io_logging_enabled",
    ] {
        if let Some(v) = opt_bool(body, field)? {
            doc.insert(field.to_owned(), json!(v));
        }
    }
    if let Some(rate) = opt_number(body, "io_logging_sampling_rate", 0.0001, 1.0)? {
        doc.insert("io_logging_sampling_rate".into(), json!(rate));
    }
    match body.get("io_logging_api_key_ids") {
        None => {}
        Some(Value::Null) => {
            doc.insert("io_logging_api_key_ids".into(), Value::Null);
        }
        Some(Value::Array(ids)) if ids.iter().all(|i| i.is_i64() || i.is_u64()) => {
            doc.insert("io_logging_api_key_ids".into(), Value::Array(ids.clone()));
        }
        Some(_) => {
            return Err(bad(
                "io_logging_api_key_ids: expected an array of integers or null",
            ))
        }
    }
    Ok(())
}

fn check_slug(shared: &Shared, slug: &str, except: Option<&str>) -> Result<(), Rejection> {
    if slug.chars().count() > 50 || !is_slug(slug) {
        return Err(bad(format!(
            "slug: {slug:?} must be 1 to 50 lowercase letters or digits in segments joined by single hyphens"
        )));
    }
    let taken = shared
        .store
        .list(WORKSPACES)
        .iter()
        .any(|w| w["slug"] == slug && Some(w["id"].as_str().unwrap_or_default()) != except);
    if taken {
        return Err(conflict(format!(
            "A workspace with slug {slug:?} already exists"
        )));
    }
    Ok(())
}

/// `GET /workspaces`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            default_workspace_id(&shared);
            list_body(&shared.store.list(WORKSPACES), &query)
        })(),
    )
}

/// `POST /workspaces`.
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
            let name = req_string(&body, "name", 100)?;
            let slug = req_string(&body, "slug", 50)?;
            default_workspace_id(&shared);
            check_slug(&shared, &slug, None)?;
            let id = uuid();
            let mut doc = workspace_doc(&id, &name, &slug);
            if let Value::Object(map) = &mut doc {
                apply_settings(&body, map)?;
            }
            if !shared.store.insert(WORKSPACES, &id, doc.clone()) {
                return Err(conflict("Workspace id collision; retry"));
            }
            Ok((StatusCode::CREATED, json!({"data": doc})))
        })(),
    )
}

/// `GET /workspaces/{id}`.
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
            Ok((StatusCode::OK, json!({"data": existing(&shared, &id)?})))
        })(),
    )
}

/// `PATCH /workspaces/{id}`.
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
            let current = existing(&shared, &id)?;
            let ws_id = id_of(&current);
            let name = match body.get("name") {
                Some(_) => Some(req_string(&body, "name", 100)?),
                None => None,
            };
            let slug = match body.get("slug") {
                Some(_) => Some(req_string(&body, "slug", 50)?),
                None => None,
            };
            if let Some(slug) = &slug {
                check_slug(&shared, slug, Some(&ws_id))?;
            }
            let mut changed = current;
            if let Value::Object(map) = &mut changed {
                apply_settings(&body, map)?;
                if let Some(name) = name {
                    map.insert("name".into(), json!(name));
                }
                if let Some(slug) = slug {
                    map.insert("slug".into(), json!(slug));
                }
                map.insert("updated_at".into(), json!(now()));
            }
            let doc = shared
                .store
                .update(WORKSPACES, &ws_id, |doc| *doc = changed)
                .ok_or_else(|| missing(format!("Workspace {id} not found")))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `DELETE /workspaces/{id}`: the default workspace is refused while that is not generally
/// available.
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
            let ws_id = id_of(&existing(&shared, &id)?);
            if ws_id == default_workspace_id(&shared) {
                return Err(Rejection::new(
                    StatusCode::FORBIDDEN,
                    "Deleting the default workspace is not yet generally available",
                ));
            }
            shared.store.remove(WORKSPACES, &ws_id);
            for interval in INTERVALS {
                shared.store.remove(BUDGETS, &format!("{ws_id}:{interval}"));
            }
            for member in shared.store.list(MEMBERS) {
                if member["workspace_id"] == ws_id.as_str() {
                    let user = member["user_id"].as_str().unwrap_or_default();
                    shared.store.remove(MEMBERS, &format!("{ws_id}:{user}"));
                }
            }
            Ok((StatusCode::OK, json!({"deleted": true})))
        })(),
    )
}

fn interval_rank(interval: &str) -> Result<usize, Rejection> {
    INTERVALS
        .iter()
        .position(|i| *i == interval)
        .ok_or_else(|| {
            bad(format!(
                "interval: expected one of daily, weekly, monthly, lifetime, got {interval:?}"
            ))
        })
}

fn budgets_of(shared: &Shared, ws_id: &str) -> Vec<Value> {
    // Broadest first, as a reader compares them.
    INTERVALS
        .iter()
        .rev()
        .filter_map(|i| shared.store.get(BUDGETS, &format!("{ws_id}:{i}")))
        .collect()
}

fn include_byok(ws: &Value) -> Value {
    json!(ws["include_byok_in_budgets"].as_bool().unwrap_or(false))
}

/// `GET /workspaces/{id}/budgets`.
pub(crate) async fn list_budgets(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let ws = existing(&shared, &id)?;
            let data = budgets_of(&shared, &id_of(&ws));
            Ok((
                StatusCode::OK,
                json!({"data": data, "include_byok_in_budgets": include_byok(&ws)}),
            ))
        })(),
    )
}

/// `GET /workspaces/{id}/budgets/{interval}`.
pub(crate) async fn get_budget(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path((id, interval)): Path<(String, String)>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            interval_rank(&interval)?;
            let ws = existing(&shared, &id)?;
            let budget = shared
                .store
                .get(BUDGETS, &format!("{}:{interval}", id_of(&ws)))
                .ok_or_else(|| {
                    missing(format!("No {interval} budget is set for workspace {id}"))
                })?;
            Ok((
                StatusCode::OK,
                json!({"data": budget, "include_byok_in_budgets": include_byok(&ws)}),
            ))
        })(),
    )
}

/// `PUT /workspaces/{id}/budgets/{interval}`: limits must strictly decrease from lifetime to
/// monthly to weekly to daily.
pub(crate) async fn upsert_budget(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path((id, interval)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let rank = interval_rank(&interval)?;
            let ws = existing(&shared, &id)?;
            let ws_id = id_of(&ws);
            let body = object(&body)?;
            let limit = match body.get("limit_usd") {
                None => return Err(bad("limit_usd: required")),
                Some(v) => match v.as_f64() {
                    Some(n) if n > 0.0 => n,
                    _ => return Err(bad("limit_usd: must be a number greater than 0")),
                },
            };
            let byok = opt_bool(&body, "include_byok_in_budgets")?;
            for (other_rank, other) in INTERVALS.iter().enumerate() {
                if other_rank == rank {
                    continue;
                }
                let Some(existing) = shared.store.get(BUDGETS, &format!("{ws_id}:{other}")) else {
                    continue;
                };
                let other_limit = existing["limit_usd"].as_f64().unwrap_or(0.0);
                let ok = if other_rank > rank {
                    limit < other_limit
                } else {
                    limit > other_limit
                };
                if !ok {
                    let (narrow, narrow_limit, broad, broad_limit) = if other_rank > rank {
                        (interval.as_str(), limit, *other, other_limit)
                    } else {
                        (*other, other_limit, interval.as_str(), limit)
                    };
                    return Err(bad(format!(
                    "limit_usd: the {narrow} budget ({narrow_limit}) must be lower than the {broad} budget ({broad_limit}); \
                     limits must strictly decrease from lifetime to monthly to weekly to daily"
                )));
                }
            }
            let key = format!("{ws_id}:{interval}");
            let stamp = now();
            let reset = if interval == "lifetime" {
                Value::Null
            } else {
                json!(interval)
            };
            let budget = match shared.store.update(BUDGETS, &key, |b| {
                b["limit_usd"] = json!(limit);
                b["updated_at"] = json!(stamp.clone());
            }) {
                Some(b) => b,
                None => {
                    let b = json!({
                        "id": uuid(),
                        "workspace_id": ws_id,
                        "limit_usd": limit,
                        "reset_interval": reset,
                        "created_at": stamp,
                        "updated_at": stamp,
                    });
                    shared.store.insert(BUDGETS, &key, b.clone());
                    b
                }
            };
            let ws = match byok {
                Some(flag) => shared
                    .store
                    .update(WORKSPACES, &ws_id, |w| {
                        w["include_byok_in_budgets"] = json!(flag)
                    })
                    .unwrap_or(ws),
                None => ws,
            };
            Ok((
                StatusCode::OK,
                json!({"data": budget, "include_byok_in_budgets": include_byok(&ws)}),
            ))
        })(),
    )
}

/// `DELETE /workspaces/{id}/budgets/{interval}`: succeeds whether or not a budget was set.
pub(crate) async fn delete_budget(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path((id, interval)): Path<(String, String)>,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            interval_rank(&interval)?;
            let ws = existing(&shared, &id)?;
            shared
                .store
                .remove(BUDGETS, &format!("{}:{interval}", id_of(&ws)));
            Ok((StatusCode::OK, json!({"deleted": true})))
        })(),
    )
}

fn user_ids(body: &Map<String, Value>) -> Result<Vec<String>, Rejection> {
    let Some(Value::Array(items)) = body.get("user_ids") else {
        return Err(bad("user_ids: required, an array of 1 to 100 user ids"));
    };
    if items.is_empty() || items.len() > 100 {
        return Err(bad("user_ids: expected 1 to 100 user ids"));
    }
    items
        .iter()
        .map(|i| match i.as_str() {
            Some(s) if !s.is_empty() => Ok(s.to_owned()),
            _ => Err(bad(format!("user_ids: invalid user id {i}"))),
        })
        .collect()
}

/// `GET /workspaces/{id}/members`.
pub(crate) async fn list_members(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Params,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            let ws_id = id_of(&existing(&shared, &id)?);
            let members: Vec<Value> = shared
                .store
                .list(MEMBERS)
                .into_iter()
                .filter(|m| m["workspace_id"] == ws_id.as_str())
                .collect();
            list_body(&members, &query)
        })(),
    )
}

/// `POST /workspaces/{id}/members/add`: adding a member twice keeps one membership.
pub(crate) async fn add_members(
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
            let ws_id = id_of(&existing(&shared, &id)?);
            let users = user_ids(&object(&body)?)?;
            let mut added = Vec::new();
            for user in users {
                let key = format!("{ws_id}:{user}");
                let member = match shared.store.get(MEMBERS, &key) {
                    Some(m) => m,
                    None => {
                        let m = json!({
                            "id": uuid(),
                            "workspace_id": ws_id,
                            "user_id": user,
                            "role": "member",
                            "created_at": now(),
                        });
                        shared.store.insert(MEMBERS, &key, m.clone());
                        m
                    }
                };
                if !added.contains(&member) {
                    added.push(member);
                }
            }
            Ok((
                StatusCode::OK,
                json!({"added_count": added.len(), "data": added}),
            ))
        })(),
    )
}

/// `POST /workspaces/{id}/members/remove`.
pub(crate) async fn remove_members(
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
            let ws_id = id_of(&existing(&shared, &id)?);
            let users = user_ids(&object(&body)?)?;
            let removed = users
                .iter()
                .filter(|u| {
                    shared
                        .store
                        .remove(MEMBERS, &format!("{ws_id}:{u}"))
                        .is_some()
                })
                .count();
            Ok((StatusCode::OK, json!({"removed_count": removed})))
        })(),
    )
}
