//! Typed streams, and the accumulator that folds a stream into its final result.

mod accumulator;
mod chat;
mod events;

pub use accumulator::ChatAccumulator;
pub use chat::{ChatEvents, ChatStream};
pub use events::StreamEvent;

pub(crate) use events::EventStream;
