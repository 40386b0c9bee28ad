//! The coverage table: every operation of the API and the SDK method that performs it.

/// Which credential an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyKind {
    /// An ordinary API key (inference, catalogue).
    Api,
    /// A management key (keys, guardrails, workspaces, BYOK, credits, analytics...).
    Management,
    /// No key: public endpoints (the client's API key is still sent when it has one).
    None,
}

/// One operation of the OpenRouter API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The spec's `operationId` (or a descriptive id for operations outside the spec).
    pub operation_id: &'static str,
    /// The HTTP method.
    pub method: &'static str,
    /// The path under the base URL, with `{placeholders}` as in the spec.
    pub path: &'static str,
    /// The SDK method that performs it, e.g. `Client::chat().create`.
    pub sdk_method: &'static str,
    /// The key it needs.
    pub key: KeyKind,
}

impl Operation {
    pub(crate) const fn new(
        operation_id: &'static str,
        method: &'static str,
        path: &'static str,
        sdk_method: &'static str,
        key: KeyKind,
    ) -> Self {
        Self {
            operation_id,
            method,
            path,
            sdk_method,
            key,
        }
    }
}

/// Every operation the SDK performs, area by area.
pub fn operations() -> Vec<Operation> {
    [
        super::chat::OPERATIONS,
        super::completions::OPERATIONS,
        super::embeddings::OPERATIONS,
        super::messages::OPERATIONS,
        super::rerank::OPERATIONS,
        super::models::OPERATIONS,
        super::byok::OPERATIONS,
        super::observability::OPERATIONS,
        super::presets::OPERATIONS,
        super::scim::OPERATIONS,
        super::workspaces::OPERATIONS,
        super::audio::OPERATIONS,
        super::files::OPERATIONS,
        super::images::OPERATIONS,
        super::videos::OPERATIONS,
        super::responses::OPERATIONS,
        super::benchmarks::OPERATIONS,
        super::classifications::OPERATIONS,
        super::datasets::OPERATIONS,
        super::endpoints::OPERATIONS,
        super::oauth::OPERATIONS,
        super::providers::OPERATIONS,
        super::keys::OPERATIONS,
        super::guardrails::OPERATIONS,
        super::credits::OPERATIONS,
        super::analytics::OPERATIONS,
        super::organization::OPERATIONS,
        super::generations::OPERATIONS,
    ]
    .concat()
}
