//! `POST /messages`: the Anthropic Messages format, answered with Anthropic-shaped bodies,
//! errors and stream events (`event:` lines, `ping`s).

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::catalogue::{self, Model};
use crate::completion::{self, Ask, Completion};
use crate::errors::{json_response, Rejection};
use crate::faults::Fault;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// An Anthropic error body: `{"type":"error","error":{"type":..,"message":..}}`.
fn error(status: StatusCode, message: &str) -> Response {
    let kind = match status.as_u16() {
        400 | 413 | 422 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        503 | 529 => "overloaded_error",
        _ => "api_error",
    };
    let body = json!({
        "type": "error",
        "error": { "type": kind, "message": message },
        "request_id": null,
    });
    json_response(status, &body)
}

fn bad(message: impl AsRef<str>) -> Response {
    error(StatusCode::BAD_REQUEST, message.as_ref())
}

/// A 400 found while validating, rendered by [`error`] in the Anthropic shape.
fn reject(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

/// Handles a messages call, streamed when the body says `"stream": true`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    let key = match authenticate(&shared, &headers) {
        Ok(k) => k,
        Err(r) => return error(r.status, &r.message),
    };
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad(format!("Request body is not valid JSON: {e}")),
    };
    let checked = match validate(&request) {
        Ok(c) => c,
        Err(r) => return error(r.status, &r.message),
    };
    if let Some(limit) = shared.config.credit_limit {
        if shared.usage(&key) >= limit {
            return error(
                StatusCode::PAYMENT_REQUIRED,
                "Insufficient credits. Add more using https://openrouter.ai/credits",
            );
        }
    }
    let tools_body = json!({ "tools": request.get("tools").cloned().unwrap_or(Value::Null) });
    let ask = Ask {
        body: &tools_body,
        messages: &checked.messages,
        model_id: checked.model_id.clone(),
        model: checked.model,
        max_tokens: checked.max_tokens,
        reasoning: checked.thinking,
        call_tool: checked.call_tool.as_ref(),
        multibyte: matches!(fault.0, Some(Fault::SplitUtf8)),
    };
    let answer = completion::complete(&ask, checked.model);
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
    let tool_id = format!("toolu_{}", answer.id.rsplit('-').next().unwrap_or("0"));
    let signature = signature(&answer);
    if stream {
        let frames = events(&answer, &tool_id, &signature)
            .iter()
            .map(|event| {
                let name = event.get("type").and_then(Value::as_str).unwrap_or("");
                format!("event: {name}\ndata: {event}\n\n")
            })
            .collect();
        let error_frame = |code: i64, message: &str| {
            let kind = if code == 529 || code == 503 {
                "overloaded_error"
            } else {
                "api_error"
            };
            let event = json!({
                "type": "error",
                "error": { "type": kind, "message": message, "error_type": "provider_error" },
            });
            format!("event: error\ndata: {event}\n\n")
        };
        let malformed = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"unterminated\n\n".to_owned();
        transport::sse_frames(&shared, &fault, frames, &error_frame, malformed, extra)
    } else {
        let body = message(&answer, &tool_id, &signature, true);
        transport::json(&fault, StatusCode::OK, &body, extra)
    }
}

/// What validation found in the request.
struct Checked {
    model_id: String,
    model: &'static Model,
    /// The messages in chat shape, for the shared answer generator.
    messages: Vec<Value>,
    max_tokens: Option<u64>,
    thinking: bool,
    /// The chosen tool in chat shape (`{"type":"function","function":{..}}`).
    call_tool: Option<Value>,
}

fn validate(body: &Value) -> Result<Checked, Rejection> {
    if !body.is_object() {
        return Err(reject("Request body must be a JSON object"));
    }
    let model_id = match body.get("model") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        None | Some(Value::Null) => {
            return Err(reject(
                "`model` is required: name a model such as anthropic/claude-sonnet-4",
            ))
        }
        Some(other) => return Err(reject(format!("`model` must be a string, got {other}"))),
    };
    let model = match catalogue::lookup(&model_id) {
        Some(m) if m.is_chat() => m,
        Some(_) => {
            return Err(reject(format!(
                "{model_id} is an embedding model; use POST /embeddings with it"
            )))
        }
        None => {
            return Err(Rejection::new(
                StatusCode::NOT_FOUND,
                format!("Model not found: {model_id}"),
            ))
        }
    };
    let raw = match body.get("messages") {
        None | Some(Value::Null) => return Err(reject("Invalid request: messages is required")),
        Some(Value::Array(m)) if m.is_empty() => {
            return Err(reject("`messages` must contain at least one message"))
        }
        Some(Value::Array(m)) => m,
        Some(_) => return Err(reject("`messages` must be an array of messages")),
    };
    let mut messages = Vec::with_capacity(raw.len());
    for (i, m) in raw.iter().enumerate() {
        let role = m.get("role").and_then(Value::as_str);
        if !matches!(role, Some("user" | "assistant" | "system")) {
            return Err(reject(format!(
                "messages[{i}].role must be \"user\" or \"assistant\", got {}",
                m.get("role").unwrap_or(&Value::Null)
            )));
        }
        let content = m.get("content");
        match content {
            Some(Value::String(_)) => {}
            Some(Value::Array(blocks)) => {
                for (j, block) in blocks.iter().enumerate() {
                    if block.get("type").and_then(Value::as_str).is_none() {
                        return Err(reject(format!(
                            "messages[{i}].content[{j}].type is required"
                        )));
                    }
                }
            }
            _ => {
                return Err(reject(format!(
                    "messages[{i}].content must be a string or an array of content blocks"
                )))
            }
        }
        messages.push(chat_message(role.unwrap_or("user"), content));
    }
    let max_tokens = match body.get("max_tokens").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => Some(n),
            _ => {
                return Err(reject(format!(
                    "`max_tokens` must be a positive integer, got {v}"
                )))
            }
        },
    };
    if let Some(t) = body.get("temperature").filter(|t| !t.is_null()) {
        if !t.as_f64().is_some_and(|t| (0.0..=2.0).contains(&t)) {
            return Err(reject(format!(
                "`temperature` must be a number between 0 and 2, got {t}"
            )));
        }
    }
    let thinking = match body.get("thinking").filter(|v| !v.is_null()) {
        None => model_id.ends_with(":thinking"),
        Some(t) => match t.get("type").and_then(Value::as_str) {
            Some("enabled") => {
                if !t.get("budget_tokens").is_some_and(Value::is_u64) {
                    return Err(reject("`thinking.budget_tokens` is required when thinking.type is \"enabled\": give a positive integer"));
                }
                true
            }
            Some("adaptive") => true,
            Some("disabled") => false,
            _ => {
                return Err(reject(
                    "`thinking.type` must be \"enabled\", \"adaptive\" or \"disabled\"",
                ))
            }
        },
    };
    let call_tool = choose_tool(body, raw)?;
    Ok(Checked {
        model_id,
        model,
        messages,
        max_tokens,
        thinking,
        call_tool,
    })
}

/// A message in chat shape: tool results become `tool` messages so the generator answers
/// with what the tool returned.
fn chat_message(role: &str, content: Option<&Value>) -> Value {
    if let Some(Value::Array(blocks)) = content {
        if let Some(result) = blocks
            .iter()
            .find(|b| b.get("type").and_then(Value::as_str) == Some("tool_result"))
        {
            let text = completion::content_text(result.get("content"));
            return json!({ "role": "tool", "content": text });
        }
    }
    json!({ "role": role, "content": content.cloned().unwrap_or(Value::Null) })
}

/// The custom tool the model should call, in chat shape, if any.
fn choose_tool(body: &Value, messages: &[Value]) -> Result<Option<Value>, Rejection> {
    let tools = match body.get("tools") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(t)) => t,
        Some(_) => return Err(reject("`tools` must be an array of tool definitions")),
    };
    let custom =
        |t: &&Value| matches!(t.get("type").and_then(Value::as_str), None | Some("custom"));
    for (i, tool) in tools.iter().enumerate() {
        if custom(&tool) && tool.get("name").and_then(Value::as_str).is_none() {
            return Err(reject(format!("tools[{i}].name is required")));
        }
    }
    let answered = messages
        .last()
        .and_then(|m| m.get("content"))
        .and_then(Value::as_array)
        .is_some_and(|b| {
            b.iter()
                .any(|b| b.get("type").and_then(Value::as_str) == Some("tool_result"))
        });
    let choice = body.get("tool_choice");
    if answered || choice.and_then(|c| c.get("type")).and_then(Value::as_str) == Some("none") {
        return Ok(None);
    }
    let wanted = choice
        .filter(|c| c.get("type").and_then(Value::as_str) == Some("tool"))
        .and_then(|c| c.get("name"))
        .and_then(Value::as_str);
    let tool = match wanted {
        Some(name) => match tools
            .iter()
            .filter(custom)
            .find(|t| t.get("name").and_then(Value::as_str) == Some(name))
        {
            Some(t) => t,
            None => {
                return Err(reject(format!(
                    "tool_choice names `{name}`, which is not among the offered tools"
                )))
            }
        },
        None => match tools.iter().find(custom) {
            Some(t) => t,
            None => return Ok(None),
        },
    };
    Ok(Some(json!({
        "type": "function",
        "function": {
            "name": tool.get("name").cloned().unwrap_or(Value::Null),
            "parameters": tool.get("input_schema").cloned().unwrap_or(json!({"type": "object"})),
        },
    })))
}

fn stop_reason(answer: &Completion) -> &'static str {
    match answer.finish_reason {
        "tool_calls" => "tool_use",
        "length" => "max_tokens",
        _ => "end_turn",
    }
}

/// A deterministic stand-in for the provider's thinking signature.
fn signature(answer: &Completion) -> String {
    let text = answer.reasoning.as_deref().unwrap_or("");
    let sum = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("EqQBCkYIBxgCKkD{sum:016x}")
}

fn usage(answer: &Completion, output_tokens: u64) -> Value {
    json!({
        "input_tokens": answer.prompt_tokens,
        "output_tokens": output_tokens,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
        "cache_creation": null,
        "server_tool_use": null,
        "service_tier": "standard",
        "inference_geo": null,
        "output_tokens_details": null,
        "cost": answer.cost,
        "is_byok": false,
    })
}

fn blocks(answer: &Completion, tool_id: &str, signature: &str) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(r) = &answer.reasoning {
        out.push(json!({ "type": "thinking", "thinking": r, "signature": signature }));
    }
    if let Some(text) = &answer.content {
        out.push(json!({ "type": "text", "text": text, "citations": null }));
    }
    if let Some(call) = &answer.tool_call {
        let input: Value = serde_json::from_str(&call.arguments).unwrap_or(json!({}));
        out.push(json!({ "type": "tool_use", "id": tool_id, "name": call.name, "input": input }));
    }
    out
}

/// The message body; `done` says whether it is the final answer or the `message_start` head.
fn message(answer: &Completion, tool_id: &str, signature: &str, done: bool) -> Value {
    json!({
        "id": answer.id,
        "type": "message",
        "role": "assistant",
        "container": null,
        "content": if done { blocks(answer, tool_id, signature) } else { Vec::new() },
        "model": answer.model,
        "provider": answer.provider,
        "stop_reason": if done { Some(stop_reason(answer)) } else { None },
        "stop_details": null,
        "stop_sequence": null,
        "usage": usage(answer, if done { answer.completion_tokens } else { 1 }),
    })
}

/// Cut `text` into pieces of about `size` characters, never inside a character.
fn pieces(text: &str, size: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(size.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

/// The stream's events, in order, with `ping`s as the live API sends them.
fn events(answer: &Completion, tool_id: &str, signature: &str) -> Vec<Value> {
    let mut out = vec![
        json!({ "type": "message_start", "message": message(answer, tool_id, signature, false) }),
        json!({ "type": "ping" }),
    ];
    for (index, block) in blocks(answer, tool_id, signature).into_iter().enumerate() {
        let delta = |d: Value| json!({ "type": "content_block_delta", "index": index, "delta": d });
        match block.get("type").and_then(Value::as_str) {
            Some("thinking") => {
                out.push(json!({ "type": "content_block_start", "index": index,
                    "content_block": { "type": "thinking", "thinking": "", "signature": "" } }));
                let text = block.get("thinking").and_then(Value::as_str).unwrap_or("");
                for piece in pieces(text, 24) {
                    out.push(delta(
                        json!({ "type": "thinking_delta", "thinking": piece }),
                    ));
                }
                out.push(delta(
                    json!({ "type": "signature_delta", "signature": signature }),
                ));
            }
            Some("text") => {
                out.push(json!({ "type": "content_block_start", "index": index,
                    "content_block": { "type": "text", "text": "" } }));
                let text = block.get("text").and_then(Value::as_str).unwrap_or("");
                for piece in pieces(text, 16) {
                    out.push(delta(json!({ "type": "text_delta", "text": piece })));
                }
            }
            _ => {
                out.push(json!({ "type": "content_block_start", "index": index,
                    "content_block": { "type": "tool_use", "id": tool_id,
                        "name": block.get("name").cloned().unwrap_or(Value::Null), "input": {} } }));
                let input = block.get("input").map(Value::to_string).unwrap_or_default();
                out.push(delta(
                    json!({ "type": "input_json_delta", "partial_json": "" }),
                ));
                for piece in pieces(&input, 12) {
                    out.push(delta(
                        json!({ "type": "input_json_delta", "partial_json": piece }),
                    ));
                }
            }
        }
        out.push(json!({ "type": "content_block_stop", "index": index }));
        out.push(json!({ "type": "ping" }));
    }
    out.push(json!({
        "type": "message_delta",
        "delta": { "stop_reason": stop_reason(answer), "stop_sequence": null,
            "stop_details": null, "container": null },
        "usage": usage(answer, answer.completion_tokens),
    }));
    out.push(json!({ "type": "message_stop" }));
    out
}
