//! One case per operation of the API, named after its `operationId` in snake case (the
//! coverage test checks that every operation has one),, run against the in-process emulator by default, or
//! against any server when `OPENROUTER_CONFORMANCE_BASE_URL` is set (the key then comes from
//! `OPENROUTER_API_KEY`, and `OPENROUTER_CONFORMANCE_MODEL` picks the model).
//!
//! ```text
//! cargo test -p openrouter --test conformance
//! OPENROUTER_CONFORMANCE_BASE_URL=https://openrouter.ai/api/v1 OPENROUTER_API_KEY=sk-or-... \
//!     cargo test -p openrouter --test conformance
//! ```

mod account;
mod byok;
mod chat;
mod completions;
mod embeddings;
mod endpoints;
mod files;
mod generations;
mod guardrails;
mod keys;
mod media;
mod messages;
mod models;
mod oauth;
mod observability;
mod presets;
mod public_data;
mod rerank;
mod responses;
mod scim;
mod target;
mod workspaces;
