//! Datasets, benchmarks and task classifications against the emulator.

use futures_util::StreamExt;
use openrouter::types::benchmarks::BenchmarksQuery;
use openrouter::types::datasets::{AppRankingsQuery, RankingsDailyQuery, SessionCostQuery};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    (server, client)
}

fn status(error: &Error) -> Option<u16> {
    match error {
        Error::Api(api) => api.status.map(|s| s.as_u16()),
        _ => None,
    }
}

#[tokio::test]
async fn app_rankings_page_and_filter() {
    let (server, client) = setup().await;
    let top = client
        .datasets()
        .app_rankings(&AppRankingsQuery::new())
        .await
        .unwrap();
    assert_eq!(top.data.len(), 30);
    assert_eq!(top.data[0].rank, 1);
    assert_eq!(top.meta.end_date.as_deref(), Some("2026-05-11"));
    assert_eq!(top.meta.start_date.as_deref(), Some("2026-04-12"));
    let second = client
        .datasets()
        .app_rankings(&AppRankingsQuery::new().offset(10).limit(5))
        .await
        .unwrap();
    assert_eq!(second.data[0].rank, 11, "ranks stay absolute");
    assert_eq!(second.data[0].app_name, top.data[10].app_name);

    let before = server.request_count();
    let all: Vec<_> = client
        .datasets()
        .app_rankings_all(&AppRankingsQuery::new().category("coding"))
        .page_size(4)
        .map(|r| r.unwrap())
        .collect()
        .await;
    let coding = all.len();
    assert!(coding > 8, "{coding}");
    assert_eq!(
        server.request_count() - before,
        coding.div_ceil(4) + usize::from(coding % 4 == 0)
    );
    let ranks: Vec<u64> = all.iter().map(|a| a.rank).collect();
    assert_eq!(ranks, (1..=coding as u64).collect::<Vec<_>>());
    assert_eq!(
        server.requests()[before].query.as_deref(),
        Some("category=coding&limit=4&offset=0")
    );

    let mismatch = client
        .datasets()
        .app_rankings(
            &AppRankingsQuery::new()
                .category("creative")
                .subcategory("cli-agent"),
        )
        .await
        .unwrap_err();
    assert_eq!(status(&mismatch), Some(400));
    let early = client
        .datasets()
        .app_rankings(&AppRankingsQuery::new().end_date("2024-12-31"))
        .await
        .unwrap_err();
    assert!(early.to_string().contains("end_date"), "{early}");
    let clamped = client
        .datasets()
        .app_rankings(
            &AppRankingsQuery::new()
                .start_date("2024-06-01")
                .end_date("2025-01-10"),
        )
        .await
        .unwrap();
    assert_eq!(clamped.meta.start_date.as_deref(), Some("2025-01-01"));
}

#[tokio::test]
async fn rankings_daily_and_session_cost() {
    let (server, client) = setup().await;
    let days = client
        .datasets()
        .rankings_daily(
            &RankingsDailyQuery::new()
                .start_date("2026-05-09")
                .end_date("2026-05-11"),
        )
        .await
        .unwrap();
    let dates: std::collections::BTreeSet<_> = days.data.iter().map(|r| r.date.clone()).collect();
    assert_eq!(dates.len(), 3);
    let first_day: Vec<_> = days
        .data
        .iter()
        .filter(|r| r.date == "2026-05-09")
        .collect();
    assert_eq!(
        first_day.last().unwrap().model_permaslug,
        "other",
        "other closes each day"
    );
    assert!(first_day.len() <= 51);
    let weekly = client
        .datasets()
        .rankings_daily(
            &RankingsDailyQuery::new()
                .period("week")
                .category("programming"),
        )
        .await
        .unwrap();
    assert!(!weekly.data.is_empty());
    let refused = client
        .datasets()
        .rankings_daily(
            &RankingsDailyQuery::new()
                .period("day")
                .language_type("natural"),
        )
        .await
        .unwrap_err();
    assert_eq!(status(&refused), Some(400));

    let page = client
        .datasets()
        .session_cost(&SessionCostQuery::new().turn_range("10-49-turns").limit(3))
        .await
        .unwrap();
    assert_eq!(page.data.len(), 3);
    assert!(page.data.iter().all(|r| r.turn_range == "10-49-turns"));
    assert_eq!(page.meta.window_days, Some(30));
    let before = server.request_count();
    let all: Vec<_> = client
        .datasets()
        .session_cost_all(&SessionCostQuery::new().app_slug("cline"))
        .page_size(5)
        .map(|r| r.unwrap())
        .collect()
        .await;
    assert!(all.len() > 5 && all.iter().all(|r| r.app_slug == "cline"));
    assert!(server.request_count() - before >= 2, "more than one page");
    assert!(
        server.requests()[before..].iter().all(|r| r
            .query
            .as_deref()
            .unwrap_or_default()
            .split('&')
            .any(|p| p == "limit=5")),
        "every page asks for 5"
    );
}

#[tokio::test]
async fn benchmarks_and_classifications() {
    let (server, client) = setup().await;
    let all = client
        .benchmarks()
        .list(&BenchmarksQuery::new())
        .await
        .unwrap();
    let sources: std::collections::BTreeSet<_> =
        all.data.iter().map(|i| i.source.as_str()).collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    let coding = client
        .benchmarks()
        .list(
            &BenchmarksQuery::new()
                .source("artificial-analysis")
                .task_type("coding")
                .max_results(5),
        )
        .await
        .unwrap();
    assert_eq!(coding.data.len(), 5);
    let scores: Vec<f64> = coding
        .data
        .iter()
        .map(|i| i.coding_index.unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(coding.meta.source.as_deref(), Some("artificial-analysis"));
    let search = client
        .benchmarks()
        .list(
            &BenchmarksQuery::new()
                .task_type("search")
                .include_run_config(true),
        )
        .await
        .unwrap();
    assert!(search.data.iter().all(|i| i
        .benchmark_type
        .as_deref()
        .unwrap()
        .starts_with("search_")));
    assert!(search.data.iter().all(|i| i.run_config.is_some()));
    assert!(server
        .requests()
        .last()
        .unwrap()
        .query
        .as_deref()
        .unwrap()
        .contains("include_run_config=true"));

    let tasks = client.classifications().tasks(Some("7d")).await.unwrap();
    assert_eq!(tasks.window_days, 7);
    assert_eq!(tasks.macro_categories.len(), 4);
    let share: f64 = tasks.classifications.iter().map(|c| c.usage_share).sum();
    assert!((share - 1.0).abs() < 1e-9, "{share}");
    let bad = client
        .classifications()
        .tasks(Some("30d"))
        .await
        .unwrap_err();
    assert_eq!(status(&bad), Some(400));

    let anonymous = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert!(matches!(
        anonymous.benchmarks().list(&BenchmarksQuery::new()).await,
        Err(Error::Config(_))
    ));
    assert!(matches!(
        anonymous.classifications().tasks(None).await,
        Err(Error::Config(_))
    ));
}
