//! OAuth with PKCE: the verifier and challenge, and the bodies of `POST /auth/keys` and
//! `POST /auth/keys/code`.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::types::open_enum::open_enum;

/// Characters RFC 7636 allows in a verifier (the "unreserved" set).
const UNRESERVED: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

open_enum! {
    /// How the code challenge is derived from the verifier.
    pub enum CodeChallengeMethod {
        /// `BASE64URL(SHA-256(verifier))`, without padding. Use this.
        S256 => "S256",
        /// The verifier itself; only for clients that cannot hash.
        Plain => "plain",
    }
}

/// A PKCE code verifier: a secret kept by the app between the redirect and the exchange.
#[derive(Clone, PartialEq, Eq)]
pub struct PkceVerifier(String);

impl fmt::Debug for PkceVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PkceVerifier([redacted])")
    }
}

impl PkceVerifier {
    /// A new 64-character verifier from the operating system's secure random source.
    ///
    /// # Errors
    /// [`Error::Config`] if the system has no secure random source.
    pub fn generate() -> Result<PkceVerifier> {
        Self::generate_with_len(64)
    }

    /// A new verifier of `len` characters (43 to 128).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a length outside 43..=128; [`Error::Config`] if the
    /// system has no secure random source.
    pub fn generate_with_len(len: usize) -> Result<PkceVerifier> {
        if !(43..=128).contains(&len) {
            return Err(Error::InvalidRequest(format!(
                "a PKCE verifier has 43 to 128 characters, not {len}"
            )));
        }
        let mut text = String::with_capacity(len);
        let mut buf = [0u8; 64];
        while text.len() < len {
            getrandom::fill(&mut buf)
                .map_err(|e| Error::Config(format!("no secure random source: {e}")))?;
            // 66 symbols: reject bytes >= 198 (3 * 66) so every symbol is equally likely.
            for byte in buf {
                if text.len() == len {
                    break;
                }
                if usize::from(byte) < 3 * UNRESERVED.len() {
                    text.push(char::from(UNRESERVED[usize::from(byte) % UNRESERVED.len()]));
                }
            }
        }
        Ok(PkceVerifier(text))
    }

    /// A verifier from existing text, checked against RFC 7636 (43-128 unreserved characters).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the text is not a valid verifier.
    pub fn from_string(text: impl Into<String>) -> Result<PkceVerifier> {
        let text = text.into();
        if !(43..=128).contains(&text.len()) || !text.bytes().all(|b| UNRESERVED.contains(&b)) {
            return Err(Error::InvalidRequest(
                "a PKCE verifier has 43 to 128 characters from A-Z a-z 0-9 - . _ ~".into(),
            ));
        }
        Ok(PkceVerifier(text))
    }

    /// The verifier text, to send in the code exchange.
    pub fn secret(&self) -> &str {
        &self.0
    }

    /// The challenge to put in the authorization URL.
    pub fn challenge(&self, method: CodeChallengeMethod) -> PkceChallenge {
        let value = match &method {
            CodeChallengeMethod::Plain => self.0.clone(),
            // S256 and anything unknown: never fall back to sending the secret itself.
            _ => URL_SAFE_NO_PAD.encode(Sha256::digest(self.0.as_bytes())),
        };
        let method = match method {
            CodeChallengeMethod::Plain => CodeChallengeMethod::Plain,
            _ => CodeChallengeMethod::S256,
        };
        PkceChallenge { value, method }
    }
}

/// A PKCE code challenge and the method that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkceChallenge {
    /// The challenge text.
    pub value: String,
    /// How it was derived.
    pub method: CodeChallengeMethod,
}

/// Body of `POST /auth/keys`: trade an authorization code for an API key.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthCodeExchange {
    /// The code from the redirect to the callback URL.
    pub code: String,
    /// The verifier whose challenge went into the authorization URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_verifier: Option<String>,
    /// The challenge method used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_challenge_method: Option<CodeChallengeMethod>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for AuthCodeExchange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthCodeExchange")
            .field("code", &"[redacted]")
            .field(
                "code_verifier",
                &self.code_verifier.as_ref().map(|_| "[redacted]"),
            )
            .field("code_challenge_method", &self.code_challenge_method)
            .finish_non_exhaustive()
    }
}

impl AuthCodeExchange {
    /// An exchange of `code` proven with `verifier` (S256).
    pub fn new(code: impl Into<String>, verifier: &PkceVerifier) -> Self {
        Self::with_method(code, verifier, CodeChallengeMethod::S256)
    }

    /// An exchange of `code` proven with `verifier` under `method`.
    pub fn with_method(
        code: impl Into<String>,
        verifier: &PkceVerifier,
        method: CodeChallengeMethod,
    ) -> Self {
        AuthCodeExchange {
            code: code.into(),
            code_verifier: Some(verifier.secret().to_owned()),
            code_challenge_method: Some(method),
            extra: Map::new(),
        }
    }
}

/// `POST /auth/keys` response: the new API key. `Debug` never shows the key.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthKey {
    /// The API key for OpenRouter requests on the user's behalf.
    pub key: String,
    /// The user the key belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for AuthKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthKey")
            .field("key", &"[redacted]")
            .field("user_id", &self.user_id)
            .finish_non_exhaustive()
    }
}

/// Body of `POST /auth/keys/code`: create an authorization code server-side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateAuthCodeRequest {
    /// Where the user is sent back (https, or localhost on any port).
    pub callback_url: String,
    /// PKCE challenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_challenge: Option<String>,
    /// PKCE challenge method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_challenge_method: Option<CodeChallengeMethod>,
    /// Expiry of the key to be created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Label of the key to be created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_label: Option<String>,
    /// Credit limit of the key to be created, in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// Reset interval of the limit: `daily`, `weekly`, `monthly`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_limit_type: Option<String>,
    /// Workspace of the key to be created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateAuthCodeRequest {
    /// A request redirecting to `callback_url`.
    pub fn new(callback_url: impl Into<String>) -> Self {
        CreateAuthCodeRequest {
            callback_url: callback_url.into(),
            code_challenge: None,
            code_challenge_method: None,
            expires_at: None,
            key_label: None,
            limit: None,
            usage_limit_type: None,
            workspace_id: None,
            extra: Map::new(),
        }
    }

    /// Binds the code to a PKCE challenge.
    pub fn challenge(mut self, challenge: &PkceChallenge) -> Self {
        self.code_challenge = Some(challenge.value.clone());
        self.code_challenge_method = Some(challenge.method.clone());
        self
    }

    /// Sets the key's expiry.
    pub fn expires_at(mut self, at: impl Into<String>) -> Self {
        self.expires_at = Some(at.into());
        self
    }

    /// Sets the key's label.
    pub fn key_label(mut self, label: impl Into<String>) -> Self {
        self.key_label = Some(label.into());
        self
    }

    /// Sets the key's credit limit in USD.
    pub fn limit(mut self, limit: f64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets the limit's reset interval.
    pub fn usage_limit_type(mut self, interval: impl Into<String>) -> Self {
        self.usage_limit_type = Some(interval.into());
        self
    }

    /// Sets the key's workspace.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.workspace_id = Some(id.into());
        self
    }
}

/// `POST /auth/keys/code` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthCodeResponse {
    /// The code.
    pub data: AuthCode,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An authorization code created server-side.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthCode {
    /// The code to exchange with `POST /auth/keys`.
    #[serde(default)]
    pub id: String,
    /// The app it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<i64>,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7636_appendix_b() {
        let verifier =
            PkceVerifier::from_string("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").unwrap();
        let challenge = verifier.challenge(CodeChallengeMethod::S256);
        assert_eq!(
            challenge.value,
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(challenge.method, CodeChallengeMethod::S256);
        let plain = verifier.challenge(CodeChallengeMethod::Plain);
        assert_eq!(plain.value, verifier.secret());
        let unknown = verifier.challenge(CodeChallengeMethod::Other("S512".into()));
        assert_eq!(unknown.value, challenge.value, "never leaks the secret");
    }

    #[test]
    fn generated_verifiers_are_valid_and_distinct() {
        let a = PkceVerifier::generate().unwrap();
        let b = PkceVerifier::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.secret().len(), 64);
        assert!(PkceVerifier::from_string(a.secret()).is_ok());
        for len in [43, 128] {
            assert_eq!(
                PkceVerifier::generate_with_len(len).unwrap().secret().len(),
                len
            );
        }
        assert!(PkceVerifier::generate_with_len(42).is_err());
        assert!(PkceVerifier::generate_with_len(129).is_err());
        assert!(PkceVerifier::from_string("short").is_err());
        assert!(PkceVerifier::from_string("a".repeat(42) + "!").is_err());
        assert!(!format!("{a:?}").contains(a.secret()));
    }

    #[test]
    fn keys_stay_out_of_debug() {
        let key: AuthKey =
            serde_json::from_str(r#"{"key":"sk-or-v1-secret","user_id":"user_1"}"#).unwrap();
        assert!(!format!("{key:?}").contains("sk-or-v1-secret"));
        let verifier = PkceVerifier::generate().unwrap();
        let exchange = AuthCodeExchange::new("code-1", &verifier);
        assert!(!format!("{exchange:?}").contains(verifier.secret()));
    }
}
