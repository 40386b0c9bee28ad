//! Per-provider endpoints of a model, shaped like the API's `PublicEndpoint`.

use serde_json::{json, Value};

use super::{provider, Model};

/// A small deterministic hash, so uptime and latency look varied but never change.
pub(crate) fn mix(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A value in `[lo, hi)` derived from `seed`, rounded to two decimals.
pub(crate) fn spread(seed: u64, lo: f64, hi: f64) -> f64 {
    let unit = (seed % 10_000) as f64 / 10_000.0;
    ((lo + unit * (hi - lo)) * 100.0).round() / 100.0
}

/// The display names of the providers serving `model`, primary first.
pub(crate) fn hosts(model: &Model) -> Vec<&'static str> {
    if model.provider.is_empty() {
        return Vec::new();
    }
    std::iter::once(model.provider)
        .chain(model.also_hosted_by.iter().copied())
        .collect()
}

/// Every endpoint of `model`; throughput only for authenticated callers, as on the live API.
pub(crate) fn endpoints_of(model: &Model, authenticated: bool) -> Vec<Value> {
    hosts(model)
        .into_iter()
        .enumerate()
        .map(|(index, host)| endpoint_json(model, host, index, authenticated))
        .collect()
}

/// One endpoint of `model` at `host` (the `index`-th provider serving it).
pub(crate) fn endpoint_json(model: &Model, host: &str, index: usize, authenticated: bool) -> Value {
    let seed = mix(&format!("{}@{host}", model.id));
    let info = provider(host);
    let slug = info.map_or("unknown", |p| p.slug);
    // The model's own provider runs the original weights; others often serve quantized ones.
    let quantization = match (index, model.hugging_face_id.is_some_and(|h| !h.is_empty())) {
        (0, _) | (_, false) => "unknown",
        (_, true) if seed.is_multiple_of(2) => "fp8",
        _ => "bf16",
    };
    let tag = if quantization == "fp8" {
        format!("{slug}/fp8")
    } else {
        slug.to_owned()
    };
    let mut pricing = model.pricing_json();
    if let Some(map) = pricing.as_object_mut() {
        map.insert("discount".into(), json!(0));
    }
    let p50 = spread(seed, 0.2, 1.6);
    let tps = spread(seed >> 16, 25.0, 180.0);
    let percentiles = |base: f64, factors: [f64; 4]| {
        json!({
            "p50": (base * factors[0] * 100.0).round() / 100.0,
            "p75": (base * factors[1] * 100.0).round() / 100.0,
            "p90": (base * factors[2] * 100.0).round() / 100.0,
            "p99": (base * factors[3] * 100.0).round() / 100.0,
        })
    };
    let uptime = spread(seed >> 8, 97.0, 100.0);
    let mut params = model.supported_parameters();
    if index > 0 && seed.is_multiple_of(3) {
        // Secondary hosts sometimes lack structured outputs.
        params.retain(|p| *p != "structured_outputs");
    }
    json!({
        "name": format!("{host} | {}", model.canonical_slug),
        "model_id": model.canonical_slug,
        "model_name": model.name,
        "context_length": model.context_length,
        "pricing": pricing,
        "provider_name": host,
        "tag": tag,
        "quantization": quantization,
        "max_completion_tokens": model.max_completion_tokens,
        "max_prompt_tokens": null,
        "supported_parameters": params,
        "status": if uptime < 97.5 { -1 } else { 0 },
        "uptime_last_30m": uptime,
        "uptime_last_5m": if uptime < 97.5 { 95.0 } else { 100.0 },
        "uptime_last_1d": spread(seed >> 12, 98.5, 100.0),
        "supports_implicit_caching": model.cache_read_price.is_some() && index == 0,
        "supports_voice_cloning": false,
        "latency_last_30m": percentiles(p50, [1.0, 1.4, 2.0, 3.5]),
        "throughput_last_30m": if authenticated {
            percentiles(tps, [1.0, 0.85, 0.65, 0.35])
        } else {
            Value::Null
        },
        "native_tools": [],
        "service_tier": "standard",
        "supports_diarization": false,
        "supports_tool_choice": model.tools,
    })
}
