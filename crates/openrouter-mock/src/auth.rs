//! The `Authorization: Bearer` check, with the live API's 401 messages.

use axum::http::{header, HeaderMap, StatusCode};

use crate::errors::Rejection;
use crate::state::Shared;

/// The accepted key of the request, or the 401 the live API would send.
pub(crate) fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<String, Rejection> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(Rejection::new(
            StatusCode::UNAUTHORIZED,
            "Missing Authentication header",
        ));
    };
    let value = value.to_str().unwrap_or("").trim();
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => {
            return Err(Rejection::new(
                StatusCode::UNAUTHORIZED,
                "Missing Authentication header",
            ))
        }
    };
    if token.is_empty() {
        return Err(Rejection::new(
            StatusCode::UNAUTHORIZED,
            "Missing Authentication header",
        ));
    }
    if shared.is_known_key(token) {
        Ok(token.to_owned())
    } else {
        Err(Rejection::new(StatusCode::UNAUTHORIZED, "User not found."))
    }
}
