//! `client.analytics()` against the emulator: aggregates follow the completions served.

mod mgmt;

use mgmt::{api_key_as_management, api_only, full_client, operation, round_trip, spec};
use openrouter::types::analytics::{
    ActivityParams, ActivityResponse, AnalyticsFilter, AnalyticsMetaResponse, AnalyticsQuery,
    AnalyticsQueryResponse,
};
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

/// Runs completions on two models and returns the total cost.
async fn traffic(client: &Client) -> f64 {
    let mut cost = 0.0;
    for (model, prompt) in [
        ("openai/gpt-4o-mini", "first question"),
        ("openai/gpt-4o-mini", "second question"),
        ("anthropic/claude-sonnet-4", "third question"),
    ] {
        let result = client
            .chat()
            .create(&ChatRequest::new(model, [Message::user(prompt)]))
            .await
            .unwrap();
        cost += result
            .usage
            .and_then(|u| u.cost)
            .and_then(|c| c.as_f64())
            .unwrap_or(0.0);
    }
    cost
}

#[tokio::test]
async fn activity_sums_the_completions_per_day_and_model() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    assert!(client
        .analytics()
        .activity(&ActivityParams::new())
        .await
        .unwrap()
        .is_empty());
    let cost = traffic(&client).await;
    let rows = client
        .analytics()
        .activity(&ActivityParams::new())
        .await
        .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let mini = rows
        .iter()
        .find(|r| r.model.as_deref() == Some("openai/gpt-4o-mini"))
        .unwrap();
    assert_eq!(mini.requests, Some(2));
    assert!(mini.prompt_tokens.unwrap() > 0);
    assert_eq!(mini.cached_tokens, Some(0));
    let total: f64 = rows.iter().filter_map(|r| r.usage).sum();
    assert!((total - cost).abs() < 1e-9);
    let day = mini.date.clone().unwrap();
    let same_day = client
        .analytics()
        .activity(&ActivityParams::new().date(&day))
        .await
        .unwrap();
    assert_eq!(same_day.len(), 2);
    let other_day = client
        .analytics()
        .activity(&ActivityParams::new().date("2000-01-01"))
        .await
        .unwrap();
    assert!(other_day.is_empty());
    let split = client
        .analytics()
        .activity(&ActivityParams::new().group_by_workspace())
        .await
        .unwrap();
    assert!(split.iter().all(|r| r.workspace_id.is_some()));
    assert_eq!(
        server.requests().last().unwrap().query.as_deref(),
        Some("group_by=workspace")
    );
    let error = client
        .analytics()
        .activity(&ActivityParams::new().date("24/08/2025"))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
}

#[tokio::test]
async fn queries_group_filter_and_order() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let meta = client.analytics().meta().await.unwrap();
    assert!(meta
        .metrics
        .iter()
        .any(|m| m.name.as_deref() == Some("request_count")));
    assert!(meta
        .dimensions
        .iter()
        .any(|d| d.name.as_deref() == Some("model")));
    traffic(&client).await;

    let query = AnalyticsQuery::new(["request_count", "total_cost"])
        .dimensions(["model"])
        .granularity("day")
        .order_by("request_count", "desc");
    let result = client.analytics().query(&query).await.unwrap();
    assert_eq!(result.metadata.row_count, Some(2));
    assert_eq!(result.data[0]["model"], "openai/gpt-4o-mini");
    assert_eq!(result.data[0]["request_count"], 2);
    assert!(result.data[0]["date__day"]
        .as_str()
        .unwrap()
        .ends_with("T00:00:00.000Z"));

    let filtered = AnalyticsQuery::new(["request_count"]).filter(AnalyticsFilter::new(
        "model",
        "eq",
        "anthropic/claude-sonnet-4",
    ));
    let result = client.analytics().query(&filtered).await.unwrap();
    assert_eq!(result.data.len(), 1);
    assert_eq!(result.data[0]["request_count"], 1);

    let limited = AnalyticsQuery::new(["request_count"])
        .dimensions(["model"])
        .limit(1);
    let result = client.analytics().query(&limited).await.unwrap();
    assert_eq!(result.metadata.truncated, Some(true));

    let window = AnalyticsQuery::new(["request_count"])
        .time_range("2000-01-01T00:00:00Z", "2000-01-08T00:00:00Z");
    assert!(client
        .analytics()
        .query(&window)
        .await
        .unwrap()
        .data
        .is_empty());

    for bad in [
        AnalyticsQuery::new(["nonsense"]),
        AnalyticsQuery::new(Vec::<String>::new()),
        AnalyticsQuery::new(["request_count"]).dimensions(["model", "provider", "api_type"]),
        AnalyticsQuery::new(["request_count"]).filter(AnalyticsFilter::new("model", "like", "x")),
    ] {
        let error = client.analytics().query(&bad).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{bad:?}");
    }
}

#[tokio::test]
async fn analytics_need_a_management_key() {
    let server = MockServer::start().await;
    let client = api_only(&server);
    let errors = [
        client.analytics().meta().await.unwrap_err(),
        client
            .analytics()
            .activity(&ActivityParams::new())
            .await
            .unwrap_err(),
        client
            .analytics()
            .query(&AnalyticsQuery::new(["request_count"]))
            .await
            .unwrap_err(),
    ];
    for error in errors {
        assert!(matches!(&error, Error::Config(m) if m.contains("management key")));
    }
    assert_eq!(server.request_count(), 0);
    let error = api_key_as_management(&server)
        .analytics()
        .meta()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
}

#[test]
fn spec_examples_round_trip() {
    let spec = spec();
    let activity = mgmt::success_examples(operation(&spec, "/activity", "get"));
    assert!(!activity.is_empty());
    for example in activity {
        round_trip::<ActivityResponse>("GET /activity", &example);
    }
    round_trip::<ActivityResponse>(
        "ActivityResponse",
        &mgmt::schema_example(&spec, "ActivityResponse"),
    );
    for example in mgmt::success_examples(operation(&spec, "/analytics/meta", "get")) {
        round_trip::<AnalyticsMetaResponse>("GET /analytics/meta", &example);
    }
    let query = mgmt::success_examples(operation(&spec, "/analytics/query", "post"));
    assert!(!query.is_empty());
    for example in query {
        round_trip::<AnalyticsQueryResponse>("POST /analytics/query", &example);
    }
    let body = mgmt::request_example(operation(&spec, "/analytics/query", "post")).unwrap();
    round_trip::<AnalyticsQuery>("query body", &body);
}
