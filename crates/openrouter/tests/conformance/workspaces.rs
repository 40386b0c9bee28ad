//! `/workspaces`: workspaces, budgets and members.

use openrouter::pagination::PageParams;
use openrouter::types::workspaces::{
    BudgetInterval, CreateWorkspaceRequest, SetWorkspaceBudgetRequest, UpdateWorkspaceRequest,
    Workspace, WorkspaceMembersRequest,
};

use crate::target::{target, Target};

/// Whether management cases can run, and state may be changed; prints why not.
pub(crate) fn may(target: &Target, mutate: bool) -> bool {
    if target.emulated {
        return true;
    }
    if std::env::var("OPENROUTER_MANAGEMENT_KEY").is_err() {
        eprintln!("skipped: no OPENROUTER_MANAGEMENT_KEY for a management operation");
        return false;
    }
    if mutate && std::env::var("OPENROUTER_CONFORMANCE_MUTATE").as_deref() != Ok("1") {
        eprintln!("skipped: changes account state; set OPENROUTER_CONFORMANCE_MUTATE=1 to run it");
        return false;
    }
    true
}

async fn scratch(target: &Target) -> Workspace {
    let slug = format!("conformance-{}", std::process::id());
    target
        .client
        .workspaces()
        .create(&CreateWorkspaceRequest::new("Conformance", slug))
        .await
        .unwrap()
}

async fn cleanup(target: &Target, ws: &Workspace) {
    target.client.workspaces().delete(&ws.id).await.unwrap();
}

#[tokio::test]
async fn list_workspaces() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .workspaces()
        .list(PageParams::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
    assert!(page.total_count.is_some());
}

#[tokio::test]
async fn create_workspace() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let ws = scratch(&target).await;
    assert_eq!(ws.name, "Conformance");
    cleanup(&target, &ws).await;
}

#[tokio::test]
async fn get_workspace() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .workspaces()
        .list(PageParams::new())
        .await
        .unwrap();
    let first = page.data.first().expect("every account has a workspace");
    let got = target.client.workspaces().get(&first.id).await.unwrap();
    assert_eq!(got.id, first.id);
}

#[tokio::test]
async fn update_workspace() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let ws = scratch(&target).await;
    let updated = target
        .client
        .workspaces()
        .update(
            &ws.id,
            &UpdateWorkspaceRequest::new().description("changed"),
        )
        .await
        .unwrap();
    assert_eq!(updated.description.as_deref(), Some("changed"));
    cleanup(&target, &ws).await;
}

#[tokio::test]
async fn delete_workspace() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let ws = scratch(&target).await;
    assert!(
        target
            .client
            .workspaces()
            .delete(&ws.id)
            .await
            .unwrap()
            .deleted
    );
    let err = target.client.workspaces().get(&ws.id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn list_workspace_budgets() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .workspaces()
        .list(PageParams::new())
        .await
        .unwrap();
    let first = page.data.first().expect("a workspace");
    let budgets = target
        .client
        .workspaces()
        .list_budgets(&first.id)
        .await
        .unwrap();
    assert!(budgets.data.iter().all(|b| b.limit_usd > 0.0));
}

#[tokio::test]
async fn upsert_workspace_budget() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let ws = scratch(&target).await;
    let set = target
        .client
        .workspaces()
        .set_budget(
            &ws.id,
            BudgetInterval::Monthly,
            &SetWorkspaceBudgetRequest::new(50.0),
        )
        .await
        .unwrap();
    assert_eq!(set.data.limit_usd, 50.0);
    cleanup(&target, &ws).await;
}

#[tokio::test]
async fn get_workspace_budget() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let ws = scratch(&target).await;
    let budgets = target.client.workspaces();
    budgets
        .set_budget(
            &ws.id,
            BudgetInterval::Weekly,
            &SetWorkspaceBudgetRequest::new(20.0),
        )
        .await
        .unwrap();
    let got = budgets
        .get_budget(&ws.id, BudgetInterval::Weekly)
        .await
        .unwrap();
    assert_eq!(got.data.reset_interval, Some(BudgetInterval::Weekly));
    cleanup(&target, &ws).await;
}

#[tokio::test]
async fn delete_workspace_budget() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let ws = scratch(&target).await;
    let budgets = target.client.workspaces();
    budgets
        .set_budget(
            &ws.id,
            BudgetInterval::Daily,
            &SetWorkspaceBudgetRequest::new(5.0),
        )
        .await
        .unwrap();
    assert!(
        budgets
            .delete_budget(&ws.id, BudgetInterval::Daily)
            .await
            .unwrap()
            .deleted
    );
    cleanup(&target, &ws).await;
}

#[tokio::test]
async fn list_workspace_members() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .workspaces()
        .list(PageParams::new())
        .await
        .unwrap();
    let first = page.data.first().expect("a workspace");
    let members = target
        .client
        .workspaces()
        .list_members(&first.id, PageParams::new().limit(10))
        .await
        .unwrap();
    assert!(members.data.len() <= 10);
}

#[tokio::test]
async fn bulk_add_workspace_members() {
    let target = target().await;
    // Real user ids are account-specific, so only the emulator runs this one.
    if !target.emulated {
        eprintln!("skipped: needs user ids of the account");
        return;
    }
    let ws = scratch(&target).await;
    let added = target
        .client
        .workspaces()
        .add_members(&ws.id, &WorkspaceMembersRequest::new(["user_a", "user_b"]))
        .await
        .unwrap();
    assert_eq!(added.added_count, 2);
    cleanup(&target, &ws).await;
}

#[tokio::test]
async fn bulk_remove_workspace_members() {
    let target = target().await;
    if !target.emulated {
        eprintln!("skipped: needs user ids of the account");
        return;
    }
    let ws = scratch(&target).await;
    let members = WorkspaceMembersRequest::new(["user_a"]);
    target
        .client
        .workspaces()
        .add_members(&ws.id, &members)
        .await
        .unwrap();
    let removed = target
        .client
        .workspaces()
        .remove_members(&ws.id, &members)
        .await
        .unwrap();
    assert_eq!(removed.removed_count, 1);
    cleanup(&target, &ws).await;
}
