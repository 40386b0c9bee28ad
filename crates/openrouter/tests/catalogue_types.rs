//! The catalogue and public-data types decode every example the spec gives for their
//! operations and schemas, and encode them back with nothing but nulls changed.

use std::path::PathBuf;

use openrouter::types::benchmarks::BenchmarksResponse;
use openrouter::types::classifications::TaskClassificationResponse;
use openrouter::types::datasets::{
    AppRankingsResponse, RankingsDailyResponse, SessionCostResponse,
};
use openrouter::types::endpoints::{
    EndpointListResponse, ModelEndpoints, PercentileStats, PublicEndpoint, ZdrEndpointList,
};
use openrouter::types::models::{ModelCountResponse, ModelList, ModelResponse};
use openrouter::types::oauth::{
    AuthCodeExchange, AuthCodeResponse, AuthKey, CreateAuthCodeRequest,
};
use openrouter::types::providers::ProviderList;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::to_value(yaml).unwrap()
}

fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(what: &str, json: &Value) -> T {
    let decoded: T = serde_path_to_error::deserialize(json.clone())
        .unwrap_or_else(|err| panic!("{what}: decode failed at {}: {err}", err.path()));
    let encoded = serde_json::to_value(&decoded).unwrap();
    let (want, got) = (strip_nulls(json.clone()), strip_nulls(encoded));
    assert!(
        same_json(&want, &got),
        "{what}: round trip changed\nwant {want}\ngot  {got}"
    );
    decoded
}

/// Every example of an operation's 200 JSON response: the media example and the schema's.
fn response_examples(spec: &Value, method: &str, path: &str) -> Vec<Value> {
    let content = &spec["paths"][path][method]["responses"]["200"]["content"]["application/json"];
    let mut found: Vec<Value> = Vec::new();
    found.extend(content.get("example").cloned());
    let schema = &content["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(r) => &spec["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    };
    found.extend(schema.get("example").cloned());
    assert!(!found.is_empty(), "{method} {path} has examples");
    found
}

fn request_examples(spec: &Value, path: &str) -> Vec<Value> {
    let content = &spec["paths"][path]["post"]["requestBody"]["content"]["application/json"];
    let mut found: Vec<Value> = Vec::new();
    found.extend(content.get("example").cloned());
    found.extend(content["schema"].get("example").cloned());
    assert!(!found.is_empty(), "POST {path} has request examples");
    found
}

fn check<T: DeserializeOwned + Serialize>(spec: &Value, method: &str, path: &str) -> usize {
    let examples = response_examples(spec, method, path);
    for (i, example) in examples.iter().enumerate() {
        round_trip::<T>(&format!("{method} {path} #{i}"), example);
    }
    examples.len()
}

#[test]
fn every_response_example_round_trips() {
    let spec = spec();
    let mut n = 0;
    n += check::<ModelList>(&spec, "get", "/models");
    n += check::<ModelResponse>(&spec, "get", "/model/{author}/{slug}");
    n += check::<ModelCountResponse>(&spec, "get", "/models/count");
    n += check::<ModelList>(&spec, "get", "/models/user");
    n += check::<EndpointListResponse>(&spec, "get", "/models/{author}/{slug}/endpoints");
    n += check::<ZdrEndpointList>(&spec, "get", "/endpoints/zdr");
    n += check::<ProviderList>(&spec, "get", "/providers");
    n += check::<AppRankingsResponse>(&spec, "get", "/datasets/app-rankings");
    n += check::<RankingsDailyResponse>(&spec, "get", "/datasets/rankings-daily");
    n += check::<SessionCostResponse>(&spec, "get", "/datasets/session-cost");
    n += check::<BenchmarksResponse>(&spec, "get", "/benchmarks");
    n += check::<TaskClassificationResponse>(&spec, "get", "/classifications/task");
    n += check::<AuthKey>(&spec, "post", "/auth/keys");
    n += check::<AuthCodeResponse>(&spec, "post", "/auth/keys/code");
    assert!(n >= 20, "{n} examples");
}

#[test]
fn every_request_example_round_trips() {
    let spec = spec();
    for example in request_examples(&spec, "/auth/keys") {
        round_trip::<AuthCodeExchange>("POST /auth/keys body", &example);
    }
    for example in request_examples(&spec, "/auth/keys/code") {
        round_trip::<CreateAuthCodeRequest>("POST /auth/keys/code body", &example);
    }
}

#[test]
fn schema_examples_round_trip() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let example = |name: &str| schemas[name]["example"].clone();
    round_trip::<PublicEndpoint>("PublicEndpoint", &example("PublicEndpoint"));
    round_trip::<PercentileStats>("PercentileStats", &example("PercentileStats"));
    round_trip::<ModelEndpoints>("ListEndpointsResponse", &example("ListEndpointsResponse"));
    round_trip::<ModelCountResponse>("ModelsCountResponse", &example("ModelsCountResponse"));
    for name in [
        "UnifiedBenchmarksAAItem",
        "UnifiedBenchmarksDAItem",
        "UnifiedBenchmarksORItem",
        "UnifiedBenchmarksSearchItem",
    ] {
        if !schemas[name]["example"].is_null() {
            round_trip::<openrouter::types::benchmarks::BenchmarkItem>(name, &example(name));
        }
    }
    for (name, check) in [
        ("UnifiedBenchmarksResponse", "benchmarks"),
        ("TaskClassificationResponse", "classifications"),
        ("AppRankingsResponse", "app"),
        ("RankingsDailyResponse", "daily"),
        ("SessionCostResponse", "session"),
    ] {
        let value = example(name);
        if value.is_null() {
            continue;
        }
        match check {
            "benchmarks" => drop(round_trip::<BenchmarksResponse>(name, &value)),
            "classifications" => drop(round_trip::<TaskClassificationResponse>(name, &value)),
            "app" => drop(round_trip::<AppRankingsResponse>(name, &value)),
            "daily" => drop(round_trip::<RankingsDailyResponse>(name, &value)),
            _ => drop(round_trip::<SessionCostResponse>(name, &value)),
        }
    }
}

#[test]
fn unknown_fields_survive() {
    let json = serde_json::json!({"data": [{
        "name": "X: Y", "model_id": "x/y", "context_length": 1, "provider_name": "X",
        "native_tools": ["web_search"], "service_tier": "flex", "supports_diarization": false,
        "supports_tool_choice": true, "brand_new": {"a": 1},
        "pricing": {"prompt": "0.1", "future_price": "2"}
    }], "next_thing": true});
    let list = round_trip::<ZdrEndpointList>("zdr with extras", &json);
    assert_eq!(list.data[0].service_tier.as_deref(), Some("flex"));
    assert_eq!(list.data[0].supports_tool_choice, Some(true));
    assert!(list.data[0].extra.contains_key("brand_new"));
    let providers = serde_json::json!({"data": [{"name": "A", "slug": "a", "privacy_policy_url": null, "new": 1}]});
    round_trip::<ProviderList>("providers with extras", &providers);
}
