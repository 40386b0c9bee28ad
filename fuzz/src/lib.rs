//! The fuzz targets' checks, shared with the normal test command: see the included file.

#[path = "../../crates/openrouter/tests/fuzz_checks/mod.rs"]
pub mod checks;
