//! One handle per area of the API. Each borrows the [`Client`](crate::Client) and carries the
//! per-request options for the calls made through it.
//!
//! [`operations`] lists every operation of the API with the method that performs it:
//!
#![doc = include_str!("COVERAGE.md")]

/// Declares an area handle: it borrows the client and carries per-request options.
macro_rules! api_handle {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name<'a> {
            client: &'a crate::Client,
            options: crate::RequestOptions,
        }

        impl<'a> $name<'a> {
            pub(crate) fn new(client: &'a crate::Client) -> Self {
                Self {
                    client,
                    options: crate::RequestOptions::default(),
                }
            }

            /// Applies per-request options (headers, body fields, timeouts, retries) to the
            /// calls made through this handle.
            pub fn with_options(mut self, options: crate::RequestOptions) -> Self {
                self.options = options;
                self
            }

            /// Sends `call` with this handle's options and decodes the JSON answer.
            // Not every area needs it: some only stream or return the whole `Response`.
            #[allow(dead_code)]
            async fn fetch<T: serde::de::DeserializeOwned>(
                &self,
                call: crate::transport::Call,
            ) -> crate::Result<T> {
                Ok(crate::transport::send_json::<T>(self.client, &call, &self.options)
                    .await?
                    .into_data())
            }
        }
    };
}

mod analytics;
/// Requests with a `stream` flag, which the plain and streaming methods set for the caller.
pub(crate) trait Streamable: Clone {
    /// The flag as the caller left it.
    fn stream_flag(&self) -> Option<bool>;
    /// Sets the flag.
    fn set_stream_flag(&mut self, stream: Option<bool>);
}

macro_rules! streamable {
    ($($request:ty),+ $(,)?) => {$(
        impl Streamable for $request {
            fn stream_flag(&self) -> Option<bool> {
                self.stream
            }
            fn set_stream_flag(&mut self, stream: Option<bool>) {
                self.stream = stream;
            }
        }
    )+};
}

streamable!(
    crate::types::chat::ChatRequest,
    crate::types::completions::CompletionRequest,
    crate::types::images::ImageGenerationRequest,
    crate::types::messages::MessagesRequest,
    crate::types::responses::ResponsesRequest,
);

/// The request with `stream` set as the call needs it (`true` to stream, absent otherwise),
/// copied only when the caller's flag differs.
pub(crate) fn with_stream_flag<R: Streamable>(
    request: &R,
    stream: bool,
) -> std::borrow::Cow<'_, R> {
    let wanted = stream.then_some(true);
    if request.stream_flag().filter(|s| *s) == wanted {
        std::borrow::Cow::Borrowed(request)
    } else {
        let mut owned = request.clone();
        owned.set_stream_flag(wanted);
        std::borrow::Cow::Owned(owned)
    }
}

mod audio;
mod benchmarks;
mod byok;
mod chat;
mod classifications;
mod completions;
mod credits;
mod datasets;
mod embeddings;
mod endpoints;
mod files;
mod generations;
mod guardrails;
mod images;
mod keys;
mod messages;
mod models;
mod oauth;
mod observability;
mod operations;
mod organization;
mod presets;
mod providers;
mod rerank;
mod responses;
mod scim;
mod videos;
mod workspaces;

pub use analytics::Analytics;
pub use audio::Audio;
pub use benchmarks::Benchmarks;
pub use byok::Byok;
pub use chat::Chat;
pub use classifications::Classifications;
pub use completions::Completions;
pub use credits::Credits;
pub use datasets::Datasets;
pub use embeddings::Embeddings;
pub use endpoints::Endpoints;
pub use files::{Files, MAX_UPLOAD_BYTES};
pub use generations::Generations;
pub use guardrails::Guardrails;
pub use images::Images;
pub use keys::Keys;
pub use messages::Messages;
pub use models::Models;
pub use oauth::OAuth;
pub use observability::Observability;
pub use operations::{operations, KeyKind, Operation};
pub use organization::Organization;
pub use presets::Presets;
pub use providers::Providers;
pub use rerank::Rerank;
pub use responses::Responses;
pub use scim::Scim;
pub use videos::{Videos, WaitOptions};
pub use workspaces::Workspaces;
