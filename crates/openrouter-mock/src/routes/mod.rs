//! The HTTP surface: the router, and the intake step every request goes through.

mod admin;
mod analytics;
mod chat;
mod credits;
mod generation;
mod guardrails;
mod key;
mod keys;
mod models;
mod organization;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post, MethodRouter};
use axum::Router;

use crate::errors::{default_message, error_body, error_response, json_response};
use crate::faults::{Fault, FAULT_HEADER};
use crate::record::RecordedRequest;
use crate::server::KillSwitch;
use crate::state::Shared;
use crate::transport::ActiveFault;

/// Prefix of every API route, as on openrouter.ai.
pub(crate) const API_PREFIX: &str = "/api/v1";

/// The emulator's routes with the intake step in front of them.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let route = |path: &str| format!("{API_PREFIX}{path}");
    let only = |m: MethodRouter<Arc<Shared>>| m.fallback(method_not_allowed);
    Router::new()
        .route(&route("/chat/completions"), only(post(chat::create)))
        .route(&route("/models"), only(get(models::list)))
        .route(
            &route("/organization/members"),
            only(get(organization::members)),
        )
        .route(&route("/key"), only(get(key::current)))
        .route(&route("/keys"), only(get(keys::list).post(keys::create)))
        .route(
            &route("/keys/{hash}"),
            only(get(keys::get_one).patch(keys::update).delete(keys::delete)),
        )
        .route(&route("/activity"), only(get(analytics::activity)))
        .route(&route("/analytics/meta"), only(get(analytics::meta)))
        .route(&route("/analytics/query"), only(post(analytics::query)))
        .route(&route("/credits"), only(get(credits::get)))
        .route(&route("/credits/coinbase"), only(post(credits::coinbase)))
        .route(&route("/generation"), only(get(generation::lookup)))
        .route(&route("/generation/content"), only(get(generation::content)))
        .route(&route("/generation/feedback"), only(post(generation::feedback)))
        .route(
            &route("/guardrails"),
            only(get(guardrails::list).post(guardrails::create)),
        )
        .route(
            &route("/guardrails/assignments/keys"),
            only(get(guardrails::all_keys)),
        )
        .route(
            &route("/guardrails/assignments/members"),
            only(get(guardrails::all_members)),
        )
        .route(
            &route("/guardrails/{id}"),
            only(
                get(guardrails::get_one)
                    .patch(guardrails::update)
                    .delete(guardrails::delete),
            ),
        )
        .route(
            &route("/guardrails/{id}/assignments/keys"),
            only(get(guardrails::guardrail_keys).post(guardrails::assign_keys)),
        )
        .route(
            &route("/guardrails/{id}/assignments/keys/remove"),
            only(post(guardrails::unassign_keys)),
        )
        .route(
            &route("/guardrails/{id}/assignments/members"),
            only(get(guardrails::guardrail_members).post(guardrails::assign_members)),
        )
        .route(
            &route("/guardrails/{id}/assignments/members/remove"),
            only(post(guardrails::unassign_members)),
        )
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), intake))
        // The intake step enforces the configured limit itself, with the API's error body.
        .layer(DefaultBodyLimit::disable())
        .with_state(shared)
}

async fn not_found(req: Request) -> Response {
    let msg = format!(
        "Not Found: no route for {} {}",
        req.method(),
        req.uri().path()
    );
    error_response(StatusCode::NOT_FOUND, &msg)
}

async fn method_not_allowed(req: Request) -> Response {
    let msg = format!(
        "Method Not Allowed: {} is not supported on {}",
        req.method(),
        req.uri().path()
    );
    error_response(StatusCode::METHOD_NOT_ALLOWED, &msg)
}

/// Records the request, picks its fault and applies the faults that act before any handler.
async fn intake(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let limit = shared.config.max_body_bytes;
    let (bytes, too_large) = match axum::body::to_bytes(body, limit).await {
        Ok(b) => (b, false),
        Err(_) => (bytes::Bytes::new(), true),
    };
    shared.record(RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: bytes.clone(),
    });

    // The queued fault is consumed whatever happens, so a test's queue stays in step with
    // its requests; a header fault takes precedence for its own request.
    let queued = shared.next_fault();
    let fault = match parts.headers.get(FAULT_HEADER) {
        Some(v) => match Fault::parse(v.to_str().unwrap_or("")) {
            Ok(f) => Some(f),
            Err(msg) => return error_response(StatusCode::BAD_REQUEST, &msg),
        },
        None => queued,
    };
    match &fault {
        Some(Fault::ResetBeforeHeaders) => {
            if let Some(kill) = parts.extensions.get::<KillSwitch>() {
                kill.fire();
                // The connection task drops this future along with the connection.
                std::future::pending::<()>().await;
            }
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "reset-before-headers needs the emulator's own accept loop",
            );
        }
        Some(Fault::Status {
            status,
            message,
            retry_after,
            retry_after_ms,
        }) => {
            let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let text = message
                .clone()
                .unwrap_or_else(|| default_message(status.as_u16()).to_owned());
            let mut resp = json_response(status, &error_body(i64::from(status.as_u16()), &text));
            let h = resp.headers_mut();
            if let Some(v) = retry_after
                .as_deref()
                .and_then(|v| HeaderValue::from_str(v).ok())
            {
                h.insert(header::RETRY_AFTER, v);
            }
            if let Some(ms) = retry_after_ms {
                h.insert(
                    HeaderName::from_static("retry-after-ms"),
                    HeaderValue::from(*ms),
                );
            }
            return resp;
        }
        Some(Fault::DelayHeaders(d)) => tokio::time::sleep(*d).await,
        _ => {}
    }
    if too_large {
        let msg = format!(
            "Request body is larger than {limit} bytes. Send a shorter prompt or smaller attachments."
        );
        return error_response(StatusCode::PAYLOAD_TOO_LARGE, &msg);
    }
    parts.extensions.insert(ActiveFault(fault));
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
