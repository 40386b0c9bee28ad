//! Placeholder crate docs.

pub mod sse;
pub mod stream;
pub mod types;
