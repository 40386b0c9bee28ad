//! `GET /activity`, `GET /analytics/meta` and `POST /analytics/query`, computed from the
//! generations this emulator served.
//!
//! Unlike the live API, activity includes the current UTC day, so a test sees its own
//! completions right away.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::admin::{self, answer, bad, fault_of, management};
use crate::completion::round_usd;
use crate::errors::Rejection;
use crate::state::Shared;
use crate::transport::ActiveFault;

/// `(name, label, format)` of the metrics the query endpoint computes.
const METRICS: &[(&str, &str, &str)] = &[
    ("request_count", "Request Count", "number"),
    ("total_cost", "Total Cost", "currency"),
    ("prompt_tokens", "Prompt Tokens", "number"),
    ("completion_tokens", "Completion Tokens", "number"),
    ("reasoning_tokens", "Reasoning Tokens", "number"),
];
/// `(name, label, field of the generation record)` of the dimensions.
const DIMENSIONS: &[(&str, &str, &str)] = &[
    ("model", "Model", "model"),
    ("provider", "Provider", "provider_name"),
    ("finish_reason", "Finish Reason", "finish_reason"),
    ("api_type", "API Type", "api_type"),
];
/// `(name, label, length of the ISO prefix kept, suffix completing the bucket)`.
const GRANULARITIES: &[(&str, &str, usize, &str)] = &[
    ("minute", "Minute", 16, ":00.000Z"),
    ("hour", "Hour", 13, ":00:00.000Z"),
    ("day", "Day", 10, "T00:00:00.000Z"),
    ("month", "Month", 7, "-01T00:00:00.000Z"),
];
const OPERATORS: &[(&str, &str)] = &[
    ("eq", "scalar"),
    ("neq", "scalar"),
    ("in", "array"),
    ("not_in", "array"),
    ("gt", "scalar"),
    ("gte", "scalar"),
    ("lt", "scalar"),
    ("lte", "scalar"),
];

fn num(v: &Value, field: &str) -> f64 {
    v[field].as_f64().unwrap_or(0.0)
}

fn int(v: &Value, field: &str) -> u64 {
    v[field].as_u64().unwrap_or(0)
}

/// A stable endpoint id per model and provider, UUID-shaped.
fn endpoint_id(model: &str, provider: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in model.bytes().chain(provider.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let hex = format!("{h:016x}{:016x}", h.rotate_left(17) ^ 0x9E37_79B9_7F4A_7C15);
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// Daily activity per model endpoint.
pub(crate) async fn activity(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let date = query.get("date").map(String::as_str);
    if let Some(d) = date {
        let b = d.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && d.chars().filter(char::is_ascii_digit).count() == 8;
        if !shaped {
            return bad("`date` must be a UTC date in YYYY-MM-DD format").into_response();
        }
    }
    let by_workspace = match query.get("group_by").map(String::as_str) {
        None => false,
        Some("workspace") => true,
        Some(_) => return bad("`group_by` must be \"workspace\"").into_response(),
    };
    // Completions are served with the configured API keys, never with managed keys, and
    // every one lands in the default workspace.
    let excluded = query.contains_key("api_key_hash")
        || query.contains_key("user_id")
            && query.get("user_id").map(String::as_str) != Some(admin::ACCOUNT_USER)
        || query
            .get("workspace_id")
            .is_some_and(|w| w != admin::DEFAULT_WORKSPACE);
    let mut rows: BTreeMap<(String, String, String), Value> = BTreeMap::new();
    if !excluded {
        for g in shared.all_generations() {
            let day = g["created_at"]
                .as_str()
                .unwrap_or("")
                .get(..10)
                .unwrap_or("")
                .to_owned();
            if date.is_some_and(|d| d != day) {
                continue;
            }
            let model = g["model"].as_str().unwrap_or("").to_owned();
            let provider = g["provider_name"].as_str().unwrap_or("").to_owned();
            let row = rows
                .entry((day.clone(), model.clone(), provider.clone()))
                .or_insert_with(|| {
                    let mut row = json!({
                        "date": day,
                        "model": model,
                        "model_permaslug": model,
                        "endpoint_id": endpoint_id(&model, &provider),
                        "provider_name": provider,
                        "usage": 0.0,
                        "byok_usage_inference": 0.0,
                        "requests": 0,
                        "prompt_tokens": 0,
                        "completion_tokens": 0,
                        "reasoning_tokens": 0,
                        "cached_tokens": 0,
                    });
                    if by_workspace {
                        row["workspace_id"] = json!(admin::DEFAULT_WORKSPACE);
                    }
                    row
                });
            row["usage"] = json!(round_usd(num(row, "usage") + num(&g, "total_cost")));
            row["requests"] = json!(int(row, "requests") + 1);
            for (to, from) in [
                ("prompt_tokens", "tokens_prompt"),
                ("completion_tokens", "tokens_completion"),
                ("reasoning_tokens", "native_tokens_reasoning"),
                ("cached_tokens", "native_tokens_cached"),
            ] {
                row[to] = json!(int(row, to) + int(&g, from));
            }
        }
    }
    let data: Vec<Value> = rows.into_values().collect();
    answer(&fault_of(fault), StatusCode::OK, &json!({ "data": data }))
}

/// What the query endpoint offers.
pub(crate) async fn meta(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let body = json!({
        "data": {
            "metrics": METRICS.iter().map(|(n, l, f)| json!({
                "name": n, "display_label": l, "is_rate": false, "display_format": f,
            })).collect::<Vec<_>>(),
            "dimensions": DIMENSIONS.iter().map(|(n, l, _)| json!({"name": n, "display_label": l})).collect::<Vec<_>>(),
            "operators": OPERATORS.iter().map(|(n, t)| json!({"name": n, "value_type": t})).collect::<Vec<_>>(),
            "granularities": GRANULARITIES.iter().map(|(n, l, _, _)| json!({"name": n, "display_label": l})).collect::<Vec<_>>(),
        }
    });
    answer(&fault_of(fault), StatusCode::OK, &body)
}

fn strings(body: &Map<String, Value>, field: &str) -> Result<Vec<String>, Rejection> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| bad(format!("`{field}` must be an array of strings")))
            })
            .collect(),
        Some(_) => Err(bad(format!("`{field}` must be an array of strings"))),
    }
}

fn dimension_field(name: &str) -> Option<&'static str> {
    DIMENSIONS.iter().find(|d| d.0 == name).map(|d| d.2)
}

/// A filter on a dimension, checked.
struct Filter {
    field: &'static str,
    operator: String,
    values: Vec<String>,
}

impl Filter {
    fn matches(&self, g: &Value) -> bool {
        let have = g[self.field].as_str().unwrap_or("");
        let hit = self.values.iter().any(|v| v == have);
        match self.operator.as_str() {
            "eq" | "in" => hit,
            "neq" | "not_in" => !hit,
            op => {
                let Some(want) = self.values.first() else {
                    return false;
                };
                let ord = have.cmp(want.as_str());
                match op {
                    "gt" => ord.is_gt(),
                    "gte" => ord.is_ge(),
                    "lt" => ord.is_lt(),
                    _ => ord.is_le(),
                }
            }
        }
    }
}

fn parse_filters(body: &Map<String, Value>) -> Result<Vec<Filter>, Rejection> {
    let Some(filters) = body.get("filters").filter(|f| !f.is_null()) else {
        return Ok(Vec::new());
    };
    let Some(filters) = filters.as_array() else {
        return Err(bad("`filters` must be an array"));
    };
    filters
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = f["field"].as_str().unwrap_or("");
            let field = dimension_field(field).ok_or_else(|| {
                bad(format!(
                    "`filters[{i}].field` must be a dimension listed by /analytics/meta"
                ))
            })?;
            let operator = f["operator"].as_str().unwrap_or("");
            let Some((_, kind)) = OPERATORS.iter().find(|o| o.0 == operator) else {
                return Err(bad(format!(
                    "`filters[{i}].operator` must be an operator listed by /analytics/meta"
                )));
            };
            let scalar = |v: &Value| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
            let values = match (&f["value"], *kind) {
                (Value::Array(items), "array") => items.iter().filter_map(scalar).collect(),
                (v, "scalar") => scalar(v).into_iter().collect(),
                _ => Vec::new(),
            };
            if values.is_empty() {
                return Err(bad(format!(
                    "`filters[{i}].value` must be a {kind} for `{operator}`"
                )));
            }
            Ok(Filter {
                field,
                operator: operator.to_owned(),
                values,
            })
        })
        .collect()
}

/// Runs a query over the served generations.
pub(crate) async fn query(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    match run_query(&shared, &body) {
        Ok(result) => answer(&fault_of(fault), StatusCode::OK, &json!({ "data": result })),
        Err(r) => r.into_response(),
    }
}

fn run_query(shared: &Shared, body: &Bytes) -> Result<Value, Rejection> {
    let body = admin::object_body(body)?;
    let metrics = strings(&body, "metrics")?;
    if metrics.is_empty() {
        return Err(bad(
            "`metrics` is required: at least one metric listed by /analytics/meta",
        ));
    }
    if let Some(m) = metrics
        .iter()
        .find(|m| !METRICS.iter().any(|k| k.0 == m.as_str()))
    {
        return Err(bad(format!(
            "`metrics`: unknown metric `{m}`; see /analytics/meta"
        )));
    }
    let dimensions = strings(&body, "dimensions")?;
    if dimensions.len() > 2 {
        return Err(bad("`dimensions` takes at most 2 dimensions"));
    }
    if let Some(d) = dimensions.iter().find(|d| dimension_field(d).is_none()) {
        return Err(bad(format!(
            "`dimensions`: unknown dimension `{d}`; see /analytics/meta"
        )));
    }
    let granularity = match body.get("granularity") {
        None | Some(Value::Null) => None,
        Some(Value::String(g)) => {
            Some(GRANULARITIES.iter().find(|k| k.0 == g).ok_or_else(|| {
                bad(format!(
                    "`granularity` must be one of {}",
                    GRANULARITIES
                        .iter()
                        .map(|g| g.0)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?)
        }
        Some(_) => return Err(bad("`granularity` must be a string")),
    };
    let filters = parse_filters(&body)?;
    let (start, end) = match body.get("time_range") {
        None | Some(Value::Null) => (String::new(), String::from("~")),
        Some(range) => match (range["start"].as_str(), range["end"].as_str()) {
            (Some(s), Some(e)) => (s.chars().take(19).collect(), e.chars().take(19).collect()),
            _ => {
                return Err(bad(
                    "`time_range` needs `start` and `end` (ISO 8601 date-times)",
                ))
            }
        },
    };
    admin::check_type(&body, "limit", "integer", false)?;
    let limit = body.get("limit").and_then(Value::as_u64).unwrap_or(1000) as usize;

    let mut groups: BTreeMap<Vec<String>, Map<String, Value>> = BTreeMap::new();
    for g in shared.all_generations() {
        let at: String = g["created_at"]
            .as_str()
            .unwrap_or("")
            .chars()
            .take(19)
            .collect();
        if at < start || at >= end || !filters.iter().all(|f| f.matches(&g)) {
            continue;
        }
        let mut key = Vec::new();
        let mut row = Map::new();
        if let Some((name, _, len, suffix)) = granularity {
            let bucket = format!("{}{suffix}", at.get(..*len).unwrap_or(&at));
            row.insert(format!("date__{name}"), json!(bucket));
            key.push(bucket);
        }
        for d in &dimensions {
            let v = g[dimension_field(d).unwrap_or("")].clone();
            key.push(v.to_string());
            row.insert(d.clone(), v);
        }
        let entry = groups.entry(key).or_insert(row);
        for m in &metrics {
            let add = match m.as_str() {
                "request_count" => 1.0,
                "total_cost" => num(&g, "total_cost"),
                "prompt_tokens" => num(&g, "tokens_prompt"),
                "completion_tokens" => num(&g, "tokens_completion"),
                _ => num(&g, "native_tokens_reasoning"),
            };
            let total = entry.get(m).and_then(Value::as_f64).unwrap_or(0.0) + add;
            let value = if m == "total_cost" {
                json!(round_usd(total))
            } else {
                json!(total as u64)
            };
            entry.insert(m.clone(), value);
        }
    }
    let mut rows: Vec<Value> = groups.into_values().map(Value::Object).collect();
    if let Some(order) = body.get("order_by").filter(|o| !o.is_null()) {
        let field = order["field"].as_str().unwrap_or("").to_owned();
        let desc = order["direction"] == json!("desc");
        rows.sort_by(|a, b| {
            let (x, y) = (&a[&field], &b[&field]);
            let ord = match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                _ => x.to_string().cmp(&y.to_string()),
            };
            if desc {
                ord.reverse()
            } else {
                ord
            }
        });
    }
    let truncated = rows.len() > limit;
    rows.truncate(limit);
    Ok(json!({
        "data": rows,
        "metadata": { "query_time_ms": 1, "row_count": rows.len(), "truncated": truncated },
    }))
}
