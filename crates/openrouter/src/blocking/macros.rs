//! The macro that turns lists of method signatures into blocking area handles.
//!
//! Each blocking method forwards to the async method of the same name on the async handle
//! (with the same per-request options) and waits for it on the client's runtime. A list entry
//! is a signature without `&self`, prefixed with how the result comes back:
//!
//! - `async fn name(args) -> Ret;` an async method: its output, waited for.
//! - `stream fn name(args) -> Result<XStream>;` an async method returning a
//!   [`crate::stream::TypedStream`]: the blocking [`TypedStream`](super::stream::TypedStream)
//!   iterator.
//! - `pages fn name(args) -> Paginated<T>;` a method returning a lazy
//!   [`crate::pagination::Paginated`]: the blocking [`Paginated`](super::pagination::Paginated)
//!   iterator.
//! - `iter fn name(args) -> Result<Iter<S>>;` an async method returning some other
//!   `futures` stream `S`: the generic [`Iter`](super::stream::Iter) iterator.
//! - `writer fn name(args) -> Ret;` an async method whose last argument is an `AsyncWrite`:
//!   the twin takes the listed arguments plus a `writer: impl std::io::Write + Send`.
//! - `sync fn name(args) -> Ret;` a method that is already synchronous: forwarded.
//! - `manual fn name(args) -> Ret;` a twin written by hand, in an `impl` block of the same
//!   file (where `self.client` and `self.handle()` are in reach), for results no kind
//!   converts (e.g. a stream inside another type). The entry only tells the twin check that it
//!   exists; the check also looks for its `pub fn` in the area files.
//!
//! Generic parameters go in brackets after the name, e.g.
//! `async fn parse[T: JsonSchema + DeserializeOwned + Send](request: &ChatRequest) -> Result<T>;`.
//! Arguments and results must be `Send` (see [`Runtime::block_on`](super::runtime::Runtime::block_on)).

/// Declares blocking area handles, their accessors on the blocking client, and (for the
/// tests) the list of twins per area. See the module docs for the entry syntax.
macro_rules! blocking_areas {
    ($(
        $accessor:ident: $Area:ident {
            $(
                $(#[$attr:meta])*
                $kind:ident fn $name:ident $([$($generics:tt)*])?
                    ($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty;
            )*
        }
    )*) => {
        $(
            #[doc = concat!(
                "The blocking twin of [`", stringify!($Area), "`](crate::api::", stringify!($Area),
                "): the same methods, returning when the answer is in."
            )]
            #[derive(Debug, Clone)]
            pub struct $Area<'a> {
                client: &'a $crate::blocking::Client,
                options: $crate::RequestOptions,
            }

            impl<'a> $Area<'a> {
                fn new(client: &'a $crate::blocking::Client) -> Self {
                    Self {
                        client,
                        options: $crate::RequestOptions::default(),
                    }
                }

                /// Applies per-request options (headers, body fields, timeouts, retries) to
                /// the calls made through this handle.
                pub fn with_options(mut self, options: $crate::RequestOptions) -> Self {
                    self.options = options;
                    self
                }

                /// The async handle the calls go through, with this handle's options.
                fn handle(&self) -> $crate::api::$Area<'a> {
                    self.client
                        .as_async()
                        .$accessor()
                        .with_options(self.options.clone())
                }

                $(
                    blocking_method!(
                        $(#[$attr])*
                        $kind $Area $name [$($($generics)*)?] ($($arg: $ty),*) -> $ret
                    );
                )*
            }

            impl $crate::blocking::Client {
                #[doc = concat!(
                    "The blocking twin of [`Client::", stringify!($accessor), "`](crate::Client::",
                    stringify!($accessor), ")."
                )]
                pub fn $accessor(&self) -> $Area<'_> {
                    $Area::new(self)
                }
            }
        )*

        /// Every area declared here with the kind and name of its blocking methods, for the
        /// twin check.
        #[cfg(test)]
        pub(super) const TWINS: &[(&str, &[(&str, &str)])] = &[
            $((stringify!($accessor), &[$((stringify!($kind), stringify!($name))),*])),*
        ];
    };
}

/// One blocking method; see the module docs for the kinds.
macro_rules! blocking_method {
    ($(#[$attr:meta])* manual $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {};
    ($(#[$attr:meta])* async $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        #[doc = concat!(
            "[`", stringify!($Area), "::", stringify!($name), "`](crate::api::",
            stringify!($Area), "::", stringify!($name), "), blocking until the answer is in."
        )]
        ///
        /// # Errors
        /// As the async method.
        $(#[$attr])*
        // A deprecated method's twin carries the deprecation (listed) and may call it.
        #[allow(deprecated)]
        pub fn $name<$($generics)*>(&self, $($arg: $ty),*) -> $ret {
            self.client.runtime().block_on(self.handle().$name($($arg),*))
        }
    };
    ($(#[$attr:meta])* stream $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        #[doc = concat!(
            "[`", stringify!($Area), "::", stringify!($name), "`](crate::api::",
            stringify!($Area), "::", stringify!($name), "), with the stream as an iterator ",
            "of events (see [`TypedStream`](crate::blocking::stream::TypedStream)). ",
            "Returns when the response headers are in."
        )]
        ///
        /// # Errors
        /// As the async method; errors after the start come out of the iterator.
        $(#[$attr])*
        // A deprecated method's twin carries the deprecation (listed) and may call it.
        #[allow(deprecated)]
        pub fn $name<$($generics)*>(&self, $($arg: $ty),*) -> $ret {
            self.client
                .runtime()
                .block_on(self.handle().$name($($arg),*))
                .map(|stream| {
                    $crate::blocking::stream::TypedStream::new(stream, self.client.shared_runtime())
                })
        }
    };
    ($(#[$attr:meta])* iter $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        #[doc = concat!(
            "[`", stringify!($Area), "::", stringify!($name), "`](crate::api::",
            stringify!($Area), "::", stringify!($name), "), with the stream as an iterator ",
            "(see [`Iter`](crate::blocking::stream::Iter)). Returns when the stream is open."
        )]
        ///
        /// # Errors
        /// As the async method; errors after the start come out of the iterator.
        $(#[$attr])*
        #[allow(deprecated)]
        pub fn $name<$($generics)*>(&self, $($arg: $ty),*) -> $ret {
            self.client
                .runtime()
                .block_on(self.handle().$name($($arg),*))
                .map(|stream| {
                    $crate::blocking::stream::Iter::new(stream, self.client.shared_runtime())
                })
        }
    };
    ($(#[$attr:meta])* pages $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        #[doc = concat!(
            "[`", stringify!($Area), "::", stringify!($name), "`](crate::api::",
            stringify!($Area), "::", stringify!($name), "), as a lazy iterator over every ",
            "item (see [`Paginated`](crate::blocking::pagination::Paginated)). Nothing is ",
            "fetched until the first `next()`."
        )]
        $(#[$attr])*
        // A deprecated method's twin carries the deprecation (listed) and may call it.
        #[allow(deprecated)]
        pub fn $name<$($generics)*>(&self, $($arg: $ty),*) -> $ret {
            $crate::blocking::pagination::Paginated::new(
                self.handle().$name($($arg),*),
                self.client.shared_runtime(),
            )
        }
    };
    ($(#[$attr:meta])* writer $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        #[doc = concat!(
            "[`", stringify!($Area), "::", stringify!($name), "`](crate::api::",
            stringify!($Area), "::", stringify!($name), "), writing into any ",
            "`std::io::Write` as the body arrives; returns the number of bytes written."
        )]
        ///
        /// # Errors
        /// As the async method; a failing writer is an
        /// [`Error::Transport`](crate::Error::Transport).
        $(#[$attr])*
        // A deprecated method's twin carries the deprecation (listed) and may call it.
        #[allow(deprecated)]
        pub fn $name<$($generics)*>(
            &self,
            $($arg: $ty,)*
            mut writer: impl std::io::Write + Send,
        ) -> $ret {
            self.client.runtime().block_on(
                self.handle()
                    .$name($($arg,)* $crate::blocking::io::SyncWriter(&mut writer)),
            )
        }
    };
    ($(#[$attr:meta])* sync $Area:ident $name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        #[doc = concat!(
            "[`", stringify!($Area), "::", stringify!($name), "`](crate::api::",
            stringify!($Area), "::", stringify!($name), "), which never waits."
        )]
        ///
        /// # Errors
        /// As that method.
        $(#[$attr])*
        // A deprecated method's twin carries the deprecation (listed) and may call it.
        #[allow(deprecated)]
        pub fn $name<$($generics)*>(&self, $($arg: $ty),*) -> $ret {
            self.handle().$name($($arg),*)
        }
    };
}

#[cfg(test)]
#[allow(unreachable_pub)] // the macro makes `pub` methods, here on a private test type
mod tests {
    use std::pin::Pin;

    use futures_core::Stream;

    use crate::blocking::stream::Iter;
    use crate::blocking::Client;
    use crate::error::Result;

    type Numbers = Pin<Box<dyn Stream<Item = u32> + Send>>;

    /// Stands in for an async area handle, with the kinds of methods no real area has yet.
    struct AsyncHandle;

    impl AsyncHandle {
        async fn count_to(&self, n: u32) -> Result<Numbers> {
            // `unfold` panics if polled after its end: the iterator must not do that.
            let numbers =
                futures_util::stream::unfold(
                    1,
                    move |i| async move { (i <= n).then_some((i, i + 1)) },
                );
            Ok(Box::pin(numbers))
        }

        async fn parse<T: std::str::FromStr>(&self, text: &str) -> Result<Option<T>> {
            Ok(text.parse().ok())
        }
    }

    struct Fake<'a> {
        client: &'a Client,
    }

    impl Fake<'_> {
        fn handle(&self) -> AsyncHandle {
            AsyncHandle
        }

        blocking_method!(iter Fake count_to [] (n: u32) -> Result<Iter<Numbers>>);
        blocking_method!(
            async Fake parse [T: std::str::FromStr + Send] (text: &str) -> Result<Option<T>>
        );
    }

    #[test]
    fn an_iter_method_gives_a_fused_iterator() {
        let client = Client::new("sk-or-test").unwrap();
        let fake = Fake { client: &client };
        let mut numbers = fake.count_to(3).unwrap();
        assert_eq!(numbers.by_ref().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(numbers.next(), None);
        assert_eq!(numbers.next(), None);
    }

    #[test]
    fn generic_methods_infer_their_parameters_from_the_result() {
        let client = Client::new("sk-or-test").unwrap();
        let fake = Fake { client: &client };
        assert_eq!(fake.parse::<u8>("42").unwrap(), Some(42));
        let parsed: Option<f64> = fake.parse("1.5").unwrap();
        assert_eq!(parsed, Some(1.5));
    }
}
