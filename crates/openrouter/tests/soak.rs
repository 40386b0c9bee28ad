//! Soak: a long run of plain calls and streams through the emulator, checking that memory
//! and open file descriptors stay flat.
//!
//! ```text
//! cargo test --release -p openrouter --test soak -- --ignored --nocapture
//! ```
//!
//! sends 1,000,000 chat completions and 100,000 streamed ones (read to the end), mixed
//! evenly, 256 at a time, through an emulator that keeps no history. Shorter runs:
//! `OPENROUTER_SOAK_REQUESTS`, `OPENROUTER_SOAK_STREAMS` and `OPENROUTER_SOAK_CONCURRENCY`.
//!
//! The process's resident memory and open file descriptors (client and emulator together)
//! are sampled at the start, at every tenth of the run and at the end. The run fails when
//! any call fails, when from the middle to the end RSS grows by more than
//! [`RSS_GROWTH_LIMIT`] or descriptors by more than [`FD_GROWTH_LIMIT`] (by the middle, pools
//! and buffers have reached their working size, so later growth is a leak), or when
//! descriptors do not return to within [`FD_GROWTH_LIMIT`] of the start once the client and
//! the emulator are dropped.

mod support;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use openrouter::{Client, RetryPolicy};
use openrouter_mock::{MockConfig, MockServer};
use support::hello;

/// Largest RSS growth allowed from the middle of the run to its end.
const RSS_GROWTH_LIMIT: u64 = 64 * 1024 * 1024;
/// Largest growth in open file descriptors allowed from the middle to the end, and from the
/// start to after shutdown.
const FD_GROWTH_LIMIT: usize = 16;

/// How much of the process is in use at one moment.
#[derive(Debug, Clone, Copy)]
struct Sample {
    /// Operations finished when the sample was taken.
    done: u64,
    rss_bytes: u64,
    fds: usize,
}

impl Sample {
    fn take(done: u64) -> Sample {
        let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
        let rss_kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS in /proc/self/status");
        let fds = std::fs::read_dir("/proc/self/fd")
            .expect("/proc/self/fd")
            .count();
        Sample {
            done,
            rss_bytes: rss_kib * 1024,
            fds,
        }
    }
}

impl std::fmt::Display for Sample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "after {:>9} ops: RSS {:>7.1} MiB, {:>4} fds",
            self.done,
            self.rss_bytes as f64 / (1024.0 * 1024.0),
            self.fds
        )
    }
}

fn env_count(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Err(_) => default,
        Ok(value) => value.trim().parse().unwrap_or_else(|_| {
            panic!("{name}={value:?} is not a whole number; unset it or give a count")
        }),
    }
}

/// The shared plan: which operation comes next, and what has been seen so far.
struct Run {
    requests: u64,
    streams: u64,
    next: AtomicU64,
    done: AtomicU64,
    failures: Mutex<Vec<String>>,
    samples: Mutex<Vec<Sample>>,
}

impl Run {
    fn total(&self) -> u64 {
        self.requests + self.streams
    }

    /// Whether operation `i` is a stream: streams are spread evenly through the run.
    fn is_stream(&self, i: u64) -> bool {
        // Operation i is a stream when the count of streams due by i+1 goes up.
        (i + 1) * self.streams / self.total() > i * self.streams / self.total()
    }

    fn finished_one(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let tenth = (self.total() / 10).max(1);
        if done.is_multiple_of(tenth) || done == self.total() / 2 {
            self.samples
                .lock()
                .expect("samples lock")
                .push(Sample::take(done));
        }
    }

    fn failed(&self, what: String) {
        let mut failures = self.failures.lock().expect("failures lock");
        // The first few say what went wrong; the count says how often.
        if failures.len() < 20 {
            failures.push(what);
        }
    }
}

async fn worker(client: Client, run: Arc<Run>) -> (u64, u64) {
    let request = hello();
    let (mut requests, mut streams) = (0, 0);
    loop {
        let i = run.next.fetch_add(1, Ordering::Relaxed);
        if i >= run.total() {
            return (requests, streams);
        }
        if run.is_stream(i) {
            streams += 1;
            let result = match client.chat().stream(&request).await {
                Ok(stream) => stream.collect_result().await,
                Err(error) => Err(error),
            };
            match result {
                Ok(answer) if answer.text().is_some_and(|t| !t.is_empty()) => {}
                Ok(answer) => run.failed(format!("stream {i}: empty answer {answer:?}")),
                Err(error) => run.failed(format!("stream {i}: {error}")),
            }
        } else {
            requests += 1;
            match client.chat().create(&request).await {
                Ok(answer) if answer.text().is_some_and(|t| !t.is_empty()) => {}
                Ok(answer) => run.failed(format!("request {i}: empty answer {answer:?}")),
                Err(error) => run.failed(format!("request {i}: {error}")),
            }
        }
        run.finished_one();
    }
}

/// Waits up to `limit` for the descriptors of closed connections to be released.
async fn fds_settle(target: usize, limit: Duration) -> Sample {
    let until = Instant::now() + limit;
    loop {
        let sample = Sample::take(0);
        if sample.fds <= target || Instant::now() >= until {
            return sample;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "long run: cargo test --release -p openrouter --test soak -- --ignored --nocapture"]
async fn a_long_run_keeps_memory_and_descriptors_flat() {
    let requests = env_count("OPENROUTER_SOAK_REQUESTS", 1_000_000);
    let streams = env_count("OPENROUTER_SOAK_STREAMS", 100_000);
    let concurrency = env_count("OPENROUTER_SOAK_CONCURRENCY", 256).max(1);
    assert!(requests + streams > 0, "nothing to run");
    let start = Sample::take(0);

    let server = MockServer::start_with(MockConfig::new().keep_history(false))
        .await
        .expect("emulator starts");
    // No retries: every failure must show.
    let client = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    let run = Arc::new(Run {
        requests,
        streams,
        next: AtomicU64::new(0),
        done: AtomicU64::new(0),
        failures: Mutex::new(Vec::new()),
        samples: Mutex::new(Vec::new()),
    });

    let began = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| tokio::spawn(worker(client.clone(), Arc::clone(&run))))
        .collect();
    let (mut sent_requests, mut sent_streams) = (0, 0);
    for worker in workers {
        let (r, s) = worker.await.expect("worker finished");
        sent_requests += r;
        sent_streams += s;
    }
    let elapsed = began.elapsed();
    let end = Sample::take(run.total());
    let seen = server.request_count();
    let connections = server.connections();

    drop(client);
    drop(server);
    let after = fds_settle(start.fds + FD_GROWTH_LIMIT, Duration::from_secs(5)).await;

    let total = run.total();
    let seconds = elapsed.as_secs_f64();
    eprintln!(
        "soak: {sent_requests} requests + {sent_streams} streams at concurrency {concurrency} \
         in {seconds:.1} s: {:.0} ops/s",
        total as f64 / seconds
    );
    eprintln!(
        "soak: the emulator saw {seen} requests over {connections} TCP connections \
         ({:.1} requests per connection)",
        seen as f64 / connections.max(1) as f64
    );
    let samples = run.samples.lock().expect("samples lock").clone();
    eprintln!("soak: start     {start}");
    for sample in &samples {
        eprintln!("soak:           {sample}");
    }
    eprintln!("soak: end       {end}");
    eprintln!(
        "soak: shutdown  RSS {:.1} MiB, {} fds",
        after.rss_bytes as f64 / (1024.0 * 1024.0),
        after.fds
    );

    let failures = run.failures.lock().expect("failures lock").clone();
    assert!(
        failures.is_empty(),
        "calls failed:\n{}",
        failures.join("\n")
    );
    assert_eq!(sent_requests, requests);
    assert_eq!(sent_streams, streams);
    assert_eq!(seen as u64, total, "one HTTP request per call, no retries");
    let middle = samples
        .iter()
        .find(|s| s.done == total / 2)
        .copied()
        .unwrap_or(start);
    assert!(
        end.rss_bytes <= middle.rss_bytes + RSS_GROWTH_LIMIT,
        "RSS grew from {middle} to {end}"
    );
    assert!(
        end.fds <= middle.fds + FD_GROWTH_LIMIT,
        "descriptors grew from {middle} to {end}"
    );
    assert!(
        after.fds <= start.fds + FD_GROWTH_LIMIT,
        "descriptors were not released after shutdown: {start} then {} fds",
        after.fds
    );
}
