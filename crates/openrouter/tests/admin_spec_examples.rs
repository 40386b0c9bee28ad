//! The spec's examples for workspaces, BYOK, observability, SCIM and presets decode into the
//! SDK's types and encode back to the same JSON (nulls aside); unknown fields survive.

use std::path::PathBuf;

use openrouter::types::byok::{
    ByokKey, ByokKeyDeleted, ByokKeyList, CreateByokKeyRequest, UpdateByokKeyRequest,
};
use openrouter::types::chat::ChatRequest;
use openrouter::types::observability::{
    CreateDestinationRequest, DestinationDeleted, ObservabilityDestination,
    ObservabilityDestinationList, UpdateDestinationRequest,
};
use openrouter::types::presets::{Preset, PresetList, PresetVersion, PresetVersionList};
use openrouter::types::scim::{
    CreateScimGroupMappingRequest, ScimGroup, ScimGroupList, ScimGroupMapping,
    ScimGroupMappingDeleted, ScimGroupMappingList, UpdateScimGroupMappingRequest,
};
use openrouter::types::workspaces::{
    CreateWorkspaceRequest, SetWorkspaceBudgetRequest, UpdateWorkspaceRequest, Workspace,
    WorkspaceBudget, WorkspaceBudgetList, WorkspaceBudgetResponse, WorkspaceDeleted, WorkspaceList,
    WorkspaceMember, WorkspaceMemberList, WorkspaceMembersAdded, WorkspaceMembersRemoved,
    WorkspaceMembersRequest,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// A `{"data": ..}` envelope, as the single-item answers come.
#[derive(Serialize, Deserialize)]
struct Env<T> {
    data: T,
    #[serde(flatten)]
    extra: Map<String, Value>,
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

/// Numbers compare by value (`1` and `1.0` are the same sampling rate).
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
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    let (want, got) = (strip_nulls(json.clone()), strip_nulls(encoded));
    assert!(
        same_json(&want, &got),
        "{what}: round trip changed the JSON\nwant: {want}\ngot:  {got}"
    );
    decoded
}

fn load_spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).expect("spec")).expect("YAML")
}

fn examples_of(content: &Value) -> Vec<Value> {
    let mut found = Vec::new();
    if let Some(example) = content.get("example") {
        found.push(example.clone());
    }
    if let Some(examples) = content.get("examples").and_then(Value::as_object) {
        found.extend(examples.values().filter_map(|e| e.get("value")).cloned());
    }
    found
}

/// Decodes one example of `method path` (`"request"` or a status) with the matching type.
fn check(method: &str, path: &str, part: &str, example: &Value) {
    let what = format!("{method} {path} {part}");
    let w = &what;
    match (method, path, part) {
        ("get", "/workspaces", _) => drop(round_trip::<WorkspaceList>(w, example)),
        ("post", "/workspaces", "request") => {
            drop(round_trip::<CreateWorkspaceRequest>(w, example))
        }
        ("patch", "/workspaces/{id}", "request") => {
            drop(round_trip::<UpdateWorkspaceRequest>(w, example))
        }
        (_, "/workspaces" | "/workspaces/{id}", _) if method == "delete" => {
            drop(round_trip::<WorkspaceDeleted>(w, example))
        }
        (_, "/workspaces" | "/workspaces/{id}", _) => {
            drop(round_trip::<Env<Workspace>>(w, example))
        }
        ("get", "/workspaces/{id}/budgets", _) => {
            drop(round_trip::<WorkspaceBudgetList>(w, example))
        }
        ("put", _, "request") => drop(round_trip::<SetWorkspaceBudgetRequest>(w, example)),
        ("delete", "/workspaces/{id}/budgets/{interval}", _) => {
            drop(round_trip::<WorkspaceDeleted>(w, example))
        }
        (_, "/workspaces/{id}/budgets/{interval}", _) => {
            drop(round_trip::<WorkspaceBudgetResponse>(w, example))
        }
        ("get", "/workspaces/{id}/members", _) => {
            drop(round_trip::<WorkspaceMemberList>(w, example))
        }
        (_, "/workspaces/{id}/members/add" | "/workspaces/{id}/members/remove", "request") => {
            drop(round_trip::<WorkspaceMembersRequest>(w, example))
        }
        (_, "/workspaces/{id}/members/add", _) => {
            drop(round_trip::<WorkspaceMembersAdded>(w, example))
        }
        (_, "/workspaces/{id}/members/remove", _) => {
            drop(round_trip::<WorkspaceMembersRemoved>(w, example))
        }
        ("get", "/byok", _) => drop(round_trip::<ByokKeyList>(w, example)),
        ("post", "/byok", "request") => {
            let request: CreateByokKeyRequest = round_trip(w, example);
            assert!(!format!("{request:?}").contains(&request.key));
        }
        ("patch", "/byok/{id}", "request") => drop(round_trip::<UpdateByokKeyRequest>(w, example)),
        ("delete", "/byok/{id}", _) => drop(round_trip::<ByokKeyDeleted>(w, example)),
        (_, "/byok" | "/byok/{id}", _) => drop(round_trip::<Env<ByokKey>>(w, example)),
        ("get", "/observability/destinations", _) => {
            drop(round_trip::<ObservabilityDestinationList>(w, example))
        }
        ("post", "/observability/destinations", "request") => {
            drop(round_trip::<CreateDestinationRequest>(w, example))
        }
        ("patch", "/observability/destinations/{id}", "request") => {
            drop(round_trip::<UpdateDestinationRequest>(w, example))
        }
        ("delete", "/observability/destinations/{id}", _) => {
            drop(round_trip::<DestinationDeleted>(w, example))
        }
        (_, "/observability/destinations" | "/observability/destinations/{id}", _) => {
            drop(round_trip::<Env<ObservabilityDestination>>(w, example))
        }
        ("get", "/scim/groups", _) => drop(round_trip::<ScimGroupList>(w, example)),
        ("get", "/scim/group-mappings", _) => drop(round_trip::<ScimGroupMappingList>(w, example)),
        ("post", "/scim/group-mappings", "request") => {
            drop(round_trip::<CreateScimGroupMappingRequest>(w, example))
        }
        ("patch", "/scim/group-mappings/{id}", "request") => {
            drop(round_trip::<UpdateScimGroupMappingRequest>(w, example))
        }
        ("delete", "/scim/group-mappings/{id}", _) => {
            drop(round_trip::<ScimGroupMappingDeleted>(w, example))
        }
        (_, "/scim/group-mappings" | "/scim/group-mappings/{id}", _) => {
            drop(round_trip::<Env<ScimGroupMapping>>(w, example))
        }
        ("get", "/presets", _) => drop(round_trip::<PresetList>(w, example)),
        ("get", "/presets/{slug}/versions", _) => drop(round_trip::<PresetVersionList>(w, example)),
        ("get", "/presets/{slug}/versions/{version}", _) => {
            drop(round_trip::<Env<PresetVersion>>(w, example))
        }
        ("post", "/presets/{slug}/chat/completions", "request") => {
            drop(round_trip::<ChatRequest>(w, example))
        }
        // The Messages and Responses request types belong to other modules; the bodies are
        // sent as given.
        ("post", _, "request") => {}
        (_, p, _) if p.starts_with("/presets") => drop(round_trip::<Env<Preset>>(w, example)),
        _ => panic!("no type for {what}"),
    }
}

#[test]
fn every_operation_example_round_trips() {
    let spec = load_spec();
    let mut checked = 0;
    for (path, item) in spec["paths"].as_object().expect("paths") {
        let mine = [
            "/workspaces",
            "/byok",
            "/observability",
            "/scim",
            "/presets",
        ];
        if !mine.iter().any(|p| path.starts_with(p)) {
            continue;
        }
        for (method, op) in item.as_object().expect("operation") {
            if let Some(body) = op.pointer("/requestBody/content/application~1json") {
                for example in examples_of(body) {
                    check(method, path, "request", &example);
                    checked += 1;
                }
            }
            for status in ["200", "201"] {
                let content = &op["responses"][status]["content"]["application/json"];
                for example in examples_of(content) {
                    check(method, path, status, &example);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 35, "only {checked} examples checked");
}

#[test]
fn schema_examples_round_trip() {
    let spec = load_spec();
    let schemas = &spec["components"]["schemas"];
    round_trip::<Workspace>("Workspace", &schemas["Workspace"]["example"]);
    round_trip::<WorkspaceBudget>("WorkspaceBudget", &schemas["WorkspaceBudget"]["example"]);
    round_trip::<WorkspaceMember>("WorkspaceMember", &schemas["WorkspaceMember"]["example"]);
    round_trip::<ByokKey>("BYOKKey", &schemas["BYOKKey"]["example"]);
    round_trip::<ScimGroup>("ScimGroup", &schemas["ScimGroup"]["example"]);
    round_trip::<ScimGroupMapping>("ScimGroupMapping", &schemas["ScimGroupMapping"]["example"]);
    round_trip::<Preset>("Preset", &schemas["Preset"]["example"]);
    round_trip::<Preset>(
        "PresetWithDesignatedVersion",
        &schemas["PresetWithDesignatedVersion"]["example"],
    );
    round_trip::<PresetVersion>(
        "PresetDesignatedVersion",
        &schemas["PresetDesignatedVersion"]["example"],
    );
    // Every destination variant, with its own config shape.
    let mapping = schemas["ObservabilityDestination"]["discriminator"]["mapping"]
        .as_object()
        .expect("mapping");
    for reference in mapping.values() {
        let name = reference.as_str().unwrap().rsplit('/').next().unwrap();
        let dest: ObservabilityDestination = round_trip(name, &schemas[name]["example"]);
        assert!(
            !matches!(
                dest.kind,
                Some(openrouter::types::observability::DestinationType::Other(_)) | None
            ),
            "{name}"
        );
    }
    assert_eq!(mapping.len(), 17);
}

#[test]
fn unknown_fields_and_values_survive() {
    let body = json!({
        "id": "k", "provider": "brand-new-provider", "label": "x...y",
        "workspace_id": null, "declared_region": "eu", "is_required": true,
        "future": {"nested": [1, 2]}
    });
    let key: ByokKey = round_trip("byok", &body);
    assert_eq!(key.extra["future"], json!({"nested": [1, 2]}));
    assert_eq!(key.declared_region.as_deref(), Some("eu"));
    let dest: ObservabilityDestination = round_trip(
        "dest",
        &json!({"id": "d", "type": "new-sink", "config": {"a": 1}, "more": true}),
    );
    assert_eq!(dest.kind.unwrap().as_str(), "new-sink");
    let budget: WorkspaceBudget = round_trip(
        "budget",
        &json!({"id": "b", "workspace_id": "w", "limit_usd": 5, "reset_interval": "quarterly"}),
    );
    assert_eq!(budget.interval().as_str(), "quarterly");
}
