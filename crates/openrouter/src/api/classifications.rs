//! `GET /classifications/task`: market share of traffic by task.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::classifications::{TaskClassificationResponse, TaskClassifications};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "getTaskClassifications",
    "GET",
    "/classifications/task",
    "Client::classifications().tasks",
    KeyKind::Api,
)];

api_handle! {
    /// Task classifications: [`Client::classifications`](crate::Client::classifications).
    Classifications
}

impl Classifications<'_> {
    /// Shares of requests and tokens per task classification over a trailing `window`
    /// (`None` for the server's default; only `7d` exists today).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/classifications/get-task-classifications>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) before sending without an API key; otherwise as
    /// [`Chat::create`](crate::api::Chat::create).
    pub async fn tasks(&self, window: Option<&str>) -> Result<TaskClassifications> {
        Ok(self.tasks_with_response(window).await?.into_data().data)
    }

    /// Like [`Classifications::tasks`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Classifications::tasks`].
    pub async fn tasks_with_response(
        &self,
        window: Option<&str>,
    ) -> Result<Response<TaskClassificationResponse>> {
        let call = Call::get("/classifications/task", Auth::ApiKey).query("window", window);
        transport::send_json(self.client, &call, &self.options).await
    }
}
