//! Analytics: `GET /activity`, `GET /analytics/meta`, `POST /analytics/query`.

use http::Method;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::analytics::{
    ActivityItem, ActivityParams, ActivityResponse, AnalyticsMeta, AnalyticsMetaResponse,
    AnalyticsQuery, AnalyticsQueryResponse, AnalyticsResult,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "getUserActivity",
        "GET",
        "/activity",
        "Client::analytics().activity",
        KeyKind::Management,
    ),
    Operation::new(
        "getAnalyticsMeta",
        "GET",
        "/analytics/meta",
        "Client::analytics().meta",
        KeyKind::Management,
    ),
    Operation::new(
        "queryAnalytics",
        "POST",
        "/analytics/query",
        "Client::analytics().query",
        KeyKind::Management,
    ),
];

api_handle! {
    /// Analytics: [`Client::analytics`](crate::Client::analytics).
    Analytics
}

impl Analytics<'_> {
    /// Activity of the last 30 completed UTC days, one row per day and model endpoint.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/analytics/get-user-activity>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key, before sending;
    /// [`Error::Api`](crate::Error::Api) with 403 for an ordinary key, 400 for a bad filter.
    pub async fn activity(&self, params: &ActivityParams) -> Result<Vec<ActivityItem>> {
        let call = Call::get("/activity", Auth::Management)
            .query("date", params.date.as_deref())
            .query("api_key_hash", params.api_key_hash.as_deref())
            .query("user_id", params.user_id.as_deref())
            .query("group_by", params.group_by.as_deref())
            .query("workspace_id", params.workspace_id.as_deref());
        let response: Response<ActivityResponse> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(response.into_data().data)
    }

    /// The metrics, dimensions, operators and granularities [`Analytics::query`] accepts.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/analytics/get-analytics-meta>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Analytics::activity`].
    pub async fn meta(&self) -> Result<AnalyticsMeta> {
        let call = Call::get("/analytics/meta", Auth::Management);
        let response: Response<AnalyticsMetaResponse> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(response.into_data().data)
    }

    /// Runs an analytics query.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/analytics/query-analytics>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Analytics::activity`]; 400 for an unknown metric or dimension, 408 when the
    /// query takes too long.
    pub async fn query(&self, query: &AnalyticsQuery) -> Result<AnalyticsResult> {
        let call = Call::new(Method::POST, "/analytics/query", Auth::Management)
            .json(query, &self.options)?;
        let response: Response<AnalyticsQueryResponse> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(response.into_data().data)
    }
}
