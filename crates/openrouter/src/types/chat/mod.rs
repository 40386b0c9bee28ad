//! Chat completions (`POST /chat/completions`): the request, the result and the stream chunk.

mod chunk;
mod convert;
mod message;
mod plugins;
mod provider;
mod reasoning;
mod request;
mod response;
mod response_format;
mod tool_call;
mod tools;
mod usage;

pub use chunk::*;
pub use message::*;
pub use plugins::*;
pub use provider::*;
pub use reasoning::*;
pub use request::*;
pub use response::*;
pub use response_format::*;
pub use tool_call::*;
pub use tools::*;
pub use usage::*;
