//! The runtime a blocking client owns, and the one way futures are run on it.

use std::future::Future;

use crate::error::{Error, Result};

/// A Tokio runtime with one worker thread, private to a blocking client and its clones.
///
/// The worker always runs, so connections in the pool, timers and the closing of dropped
/// streams make progress between calls and while other threads share the client. The
/// futures themselves are polled on the calling thread (see [`Runtime::block_on`]), which is
/// why they may borrow the caller's arguments.
pub(crate) struct Runtime {
    // An `Option` only so that `Drop` can choose how to shut it down.
    tokio: Option<tokio::runtime::Runtime>,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime").finish_non_exhaustive()
    }
}

impl Runtime {
    /// Starts the worker thread.
    pub(crate) fn new() -> Result<Self> {
        let tokio = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("openrouter-blocking")
            .enable_all()
            .build()
            .map_err(|e| {
                Error::Config(format!(
                    "could not start the blocking client's runtime thread: {e}"
                ))
            })?;
        Ok(Self { tokio: Some(tokio) })
    }

    /// Runs `future` to completion and returns its output.
    ///
    /// Outside any async runtime the future runs on the calling thread. Inside one (a
    /// blocking call made from async code), Tokio forbids blocking the thread in a nested
    /// `block_on` and would panic, so the future runs on a short-lived helper thread while
    /// the calling thread waits for it: the call works, but it holds that thread, and any
    /// task scheduled on it, until it returns. Hence the `Send` bounds.
    pub(crate) fn block_on<F>(&self, future: F) -> F::Output
    where
        F: Future + Send,
        F::Output: Send,
    {
        let Some(tokio) = self.tokio.as_ref() else {
            unreachable!("the runtime is only taken out when it is dropped")
        };
        if tokio::runtime::Handle::try_current().is_err() {
            return tokio.block_on(future);
        }
        std::thread::scope(|scope| {
            let helper = std::thread::Builder::new()
                .name("openrouter-blocking-call".into())
                .spawn_scoped(scope, || tokio.block_on(future));
            match helper {
                Ok(helper) => match helper.join() {
                    Ok(output) => output,
                    // A panic in the future belongs to the caller, as it would without the hop.
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(e) => panic!("openrouter: cannot start a thread for a blocking call: {e}"),
            }
        })
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        if let Some(tokio) = self.tokio.take() {
            // Dropping a runtime waits for its threads, which Tokio forbids (with a panic)
            // inside async code; there, let the worker finish on its own.
            if tokio::runtime::Handle::try_current().is_ok() {
                tokio.shutdown_background();
            } else {
                drop(tokio);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_a_borrowing_future_outside_any_runtime() {
        let runtime = Runtime::new().unwrap();
        let words = ["a".to_owned(), "b".to_owned()];
        let joined = runtime.block_on(async { words.join("+") });
        assert_eq!(joined, "a+b");
    }

    #[test]
    fn runs_inside_a_current_thread_runtime_and_drops_there() {
        let outer = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        outer.block_on(async {
            let runtime = Runtime::new().unwrap();
            let slept = runtime.block_on(async {
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                std::thread::current().name().map(str::to_owned)
            });
            assert_eq!(slept.as_deref(), Some("openrouter-blocking-call"));
            drop(runtime);
        });
    }

    #[test]
    fn a_panic_in_the_future_reaches_the_caller() {
        let outer = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let caught = outer.block_on(async {
            let runtime = Runtime::new().unwrap();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                runtime.block_on(async { panic!("boom") })
            }))
        });
        let message = caught.unwrap_err();
        assert_eq!(message.downcast_ref::<&str>(), Some(&"boom"));
    }
}
