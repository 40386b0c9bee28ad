//! An MCP tool definition as a chat tool: the name the model sees and the function
//! definition.

use rmcp::model::Tool as McpDefinition;
use serde_json::Value;

use crate::types::chat::{FunctionDefinition, Tool};

/// The longest tool name chat APIs accept.
pub(crate) const MAX_NAME_LEN: usize = 64;

/// The name the model sees for an MCP tool: `prefix` then the MCP name, with every character
/// outside `A-Z a-z 0-9 _ -` replaced by `_`, cut to [`MAX_NAME_LEN`]. Providers reject other
/// names outright, so a server whose tools use dots or slashes would otherwise be unusable.
pub(crate) fn api_name(prefix: &str, mcp_name: &str) -> String {
    let name: String = prefix
        .chars()
        .chain(mcp_name.chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(MAX_NAME_LEN)
        .collect();
    if name.is_empty() {
        // An empty name is refused by every provider; `_` keeps the tool callable.
        "_".to_owned()
    } else {
        name
    }
}

/// The chat tool for an MCP definition, named `name`.
///
/// The input schema is passed on as it is, keyword for keyword, with one addition: a schema
/// without `type` gets `"type": "object"`. MCP arguments are always an object, and providers
/// refuse function parameters that do not say so (servers send `{}` for tools without
/// arguments). The description falls back to the tool's title when the server gave none.
pub(crate) fn chat_tool(name: &str, definition: &McpDefinition) -> Tool {
    let mut schema = definition.input_schema.as_ref().clone();
    if !schema.contains_key("type") {
        schema.insert("type".to_owned(), Value::String("object".to_owned()));
    }
    let description = definition
        .description
        .as_deref()
        .map(str::to_owned)
        .or_else(|| definition.title.clone())
        .or_else(|| {
            definition
                .annotations
                .as_ref()
                .and_then(|annotations| annotations.title.clone())
        });
    let mut function = FunctionDefinition::new(name).parameters(Value::Object(schema));
    function.description = description;
    function.into()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rmcp::model::ToolAnnotations;
    use serde_json::json;

    use super::*;

    fn definition(name: &'static str, schema: Value) -> McpDefinition {
        let Value::Object(schema) = schema else {
            panic!("test schemas are objects")
        };
        McpDefinition::new(name, "Adds two numbers.", Arc::new(schema))
    }

    fn function(tool: &Tool) -> &FunctionDefinition {
        match tool {
            Tool::Function(tool) => &tool.function,
            other => panic!("expected a function tool, got {other:?}"),
        }
    }

    #[test]
    fn valid_names_pass_unchanged() {
        assert_eq!(api_name("", "add"), "add");
        assert_eq!(api_name("math_", "add-2"), "math_add-2");
    }

    #[test]
    fn other_characters_become_underscores() {
        assert_eq!(api_name("", "files.read/all"), "files_read_all");
        assert_eq!(api_name("my server:", "ünïcode"), "my_server__n_code");
    }

    #[test]
    fn long_names_are_cut_to_the_limit() {
        let long = "a".repeat(100);
        let name = api_name("p_", &long);
        assert_eq!(name.len(), MAX_NAME_LEN);
        assert!(name.starts_with("p_aaa"));
    }

    #[test]
    fn an_empty_name_becomes_underscore() {
        assert_eq!(api_name("", ""), "_");
    }

    #[test]
    fn the_schema_is_kept_keyword_for_keyword() {
        let schema = json!({
            "type": "object",
            "properties": {
                "a": {"type": "number", "description": "first"},
                "b": {"type": "number", "minimum": 0}
            },
            "required": ["a", "b"],
            "additionalProperties": false,
            "$defs": {"unused": {"type": "string"}},
            "x-vendor": [1, 2]
        });
        let tool = chat_tool("add", &definition("add", schema.clone()));
        let function = function(&tool);
        assert_eq!(function.name, "add");
        assert_eq!(function.description.as_deref(), Some("Adds two numbers."));
        assert_eq!(function.parameters.as_ref(), Some(&schema));
        assert_eq!(function.strict, None);
        assert!(function.extra.is_empty());
    }

    #[test]
    fn a_schema_without_type_is_marked_as_object() {
        let tool = chat_tool("now", &definition("now", json!({})));
        assert_eq!(function(&tool).parameters, Some(json!({"type": "object"})));

        let tool = chat_tool(
            "echo",
            &definition("echo", json!({"properties": {"s": {"type": "string"}}})),
        );
        assert_eq!(
            function(&tool).parameters,
            Some(json!({"type": "object", "properties": {"s": {"type": "string"}}}))
        );
    }

    #[test]
    fn the_description_falls_back_to_the_title() {
        let mut mcp = definition("add", json!({"type": "object"}));
        mcp.description = None;
        assert_eq!(function(&chat_tool("add", &mcp)).description, None);

        mcp.annotations = Some(ToolAnnotations::with_title("Annotated adder"));
        assert_eq!(
            function(&chat_tool("add", &mcp)).description.as_deref(),
            Some("Annotated adder")
        );

        mcp.title = Some("Adder".to_owned());
        assert_eq!(
            function(&chat_tool("add", &mcp)).description.as_deref(),
            Some("Adder")
        );
    }

    #[test]
    fn the_definition_serializes_as_a_function_tool() {
        let tool = chat_tool("add", &definition("add", json!({"type": "object"})));
        assert_eq!(
            serde_json::to_value(&tool).unwrap(),
            json!({
                "type": "function",
                "function": {
                    "name": "add",
                    "description": "Adds two numbers.",
                    "parameters": {"type": "object"}
                }
            })
        );
    }
}
