//! In-memory collections of JSON documents, for the endpoints with create/read/update/delete
//! semantics (keys, guardrails, workspaces, presets...). Each area names its collection; the
//! documents are the area's own JSON, so no area needs a field in the shared state.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde_json::Value;

/// Named collections of documents, each kept in insertion order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    collections: Mutex<HashMap<&'static str, Collection>>,
}

#[derive(Debug, Default)]
struct Collection {
    next: u64,
    /// Insertion sequence number -> (id, document): lists come back in creation order.
    order: BTreeMap<u64, String>,
    docs: HashMap<String, (u64, Value)>,
}

impl Store {
    fn lock(&self) -> MutexGuard<'_, HashMap<&'static str, Collection>> {
        self.collections
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a document; `false` (and nothing stored) when the id is taken.
    pub(crate) fn insert(&self, collection: &'static str, id: &str, doc: Value) -> bool {
        let mut all = self.lock();
        let col = all.entry(collection).or_default();
        if col.docs.contains_key(id) {
            return false;
        }
        let seq = col.next;
        col.next += 1;
        col.order.insert(seq, id.to_owned());
        col.docs.insert(id.to_owned(), (seq, doc));
        true
    }

    /// The document with this id.
    pub(crate) fn get(&self, collection: &'static str, id: &str) -> Option<Value> {
        self.lock()
            .get(collection)?
            .docs
            .get(id)
            .map(|(_, doc)| doc.clone())
    }

    /// Applies `change` to the document with this id and returns the new document.
    pub(crate) fn update(
        &self,
        collection: &'static str,
        id: &str,
        change: impl FnOnce(&mut Value),
    ) -> Option<Value> {
        let mut all = self.lock();
        let (_, doc) = all.get_mut(collection)?.docs.get_mut(id)?;
        change(doc);
        Some(doc.clone())
    }

    /// Removes the document with this id and returns it.
    pub(crate) fn remove(&self, collection: &'static str, id: &str) -> Option<Value> {
        let mut all = self.lock();
        let col = all.get_mut(collection)?;
        let (seq, doc) = col.docs.remove(id)?;
        col.order.remove(&seq);
        Some(doc)
    }

    /// Every document, in creation order.
    pub(crate) fn list(&self, collection: &'static str) -> Vec<Value> {
        let all = self.lock();
        let Some(col) = all.get(collection) else {
            return Vec::new();
        };
        col.order
            .values()
            .filter_map(|id| col.docs.get(id).map(|(_, doc)| doc.clone()))
            .collect()
    }
}

/// The `offset`/`limit` window of `items`, as the live list endpoints apply it.
pub(crate) fn page<T: Clone>(items: &[T], offset: Option<usize>, limit: Option<usize>) -> Vec<T> {
    let start = offset.unwrap_or(0).min(items.len());
    let end = limit.map_or(items.len(), |l| start.saturating_add(l).min(items.len()));
    items[start..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn crud_semantics() {
        let store = Store::default();
        assert!(store.insert("things", "a", json!({"id": "a", "n": 1})));
        assert!(store.insert("things", "b", json!({"id": "b"})));
        assert!(!store.insert("things", "a", json!({})), "ids are unique");
        let updated = store
            .update("things", "a", |doc| doc["n"] = json!(2))
            .unwrap();
        assert_eq!(updated["n"], 2);
        assert_eq!(store.list("things").len(), 2);
        assert_eq!(store.list("things")[0]["id"], "a", "creation order");
        assert!(store.remove("things", "a").is_some());
        assert!(store.get("things", "a").is_none());
        assert!(store.remove("things", "a").is_none());
        assert!(store.list("other").is_empty());
    }

    #[test]
    fn pages_clamp_to_the_list() {
        let items = [1, 2, 3, 4, 5];
        assert_eq!(page(&items, Some(1), Some(2)), vec![2, 3]);
        assert_eq!(page(&items, Some(4), Some(10)), vec![5]);
        assert_eq!(page(&items, Some(9), None), Vec::<i32>::new());
        assert_eq!(page(&items, None, None), items.to_vec());
    }
}
