//! The server-side filters and orders of `GET /models`, applied to the built-in catalogue.

use std::collections::HashMap;

use axum::http::StatusCode;

use crate::catalogue::{self, mix, provider, spread, Model};
use crate::errors::Rejection;
use crate::ids::unix_now;

const CATEGORIES: &[&str] = &[
    "programming",
    "roleplay",
    "marketing",
    "marketing/seo",
    "technology",
    "science",
    "translation",
    "legal",
    "finance",
    "health",
    "trivia",
    "academia",
];

const SORTS: &[&str] = &[
    "most-popular",
    "newest",
    "top-weekly",
    "pricing-low-to-high",
    "pricing-high-to-low",
    "context-high-to-low",
    "throughput-high-to-low",
    "latency-low-to-high",
    "intelligence-high-to-low",
    "coding-high-to-low",
    "agentic-high-to-low",
    "design-arena-elo-high-to-low",
];

/// Deterministic benchmark-like figures of a model; `None` for routers and non-chat models.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scores {
    pub(crate) intelligence: f64,
    pub(crate) coding: f64,
    pub(crate) agentic: f64,
    pub(crate) tool_success: f64,
    pub(crate) elo: f64,
    pub(crate) popularity: u64,
}

/// The model's figures, stable across runs.
pub(crate) fn scores(model: &Model) -> Option<Scores> {
    if !model.is_chat() || model.id == "openrouter/auto" {
        return None;
    }
    let seed = mix(model.id);
    // Pricier, newer and reasoning models score higher, as they tend to.
    let bonus =
        if model.reasoning { 12.0 } else { 0.0 } + (model.prompt_per_token() * 1e6).min(15.0);
    Some(Scores {
        intelligence: (spread(seed, 20.0, 50.0) + bonus).min(80.0),
        coding: (spread(seed >> 7, 15.0, 45.0) + bonus).min(80.0),
        agentic: (spread(seed >> 14, 10.0, 40.0) + bonus).min(80.0),
        tool_success: if model.tools {
            spread(seed >> 21, 0.8, 0.999)
        } else {
            0.0
        },
        elo: spread(seed >> 28, 1000.0, 1350.0),
        popularity: seed % 1_000_000,
    })
}

/// Use-case categories a model is ranked in.
fn categories(model: &Model) -> Vec<&'static str> {
    let mut found = Vec::new();
    if model.tools && model.context_length >= 100_000 {
        found.push("programming");
    }
    let seed = mix(model.canonical_slug) as usize;
    found.push(CATEGORIES[seed % CATEGORIES.len()]);
    found.push(CATEGORIES[(seed / 7) % CATEGORIES.len()]);
    found
}

fn bad(name: &str, expected: &str, got: &str) -> Rejection {
    Rejection::new(
        StatusCode::BAD_REQUEST,
        format!("Invalid query parameter `{name}`: expected {expected}, got `{got}`"),
    )
}

fn list(params: &HashMap<String, String>, name: &str) -> Vec<String> {
    params
        .get(name)
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn number(params: &HashMap<String, String>, name: &str) -> Result<Option<f64>, Rejection> {
    match params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
            _ => Err(bad(name, "a non-negative number", text)),
        },
    }
}

fn price_per_million(price: &str) -> Option<f64> {
    price
        .parse::<f64>()
        .ok()
        .filter(|p| *p >= 0.0)
        .map(|p| p * 1e6)
}

/// The catalogue entries matching `params`, in the requested order.
pub(super) fn apply(params: &HashMap<String, String>) -> Result<Vec<&'static Model>, Rejection> {
    let category = params.get("category").map(String::as_str);
    if let Some(c) = category.filter(|c| !CATEGORIES.contains(c)) {
        return Err(bad(
            "category",
            &format!("one of {}", CATEGORIES.join(", ")),
            c,
        ));
    }
    let sort = params.get("sort").map(String::as_str);
    if let Some(s) = sort.filter(|s| !SORTS.contains(s)) {
        return Err(bad("sort", &format!("one of {}", SORTS.join(", ")), s));
    }
    let boolean = |name: &str, allowed: &[&str]| -> Result<Option<bool>, Rejection> {
        match params.get(name).map(String::as_str) {
            None => Ok(None),
            Some(v) if allowed.contains(&v) => Ok(Some(v == "true")),
            Some(v) => Err(bad(name, &allowed.join(" or "), v)),
        }
    };
    let distillable = boolean("distillable", &["true", "false"])?;
    let zdr = boolean("zdr", &["true"])?;
    let region = params.get("region").map(String::as_str);
    if let Some(r) = region.filter(|r| !["eu", "us"].contains(r)) {
        return Err(bad("region", "eu or us", r));
    }
    let context = number(params, "context")?;
    let ranges = [
        "min_price",
        "max_price",
        "min_output_price",
        "max_output_price",
        "min_age_days",
        "max_age_days",
        "min_intelligence_index",
        "max_intelligence_index",
        "min_coding_index",
        "max_coding_index",
        "min_agentic_index",
        "max_agentic_index",
        "min_tool_success_rate",
        "max_tool_success_rate",
    ];
    let mut bounds = HashMap::new();
    for name in ranges {
        if let Some(v) = number(params, name)? {
            bounds.insert(name, v);
        }
    }
    let within = |lo: &str, hi: &str, value: Option<f64>| {
        let (lo, hi) = (bounds.get(lo), bounds.get(hi));
        if lo.is_none() && hi.is_none() {
            return true;
        }
        value.is_some_and(|v| lo.is_none_or(|l| v >= *l) && hi.is_none_or(|h| v <= *h))
    };
    let outputs = list(params, "output_modalities");
    let outputs = if outputs.is_empty() {
        vec!["text".to_owned()]
    } else {
        outputs
    };
    let inputs = list(params, "input_modalities");
    let wanted_params = list(params, "supported_parameters");
    let authors = list(params, "model_authors");
    let providers = list(params, "providers");
    let q = params
        .get("q")
        .map(|q| q.trim().to_ascii_lowercase())
        .filter(|q| !q.is_empty());
    let arch = params.get("arch").map(|a| a.to_ascii_lowercase());
    let now = unix_now();

    let mut found: Vec<&'static Model> = catalogue::all()
        .filter(|m| {
            let hosts = catalogue::hosts(m);
            let s = scores(m);
            let age_days = now.saturating_sub(m.created) as f64 / 86_400.0;
            (outputs.iter().any(|o| o == "all")
                || outputs
                    .iter()
                    .any(|o| m.output_modalities.contains(&o.as_str())))
                && inputs
                    .iter()
                    .all(|i| m.input_modalities.contains(&i.as_str()))
                && wanted_params
                    .iter()
                    .all(|p| m.supported_parameters().contains(&p.as_str()))
                && category.is_none_or(|c| categories(m).contains(&c))
                && q.as_ref().is_none_or(|q| {
                    m.id.contains(q.as_str()) || m.name.to_ascii_lowercase().contains(q.as_str())
                })
                && context.is_none_or(|c| m.context_length as f64 >= c)
                && arch
                    .as_ref()
                    .is_none_or(|a| m.tokenizer.to_ascii_lowercase() == *a)
                && (authors.is_empty()
                    || authors
                        .iter()
                        .any(|a| m.id.split('/').next() == Some(a.as_str())))
                && (providers.is_empty()
                    || hosts.iter().any(|h| {
                        let slug = provider(h).map_or("", |p| p.slug);
                        providers
                            .iter()
                            .any(|p| p == &h.to_ascii_lowercase() || p == slug)
                    }))
                && distillable.is_none_or(|d| d == m.hugging_face_id.is_some_and(|h| !h.is_empty()))
                && zdr.is_none_or(|_| hosts.iter().any(|h| provider(h).is_some_and(|p| p.zdr)))
                && region.is_none_or(|r| {
                    hosts
                        .iter()
                        .any(|h| provider(h).is_some_and(|p| p.in_region(r)))
                })
                && within("min_price", "max_price", price_per_million(m.prompt_price))
                && within(
                    "min_output_price",
                    "max_output_price",
                    price_per_million(m.completion_price),
                )
                && within("min_age_days", "max_age_days", Some(age_days))
                && within(
                    "min_intelligence_index",
                    "max_intelligence_index",
                    s.map(|s| s.intelligence),
                )
                && within("min_coding_index", "max_coding_index", s.map(|s| s.coding))
                && within(
                    "min_agentic_index",
                    "max_agentic_index",
                    s.map(|s| s.agentic),
                )
                && within(
                    "min_tool_success_rate",
                    "max_tool_success_rate",
                    s.map(|s| s.tool_success),
                )
        })
        .collect();

    let average = |m: &Model| (m.prompt_per_token() + m.completion_per_token()) / 2.0;
    let score = |m: &Model, pick: fn(&Scores) -> f64| scores(m).map_or(f64::MIN, |s| pick(&s));
    let desc = |a: f64, b: f64| b.total_cmp(&a);
    match sort {
        Some("newest") => found.sort_by_key(|m| std::cmp::Reverse(m.created)),
        Some("pricing-low-to-high") => found.sort_by(|a, b| average(a).total_cmp(&average(b))),
        Some("pricing-high-to-low") => found.sort_by(|a, b| desc(average(a), average(b))),
        Some("context-high-to-low") => found.sort_by_key(|m| std::cmp::Reverse(m.context_length)),
        Some("intelligence-high-to-low") => {
            found.sort_by(|a, b| desc(score(a, |s| s.intelligence), score(b, |s| s.intelligence)))
        }
        Some("coding-high-to-low") => {
            found.sort_by(|a, b| desc(score(a, |s| s.coding), score(b, |s| s.coding)))
        }
        Some("agentic-high-to-low") => {
            found.sort_by(|a, b| desc(score(a, |s| s.agentic), score(b, |s| s.agentic)))
        }
        Some("design-arena-elo-high-to-low") => {
            found.sort_by(|a, b| desc(score(a, |s| s.elo), score(b, |s| s.elo)))
        }
        // Popularity, weekly volume, throughput and latency share one stable pseudo-ranking.
        Some(_) => found.sort_by_key(|m| std::cmp::Reverse(scores(m).map_or(0, |s| s.popularity))),
        None => {}
    }
    Ok(found)
}
