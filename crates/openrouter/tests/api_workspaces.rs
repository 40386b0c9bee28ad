//! `client.workspaces()` against the emulator: CRUD, budgets, members, paging and failures.

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::workspaces::{
    BudgetInterval, CreateWorkspaceRequest, SetWorkspaceBudgetRequest, UpdateWorkspaceRequest,
    WorkspaceMembersRequest, WorkspaceRole,
};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

fn management(server: &MockServer) -> Client {
    Client::builder()
        .management_key(server.management_key())
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap()
}

fn status(error: &Error) -> u16 {
    error.status().map(|s| s.as_u16()).unwrap_or(0)
}

#[tokio::test]
async fn workspace_crud_round_trip() {
    let server = MockServer::start().await;
    let client = management(&server);
    let ws = client.workspaces();
    let created = ws
        .create(
            &CreateWorkspaceRequest::new("Production", "production")
                .description("prod")
                .default_text_model("openai/gpt-4o")
                .io_logging_sampling_rate(0.5),
        )
        .await
        .unwrap();
    assert_eq!(created.name, "Production");
    assert_eq!(created.id.len(), 36, "a UUID: {}", created.id);
    assert_eq!(created.description.as_deref(), Some("prod"));
    assert_eq!(created.io_logging_sampling_rate, Some(0.5));

    let by_slug = ws.get("production").await.unwrap();
    assert_eq!(by_slug.id, created.id);
    let updated = ws
        .update(
            &created.id,
            &UpdateWorkspaceRequest::new().name("Prod").slug("prod"),
        )
        .await
        .unwrap();
    assert_eq!(
        (updated.name.as_str(), updated.slug.as_str()),
        ("Prod", "prod")
    );
    assert!(updated.updated_at.is_some());
    assert_eq!(ws.get(&created.id).await.unwrap().slug, "prod");

    assert!(ws.delete(&created.id).await.unwrap().deleted);
    let gone = ws.get(&created.id).await.unwrap_err();
    assert_eq!(status(&gone), 404);
    assert_eq!(status(&ws.delete(&created.id).await.unwrap_err()), 404);
}

#[tokio::test]
async fn slugs_are_unique_and_validated() {
    let server = MockServer::start().await;
    let ws = management(&server);
    let ws = ws.workspaces();
    ws.create(&CreateWorkspaceRequest::new("A", "team-a"))
        .await
        .unwrap();
    let dup = ws
        .create(&CreateWorkspaceRequest::new("B", "team-a"))
        .await
        .unwrap_err();
    assert_eq!(status(&dup), 409);
    let bad = ws
        .create(&CreateWorkspaceRequest::new("C", "Bad Slug"))
        .await
        .unwrap_err();
    assert_eq!(status(&bad), 400);
    assert!(bad.api().unwrap().message().contains("slug"), "{bad}");
    let empty = ws
        .create(&CreateWorkspaceRequest::new("", "ok"))
        .await
        .unwrap_err();
    assert!(empty.api().unwrap().message().contains("name"), "{empty}");
}

#[tokio::test]
async fn the_default_workspace_cannot_be_deleted() {
    let server = MockServer::start().await;
    let client = management(&server);
    let list = client.workspaces().list(PageParams::new()).await.unwrap();
    let default = list
        .data
        .iter()
        .find(|w| w.slug == "default")
        .expect("a default workspace");
    let err = client.workspaces().delete(&default.id).await.unwrap_err();
    assert_eq!(status(&err), 403);
    assert!(err
        .api()
        .unwrap()
        .message()
        .contains("not yet generally available"));
}

#[tokio::test]
async fn budgets_round_trip_and_keep_their_order() {
    let server = MockServer::start().await;
    let client = management(&server);
    let ws = client.workspaces();
    let w = ws
        .create(&CreateWorkspaceRequest::new("Budgeted", "budgeted"))
        .await
        .unwrap();
    let monthly = ws
        .set_budget(
            &w.id,
            BudgetInterval::Monthly,
            &SetWorkspaceBudgetRequest::new(100.0).include_byok_in_budgets(true),
        )
        .await
        .unwrap();
    assert_eq!(monthly.data.limit_usd, 100.0);
    assert_eq!(monthly.data.reset_interval, Some(BudgetInterval::Monthly));
    assert_eq!(monthly.include_byok_in_budgets, Some(true));
    let lifetime = ws
        .set_budget(&w.id, "lifetime", &SetWorkspaceBudgetRequest::new(500.0))
        .await
        .unwrap();
    assert_eq!(lifetime.data.reset_interval, None);
    assert_eq!(lifetime.data.interval(), BudgetInterval::Lifetime);

    // A daily limit above the monthly one breaks the ordering.
    let err = ws
        .set_budget(
            &w.id,
            BudgetInterval::Daily,
            &SetWorkspaceBudgetRequest::new(150.0),
        )
        .await
        .unwrap_err();
    assert_eq!(status(&err), 400);
    let message = err.api().unwrap().message().to_owned();
    assert!(
        message.contains("daily") && message.contains("monthly"),
        "{message}"
    );
    // So does a monthly limit above the lifetime one.
    let err = ws
        .set_budget(
            &w.id,
            BudgetInterval::Monthly,
            &SetWorkspaceBudgetRequest::new(500.0),
        )
        .await
        .unwrap_err();
    assert!(err.api().unwrap().message().contains("lifetime"), "{err}");
    let err = ws
        .set_budget(
            &w.id,
            BudgetInterval::Weekly,
            &SetWorkspaceBudgetRequest::new(0.0),
        )
        .await
        .unwrap_err();
    assert!(err.api().unwrap().message().contains("limit_usd"), "{err}");

    ws.set_budget(
        &w.id,
        BudgetInterval::Daily,
        &SetWorkspaceBudgetRequest::new(10.0),
    )
    .await
    .unwrap();
    let all = ws.list_budgets(&w.id).await.unwrap();
    let limits: Vec<f64> = all.data.iter().map(|b| b.limit_usd).collect();
    assert_eq!(limits, vec![500.0, 100.0, 10.0]);
    assert_eq!(all.include_byok_in_budgets, Some(true));

    let got = ws.get_budget(&w.id, BudgetInterval::Daily).await.unwrap();
    assert_eq!(got.data.limit_usd, 10.0);
    assert!(
        ws.delete_budget(&w.id, BudgetInterval::Daily)
            .await
            .unwrap()
            .deleted
    );
    let err = ws
        .get_budget(&w.id, BudgetInterval::Daily)
        .await
        .unwrap_err();
    assert_eq!(status(&err), 404);
    // Deleting a budget that is not set still succeeds, as documented.
    assert!(
        ws.delete_budget(&w.id, BudgetInterval::Daily)
            .await
            .unwrap()
            .deleted
    );
    let err = ws.get_budget(&w.id, "hourly").await.unwrap_err();
    assert_eq!(status(&err), 400);
}

#[tokio::test]
async fn members_are_added_listed_paged_and_removed() {
    let server = MockServer::start().await;
    let client = management(&server);
    let ws = client.workspaces();
    let w = ws
        .create(&CreateWorkspaceRequest::new("Team", "team"))
        .await
        .unwrap();
    let users: Vec<String> = (0..5).map(|i| format!("user_{i}")).collect();
    let added = ws
        .add_members(&w.id, &WorkspaceMembersRequest::new(users.clone()))
        .await
        .unwrap();
    assert_eq!(added.added_count, 5);
    assert_eq!(added.data[0].role, Some(WorkspaceRole::Member));

    let before = server.request_count();
    let listed: Vec<String> = ws
        .list_members_all(&w.id)
        .page_size(2)
        .map(|m| m.unwrap().user_id)
        .collect()
        .await;
    assert_eq!(listed, users);
    let pages: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        pages,
        ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]
    );

    let removed = ws
        .remove_members(&w.id, &WorkspaceMembersRequest::new(["user_0", "user_9"]))
        .await
        .unwrap();
    assert_eq!(removed.removed_count, 1);
    let page = ws.list_members(&w.id, PageParams::new()).await.unwrap();
    assert_eq!(page.total_count, Some(4));
    let err = ws
        .add_members(&w.id, &WorkspaceMembersRequest::new(Vec::<String>::new()))
        .await
        .unwrap_err();
    assert!(err.api().unwrap().message().contains("user_ids"), "{err}");
    let err = ws
        .list_members("no-such-workspace", PageParams::new())
        .await
        .unwrap_err();
    assert_eq!(status(&err), 404);
}

#[tokio::test]
async fn workspaces_page_lazily() {
    let server = MockServer::start().await;
    let client = management(&server);
    for i in 0..4 {
        client
            .workspaces()
            .create(&CreateWorkspaceRequest::new(
                format!("W{i}"),
                format!("w-{i}"),
            ))
            .await
            .unwrap();
    }
    let before = server.request_count();
    let mut all = client.workspaces().list_all().page_size(2);
    assert_eq!(
        server.request_count(),
        before,
        "nothing sent before polling"
    );
    let first = all.next().await.unwrap().unwrap();
    assert_eq!(first.slug, "default");
    assert_eq!(server.request_count(), before + 1);
    let rest: Vec<String> = all.map(|w| w.unwrap().slug).collect().await;
    assert_eq!(rest, ["w-0", "w-1", "w-2", "w-3"]);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]
    );
}

#[tokio::test]
async fn management_key_rules() {
    let server = MockServer::start().await;
    // No management key: refused before anything is sent.
    let api_only = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = api_only
        .workspaces()
        .list(PageParams::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert!(err.to_string().contains("management key"), "{err}");
    assert_eq!(server.request_count(), 0);

    // An ordinary key sent as the management key gets the API's 403.
    let wrong = Client::builder()
        .management_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = wrong
        .workspaces()
        .list(PageParams::new())
        .await
        .unwrap_err();
    assert_eq!(status(&err), 403);
}
