//! MCP tools as [`DynTool`]s, so that a [`Toolbox`] and the agent loop run them like any
//! other tool.

use super::error::{McpError, McpErrorKind};
use super::set::McpTools;
use super::tool::McpTool;
use crate::tools::{DynTool, ToolError, ToolFuture, ToolResult, Toolbox};
use crate::types::chat::Tool;

impl DynTool for McpTool {
    fn name(&self) -> &str {
        McpTool::name(self)
    }

    fn definition(&self) -> Tool {
        McpTool::definition(self).clone()
    }

    /// A tool that ran and reported a failure gives an error result with the tool's own
    /// text, which the model reads as it is; a call that could not run gives a [`ToolError`].
    fn call<'a>(&'a self, arguments: &'a str) -> ToolFuture<'a> {
        Box::pin(async move {
            let output = McpTool::call(self, arguments).await?;
            let content = output.to_model_text();
            Ok(if output.is_error {
                ToolResult::error(content)
            } else {
                ToolResult::ok(content)
            })
        })
    }
}

impl From<McpError> for ToolError {
    /// Bad arguments and unknown tools keep their kind, so the model is told to correct its
    /// call; everything else is a failure of the tool. The message leaves out the tool's name,
    /// which the call already carries.
    fn from(error: McpError) -> Self {
        let message = error.message().to_owned();
        match error.kind() {
            McpErrorKind::InvalidArguments => ToolError::invalid_arguments(message),
            McpErrorKind::UnknownTool => ToolError::unknown_tool(message),
            _ => ToolError::failed(message),
        }
    }
}

impl McpTools {
    /// A [`Toolbox`] holding these tools, for the agent loop or to add Rust tools to.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when the toolbox refuses a
    /// tool (see [`Toolbox::add`]).
    pub fn toolbox(&self) -> crate::Result<Toolbox> {
        let mut toolbox = Toolbox::new();
        for tool in self {
            toolbox.add(tool.clone())?;
        }
        Ok(toolbox)
    }
}
