//! `GET /key` and the managed keys of `/keys`.

use futures_util::StreamExt;
use openrouter::types::keys::{CreateKeyRequest, KeyListParams, UpdateKeyRequest};

use crate::target::{target, Target};

/// Whether management cases can run: always against the emulator, and against a real
/// server only when a management key was configured.
pub(crate) fn can_manage(target: &Target, case: &str) -> bool {
    let ok = target.emulated || std::env::var_os("OPENROUTER_MANAGEMENT_KEY").is_some();
    if !ok {
        eprintln!("{case}: skipped, no OPENROUTER_MANAGEMENT_KEY for the real server");
    }
    ok
}

/// Whether cases may change state: always against the emulator, and against a real server
/// only with `OPENROUTER_CONFORMANCE_MUTATE=1`.
pub(crate) fn can_mutate(target: &Target, case: &str) -> bool {
    let ok = can_manage(target, case)
        && (target.emulated
            || std::env::var("OPENROUTER_CONFORMANCE_MUTATE").as_deref() == Ok("1"));
    if !ok {
        eprintln!("{case}: state-changing steps skipped; set OPENROUTER_CONFORMANCE_MUTATE=1");
    }
    ok
}

/// Creates a throwaway key named for the case.
async fn scratch_key(target: &Target, case: &str) -> String {
    let request = CreateKeyRequest::new(format!("conformance {case}")).limit(1.0);
    let created = target.client.keys().create(&request).await.unwrap();
    assert!(created.key.starts_with("sk-or-v1-"));
    created.data.hash
}

#[tokio::test]
async fn get_current_key() {
    let target = target().await;
    let key = target.client.keys().current().await.unwrap();
    assert!(!key.label.is_empty());
}

#[tokio::test]
async fn list() {
    let target = target().await;
    if !can_manage(&target, "list") {
        return;
    }
    let page = target
        .client
        .keys()
        .list(&KeyListParams::new())
        .await
        .unwrap();
    let first_of_stream = target
        .client
        .keys()
        .list_all(&KeyListParams::new())
        .next()
        .await;
    match (page.data.first(), first_of_stream) {
        (Some(first), Some(streamed)) => assert_eq!(first.hash, streamed.unwrap().hash),
        (None, None) => {}
        (a, b) => panic!("list and list_all disagree: {a:?} / {b:?}"),
    }
}

#[tokio::test]
async fn create_keys() {
    let target = target().await;
    if !can_mutate(&target, "create_keys") {
        return;
    }
    let hash = scratch_key(&target, "create_keys").await;
    let deleted = target.client.keys().delete(&hash).await.unwrap();
    assert!(deleted.deleted);
}

#[tokio::test]
async fn get_key() {
    let target = target().await;
    if !can_mutate(&target, "get_key") {
        return;
    }
    let hash = scratch_key(&target, "get_key").await;
    let key = target.client.keys().get(&hash).await.unwrap();
    assert_eq!(key.hash, hash);
    target.client.keys().delete(&hash).await.unwrap();
}

#[tokio::test]
async fn update_keys() {
    let target = target().await;
    if !can_mutate(&target, "update_keys") {
        return;
    }
    let hash = scratch_key(&target, "update_keys").await;
    let key = target
        .client
        .keys()
        .update(&hash, &UpdateKeyRequest::new().name("conformance renamed"))
        .await
        .unwrap();
    assert_eq!(key.name, "conformance renamed");
    target.client.keys().delete(&hash).await.unwrap();
}

#[tokio::test]
async fn delete_keys() {
    let target = target().await;
    if !can_mutate(&target, "delete_keys") {
        return;
    }
    let hash = scratch_key(&target, "delete_keys").await;
    assert!(target.client.keys().delete(&hash).await.unwrap().deleted);
    let error = target.client.keys().get(&hash).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}
