//! Typed streams, and the accumulator that folds a stream into its final result.

mod accumulator;
mod chat;
mod completions;
mod events;
mod images;
mod messages;
mod responses;
mod typed;

pub use accumulator::ChatAccumulator;
pub use chat::{ChatEvents, ChatStream};
pub use completions::{CompletionAccumulator, CompletionStream};
pub use events::StreamEvent;
pub use images::{ImageAccumulator, ImageStream};
pub use messages::{MessagesAccumulator, MessagesEvents, MessagesStream};
pub use responses::{ResponsesAccumulator, ResponsesEvents, ResponsesStream};
pub use typed::{Events, StreamPayload, TypedStream};

#[cfg(feature = "fuzzing")]
pub(crate) use events::EventDecoder;
pub(crate) use typed::open;
