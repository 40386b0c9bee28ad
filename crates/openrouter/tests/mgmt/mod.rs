//! Helpers for the management-area tests: clients for the emulator and the spec's examples.
#![allow(dead_code, unreachable_pub)]

use std::path::PathBuf;

use openrouter::Client;
use openrouter_mock::MockServer;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A client holding both the emulator's API key and its management key.
pub fn full_client(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .management_key(server.management_key())
        .base_url(server.base_url())
        .build()
        .expect("client builds")
}

/// A client with the API key only.
pub fn api_only(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .expect("client builds")
}

/// A client that sends the API key where a management key is expected.
pub fn api_key_as_management(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .management_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .expect("client builds")
}

/// The vendored spec as JSON.
pub fn spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
    let text = std::fs::read_to_string(path).expect("spec");
    serde_yaml::from_str(&text).expect("spec parses")
}

/// The operation at `path` / `method`.
pub fn operation<'a>(spec: &'a Value, path: &str, method: &str) -> &'a Value {
    &spec["paths"][path][method]
}

/// The 2xx response examples of an operation (media-type example and schema example).
pub fn success_examples(op: &Value) -> Vec<Value> {
    let mut found = Vec::new();
    if let Some(responses) = op["responses"].as_object() {
        for (code, response) in responses {
            if !code.starts_with('2') {
                continue;
            }
            if let Some(json) = response["content"]["application/json"].as_object() {
                if let Some(example) = json.get("example") {
                    found.push(example.clone());
                }
                if let Some(example) = json.get("schema").and_then(|s| s.get("example")) {
                    found.push(example.clone());
                }
            }
        }
    }
    found
}

/// The request body example of an operation, if any.
pub fn request_example(op: &Value) -> Option<Value> {
    let json = &op["requestBody"]["content"]["application/json"];
    json.get("example")
        .cloned()
        .or_else(|| json["schema"].get("example").cloned())
}

/// The `example` of a component schema.
pub fn schema_example(spec: &Value, name: &str) -> Value {
    spec["components"]["schemas"][name]["example"].clone()
}

/// Removes `null`-valued object keys everywhere: unset options are not written back.
pub fn strip_nulls(value: Value) -> Value {
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

/// JSON equality where numbers compare by value (`100` and `100.0` are the same amount).
pub fn same_json(a: &Value, b: &Value) -> bool {
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

/// Decodes `json` as `T`, encodes it again and checks nothing but nulls changed; then
/// checks an unknown field survives too.
pub fn round_trip<T: DeserializeOwned + Serialize>(what: &str, json: &Value) -> T {
    let decoded: T = serde_path_to_error::deserialize(json.clone())
        .unwrap_or_else(|err| panic!("{what}: decode failed at {}: {err}", err.path()));
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    let (want, got) = (strip_nulls(json.clone()), strip_nulls(encoded));
    assert!(
        same_json(&want, &got),
        "{what}: round trip changed the JSON\nwant: {want}\ngot:  {got}"
    );
    if let Value::Object(mut map) = json.clone() {
        map.insert("x_future_field".into(), serde_json::json!({"kept": true}));
        let with_extra = Value::Object(map);
        let decoded: T = serde_json::from_value(with_extra.clone()).expect("decodes");
        let encoded = serde_json::to_value(&decoded).expect("encodes");
        assert_eq!(
            encoded["x_future_field"], with_extra["x_future_field"],
            "{what}: unknown field lost"
        );
    }
    decoded
}
