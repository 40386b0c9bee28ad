//! `GET /organization/members`: the emulated organization's members, a fixed roster.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::admin::{self, answer, fault_of, management};
use crate::state::Shared;
use crate::transport::ActiveFault;

/// `(user id, first name, last name, email, role)` of every member.
pub(crate) const MEMBERS: &[(&str, &str, &str, &str, &str)] = &[
    (
        admin::ACCOUNT_USER,
        "Jane",
        "Doe",
        "jane.doe@example.com",
        "org:admin",
    ),
    (
        "user_2dHFtVWx2n56w6HkM0000000001",
        "Ravi",
        "Patel",
        "ravi.patel@example.com",
        "org:member",
    ),
    (
        "user_2dHFtVWx2n56w6HkM0000000002",
        "Mei",
        "Chen",
        "mei.chen@example.com",
        "org:member",
    ),
    (
        "user_2dHFtVWx2n56w6HkM0000000003",
        "Lucas",
        "Silva",
        "lucas.silva@example.com",
        "org:member",
    ),
    (
        "user_2dHFtVWx2n56w6HkM0000000004",
        "Amara",
        "Okafor",
        "amara.okafor@example.com",
        "org:member",
    ),
];

/// Whether `user_id` is a member.
pub(crate) fn is_member(user_id: &str) -> bool {
    MEMBERS.iter().any(|m| m.0 == user_id)
}

fn member(m: &(&str, &str, &str, &str, &str)) -> Value {
    json!({ "id": m.0, "first_name": m.1, "last_name": m.2, "email": m.3, "role": m.4 })
}

/// One page of members with the total.
pub(crate) async fn members(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let (offset, limit) = match admin::page_window(&query, 50) {
        Ok(w) => w,
        Err(r) => return r.into_response(),
    };
    let all: Vec<Value> = MEMBERS.iter().map(member).collect();
    let data = crate::store::page(&all, Some(offset), Some(limit));
    let body = json!({ "data": data, "total_count": all.len() });
    answer(&fault_of(fault), StatusCode::OK, &body)
}
