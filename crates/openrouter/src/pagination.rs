//! Lists that come in pages: one page at a time, or every item as a lazy stream.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::Serialize;

use crate::error::Result;

/// The page size used by the `*_all` streams unless told otherwise with
/// [`Paginated::page_size`].
pub const DEFAULT_PAGE_SIZE: u32 = 100;

/// Which slice of an offset/limit list to fetch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PageParams {
    /// How many items to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// How many items to return at most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl PageParams {
    /// The server's default page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips `offset` items.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Returns at most `limit` items.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

type Inner<T> = Pin<Box<dyn Stream<Item = Result<T>> + Send>>;

/// The page size a stream asks for, shared by the stream (which sets it) and its fetch
/// closure (which reads it at each page), so that it can change after the stream is built.
#[derive(Debug)]
struct PageSize {
    size: AtomicU32,
    // The endpoint's documented maximum; `u32::MAX` when it has none.
    max: AtomicU32,
}

impl PageSize {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            size: AtomicU32::new(DEFAULT_PAGE_SIZE),
            max: AtomicU32::new(u32::MAX),
        })
    }

    /// The size to ask for now: at least 1, at most the endpoint's maximum.
    fn get(&self) -> u32 {
        let max = self.max.load(Ordering::Relaxed).max(1);
        self.size.load(Ordering::Relaxed).clamp(1, max)
    }
}

/// Every item of a paginated list, fetched page by page as the stream is read.
///
/// Nothing is fetched until the stream is polled, and the next page only when the items of
/// the current one have been read. An error ends the stream after being yielded. Pages hold
/// [`DEFAULT_PAGE_SIZE`] items unless [`Paginated::page_size`] says otherwise.
pub struct Paginated<T> {
    // A Mutex only to make the stream `Sync`; reached through `get_mut`, never locked.
    inner: Mutex<Inner<T>>,
    page_size: Arc<PageSize>,
}

impl<T> std::fmt::Debug for Paginated<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginated")
            .field("page_size", &self.page_size.get())
            .finish_non_exhaustive()
    }
}

impl<T> Paginated<T> {
    /// How many items to ask for per page, for the pages not fetched yet; default
    /// [`DEFAULT_PAGE_SIZE`]; 0 is treated as 1. Where an endpoint documents a maximum page
    /// size, its `*_all` method says so and larger sizes ask for that maximum.
    #[must_use]
    pub fn page_size(self, size: u32) -> Self {
        self.page_size.size.store(size, Ordering::Relaxed);
        self
    }

    /// Caps the page size at the endpoint's documented maximum.
    #[must_use]
    pub(crate) fn max_page_size(self, max: u32) -> Self {
        self.page_size.max.store(max, Ordering::Relaxed);
        self
    }
}

impl<T> Stream for Paginated<T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T>>> {
        let inner = self
            .get_mut()
            .inner
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        inner.as_mut().poll_next(cx)
    }
}

struct State<F, T, C> {
    fetch: F,
    cursor: Option<C>,
    buffer: VecDeque<T>,
    done: bool,
    page_size: Arc<PageSize>,
}

impl<T: Send + 'static> Paginated<T> {
    /// Pages an offset/limit list: asks for a page of the current page size at growing
    /// offsets from `start` until a page comes back short.
    pub(crate) fn offset<F, Fut>(start: u64, mut fetch: F) -> Self
    where
        F: FnMut(PageParams) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Vec<T>>> + Send + 'static,
    {
        Self::cursor(Some(start), move |offset: Option<u64>, page_size: u32| {
            let offset = offset.unwrap_or(0);
            let page = fetch(PageParams::new().offset(offset).limit(page_size));
            async move {
                let items = page.await?;
                let full = items.len() >= page_size as usize;
                let next = full.then(|| offset + items.len() as u64);
                Ok((items, next))
            }
        })
    }

    /// Pages a cursor list: `fetch(first, page_size)` gets the first page, then each page
    /// says where the next starts, until it names none. `page_size` is read at each fetch.
    pub(crate) fn cursor<C, F, Fut>(first: Option<C>, fetch: F) -> Self
    where
        C: Send + 'static,
        F: FnMut(Option<C>, u32) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(Vec<T>, Option<C>)>> + Send + 'static,
    {
        let page_size = PageSize::new();
        let state = State {
            page_size: page_size.clone(),
            fetch,
            cursor: first,
            buffer: VecDeque::new(),
            done: false,
        };
        let stream = futures_util::stream::unfold(state, |mut state| async move {
            loop {
                if let Some(item) = state.buffer.pop_front() {
                    return Some((Ok(item), state));
                }
                if state.done {
                    return None;
                }
                match (state.fetch)(state.cursor.take(), state.page_size.get()).await {
                    Ok((items, next)) => {
                        state.done = next.is_none() || items.is_empty();
                        state.cursor = next;
                        state.buffer.extend(items);
                    }
                    Err(error) => {
                        state.done = true;
                        return Some((Err(error), state));
                    }
                }
            }
        });
        Self {
            inner: Mutex::new(Box::pin(stream)),
            page_size,
        }
    }
}

/// Compile-time proof that paginated streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<Paginated<String>>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use futures_util::StreamExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn fake_list(total: u64, calls: Arc<AtomicUsize>) -> Paginated<u64> {
        Paginated::offset(0, move |page| {
            calls.fetch_add(1, Ordering::SeqCst);
            let offset = page.offset.unwrap_or(0);
            let limit = u64::from(page.limit.unwrap_or(0));
            async move { Ok((offset..total.min(offset + limit)).collect()) }
        })
    }

    #[tokio::test]
    async fn offset_lists_are_fetched_lazily_until_a_short_page() {
        let calls = Arc::new(AtomicUsize::new(0));
        let mut items = fake_list(25, calls.clone()).page_size(10);
        assert_eq!(
            calls.load(Ordering::SeqCst),
            0,
            "nothing fetched before polling"
        );
        assert_eq!(items.next().await.unwrap().unwrap(), 0);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        let rest: Vec<u64> = items.map(|r| r.unwrap()).collect().await;
        assert_eq!(rest, (1..25).collect::<Vec<_>>());
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn an_exact_multiple_ends_with_one_empty_page() {
        let calls = Arc::new(AtomicUsize::new(0));
        let all: Vec<u64> = fake_list(20, calls.clone())
            .page_size(10)
            .map(|r| r.unwrap())
            .collect()
            .await;
        assert_eq!(all.len(), 20);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn an_error_is_yielded_once_and_ends_the_stream() {
        let mut items: Paginated<u64> =
            Paginated::cursor(None, |cursor: Option<u32>, _| async move {
                match cursor {
                    None => Ok((vec![1, 2], Some(1))),
                    Some(_) => Err(Error::InvalidRequest("boom".into())),
                }
            });
        assert_eq!(items.next().await.unwrap().unwrap(), 1);
        assert_eq!(items.next().await.unwrap().unwrap(), 2);
        assert!(items.next().await.unwrap().is_err());
        assert!(items.next().await.is_none());
    }

    fn recording(limits: Arc<Mutex<Vec<u32>>>) -> Paginated<u64> {
        Paginated::offset(0, move |page| {
            let limit = page.limit.unwrap_or(0);
            limits.lock().unwrap().push(limit);
            let offset = page.offset.unwrap_or(0);
            async move { Ok((offset..20.min(offset + u64::from(limit))).collect()) }
        })
    }

    #[tokio::test]
    async fn page_size_sets_the_limit_each_fetch_sees() {
        let limits = Arc::new(Mutex::new(Vec::new()));
        let all: Vec<u64> = recording(limits.clone())
            .page_size(7)
            .map(|r| r.unwrap())
            .collect()
            .await;
        assert_eq!(all, (0..20).collect::<Vec<_>>());
        assert_eq!(*limits.lock().unwrap(), vec![7, 7, 7]);
    }

    #[tokio::test]
    async fn the_default_zero_and_maximum_page_sizes() {
        let limits = Arc::new(Mutex::new(Vec::new()));
        let _ = recording(limits.clone()).next().await;
        let _ = recording(limits.clone()).page_size(0).next().await;
        let _ = recording(limits.clone())
            .max_page_size(5)
            .page_size(50)
            .next()
            .await;
        assert_eq!(*limits.lock().unwrap(), vec![DEFAULT_PAGE_SIZE, 1, 5]);
    }
}
