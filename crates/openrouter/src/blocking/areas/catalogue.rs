//! Blocking twins of the catalogue areas: models, endpoints, providers, datasets,
//! benchmarks and classifications.

use crate::blocking::pagination::{PageParams, Paginated};
use crate::error::Result;
use crate::response::Response;
use crate::types::benchmarks::{BenchmarksQuery, BenchmarksResponse};
use crate::types::classifications::{TaskClassificationResponse, TaskClassifications};
use crate::types::datasets::{
    AppRanking, AppRankingsQuery, AppRankingsResponse, RankingsDailyQuery, RankingsDailyResponse,
    SessionCost, SessionCostQuery, SessionCostResponse,
};
use crate::types::endpoints::{
    EndpointListResponse, ModelEndpoints, PublicEndpoint, ZdrEndpointList,
};
use crate::types::models::{Model, ModelCountResponse, ModelList, ModelResponse, ModelsQuery};
use crate::types::providers::{ProviderInfo, ProviderList};

blocking_areas! {
    models: Models {
        async fn list() -> Result<ModelList>;
        async fn list_with_response() -> Result<Response<ModelList>>;
        async fn list_with(query: &ModelsQuery) -> Result<ModelList>;
        async fn list_with_query_response(query: &ModelsQuery) -> Result<Response<ModelList>>;
        pages fn list_all(query: &ModelsQuery) -> Paginated<Model>;
        async fn get(id: &str) -> Result<Model>;
        async fn get_with_response(id: &str) -> Result<Response<ModelResponse>>;
        async fn count(output_modalities: Option<&str>) -> Result<u64>;
        async fn count_with_response(output_modalities: Option<&str>) -> Result<Response<ModelCountResponse>>;
        async fn list_for_user(page: PageParams) -> Result<ModelList>;
        pages fn list_for_user_all() -> Paginated<Model>;
    }

    endpoints: Endpoints {
        async fn list(id: &str) -> Result<ModelEndpoints>;
        async fn list_with_response(id: &str) -> Result<Response<EndpointListResponse>>;
        async fn list_zdr() -> Result<Vec<PublicEndpoint>>;
        async fn list_zdr_with_response() -> Result<Response<ZdrEndpointList>>;
    }

    providers: Providers {
        async fn list() -> Result<Vec<ProviderInfo>>;
        async fn list_with_response() -> Result<Response<ProviderList>>;
    }

    datasets: Datasets {
        async fn app_rankings(query: &AppRankingsQuery) -> Result<AppRankingsResponse>;
        async fn app_rankings_with_response(query: &AppRankingsQuery) -> Result<Response<AppRankingsResponse>>;
        pages fn app_rankings_all(query: &AppRankingsQuery) -> Paginated<AppRanking>;
        async fn rankings_daily(query: &RankingsDailyQuery) -> Result<RankingsDailyResponse>;
        async fn rankings_daily_with_response(query: &RankingsDailyQuery) -> Result<Response<RankingsDailyResponse>>;
        async fn session_cost(query: &SessionCostQuery) -> Result<SessionCostResponse>;
        async fn session_cost_with_response(query: &SessionCostQuery) -> Result<Response<SessionCostResponse>>;
        pages fn session_cost_all(query: &SessionCostQuery) -> Paginated<SessionCost>;
    }

    benchmarks: Benchmarks {
        async fn list(query: &BenchmarksQuery) -> Result<BenchmarksResponse>;
        async fn list_with_response(query: &BenchmarksQuery) -> Result<Response<BenchmarksResponse>>;
    }

    classifications: Classifications {
        async fn tasks(window: Option<&str>) -> Result<TaskClassifications>;
        async fn tasks_with_response(window: Option<&str>) -> Result<Response<TaskClassificationResponse>>;
    }
}
