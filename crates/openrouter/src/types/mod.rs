//! Request and response models, one module per area of the API.
//!
//! Every model decodes leniently and losslessly: fields this SDK does not know are kept in an
//! `extra` map and written back on encode; enums that come from the server accept values this
//! SDK does not know as `Other(..)`.

pub(crate) mod lossless;
pub(crate) mod open_enum;

pub mod analytics;
pub mod chat;
pub mod credits;
pub mod error;
pub mod generations;
pub mod guardrails;
pub mod key;
pub mod keys;
pub mod models;
pub mod organization;
