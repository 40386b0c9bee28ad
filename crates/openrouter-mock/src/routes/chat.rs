//! `POST /chat/completions`: validation the way OpenRouter does it, then a generated answer.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::Value;

use crate::auth::authenticate;
use crate::catalogue::{self, Model};
use crate::completion::{self, Ask};
use crate::errors::{error_response, Rejection};
use crate::faults::Fault;
use crate::script::{self, Scripted};
use crate::state::Shared;
use crate::transport::{self, ActiveFault, ChunkHeader};

const ROLES: &[&str] = &["system", "developer", "user", "assistant", "tool"];
/// The model used when a request names none, standing in for the account default.
const DEFAULT_MODEL: &str = "openai/gpt-4o-mini";

fn bad(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

/// Handles a chat completion, streamed when the body says `"stream": true`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    let key = match authenticate(&shared, &headers) {
        Ok(k) => k,
        Err(r) => return r.into_response(),
    };
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad(format!("Request body is not valid JSON: {e}")).into_response(),
    };
    let ask = match validate(&request, &fault) {
        Ok(a) => a,
        Err(r) => return r.into_response(),
    };
    if let Some(limit) = shared.config.credit_limit {
        if shared.usage(&key) >= limit {
            return error_response(
                StatusCode::PAYMENT_REQUIRED,
                "Insufficient credits. Add more using https://openrouter.ai/credits",
            );
        }
    }
    let served_by = if ask.model.id == "openrouter/auto" {
        catalogue::find(catalogue::AUTO_TARGET).unwrap_or(ask.model)
    } else {
        ask.model
    };
    let scripted = shared
        .next_reply()
        .map(|reply| Scripted::new(reply, &ask, served_by));
    let mut answer = match &scripted {
        Some(scripted) => scripted.completion.clone(),
        None => completion::complete(&ask, served_by),
    };
    if ask.model.id == "openrouter/auto" {
        // The live router reports the model it actually picked.
        answer.model = served_by.id.to_owned();
    }
    shared.charge(&key, answer.cost);
    let stream = request
        .get("stream")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let router = (ask.model.id == "openrouter/auto").then_some("openrouter/auto");
    shared.store_generation(
        answer.id.clone(),
        super::generation::record(&answer, router, stream),
    );
    super::generation::store_content(&shared, &request, &answer);
    let extra = vec![(
        HeaderName::from_static("x-generation-id"),
        answer.id.clone(),
    )];
    let stream = request
        .get("stream")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if let Some(mut scripted) = scripted {
        scripted.completion = answer;
        return scripted_response(&shared, &fault, &scripted, stream, extra);
    }
    if stream {
        transport::sse(&shared, &fault, &head(&answer), &answer.to_chunks(), extra)
    } else {
        transport::json(&fault, StatusCode::OK, &answer.to_json(), extra)
    }
}

fn head(answer: &completion::Completion) -> ChunkHeader {
    ChunkHeader {
        id: answer.id.clone(),
        created: answer.created,
        model: answer.model.clone(),
        provider: answer.provider.clone(),
    }
}

/// Delivers a scripted turn; its delay stands in for a fault only when the request has none.
fn scripted_response(
    shared: &Arc<Shared>,
    fault: &ActiveFault,
    scripted: &Scripted,
    stream: bool,
    extra: Vec<(HeaderName, String)>,
) -> Response {
    let head = head(&scripted.completion);
    match (scripted.delay(), &fault.0, stream) {
        (Some(delay), None, true) => {
            let held = ActiveFault(Some(Fault::keep_alives(1, delay)));
            transport::sse(shared, &held, &head, &scripted.to_chunks(), extra)
        }
        (Some(delay), None, false) => script::held_json(shared, delay, &scripted.to_json(), extra),
        (_, _, true) => transport::sse(shared, fault, &head, &scripted.to_chunks(), extra),
        (_, _, false) => transport::json(fault, StatusCode::OK, &scripted.to_json(), extra),
    }
}

/// Whether `validate` rejects problems at this JSON path of the body itself: the intake's
/// spec check leaves those to it, so its messages (which tests and users rely on) stand.
pub(crate) fn checks_itself(path: &str) -> bool {
    match path {
        "" | "messages" | "model" | "temperature" | "max_tokens" | "max_completion_tokens" => true,
        _ => path
            .strip_prefix("messages[")
            .and_then(|rest| rest.split_once("]."))
            .is_some_and(|(i, field)| field == "role" && i.parse::<usize>().is_ok()),
    }
}

fn validate<'a>(body: &'a Value, fault: &ActiveFault) -> Result<Ask<'a>, Rejection> {
    if !body.is_object() {
        return Err(bad("Request body must be a JSON object"));
    }
    let messages = match body.get("messages") {
        None | Some(Value::Null) => {
            return Err(bad(
                "`messages` is required: send an array of chat messages",
            ))
        }
        Some(Value::Array(m)) if m.is_empty() => {
            return Err(bad("`messages` must contain at least one message"))
        }
        Some(Value::Array(m)) => m.as_slice(),
        Some(_) => return Err(bad("`messages` must be an array of chat messages")),
    };
    for (i, m) in messages.iter().enumerate() {
        let Some(role) = m.get("role") else {
            return Err(bad(format!(
                "messages[{i}] has no `role`; use one of {}",
                ROLES.join(", ")
            )));
        };
        match role.as_str() {
            Some(r) if ROLES.contains(&r) => {}
            _ => {
                return Err(bad(format!(
                    "messages[{i}].role {role} is not valid; use one of {}",
                    ROLES.join(", ")
                )))
            }
        }
    }
    let model_id = match body.get("model") {
        None | Some(Value::Null) => body
            .get("models")
            .and_then(Value::as_array)
            .and_then(|m| m.first())
            .and_then(Value::as_str)
            .unwrap_or(DEFAULT_MODEL)
            .to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => return Err(bad(format!("`model` must be a string, got {other}"))),
    };
    let model: &'static Model = match catalogue::lookup(&model_id) {
        Some(m) if m.is_chat() => m,
        Some(_) => {
            return Err(bad(format!(
                "{model_id} is an embedding model; use POST /embeddings with it"
            )))
        }
        None => return Err(bad(format!("{model_id} is not a valid model ID"))),
    };
    if let Some(t) = body.get("temperature").filter(|t| !t.is_null()) {
        match t.as_f64() {
            Some(t) if (0.0..=2.0).contains(&t) => {}
            _ => {
                return Err(bad(format!(
                    "`temperature` must be a number between 0 and 2, got {t}"
                )))
            }
        }
    }
    let max_tokens = match body
        .get("max_completion_tokens")
        .filter(|v| !v.is_null())
        .or_else(|| body.get("max_tokens").filter(|v| !v.is_null()))
    {
        None => None,
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => Some(n),
            _ => {
                return Err(bad(format!(
                    "`max_tokens` must be a positive integer, got {v}"
                )))
            }
        },
    };
    script::check_tool_messages(messages).map_err(bad)?;
    let call_tool = choose_tool(body, messages)?;
    Ok(Ask {
        body,
        messages,
        model_id: model_id.clone(),
        model,
        max_tokens,
        reasoning: wants_reasoning(body, &model_id),
        call_tool,
        multibyte: matches!(fault.0, Some(Fault::SplitUtf8)),
    })
}

fn wants_reasoning(body: &Value, model_id: &str) -> bool {
    if model_id.ends_with(":thinking") {
        return true;
    }
    if body
        .get("reasoning_effort")
        .and_then(Value::as_str)
        .is_some_and(|e| e != "none")
    {
        return true;
    }
    match body.get("reasoning") {
        Some(Value::Object(r)) => {
            r.get("enabled").and_then(Value::as_bool) != Some(false)
                && r.get("effort").and_then(Value::as_str) != Some("none")
                && r.get("exclude").and_then(Value::as_bool) != Some(true)
        }
        _ => false,
    }
}

/// The function tool the model should call, if any.
fn choose_tool<'a>(body: &'a Value, messages: &[Value]) -> Result<Option<&'a Value>, Rejection> {
    let tools = match body.get("tools") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(t)) => t,
        Some(_) => return Err(bad("`tools` must be an array of tool definitions")),
    };
    for (i, tool) in tools.iter().enumerate() {
        if tool.get("type").and_then(Value::as_str) == Some("function")
            && tool
                .get("function")
                .and_then(|f| f.get("name"))
                .and_then(Value::as_str)
                .is_none()
        {
            return Err(bad(format!("tools[{i}].function.name is required")));
        }
    }
    let last_is_tool_result = messages
        .last()
        .and_then(|m| m.get("role"))
        .and_then(Value::as_str)
        == Some("tool");
    let functions = || {
        tools
            .iter()
            .filter(|t| t.get("type").and_then(Value::as_str) == Some("function"))
    };
    let tool_name = |t: &Value| {
        t.get("function")
            .and_then(|f| f.get("name"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let choice = body.get("tool_choice");
    if choice.and_then(Value::as_str) == Some("none") || last_is_tool_result {
        return Ok(None);
    }
    if let Some(name) = choice
        .and_then(|c| c.get("function"))
        .and_then(|f| f.get("name"))
        .and_then(Value::as_str)
    {
        return match functions().find(|t| tool_name(t).as_deref() == Some(name)) {
            Some(t) => Ok(Some(t)),
            None => Err(bad(format!(
                "tool_choice names `{name}`, which is not among the offered tools"
            ))),
        };
    }
    Ok(functions().next())
}
