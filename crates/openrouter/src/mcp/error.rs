//! What can go wrong when listing or calling MCP tools.

use std::fmt;

use rmcp::model::ErrorCode;
use rmcp::{ErrorData, ServiceError};

/// Why an MCP operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum McpErrorKind {
    /// Talking to the server failed: the connection closed, a request timed out, or the
    /// server answered with something other than what was asked for.
    Protocol,
    /// No tool of that name was loaded.
    UnknownTool,
    /// The arguments were not a JSON object, or the server refused them (JSON-RPC
    /// `invalid params`).
    InvalidArguments,
    /// The server answered the call with a JSON-RPC error: the tool could not run. A tool that
    /// ran and reported a failure is not an error but an [`McpOutput`](super::McpOutput) with
    /// `is_error` set.
    ToolFailed,
    /// Two tools would be offered to the model under the same name.
    NameClash,
}

impl McpErrorKind {
    fn describe(self) -> &'static str {
        match self {
            Self::Protocol => "MCP protocol error",
            Self::UnknownTool => "unknown MCP tool",
            Self::InvalidArguments => "invalid MCP tool arguments",
            Self::ToolFailed => "MCP tool failed",
            Self::NameClash => "MCP tool name clash",
        }
    }
}

/// An MCP tool could not be listed or called.
///
/// The message says what went wrong and, where it can, what to do; [`McpError::rpc_error`]
/// gives the JSON-RPC error the server answered with, code and data included.
///
/// A failed connection is kept as its message, not as the `rmcp` error value: that value
/// holds a boxed transport error, which would cost [`crate::Error`] its `UnwindSafe` and
/// this type its `Clone`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct McpError {
    kind: McpErrorKind,
    tool: Option<String>,
    message: String,
    rpc: Option<ErrorData>,
}

impl McpError {
    pub(crate) fn new(kind: McpErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            tool: None,
            message: message.into(),
            rpc: None,
        }
    }

    pub(crate) fn for_tool(mut self, tool: impl Into<String>) -> Self {
        self.tool = Some(tool.into());
        self
    }

    /// A failed `tools/list`: whatever the server said, the tools cannot be had.
    pub(crate) fn listing(error: ServiceError) -> Self {
        let message = match &error {
            ServiceError::McpError(data) => format!(
                "the server answered tools/list with error {}: {}",
                data.code.0, data.message
            ),
            other => format!("tools/list failed: {}", connection_trouble(other)),
        };
        Self::with_rpc(McpErrorKind::Protocol, message, error)
    }

    /// A failed `tools/call`, classified by what the server said.
    pub(crate) fn calling(error: ServiceError) -> Self {
        let (kind, message) = match &error {
            ServiceError::McpError(data) if data.code == ErrorCode::INVALID_PARAMS => (
                McpErrorKind::InvalidArguments,
                format!(
                    "the server refused the arguments: {}; send a JSON object that matches \
                     the tool's input schema",
                    data.message
                ),
            ),
            ServiceError::McpError(data) => (
                McpErrorKind::ToolFailed,
                format!(
                    "the server answered tools/call with error {}: {}",
                    data.code.0, data.message
                ),
            ),
            other => (
                McpErrorKind::Protocol,
                format!("tools/call failed: {}", connection_trouble(other)),
            ),
        };
        Self::with_rpc(kind, message, error)
    }

    fn with_rpc(kind: McpErrorKind, message: String, error: ServiceError) -> Self {
        let rpc = match error {
            ServiceError::McpError(data) => Some(data),
            _ => None,
        };
        Self {
            kind,
            tool: None,
            message,
            rpc,
        }
    }

    /// Why it failed.
    pub fn kind(&self) -> McpErrorKind {
        self.kind
    }

    /// The tool concerned, by the name the model sees, if the error is about one tool.
    pub fn tool(&self) -> Option<&str> {
        self.tool.as_deref()
    }

    /// What went wrong, without the kind and the tool name.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The JSON-RPC error the server answered with, if it answered with one.
    pub fn rpc_error(&self) -> Option<&ErrorData> {
        self.rpc.as_ref()
    }
}

/// What went wrong on the way to the server, with what to do when the cause is ours.
fn connection_trouble(error: &ServiceError) -> String {
    match error {
        ServiceError::TransportClosed => "the connection to the MCP server is closed; keep the \
            rmcp client running while its tools are in use"
            .to_owned(),
        other => other.to_string(),
    }
}

impl fmt::Display for McpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.describe())?;
        if let Some(tool) = &self.tool {
            write!(f, " (tool `{tool}`)")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for McpError {}

impl From<McpError> for crate::Error {
    fn from(error: McpError) -> Self {
        crate::Error::Mcp(Box::new(error))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn invalid_params_are_invalid_arguments() {
        let error = McpError::calling(ServiceError::McpError(ErrorData::invalid_params(
            "missing field `a`",
            None,
        )))
        .for_tool("add");
        assert_eq!(error.kind(), McpErrorKind::InvalidArguments);
        assert_eq!(error.tool(), Some("add"));
        assert_eq!(
            error.to_string(),
            "invalid MCP tool arguments (tool `add`): the server refused the arguments: \
             missing field `a`; send a JSON object that matches the tool's input schema"
        );
    }

    #[test]
    fn other_rpc_errors_are_tool_failures_and_keep_their_data() {
        let data = ErrorData::internal_error("disk full", Some(json!({"free": 0})));
        let error = McpError::calling(ServiceError::McpError(data.clone()));
        assert_eq!(error.kind(), McpErrorKind::ToolFailed);
        assert_eq!(error.rpc_error(), Some(&data));
        assert_eq!(
            error.message(),
            "the server answered tools/call with error -32603: disk full"
        );
    }

    #[test]
    fn transport_failures_are_protocol_errors() {
        let error = McpError::calling(ServiceError::TransportClosed).for_tool("add");
        assert_eq!(error.kind(), McpErrorKind::Protocol);
        assert_eq!(error.rpc_error(), None);
        assert_eq!(
            error.to_string(),
            "MCP protocol error (tool `add`): tools/call failed: the connection to the MCP \
             server is closed; keep the rmcp client running while its tools are in use"
        );
        let error = McpError::listing(ServiceError::UnexpectedResponse);
        assert_eq!(
            error.to_string(),
            "MCP protocol error: tools/list failed: Unexpected response type"
        );
    }

    #[test]
    fn any_error_while_listing_is_a_protocol_error() {
        let data = ErrorData::invalid_params("bad cursor", None);
        let error = McpError::listing(ServiceError::McpError(data.clone()));
        assert_eq!(error.kind(), McpErrorKind::Protocol);
        assert_eq!(error.rpc_error(), Some(&data));
        assert_eq!(
            error.message(),
            "the server answered tools/list with error -32602: bad cursor"
        );
    }

    #[test]
    fn converts_into_the_crate_error() {
        let error: crate::Error = McpError::new(McpErrorKind::UnknownTool, "no tool `x`").into();
        assert!(
            matches!(&error, crate::Error::Mcp(inner) if inner.kind() == McpErrorKind::UnknownTool)
        );
        assert_eq!(error.to_string(), "unknown MCP tool: no tool `x`");
    }
}
