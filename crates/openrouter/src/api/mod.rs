//! One handle per area of the API. Each borrows the [`Client`](crate::Client) and carries the
//! per-request options for the calls made through it.

mod chat;
mod key;
mod models;

pub use chat::Chat;
pub use key::Key;
pub use models::Models;
