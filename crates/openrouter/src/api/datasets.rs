//! Public usage datasets: `GET /datasets/app-rankings`, `/datasets/rankings-daily`,
//! `/datasets/session-cost`.

use serde::Serialize;

use super::operations::{KeyKind, Operation};
use crate::error::{Error, Result};
use crate::pagination::{PageParams, Paginated};
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::datasets::{
    AppRanking, AppRankingsQuery, AppRankingsResponse, RankingsDailyQuery, RankingsDailyResponse,
    SessionCost, SessionCostQuery, SessionCostResponse,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "getAppRankings",
        "GET",
        "/datasets/app-rankings",
        "Client::datasets().app_rankings",
        KeyKind::Api,
    ),
    Operation::new(
        "getRankingsDaily",
        "GET",
        "/datasets/rankings-daily",
        "Client::datasets().rankings_daily",
        KeyKind::Api,
    ),
    Operation::new(
        "getSessionCost",
        "GET",
        "/datasets/session-cost",
        "Client::datasets().session_cost",
        KeyKind::Api,
    ),
];

/// Adds the set fields of a flat query struct to `call`, under the names in `names`.
pub(crate) fn with_query<T: Serialize>(
    mut call: Call,
    query: &T,
    names: &[&'static str],
) -> Result<Call> {
    let value = serde_json::to_value(query)
        .map_err(|e| Error::InvalidRequest(format!("cannot encode the query: {e}")))?;
    for name in names {
        match value.get(*name) {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::String(text)) => call.query.push((name, text.clone())),
            Some(other) => call.query.push((name, other.to_string())),
        }
    }
    Ok(call)
}

const APP_RANKINGS: &[&str] = &[
    "category",
    "subcategory",
    "sort",
    "start_date",
    "end_date",
    "limit",
    "offset",
];
const RANKINGS_DAILY: &[&str] = &[
    "start_date",
    "end_date",
    "period",
    "modality",
    "context_bucket",
    "category",
    "language_type",
];
const SESSION_COST: &[&str] = &["app_slug", "model", "turn_range", "limit", "offset"];

api_handle! {
    /// Public usage datasets: [`Client::datasets`](crate::Client::datasets).
    Datasets
}

impl Datasets<'_> {
    /// One page of the top public apps by token usage in a date window.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/datasets/get-app-rankings>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`] before sending without an API key; a 400 for invalid dates or
    /// filters; otherwise as [`Chat::create`](crate::api::Chat::create).
    pub async fn app_rankings(&self, query: &AppRankingsQuery) -> Result<AppRankingsResponse> {
        Ok(self.app_rankings_with_response(query).await?.into_data())
    }

    /// Like [`Datasets::app_rankings`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Datasets::app_rankings`].
    pub async fn app_rankings_with_response(
        &self,
        query: &AppRankingsQuery,
    ) -> Result<Response<AppRankingsResponse>> {
        let call = with_query(
            Call::get("/datasets/app-rankings", Auth::ApiKey),
            query,
            APP_RANKINGS,
        )?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Every ranked app matching `query`'s filters, fetched page by page as the stream is read
    /// (the server stops at offset 100). `query`'s offset and limit are ignored: the stream
    /// starts at the first item and asks for [`Paginated::page_size`] items per page (at most
    /// 100, the API's maximum).
    ///
    /// Needs an API key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn app_rankings_all(&self, query: &AppRankingsQuery) -> Paginated<AppRanking> {
        let client = self.client.clone();
        let options = self.options.clone();
        let query = query.clone();
        Paginated::offset(0, move |page: PageParams| {
            let client = client.clone();
            let options = options.clone();
            let mut query = query.clone();
            query.offset = page.offset;
            query.limit = page.limit;
            async move {
                let answer = client
                    .datasets()
                    .with_options(options)
                    .app_rankings(&query)
                    .await?;
                Ok(answer.data)
            }
        })
        .max_page_size(100)
    }

    /// Daily token volume of the top 50 models, plus one `other` row per day.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/datasets/get-rankings-daily>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Datasets::app_rankings`].
    pub async fn rankings_daily(
        &self,
        query: &RankingsDailyQuery,
    ) -> Result<RankingsDailyResponse> {
        Ok(self.rankings_daily_with_response(query).await?.into_data())
    }

    /// Like [`Datasets::rankings_daily`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Datasets::rankings_daily`].
    pub async fn rankings_daily_with_response(
        &self,
        query: &RankingsDailyQuery,
    ) -> Result<Response<RankingsDailyResponse>> {
        let call = with_query(
            Call::get("/datasets/rankings-daily", Auth::ApiKey),
            query,
            RANKINGS_DAILY,
        )?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// One page of median session costs per app and model.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/datasets/get-session-cost>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Datasets::app_rankings`].
    pub async fn session_cost(&self, query: &SessionCostQuery) -> Result<SessionCostResponse> {
        Ok(self.session_cost_with_response(query).await?.into_data())
    }

    /// Like [`Datasets::session_cost`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Datasets::session_cost`].
    pub async fn session_cost_with_response(
        &self,
        query: &SessionCostQuery,
    ) -> Result<Response<SessionCostResponse>> {
        let call = with_query(
            Call::get("/datasets/session-cost", Auth::ApiKey),
            query,
            SESSION_COST,
        )?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Every session-cost row matching `query`'s filters, fetched page by page as the stream
    /// is read. `query`'s offset and limit are ignored: the stream starts at the first item
    /// and asks for [`Paginated::page_size`] items per page (at most 500, the API's maximum).
    ///
    /// Needs an API key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn session_cost_all(&self, query: &SessionCostQuery) -> Paginated<SessionCost> {
        let client = self.client.clone();
        let options = self.options.clone();
        let query = query.clone();
        Paginated::offset(0, move |page: PageParams| {
            let client = client.clone();
            let options = options.clone();
            let mut query = query.clone();
            query.offset = page.offset;
            query.limit = page.limit;
            async move {
                let answer = client
                    .datasets()
                    .with_options(options)
                    .session_cost(&query)
                    .await?;
                Ok(answer.data)
            }
        })
        .max_page_size(500)
    }
}
