//! `/guardrails` and its assignments.

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::guardrails::{
    CreateGuardrailRequest, GuardrailListParams, UpdateGuardrailRequest,
};
use openrouter::types::keys::CreateKeyRequest;

use crate::keys::{can_manage, can_mutate};
use crate::target::{target, Target};

/// A member of the emulated organization.
const EMULATED_MEMBER: &str = "user_2dHFtVWx2n56w6HkM0000000001";

async fn scratch_guardrail(target: &Target, case: &str) -> String {
    let request = CreateGuardrailRequest::new(format!("conformance {case}")).limit_usd(1.0);
    target
        .client
        .guardrails()
        .create(&request)
        .await
        .unwrap()
        .id
}

async fn scratch_key(target: &Target, case: &str) -> String {
    let request = CreateKeyRequest::new(format!("conformance {case}")).limit(1.0);
    target
        .client
        .keys()
        .create(&request)
        .await
        .unwrap()
        .data
        .hash
}

/// Runs `body` with a fresh guardrail and key, then deletes both.
async fn with_guardrail_and_key(case: &str, members: bool, check: impl AsyncCheck) {
    let target = target().await;
    if !can_mutate(&target, case) {
        return;
    }
    if members && !target.emulated {
        eprintln!("{case}: skipped against a real server (needs a known organization member)");
        return;
    }
    let id = scratch_guardrail(&target, case).await;
    let hash = scratch_key(&target, case).await;
    check.run(&target, &id, &hash).await;
    target.client.keys().delete(&hash).await.unwrap();
    target.client.guardrails().delete(&id).await.unwrap();
}

/// A check run against a guardrail id and a key hash.
trait AsyncCheck {
    async fn run(&self, target: &Target, id: &str, hash: &str);
}

#[tokio::test]
async fn list_guardrails() {
    let target = target().await;
    if !can_manage(&target, "list_guardrails") {
        return;
    }
    let page = target
        .client
        .guardrails()
        .list(&GuardrailListParams::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
    let streamed: Vec<_> = target
        .client
        .guardrails()
        .list_all(&GuardrailListParams::new())
        .take(5)
        .collect()
        .await;
    assert!(streamed.iter().all(Result::is_ok));
}

#[tokio::test]
async fn create_guardrail() {
    let target = target().await;
    if !can_mutate(&target, "create_guardrail") {
        return;
    }
    let id = scratch_guardrail(&target, "create_guardrail").await;
    assert!(!id.is_empty());
    target.client.guardrails().delete(&id).await.unwrap();
}

#[tokio::test]
async fn get_guardrail() {
    let target = target().await;
    if !can_mutate(&target, "get_guardrail") {
        return;
    }
    let id = scratch_guardrail(&target, "get_guardrail").await;
    assert_eq!(target.client.guardrails().get(&id).await.unwrap().id, id);
    target.client.guardrails().delete(&id).await.unwrap();
}

#[tokio::test]
async fn update_guardrail() {
    let target = target().await;
    if !can_mutate(&target, "update_guardrail") {
        return;
    }
    let id = scratch_guardrail(&target, "update_guardrail").await;
    let change = UpdateGuardrailRequest::new().limit_usd(2.0);
    let updated = target
        .client
        .guardrails()
        .update(&id, &change)
        .await
        .unwrap();
    assert_eq!(updated.limit_usd, Some(2.0));
    target.client.guardrails().delete(&id).await.unwrap();
}

#[tokio::test]
async fn delete_guardrail() {
    let target = target().await;
    if !can_mutate(&target, "delete_guardrail") {
        return;
    }
    let id = scratch_guardrail(&target, "delete_guardrail").await;
    assert!(
        target
            .client
            .guardrails()
            .delete(&id)
            .await
            .unwrap()
            .deleted
    );
    let error = target.client.guardrails().get(&id).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

struct AssignKeys;
impl AsyncCheck for AssignKeys {
    async fn run(&self, target: &Target, id: &str, hash: &str) {
        let g = target.client.guardrails();
        assert_eq!(g.assign_keys(id, [hash]).await.unwrap().assigned_count, 1);
        let page = g
            .list_guardrail_key_assignments(id, PageParams::new())
            .await
            .unwrap();
        assert!(page.data.iter().any(|a| a.key_hash == hash));
        assert_eq!(
            g.unassign_keys(id, [hash]).await.unwrap().unassigned_count,
            1
        );
    }
}

#[tokio::test]
async fn list_guardrail_key_assignments() {
    with_guardrail_and_key("list_guardrail_key_assignments", false, AssignKeys).await;
}

#[tokio::test]
async fn bulk_assign_keys_to_guardrail() {
    with_guardrail_and_key("bulk_assign_keys_to_guardrail", false, AssignKeys).await;
}

#[tokio::test]
async fn bulk_unassign_keys_from_guardrail() {
    with_guardrail_and_key("bulk_unassign_keys_from_guardrail", false, AssignKeys).await;
}

struct AssignMembers;
impl AsyncCheck for AssignMembers {
    async fn run(&self, target: &Target, id: &str, _hash: &str) {
        let g = target.client.guardrails();
        let assigned = g.assign_members(id, [EMULATED_MEMBER]).await.unwrap();
        assert_eq!(assigned.assigned_count, 1);
        let page = g
            .list_guardrail_member_assignments(id, PageParams::new())
            .await
            .unwrap();
        assert!(page.data.iter().any(|a| a.user_id == EMULATED_MEMBER));
        let removed = g.unassign_members(id, [EMULATED_MEMBER]).await.unwrap();
        assert_eq!(removed.unassigned_count, 1);
    }
}

#[tokio::test]
async fn list_guardrail_member_assignments() {
    with_guardrail_and_key("list_guardrail_member_assignments", true, AssignMembers).await;
}

#[tokio::test]
async fn bulk_assign_members_to_guardrail() {
    with_guardrail_and_key("bulk_assign_members_to_guardrail", true, AssignMembers).await;
}

#[tokio::test]
async fn bulk_unassign_members_from_guardrail() {
    with_guardrail_and_key("bulk_unassign_members_from_guardrail", true, AssignMembers).await;
}

#[tokio::test]
async fn list_key_assignments() {
    let target = target().await;
    if !can_manage(&target, "list_key_assignments") {
        return;
    }
    let page = target
        .client
        .guardrails()
        .list_key_assignments(PageParams::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
}

#[tokio::test]
async fn list_member_assignments() {
    let target = target().await;
    if !can_manage(&target, "list_member_assignments") {
        return;
    }
    let page = target
        .client
        .guardrails()
        .list_member_assignments(PageParams::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
}
