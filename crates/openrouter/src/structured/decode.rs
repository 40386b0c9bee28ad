//! Text to typed value: the one place that tells invalid JSON from a type mismatch.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{StructuredError, StructuredErrorKind};
use super::{OutputSchema, Parsed};

/// What an answer said, read from a chat result or a Responses result.
pub(super) struct Answer {
    /// The output text the value is decoded from.
    pub(super) text: String,
    /// The model's refusal, if it refused.
    pub(super) refusal: Option<String>,
    /// Whether generation stopped at the token limit.
    pub(super) truncated: bool,
    /// Why generation stopped, as the API names it (for a "no content" error).
    pub(super) stop_reason: Option<String>,
}

/// A whole response that names the model and its id, which an error message quotes.
pub(super) trait AnsweredBy {
    fn model_and_id(&self) -> (&str, &str);
}

impl AnsweredBy for crate::types::chat::ChatResult {
    fn model_and_id(&self) -> (&str, &str) {
        (&self.model, &self.id)
    }
}

impl AnsweredBy for crate::types::responses::ResponsesResult {
    fn model_and_id(&self) -> (&str, &str) {
        (&self.model, &self.id)
    }
}

/// Decodes an answer into `T` with `response` kept beside it, telling refusals, missing text
/// and truncation apart from bad JSON.
pub(super) fn parse_answer<T: DeserializeOwned, R: AnsweredBy>(
    schema: &OutputSchema,
    answer: Answer,
    response: R,
) -> crate::Result<Parsed<T, R>> {
    let decoded = match answer.refusal {
        Some(refusal) => Err(StructuredErrorKind::Refusal(refusal)),
        None => decode(schema, &answer.text).map_err(|kind| match kind {
            StructuredErrorKind::NoContent { .. } if !answer.truncated => {
                StructuredErrorKind::NoContent {
                    finish_reason: answer.stop_reason,
                }
            }
            // An answer cut short is seldom valid JSON; say why rather than how it broke.
            _ if answer.truncated => StructuredErrorKind::Truncated,
            other => other,
        }),
    };
    match decoded {
        Ok(value) => Ok(Parsed {
            value,
            response,
            raw: answer.text,
        }),
        Err(kind) => {
            let (model, id) = response.model_and_id();
            Err(StructuredError::new(kind, schema, &answer.text)
                .answered_by(model, id)
                .into())
        }
    }
}

/// Decodes `text` (the model's output) into `T`.
pub(super) fn decode<T: DeserializeOwned>(
    schema: &OutputSchema,
    text: &str,
) -> Result<T, StructuredErrorKind> {
    let json = strip_fence(text.trim());
    if json.is_empty() {
        return Err(StructuredErrorKind::NoContent {
            finish_reason: None,
        });
    }
    let mut value: Value =
        serde_json::from_str(json).map_err(|error| StructuredErrorKind::InvalidJson {
            message: without_position(&error),
            line: error.line(),
            column: error.column(),
        })?;
    // A wrapped root comes back as `{"value": ...}`; a model that ignored the wrapper and
    // wrote the bare value gets the benefit of the doubt, and `T` decides.
    let mut prefix = None;
    if let Some(property) = schema.wrapped_in() {
        if let Some(inner) = value.as_object_mut().and_then(|o| o.remove(property)) {
            value = inner;
            prefix = Some(property);
        }
    }
    serde_path_to_error::deserialize(value).map_err(|error| {
        let inner = error.path().to_string();
        let path = match prefix {
            None => inner,
            Some(property) if inner == "." => property.to_owned(),
            Some(property) if inner.starts_with('[') => format!("{property}{inner}"),
            Some(property) => format!("{property}.{inner}"),
        };
        StructuredErrorKind::Mismatch {
            path,
            message: error.into_inner().to_string(),
        }
    })
}

/// The JSON inside a Markdown code fence (```` ```json ... ``` ````), or the text as it is.
fn strip_fence(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("```") else {
        return text;
    };
    // The opening fence's line may name the language.
    let body = rest.split_once('\n').map_or("", |(_, body)| body);
    body.trim_end().strip_suffix("```").unwrap_or(body).trim()
}

/// serde_json's message without its ` at line L column C` tail: the kind keeps those apart.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Point {
        x: i32,
        tags: Vec<String>,
    }

    fn object() -> OutputSchema {
        OutputSchema::new(
            "Point",
            serde_json::json!({"type": "object", "properties": {}}),
        )
    }

    fn list() -> OutputSchema {
        OutputSchema::new("Points", serde_json::json!({"type": "array"}))
    }

    #[test]
    fn fenced_and_padded_json_decodes() {
        let text = "\n```json\n{\"x\": 1, \"tags\": []}\n```\n";
        let point: Point = decode(&object(), text).unwrap();
        assert_eq!(point.x, 1);
        assert_eq!(strip_fence("```\n[1]```"), "[1]");
        assert_eq!(strip_fence("[1]"), "[1]");
    }

    #[test]
    fn invalid_json_keeps_the_position() {
        let error = decode::<Point>(&object(), "{\"x\": 1,\n \"tags\": [}").unwrap_err();
        let StructuredErrorKind::InvalidJson {
            message,
            line,
            column,
        } = error
        else {
            panic!("{error:?}")
        };
        assert_eq!(line, 2);
        assert!(column > 1, "{column}");
        assert!(!message.contains(" at line "), "{message}");
    }

    #[test]
    fn mismatch_names_the_path_inside_the_wrapper() {
        let error =
            decode::<Vec<Point>>(&list(), r#"{"value": [{"x": 1, "tags": [2]}]}"#).unwrap_err();
        assert_eq!(
            error,
            StructuredErrorKind::Mismatch {
                path: "value[0].tags[0]".into(),
                message: "invalid type: integer `2`, expected a string".into(),
            }
        );
        let error = decode::<Vec<Point>>(&list(), r#"{"value": 3}"#).unwrap_err();
        assert!(matches!(error, StructuredErrorKind::Mismatch { path, .. } if path == "value"));
        let bare: Vec<Point> = decode(&list(), r#"[{"x": 2, "tags": []}]"#).unwrap();
        assert_eq!(bare[0].x, 2);
    }

    #[test]
    fn empty_text_is_no_content() {
        assert!(matches!(
            decode::<Point>(&object(), "  \n"),
            Err(StructuredErrorKind::NoContent { .. })
        ));
    }
}
