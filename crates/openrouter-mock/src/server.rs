//! The accept loop, per-connection kill switches, and the [`MockServer`] handle.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use crate::config::MockConfig;
use crate::faults::Fault;
use crate::record::RecordedRequest;
use crate::routes::{self, API_PREFIX};
use crate::script::MockReply;
use crate::state::Shared;

/// Lets a handler make its connection task drop the connection at once.
#[derive(Debug, Clone, Default)]
pub(crate) struct KillSwitch(Arc<Notify>);

impl KillSwitch {
    pub(crate) fn fire(&self) {
        // `notify_one` keeps a permit, so the signal is not lost if the task is not waiting yet.
        self.0.notify_one();
    }

    async fn fired(&self) {
        self.0.notified().await;
    }
}

/// A running emulator; dropping it stops the server and closes its connections.
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    api_key: String,
    management_key: String,
    shared: Arc<Shared>,
    // Dropping the sender is the shutdown signal for the accept loop and every connection.
    _shutdown: watch::Sender<()>,
}

impl MockServer {
    /// Start on a free loopback port with the default [`MockConfig`].
    ///
    /// This is a test helper: it panics if 127.0.0.1 cannot be bound.
    pub async fn start() -> MockServer {
        match Self::start_with(MockConfig::default()).await {
            Ok(server) => server,
            Err(e) => panic!("openrouter-mock: cannot bind 127.0.0.1: {e}"),
        }
    }

    /// Start with `config`.
    ///
    /// # Errors
    /// When the address cannot be bound.
    pub async fn start_with(config: MockConfig) -> io::Result<MockServer> {
        let listener = TcpListener::bind(config.addr).await?;
        Self::from_listener(listener, config)
    }

    /// Serve on an already bound listener (`config.addr` is ignored); call inside a Tokio runtime.
    ///
    /// # Errors
    /// When the listener's address cannot be read.
    pub fn from_listener(listener: TcpListener, config: MockConfig) -> io::Result<MockServer> {
        let addr = listener.local_addr()?;
        let api_key = config.api_keys.first().cloned().unwrap_or_default();
        let management_key = config.management_keys.first().cloned().unwrap_or_default();
        let shared = Arc::new(Shared::new(config));
        let (tx, rx) = watch::channel(());
        tokio::spawn(accept_loop(
            listener,
            routes::router(Arc::clone(&shared)),
            rx,
        ));
        Ok(MockServer {
            addr,
            api_key,
            management_key,
            shared,
            _shutdown: tx,
        })
    }

    /// Base URL of the API, e.g. `http://127.0.0.1:PORT/api/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}{API_PREFIX}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A key the server accepts (the first configured one; empty if none were configured).
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// A management key the server accepts (first of [`MockConfig::management_keys`]), for
    /// the administration endpoints.
    pub fn management_key(&self) -> &str {
        &self.management_key
    }

    /// Queue a fault for the next request that arrives (first in, first out).
    pub fn push_fault(&self, fault: Fault) {
        self.shared.push_fault(fault);
    }

    /// Queue a scripted model turn for the next chat completion that passes validation
    /// (first in, first out; streamed or not). Unscripted completions keep deriving their
    /// answer from the prompt.
    pub fn push_reply(&self, reply: MockReply) {
        self.shared.push_reply(reply);
    }

    /// How many queued replies no chat completion has consumed yet.
    pub fn pending_replies(&self) -> usize {
        self.shared.pending_replies()
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// How many requests arrived so far.
    pub fn request_count(&self) -> usize {
        self.shared.request_count()
    }

    /// Streamed responses whose client went away before the stream finished.
    pub fn disconnects(&self) -> usize {
        self.shared.disconnects()
    }

    /// Wait until at least `n` disconnects were seen; `false` if `timeout` passed first.
    pub async fn wait_for_disconnects(&self, n: usize, timeout: Duration) -> bool {
        let mut rx = self.shared.watch_disconnects();
        let waited = tokio::time::timeout(timeout, rx.wait_for(|seen| *seen >= n)).await;
        matches!(waited, Ok(Ok(_)))
    }
}

/// Serve the emulator on `listener` until `shutdown` resolves, for embedding in a program
/// that owns its own lifecycle (no handle, so no faults queue or recording access).
///
/// # Errors
/// When the listener's address cannot be read.
pub async fn serve(
    listener: TcpListener,
    config: MockConfig,
    shutdown: impl std::future::Future<Output = ()>,
) -> io::Result<()> {
    let server = MockServer::from_listener(listener, config)?;
    shutdown.await;
    drop(server);
    Ok(())
}

async fn accept_loop(listener: TcpListener, router: Router, mut shutdown: watch::Receiver<()>) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.changed() => return,
        };
        match accepted {
            Ok((stream, _)) => {
                tokio::spawn(serve_connection(stream, router.clone(), shutdown.clone()));
            }
            Err(e) => {
                // Typically out of file descriptors: back off rather than spin.
                tracing::warn!(error = %e, "openrouter-mock: accept failed");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
}

async fn serve_connection(stream: TcpStream, router: Router, mut shutdown: watch::Receiver<()>) {
    let _ = stream.set_nodelay(true);
    let kill = KillSwitch::default();
    let for_requests = kill.clone();
    let service = router.map_request(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(for_requests.clone());
        req
    });
    let builder = auto::Builder::new(TokioExecutor::new());
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    tokio::select! {
        biased;
        () = kill.fired() => {}
        _ = shutdown.changed() => {}
        result = conn => {
            if let Err(e) = result {
                tracing::debug!(error = %e, "openrouter-mock: connection ended with an error");
            }
        }
    }
}
