//! OAuth with PKCE: the authorization URL, `POST /auth/keys` (exchange a code for a key) and
//! `POST /auth/keys/code` (create a code server-side).
//!
//! The flow: make a [`PkceVerifier`], send the user to [`OAuth::authorization_url`], receive
//! `?code=` at the callback URL, then [`OAuth::exchange_code`] with the same verifier.

use super::operations::{KeyKind, Operation};
use crate::error::{Error, Result};
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::oauth::{
    AuthCode, AuthCodeExchange, AuthCodeResponse, AuthKey, CreateAuthCodeRequest, PkceChallenge,
    PkceVerifier,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "exchangeAuthCodeForAPIKey",
        "POST",
        "/auth/keys",
        "Client::oauth().exchange_code",
        KeyKind::None,
    ),
    Operation::new(
        "createAuthKeysCode",
        "POST",
        "/auth/keys/code",
        "Client::oauth().create_code",
        KeyKind::Api,
    ),
];

api_handle! {
    /// OAuth with PKCE: [`Client::oauth`](crate::Client::oauth).
    OAuth
}

/// The site root for a base URL: the API lives under `/api/v1`, the login page at `/auth`.
pub(crate) fn site_root(base_url: &str) -> &str {
    let trimmed = base_url.trim_end_matches('/');
    trimmed.strip_suffix("/api/v1").unwrap_or(trimmed)
}

impl OAuth<'_> {
    /// The page to send the user to: `https://openrouter.ai/auth?callback_url=..&
    /// code_challenge=..&code_challenge_method=..`, at the site root of the client's base URL
    /// (so it points at an emulator when the client does).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the base URL cannot carry a path and query.
    pub fn authorization_url(
        &self,
        callback_url: &str,
        challenge: &PkceChallenge,
    ) -> Result<String> {
        let root = site_root(self.client.base_url());
        let mut url = reqwest::Url::parse(&format!("{root}/auth")).map_err(|e| {
            Error::InvalidRequest(format!("cannot build the authorization URL: {e}"))
        })?;
        url.query_pairs_mut()
            .append_pair("callback_url", callback_url)
            .append_pair("code_challenge", &challenge.value)
            .append_pair("code_challenge_method", challenge.method.as_str());
        Ok(url.into())
    }

    /// Trades the `code` received at the callback URL, with the verifier whose S256
    /// challenge went into the authorization URL, for an API key of the user.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/o-auth/exchange-auth-code-for-api-key>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// A 400 API error for an unknown or used code or a verifier that does not match;
    /// otherwise as [`Chat::create`](crate::api::Chat::create).
    pub async fn exchange_code(&self, code: &str, verifier: &PkceVerifier) -> Result<AuthKey> {
        self.exchange(&AuthCodeExchange::new(code, verifier)).await
    }

    /// Like [`OAuth::exchange_code`] with a full request body (e.g. the `plain` method).
    ///
    /// # Errors
    /// As [`OAuth::exchange_code`].
    pub async fn exchange(&self, request: &AuthCodeExchange) -> Result<AuthKey> {
        Ok(self.exchange_with_response(request).await?.into_data())
    }

    /// Like [`OAuth::exchange`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`OAuth::exchange_code`].
    pub async fn exchange_with_response(
        &self,
        request: &AuthCodeExchange,
    ) -> Result<Response<AuthKey>> {
        let call = Call::post_json("/auth/keys", Auth::Optional, request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Creates an authorization code for the app server-side, bound to a callback URL and
    /// optionally a PKCE challenge and limits of the key it will become.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/o-auth/create-auth-keys-code>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`] before sending without an API key; a 400 for an invalid callback URL;
    /// otherwise as [`Chat::create`](crate::api::Chat::create).
    pub async fn create_code(&self, request: &CreateAuthCodeRequest) -> Result<AuthCode> {
        Ok(self
            .create_code_with_response(request)
            .await?
            .into_data()
            .data)
    }

    /// Like [`OAuth::create_code`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`OAuth::create_code`].
    pub async fn create_code_with_response(
        &self,
        request: &CreateAuthCodeRequest,
    ) -> Result<Response<AuthCodeResponse>> {
        let call = Call::post_json("/auth/keys/code", Auth::ApiKey, request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }
}

#[cfg(test)]
mod tests {
    use super::site_root;

    #[test]
    fn the_site_root_drops_the_api_prefix() {
        assert_eq!(
            site_root("https://openrouter.ai/api/v1"),
            "https://openrouter.ai"
        );
        assert_eq!(
            site_root("http://127.0.0.1:9/api/v1/"),
            "http://127.0.0.1:9"
        );
        assert_eq!(
            site_root("https://proxy.example/or"),
            "https://proxy.example/or"
        );
    }
}
