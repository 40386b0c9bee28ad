//! `GET /generation?id=`: the stored record of a completion this emulator served.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::completion::Completion;
use crate::errors::error_response;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// `YYYY-MM-DDTHH:MM:SS+00:00` for a Unix time, without pulling in a date crate.
pub(crate) fn iso8601(unix: u64) -> String {
    let zulu = crate::ids::iso8601(unix);
    format!("{}+00:00", zulu.trim_end_matches('Z'))
}

/// The `/generation` record for a completion that was just served.
pub(crate) fn record(answer: &Completion, router: Option<&str>, streamed: bool) -> Value {
    let mut record = json!({
        "id": answer.id,
        "upstream_id": format!("chatcmpl-{}", answer.id.trim_start_matches("gen-")),
        "total_cost": answer.cost,
        "usage": answer.cost,
        "upstream_inference_cost": null,
        "cache_discount": null,
        "created_at": iso8601(answer.created),
        "model": answer.model,
        "app_id": null,
        "streamed": streamed,
        "cancelled": false,
        "provider_name": answer.provider,
        "latency": 0,
        "moderation_latency": null,
        "generation_time": 0,
        "finish_reason": answer.finish_reason,
        "native_finish_reason": answer.finish_reason,
        "tokens_prompt": answer.prompt_tokens,
        "tokens_completion": answer.completion_tokens,
        "native_tokens_prompt": answer.prompt_tokens,
        "native_tokens_completion": answer.completion_tokens,
        "native_tokens_completion_images": 0,
        "native_tokens_reasoning": answer.reasoning_tokens,
        "native_tokens_cached": 0,
    });
    // Split in two because one `json!` this large exceeds the macro recursion limit.
    let rest = json!({
        "num_media_prompt": 0,
        "num_input_audio_prompt": 0,
        "num_media_completion": 0,
        "num_search_results": 0,
        "num_fetches": 0,
        "origin": "",
        "is_byok": false,
        "api_type": "completions",
        "router": router,
        "provider_responses": null,
        "request_id": null,
        "session_id": null,
        "external_user": null,
        "http_referer": null,
        "user_agent": null,
        "preset_id": null,
        "service_tier": null,
        "data_region": "global",
        "web_search_engine": null,
        "workspace_id": null,
    });
    if let (Value::Object(a), Value::Object(b)) = (&mut record, rest) {
        a.extend(b);
    }
    record
}

/// Looks a generation up by id; unknown ids are a 404 like the live API's.
pub(crate) async fn lookup(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let Some(id) = query.get("id").filter(|id| !id.is_empty()) else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "The `id` query parameter is required, e.g. /generation?id=gen-...",
        );
    };
    let Some(data) = shared.generation(id) else {
        return error_response(StatusCode::NOT_FOUND, &format!("Generation {id} not found"));
    };
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, StatusCode::OK, &json!({ "data": data }), Vec::new())
}

/// The store collection of generation contents, by generation id.
const CONTENT: &str = "generation_content";
/// The store collection of feedback, by generation id.
const FEEDBACK: &str = "generation_feedback";
const CATEGORIES: &[&str] = &[
    "latency",
    "incoherence",
    "incorrect_response",
    "formatting",
    "billing",
    "api_error",
    "other",
];

/// Keeps what a completion was asked and answered, for `GET /generation/content`.
pub(crate) fn store_content(shared: &Shared, request: &Value, answer: &Completion) {
    if !shared.keeps_history() {
        return;
    }
    let input = match request.get("messages") {
        Some(messages) => json!({ "messages": messages }),
        None => json!({ "prompt": request.get("prompt").cloned().unwrap_or(json!("")) }),
    };
    let content = json!({
        "input": input,
        "output": { "completion": answer.content, "reasoning": answer.reasoning },
        "error": null,
    });
    shared.store.insert(CONTENT, &answer.id, content);
}

/// The stored prompt and output of a generation.
pub(crate) async fn content(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let Some(id) = query.get("id").filter(|id| !id.is_empty()) else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "The `id` query parameter is required, e.g. /generation/content?id=gen-...",
        );
    };
    let Some(data) = shared.store.get(CONTENT, id) else {
        return error_response(StatusCode::NOT_FOUND, &format!("Generation {id} not found"));
    };
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, StatusCode::OK, &json!({ "data": data }), Vec::new())
}

/// Records feedback on a generation this emulator served.
pub(crate) async fn feedback(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: bytes::Bytes,
) -> Response {
    if let Err(r) = crate::auth::authenticate_management(&shared, &headers) {
        return r.into_response();
    }
    let checked = super::admin::object_body(&body).and_then(|b| {
        let id = super::admin::required_string(&b, "generation_id")?.to_owned();
        if !b.contains_key("category") {
            return Err(super::admin::bad("`category` is required"));
        }
        super::admin::check_enum(&b, "category", CATEGORIES, false)?;
        super::admin::check_type(&b, "comment", "string", false)?;
        Ok((id, b))
    });
    let (id, body) = match checked {
        Ok(v) => v,
        Err(r) => return r.into_response(),
    };
    if shared.generation(&id).is_none() {
        return error_response(StatusCode::NOT_FOUND, &format!("Generation {id} not found"));
    }
    shared.store.remove(FEEDBACK, &id);
    shared.store.insert(FEEDBACK, &id, Value::Object(body));
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(
        &fault,
        StatusCode::OK,
        &json!({ "data": { "success": true } }),
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_civil() {
        assert_eq!(super::iso8601(0), "1970-01-01T00:00:00+00:00");
        assert_eq!(super::iso8601(1_721_086_399), "2024-07-15T23:33:19+00:00");
        assert_eq!(super::iso8601(951_782_400), "2000-02-29T00:00:00+00:00");
    }
}
