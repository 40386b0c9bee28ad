//! Guardrails (`/guardrails`) and their assignments to API keys and organization members.
//!
//! Guardrails live in the `guardrails` collection; key assignments are keyed by key hash
//! (a key holds at most one guardrail, and assigning replaces the old one); member
//! assignments by guardrail and user.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::admin::{self, answer, bad, fault_of, management, not_found};
use super::keys::KEYS;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

const GUARDRAILS: &str = "guardrails";
/// Key assignments, one per key hash.
pub(crate) const KEY_ASSIGNMENTS: &str = "guardrail_key_assignments";
const MEMBER_ASSIGNMENTS: &str = "guardrail_member_assignments";

const INTERVALS: &[&str] = &["daily", "weekly", "monthly"];
const ACTIONS: &[&str] = &["redact", "block", "flag"];
const BUILTINS: &[&str] = &[
    "email",
    "phone",
    "ssn",
    "credit-card",
    "ip-address",
    "person-name",
    "address",
    "regex-prompt-injection",
];
const LISTS: &[&str] = &[
    "allowed_models",
    "allowed_providers",
    "ignored_models",
    "ignored_providers",
];
const FLAGS: &[&str] = &[
    "enforce_zdr",
    "enforce_zdr_anthropic",
    "enforce_zdr_google",
    "enforce_zdr_openai",
    "enforce_zdr_xai",
    "enforce_zdr_other",
    "enable_free_model_publication",
    "enable_free_model_training",
    "enable_paid_model_training",
];

/// Drops the assignment of a deleted key.
pub(crate) fn forget_key(shared: &Shared, hash: &str) {
    shared.store.remove(KEY_ASSIGNMENTS, hash);
}

fn validate_policy(body: &Map<String, Value>) -> Result<(), Rejection> {
    admin::check_type(body, "description", "string", true)?;
    admin::check_type(body, "limit_usd", "number", true)?;
    if body
        .get("limit_usd")
        .and_then(Value::as_f64)
        .is_some_and(|l| l < 0.0)
    {
        return Err(bad("`limit_usd` must be zero or more"));
    }
    admin::check_enum(body, "reset_interval", INTERVALS, true)?;
    admin::check_type(body, "include_byok_in_budgets", "boolean", false)?;
    for field in LISTS {
        admin::check_type(body, field, "array", true)?;
        if let Some(Value::Array(items)) = body.get(*field) {
            if items.iter().any(|i| !i.is_string()) {
                return Err(bad(format!("`{field}` must be an array of strings")));
            }
        }
    }
    for field in FLAGS {
        admin::check_type(body, field, "boolean", true)?;
    }
    admin::check_type(body, "content_filters", "array", true)?;
    if let Some(Value::Array(filters)) = body.get("content_filters") {
        for (i, f) in filters.iter().enumerate() {
            let Some(f) = f.as_object() else {
                return Err(bad(format!("`content_filters[{i}]` must be an object")));
            };
            admin::required_string(f, "pattern")
                .map_err(|r| bad(format!("`content_filters[{i}]`: {}", r.message)))?;
            if !f.contains_key("action") {
                return Err(bad(format!("`content_filters[{i}].action` is required")));
            }
            admin::check_enum(f, "action", ACTIONS, false)
                .map_err(|r| bad(format!("`content_filters[{i}]`: {}", r.message)))?;
        }
    }
    admin::check_type(body, "content_filter_builtins", "array", true)?;
    if let Some(Value::Array(filters)) = body.get("content_filter_builtins") {
        for (i, f) in filters.iter().enumerate() {
            let Some(f) = f.as_object() else {
                return Err(bad(format!(
                    "`content_filter_builtins[{i}]` must be an object"
                )));
            };
            for (field, allowed) in [("slug", BUILTINS), ("action", ACTIONS)] {
                if !f.contains_key(field) {
                    return Err(bad(format!(
                        "`content_filter_builtins[{i}].{field}` is required"
                    )));
                }
                admin::check_enum(f, field, allowed, false)
                    .map_err(|r| bad(format!("`content_filter_builtins[{i}]`: {}", r.message)))?;
            }
        }
    }
    Ok(())
}

/// Builtin filters get their system-assigned label (`[EMAIL]`...).
fn label_builtins(doc: &mut Value) {
    if let Some(filters) = doc
        .get_mut("content_filter_builtins")
        .and_then(Value::as_array_mut)
    {
        for f in filters {
            let slug = f["slug"]
                .as_str()
                .unwrap_or("")
                .to_uppercase()
                .replace('-', "_");
            f["label"] = json!(format!("[{slug}]"));
        }
    }
}

fn page_query(query: &HashMap<String, String>) -> Result<(usize, usize), Rejection> {
    admin::page_window(query, 50)
}

fn paged_answer(fault: ActiveFault, items: &[Value], window: (usize, usize)) -> Response {
    let data = crate::store::page(items, Some(window.0), Some(window.1));
    answer(
        &fault,
        StatusCode::OK,
        &json!({ "data": data, "total_count": items.len() }),
    )
}

fn unknown(id: &str) -> Response {
    not_found(format!("Guardrail {id} not found"))
}

/// Lists guardrails of a workspace (the default one unless named).
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let window = match page_query(&query) {
        Ok(w) => w,
        Err(r) => return r.into_response(),
    };
    let workspace = query
        .get("workspace_id")
        .map_or(admin::DEFAULT_WORKSPACE, String::as_str);
    let items: Vec<Value> = shared
        .store
        .list(GUARDRAILS)
        .into_iter()
        .filter(|g| g["workspace_id"] == json!(workspace))
        .collect();
    paged_answer(fault_of(fault), &items, window)
}

/// Creates a guardrail.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let body = match admin::object_body(&body).and_then(|b| {
        admin::required_string(&b, "name")?;
        admin::check_type(&b, "workspace_id", "string", false)?;
        validate_policy(&b).map(|()| b)
    }) {
        Ok(b) => b,
        Err(r) => return r.into_response(),
    };
    let id = admin::uuid();
    let mut doc = json!({
        "id": id,
        "name": body["name"],
        "description": null,
        "limit_usd": null,
        "reset_interval": null,
        "include_byok_in_budgets": false,
        "allowed_models": null,
        "allowed_providers": null,
        "ignored_models": null,
        "ignored_providers": null,
        "content_filters": null,
        "content_filter_builtins": null,
        "workspace_id": admin::DEFAULT_WORKSPACE,
        "created_at": admin::now(),
        "updated_at": null,
    });
    for (field, value) in &body {
        if field != "name" {
            doc[field.as_str()] = value.clone();
        }
    }
    label_builtins(&mut doc);
    shared.store.insert(GUARDRAILS, &id, doc.clone());
    answer(
        &fault_of(fault),
        StatusCode::CREATED,
        &json!({ "data": doc }),
    )
}

/// One guardrail.
pub(crate) async fn get_one(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    match shared.store.get(GUARDRAILS, &id) {
        Some(doc) => answer(&fault_of(fault), StatusCode::OK, &json!({ "data": doc })),
        None => unknown(&id),
    }
}

/// Changes the fields the body names.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let body = match admin::object_body(&body).and_then(|b| {
        if b.contains_key("name") {
            admin::required_string(&b, "name")?;
        }
        validate_policy(&b).map(|()| b)
    }) {
        Ok(b) => b,
        Err(r) => return r.into_response(),
    };
    let now = admin::now();
    let updated = shared.store.update(GUARDRAILS, &id, |doc| {
        for (field, value) in &body {
            // The workspace of a guardrail is fixed at creation.
            if field != "workspace_id" && field != "id" {
                doc[field.as_str()] = value.clone();
            }
        }
        label_builtins(doc);
        doc["updated_at"] = json!(now);
    });
    match updated {
        Some(doc) => answer(&fault_of(fault), StatusCode::OK, &json!({ "data": doc })),
        None => unknown(&id),
    }
}

/// Deletes a guardrail with its assignments.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    if shared.store.remove(GUARDRAILS, &id).is_none() {
        return unknown(&id);
    }
    for collection in [KEY_ASSIGNMENTS, MEMBER_ASSIGNMENTS] {
        for a in shared.store.list(collection) {
            if a["guardrail_id"] == json!(id) {
                let key = assignment_key(collection, &a);
                shared.store.remove(collection, &key);
            }
        }
    }
    answer(
        &fault_of(fault),
        StatusCode::OK,
        &json!({ "deleted": true }),
    )
}

fn assignment_key(collection: &str, a: &Value) -> String {
    if collection == KEY_ASSIGNMENTS {
        a["key_hash"].as_str().unwrap_or("").to_owned()
    } else {
        member_key(
            a["guardrail_id"].as_str().unwrap_or(""),
            a["user_id"].as_str().unwrap_or(""),
        )
    }
}

fn member_key(guardrail: &str, user: &str) -> String {
    format!("{guardrail}/{user}")
}

/// Which assignment collection a route is about.
#[derive(Clone, Copy)]
enum Kind {
    Keys,
    Members,
}

impl Kind {
    fn collection(self) -> &'static str {
        match self {
            Kind::Keys => KEY_ASSIGNMENTS,
            Kind::Members => MEMBER_ASSIGNMENTS,
        }
    }

    fn field(self) -> &'static str {
        match self {
            Kind::Keys => "key_hashes",
            Kind::Members => "member_user_ids",
        }
    }
}

async fn list_assignments(
    shared: &Shared,
    fault: ActiveFault,
    query: &HashMap<String, String>,
    guardrail: Option<&str>,
    kind: Kind,
) -> Response {
    let window = match page_query(query) {
        Ok(w) => w,
        Err(r) => return r.into_response(),
    };
    if let Some(id) = guardrail {
        if shared.store.get(GUARDRAILS, id).is_none() {
            return unknown(id);
        }
    }
    let items: Vec<Value> = shared
        .store
        .list(kind.collection())
        .into_iter()
        .filter(|a| guardrail.is_none_or(|id| a["guardrail_id"] == json!(id)))
        .collect();
    paged_answer(fault, &items, window)
}

macro_rules! list_route {
    ($(#[$meta:meta])* $name:ident, $kind:expr, per_guardrail) => {
        $(#[$meta])*
        pub(crate) async fn $name(
            State(shared): State<Arc<Shared>>,
            fault: Option<Extension<ActiveFault>>,
            headers: HeaderMap,
            Path(id): Path<String>,
            Query(query): Query<HashMap<String, String>>,
        ) -> Response {
            if let Err(r) = management(&shared, &headers) {
                return r.into_response();
            }
            list_assignments(&shared, fault_of(fault), &query, Some(&id), $kind).await
        }
    };
    ($(#[$meta:meta])* $name:ident, $kind:expr, global) => {
        $(#[$meta])*
        pub(crate) async fn $name(
            State(shared): State<Arc<Shared>>,
            fault: Option<Extension<ActiveFault>>,
            headers: HeaderMap,
            Query(query): Query<HashMap<String, String>>,
        ) -> Response {
            if let Err(r) = management(&shared, &headers) {
                return r.into_response();
            }
            list_assignments(&shared, fault_of(fault), &query, None, $kind).await
        }
    };
}

list_route!(
    /// Keys assigned to one guardrail.
    guardrail_keys, Kind::Keys, per_guardrail
);
list_route!(
    /// Members assigned to one guardrail.
    guardrail_members, Kind::Members, per_guardrail
);
list_route!(
    /// Every key assignment.
    all_keys, Kind::Keys, global
);
list_route!(
    /// Every member assignment.
    all_members, Kind::Members, global
);

/// Assigns (`assign`) or unassigns the keys or members named in the body.
async fn change(
    shared: &Shared,
    fault: ActiveFault,
    id: &str,
    body: &Bytes,
    kind: Kind,
    assign: bool,
) -> Response {
    let Some(_) = shared.store.get(GUARDRAILS, id) else {
        return unknown(id);
    };
    let ids = match admin::object_body(body).and_then(|b| admin::required_strings(&b, kind.field()))
    {
        Ok(ids) => ids,
        Err(r) => return r.into_response(),
    };
    // Every name must exist before anything changes, so a bad request changes nothing.
    for (i, item) in ids.iter().enumerate() {
        let known = match kind {
            Kind::Keys => shared.store.get(KEYS, item).is_some(),
            Kind::Members => super::organization::is_member(item),
        };
        if !known {
            let what = match kind {
                Kind::Keys => "no API key has this hash",
                Kind::Members => "no organization member has this user id",
            };
            return bad(format!("`{}[{i}]` ({item}): {what}", kind.field())).into_response();
        }
    }
    let mut count = 0u64;
    for item in &ids {
        let key = match kind {
            Kind::Keys => item.clone(),
            Kind::Members => member_key(id, item),
        };
        if assign {
            let doc = match kind {
                Kind::Keys => {
                    let k = shared.store.get(KEYS, item).unwrap_or(Value::Null);
                    json!({
                        "id": admin::uuid(),
                        "key_hash": item,
                        "key_name": k["name"],
                        "key_label": k["label"],
                        "guardrail_id": id,
                        "assigned_by": admin::ACCOUNT_USER,
                        "created_at": admin::now(),
                    })
                }
                Kind::Members => json!({
                    "id": admin::uuid(),
                    "user_id": item,
                    "organization_id": admin::ORGANIZATION,
                    "guardrail_id": id,
                    "assigned_by": admin::ACCOUNT_USER,
                    "created_at": admin::now(),
                }),
            };
            let existing = shared.store.get(kind.collection(), &key);
            if existing
                .as_ref()
                .is_some_and(|a| a["guardrail_id"] == json!(id))
            {
                continue;
            }
            // A key's earlier assignment to another guardrail is replaced.
            shared.store.remove(kind.collection(), &key);
            shared.store.insert(kind.collection(), &key, doc);
            count += 1;
        } else {
            let here = shared
                .store
                .get(kind.collection(), &key)
                .is_some_and(|a| a["guardrail_id"] == json!(id));
            if here && shared.store.remove(kind.collection(), &key).is_some() {
                count += 1;
            }
        }
    }
    let body = if assign {
        json!({ "assigned_count": count })
    } else {
        json!({ "unassigned_count": count })
    };
    answer(&fault, StatusCode::OK, &body)
}

macro_rules! change_route {
    ($(#[$meta:meta])* $name:ident, $kind:expr, $assign:expr) => {
        $(#[$meta])*
        pub(crate) async fn $name(
            State(shared): State<Arc<Shared>>,
            fault: Option<Extension<ActiveFault>>,
            headers: HeaderMap,
            Path(id): Path<String>,
            body: Bytes,
        ) -> Response {
            if let Err(r) = management(&shared, &headers) {
                return r.into_response();
            }
            change(&shared, fault_of(fault), &id, &body, $kind, $assign).await
        }
    };
}

change_route!(
    /// Assigns keys.
    assign_keys, Kind::Keys, true
);
change_route!(
    /// Unassigns keys.
    unassign_keys, Kind::Keys, false
);
change_route!(
    /// Assigns members.
    assign_members, Kind::Members, true
);
change_route!(
    /// Unassigns members.
    unassign_members, Kind::Members, false
);
