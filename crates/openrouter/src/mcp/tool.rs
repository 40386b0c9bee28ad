//! One MCP tool: its chat definition and the server that runs it.

use rmcp::model::{CallToolRequestParams, JsonObject, Tool as McpDefinition};
use rmcp::{Peer, RoleClient};
use serde_json::Value;

use super::convert::{api_name, chat_tool};
use super::error::{McpError, McpErrorKind};
use super::output::McpOutput;
use crate::types::chat::Tool;

/// A tool of an MCP server, ready to offer to a model and to call.
///
/// Cloning is cheap: clones share the connection to the server.
#[derive(Debug, Clone)]
pub struct McpTool {
    name: String,
    definition: Tool,
    mcp: McpDefinition,
    peer: Peer<RoleClient>,
}

impl McpTool {
    /// The tool `mcp` of the server behind `peer`, named for the model with `prefix` (see
    /// the [module docs](super#names)).
    pub fn new(prefix: &str, mcp: McpDefinition, peer: Peer<RoleClient>) -> Self {
        let name = api_name(prefix, &mcp.name);
        let definition = chat_tool(&name, &mcp);
        Self {
            name,
            definition,
            mcp,
            peer,
        }
    }

    /// The name the model sees and calls.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The name on the MCP server.
    pub fn mcp_name(&self) -> &str {
        &self.mcp.name
    }

    /// The chat tool to put in a request's `tools`.
    pub fn definition(&self) -> &Tool {
        &self.definition
    }

    /// The definition as the server sent it: title, output schema, annotations, icons and
    /// `_meta` included.
    pub fn mcp_definition(&self) -> &McpDefinition {
        &self.mcp
    }

    /// The connection to the server that runs the tool.
    pub fn peer(&self) -> &Peer<RoleClient> {
        &self.peer
    }

    /// Runs the tool with the arguments the model wrote (JSON text of an object; empty or
    /// `null` means no arguments). Dropping the future cancels the call on the server.
    ///
    /// # Errors
    /// [`McpErrorKind::InvalidArguments`] when the arguments are not a JSON object or the
    /// server refuses them, [`McpErrorKind::ToolFailed`] when the server answers with a
    /// JSON-RPC error, [`McpErrorKind::Protocol`] when the connection fails. A tool that ran
    /// and failed is not an error: its output has `is_error` set.
    pub async fn call(&self, arguments: &str) -> Result<McpOutput, McpError> {
        let arguments = parse_arguments(arguments).map_err(|e| e.for_tool(&self.name))?;
        self.call_object(arguments).await
    }

    /// Runs the tool with arguments already decoded into a JSON object.
    ///
    /// # Errors
    /// As [`McpTool::call`].
    pub async fn call_object(&self, arguments: JsonObject) -> Result<McpOutput, McpError> {
        let params = CallToolRequestParams::new(self.mcp.name.clone()).with_arguments(arguments);
        let result = self
            .peer
            .call_tool(params)
            .await
            .map_err(|e| McpError::calling(e).for_tool(&self.name))?;
        Ok(McpOutput::new(result))
    }
}

/// The arguments object of a call. Models write `""` or `null` for a tool without arguments.
fn parse_arguments(arguments: &str) -> Result<JsonObject, McpError> {
    if arguments.trim().is_empty() {
        return Ok(JsonObject::new());
    }
    let invalid = |what: String| {
        McpError::new(
            McpErrorKind::InvalidArguments,
            format!("{what}; send a JSON object that matches the tool's input schema"),
        )
    };
    // The untrimmed text, so that a syntax error's position matches what the model wrote.
    match serde_json::from_str(arguments) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(Value::Null) => Ok(JsonObject::new()),
        Ok(other) => Err(invalid(format!(
            "the arguments are {}, not an object",
            json_kind(&other)
        ))),
        Err(error) => Err(invalid(format!(
            "the arguments are not valid JSON ({error})"
        ))),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn objects_pass_and_empty_arguments_are_an_empty_object() {
        let Value::Object(expected) = json!({"a": 1, "b": [2]}) else {
            unreachable!()
        };
        assert_eq!(
            parse_arguments(r#" {"a": 1, "b": [2]} "#).unwrap(),
            expected
        );
        for empty in ["", "  \n", "null"] {
            assert_eq!(
                parse_arguments(empty).unwrap(),
                JsonObject::new(),
                "{empty:?}"
            );
        }
    }

    #[test]
    fn other_json_is_refused_with_what_it_was() {
        let error = parse_arguments("[1, 2]").unwrap_err();
        assert_eq!(error.kind(), McpErrorKind::InvalidArguments);
        assert_eq!(
            error.message(),
            "the arguments are an array, not an object; send a JSON object that matches the \
             tool's input schema"
        );
        assert!(parse_arguments("7")
            .unwrap_err()
            .message()
            .starts_with("the arguments are a number"));
    }

    #[test]
    fn broken_json_is_refused_with_the_position() {
        let error = parse_arguments(r#"{"a": "#).unwrap_err();
        assert_eq!(error.kind(), McpErrorKind::InvalidArguments);
        assert!(
            error.message().starts_with(
                "the arguments are not valid JSON (EOF while parsing a value at line 1 column 6)"
            ),
            "{}",
            error.message()
        );
    }
}
