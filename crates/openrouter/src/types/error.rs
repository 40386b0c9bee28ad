//! The error body OpenRouter sends, on an error status and inside streams.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `{"error": {...}, "user_id": ..., "openrouter_metadata": ...}`: the body of every error
/// response, and the shape of a mid-stream error event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The error itself.
    pub error: ErrorObject,
    /// The account the request belonged to, when the server names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Routing context, present when the request opted in with `X-OpenRouter-Metadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"code": 429, "message": "...", "metadata": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorObject {
    /// OpenRouter's code: usually the HTTP status as a number, sometimes a string. Absent in
    /// Anthropic-format errors (`/messages`), which name the error in `type` (kept in
    /// [`ErrorObject::extra`]); see [`ErrorObject::kind_name`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    /// What went wrong, in words.
    #[serde(default)]
    pub message: String,
    /// Details: provider error (`provider_name`, `raw`), moderation (`reasons`,
    /// `flagged_input`, `model_slug`), stream error type. See [`ErrorObject::provider`] and
    /// [`ErrorObject::moderation`] for typed views.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ErrorObject {
    /// Builds an error object with a code and message and no metadata.
    pub fn new(code: impl Into<ErrorCode>, message: impl Into<String>) -> Self {
        Self {
            code: Some(code.into()),
            message: message.into(),
            metadata: None,
            extra: Map::new(),
        }
    }

    fn metadata_str(&self, key: &str) -> Option<&str> {
        self.metadata.as_ref()?.get(key)?.as_str()
    }

    /// The upstream provider's error, when the failure came from a provider.
    pub fn provider(&self) -> Option<ProviderError<'_>> {
        let metadata = self.metadata.as_ref()?;
        let provider_name = metadata.get("provider_name").and_then(Value::as_str);
        let raw = metadata.get("raw");
        if provider_name.is_none() && raw.is_none() {
            return None;
        }
        Some(ProviderError { provider_name, raw })
    }

    /// The moderation verdict, when the input was flagged.
    pub fn moderation(&self) -> Option<Moderation<'_>> {
        let metadata = self.metadata.as_ref()?;
        let reasons = metadata.get("reasons")?.as_array()?;
        Some(Moderation {
            reasons: reasons.iter().filter_map(Value::as_str).collect(),
            flagged_input: self.metadata_str("flagged_input"),
            provider_name: self.metadata_str("provider_name"),
            model_slug: self.metadata_str("model_slug"),
        })
    }

    /// The error's name when it has no code: the Anthropic-format `type`, e.g.
    /// `overloaded_error`.
    pub fn kind_name(&self) -> Option<&str> {
        self.extra.get("type")?.as_str()
    }

    /// The canonical error type (`metadata.error_type`), sent on stream errors.
    pub fn error_type(&self) -> Option<&str> {
        self.metadata_str("error_type")
    }
}

/// An upstream provider's error, as relayed by OpenRouter.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ProviderError<'a> {
    /// The provider that failed, e.g. `"Anthropic"`.
    pub provider_name: Option<&'a str>,
    /// The provider's own error: a JSON string, a sentence or an object, as sent.
    pub raw: Option<&'a Value>,
}

impl ProviderError<'_> {
    /// The raw error parsed as JSON when it was sent as a JSON string, or as is otherwise.
    pub fn raw_json(&self) -> Option<Value> {
        match self.raw? {
            Value::String(text) => {
                Some(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone())))
            }
            other => Some(other.clone()),
        }
    }
}

/// Why moderation blocked a request.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Moderation<'a> {
    /// The categories that were flagged.
    pub reasons: Vec<&'a str>,
    /// The part of the input that was flagged.
    pub flagged_input: Option<&'a str>,
    /// The moderation provider.
    pub provider_name: Option<&'a str>,
    /// The model the request asked for.
    pub model_slug: Option<&'a str>,
}

/// An error code: a number (usually the HTTP status) or a string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ErrorCode {
    /// A numeric code.
    Number(i64),
    /// A textual code such as `"rate_limit_exceeded"`.
    Text(String),
}

impl ErrorCode {
    /// The code as a number, when it is one (a numeric string counts).
    pub fn as_number(&self) -> Option<i64> {
        match self {
            ErrorCode::Number(n) => Some(*n),
            ErrorCode::Text(text) => text.parse().ok(),
        }
    }
}

impl From<i64> for ErrorCode {
    fn from(value: i64) -> Self {
        ErrorCode::Number(value)
    }
}

impl From<u16> for ErrorCode {
    fn from(value: u16) -> Self {
        ErrorCode::Number(value.into())
    }
}

impl From<&str> for ErrorCode {
    fn from(value: &str) -> Self {
        ErrorCode::Text(value.to_owned())
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorCode::Number(n) => write!(f, "{n}"),
            ErrorCode::Text(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_raw_string_is_parsed_on_demand() {
        let body: ErrorBody = serde_json::from_str(
            r#"{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\"type\":\"error\"}","provider_name":"Anthropic"}},"user_id":"org_1"}"#,
        )
        .unwrap();
        let provider = body.error.provider().unwrap();
        assert_eq!(provider.provider_name, Some("Anthropic"));
        assert_eq!(provider.raw_json().unwrap()["type"], "error");
        assert_eq!(body.user_id.as_deref(), Some("org_1"));
    }

    #[test]
    fn string_codes_and_unknown_fields_survive() {
        let text =
            r#"{"error":{"code":"no_available_workers","message":"m","hint":"h"},"trace":"t"}"#;
        let body: ErrorBody = serde_json::from_str(text).unwrap();
        assert_eq!(
            body.error.code,
            Some(ErrorCode::Text("no_available_workers".into()))
        );
        let back: Value = serde_json::to_value(&body).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn moderation_metadata_is_typed() {
        let body: ErrorBody = serde_json::from_str(
            r#"{"error":{"code":403,"message":"flagged","metadata":{"reasons":["violence"],"flagged_input":"x","provider_name":"OpenAI","model_slug":"openai/gpt-4o"}}}"#,
        )
        .unwrap();
        let moderation = body.error.moderation().unwrap();
        assert_eq!(moderation.reasons, vec!["violence"]);
        assert_eq!(moderation.model_slug, Some("openai/gpt-4o"));
    }
}
