//! [`TypedTool`]: a tool built from an arguments type and an async handler.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{DynTool, ToolError, ToolFuture, ToolResult};
use crate::types::chat::{FunctionDefinition, FunctionTool, Tool};

/// Arguments of a tool that takes none: `TypedTool::new("now", "...", |_: NoArgs| ...)`.
///
/// Its schema is an empty object, which every provider accepts (a unit type `()` would
/// derive a `null` schema, which they refuse).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NoArgs {}

/// A tool made of an arguments type `A` and an async handler.
///
/// The parameter schema is derived from `A` with [`strict_schema`](crate::schema::strict_schema)
/// (doc comments on `A` and its fields become descriptions the model reads). Before the
/// handler runs, the arguments text is decoded with [`parse_arguments`]: `""`, whitespace or
/// `null` count as `{}`, and arguments that do not fit become a
/// [`ToolErrorKind::InvalidArguments`](super::ToolErrorKind::InvalidArguments) error naming
/// the JSON path. The handler returns `Ok` with any `Serialize` value (a string is sent as
/// it is, anything else as JSON) or `Err` with anything `Display`, which becomes a
/// [`ToolErrorKind::Failed`](super::ToolErrorKind::Failed) error carrying that text.
///
/// ```
/// use openrouter::tools::{NoArgs, TypedTool};
///
/// let clock = TypedTool::new("utc_now", "The current UTC time", |_: NoArgs| async {
///     Ok::<_, String>(serde_json::json!({"utc": "2025-01-01T00:00:00Z"}))
/// });
/// ```
pub struct TypedTool<A, F> {
    name: String,
    description: String,
    parameters: Value,
    strict: Option<bool>,
    handler: F,
    // `fn(A)`: the tool consumes arguments but holds none, so it is Send + Sync whatever A is.
    _args: PhantomData<fn(A)>,
}

impl<A, F, Fut, R, E> TypedTool<A, F>
where
    A: JsonSchema + DeserializeOwned,
    F: Fn(A) -> Fut + Send + Sync,
    Fut: Future<Output = Result<R, E>> + Send,
    R: Serialize,
    E: fmt::Display,
{
    /// A tool named `name` (`a-z A-Z 0-9 _ -`, at most 64 characters) that the model reads
    /// about in `description`, running `handler` on decoded arguments.
    pub fn new(name: impl Into<String>, description: impl Into<String>, handler: F) -> Self {
        Self {
            name: name.into(),
            description: description.into(),
            parameters: crate::schema::strict_schema::<A>(),
            strict: None,
            handler,
            _args: PhantomData,
        }
    }
}

impl<A, F> TypedTool<A, F> {
    /// Asks providers that support it to follow the schema exactly (`strict: true`). The
    /// derived schema is already in the strict subset, so this is safe to turn on.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = Some(strict);
        self
    }

    /// The JSON Schema of the arguments, as sent in the definition.
    pub fn parameters(&self) -> &Value {
        &self.parameters
    }
}

impl<A, F> fmt::Debug for TypedTool<A, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedTool")
            .field("name", &self.name)
            .field("description", &self.description)
            .field("parameters", &self.parameters)
            .field("strict", &self.strict)
            .finish_non_exhaustive()
    }
}

impl<A, F, Fut, R, E> DynTool for TypedTool<A, F>
where
    A: JsonSchema + DeserializeOwned + Send,
    F: Fn(A) -> Fut + Send + Sync,
    Fut: Future<Output = Result<R, E>> + Send,
    R: Serialize,
    E: fmt::Display,
{
    fn name(&self) -> &str {
        &self.name
    }

    fn definition(&self) -> Tool {
        let mut function = FunctionDefinition::new(self.name.clone())
            .description(self.description.clone())
            .parameters(self.parameters.clone());
        function.strict = self.strict;
        Tool::Function(FunctionTool::new(function))
    }

    fn call<'a>(&'a self, arguments: &'a str) -> ToolFuture<'a> {
        Box::pin(async move {
            let args: A = parse_arguments(arguments)?;
            match (self.handler)(args).await {
                Ok(output) => render(&output),
                Err(error) => Err(ToolError::failed(error.to_string())),
            }
        })
    }
}

/// Decodes the arguments text a model wrote into `A`.
///
/// `""`, whitespace and `null` mean "no arguments" and decode as `{}` (models send them for
/// tools without parameters).
///
/// # Errors
/// [`ToolErrorKind::InvalidArguments`](super::ToolErrorKind::InvalidArguments) with a message
/// naming the JSON path of the problem and asking for arguments that match the schema.
pub fn parse_arguments<A: DeserializeOwned>(arguments: &str) -> Result<A, ToolError> {
    let text = arguments.trim();
    let text = if text.is_empty() || text == "null" {
        "{}"
    } else {
        text
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let decoded = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| (error.path().to_string(), error.into_inner()))
        .and_then(|value| match deserializer.end() {
            Ok(()) => Ok(value),
            Err(error) => Err((String::new(), error)),
        });
    decoded.map_err(|(path, inner)| {
        let problem = if inner.is_syntax() || inner.is_eof() {
            format!("the arguments are not valid JSON ({inner})")
        } else if path.is_empty() || path == "." {
            format!("the arguments do not match the tool's schema: {inner}")
        } else {
            format!("the arguments do not match the tool's schema at `{path}`: {inner}")
        };
        ToolError::invalid_arguments(format!(
            "{problem}. Call the tool again with a JSON object that matches its parameters."
        ))
    })
}

/// The text the model reads for a handler's output: a string as it is, anything else as JSON.
fn render<R: Serialize>(output: &R) -> Result<ToolResult, ToolError> {
    match serde_json::to_value(output) {
        Ok(Value::String(text)) => Ok(ToolResult::ok(text)),
        Ok(value) => Ok(ToolResult::ok(value.to_string())),
        Err(error) => Err(ToolError::failed(format!(
            "the tool's output could not be encoded as JSON: {error}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, JsonSchema, PartialEq)]
    struct Args {
        city: String,
        days: Option<u32>,
    }

    #[test]
    fn blank_and_null_arguments_decode_as_an_empty_object() {
        for text in ["", "   ", "\n", "null", "{}"] {
            let args: NoArgs = parse_arguments(text).unwrap();
            assert_eq!(args, NoArgs {});
        }
    }

    #[test]
    fn a_type_mismatch_names_its_path() {
        let error = parse_arguments::<Args>(r#"{"city": 3}"#).unwrap_err();
        assert!(error.message.contains("at `city`"), "{error}");
        assert!(error.message.contains("expected a string"), "{error}");
        let missing = parse_arguments::<Args>("{}").unwrap_err();
        assert!(
            missing.message.contains("missing field `city`"),
            "{missing}"
        );
    }

    #[test]
    fn text_that_is_not_json_says_so() {
        let error = parse_arguments::<Args>(r#"{"city": "Par"#).unwrap_err();
        assert!(error.message.contains("not valid JSON"), "{error}");
        let trailing = parse_arguments::<Args>(r#"{"city": "Paris"} x"#).unwrap_err();
        assert!(trailing.message.contains("not valid JSON"), "{trailing}");
    }

    #[test]
    fn strings_are_sent_as_they_are_and_values_as_json() {
        assert_eq!(render(&"plain").unwrap().content, "plain");
        assert_eq!(
            render(&serde_json::json!({"a": 1})).unwrap().content,
            r#"{"a":1}"#
        );
        assert_eq!(render(&42).unwrap().content, "42");
    }

    #[test]
    fn no_args_has_an_object_schema() {
        let schema = crate::schema::strict_schema::<NoArgs>();
        assert!(crate::schema::is_object_schema(&schema), "{schema}");
    }
}
