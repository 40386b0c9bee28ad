//! What can go wrong between a model's answer and a typed value.

use std::fmt;

use super::OutputSchema;

/// How much of the model's output an error message quotes (the whole text stays in
/// [`StructuredError::raw`]).
const QUOTE_CHARS: usize = 200;

/// Why a structured answer could not be turned into the requested type.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StructuredErrorKind {
    /// The model declined to answer (`message.refusal`, or a `refusal` content part); the
    /// text is its explanation.
    Refusal(String),
    /// The answer had no text at all.
    NoContent {
        /// Why generation stopped, as the server said (e.g. `tool_calls`, `content_filter`).
        finish_reason: Option<String>,
    },
    /// Generation hit the token limit before the JSON was complete; [`StructuredError::raw`]
    /// holds the partial text.
    Truncated,
    /// The text is not valid JSON.
    InvalidJson {
        /// What the JSON parser said.
        message: String,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
    },
    /// The text is valid JSON but not a value of the requested type.
    Mismatch {
        /// Where in the JSON the value did not fit, e.g. `cities[2].population`.
        path: String,
        /// What did not fit there.
        message: String,
    },
}

/// A structured answer that could not be turned into the requested type. Keeps the model's
/// whole output in [`raw`](Self::raw), so nothing the server sent is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StructuredError {
    /// What went wrong.
    pub kind: StructuredErrorKind,
    /// The name of the schema the output had to follow.
    pub schema_name: String,
    /// The model's output text as received (partial when truncated; empty when none).
    pub raw: String,
    /// The model that answered, when known.
    pub model: Option<String>,
    /// The generation id, to look the answer up with `/generation`.
    pub generation_id: Option<String>,
}

impl StructuredError {
    pub(crate) fn new(kind: StructuredErrorKind, schema: &OutputSchema, raw: &str) -> Self {
        Self {
            kind,
            schema_name: schema.name.clone(),
            raw: raw.to_owned(),
            model: None,
            generation_id: None,
        }
    }

    pub(crate) fn answered_by(mut self, model: &str, generation_id: &str) -> Self {
        self.model = Some(model.to_owned()).filter(|m| !m.is_empty());
        self.generation_id = Some(generation_id.to_owned()).filter(|id| !id.is_empty());
        self
    }

    /// Whether the model refused.
    pub fn is_refusal(&self) -> bool {
        matches!(self.kind, StructuredErrorKind::Refusal(_))
    }

    /// The JSON path of a mismatch.
    pub fn path(&self) -> Option<&str> {
        match &self.kind {
            StructuredErrorKind::Mismatch { path, .. } => Some(path),
            _ => None,
        }
    }

    fn quote(&self) -> String {
        let mut quoted: String = self.raw.chars().take(QUOTE_CHARS).collect();
        if quoted.len() < self.raw.len() {
            quoted.push('…');
        }
        quoted
    }
}

impl fmt::Display for StructuredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.schema_name;
        let by = self
            .model
            .as_deref()
            .map_or_else(String::new, |model| format!(" `{model}`"));
        match &self.kind {
            StructuredErrorKind::Refusal(reason) => write!(
                f,
                "the model{by} refused to produce `{name}`: {reason}; rephrase the request or \
                 try another model"
            ),
            StructuredErrorKind::NoContent { finish_reason } => {
                write!(f, "the model{by} returned no text for `{name}`")?;
                if let Some(reason) = finish_reason {
                    write!(f, " (finish reason `{reason}`)")?;
                }
                f.write_str(
                    "; use a model that supports structured outputs, and do not force a tool call",
                )
            }
            StructuredErrorKind::Truncated => write!(
                f,
                "the model{by} hit the token limit before finishing `{name}` ({} characters \
                 received: {:?}); raise `max_tokens` / `max_output_tokens` or ask for less",
                self.raw.chars().count(),
                self.quote()
            ),
            StructuredErrorKind::InvalidJson {
                message,
                line,
                column,
            } => write!(
                f,
                "the model{by} did not answer `{name}` with valid JSON ({message} at line {line} \
                 column {column}); output: {:?}; use a model that supports structured outputs \
                 or retry",
                self.quote()
            ),
            StructuredErrorKind::Mismatch { path, message } => write!(
                f,
                "the JSON the model{by} wrote does not match `{name}` at `{path}`: {message}; \
                 output: {:?}; use a model that supports strict structured outputs, or make the type \
                 more lenient (e.g. `Option`, `#[serde(default)]`)",
                self.quote()
            ),
        }
    }
}

impl std::error::Error for StructuredError {}

impl From<StructuredError> for crate::Error {
    fn from(error: StructuredError) -> Self {
        crate::Error::Structured(Box::new(error))
    }
}
