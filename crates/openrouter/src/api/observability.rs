//! `/observability/destinations`: where traces are broadcast.

use http::Method;

use super::operations::{KeyKind, Operation};
use super::workspaces::Data;
use crate::error::Result;
use crate::pagination::Paginated;
use crate::transport::{segment, Auth, Call};
use crate::types::observability::{
    CreateDestinationRequest, DestinationDeleted, DestinationListQuery, ObservabilityDestination,
    ObservabilityDestinationList, UpdateDestinationRequest,
};

const M: KeyKind = KeyKind::Management;
const ROOT: &str = "/observability/destinations";

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "listObservabilityDestinations",
        "GET",
        ROOT,
        "Client::observability().list",
        M,
    ),
    Operation::new(
        "createObservabilityDestination",
        "POST",
        ROOT,
        "Client::observability().create",
        M,
    ),
    Operation::new(
        "getObservabilityDestination",
        "GET",
        "/observability/destinations/{id}",
        "Client::observability().get",
        M,
    ),
    Operation::new(
        "updateObservabilityDestination",
        "PATCH",
        "/observability/destinations/{id}",
        "Client::observability().update",
        M,
    ),
    Operation::new(
        "deleteObservabilityDestination",
        "DELETE",
        "/observability/destinations/{id}",
        "Client::observability().delete",
        M,
    ),
];

api_handle! {
    /// Observability destinations:
    /// [`Client::observability`](crate::Client::observability). Every operation needs a
    /// management key.
    Observability
}

fn path(id: &str) -> String {
    format!("{ROOT}/{}", segment(id))
}

impl Observability<'_> {
    /// One page of destinations (the default workspace's unless the query names one).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/observability/list-observability-destinations>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key (nothing is sent);
    /// [`Error::Api`](crate::Error::Api) for what the server refuses (400, 401, 403 with an
    /// ordinary API key); transport and decode errors as for any call.
    pub async fn list(&self, query: &DestinationListQuery) -> Result<ObservabilityDestinationList> {
        let call = Call::get(ROOT, Auth::Management)
            .query("offset", query.offset)
            .query("limit", query.limit)
            .query("workspace_id", query.workspace_id.as_deref());
        self.fetch(call).await
    }

    /// Every destination of the query's workspace, fetched page by page as the stream is read.
    /// `query`'s offset and limit are ignored: the stream starts at the first destination and
    /// asks for [`Paginated::page_size`] items per page (at most 100, the API's maximum).
    ///
    /// Needs a management key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Observability::list`]) and then ends.
    pub fn list_all(&self, query: &DestinationListQuery) -> Paginated<ObservabilityDestination> {
        let (client, options, query) = (self.client.clone(), self.options.clone(), query.clone());
        Paginated::offset(0, move |page| {
            let (client, options) = (client.clone(), options.clone());
            let mut query = query.clone();
            query.offset = page.offset;
            query.limit = page.limit;
            async move {
                let handle = Observability::new(&client).with_options(options);
                Ok(handle.list(&query).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// Creates a destination; names are unique within a workspace (409 otherwise).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/observability/create-observability-destination>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Observability::list`], plus 400 for an unknown type or a missing config field
    /// and 409 for a taken name.
    pub async fn create(
        &self,
        request: &CreateDestinationRequest,
    ) -> Result<ObservabilityDestination> {
        let call = Call::post_json(ROOT, Auth::Management, request, &self.options)?;
        Ok(self
            .fetch::<Data<ObservabilityDestination>>(call)
            .await?
            .data)
    }

    /// The destination with this id.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/observability/get-observability-destination>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Observability::list`], plus 404 for an unknown id.
    pub async fn get(&self, id: &str) -> Result<ObservabilityDestination> {
        let call = Call::get(path(id), Auth::Management);
        Ok(self
            .fetch::<Data<ObservabilityDestination>>(call)
            .await?
            .data)
    }

    /// Changes the fields set in `request`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/observability/update-observability-destination>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Observability::create`], plus 404 for an unknown id.
    pub async fn update(
        &self,
        id: &str,
        request: &UpdateDestinationRequest,
    ) -> Result<ObservabilityDestination> {
        let call =
            Call::new(Method::PATCH, path(id), Auth::Management).json(request, &self.options)?;
        Ok(self
            .fetch::<Data<ObservabilityDestination>>(call)
            .await?
            .data)
    }

    /// Deletes the destination.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/observability/delete-observability-destination>.
    /// Needs a management key.
    ///
    /// # Errors
    /// As [`Observability::get`].
    pub async fn delete(&self, id: &str) -> Result<DestinationDeleted> {
        self.fetch(Call::delete(path(id), Auth::Management)).await
    }
}
