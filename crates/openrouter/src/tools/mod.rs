//! Tools your code runs when a model calls them: typed arguments, async handlers, and a
//! [`Toolbox`] that dispatches calls by name.
//!
//! A tool is anything that implements [`DynTool`]: a name, the definition sent in the
//! request's `tools`, and an async `call` that takes the arguments text the model wrote.
//! [`TypedTool`] builds one from an arguments type (its JSON Schema is derived) and an async
//! handler. Failures never panic and never vanish: a [`ToolError`] says what went wrong, and
//! [`ToolError::to_result`] turns it into the tool message the model reads, so it can correct
//! itself (the agent loop does this by default).
//!
//! ```
//! use openrouter::tools::{DynTool, Toolbox, TypedTool};
//! use schemars::JsonSchema;
//! use serde::Deserialize;
//!
//! /// Where to look up the weather.
//! #[derive(Deserialize, JsonSchema)]
//! struct WeatherArgs {
//!     /// A city name, e.g. "Paris".
//!     city: String,
//! }
//!
//! # async fn demo() -> openrouter::Result<()> {
//! let weather = TypedTool::new("get_weather", "Current weather in a city", |args: WeatherArgs| async move {
//!     Ok::<_, std::convert::Infallible>(format!("Sunny in {}", args.city))
//! });
//! let toolbox = Toolbox::new().with(weather)?;
//!
//! let result = toolbox.call("get_weather", r#"{"city":"Paris"}"#).await.unwrap();
//! assert_eq!(result.content, "Sunny in Paris");
//!
//! let error = toolbox.call("get_weather", r#"{"town":"Paris"}"#).await.unwrap_err();
//! assert!(error.message.contains("city"), "{error}");
//! # Ok(()) }
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::types::chat::Tool;

mod outcome;
mod toolbox;
mod typed;

pub use outcome::{ToolError, ToolErrorKind, ToolResult, ToolStatus};
pub use toolbox::Toolbox;
pub use typed::{parse_arguments, NoArgs, TypedTool};

/// The future a tool call returns: the result the model reads, or why there is none.
pub type ToolFuture<'a> = Pin<Box<dyn Future<Output = Result<ToolResult, ToolError>> + Send + 'a>>;

/// A tool the model may call, usable behind `Arc<dyn DynTool>`.
///
/// Implement it for tools whose definition comes from elsewhere (an MCP server, a plugin
/// registry); for tools written in Rust, [`TypedTool`] implements it for you.
pub trait DynTool: Send + Sync {
    /// The name the model calls the tool by; the same as the definition's function name.
    fn name(&self) -> &str;

    /// The definition sent in the request's `tools`.
    fn definition(&self) -> Tool;

    /// Runs the tool with the arguments text the model wrote (JSON; may be `""`).
    ///
    /// Return `Err` for arguments that do not fit ([`ToolErrorKind::InvalidArguments`]) or a
    /// failure ([`ToolErrorKind::Failed`]); return `Ok` with [`ToolResult::error`] when the
    /// tool itself produced an error report meant for the model.
    fn call<'a>(&'a self, arguments: &'a str) -> ToolFuture<'a>;
}

impl<T: DynTool + ?Sized> DynTool for Arc<T> {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn definition(&self) -> Tool {
        (**self).definition()
    }

    fn call<'a>(&'a self, arguments: &'a str) -> ToolFuture<'a> {
        (**self).call(arguments)
    }
}

impl<T: DynTool + ?Sized> DynTool for Box<T> {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn definition(&self) -> Tool {
        (**self).definition()
    }

    fn call<'a>(&'a self, arguments: &'a str) -> ToolFuture<'a> {
        (**self).call(arguments)
    }
}
