//! `POST /responses`: the Responses API. Validation as OpenRouter does it, then the same
//! deterministic answer as chat, rendered as a response object or as its stream of events.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::catalogue::{self, Model};
use crate::completion::{self, Ask};
use crate::errors::{error_response, Rejection};
use crate::faults::Fault;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

mod render;

/// The model used when a request names none, standing in for the account default.
const DEFAULT_MODEL: &str = "openai/gpt-4o-mini";
const ROLES: &[&str] = &["system", "developer", "user", "assistant"];
/// The live API's answer to a non-null `previous_response_id`.
const STATELESS: &str = "previous_response_id is not supported: the Responses API is stateless \
and stores no responses. Send the full conversation history in `input` instead.";

fn bad(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

/// The request as the chat engine understands it: messages, tools and output format.
struct Translated {
    model_id: String,
    model: &'static Model,
    /// A chat-shaped body (`tools`, `response_format`) for token counting and JSON output.
    chat_body: Value,
    messages: Vec<Value>,
    call_tool: Option<Value>,
    max_tokens: Option<u64>,
    reasoning: bool,
}

/// Handles `POST /responses`, streamed when the body says `"stream": true`.
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
    let t = match translate(&request) {
        Ok(t) => t,
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
    let ask = Ask {
        body: &t.chat_body,
        messages: &t.messages,
        model_id: t.model_id.clone(),
        model: t.model,
        max_tokens: t.max_tokens,
        reasoning: t.reasoning,
        call_tool: t.call_tool.as_ref(),
        multibyte: matches!(fault.0, Some(Fault::SplitUtf8)),
    };
    let mut answer = completion::complete(&ask, t.model);
    let canned = shared.next_canned();
    if let Some(canned) = &canned {
        canned.apply(&mut answer);
    }
    shared.charge(&key, answer.cost);
    let stream = request
        .get("stream")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    shared.store_generation(
        answer.id.clone(),
        super::generation::record(&answer, None, stream),
    );
    let extra = vec![(
        HeaderName::from_static("x-generation-id"),
        answer.id.clone(),
    )];
    let rendered = render::Rendered::new(&request, &answer);
    if stream {
        let mut events = rendered.events();
        crate::canned::patch_response_events(canned.as_ref(), &mut events);
        let frames = events.iter().map(|v| format!("data: {v}\n\n")).collect();
        // The Responses API reports a failure mid-stream with its own `error` event, numbered
        // after the events sent before it.
        let sequence_number = match &fault.0 {
            Some(crate::Fault::MidStreamError { after_chunks, .. }) => {
                (*after_chunks).min(events.len())
            }
            _ => events.len(),
        };
        let error = |code: i64, message: &str| {
            let event = json!({
                "type": "error",
                "code": code.to_string(),
                "message": message,
                "param": null,
                "sequence_number": sequence_number,
            });
            format!("data: {event}\n\n")
        };
        let malformed =
            "data: {\"type\":\"response.output_text.delta\",\"delta\":\"unterminated\n\n";
        transport::sse_frames(&shared, &fault, frames, &error, malformed.to_owned(), extra)
    } else {
        let mut body = rendered.response();
        crate::canned::patch_response(canned.as_ref(), &mut body);
        transport::json(&fault, StatusCode::OK, &body, extra)
    }
}

fn translate(body: &Value) -> Result<Translated, Rejection> {
    if !body.is_object() {
        return Err(bad("Request body must be a JSON object"));
    }
    if body
        .get("previous_response_id")
        .is_some_and(|v| !v.is_null())
    {
        return Err(bad(STATELESS));
    }
    if body.get("store").and_then(Value::as_bool) == Some(true) {
        return Err(bad(
            "`store` must be false: the Responses API is stateless and stores no responses",
        ));
    }
    let mut messages = Vec::new();
    if let Some(instructions) = body.get("instructions").and_then(Value::as_str) {
        messages.push(json!({"role": "system", "content": instructions}));
    }
    match body.get("input") {
        None | Some(Value::Null) => {
            return Err(bad(
                "`input` is required: send a string or an array of input items",
            ))
        }
        Some(Value::String(text)) => messages.push(json!({"role": "user", "content": text})),
        Some(Value::Array(items)) if items.is_empty() => {
            return Err(bad("`input` must contain at least one item"))
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                messages.extend(item_message(i, item)?);
            }
        }
        Some(_) => return Err(bad("`input` must be a string or an array of input items")),
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
    let model = match catalogue::lookup(&model_id) {
        Some(m) if m.is_chat() => m,
        Some(_) => {
            return Err(bad(format!(
                "{model_id} is an embedding model; use POST /embeddings with it"
            )))
        }
        None => return Err(bad(format!("{model_id} is not a valid model ID"))),
    };
    if let Some(t) = body.get("temperature").filter(|t| !t.is_null()) {
        if !t.as_f64().is_some_and(|t| (0.0..=2.0).contains(&t)) {
            return Err(bad(format!(
                "`temperature` must be a number between 0 and 2, got {t}"
            )));
        }
    }
    let max_tokens = match body.get("max_output_tokens").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => Some(n),
            _ => {
                return Err(bad(format!(
                    "`max_output_tokens` must be a positive integer, got {v}"
                )))
            }
        },
    };
    let tools = chat_tools(body)?;
    let call_tool = choose_tool(body, &tools, &messages)?;
    let mut chat_body = json!({ "tools": tools });
    if let Some(format) = body.get("text").and_then(|t| t.get("format")) {
        chat_body["response_format"] = match format.get("type").and_then(Value::as_str) {
            Some("json_schema") => json!({
                "type": "json_schema",
                "json_schema": {"schema": format.get("schema").cloned().unwrap_or(json!({}))},
            }),
            _ => format.clone(),
        };
    }
    Ok(Translated {
        reasoning: wants_reasoning(body, &model_id),
        model_id,
        model,
        chat_body,
        messages,
        call_tool,
        max_tokens,
    })
}

/// The chat message an input item stands for, if any.
fn item_message(i: usize, item: &Value) -> Result<Option<Value>, Rejection> {
    let kind = item.get("type").and_then(Value::as_str);
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        other => completion::content_text(other),
    };
    match kind {
        None | Some("message") => {
            let role = item.get("role").and_then(Value::as_str);
            match role {
                Some(r) if ROLES.contains(&r) => {}
                _ => {
                    return Err(bad(format!(
                        "input[{i}].role must be one of {}",
                        ROLES.join(", ")
                    )))
                }
            }
            if matches!(item.get("content"), None | Some(Value::Null)) {
                return Err(bad(format!("input[{i}].content is required")));
            }
            Ok(Some(
                json!({"role": role, "content": text(item.get("content"))}),
            ))
        }
        Some("function_call_output") => {
            if item.get("call_id").and_then(Value::as_str).is_none() {
                return Err(bad(format!("input[{i}].call_id is required")));
            }
            Ok(Some(
                json!({"role": "tool", "content": text(item.get("output"))}),
            ))
        }
        Some("function_call") => Ok(Some(json!({"role": "assistant", "content": ""}))),
        _ => Ok(None),
    }
}

/// Function tools in the chat shape (`{type, function: {name, parameters}}`).
fn chat_tools(body: &Value) -> Result<Vec<Value>, Rejection> {
    let tools = match body.get("tools") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(t)) => t,
        Some(_) => return Err(bad("`tools` must be an array of tool definitions")),
    };
    let mut out = Vec::new();
    for (i, tool) in tools.iter().enumerate() {
        if tool.get("type").and_then(Value::as_str) != Some("function") {
            continue;
        }
        let Some(name) = tool.get("name").and_then(Value::as_str) else {
            return Err(bad(format!("tools[{i}].name is required")));
        };
        out.push(json!({
            "type": "function",
            "function": {
                "name": name,
                "parameters": tool.get("parameters").cloned().unwrap_or(json!({"type": "object"})),
            },
        }));
    }
    Ok(out)
}

fn choose_tool(
    body: &Value,
    tools: &[Value],
    messages: &[Value],
) -> Result<Option<Value>, Rejection> {
    let last_is_tool_result = messages
        .last()
        .and_then(|m| m.get("role"))
        .and_then(Value::as_str)
        == Some("tool");
    let choice = body.get("tool_choice");
    if tools.is_empty() || choice.and_then(Value::as_str) == Some("none") || last_is_tool_result {
        return Ok(None);
    }
    let name_of = |t: &Value| {
        t.pointer("/function/name")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    if let Some(name) = choice
        .filter(|c| c.get("type").and_then(Value::as_str) == Some("function"))
        .and_then(|c| c.get("name"))
        .and_then(Value::as_str)
    {
        return match tools.iter().find(|t| name_of(t).as_deref() == Some(name)) {
            Some(t) => Ok(Some(t.clone())),
            None => Err(bad(format!(
                "tool_choice names `{name}`, which is not among the offered tools"
            ))),
        };
    }
    Ok(tools.first().cloned())
}

fn wants_reasoning(body: &Value, model_id: &str) -> bool {
    if model_id.ends_with(":thinking") {
        return true;
    }
    match body.get("reasoning") {
        Some(Value::Object(r)) => {
            r.get("enabled").and_then(Value::as_bool) != Some(false)
                && r.get("effort").and_then(Value::as_str) != Some("none")
        }
        _ => false,
    }
}
