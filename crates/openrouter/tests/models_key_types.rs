//! The model catalogue and `/key` types decode real captures and the spec's examples, and
//! encode them back without losing anything.

use std::path::PathBuf;

use openrouter::types::key::KeyInfoResponse;
use openrouter::types::models::{Modality, Model, ModelList, ModelParameter, ModelResponse};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_text(name: &str) -> String {
    let path = manifest_dir().join("tests/fixtures/real").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Removes `null`-valued object keys everywhere: an unset `Option` is not written back, and
/// "absent" and "null" mean the same to every field these types model.
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

/// JSON equality where numbers compare by value: amounts are `f64` fields, so a `100` sent by
/// the server comes back as `100.0`, which is the same number.
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

/// Decodes `json` as `T`, encodes it again and checks nothing but nulls changed.
fn round_trip<T: DeserializeOwned + Serialize>(what: &str, json: &Value) -> T {
    let decoded: T = serde_path_to_error::deserialize(json.clone())
        .unwrap_or_else(|err| panic!("{what}: decode failed at {}: {err}", err.path()));
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    let (want, got) = (strip_nulls(json.clone()), strip_nulls(encoded));
    assert!(
        same_json(&want, &got),
        "{what}: round trip changed the JSON\nwant: {want}\ngot:  {got}"
    );
    decoded
}

fn round_trip_fixture<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let json: Value = serde_json::from_str(&fixture_text(name)).expect("fixture is JSON");
    round_trip(name, &json)
}

#[test]
fn every_model_and_key_fixture_round_trips() {
    let mut names: Vec<String> = std::fs::read_dir(manifest_dir().join("tests/fixtures/real"))
        .expect("fixtures directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with("models-") || name.starts_with("key-"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    for name in names {
        if name.starts_with("models-list-") {
            round_trip_fixture::<ModelList>(&name);
        } else if name.starts_with("models-entry-") {
            round_trip_fixture::<Model>(&name);
        } else {
            // The capture is the `data` object on its own.
            let key: Value = serde_json::from_str(&fixture_text(&name)).expect("JSON");
            round_trip::<KeyInfoResponse>(&name, &serde_json::json!({ "data": key }));
        }
    }
}

#[test]
fn big_catalogue_values() {
    let list: ModelList = round_trip_fixture("models-list-2025-07.json");
    assert_eq!(list.data.len(), 310);
    assert_eq!(list.total_count, None, "2025 bodies had no total_count");
    let auto = list
        .data
        .iter()
        .find(|model| model.id == "openrouter/auto")
        .expect("openrouter/auto listed");
    let pricing = auto.pricing.as_ref().expect("priced");
    assert_eq!(pricing.prompt.as_ref().map(|p| p.as_str()), Some("-1"));
    assert!(pricing.completion.as_ref().is_some_and(|p| p.is_variable()));
    let empty_hf = list
        .data
        .iter()
        .filter(|model| model.hugging_face_id.as_deref() == Some(""))
        .count();
    assert!(empty_hf > 0, "some models send an empty hugging_face_id");
    assert!(list.data.iter().all(|m| !m.id.is_empty()));
}

#[test]
fn pruned_catalogue_has_paging_and_new_fields() {
    let list: ModelList = round_trip_fixture("models-list-pruned-2026-08.json");
    assert_eq!(list.data.len(), 5);
    assert!(list.total_count.is_some());
    assert!(list.links.is_some());
    assert!(list.data.iter().any(|m| m.knowledge_cutoff.is_some()));
}

#[test]
fn model_entry_values() {
    let haiku: Model = round_trip_fixture("models-entry-nullhf-01.json");
    assert_eq!(haiku.id, "anthropic/claude-3.5-haiku");
    assert_eq!(haiku.hugging_face_id, None);
    assert_eq!(haiku.context_length, Some(200_000));
    let pricing = haiku.pricing.as_ref().expect("priced");
    assert_eq!(
        pricing.prompt.as_ref().map(|p| p.as_str()),
        Some("0.0000008")
    );
    assert_eq!(
        pricing.input_cache_read.as_ref().map(|p| p.as_str()),
        Some("0.00000008")
    );
    assert!(haiku.supports(&ModelParameter::Tools));
    let arch = haiku.architecture.as_ref().expect("architecture");
    assert_eq!(
        arch.input_modalities.as_deref(),
        Some(&[Modality::Text, Modality::Image][..])
    );
    let top = haiku.top_provider.as_ref().expect("top provider");
    assert_eq!(top.max_completion_tokens, Some(8192));

    let router: Model = round_trip_fixture("models-entry-router-01.json");
    let prompt = router.pricing.and_then(|p| p.prompt).expect("prompt price");
    assert_eq!(prompt.as_str(), "-1");
    assert!(prompt.is_variable());
}

#[test]
fn key_fixture_values() {
    let key: Value = serde_json::from_str(&fixture_text("key-01.json")).expect("JSON");
    let info = round_trip::<KeyInfoResponse>("key-01", &serde_json::json!({ "data": key })).data;
    assert_eq!(info.label, "sk-or-v1-0fa...240");
    assert_eq!(info.limit, None);
    assert_eq!(info.usage, Some(0.65017511));
    assert_eq!(info.is_free_tier, Some(false));
    let rate = info.rate_limit.expect("legacy rate limit present");
    assert_eq!(rate.requests, Some(40));
    assert_eq!(rate.interval.as_deref(), Some("10s"));
}

#[test]
fn key_with_fields_newer_than_the_spec() {
    let body = serde_json::json!({"data": {
        "label": "sk-or-v1-abc...def",
        "limit": 20, "limit_remaining": 8.1, "usage": 11.9,
        "allowed_data_regions": ["global"],
        "free_model_daily_requests": {"used": 10, "limit": 1000, "remaining": 990},
        "organization_id": null, "workspace_id": "ws_1",
        "budgets": [{"amount": 5}], "effective_budget": {"amount": 5},
        "tomorrows_field": true
    }});
    let info = round_trip::<KeyInfoResponse>("newer key", &body).data;
    assert_eq!(info.allowed_data_regions, Some(vec!["global".to_owned()]));
    let free = info.free_model_daily_requests.expect("quota");
    assert_eq!(
        (free.used, free.limit, free.remaining),
        (Some(10), Some(1000), Some(990))
    );
    assert_eq!(info.workspace_id.as_deref(), Some("ws_1"));
    assert_eq!(info.extra.get("tomorrows_field"), Some(&Value::Bool(true)));
}

/// The spec's response examples for one operation: `example` and every `examples.*.value`.
fn spec_examples(spec: &Value, path: &str) -> Vec<Value> {
    let content = &spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"];
    let mut found = Vec::new();
    if let Some(example) = content.get("example") {
        found.push(example.clone());
    }
    if let Some(examples) = content.get("examples").and_then(Value::as_object) {
        found.extend(examples.values().filter_map(|e| e.get("value")).cloned());
    }
    found
}

fn load_spec() -> Value {
    let path = manifest_dir().join("../../spec/openrouter-openapi.yaml");
    let text = std::fs::read_to_string(&path).expect("spec readable");
    serde_yaml::from_str(&text).expect("spec is YAML")
}

#[test]
fn spec_examples_round_trip() {
    let spec = load_spec();
    let mut checked = 0;
    for path in ["/models", "/models/user"] {
        for example in spec_examples(&spec, path) {
            let list: ModelList = round_trip(path, &example);
            assert!(!list.data.is_empty());
            checked += 1;
        }
    }
    for example in spec_examples(&spec, "/model/{author}/{slug}") {
        let model: ModelResponse = round_trip("/model/{author}/{slug}", &example);
        assert_eq!(model.data.id, "openai/gpt-4");
        checked += 1;
    }
    for example in spec_examples(&spec, "/key") {
        let key: KeyInfoResponse = round_trip("/key", &example);
        assert_eq!(key.data.limit, Some(100.0));
        assert_eq!(key.data.limit_reset.as_deref(), Some("monthly"));
        checked += 1;
    }
    let schemas = &spec["components"]["schemas"];
    let model: Model = round_trip("Model schema example", &schemas["Model"]["example"]);
    let reasoning = model.reasoning.expect("the schema example has reasoning");
    assert_eq!(reasoning.mandatory, Some(false));
    round_trip::<ModelList>(
        "ModelsListResponse example",
        &schemas["ModelsListResponse"]["example"],
    );
    assert!(
        checked >= 4,
        "expected the spec's examples, checked {checked}"
    );
}

#[test]
fn absent_fields_decode_and_are_not_written_back() {
    let model: Model = serde_json::from_str(r#"{"id":"x/y"}"#).expect("only id");
    assert_eq!(
        serde_json::to_string(&model).expect("encodes"),
        r#"{"id":"x/y"}"#
    );
    let key: KeyInfoResponse = serde_json::from_str(r#"{"data":{}}"#).expect("empty key");
    assert_eq!(key.data.label, "");
}
