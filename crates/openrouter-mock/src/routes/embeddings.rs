//! `POST /embeddings` and `GET /embeddings/models`: deterministic vectors, one per input.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::catalogue;
use crate::completion::{round_usd, tokens};
use crate::errors::Rejection;
use crate::ids;
use crate::state::Shared;
use crate::store;
use crate::transport::{self, ActiveFault};

/// An embedding model this route serves.
struct EmbeddingModel {
    id: &'static str,
    name: &'static str,
    provider: &'static str,
    /// The full vector length; `dimensions` may ask for fewer.
    dimensions: usize,
    /// USD per input token.
    price: &'static str,
    context_length: u64,
    created: u64,
}

/// The embedding models, the catalogue's own first.
const MODELS: &[EmbeddingModel] = &[
    EmbeddingModel {
        id: "openai/text-embedding-3-small",
        name: "OpenAI: Text Embedding 3 Small",
        provider: "OpenAI",
        dimensions: 1536,
        price: "0.00000002",
        context_length: 8192,
        created: 1_705_953_600,
    },
    EmbeddingModel {
        id: "openai/text-embedding-3-large",
        name: "OpenAI: Text Embedding 3 Large",
        provider: "OpenAI",
        dimensions: 3072,
        price: "0.00000013",
        context_length: 8192,
        created: 1_705_953_600,
    },
    EmbeddingModel {
        id: "mistralai/mistral-embed-2312",
        name: "Mistral: Mistral Embed 2312",
        provider: "Mistral",
        dimensions: 1024,
        price: "0.0000001",
        context_length: 8192,
        created: 1_702_425_600,
    },
    EmbeddingModel {
        id: "qwen/qwen3-embedding-8b",
        name: "Qwen: Qwen3 Embedding 8B",
        provider: "DeepInfra",
        dimensions: 4096,
        price: "0.00000001",
        context_length: 32_000,
        created: 1_749_168_000,
    },
];

fn bad(message: impl Into<String>) -> Response {
    reject(message).into_response()
}

fn reject(message: impl Into<String>) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

fn entry(model: &EmbeddingModel) -> Value {
    if let Some(m) = catalogue::find(model.id) {
        return m.to_json();
    }
    json!({
        "id": model.id,
        "canonical_slug": model.id,
        "hugging_face_id": null,
        "name": model.name,
        "created": model.created,
        "description": format!("{} turns text into {}-dimensional vectors.", model.name, model.dimensions),
        "context_length": model.context_length,
        "architecture": {
            "modality": "text->embeddings",
            "input_modalities": ["text"],
            "output_modalities": ["embeddings"],
            "tokenizer": "Other",
            "instruct_type": null,
        },
        "pricing": { "prompt": model.price, "completion": "0", "request": "0", "image": "0" },
        "top_provider": {
            "context_length": model.context_length,
            "max_completion_tokens": null,
            "is_moderated": false,
        },
        "per_request_limits": null,
        "supported_parameters": ["dimensions", "encoding_format"],
        "default_parameters": null,
        "supported_voices": null,
        "knowledge_cutoff": null,
        "expiration_date": null,
        "links": { "details": format!("/api/v1/models/{}/endpoints", model.id) },
    })
}

/// Lists the embedding models; `offset`/`limit` page the list, no key is needed.
pub(crate) async fn list_models(
    fault: Option<Extension<ActiveFault>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let number = |name: &str| -> Result<Option<usize>, Rejection> {
        match query.get(name) {
            None => Ok(None),
            Some(v) => v.parse::<usize>().map(Some).map_err(|_| {
                reject(format!(
                    "`{name}` must be a non-negative integer, got {v:?}"
                ))
            }),
        }
    };
    let (offset, limit) = match (number("offset"), number("limit")) {
        (Ok(o), Ok(l)) => (o, l),
        (Err(r), _) | (_, Err(r)) => return r.into_response(),
    };
    if limit.is_some_and(|l| !(1..=1000).contains(&l)) {
        return bad("`limit` must be between 1 and 1000");
    }
    let all: Vec<Value> = MODELS.iter().map(entry).collect();
    let data = store::page(&all, offset, limit);
    let body = json!({ "data": data, "total_count": all.len(), "links": { "next": null } });
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}

/// The texts to embed (token ids and multimodal parts are rendered as text), or a 400.
fn inputs(input: Option<&Value>) -> Result<Vec<String>, Rejection> {
    let item = |i: usize, v: &Value| -> Result<String, Rejection> {
        match v {
            Value::String(s) if !s.is_empty() => Ok(s.clone()),
            Value::String(_) => Err(reject(format!("input[{i}] must not be empty"))),
            Value::Array(tokens) if tokens.iter().all(Value::is_number) => {
                Ok(Value::Array(tokens.clone()).to_string())
            }
            Value::Object(o) => match o.get("content") {
                Some(Value::Array(parts)) if !parts.is_empty() => {
                    Ok(Value::Array(parts.clone()).to_string())
                }
                _ => Err(reject(format!(
                    "input[{i}].content must be a non-empty array of content parts"
                ))),
            },
            _ => Err(reject(format!(
                "input[{i}] must be a string, a token array or {{\"content\": [..]}}"
            ))),
        }
    };
    match input {
        None | Some(Value::Null) => Err(reject(
            "`input` is required: a string, a list of strings, token ids or multimodal content",
        )),
        Some(Value::String(s)) if s.is_empty() => Err(reject("`input` must not be empty")),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) if items.is_empty() => {
            Err(reject("`input` must contain at least one item"))
        }
        // One sequence of token ids is one input.
        Some(Value::Array(items)) if items.iter().all(Value::is_number) => {
            Ok(vec![Value::Array(items.clone()).to_string()])
        }
        Some(Value::Array(items)) => items.iter().enumerate().map(|(i, v)| item(i, v)).collect(),
        Some(_) => Err(reject("`input` must be a string or an array")),
    }
}

/// A unit vector of `n` values derived from a hash of `text`: the same input always
/// gives the same vector.
pub(crate) fn vector(text: &str, n: usize) -> Vec<f32> {
    let mut state = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut values: Vec<f32> = (0..n)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            (z >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
        })
        .collect();
    let norm = values.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        values.iter_mut().for_each(|v| *v /= norm);
    }
    values
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Embeds each input; `dimensions` shortens the vectors, `encoding_format: base64` sends
/// them as base64 of little-endian `f32`s.
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
        None | Some(Value::Null) => return bad(
            "`model` is required: name an embedding model such as openai/text-embedding-3-small",
        ),
        Some(other) => return bad(format!("`model` must be a string, got {other}")),
    };
    let Some(model) = MODELS.iter().find(|m| m.id == model_id) else {
        return match catalogue::lookup(model_id) {
            Some(_) => bad(format!(
                "{model_id} is not an embedding model; use POST /chat/completions with it"
            )),
            None => bad(format!("{model_id} is not a valid model ID")),
        };
    };
    let texts = match inputs(request.get("input")) {
        Ok(t) => t,
        Err(r) => return r.into_response(),
    };
    let dimensions = match request.get("dimensions").filter(|v| !v.is_null()) {
        None => model.dimensions,
        Some(v) => match v.as_u64().and_then(|d| usize::try_from(d).ok()) {
            Some(d) if (1..=model.dimensions).contains(&d) => d,
            _ => {
                return bad(format!(
                    "`dimensions` must be an integer from 1 to {} for {}, got {v}",
                    model.dimensions, model.id
                ))
            }
        },
    };
    let base64_format = match request.get("encoding_format").filter(|v| !v.is_null()) {
        None => false,
        Some(v) => match v.as_str() {
            Some("float") => false,
            Some("base64") => true,
            _ => {
                return bad(format!(
                    "`encoding_format` must be \"float\" or \"base64\", got {v}"
                ))
            }
        },
    };
    let data: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let values = vector(text, dimensions);
            let embedding = if base64_format {
                let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
                json!(base64(&bytes))
            } else {
                json!(values)
            };
            json!({ "object": "embedding", "embedding": embedding, "index": index })
        })
        .collect();
    let prompt_tokens: u64 = texts.iter().map(|t| tokens(t)).sum();
    let cost = round_usd(prompt_tokens as f64 * model.price.parse::<f64>().unwrap_or(0.0));
    shared.charge(&key, cost);
    // The live API echoes the model without its author prefix.
    let echoed = model.id.split_once('/').map_or(model.id, |(_, name)| name);
    let body = json!({
        "id": ids::generation_id(),
        "object": "list",
        "data": data,
        "model": echoed,
        "provider": model.provider,
        "usage": {
            "prompt_tokens": prompt_tokens,
            "total_tokens": prompt_tokens,
            "cost": cost,
            "is_byok": false,
        },
    });
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_are_deterministic_unit_vectors() {
        let a = vector("hello", 8);
        assert_eq!(a, vector("hello", 8));
        assert_ne!(a, vector("world", 8));
        let norm: f32 = a.iter().map(|v| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-4);
    }

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"f"), "Zg==");
    }
}
