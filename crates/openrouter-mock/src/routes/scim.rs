//! `/scim`: groups pushed by the identity provider (seeded: the emulator has no IdP) and
//! their mappings to workspaces.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Value};

use super::records::{
    bad, conflict, list_body, missing, now, object, req_string, respond, uuid, Outcome,
};
use super::workspaces::find_workspace;
use crate::auth::authenticate_management;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

const GROUPS: &str = "scim.groups";
const MAPPINGS: &str = "scim.mappings";
const ORGANIZATION: &str = "org_mock";

type Fault = Option<Extension<ActiveFault>>;
type Params = Query<HashMap<String, String>>;

/// The groups the emulated identity provider has pushed.
const SEEDED_GROUPS: &[(&str, &str, &str)] = &[
    (
        "5b0c6a1e-2f1d-4c3a-9e8b-0a1b2c3d4e01",
        "Engineering",
        "okta-eng",
    ),
    (
        "5b0c6a1e-2f1d-4c3a-9e8b-0a1b2c3d4e02",
        "Research",
        "okta-research",
    ),
    (
        "5b0c6a1e-2f1d-4c3a-9e8b-0a1b2c3d4e03",
        "Finance",
        "okta-finance",
    ),
];

fn groups(shared: &Shared) -> Vec<Value> {
    for (id, name, external) in SEEDED_GROUPS {
        // Inserting an existing id is a no-op, so seeding on every call is safe.
        shared.store.insert(
            GROUPS,
            id,
            json!({
                "id": id,
                "organization_id": ORGANIZATION,
                "external_id": external,
                "display_name": name,
                "created_at": "2025-08-24T10:30:00.000Z",
                "updated_at": "2025-08-24T10:30:00.000Z",
            }),
        );
    }
    shared.store.list(GROUPS)
}

fn role(body: &serde_json::Map<String, Value>) -> Result<String, Rejection> {
    let role = req_string(body, "role", 20)?;
    if role == "admin" || role == "member" {
        Ok(role)
    } else {
        Err(bad(format!("role: expected admin or member, got {role:?}")))
    }
}

fn not_found(id: &str) -> Rejection {
    missing(format!("SCIM group mapping {id} not found"))
}

/// `GET /scim/groups`.
pub(crate) async fn list_groups(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            list_body(&groups(&shared), &query)
        })(),
    )
}

/// `GET /scim/group-mappings`.
pub(crate) async fn list_mappings(
    State(shared): State<Arc<Shared>>,
    fault: Fault,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    respond(
        fault,
        (|| -> Outcome {
            authenticate_management(&shared, &headers)?;
            list_body(&shared.store.list(MAPPINGS), &query)
        })(),
    )
}

/// `POST /scim/group-mappings`: one mapping per group and workspace.
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
            let group = req_string(&body, "scim_group_id", 100)?;
            let workspace = req_string(&body, "workspace_id", 100)?;
            let role = role(&body)?;
            if !groups(&shared).iter().any(|g| g["id"] == group.as_str()) {
                return Err(missing(format!("SCIM group {group} not found")));
            }
            let ws = find_workspace(&shared, &workspace)
                .ok_or_else(|| missing(format!("Workspace {workspace} not found")))?;
            let ws_id = ws["id"].clone();
            let duplicate = shared
                .store
                .list(MAPPINGS)
                .iter()
                .any(|m| m["scim_group_id"] == group.as_str() && m["workspace_id"] == ws_id);
            if duplicate {
                return Err(conflict(format!(
                    "SCIM group {group} is already mapped to workspace {workspace}"
                )));
            }
            let id = uuid();
            let stamp = now();
            let doc = json!({
                "id": id,
                "organization_id": ORGANIZATION,
                "scim_group_id": group,
                "workspace_id": ws_id,
                "role": role,
                "created_at": stamp,
                "updated_at": stamp,
            });
            shared.store.insert(MAPPINGS, &id, doc.clone());
            Ok((StatusCode::CREATED, json!({"data": doc})))
        })(),
    )
}

/// `GET /scim/group-mappings/{id}`.
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
                .get(MAPPINGS, &id)
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `PATCH /scim/group-mappings/{id}`: only the role changes.
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
            let role = role(&body)?;
            let stamp = now();
            let doc = shared
                .store
                .update(MAPPINGS, &id, |m| {
                    m["role"] = json!(role);
                    m["updated_at"] = json!(stamp);
                })
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"data": doc})))
        })(),
    )
}

/// `DELETE /scim/group-mappings/{id}?keep_members=`: the query is required, with no default,
/// so the destructive choice is always explicit.
pub(crate) async fn delete(
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
            match query.get("keep_members").map(String::as_str) {
            Some("true") | Some("false") => {}
            Some(other) => {
                return Err(bad(format!(
                    "keep_members: expected true or false, got {other:?}"
                )))
            }
            None => {
                return Err(bad(
                    "keep_members: required (true keeps the members this mapping granted, false removes them)",
                ))
            }
        }
            shared
                .store
                .remove(MAPPINGS, &id)
                .ok_or_else(|| not_found(&id))?;
            Ok((StatusCode::OK, json!({"deleted": true})))
        })(),
    )
}
