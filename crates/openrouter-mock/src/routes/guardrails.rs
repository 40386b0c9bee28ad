//! Guardrails and their assignments to API keys and organization members.

use crate::state::Shared;

/// Key assignments, one per key hash (a key holds at most one guardrail).
pub(crate) const KEY_ASSIGNMENTS: &str = "guardrail_key_assignments";

/// Drops the assignment of a deleted key.
pub(crate) fn forget_key(shared: &Shared, hash: &str) {
    shared.store.remove(KEY_ASSIGNMENTS, hash);
}
