//! Multipart bodies: a file streamed from disk, never held in memory.
//!
//! A streamed body cannot be replayed, so a [`Call`](super::Call) does not hold one. It holds
//! a [`FormSource`] instead: a recipe that opens the file again and builds a fresh form for
//! every attempt. Retries therefore stay as safe as for JSON calls (they happen only when the
//! server cannot have started on the request) and each attempt reads the file from the start.

use std::path::Path;
use std::sync::Arc;

use reqwest::multipart::{Form, Part};

use crate::error::{Error, Result};

/// How much of the file each body chunk carries.
const CHUNK: usize = 64 * 1024;

type Recipe = dyn Fn() -> Result<Form> + Send + Sync;

/// Builds the multipart form of one attempt.
#[derive(Clone)]
pub(crate) struct FormSource(Arc<Recipe>);

impl std::fmt::Debug for FormSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormSource(..)")
    }
}

impl FormSource {
    /// A source that runs `recipe` for each attempt.
    pub(crate) fn new(recipe: impl Fn() -> Result<Form> + Send + Sync + 'static) -> Self {
        Self(Arc::new(recipe))
    }

    /// The form for one attempt.
    pub(crate) fn build(&self) -> Result<Form> {
        (self.0)()
    }
}

/// A form part that streams the file at `path` with its length known up front, so the
/// request carries a `Content-Length` and memory use does not grow with the file.
///
/// The file is opened synchronously: opening is cheap, and it keeps the recipe a plain `Fn`
/// that the transport can call for every attempt.
pub(crate) fn file_part(path: &Path, file_name: &str, mime: Option<&str>) -> Result<Part> {
    let cannot = |e: std::io::Error| {
        Error::InvalidRequest(format!("cannot read the file {}: {e}", path.display()))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let length = file.metadata().map_err(cannot)?.len();
    let stream =
        tokio_util::io::ReaderStream::with_capacity(tokio::fs::File::from_std(file), CHUNK);
    let body = reqwest::Body::wrap_stream(stream);
    let part = Part::stream_with_length(body, length).file_name(file_name.to_owned());
    match mime {
        Some(mime) => part
            .mime_str(mime)
            .map_err(|e| Error::InvalidRequest(format!("invalid content type {mime:?}: {e}"))),
        None => Ok(part),
    }
}
