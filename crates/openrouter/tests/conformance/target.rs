//! The server under test: the in-process emulator, or the one named by
//! `OPENROUTER_CONFORMANCE_BASE_URL`.

use openrouter::Client;
use openrouter_mock::{spec, MockServer};

/// The server under test, and the emulator keeping it alive when it is the target.
pub(crate) struct Target {
    /// A client holding an API key and, when available, a management key.
    pub(crate) client: Client,
    /// The model inference cases use.
    pub(crate) model: String,
    /// Whether the target is the in-process emulator (cases that change state on a real
    /// account, or need a management key, only run against it or when asked to).
    pub(crate) emulated: bool,
    _emulator: Option<MockServer>,
}

/// Connects to the server under test.
pub(crate) async fn target() -> Target {
    let model = std::env::var("OPENROUTER_CONFORMANCE_MODEL")
        .unwrap_or_else(|_| "openai/gpt-4o-mini".into());
    match std::env::var("OPENROUTER_CONFORMANCE_BASE_URL") {
        Ok(url) if !url.is_empty() => {
            let mut builder = Client::builder().base_url(url);
            if let Ok(key) = std::env::var("OPENROUTER_API_KEY") {
                builder = builder.api_key(key);
            }
            if let Ok(key) = std::env::var("OPENROUTER_MANAGEMENT_KEY") {
                builder = builder.management_key(key);
            }
            Target {
                client: builder
                    .build()
                    .expect("a client for the conformance target"),
                model,
                emulated: false,
                _emulator: None,
            }
        }
        _ => {
            let emulator = MockServer::start().await;
            let client = Client::builder()
                .api_key(emulator.api_key())
                .management_key(emulator.management_key())
                .base_url(emulator.base_url())
                .build()
                .expect("a client for the emulator");
            Target {
                client,
                model,
                emulated: true,
                _emulator: Some(emulator),
            }
        }
    }
}

impl Target {
    /// When the target is the emulator, checks every request it recorded against the
    /// OpenAPI spec (operation known, body valid) and panics listing the invalid ones, so a
    /// case proves it sends only what a real server accepts. Against a real server it does
    /// nothing: there is no recording to check. It runs when the target is dropped, at the end of every case.
    pub(crate) fn assert_requests_valid(&self) {
        let Some(emulator) = &self._emulator else {
            return;
        };
        let invalid: Vec<String> = emulator
            .requests()
            .iter()
            // The legacy text completions are served but not in the spec.
            .filter(|r| r.path != "/api/v1/completions")
            // File uploads stream past the recorder, so there is no body to check.
            .filter(|r| {
                !(r.body.is_empty()
                    && r.header("content-type")
                        .is_some_and(|t| t.starts_with("multipart/")))
            })
            .filter_map(|r| {
                spec::validate_recorded(r)
                    .err()
                    .map(|e| format!("{} {}: {e}", r.method, r.path))
            })
            .collect();
        assert!(
            invalid.is_empty(),
            "requests that are not valid per the spec:\n{}",
            invalid.join("\n")
        );
    }
}

/// Every case checks its requests against the spec when it ends, without having to remember
/// to: a case that already failed is left to report its own failure.
impl Drop for Target {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.assert_requests_valid();
        }
    }
}
