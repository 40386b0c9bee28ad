//! Every operation in the vendored spec has an SDK method and a conformance case.

use std::collections::BTreeSet;
use std::path::PathBuf;

/// `(METHOD, path, operationId)` for every operation in `spec/openrouter-openapi.yaml`.
fn spec_operations() -> Vec<(String, String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
    let spec: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root).unwrap()).unwrap();
    let mut found = Vec::new();
    for (path, item) in spec["paths"].as_mapping().unwrap() {
        for (method, operation) in item.as_mapping().unwrap() {
            let method = method.as_str().unwrap().to_ascii_uppercase();
            if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method.as_str()) {
                continue;
            }
            let id = operation["operationId"].as_str().unwrap().to_owned();
            found.push((method, path.as_str().unwrap().to_owned(), id));
        }
    }
    found
}

/// `getModels` -> `get_models`; `listBYOKKeys` -> `list_byok_keys`.
fn snake_case(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

/// The test functions of the conformance suite.
fn conformance_cases() -> BTreeSet<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut cases = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some(rest) = line.trim_start().strip_prefix("async fn ") {
                cases.insert(rest.split('(').next().unwrap().to_owned());
            }
        }
    }
    cases
}

#[test]
fn snake_case_matches_test_names() {
    assert_eq!(snake_case("getModels"), "get_models");
    assert_eq!(snake_case("listBYOKKeys"), "list_byok_keys");
    assert_eq!(snake_case("getCurrentKey"), "get_current_key");
    assert_eq!(
        snake_case("exchangeAuthCodeForAPIKey"),
        "exchange_auth_code_for_api_key"
    );
}

#[test]
fn every_spec_operation_has_an_sdk_method_and_a_conformance_case() {
    let spec = spec_operations();
    assert_eq!(spec.len(), 97, "the vendored spec has 97 operations");
    let sdk: BTreeSet<(String, String)> = openrouter::api::operations()
        .iter()
        .map(|op| (op.method.to_owned(), op.path.to_owned()))
        .collect();
    let cases = conformance_cases();
    let mut missing_methods = Vec::new();
    let mut missing_cases = Vec::new();
    for (method, path, id) in &spec {
        if !sdk.contains(&(method.clone(), path.clone())) {
            missing_methods.push(format!("{method} {path} ({id})"));
        }
        if !cases.contains(&snake_case(id)) {
            missing_cases.push(format!("{} for {method} {path}", snake_case(id)));
        }
    }
    let covered = spec.len() - missing_methods.len();
    eprintln!("SDK methods cover {covered}/{} spec operations", spec.len());
    // A ratchet while the areas land one by one: `coverage_gaps.txt` lists what is not
    // covered yet. Covering an operation must remove its line; losing one fails.
    let gaps_file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/coverage_gaps.txt");
    let known: BTreeSet<String> = std::fs::read_to_string(&gaps_file)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let actual: BTreeSet<String> = missing_methods
        .iter()
        .map(|m| format!("method {m}"))
        .chain(missing_cases.iter().map(|c| format!("case {c}")))
        .collect();
    if std::env::var_os("UPDATE_COVERAGE_GAPS").is_some() {
        let mut text = String::from(
            "# Operations of spec/openrouter-openapi.yaml not covered yet. The coverage test keeps this\n\
             # file exact; regenerate it with `UPDATE_COVERAGE_GAPS=1 cargo test -p openrouter --test coverage`.\n",
        );
        for line in &actual {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&gaps_file, text).unwrap();
        return;
    }
    assert!(
        actual == known,
        "coverage changed; newly missing: {:?}; now covered: {:?}; update tests/coverage_gaps.txt \
         with UPDATE_COVERAGE_GAPS=1 cargo test -p openrouter --test coverage",
        actual.difference(&known).collect::<Vec<_>>(),
        known.difference(&actual).collect::<Vec<_>>(),
    );
}

#[test]
fn every_registered_operation_is_unique_and_documented() {
    let operations = openrouter::api::operations();
    let mut seen = BTreeSet::new();
    for op in &operations {
        assert!(
            seen.insert((op.method, op.path)),
            "{} {} is registered twice",
            op.method,
            op.path
        );
        assert!(op.sdk_method.starts_with("Client::"), "{op:?}");
    }
}

/// The coverage table in the crate docs (`src/api/COVERAGE.md`), rendered from the registry.
fn coverage_table() -> String {
    let mut operations = openrouter::api::operations();
    operations.sort_by(|a, b| (a.path, a.method).cmp(&(b.path, b.method)));
    let mut table =
        String::from("| Method | Path | operationId | SDK method | Key |\n|---|---|---|---|---|\n");
    for op in &operations {
        let key = match op.key {
            openrouter::api::KeyKind::Api => "API key",
            openrouter::api::KeyKind::Management => "management key",
            _ => "none",
        };
        table.push_str(&format!(
            "| {} | `{}` | `{}` | `{}` | {} |\n",
            op.method, op.path, op.operation_id, op.sdk_method, key
        ));
    }
    table
}

#[test]
fn the_documented_coverage_table_is_fresh() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/api/COVERAGE.md");
    let expected = coverage_table();
    if std::env::var_os("UPDATE_COVERAGE_GAPS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "src/api/COVERAGE.md is stale; regenerate it with UPDATE_COVERAGE_GAPS=1 cargo test -p openrouter --test coverage"
    );
}
