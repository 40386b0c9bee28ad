//! `/scim`: groups come from the account's identity provider, so mapping cases run against
//! the emulator (which seeds groups) or an account with SCIM set up and groups present.

use openrouter::pagination::PageParams;
use openrouter::types::scim::{
    CreateScimGroupMappingRequest, ScimGroupMapping, ScimRole, UpdateScimGroupMappingRequest,
};
use openrouter::types::workspaces::CreateWorkspaceRequest;

use crate::target::{target, Target};
use crate::workspaces::may;

/// A mapping of the first group to a fresh workspace, or `None` when there are no groups.
async fn mapping(target: &Target) -> Option<(ScimGroupMapping, String)> {
    let groups = target
        .client
        .scim()
        .list_groups(PageParams::new())
        .await
        .unwrap();
    let group = groups.data.first()?;
    let ws = target
        .client
        .workspaces()
        .create(&CreateWorkspaceRequest::new(
            "SCIM conformance",
            format!("scim-conformance-{}", std::process::id()),
        ))
        .await
        .unwrap();
    let created = target
        .client
        .scim()
        .create_mapping(&CreateScimGroupMappingRequest::new(
            &group.id,
            &ws.id,
            ScimRole::Member,
        ))
        .await
        .unwrap();
    Some((created, ws.id))
}

async fn cleanup(target: &Target, mapping: &ScimGroupMapping, ws: &str) {
    target
        .client
        .scim()
        .delete_mapping(&mapping.id, true)
        .await
        .unwrap();
    target.client.workspaces().delete(ws).await.unwrap();
}

#[tokio::test]
async fn list_scim_groups() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let groups = target
        .client
        .scim()
        .list_groups(PageParams::new())
        .await
        .unwrap();
    assert!(groups.data.iter().all(|g| !g.id.is_empty()));
}

#[tokio::test]
async fn list_scim_group_mappings() {
    let target = target().await;
    if !may(&target, false) {
        return;
    }
    let page = target
        .client
        .scim()
        .list_mappings(PageParams::new())
        .await
        .unwrap();
    assert!(page.data.iter().all(|m| !m.id.is_empty()));
}

#[tokio::test]
async fn create_scim_group_mapping() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let Some((created, ws)) = mapping(&target).await else {
        eprintln!("skipped: no SCIM groups");
        return;
    };
    assert_eq!(created.role, Some(ScimRole::Member));
    cleanup(&target, &created, &ws).await;
}

#[tokio::test]
async fn get_scim_group_mapping() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let Some((created, ws)) = mapping(&target).await else {
        eprintln!("skipped: no SCIM groups");
        return;
    };
    assert_eq!(
        target
            .client
            .scim()
            .get_mapping(&created.id)
            .await
            .unwrap()
            .id,
        created.id
    );
    cleanup(&target, &created, &ws).await;
}

#[tokio::test]
async fn update_scim_group_mapping() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let Some((created, ws)) = mapping(&target).await else {
        eprintln!("skipped: no SCIM groups");
        return;
    };
    let updated = target
        .client
        .scim()
        .update_mapping(
            &created.id,
            &UpdateScimGroupMappingRequest::new(ScimRole::Admin),
        )
        .await
        .unwrap();
    assert_eq!(updated.role, Some(ScimRole::Admin));
    cleanup(&target, &created, &ws).await;
}

#[tokio::test]
async fn delete_scim_group_mapping() {
    let target = target().await;
    if !may(&target, true) {
        return;
    }
    let Some((created, ws)) = mapping(&target).await else {
        eprintln!("skipped: no SCIM groups");
        return;
    };
    assert!(
        target
            .client
            .scim()
            .delete_mapping(&created.id, true)
            .await
            .unwrap()
            .deleted
    );
    target.client.workspaces().delete(&ws).await.unwrap();
}
