//! `POST /rerank`: deterministic relevance scores, best first.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::completion::{round_usd, tokens};
use crate::errors::Rejection;
use crate::ids;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// Rerank models: id, provider, USD per search unit.
const MODELS: &[(&str, &str, f64)] = &[
    ("cohere/rerank-v3.5", "Cohere", 0.002),
    ("cohere/rerank-4-pro", "Cohere", 0.0025),
    ("jina/jina-reranker-m0", "Jina", 0.001),
];

fn bad(message: impl Into<String>) -> Response {
    Rejection::new(StatusCode::BAD_REQUEST, message).into_response()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How relevant `document` is to `query`, in (0, 1): the share of query words it contains,
/// plus a small hash-derived tie-breaker so equal overlaps still order deterministically.
fn score(query: &str, document: &str) -> f64 {
    let query_words = words(query);
    let doc_words = words(document);
    let hits = query_words.iter().filter(|w| doc_words.contains(w)).count();
    let overlap = hits as f64 / query_words.len().max(1) as f64;
    let hash = document.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let jitter = (hash % 1000) as f64 / 1000.0;
    let raw = 0.02 + 0.9 * overlap + 0.07 * jitter;
    (raw * 1e6).round() / 1e6
}

/// Ranks the documents against the query.
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
        Some(Value::String(s)) if !s.is_empty() => s.as_str(),
        None | Some(Value::Null) => {
            return bad("`model` is required: name a rerank model such as cohere/rerank-v3.5")
        }
        Some(other) => return bad(format!("`model` must be a string, got {other}")),
    };
    let Some(&(model, provider, price)) = MODELS.iter().find(|m| m.0 == model_id) else {
        return bad(format!("{model_id} is not a valid rerank model ID"));
    };
    let query = match request.get("query") {
        Some(Value::String(s)) if !s.is_empty() => s.as_str(),
        None | Some(Value::Null) => {
            return bad("`query` is required: the text to rank the documents against")
        }
        Some(_) => return bad("`query` must be a non-empty string"),
    };
    let documents = match request.get("documents") {
        Some(Value::Array(d)) if !d.is_empty() => d,
        None | Some(Value::Null) => {
            return bad("`documents` is required: a list of strings or {text, image} objects")
        }
        Some(_) => {
            return bad("`documents` must be a non-empty array of strings or {text, image} objects")
        }
    };
    let mut echoed = Vec::with_capacity(documents.len());
    for (i, document) in documents.iter().enumerate() {
        let object = match document {
            Value::String(s) => json!({ "text": s }),
            Value::Object(o)
                if o.get("text").is_some_and(Value::is_string)
                    || o.get("image").is_some_and(Value::is_string) =>
            {
                document.clone()
            }
            _ => {
                return bad(format!(
                    "documents[{i}] must be a string or an object with `text` and/or `image`"
                ))
            }
        };
        echoed.push(object);
    }
    let top_n = match request.get("top_n").filter(|v| !v.is_null()) {
        None => echoed.len(),
        Some(v) => match v.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) if n >= 1 => n.min(echoed.len()),
            _ => return bad(format!("`top_n` must be a positive integer, got {v}")),
        },
    };
    let text_of = |d: &Value| {
        let text = d.get("text").and_then(Value::as_str).unwrap_or("");
        let image = d.get("image").and_then(Value::as_str).unwrap_or("");
        format!("{text} {image}")
    };
    let mut results: Vec<(usize, f64)> = echoed
        .iter()
        .enumerate()
        .map(|(i, d)| (i, score(query, &text_of(d))))
        .collect();
    results.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    results.truncate(top_n);
    let total_tokens = tokens(query) * echoed.len() as u64
        + echoed.iter().map(|d| tokens(&text_of(d))).sum::<u64>();
    let cost = round_usd(price);
    shared.charge(&key, cost);
    let body = json!({
        "id": format!("gen-rerank-{}", ids::generation_id().trim_start_matches("gen-")),
        "model": model,
        "provider": provider,
        "results": results.iter().map(|(i, s)| json!({
            "index": i,
            "relevance_score": s,
            "document": echoed[*i],
        })).collect::<Vec<_>>(),
        "usage": { "search_units": 1, "total_tokens": total_tokens, "cost": cost },
    });
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}

#[cfg(test)]
mod tests {
    #[test]
    fn overlapping_documents_score_higher() {
        let q = "capital of France";
        assert!(
            super::score(q, "Paris is the capital of France.")
                > super::score(q, "Bananas are yellow.")
        );
    }
}
