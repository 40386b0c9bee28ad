//! `GET /benchmarks` and `GET /classifications/task`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::{answer, bad, one_of, reject, AS_OF};
use crate::auth::authenticate;
use crate::catalogue::{self, mix, spread};
use crate::errors::Rejection;
use crate::routes::models::scores;
use crate::state::Shared;
use crate::transport::ActiveFault;

const CATEGORIES: &[&str] = &["codecategories", "uicomponent", "dataviz"];
const SEARCH: &[&str] = &[
    "search_browsecomp",
    "search_hle",
    "search_dsqa",
    "search_widesearch",
];

fn items() -> Vec<Value> {
    let mut aa = Vec::new();
    let mut arena = Vec::new();
    let mut or = Vec::new();
    for m in catalogue::all() {
        let Some(s) = scores(m) else { continue };
        let pricing = json!({"prompt": m.prompt_price, "completion": m.completion_price});
        aa.push(json!({
            "source": "artificial-analysis", "model_permaslug": m.canonical_slug, "display_name": m.name,
            "intelligence_index": s.intelligence, "coding_index": s.coding, "agentic_index": s.agentic,
            "pricing": pricing,
        }));
        if m.input_modalities.contains(&"image") {
            let seed = mix(m.id);
            arena.push(json!({
                "source": "design-arena", "model_permaslug": m.canonical_slug, "display_name": m.name,
                "arena": "models", "category": CATEGORIES[(seed % 3) as usize],
                "elo": s.elo, "win_rate": spread(seed >> 3, 0.3, 0.7),
                "avg_generation_time_ms": spread(seed >> 5, 8_000.0, 60_000.0),
                "pricing": pricing,
                "tournament_stats": {"first_place": seed % 40, "second_place": seed % 37, "third_place": seed % 31, "fourth_place": seed % 29, "total": 200 + seed % 100},
            }));
        }
        if m.reasoning {
            or.push(json!({
                "source": "openrouter", "benchmark_type": "gpqa_diamond", "model_permaslug": m.canonical_slug,
                "display_name": m.name, "accuracy": ((s.intelligence / 100.0 + 0.2) * 100.0).round() / 100.0,
                "accuracy_stddev": 0.03, "avg_cost_per_task": (m.completion_per_token() * 2_000.0 * 1e4).round() / 1e4,
                "last_run_timestamp": "2026-05-03T12:00:00Z", "total_tasks": 198,
            }));
        }
        if m.tools && m.reasoning {
            let kind = SEARCH[(mix(m.id) % 4) as usize];
            or.push(json!({
                "source": "openrouter", "benchmark_type": kind, "model_permaslug": m.canonical_slug,
                "display_name": m.name, "primary_metric": if kind == "search_widesearch" { "f1_by_item" } else { "accuracy" },
                "primary_score": (s.agentic / 100.0 * 100.0).round() / 100.0,
                "avg_cost_per_task": 0.04, "avg_latency_per_task_ms": spread(mix(m.id), 20_000.0, 90_000.0),
                "last_run_timestamp": "2026-05-05T09:30:00Z", "total_tasks": 150,
                "search_engine": if mix(m.id).is_multiple_of(2) { "exa" } else { "native" },
                "search_surface": if mix(m.id).is_multiple_of(3) { "plugin" } else { "server-tool" },
                "run_config": {"max_agent_turns": 20, "reasoning_effort": "medium", "temperature": null},
            }));
        }
    }
    aa.into_iter().chain(arena).chain(or).collect()
}

/// `GET /benchmarks`.
pub(crate) async fn benchmarks(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let run = || -> Result<Value, Rejection> {
        let source = one_of(
            &params,
            "source",
            &["artificial-analysis", "design-arena", "openrouter"],
        )?;
        let task = one_of(
            &params,
            "task_type",
            &["coding", "intelligence", "agentic", "search"],
        )?;
        let all_types = [
            "gpqa_diamond",
            "tau_bench_verified_airline",
            SEARCH[0],
            SEARCH[1],
            SEARCH[2],
            SEARCH[3],
        ];
        let kind = one_of(&params, "benchmark_type", &all_types)?;
        let surface = one_of(&params, "search_surface", &["server-tool", "plugin"])?;
        let arena = one_of(&params, "arena", &["models", "builders", "agents"])?;
        let include_config =
            one_of(&params, "include_run_config", &["true", "false"])? == Some("true");
        let max = match params.get("max_results") {
            None => None,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    return Err(bad(format!(
                    "Invalid query parameter `max_results`: expected a positive integer, got `{v}`"
                )))
                }
            },
        };
        let is_search = |i: &Value| {
            i["benchmark_type"]
                .as_str()
                .is_some_and(|t| t.starts_with("search_"))
        };
        let search_only = task == Some("search") || kind.is_some_and(|k| k.starts_with("search_"));
        let mut data: Vec<Value> = items()
            .into_iter()
            .filter(|i| source.is_none_or(|s| i["source"] == s))
            .filter(|i| !search_only || is_search(i))
            .filter(|i| {
                kind.is_none_or(|k| i["source"] != "openrouter" || i["benchmark_type"] == k)
            })
            .filter(|i| {
                params
                    .get("search_engine")
                    .is_none_or(|e| !is_search(i) || i["search_engine"] == e.as_str())
            })
            .filter(|i| surface.is_none_or(|s| !is_search(i) || i["search_surface"] == s))
            .filter(|i| arena.is_none_or(|a| i["source"] != "design-arena" || i["arena"] == a))
            .filter(|i| {
                params
                    .get("category")
                    .is_none_or(|c| i["source"] != "design-arena" || i["category"] == c.as_str())
            })
            .collect();
        if let Some(t) = task.filter(|t| *t != "search") {
            let key = format!("{t}_index");
            data.retain(|i| i["source"] != "artificial-analysis" || i[&key].is_number());
            data.sort_by(|a, b| {
                b[&key]
                    .as_f64()
                    .unwrap_or(-1.0)
                    .total_cmp(&a[&key].as_f64().unwrap_or(-1.0))
            });
        }
        if !include_config {
            for item in &mut data {
                if let Some(map) = item.as_object_mut() {
                    map.remove("run_config");
                }
            }
        }
        if let Some(max) = max {
            data.truncate(max);
        }
        let mut models: Vec<&str> = data
            .iter()
            .filter_map(|i| i["model_permaslug"].as_str())
            .collect();
        models.sort_unstable();
        models.dedup();
        let url = match source {
            Some("artificial-analysis") => json!("https://artificialanalysis.ai"),
            Some("design-arena") => json!("https://www.designarena.ai"),
            Some(_) => json!("https://openrouter.ai/rankings"),
            None => Value::Null,
        };
        Ok(json!({
            "data": data,
            "meta": {
                "as_of": AS_OF, "citation": source.map(|s| format!("Source: {s} via OpenRouter")),
                "model_count": models.len(), "source": source, "source_url": url,
                "task_type": task, "version": "v1",
            }
        }))
    };
    match run() {
        Ok(body) => answer(fault, StatusCode::OK, &body),
        Err(r) => reject(fault, r),
    }
}

/// `GET /classifications/task`.
pub(crate) async fn classifications(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    if let Err(r) = one_of(&params, "window", &["7d"]) {
        return reject(fault, r);
    }
    // (tag, display name, macro, usage share, token share)
    const TAGS: &[(&str, &str, &str, f64, f64)] = &[
        ("code:general_impl", "Code Generation", "code", 0.23, 0.31),
        ("code:debugging", "Debugging", "code", 0.12, 0.14),
        ("code:review", "Code Review", "code", 0.06, 0.07),
        ("data:extraction", "Data Extraction", "data", 0.09, 0.06),
        ("data:analysis", "Data Analysis", "data", 0.07, 0.05),
        ("agent:web_search", "Web Search", "agent", 0.11, 0.12),
        ("agent:tool_use", "Tool Use", "agent", 0.08, 0.09),
        (
            "general:summarization",
            "Summarization",
            "general",
            0.1,
            0.08,
        ),
        ("general:roleplay", "Roleplay", "general", 0.09, 0.06),
        ("general:translation", "Translation", "general", 0.05, 0.02),
    ];
    const MACROS: &[(&str, &str)] = &[
        ("code", "Code"),
        ("data", "Data"),
        ("agent", "Agent"),
        ("general", "General"),
    ];
    let total = |key: &str, pick: fn(&(&str, &str, &str, f64, f64)) -> f64| -> f64 {
        TAGS.iter().filter(|t| t.2 == key).map(pick).sum()
    };
    const USAGE: [f64; 3] = [0.41, 0.22, 0.09];
    const TOKENS: [f64; 3] = [0.47, 0.18, 0.08];
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    let top: Vec<&str> = catalogue::all()
        .filter(|m| m.tools)
        .map(|m| m.id)
        .take(12)
        .collect();
    let classifications: Vec<Value> = TAGS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let models: Vec<Value> = (0..3)
                .map(|k| {
                    let id = top
                        .get((i + k * 4) % top.len().max(1))
                        .copied()
                        .unwrap_or("openai/gpt-4o");
                    json!({"id": id, "tag_usage_share": USAGE[k], "tag_token_share": TOKENS[k]})
                })
                .collect();
            json!({
                "tag": t.0, "display_name": t.1, "macro_category": t.2,
                "usage_share": t.3, "token_share": t.4,
                "category_usage_share": round(t.3 / total(t.2, |t| t.3)),
                "category_token_share": round(t.4 / total(t.2, |t| t.4)),
                "models": models,
            })
        })
        .collect();
    let macros: Vec<Value> = MACROS
        .iter()
        .map(|(k, l)| json!({"key": k, "label": l, "usage_share": round(total(k, |t| t.3)), "token_share": round(total(k, |t| t.4))}))
        .collect();
    let body = json!({"data": {"as_of": "2026-05-11", "window_days": 7, "classifications": classifications, "macro_categories": macros}});
    answer(fault, StatusCode::OK, &body)
}
