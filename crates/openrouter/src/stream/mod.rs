//! Typed streams, and the accumulator that folds a stream into its final result.

mod accumulator;
mod chat;
mod completions;
mod events;
mod messages;

pub use accumulator::ChatAccumulator;
pub use chat::{ChatEvents, ChatStream};
pub use completions::CompletionStream;
pub use events::StreamEvent;
pub use messages::{MessagesAccumulator, MessagesEvents, MessagesStream};

pub(crate) use events::EventStream;
