//! `GET /benchmarks`: benchmark scores from several sources.

use super::datasets::with_query;
use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::benchmarks::{BenchmarksQuery, BenchmarksResponse};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "getBenchmarks",
    "GET",
    "/benchmarks",
    "Client::benchmarks().list",
    KeyKind::Api,
)];

const NAMES: &[&str] = &[
    "source",
    "task_type",
    "benchmark_type",
    "include_run_config",
    "search_engine",
    "search_surface",
    "arena",
    "category",
    "max_results",
];

api_handle! {
    /// Benchmark scores: [`Client::benchmarks`](crate::Client::benchmarks).
    Benchmarks
}

impl Benchmarks<'_> {
    /// Scores from Artificial Analysis, Design Arena and OpenRouter's own evaluations.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/benchmarks/get-benchmarks>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) before sending without an API key; otherwise as
    /// [`Chat::create`](crate::api::Chat::create).
    pub async fn list(&self, query: &BenchmarksQuery) -> Result<BenchmarksResponse> {
        Ok(self.list_with_response(query).await?.into_data())
    }

    /// Like [`Benchmarks::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Benchmarks::list`].
    pub async fn list_with_response(
        &self,
        query: &BenchmarksQuery,
    ) -> Result<Response<BenchmarksResponse>> {
        let call = with_query(Call::get("/benchmarks", Auth::ApiKey), query, NAMES)?;
        transport::send_json(self.client, &call, &self.options).await
    }
}
