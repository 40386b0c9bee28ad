//! The blocking area handles, declared from signature lists by `blocking_areas!`.

mod admin;
mod catalogue;
mod inference;

pub use admin::{
    Analytics, Byok, Credits, Guardrails, Keys, OAuth, Observability, Organization, Presets, Scim,
    Workspaces,
};
pub use catalogue::{Benchmarks, Classifications, Datasets, Endpoints, Models, Providers};
pub use inference::{
    Audio, Chat, Completions, Embeddings, Files, Generations, Images, Messages, Rerank, Responses,
    Videos,
};

/// Every blocking area with the kind and name of each of its methods.
#[cfg(test)]
pub(super) fn twins() -> Vec<(&'static str, &'static [(&'static str, &'static str)])> {
    [inference::TWINS, catalogue::TWINS, admin::TWINS].concat()
}
