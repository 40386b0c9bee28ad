//! The HTTP surface: the router, and the intake step every request goes through.

mod admin;
mod analytics;
mod audio;
mod byok;
mod chat;
mod completions;
mod credits;
mod datasets;
mod embeddings;
mod files;
mod generation;
mod guardrails;
mod images;
mod key;
mod keys;
mod messages;
mod models;
mod multipart;
mod oauth;
mod observability;
mod organization;
mod presets;
mod records;
mod rerank;
mod responses;
mod scim;
mod validation;
mod videos;
mod workspaces;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{delete, get, post, MethodRouter};
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
        .route(&route("/responses"), only(post(responses::create)))
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
        .route(&route("/byok"), only(get(byok::list).post(byok::create)))
        .route(
            &route("/byok/{id}"),
            only(get(byok::get).patch(byok::update).delete(byok::delete)),
        )
        .route(
            &route("/observability/destinations"),
            only(get(observability::list).post(observability::create)),
        )
        .route(
            &route("/observability/destinations/{id}"),
            only(
                get(observability::get)
                    .patch(observability::update)
                    .delete(observability::delete),
            ),
        )
        .route(&route("/presets"), only(get(presets::list)))
        .route(&route("/presets/{slug}"), only(get(presets::get)))
        .route(
            &route("/presets/{slug}/chat/completions"),
            only(post(presets::save_chat)),
        )
        .route(
            &route("/presets/{slug}/messages"),
            only(post(presets::save_messages)),
        )
        .route(
            &route("/presets/{slug}/responses"),
            only(post(presets::save_responses)),
        )
        .route(
            &route("/presets/{slug}/versions"),
            only(get(presets::list_versions)),
        )
        .route(
            &route("/presets/{slug}/versions/{version}"),
            only(get(presets::get_version)),
        )
        .route(&route("/scim/groups"), only(get(scim::list_groups)))
        .route(
            &route("/scim/group-mappings"),
            only(get(scim::list_mappings).post(scim::create)),
        )
        .route(
            &route("/scim/group-mappings/{id}"),
            only(get(scim::get).patch(scim::update).delete(scim::delete)),
        )
        .route(
            &route("/workspaces"),
            only(get(workspaces::list).post(workspaces::create)),
        )
        .route(
            &route("/workspaces/{id}"),
            only(
                get(workspaces::get)
                    .patch(workspaces::update)
                    .delete(workspaces::delete),
            ),
        )
        .route(
            &route("/workspaces/{id}/budgets"),
            only(get(workspaces::list_budgets)),
        )
        .route(
            &route("/workspaces/{id}/budgets/{interval}"),
            only(
                get(workspaces::get_budget)
                    .put(workspaces::upsert_budget)
                    .delete(workspaces::delete_budget),
            ),
        )
        .route(
            &route("/workspaces/{id}/members"),
            only(get(workspaces::list_members)),
        )
        .route(
            &route("/workspaces/{id}/members/add"),
            only(post(workspaces::add_members)),
        )
        .route(
            &route("/workspaces/{id}/members/remove"),
            only(post(workspaces::remove_members)),
        )
        .route(&route("/audio/speech"), only(post(audio::speech)))
        .route(
            &route("/audio/transcriptions"),
            only(post(audio::transcriptions)),
        )
        .route(&route("/files"), only(get(files::list).post(files::upload)))
        .route(
            &route("/files/{file_id}"),
            only(get(files::get).merge(delete(files::delete))),
        )
        .route(
            &route("/files/{file_id}/content"),
            only(get(files::content)),
        )
        .route(&route("/images"), only(post(images::generate)))
        .route(&route("/images/models"), only(get(images::list_models)))
        .route(
            &route("/images/models/{author}/{slug}/endpoints"),
            only(get(images::list_endpoints)),
        )
        .route(&route("/videos"), only(post(videos::create)))
        .route(&route("/videos/models"), only(get(videos::list_models)))
        .route(&route("/videos/{job_id}"), only(get(videos::get)))
        .route(
            &route("/videos/{job_id}/content"),
            only(get(videos::content)),
        )
        .route(&route("/completions"), only(post(completions::create)))
        .route(&route("/embeddings"), only(post(embeddings::create)))
        .route(
            &route("/embeddings/models"),
            only(get(embeddings::list_models)),
        )
        .route(&route("/messages"), only(post(messages::create)))
        .route(&route("/rerank"), only(post(rerank::create)))
        .route("/auth", only(get(oauth::authorize)))
        .route(&route("/auth/keys"), only(post(oauth::exchange)))
        .route(&route("/auth/keys/code"), only(post(oauth::create_code)))
        .route(&route("/benchmarks"), only(get(datasets::benchmarks)))
        .route(
            &route("/classifications/task"),
            only(get(datasets::classifications)),
        )
        .route(
            &route("/datasets/app-rankings"),
            only(get(datasets::app_rankings)),
        )
        .route(
            &route("/datasets/rankings-daily"),
            only(get(datasets::rankings_daily)),
        )
        .route(
            &route("/datasets/session-cost"),
            only(get(datasets::session_cost)),
        )
        .route(&route("/endpoints/zdr"), only(get(models::zdr)))
        .route(&route("/model/{author}/{slug}"), only(get(models::get)))
        .route(&route("/models/count"), only(get(models::count)))
        .route(&route("/models/user"), only(get(models::user)))
        .route(
            &route("/models/{author}/{slug}/endpoints"),
            only(get(models::endpoints)),
        )
        .route(&route("/providers"), only(get(models::providers)))
        .route(
            &route("/generation/content"),
            only(get(generation::content)),
        )
        .route(
            &route("/generation/feedback"),
            only(post(generation::feedback)),
        )
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
    // File uploads (up to 100 MB) are read by their handler as a stream, under its own
    // limit; their recorded body stays empty.
    let (streamed, body) =
        if parts.method == axum::http::Method::POST && parts.uri.path() == files::UPLOAD_PATH {
            (Some(body), Body::empty())
        } else {
            (None, body)
        };
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
    // A streamed upload has no buffered body to check; its handler validates it.
    if shared.config.validate_requests && streamed.is_none() {
        if let Some(rejected) = validation::reject(&parts, &bytes, &fault) {
            return rejected;
        }
    }
    parts.extensions.insert(ActiveFault(fault));
    let body = streamed.unwrap_or_else(|| Body::from(bytes));
    next.run(Request::from_parts(parts, body)).await
}
