//! [`OutputSchema`]: the schema a structured answer must follow, and how it goes on the wire.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::decode;
use super::error::StructuredError;
use crate::schema::{is_object_schema, schema_name, strict_schema, wrap_in_object};
use crate::types::chat::{JsonSchemaFormat, ResponseFormat};
use crate::types::responses::{ResponsesJsonSchema, ResponsesTextFormat};

/// The property a non-object root is wrapped in: providers accept only an object at the
/// root of a response schema.
pub const WRAPPER_PROPERTY: &str = "value";

/// A named JSON Schema for structured output: `response_format` on chat, `text.format` on
/// the Responses API.
///
/// Build it from a type with [`OutputSchema::of`], or by hand with [`OutputSchema::new`]
/// (e.g. a schema loaded at run time, decoded into `serde_json::Value`). A root that is not
/// an object (a list, a number, an enum with data) is wrapped in
/// `{"value": ...}` because providers refuse other roots; [`OutputSchema::decode`] unwraps it.
///
/// ```
/// use openrouter::schema::schemars::JsonSchema;
/// use openrouter::structured::OutputSchema;
///
/// #[derive(serde::Deserialize, JsonSchema)]
/// struct City {
///     name: String,
/// }
///
/// let schema = OutputSchema::of::<City>();
/// assert_eq!(schema.name, "City");
/// assert!(schema.strict);
/// let city: City = schema.decode(r#"{"name": "Lyon"}"#)?;
/// assert_eq!(city.name, "Lyon");
///
/// let list = OutputSchema::of::<Vec<City>>();
/// assert_eq!(list.schema["required"], serde_json::json!(["value"]));
/// let cities: Vec<City> = list.decode(r#"{"value": [{"name": "Lyon"}]}"#)?;
/// assert_eq!(cities.len(), 1);
/// # Ok::<(), openrouter::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OutputSchema {
    /// The schema's name, `[A-Za-z0-9_-]` and at most 64 characters.
    pub name: String,
    /// What the output is, for the model.
    pub description: Option<String>,
    /// The JSON Schema sent; its root is always an object.
    pub schema: Value,
    /// Ask the provider to follow the schema exactly (`strict: true`).
    pub strict: bool,
    /// The property the caller's schema was wrapped in, when its root was not an object.
    wrapped_in: Option<String>,
}

impl OutputSchema {
    /// The strict schema of `T` ([`strict_schema`]), named after the type ([`schema_name`]),
    /// with `strict: true`.
    pub fn of<T: schemars::JsonSchema>() -> Self {
        Self::new(schema_name::<T>(), strict_schema::<T>())
    }

    /// A schema given by hand, sent as it is (wrapped if its root is not an object), with
    /// `strict: true`. For strict providers every object must list all its properties as
    /// required and set `additionalProperties: false`; [`crate::schema::make_strict`]
    /// rewrites a schema that way.
    pub fn new(name: impl Into<String>, schema: Value) -> Self {
        let (schema, wrapped_in) = if is_object_schema(&schema) {
            (schema, None)
        } else {
            (
                wrap_in_object(WRAPPER_PROPERTY, schema),
                Some(WRAPPER_PROPERTY.to_owned()),
            )
        };
        Self {
            name: name.into(),
            description: None,
            schema,
            strict: true,
            wrapped_in,
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets `strict` (on by default). Without it a provider may treat the schema as a hint.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The property the schema was wrapped in, when its root was not an object.
    pub fn wrapped_in(&self) -> Option<&str> {
        self.wrapped_in.as_deref()
    }

    /// The chat `response_format` that asks for this schema.
    pub fn response_format(&self) -> ResponseFormat {
        let mut format = JsonSchemaFormat::new(self.name.clone())
            .schema(self.schema.clone())
            .strict(self.strict);
        format.description.clone_from(&self.description);
        format.into()
    }

    /// The Responses API `text.format` that asks for this schema.
    pub fn text_format(&self) -> ResponsesTextFormat {
        let mut format = ResponsesTextFormat::json_schema(self.name.clone(), self.schema.clone());
        if let ResponsesTextFormat::JsonSchema(ResponsesJsonSchema {
            description,
            strict,
            ..
        }) = &mut format
        {
            description.clone_from(&self.description);
            *strict = Some(self.strict);
        }
        format
    }

    /// Decodes a model's output text into `T`, unwrapping a wrapped root. Whitespace and a
    /// Markdown code fence around the JSON (which models without strict support add) are
    /// ignored.
    ///
    /// # Errors
    /// [`Error::Structured`](crate::Error::Structured) of kind `NoContent` for empty text,
    /// `InvalidJson` for text that is not JSON, `Mismatch` (with the JSON path) for JSON that
    /// is not a `T`.
    pub fn decode<T: DeserializeOwned>(&self, text: &str) -> crate::Result<T> {
        decode::decode(self, text).map_err(|kind| StructuredError::new(kind, self, text).into())
    }
}
