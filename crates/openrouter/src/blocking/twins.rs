//! Every public method of every async area handle has a blocking twin.
//!
//! The async side is read from the source, so a method added later (in any module) without
//! its twin fails here, with the line to add in the message; the operation registry is
//! checked too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const HOW_TO_FIX: &str = "add one line per method to the area's list in \
    src/blocking/areas/{inference,catalogue,admin}.rs (see src/blocking/macros.rs for the syntax)";

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The area accessors of the async client: `pub fn chat(&self) -> Chat<'_>` gives
/// `Chat => chat`.
fn async_areas() -> BTreeMap<String, String> {
    let client = std::fs::read_to_string(source_root().join("client.rs")).unwrap();
    let mut areas = BTreeMap::new();
    for line in client.lines() {
        let Some(rest) = line.trim().strip_prefix("pub fn ") else {
            continue;
        };
        let Some((accessor, ret)) = rest.split_once("(&self) -> ") else {
            continue;
        };
        if let Some(area) = ret.strip_suffix("<'_> {") {
            areas.insert(area.to_owned(), accessor.to_owned());
        }
    }
    areas
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "blocking") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The type an inherent `impl` line is for, e.g. `impl<'a> Chat<'a> {` gives `Chat`.
fn impl_target(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("impl")?;
    if line.contains(" for ") || !line.trim_end().ends_with('{') {
        return None;
    }
    let rest = match rest.strip_prefix('<') {
        Some(generics) => generics.split_once('>')?.1,
        None => rest,
    };
    let name = rest.trim_start();
    let end = name.find(|c: char| !c.is_alphanumeric() && c != '_')?;
    Some(&name[..end])
}

/// The name of a public method declared on `line`, if any.
fn public_method(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let rest = line
        .strip_prefix("pub async fn ")
        .or_else(|| line.strip_prefix("pub fn "))?;
    let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_')?;
    Some(&rest[..end])
}

/// Every public method of every async area handle, as `(accessor, method)`.
fn async_methods() -> BTreeSet<(String, String)> {
    let areas = async_areas();
    let mut files = Vec::new();
    rust_files(&source_root(), &mut files);
    let mut methods = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let mut current: Option<&String> = None;
        for line in source.lines() {
            if let Some(target) = impl_target(line) {
                current = areas.get(target);
            } else if line.starts_with('}') {
                current = None;
            } else if let (Some(accessor), Some(method)) = (current, public_method(line)) {
                methods.insert((accessor.clone(), method.to_owned()));
            }
        }
    }
    methods
}

fn blocking_methods() -> BTreeSet<(String, String)> {
    super::areas::twins()
        .into_iter()
        .flat_map(|(area, methods)| {
            methods
                .iter()
                .map(move |(_, method)| (area.to_owned(), (*method).to_owned()))
        })
        .collect()
}

#[test]
fn every_manual_twin_is_written() {
    let dir = source_root().join("blocking").join("areas");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let sources: String = files
        .iter()
        .map(|file| std::fs::read_to_string(file).unwrap())
        .collect();
    let mut missing = Vec::new();
    for (area, methods) in super::areas::twins() {
        for (_, method) in methods.iter().filter(|(kind, _)| *kind == "manual") {
            let written = [format!("pub fn {method}("), format!("pub fn {method}<")]
                .iter()
                .any(|start| sources.contains(start.as_str()));
            if !written {
                missing.push(format!("{area}().{method}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "listed as `manual` but not written in src/blocking/areas: {missing:?}"
    );
}

#[test]
fn the_source_scan_finds_the_async_areas_and_methods() {
    // Guards the scan itself: if it found nothing, the checks below would pass vacuously.
    let areas = async_areas();
    assert_eq!(areas.get("Chat").map(String::as_str), Some("chat"));
    assert_eq!(areas.get("OAuth").map(String::as_str), Some("oauth"));
    assert!(areas.len() >= 28, "{areas:?}");
    let methods = async_methods();
    for expected in [
        ("chat", "stream"),
        ("audio", "speech_to_writer"),
        ("oauth", "authorization_url"),
        ("workspaces", "list_members_all"),
    ] {
        assert!(
            methods.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} not found"
        );
    }
    assert!(methods.len() >= 150, "only {} methods found", methods.len());
}

#[test]
fn every_area_has_a_blocking_twin() {
    let blocking: BTreeSet<String> = super::areas::twins()
        .into_iter()
        .map(|(area, _)| area.to_owned())
        .collect();
    let missing: Vec<String> = async_areas()
        .into_values()
        .filter(|accessor| !blocking.contains(accessor))
        .collect();
    assert!(
        missing.is_empty(),
        "areas without a blocking twin: {missing:?}; {HOW_TO_FIX}"
    );
}

#[test]
fn every_public_async_method_has_a_blocking_twin() {
    let blocking = blocking_methods();
    let missing: Vec<String> = async_methods()
        .difference(&blocking)
        .map(|(area, method)| format!("{area}().{method}"))
        .collect();
    assert!(
        missing.is_empty(),
        "methods without a blocking twin: {missing:?}; {HOW_TO_FIX}"
    );
}

#[test]
fn every_blocking_twin_mirrors_an_async_method() {
    // The compiler already refuses a twin whose async method is gone; this catches a
    // twin listed under the wrong area name in the test list.
    let methods = async_methods();
    let extra: Vec<_> = blocking_methods().difference(&methods).cloned().collect();
    assert!(extra.is_empty(), "twins without an async method: {extra:?}");
}

#[test]
fn every_registered_operation_has_its_blocking_methods() {
    let blocking = blocking_methods();
    let mut missing = Vec::new();
    for operation in crate::api::operations() {
        // e.g. "Client::chat().create / create_with_response / stream"
        let Some(rest) = operation.sdk_method.strip_prefix("Client::") else {
            panic!("unexpected sdk_method {}", operation.sdk_method);
        };
        let Some((area, methods)) = rest.split_once("().") else {
            panic!("unexpected sdk_method {}", operation.sdk_method);
        };
        for method in methods.split(" / ") {
            if !blocking.contains(&(area.to_owned(), method.trim().to_owned())) {
                missing.push(format!("{area}().{method} ({})", operation.operation_id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "operations without a blocking method: {missing:?}; {HOW_TO_FIX}"
    );
}
