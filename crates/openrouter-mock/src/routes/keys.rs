//! `GET/POST /keys`, `GET/PATCH/DELETE /keys/{hash}`: API keys managed with a management key.
//!
//! Keys live in the `keys` collection of the store, keyed by hash. The secret is returned by
//! the create call only and is not kept.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::admin::{self, answer, bad, fault_of, management, not_found};
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

/// The store collection of managed keys.
pub(crate) const KEYS: &str = "keys";
/// How many keys one `GET /keys` page holds.
const PAGE_SIZE: usize = 100;
const RESETS: &[&str] = &["daily", "weekly", "monthly"];

/// The masked label the API shows for a secret: a prefix and the last four characters.
fn label(secret: &str) -> String {
    let head: String = secret.chars().take(12).collect();
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head}...{tail}")
}

fn validate_create(body: &Map<String, Value>) -> Result<(), Rejection> {
    admin::required_string(body, "name")?;
    admin::check_type(body, "limit", "number", true)?;
    if body
        .get("limit")
        .and_then(Value::as_f64)
        .is_some_and(|l| l < 0.0)
    {
        return Err(bad("`limit` must be zero or more (USD)"));
    }
    admin::check_enum(body, "limit_reset", RESETS, true)?;
    admin::check_type(body, "include_byok_in_limit", "boolean", false)?;
    admin::check_type(body, "creator_user_id", "string", true)?;
    admin::check_type(body, "workspace_id", "string", false)?;
    admin::check_type(body, "expires_at", "string", true)?;
    if let Some(Value::String(at)) = body.get("expires_at") {
        if !at.ends_with('Z') || at.len() < 20 {
            return Err(bad(
                "`expires_at` must be an ISO 8601 UTC timestamp such as 2027-12-31T23:59:59Z",
            ));
        }
    }
    Ok(())
}

fn validate_update(body: &Map<String, Value>) -> Result<(), Rejection> {
    if let Some(name) = body.get("name") {
        if !matches!(name, Value::String(s) if !s.trim().is_empty()) {
            return Err(bad("`name` must be a non-empty string"));
        }
    }
    admin::check_type(body, "disabled", "boolean", false)?;
    admin::check_type(body, "limit", "number", true)?;
    if body
        .get("limit")
        .and_then(Value::as_f64)
        .is_some_and(|l| l < 0.0)
    {
        return Err(bad("`limit` must be zero or more (USD)"));
    }
    admin::check_enum(body, "limit_reset", RESETS, true)?;
    admin::check_type(body, "include_byok_in_limit", "boolean", false)
}

/// `limit_remaining` follows the limit; usage of a new key starts at zero.
fn refresh_remaining(doc: &mut Value) {
    let usage = doc["usage"].as_f64().unwrap_or(0.0);
    doc["limit_remaining"] = match doc["limit"].as_f64() {
        Some(limit) => json!((limit - usage).max(0.0)),
        None => Value::Null,
    };
}

/// Lists the keys, `PAGE_SIZE` at a time from `offset`, leaving disabled keys out unless
/// `include_disabled=true`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let include_disabled = match query.get("include_disabled").map(String::as_str) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return bad("`include_disabled` must be true or false").into_response(),
    };
    let offset = match admin::page_window(&query, PAGE_SIZE) {
        Ok((offset, _)) => offset,
        Err(r) => return r.into_response(),
    };
    let workspace = query
        .get("workspace_id")
        .map_or(admin::DEFAULT_WORKSPACE, String::as_str);
    let keys: Vec<Value> = shared
        .store
        .list(KEYS)
        .into_iter()
        .filter(|k| include_disabled || k["disabled"] != json!(true))
        .filter(|k| k["workspace_id"] == json!(workspace))
        .collect();
    let data = crate::store::page(&keys, Some(offset), Some(PAGE_SIZE));
    answer(&fault_of(fault), StatusCode::OK, &json!({ "data": data }))
}

/// Creates a key and returns its secret, this once.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let body = match admin::object_body(&body).and_then(|b| validate_create(&b).map(|()| b)) {
        Ok(b) => b,
        Err(r) => return r.into_response(),
    };
    let secret = format!("sk-or-v1-{}", admin::hex64());
    let hash = admin::hex64();
    let now = admin::now();
    let mut doc = json!({
        "hash": hash,
        "name": body["name"],
        "label": label(&secret),
        "disabled": false,
        "limit": body.get("limit").cloned().unwrap_or(Value::Null),
        "limit_remaining": null,
        "limit_reset": body.get("limit_reset").cloned().unwrap_or(Value::Null),
        "include_byok_in_limit": body.get("include_byok_in_limit").cloned().unwrap_or(json!(false)),
        "usage": 0.0,
        "usage_daily": 0.0,
        "usage_weekly": 0.0,
        "usage_monthly": 0.0,
        "byok_usage": 0.0,
        "byok_usage_daily": 0.0,
        "byok_usage_weekly": 0.0,
        "byok_usage_monthly": 0.0,
        "created_at": now,
        "updated_at": null,
        "expires_at": body.get("expires_at").cloned().unwrap_or(Value::Null),
        "creator_user_id": body.get("creator_user_id").cloned().unwrap_or(json!(admin::ACCOUNT_USER)),
        "workspace_id": body.get("workspace_id").cloned().unwrap_or(json!(admin::DEFAULT_WORKSPACE)),
        "external_user": null,
        "last_used_at": null,
    });
    refresh_remaining(&mut doc);
    shared.store.insert(KEYS, &hash, doc.clone());
    answer(
        &fault_of(fault),
        StatusCode::CREATED,
        &json!({ "data": doc, "key": secret }),
    )
}

fn unknown(hash: &str) -> Response {
    not_found(format!("API key {hash} not found"))
}

/// One key by hash.
pub(crate) async fn get_one(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path(hash): Path<String>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    match shared.store.get(KEYS, &hash) {
        Some(doc) => answer(&fault_of(fault), StatusCode::OK, &json!({ "data": doc })),
        None => unknown(&hash),
    }
}

/// Changes the fields the body names.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path(hash): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let body = match admin::object_body(&body).and_then(|b| validate_update(&b).map(|()| b)) {
        Ok(b) => b,
        Err(r) => return r.into_response(),
    };
    let now = admin::now();
    let updated = shared.store.update(KEYS, &hash, |doc| {
        for field in [
            "name",
            "disabled",
            "limit",
            "limit_reset",
            "include_byok_in_limit",
        ] {
            if let Some(value) = body.get(field) {
                doc[field] = value.clone();
            }
        }
        doc["updated_at"] = json!(now);
        refresh_remaining(doc);
    });
    match updated {
        Some(doc) => answer(&fault_of(fault), StatusCode::OK, &json!({ "data": doc })),
        None => unknown(&hash),
    }
}

/// Deletes a key, and its guardrail assignment with it.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path(hash): Path<String>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    if shared.store.remove(KEYS, &hash).is_none() {
        return unknown(&hash);
    }
    super::guardrails::forget_key(&shared, &hash);
    answer(
        &fault_of(fault),
        StatusCode::OK,
        &json!({ "deleted": true }),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_show_the_ends_only() {
        let l = super::label(
            "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",
        );
        assert_eq!(l, "sk-or-v1-0e6...1c96");
    }
}
