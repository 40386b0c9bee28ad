//! The fuzz targets' checks over every input a fuzz run (or a review) found wrong, kept in
//! `tests/fixtures/fuzz/<target>/`, and over the seed corpora in `fuzz/corpus/<target>/`.
//! The checks are the fuzz targets' own (`tests/fuzz_checks/`), so these inputs stay fixed
//! in the normal test command, without the nightly toolchain libFuzzer wants.

mod fuzz_checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(prefix))
        })
        .collect();
    files.sort();
    files
}

/// Runs `check` over the target's regression inputs and seeds; fails naming every input
/// that fails.
fn run(target: &str, check: fn(&[u8])) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let regressions = files(&manifest.join("tests/fixtures/fuzz").join(target), "");
    // The seeds sit outside the package; a packaged copy of the crate runs without them.
    let seeds = files(&manifest.join("../../fuzz/corpus").join(target), "seed-");
    assert!(
        !regressions.is_empty() || !seeds.is_empty(),
        "{target}: no inputs found"
    );
    let mut failed = Vec::new();
    for path in regressions.iter().chain(&seeds) {
        let input = std::fs::read(path).expect("input readable");
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: failing inputs: {failed:#?}");
    eprintln!(
        "{target}: {} regression inputs and {} seeds pass",
        regressions.len(),
        seeds.len()
    );
}

#[test]
fn sse() {
    run("sse", fuzz_checks::sse);
}

#[test]
fn chat_chunk() {
    run("chat_chunk", fuzz_checks::chat_chunk);
}

#[test]
fn stream_events() {
    run("stream_events", fuzz_checks::stream_events);
}

#[test]
fn error_body() {
    run("error_body", fuzz_checks::error_body);
}

#[test]
fn retry_after() {
    run("retry_after", fuzz_checks::retry_after);
}

/// The checks relax the round-trip property only for JSON that repeats a key; the detector
/// must see a repeat at any depth and nothing else.
#[test]
fn duplicate_keys_are_detected_at_any_depth() {
    for repeated in [
        r#"{"a":1,"a":2}"#,
        r#"{"item":{"status":"x","id":1,"status":"y"}}"#,
        r#"[{"k":[{"x":null,"x":true}]}]"#,
    ] {
        assert!(fuzz_checks::has_duplicate_keys(repeated), "{repeated}");
    }
    for unique in [
        r#"{"a":1,"b":{"a":2}}"#,
        r#"[{"a":1},{"a":2}]"#,
        "3",
        "not json",
    ] {
        assert!(!fuzz_checks::has_duplicate_keys(unique), "{unique}");
    }
}
