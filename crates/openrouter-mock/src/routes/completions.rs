//! `POST /completions`: legacy text completions (a prompt in, text out).

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::catalogue;
use crate::completion::{self, Ask, Completion};
use crate::errors::{error_response, Rejection};
use crate::faults::Fault;
use crate::state::Shared;
use crate::transport::{self, ActiveFault, ChunkHeader};

fn bad(message: impl Into<String>) -> Response {
    reject(message).into_response()
}

fn reject(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

/// The prompt as one text: a string, or strings joined (one answer covers them all).
fn prompt_text(prompt: Option<&Value>) -> Result<String, Rejection> {
    match prompt {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(items)) if !items.is_empty() => {
            let mut parts = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => parts.push(s.clone()),
                    Value::Number(n) => parts.push(n.to_string()),
                    _ => {
                        return Err(reject(format!(
                            "prompt[{i}] must be a string or a token id"
                        )))
                    }
                }
            }
            Ok(parts.join(" "))
        }
        None | Some(Value::Null) => Err(reject(
            "`prompt` is required: send a string or a list of strings",
        )),
        Some(_) => Err(reject(
            "`prompt` must be a string or a non-empty list of strings",
        )),
    }
}

/// Handles a text completion, streamed when the body says `"stream": true`.
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
    let request: Value = match serde_json::from_slice::<Value>(&body) {
        Ok(v) if v.is_object() => v,
        Ok(_) => return bad("Request body must be a JSON object"),
        Err(e) => return bad(format!("Request body is not valid JSON: {e}")),
    };
    let model_id = match request.get("model") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        None | Some(Value::Null) => {
            return bad("`model` is required: name a model such as openai/gpt-4o-mini")
        }
        Some(other) => return bad(format!("`model` must be a string, got {other}")),
    };
    let model = match catalogue::lookup(&model_id) {
        Some(m) if m.is_chat() => m,
        Some(_) => {
            return bad(format!(
                "{model_id} is an embedding model; use POST /embeddings with it"
            ))
        }
        None => return bad(format!("{model_id} is not a valid model ID")),
    };
    let prompt = match prompt_text(request.get("prompt")) {
        Ok(p) => p,
        Err(r) => return r.into_response(),
    };
    let max_tokens = match request.get("max_tokens").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => Some(n),
            _ => return bad(format!("`max_tokens` must be a positive integer, got {v}")),
        },
    };
    if let Some(t) = request.get("temperature").filter(|t| !t.is_null()) {
        if !t.as_f64().is_some_and(|t| (0.0..=2.0).contains(&t)) {
            return bad(format!(
                "`temperature` must be a number between 0 and 2, got {t}"
            ));
        }
    }
    if let Some(limit) = shared.config.credit_limit {
        if shared.usage(&key) >= limit {
            return error_response(
                StatusCode::PAYMENT_REQUIRED,
                "Insufficient credits. Add more using https://openrouter.ai/credits",
            );
        }
    }
    let messages = [json!({ "role": "user", "content": prompt })];
    let empty = json!({});
    let ask = Ask {
        body: &empty,
        messages: &messages,
        model_id: model_id.clone(),
        model,
        max_tokens,
        reasoning: false,
        call_tool: None,
        multibyte: matches!(fault.0, Some(Fault::SplitUtf8)),
    };
    let answer = completion::complete(&ask, model);
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
    if stream {
        let head = ChunkHeader {
            id: answer.id.clone(),
            created: answer.created,
            model: answer.model.clone(),
            provider: answer.provider.clone(),
        };
        transport::sse(&shared, &fault, &head, &chunks(&answer), extra)
    } else {
        let text = answer.content.clone().unwrap_or_default();
        let body = render(&answer, &text, Some(answer.finish_reason), true);
        transport::json(&fault, StatusCode::OK, &body, extra)
    }
}

fn usage(answer: &Completion) -> Value {
    json!({
        "prompt_tokens": answer.prompt_tokens,
        "completion_tokens": answer.completion_tokens,
        "total_tokens": answer.prompt_tokens + answer.completion_tokens,
        "cost": answer.cost,
        "is_byok": false,
        "prompt_tokens_details": { "cached_tokens": 0 },
        "completion_tokens_details": { "reasoning_tokens": 0 },
    })
}

fn render(answer: &Completion, text: &str, finish: Option<&str>, with_usage: bool) -> Value {
    let mut body = json!({
        "id": answer.id,
        "object": "text_completion",
        "created": answer.created,
        "model": answer.model,
        "provider": answer.provider,
        "system_fingerprint": null,
        "choices": [{
            "index": 0,
            "text": text,
            "finish_reason": finish,
            "native_finish_reason": finish,
            "logprobs": null,
        }],
    });
    if with_usage {
        body["usage"] = usage(answer);
    }
    body
}

/// The streamed pieces: a few words each, the finish reason on the last, then usage.
fn chunks(answer: &Completion) -> Vec<Value> {
    let text = answer.content.clone().unwrap_or_default();
    let mut out: Vec<Value> = text
        .split_inclusive(' ')
        .collect::<Vec<_>>()
        .chunks(3)
        .map(|words| render(answer, &words.concat(), None, false))
        .collect();
    out.push(render(answer, "", Some(answer.finish_reason), false));
    let mut last = render(answer, "", None, true);
    last["choices"] = json!([]);
    out.push(last);
    out
}
