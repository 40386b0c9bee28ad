//! `/presets` (API key). Saving a version changes account state, so those steps run against
//! the emulator or with `OPENROUTER_CONFORMANCE_MUTATE=1`.

use openrouter::pagination::PageParams;
use openrouter::types::chat::{ChatRequest, Message};
use serde_json::json;

use crate::target::{target, Target};

fn may_mutate(target: &Target) -> bool {
    let ok =
        target.emulated || std::env::var("OPENROUTER_CONFORMANCE_MUTATE").as_deref() == Ok("1");
    if !ok {
        eprintln!("skipped: saves a preset; set OPENROUTER_CONFORMANCE_MUTATE=1 to run it");
    }
    ok
}

const SLUG: &str = "sdk-conformance";

async fn saved(target: &Target) {
    let request = ChatRequest::new(
        target.model.clone(),
        [
            Message::system("You are a helpful assistant."),
            Message::user("Hello!"),
        ],
    )
    .temperature(0.7);
    target
        .client
        .presets()
        .save_from_chat(SLUG, &request)
        .await
        .unwrap();
}

#[tokio::test]
async fn list_presets() {
    let target = target().await;
    let page = target
        .client
        .presets()
        .list(PageParams::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
}

#[tokio::test]
async fn get_preset() {
    let target = target().await;
    if !may_mutate(&target) {
        return;
    }
    saved(&target).await;
    let preset = target.client.presets().get(SLUG).await.unwrap();
    assert!(preset.designated_version.is_some());
}

#[tokio::test]
async fn create_presets_chat_completions() {
    let target = target().await;
    if !may_mutate(&target) {
        return;
    }
    let request = ChatRequest::new(target.model.clone(), [Message::user("Hello!")]);
    let preset = target
        .client
        .presets()
        .save_from_chat(SLUG, &request)
        .await
        .unwrap();
    assert_eq!(preset.slug, SLUG);
}

#[tokio::test]
async fn create_presets_messages() {
    let target = target().await;
    if !may_mutate(&target) {
        return;
    }
    let body = json!({"model": "anthropic/claude-4.6-sonnet", "max_tokens": 1024,
        "system": "You are a helpful assistant.", "messages": [{"role": "user", "content": "Hello!"}]});
    let preset = target
        .client
        .presets()
        .save_from_messages(SLUG, &body)
        .await
        .unwrap();
    assert!(preset.designated_version.is_some());
}

#[tokio::test]
async fn create_presets_responses() {
    let target = target().await;
    if !may_mutate(&target) {
        return;
    }
    let body = json!({"model": target.model, "instructions": "You are a helpful assistant.", "input": "Hello!"});
    let preset = target
        .client
        .presets()
        .save_from_responses(SLUG, &body)
        .await
        .unwrap();
    assert!(preset.designated_version.is_some());
}

#[tokio::test]
async fn list_preset_versions() {
    let target = target().await;
    if !may_mutate(&target) {
        return;
    }
    saved(&target).await;
    let versions = target
        .client
        .presets()
        .list_versions(SLUG, PageParams::new())
        .await
        .unwrap();
    assert!(!versions.data.is_empty());
}

#[tokio::test]
async fn get_preset_version() {
    let target = target().await;
    if !may_mutate(&target) {
        return;
    }
    saved(&target).await;
    let version = target.client.presets().get_version(SLUG, 1).await.unwrap();
    assert_eq!(version.version, 1);
}
