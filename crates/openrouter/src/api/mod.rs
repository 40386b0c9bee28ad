//! One handle per area of the API. Each borrows the [`Client`](crate::Client) and carries the
//! per-request options for the calls made through it.
//!
//! [`operations`] lists every operation of the API with the method that performs it.

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
        }
    };
}

mod analytics;
mod chat;
mod credits;
mod generations;
mod guardrails;
mod keys;
mod models;
mod operations;
mod organization;

pub use analytics::Analytics;
pub use chat::Chat;
pub use credits::Credits;
pub use generations::Generations;
pub use guardrails::Guardrails;
pub use keys::Keys;
pub use models::Models;
pub use operations::{operations, KeyKind, Operation};
pub use organization::Organization;
