//! A `std::io::Write` seen as a Tokio `AsyncWrite`, for the `*_to_writer` twins.

use std::io::Write;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Writes synchronously from inside the future. That is sound here and only here: blocking
/// twins poll their future on the caller's own thread (or a helper thread standing in for
/// it), never on a runtime worker that other tasks depend on.
pub(crate) struct SyncWriter<'a, W>(pub(crate) &'a mut W);

impl<W: Write> tokio::io::AsyncWrite for SyncWriter<'_, W> {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Poll::Ready(self.get_mut().0.write(buf))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(self.get_mut().0.flush())
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(self.get_mut().0.flush())
    }
}
