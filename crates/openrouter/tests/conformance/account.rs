//! Credits, analytics and the organization.

use openrouter::pagination::PageParams;
use openrouter::types::analytics::{ActivityParams, AnalyticsQuery};
use openrouter::ApiErrorKind;

use crate::keys::can_manage;
use crate::target::target;

#[tokio::test]
async fn get_credits() {
    let target = target().await;
    if !can_manage(&target, "get_credits") {
        return;
    }
    let credits = target.client.credits().get().await.unwrap();
    assert!(credits.total_credits >= 0.0 && credits.total_usage >= 0.0);
}

#[tokio::test]
#[allow(deprecated)]
async fn create_coinbase_charge() {
    let target = target().await;
    let error = target
        .client
        .credits()
        .create_coinbase_charge()
        .await
        .unwrap_err();
    match error {
        openrouter::Error::Api(api) => assert_eq!(api.kind(), ApiErrorKind::Gone),
        other => panic!("expected 410 Gone, got {other:?}"),
    }
}

#[tokio::test]
async fn get_user_activity() {
    let target = target().await;
    if !can_manage(&target, "get_user_activity") {
        return;
    }
    let rows = target
        .client
        .analytics()
        .activity(&ActivityParams::new())
        .await
        .unwrap();
    assert!(rows.iter().all(|r| r.date.is_some()));
}

#[tokio::test]
async fn get_analytics_meta() {
    let target = target().await;
    if !can_manage(&target, "get_analytics_meta") {
        return;
    }
    let meta = target.client.analytics().meta().await.unwrap();
    assert!(!meta.metrics.is_empty());
}

#[tokio::test]
async fn query_analytics() {
    let target = target().await;
    if !can_manage(&target, "query_analytics") {
        return;
    }
    let query = AnalyticsQuery::new(["request_count"])
        .dimensions(["model"])
        .limit(10);
    let result = target.client.analytics().query(&query).await.unwrap();
    assert!(result.data.len() <= 10);
}

#[tokio::test]
async fn list_organization_members() {
    let target = target().await;
    if !can_manage(&target, "list_organization_members") {
        return;
    }
    match target
        .client
        .organization()
        .list_members(PageParams::new().limit(5))
        .await
    {
        Ok(page) => assert!(page.data.len() <= 5),
        // A personal account has no organization.
        Err(error) if !target.emulated && error.status().map(|s| s.as_u16()) == Some(404) => {}
        Err(error) => panic!("{error:?}"),
    }
}
