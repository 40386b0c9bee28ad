//! State shared by the handlers and the [`MockServer`](crate::MockServer) handle.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde_json::Value;
use tokio::sync::watch;

use crate::config::MockConfig;
use crate::faults::Fault;
use crate::record::RecordedRequest;
use crate::script::MockReply;

/// Store collection of API keys issued at runtime.
const RUNTIME_KEYS: &str = "runtime_api_keys";

/// Everything the emulator remembers between requests.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: MockConfig,
    faults: Mutex<VecDeque<Fault>>,
    replies: Mutex<VecDeque<MockReply>>,
    requests: Mutex<Vec<RecordedRequest>>,
    usage: Mutex<HashMap<String, f64>>,
    generations: Mutex<HashMap<String, Value>>,
    disconnects: watch::Sender<usize>,
    /// In-memory collections for the CRUD endpoints.
    pub(crate) store: crate::store::Store,
}

/// Locks without panicking: a handler that panicked mid-update cannot leave these
/// collections in a state worse than slightly stale.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub(crate) fn new(config: MockConfig) -> Self {
        Shared {
            config,
            faults: Mutex::default(),
            replies: Mutex::default(),
            requests: Mutex::default(),
            usage: Mutex::default(),
            generations: Mutex::default(),
            disconnects: watch::channel(0).0,
            store: crate::store::Store::default(),
        }
    }

    pub(crate) fn push_fault(&self, fault: Fault) {
        lock(&self.faults).push_back(fault);
    }

    pub(crate) fn next_fault(&self) -> Option<Fault> {
        lock(&self.faults).pop_front()
    }

    pub(crate) fn push_reply(&self, reply: MockReply) {
        lock(&self.replies).push_back(reply);
    }

    pub(crate) fn next_reply(&self) -> Option<MockReply> {
        lock(&self.replies).pop_front()
    }

    pub(crate) fn pending_replies(&self) -> usize {
        lock(&self.replies).len()
    }

    pub(crate) fn record(&self, request: RecordedRequest) {
        lock(&self.requests).push(request);
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    pub(crate) fn request_count(&self) -> usize {
        lock(&self.requests).len()
    }

    pub(crate) fn is_known_key(&self, key: &str) -> bool {
        self.config.api_keys.iter().any(|k| k == key) || self.store.get(RUNTIME_KEYS, key).is_some()
    }

    /// Accepts `key` as an API key from now on (keys issued by the OAuth exchange).
    pub(crate) fn add_api_key(&self, key: &str) {
        self.store
            .insert(RUNTIME_KEYS, key, serde_json::json!({ "key": key }));
    }

    pub(crate) fn is_management_key(&self, key: &str) -> bool {
        self.config.management_keys.iter().any(|k| k == key)
    }

    pub(crate) fn usage(&self, key: &str) -> f64 {
        lock(&self.usage).get(key).copied().unwrap_or(0.0)
    }

    pub(crate) fn charge(&self, key: &str, cost: f64) {
        let mut usage = lock(&self.usage);
        let total = usage.entry(key.to_owned()).or_insert(0.0);
        *total = crate::completion::round_usd(*total + cost);
    }

    /// Spend of every key together, for `GET /credits`.
    pub(crate) fn total_usage(&self) -> f64 {
        crate::completion::round_usd(lock(&self.usage).values().sum())
    }

    /// Every generation record, oldest first, for the analytics endpoints.
    pub(crate) fn all_generations(&self) -> Vec<Value> {
        let mut all: Vec<Value> = lock(&self.generations).values().cloned().collect();
        all.sort_by(|a, b| {
            let key = |v: &Value| {
                (
                    v["created_at"].as_str().unwrap_or("").to_owned(),
                    v["id"].as_str().unwrap_or("").to_owned(),
                )
            };
            key(a).cmp(&key(b))
        });
        all
    }

    pub(crate) fn store_generation(&self, id: String, record: Value) {
        lock(&self.generations).insert(id, record);
    }

    pub(crate) fn generation(&self, id: &str) -> Option<Value> {
        lock(&self.generations).get(id).cloned()
    }

    pub(crate) fn count_disconnect(&self) {
        self.disconnects.send_modify(|n| *n += 1);
    }

    pub(crate) fn disconnects(&self) -> usize {
        *self.disconnects.borrow()
    }

    pub(crate) fn watch_disconnects(&self) -> watch::Receiver<usize> {
        self.disconnects.subscribe()
    }
}
