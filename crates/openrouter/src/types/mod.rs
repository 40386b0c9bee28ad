//! Request and response models, one module per area of the API.
//!
//! Every model decodes leniently and losslessly: fields this SDK does not know are kept in an
//! `extra` map and written back on encode; enums that come from the server accept values this
//! SDK does not know as `Other(..)`.

pub(crate) mod lossless;
pub(crate) mod open_enum;

pub mod analytics;
pub mod audio;
pub mod benchmarks;
pub mod byok;
pub mod chat;
pub mod classifications;
pub mod completions;
pub mod credits;
pub mod datasets;
pub mod embeddings;
pub mod endpoints;
pub mod error;
pub mod files;
pub mod generations;
pub mod guardrails;
pub mod images;
pub mod key;
pub mod keys;
pub mod messages;
pub mod models;
pub mod oauth;
pub mod observability;
pub mod organization;
pub mod presets;
pub mod providers;
pub mod rerank;
pub mod responses;
pub mod scim;
pub mod videos;
pub mod workspaces;
