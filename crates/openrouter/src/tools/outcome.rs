//! What a tool call produced: a result for the model, or an error saying what went wrong.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a tool result reports success or an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ToolStatus {
    /// The tool did its job; the content is its output.
    Ok,
    /// The content explains an error (a failed call, bad arguments, a denied call ...).
    Error,
}

/// The outcome of one tool call, as the model will read it in a `tool` message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolResult {
    /// The text sent back to the model.
    pub content: String,
    /// Success or error.
    pub status: ToolStatus,
    /// Which kind of [`ToolError`] this result reports, when it came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_kind: Option<ToolErrorKind>,
}

impl ToolResult {
    /// A successful result.
    pub fn ok(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            status: ToolStatus::Ok,
            error_kind: None,
        }
    }

    /// An error report produced by the tool itself, for the model to read.
    pub fn error(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            status: ToolStatus::Error,
            error_kind: None,
        }
    }

    /// Whether this result reports an error.
    pub fn is_error(&self) -> bool {
        self.status == ToolStatus::Error
    }
}

/// Why a tool call produced no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ToolErrorKind {
    /// The arguments the model wrote do not fit the tool's schema.
    InvalidArguments,
    /// The tool ran and failed.
    Failed,
    /// The call was not approved, so the tool did not run.
    Denied,
    /// The model called a tool that does not exist.
    UnknownTool,
}

impl ToolErrorKind {
    fn label(self) -> &'static str {
        match self {
            Self::InvalidArguments => "invalid arguments",
            Self::Failed => "tool failed",
            Self::Denied => "call denied",
            Self::UnknownTool => "unknown tool",
        }
    }
}

impl fmt::Display for ToolErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A tool call that produced no result: what kind of failure, and a message that says what
/// was wrong (written for the model as much as for a log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolError {
    /// What kind of failure.
    pub kind: ToolErrorKind,
    /// What went wrong and, where it helps, what to do instead.
    pub message: String,
}

impl ToolError {
    /// An error of this kind.
    pub fn new(kind: ToolErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// The arguments do not fit the tool.
    pub fn invalid_arguments(message: impl Into<String>) -> Self {
        Self::new(ToolErrorKind::InvalidArguments, message)
    }

    /// The tool ran and failed.
    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(ToolErrorKind::Failed, message)
    }

    /// The call was not approved.
    pub fn denied(message: impl Into<String>) -> Self {
        Self::new(ToolErrorKind::Denied, message)
    }

    /// The model called a tool that does not exist.
    pub fn unknown_tool(message: impl Into<String>) -> Self {
        Self::new(ToolErrorKind::UnknownTool, message)
    }

    /// The tool message the model reads for this error: an error result whose text names the
    /// kind of failure and carries the message, so the model can correct its call or move on.
    pub fn to_result(&self) -> ToolResult {
        let content = match self.kind {
            ToolErrorKind::Denied => format!(
                "Error: this call was not approved and did not run: {}. \
                 Do not repeat it; continue without it.",
                self.message
            ),
            kind => format!("Error ({kind}): {}", self.message),
        };
        ToolResult {
            content,
            status: ToolStatus::Error,
            error_kind: Some(self.kind),
        }
    }
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for ToolError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_becomes_an_error_result_that_names_its_kind() {
        let result = ToolError::invalid_arguments("missing field `city`").to_result();
        assert_eq!(result.status, ToolStatus::Error);
        assert_eq!(result.error_kind, Some(ToolErrorKind::InvalidArguments));
        assert_eq!(
            result.content,
            "Error (invalid arguments): missing field `city`"
        );
        let denied = ToolError::denied("not allowed on weekends").to_result();
        assert!(
            denied.content.contains("not approved"),
            "{}",
            denied.content
        );
        assert!(denied.content.contains("not allowed on weekends"));
    }

    #[test]
    fn results_round_trip_through_json() {
        let result = ToolError::failed("disk full").to_result();
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(json["status"], "error");
        assert_eq!(json["error_kind"], "failed");
        let back: ToolResult = serde_json::from_value(json).unwrap();
        assert_eq!(back, result);
        let ok = serde_json::to_value(ToolResult::ok("42")).unwrap();
        assert!(ok.get("error_kind").is_none());
    }
}
