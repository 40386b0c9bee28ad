//! The model catalogue: `GET /models` with its server-side filters, `/models/count`,
//! `/models/user` and `/model/{author}/{slug}`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::catalogue::{self, provider, Model};
use crate::errors::Rejection;
use crate::state::Shared;
use crate::store::page;
use crate::transport::{self, ActiveFault};

mod filters;

pub(crate) use filters::scores;

type Params = Query<HashMap<String, String>>;

fn answer(fault: Option<Extension<ActiveFault>>, status: StatusCode, body: &Value) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, status, body, Vec::new())
}

fn reject(fault: Option<Extension<ActiveFault>>, rejection: Rejection) -> Response {
    let body = crate::errors::error_body(i64::from(rejection.status.as_u16()), &rejection.message);
    answer(fault, rejection.status, &body)
}

/// Reads `offset`/`limit` as the catalogue lists take them (limit 1..=max).
pub(crate) fn paging(
    params: &HashMap<String, String>,
    max_limit: usize,
    max_offset: Option<usize>,
) -> Result<(Option<usize>, Option<usize>), Rejection> {
    let number = |name: &str| -> Result<Option<usize>, Rejection> {
        match params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(text) => text.parse::<usize>().map(Some).map_err(|_| {
                Rejection::new(
                    StatusCode::BAD_REQUEST,
                    format!("Invalid query parameter `{name}`: expected a non-negative integer, got `{text}`"),
                )
            }),
        }
    };
    let offset = number("offset")?;
    let limit = number("limit")?;
    if let Some(limit) = limit {
        if limit == 0 || limit > max_limit {
            return Err(Rejection::new(
                StatusCode::BAD_REQUEST,
                format!("Invalid query parameter `limit`: expected 1 to {max_limit}, got {limit}"),
            ));
        }
    }
    if let (Some(offset), Some(max)) = (offset, max_offset) {
        if offset > max {
            return Err(Rejection::new(
                StatusCode::BAD_REQUEST,
                format!("Invalid query parameter `offset`: expected 0 to {max}, got {offset}"),
            ));
        }
    }
    Ok((offset, limit))
}

/// The list envelope with `total_count` and a `links.next` when more pages follow.
fn list_body(
    path: &str,
    matching: &[&Model],
    offset: Option<usize>,
    limit: Option<usize>,
) -> Value {
    let shown = page(matching, offset, limit);
    let start = offset.unwrap_or(0);
    let next = limit
        .filter(|_| start + shown.len() < matching.len())
        .map(|l| format!("/api/v1{path}?offset={}&limit={l}", start + shown.len()));
    json!({
        "data": shown.iter().map(|m| m.to_json()).collect::<Vec<_>>(),
        "total_count": matching.len(),
        "links": { "next": next },
    })
}

/// `GET /models`: the catalogue after the query's filters, order and page. No key needed.
pub(crate) async fn list(fault: Option<Extension<ActiveFault>>, Query(params): Params) -> Response {
    let matching = match filters::apply(&params) {
        Ok(m) => m,
        Err(r) => return reject(fault, r),
    };
    let (offset, limit) = match paging(&params, 1000, None) {
        Ok(p) => p,
        Err(r) => return reject(fault, r),
    };
    answer(
        fault,
        StatusCode::OK,
        &list_body("/models", &matching, offset, limit),
    )
}

/// `GET /models/count`: how many models have the requested output modalities.
pub(crate) async fn count(
    fault: Option<Extension<ActiveFault>>,
    Query(params): Params,
) -> Response {
    let mut only = HashMap::new();
    if let Some(v) = params.get("output_modalities") {
        only.insert("output_modalities".to_owned(), v.clone());
    }
    match filters::apply(&only) {
        Ok(m) => answer(
            fault,
            StatusCode::OK,
            &json!({ "data": { "count": m.len() } }),
        ),
        Err(r) => reject(fault, r),
    }
}

/// `GET /models/user`: the models the key may use (all text models here); needs an API key.
pub(crate) async fn user(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(params): Params,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let (offset, limit) = match paging(&params, 1000, None) {
        Ok(p) => p,
        Err(r) => return reject(fault, r),
    };
    let matching = filters::apply(&HashMap::new()).unwrap_or_default();
    answer(
        fault,
        StatusCode::OK,
        &list_body("/models/user", &matching, offset, limit),
    )
}

/// The model `author/slug` (variants such as `:free` resolve to their base), or the 404.
pub(crate) fn resolve(author: &str, slug: &str) -> Result<&'static Model, Rejection> {
    let id = format!("{author}/{slug}");
    catalogue::lookup(&id)
        .or_else(|| catalogue::all().find(|m| m.canonical_slug == id))
        .ok_or_else(|| Rejection::new(StatusCode::NOT_FOUND, format!("Model {id} not found")))
}

/// `GET /model/{author}/{slug}`.
pub(crate) async fn get(
    fault: Option<Extension<ActiveFault>>,
    Path((author, slug)): Path<(String, String)>,
) -> Response {
    match resolve(&author, &slug) {
        Ok(model) => answer(fault, StatusCode::OK, &json!({ "data": model.to_json() })),
        Err(r) => reject(fault, r),
    }
}

/// `GET /models/{author}/{slug}/endpoints`: the model and every provider serving it.
pub(crate) async fn endpoints(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Path((author, slug)): Path<(String, String)>,
) -> Response {
    let model = match resolve(&author, &slug) {
        Ok(m) => m,
        Err(r) => return reject(fault, r),
    };
    let authenticated = authenticate(&shared, &headers).is_ok();
    let entry = model.to_json();
    let body = json!({ "data": {
        "id": model.id,
        "name": model.name,
        "created": model.created,
        "description": model.description,
        "architecture": entry["architecture"],
        "endpoints": catalogue::endpoints_of(model, authenticated),
    }});
    answer(fault, StatusCode::OK, &body)
}

/// `GET /endpoints/zdr`: every endpoint whose provider keeps no data.
pub(crate) async fn zdr(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
) -> Response {
    let authenticated = authenticate(&shared, &headers).is_ok();
    let mut data = Vec::new();
    for model in catalogue::all() {
        for (index, host) in catalogue::hosts(model).into_iter().enumerate() {
            if provider(host).is_some_and(|p| p.zdr) {
                data.push(catalogue::endpoint_json(model, host, index, authenticated));
            }
        }
    }
    answer(fault, StatusCode::OK, &json!({ "data": data }))
}

/// `GET /providers`: the providers serving at least one model of the catalogue.
pub(crate) async fn providers(fault: Option<Extension<ActiveFault>>) -> Response {
    let data: Vec<Value> = catalogue::PROVIDERS
        .iter()
        .filter(|p| catalogue::all().any(|m| catalogue::hosts(m).contains(&p.name)))
        .map(|p| p.to_json())
        .collect();
    answer(fault, StatusCode::OK, &json!({ "data": data }))
}
