//! What a failed validation reports, and how values and paths are shown in messages.

use std::fmt;

use serde_json::Value;

/// A value that does not satisfy its schema: where, what was expected, what was found.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// JSON path of the offending field, e.g. `messages[2].content`; empty for the body
    /// itself.
    pub path: String,
    /// What the schema asks for there, e.g. `one of system, user` or `string or null`.
    pub expected: String,
    /// What the request had there; `None` when a required field is missing.
    pub found: Option<String>,
}

impl ValidationError {
    pub(crate) fn new(
        path: impl Into<String>,
        expected: impl Into<String>,
        found: Option<String>,
    ) -> Self {
        ValidationError {
            path: path.into(),
            expected: expected.into(),
            found,
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "body"
        } else {
            &self.path
        };
        match &self.found {
            Some(found) => write!(f, "{path}: expected {}; found {found}", self.expected),
            None => write!(
                f,
                "{path}: is required but missing; expected {}",
                self.expected
            ),
        }
    }
}

impl std::error::Error for ValidationError {}

pub(super) type Error = ValidationError;

pub(super) fn err(path: &str, expected: impl Into<String>, found: &Value) -> Error {
    Error::new(path, expected, Some(show(found)))
}

/// `path.name`, or `name` at the top level; odd names are quoted.
pub(super) fn join(path: &str, name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '$' | '@'));
    match (path.is_empty(), plain) {
        (true, true) => name.to_owned(),
        (false, true) => format!("{path}.{name}"),
        (_, false) => format!("{path}[{}]", Value::String(name.to_owned())),
    }
}

pub(super) fn describe_type(ty: &Value) -> String {
    match ty {
        Value::String(t) => t.clone(),
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        other => other.to_string(),
    }
}

/// A schema value as a message shows it: strings bare, everything else as JSON.
pub(super) fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A request value as a message shows it, short.
pub(super) fn show(v: &Value) -> String {
    match v {
        Value::String(s) if s.chars().count() > 60 => {
            let head: String = s.chars().take(57).collect();
            format!(
                "{}... (a string of {} characters)",
                Value::String(head),
                s.chars().count()
            )
        }
        Value::Array(a) => match a.len() {
            1 => "an array of 1 item".to_owned(),
            n => format!("an array of {n} items"),
        },
        Value::Object(_) => "an object".to_owned(),
        other => other.to_string(),
    }
}
