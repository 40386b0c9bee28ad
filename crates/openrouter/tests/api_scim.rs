//! `client.scim()` against the emulator.

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::scim::{
    CreateScimGroupMappingRequest, ScimRole, UpdateScimGroupMappingRequest,
};
use openrouter::types::workspaces::CreateWorkspaceRequest;
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

fn management(server: &MockServer) -> Client {
    Client::builder()
        .management_key(server.management_key())
        .base_url(server.base_url())
        .build()
        .unwrap()
}

fn status(error: &Error) -> u16 {
    error.status().map(|s| s.as_u16()).unwrap_or(0)
}

#[tokio::test]
async fn mappings_crud() {
    let server = MockServer::start().await;
    let client = management(&server);
    let before = server.request_count();
    let groups: Vec<_> = client
        .scim()
        .list_groups_all()
        .page_size(2)
        .map(|g| g.unwrap())
        .collect()
        .await;
    assert_eq!(groups.len(), 3);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["offset=0&limit=2", "offset=2&limit=2"],
        "two pages of two"
    );
    let ws = client
        .workspaces()
        .create(&CreateWorkspaceRequest::new("Eng", "eng"))
        .await
        .unwrap();

    let scim = client.scim();
    let mapping = scim
        .create_mapping(&CreateScimGroupMappingRequest::new(
            &groups[0].id,
            &ws.id,
            ScimRole::Member,
        ))
        .await
        .unwrap();
    assert_eq!(mapping.role, Some(ScimRole::Member));
    assert_eq!(mapping.workspace_id, ws.id);
    let dup = scim
        .create_mapping(&CreateScimGroupMappingRequest::new(
            &groups[0].id,
            &ws.id,
            "admin",
        ))
        .await
        .unwrap_err();
    assert_eq!(status(&dup), 409);
    let unknown = scim
        .create_mapping(&CreateScimGroupMappingRequest::new(
            "00000000-0000-4000-8000-000000000000",
            &ws.id,
            "admin",
        ))
        .await
        .unwrap_err();
    assert_eq!(status(&unknown), 404);
    let bad_role = scim
        .create_mapping(&CreateScimGroupMappingRequest::new(
            &groups[1].id,
            &ws.id,
            "owner",
        ))
        .await
        .unwrap_err();
    assert!(
        bad_role.api().unwrap().message().contains("role"),
        "{bad_role}"
    );

    let updated = scim
        .update_mapping(
            &mapping.id,
            &UpdateScimGroupMappingRequest::new(ScimRole::Admin),
        )
        .await
        .unwrap();
    assert_eq!(updated.role, Some(ScimRole::Admin));
    assert_eq!(scim.get_mapping(&mapping.id).await.unwrap(), updated);

    for group in &groups[1..] {
        scim.create_mapping(&CreateScimGroupMappingRequest::new(
            &group.id, &ws.id, "member",
        ))
        .await
        .unwrap();
    }
    let before = server.request_count();
    let all: Vec<_> = scim
        .list_mappings_all()
        .page_size(2)
        .map(|m| m.unwrap())
        .collect()
        .await;
    assert_eq!(all.len(), 3);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(queries, ["offset=0&limit=2", "offset=2&limit=2"]);
    assert_eq!(
        scim.list_mappings(PageParams::new())
            .await
            .unwrap()
            .total_count,
        Some(3)
    );

    assert!(
        scim.delete_mapping(&mapping.id, false)
            .await
            .unwrap()
            .deleted
    );
    let query = server.requests().last().unwrap().query.clone();
    assert_eq!(query.as_deref(), Some("keep_members=false"));
    assert_eq!(
        status(&scim.get_mapping(&mapping.id).await.unwrap_err()),
        404
    );
    assert_eq!(
        status(&scim.delete_mapping(&mapping.id, true).await.unwrap_err()),
        404
    );
}

#[tokio::test]
async fn delete_without_keep_members_is_refused_by_the_emulator() {
    let server = MockServer::start().await;
    let response = reqwest::Client::new()
        .delete(format!("{}/scim/group-mappings/abc", server.base_url()))
        .bearer_auth(server.management_key())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await.unwrap().contains("keep_members"));
}

#[tokio::test]
async fn scim_needs_a_management_key() {
    let server = MockServer::start().await;
    let api_only = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = api_only
        .scim()
        .list_groups(PageParams::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
}
