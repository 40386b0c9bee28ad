//! Datasets, benchmarks and task classifications.

use openrouter::types::benchmarks::BenchmarksQuery;
use openrouter::types::datasets::{AppRankingsQuery, RankingsDailyQuery, SessionCostQuery};

use crate::target::target;

#[tokio::test]
async fn get_app_rankings() {
    let target = target().await;
    let page = target
        .client
        .datasets()
        .app_rankings(&AppRankingsQuery::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
    assert!(page.data.first().is_none_or(|a| a.rank == 1));
}

#[tokio::test]
async fn get_rankings_daily() {
    let target = target().await;
    let days = target
        .client
        .datasets()
        .rankings_daily(&RankingsDailyQuery::new())
        .await
        .unwrap();
    assert!(days.data.iter().any(|r| r.model_permaslug == "other"));
}

#[tokio::test]
async fn get_session_cost() {
    let target = target().await;
    let page = target
        .client
        .datasets()
        .session_cost(&SessionCostQuery::new().limit(5))
        .await
        .unwrap();
    assert!(page.data.len() <= 5);
}

#[tokio::test]
async fn get_benchmarks() {
    let target = target().await;
    let scores = target
        .client
        .benchmarks()
        .list(
            &BenchmarksQuery::new()
                .source("artificial-analysis")
                .max_results(5),
        )
        .await
        .unwrap();
    assert!(scores
        .data
        .iter()
        .all(|i| i.source == "artificial-analysis"));
}

#[tokio::test]
async fn get_task_classifications() {
    let target = target().await;
    let tasks = target.client.classifications().tasks(None).await.unwrap();
    assert!(!tasks.classifications.is_empty());
}
