//! OAuth with PKCE: `GET /auth` (the login page, at the site root) redirects straight back
//! with a code; `POST /api/v1/auth/keys` trades the code and verifier for a new API key;
//! `POST /api/v1/auth/keys/code` creates a code server-side.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use bytes::Bytes;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::records::bad;

use crate::auth::authenticate;
use crate::errors::{error_body, error_response, Rejection};
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// Store collection of codes waiting to be exchanged (each is used at most once).
const CODES: &str = "oauth_codes";

fn answer(fault: Option<Extension<ActiveFault>>, status: StatusCode, body: &Value) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, status, body, Vec::new())
}

fn reject(fault: Option<Extension<ActiveFault>>, r: Rejection) -> Response {
    answer(
        fault,
        r.status,
        &error_body(i64::from(r.status.as_u16()), &r.message),
    )
}

fn check_method(method: Option<&str>) -> Result<&'static str, Rejection> {
    match method {
        None | Some("S256") => Ok("S256"),
        Some("plain") => Ok("plain"),
        Some(other) => Err(bad(format!(
            "Invalid code_challenge_method: expected S256 or plain, got `{other}`"
        ))),
    }
}

fn check_callback(url: &str) -> Result<(), Rejection> {
    let local = ["http://localhost", "http://127.0.0.1"].iter().any(|p| {
        url.strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with([':', '/', '?']))
    });
    if url.starts_with("https://") || local {
        Ok(())
    } else {
        Err(bad(
            "Invalid callback_url: expected an https URL, or http on localhost or 127.0.0.1",
        ))
    }
}

/// Remembers a new code bound to its challenge.
fn issue(shared: &Shared, challenge: Option<&str>, method: &str) -> String {
    let code = format!("auth_code_{}", &crate::ids::hex64()[..24]);
    shared.store.insert(
        CODES,
        &code,
        json!({ "code_challenge": challenge, "code_challenge_method": method }),
    );
    code
}

/// `GET /auth`: the consent page. The emulator consents at once and redirects to the
/// callback with `?code=`.
pub(crate) async fn authorize(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(callback) = params.get("callback_url") else {
        return error_response(StatusCode::BAD_REQUEST, "Missing callback_url");
    };
    if let Err(r) = check_callback(callback) {
        return r.into_response();
    }
    let challenge = params.get("code_challenge").map(String::as_str);
    // RFC 7636: a challenge without a method is `plain`.
    let method = match params.get("code_challenge_method") {
        None if challenge.is_some() => "plain",
        other => match check_method(other.map(String::as_str)) {
            Ok(m) => m,
            Err(r) => return r.into_response(),
        },
    };
    let code = issue(&shared, challenge, method);
    let sep = if callback.contains('?') { '&' } else { '?' };
    let location = format!("{callback}{sep}code={code}");
    let mut resp = StatusCode::FOUND.into_response();
    if let Ok(v) = location.parse() {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

/// `POST /api/v1/auth/keys`: checks the verifier against the code's challenge and returns a
/// new API key, which the emulator accepts from then on.
pub(crate) async fn exchange(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    body: Bytes,
) -> Response {
    let run = || -> Result<Value, Rejection> {
        let body: Value =
            serde_json::from_slice(&body).map_err(|e| bad(format!("Invalid JSON body: {e}")))?;
        let code = body["code"]
            .as_str()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| bad("Invalid request body: `code` is required and must be a string"))?;
        let verifier = body.get("code_verifier").and_then(Value::as_str);
        // Single use: the code is gone whether or not the proof holds.
        let stored = shared
            .store
            .remove(CODES, code)
            .ok_or_else(|| bad("Invalid or expired authorization code"))?;
        if let Some(challenge) = stored["code_challenge"].as_str() {
            let verifier = verifier.ok_or_else(|| {
                bad("Invalid request body: `code_verifier` is required for this code")
            })?;
            let expected = match stored["code_challenge_method"].as_str() {
                Some("plain") => verifier.to_owned(),
                _ => URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())),
            };
            if expected != challenge {
                return Err(bad(
                    "Invalid code_verifier: it does not match the code_challenge",
                ));
            }
        }
        let key = format!("sk-or-v1-{}", crate::ids::hex64());
        shared.add_api_key(&key);
        Ok(json!({ "key": key, "user_id": "user_2yOPcMpKoQhcd4bVgSMlELRaIah" }))
    };
    match run() {
        Ok(body) => answer(fault, StatusCode::OK, &body),
        Err(r) => reject(fault, r),
    }
}

/// `POST /api/v1/auth/keys/code`: creates a code for the calling app.
pub(crate) async fn create_code(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let run = || -> Result<Value, Rejection> {
        let body: Value =
            serde_json::from_slice(&body).map_err(|e| bad(format!("Invalid JSON body: {e}")))?;
        let callback = body["callback_url"].as_str().ok_or_else(|| {
            bad("Invalid request body: `callback_url` is required and must be a URL")
        })?;
        check_callback(callback)?;
        let method = check_method(body.get("code_challenge_method").and_then(Value::as_str))?;
        if let Some(limit) = body.get("limit") {
            if !limit.as_f64().is_some_and(|l| l >= 0.0) {
                return Err(bad(
                    "Invalid request body: `limit` must be a non-negative number",
                ));
            }
        }
        if let Some(t) = body.get("usage_limit_type").and_then(Value::as_str) {
            if !["daily", "weekly", "monthly"].contains(&t) {
                return Err(bad(
                    "Invalid request body: `usage_limit_type` must be daily, weekly or monthly",
                ));
            }
        }
        let challenge = body.get("code_challenge").and_then(Value::as_str);
        let code = issue(&shared, challenge, method);
        Ok(json!({ "data": { "id": code, "app_id": 12345, "created_at": "2026-05-12T10:30:00Z" } }))
    };
    match run() {
        Ok(body) => answer(fault, StatusCode::OK, &body),
        Err(r) => reject(fault, r),
    }
}
