//! Typed streams, and the accumulator that folds a stream into its final result.

mod accumulator;
mod chat;
mod events;
mod images;
mod responses;

pub use accumulator::ChatAccumulator;
pub use chat::{ChatEvents, ChatStream};
pub use events::StreamEvent;
pub use images::{ImageAccumulator, ImageStream};
pub use responses::{ResponsesAccumulator, ResponsesEvents, ResponsesStream};

pub(crate) use events::EventStream;
