//! Paginated lists as iterators: the blocking face of [`crate::pagination`].

use std::iter::FusedIterator;
use std::sync::Arc;

use super::runtime::Runtime;
use crate::error::Result;

pub use crate::pagination::{PageParams, DEFAULT_PAGE_SIZE};

/// Every item of a paginated list, fetched page by page as the iterator is read.
///
/// The blocking twin of [`crate::pagination::Paginated`]: nothing is fetched until the first
/// `next()`, and the next page only when the items of the current one have been read. An
/// error is yielded once and ends the iteration. Dropping the iterator stops the paging.
///
/// ```no_run
/// use openrouter::types::models::ModelsQuery;
///
/// # fn run() -> openrouter::Result<()> {
/// let client = openrouter::blocking::Client::from_env()?;
/// for model in client.models().list_all(&ModelsQuery::new()).page_size(50).take(120) {
///     println!("{}", model?.id);
/// }
/// # Ok(()) }
/// ```
pub struct Paginated<T> {
    inner: crate::pagination::Paginated<T>,
    runtime: Arc<Runtime>,
    // The async list must not be polled once it has ended.
    ended: bool,
}

impl<T> std::fmt::Debug for Paginated<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginated")
            .field("inner", &self.inner)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl<T> Paginated<T> {
    pub(crate) fn new(inner: crate::pagination::Paginated<T>, runtime: Arc<Runtime>) -> Self {
        Self {
            inner,
            runtime,
            ended: false,
        }
    }

    /// How many items to ask for per page, for the pages not fetched yet; as
    /// [`crate::pagination::Paginated::page_size`].
    #[must_use]
    pub fn page_size(self, size: u32) -> Self {
        Self {
            inner: self.inner.page_size(size),
            ..self
        }
    }
}

impl<T: Send> Iterator for Paginated<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        if self.ended {
            return None;
        }
        let item = super::stream::next_of(&self.runtime, &mut self.inner);
        self.ended = item.is_none();
        item
    }
}

impl<T: Send> FusedIterator for Paginated<T> {}

/// Compile-time proof that paginated iterators can move to, and be shared with, other
/// threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<Paginated<String>>();
};
