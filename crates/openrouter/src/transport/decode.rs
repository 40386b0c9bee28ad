//! Decoding a success body into a type, telling an error object from a result.

use http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, DecodeError, Error, Result};
use crate::types::error::ErrorBody;

/// Whether the body's first key is `"error"`, as in every OpenRouter error body. Leading
/// whitespace is skipped: the live API pads slow non-streaming answers with it.
fn starts_with_error_key(body: &[u8]) -> bool {
    let mut rest = body.trim_ascii_start();
    let Some(after_brace) = rest.strip_prefix(b"{") else {
        return false;
    };
    rest = after_brace.trim_ascii_start();
    rest.starts_with(b"\"error\"")
}

fn as_error(body: &[u8], status: StatusCode) -> Option<Error> {
    let parsed: ErrorBody = serde_json::from_slice(body).ok()?;
    Some(ApiError::from_body(Some(status), parsed).into())
}

/// Decodes `body` into `T`. A body that is an OpenRouter error object becomes
/// [`Error::Api`] even under a 2xx status; anything else that does not fit is
/// [`Error::Decode`] with the JSON path of the problem.
pub(crate) fn decode<T: DeserializeOwned>(body: &[u8], status: StatusCode) -> Result<T> {
    if starts_with_error_key(body) {
        if let Some(error) = as_error(body, status) {
            return Err(error);
        }
    }
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(_) => {
            if let Some(error) = as_error(body, status) {
                return Err(error);
            }
            // Decode again, slowly, only to learn where it failed.
            let mut de = serde_json::Deserializer::from_slice(body);
            let error = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(error) => DecodeError::new(error, body, Some(status)),
                Ok(_) => DecodeError {
                    path: ".".into(),
                    message: de
                        .end()
                        .err()
                        .map_or_else(|| "the body could not be decoded".into(), |e| e.to_string()),
                    body: crate::error::excerpt(body),
                    status: Some(status),
                    attempts: 1,
                },
            };
            Err(error.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Thing {
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        count: u32,
    }

    #[test]
    fn an_error_object_in_a_200_is_an_api_error() {
        let body = b"\n   \n{\"error\":{\"code\":502,\"message\":\"upstream died\"}}";
        match decode::<Thing>(body, StatusCode::OK) {
            Err(Error::Api(api)) => {
                assert_eq!(api.message(), "upstream died");
                assert_eq!(api.status, Some(StatusCode::OK));
            }
            other => panic!("expected an API error, got {other:?}"),
        }
    }

    #[test]
    fn a_decode_error_names_the_path_and_keeps_the_body() {
        let body = br#"{"items":[{"count":1},{"count":"two"}]}"#;
        match decode::<Thing>(body, StatusCode::OK) {
            Err(Error::Decode(error)) => {
                assert_eq!(error.path, "items[1].count");
                assert!(error.body.contains("two"));
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn trailing_garbage_is_a_decode_error() {
        assert!(matches!(
            decode::<Thing>(br#"{"items":[]} x"#, StatusCode::OK),
            Err(Error::Decode(_))
        ));
    }

    #[test]
    fn leading_keep_alive_whitespace_is_fine() {
        let thing: Thing =
            decode(b"\n         \n\n         \n{\"items\":[]}", StatusCode::OK).unwrap();
        assert!(thing.items.is_empty());
    }
}
