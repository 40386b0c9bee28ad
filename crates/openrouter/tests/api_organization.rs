//! `client.organization()` against the emulator.

mod mgmt;

use futures_util::StreamExt;
use mgmt::{api_key_as_management, api_only, full_client, operation, round_trip, spec};
use openrouter::pagination::PageParams;
use openrouter::types::organization::{OrganizationMemberList, OrganizationRole};
use openrouter::Error;
use openrouter_mock::MockServer;

#[tokio::test]
async fn members_list_and_page_lazily() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let page = client
        .organization()
        .list_members(PageParams::new().limit(2))
        .await
        .unwrap();
    assert_eq!(page.data.len(), 2);
    let total = page.total_count.unwrap();
    assert!(total > 2);
    assert_eq!(page.data[0].role, Some(OrganizationRole::Admin));
    let before = server.request_count();
    let all: Vec<_> = client
        .organization()
        .list_members_all()
        .page_size(2)
        .map(|m| m.unwrap().id)
        .collect()
        .await;
    assert_eq!(all.len() as u64, total);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(queries[0], "offset=0&limit=2");
    assert_eq!(queries[1], "offset=2&limit=2");
    assert!(queries.len() >= 3);
    let error = client
        .organization()
        .list_members(PageParams::new().limit(500))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
}

#[tokio::test]
async fn members_need_a_management_key() {
    let server = MockServer::start().await;
    let error = api_only(&server)
        .organization()
        .list_members(PageParams::new())
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::Config(m) if m.contains("management key")));
    assert_eq!(server.request_count(), 0);
    let error = api_key_as_management(&server)
        .organization()
        .list_members(PageParams::new())
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
}

#[test]
fn spec_examples_round_trip() {
    let spec = spec();
    let examples = mgmt::success_examples(operation(&spec, "/organization/members", "get"));
    assert!(!examples.is_empty());
    for example in examples {
        round_trip::<OrganizationMemberList>("GET /organization/members", &example);
    }
}
