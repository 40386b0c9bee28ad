//! The result of an MCP tool call, in the form a chat model takes it back.

use rmcp::model::{CallToolResult, ContentBlock, ResourceContents};
use serde_json::Value;

/// What an MCP tool returned.
///
/// `text` is what a model reads; the server's full answer (images, audio, resource links,
/// `_meta`) stays in [`McpOutput::result`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct McpOutput {
    /// The text parts of the content, and the text of embedded text resources, joined by
    /// newlines in the order the server sent them.
    pub text: String,
    /// The tool's structured content (`structuredContent`), when it returned some.
    pub structured: Option<Value>,
    /// Whether the tool ran and reported a failure. The text then says what went wrong, for
    /// the model to read and adapt to.
    pub is_error: bool,
    /// The server's answer as it came.
    pub result: CallToolResult,
}

impl McpOutput {
    /// The output of a call that ended with this result.
    pub fn new(result: CallToolResult) -> Self {
        let text = result
            .content
            .iter()
            .filter_map(content_text)
            .collect::<Vec<_>>()
            .join("\n");
        Self {
            text,
            structured: result.structured_content.clone(),
            is_error: result.is_error.unwrap_or(false),
            result,
        }
    }

    /// The content to send back to the model as the tool message: the text, or the structured
    /// content as JSON when the tool returned no text.
    pub fn to_model_text(&self) -> String {
        match &self.structured {
            Some(structured) if self.text.is_empty() => structured.to_string(),
            _ => self.text.clone(),
        }
    }
}

fn content_text(content: &ContentBlock) -> Option<&str> {
    match content {
        ContentBlock::Text(text) => Some(&text.text),
        ContentBlock::Resource(embedded) => match &embedded.resource {
            ResourceContents::TextResourceContents { text, .. } => Some(text),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn text_parts_are_joined_in_order() {
        let output = McpOutput::new(CallToolResult::success(vec![
            ContentBlock::text("first"),
            ContentBlock::image("aGk=", "image/png"),
            ContentBlock::embedded_text("file:///notes.txt", "second"),
            ContentBlock::resource(ResourceContents::BlobResourceContents {
                uri: "file:///a.bin".to_owned(),
                mime_type: None,
                blob: "AA==".to_owned(),
                meta: None,
            }),
            ContentBlock::text("third"),
        ]));
        assert_eq!(output.text, "first\nsecond\nthird");
        assert!(!output.is_error);
        assert_eq!(output.structured, None);
        // The parts without text are still there.
        assert_eq!(output.result.content.len(), 5);
    }

    #[test]
    fn errors_and_structured_content_are_kept() {
        let output = McpOutput::new(CallToolResult::structured_error(json!({"code": 7})));
        assert!(output.is_error);
        assert_eq!(output.structured, Some(json!({"code": 7})));
        assert_eq!(output.text, r#"{"code":7}"#);
    }

    #[test]
    fn the_model_gets_structured_content_when_there_is_no_text() {
        let mut result = CallToolResult::success(Vec::new());
        result.structured_content = Some(json!({"sum": 3}));
        let output = McpOutput::new(result);
        assert_eq!(output.text, "");
        assert_eq!(output.to_model_text(), r#"{"sum":3}"#);

        let output = McpOutput::new(CallToolResult::success(vec![ContentBlock::text("3")]));
        assert_eq!(output.to_model_text(), "3");
    }
}
