//! Tools of [MCP](https://modelcontextprotocol.io) servers as OpenRouter chat tools (feature
//! `mcp`).
//!
//! An MCP server publishes tools with a name, a description and a JSON Schema for their
//! arguments; a chat model calls tools described the same way. [`McpTools`] lists a server's
//! tools through an [`rmcp`] client, turns each one into a [`Tool`](crate::types::chat::Tool)
//! for [`ChatRequest::tools`](crate::types::chat::ChatRequest::tools), and runs the calls the
//! model makes on that server.
//!
//! The connection is the caller's: start an `rmcp` client over any transport (stdio of a child
//! process, streamable HTTP, an in-process pipe) with the `rmcp` features that transport needs,
//! and hand its [`Peer`](rmcp::Peer) to [`McpTools::load`]. Keep the client running for as long
//! as the tools are used; calls made after it stopped fail with [`McpErrorKind::Protocol`].
//! The list is a snapshot: load again when the server announces that its tools changed. A call
//! has no time limit of its own; dropping its future (e.g. in `tokio::time::timeout`) cancels
//! it on the server.
//!
//! ```no_run
//! use openrouter::mcp::rmcp::{RoleClient, Service};
//! use openrouter::mcp::{rmcp, McpTools};
//! use openrouter::types::chat::{ChatRequest, Message};
//!
//! # async fn run<S: Service<RoleClient>>(
//! #     client: openrouter::Client,
//! #     weather: rmcp::service::RunningService<RoleClient, S>,
//! #     files: rmcp::service::RunningService<RoleClient, S>,
//! # ) -> Result<(), Box<dyn std::error::Error>> {
//! // Two servers may both have a `search` tool: prefixes keep the names apart.
//! let tools = McpTools::load_prefixed("weather_", &weather)
//!     .await?
//!     .merge(McpTools::load_prefixed("files_", &files).await?)?;
//!
//! let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Weather in Oslo?")])
//!     .tools(tools.definitions());
//! let result = client.chat().create(&request).await?;
//! for call in result.tool_calls() {
//!     let output = tools.call(&call.function.name, &call.function.arguments).await?;
//!     // `output.is_error` tells a failed tool run; its text explains why, for the model.
//!     println!("{}: {}", call.function.name, output.to_model_text());
//! }
//! # Ok(()) }
//! ```
//!
//! # In a toolbox
//!
//! [`McpTool`] implements [`DynTool`](crate::tools::DynTool), so MCP tools sit in a
//! [`Toolbox`](crate::tools::Toolbox) next to tools written in Rust ([`McpTools::toolbox`], or
//! [`Toolbox::add`](crate::tools::Toolbox::add) for each tool) and an
//! [`Agent`](crate::agent::Agent) runs them like any other
//! (`Agent::new(&client, model).tools(&mcp.toolbox()?)`). A tool that ran and reported a failure becomes an error result carrying the
//! tool's own text; a call that could not run becomes a
//! [`ToolError`](crate::tools::ToolError) (bad arguments and unknown tools keep their kind).
//!
//! # Names
//!
//! Chat APIs accept tool names of at most 64 characters from `A-Z a-z 0-9 _ -`, and MCP allows
//! more (dots, slashes, 128 characters). The name the model sees is the prefix and the MCP
//! name with every other character replaced by `_`, cut to 64 characters; the MCP name is kept
//! ([`McpTool::mcp_name`]) and used for the call. Two tools that end up with the same name are
//! an error ([`McpErrorKind::NameClash`]) rather than one silently hiding the other.

mod convert;
mod dyn_tool;
mod error;
mod output;
mod set;
mod tool;

/// The MCP client crate this module is built on, re-exported so that the connection you hand
/// to [`McpTools::load`] comes from the same version.
pub use rmcp;

pub use error::{McpError, McpErrorKind};
pub use output::McpOutput;
pub use set::McpTools;
pub use tool::McpTool;
