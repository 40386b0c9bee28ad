//! The `Authorization: Bearer` check, with the live API's 401 messages.

use axum::http::{header, HeaderMap, StatusCode};

use crate::errors::Rejection;
use crate::state::Shared;

/// The accepted API key of the request, or the 401 the live API would send. A management
/// key is refused: it cannot run inference.
pub(crate) fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<String, Rejection> {
    let token = bearer(headers)?;
    if shared.is_known_key(&token) {
        Ok(token)
    } else if shared.is_management_key(&token) {
        Err(Rejection::new(
            StatusCode::UNAUTHORIZED,
            "Management keys cannot be used for this endpoint; use an API key.",
        ))
    } else {
        Err(Rejection::new(StatusCode::UNAUTHORIZED, "User not found."))
    }
}

/// The accepted management key of the request; an ordinary API key gets the live API's 403.
pub(crate) fn authenticate_management(
    shared: &Shared,
    headers: &HeaderMap,
) -> Result<String, Rejection> {
    let token = bearer(headers)?;
    if shared.is_management_key(&token) {
        Ok(token)
    } else if shared.is_known_key(&token) {
        Err(Rejection::new(
            StatusCode::FORBIDDEN,
            "Only management keys can perform this operation",
        ))
    } else {
        Err(Rejection::new(StatusCode::UNAUTHORIZED, "User not found."))
    }
}

/// The bearer token, or the 401 for a missing or malformed header.
fn bearer(headers: &HeaderMap) -> Result<String, Rejection> {
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
    Ok(token.to_owned())
}
