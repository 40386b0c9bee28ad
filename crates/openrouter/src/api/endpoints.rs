//! Provider endpoints of a model: `GET /models/{author}/{slug}/endpoints`, `GET /endpoints/zdr`.

use super::models::author_slug;
use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::endpoints::{
    EndpointListResponse, ModelEndpoints, PublicEndpoint, ZdrEndpointList,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "listEndpoints",
        "GET",
        "/models/{author}/{slug}/endpoints",
        "Client::endpoints().list",
        KeyKind::None,
    ),
    Operation::new(
        "listEndpointsZdr",
        "GET",
        "/endpoints/zdr",
        "Client::endpoints().list_zdr",
        KeyKind::None,
    ),
];

api_handle! {
    /// Where models are served: [`Client::endpoints`](crate::Client::endpoints).
    Endpoints
}

impl Endpoints<'_> {
    /// The model `author/slug` and every provider endpoint serving it, with prices,
    /// limits, uptime, latency and throughput.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/endpoints/list-endpoints>.
    /// No key needed (throughput is only reported when the client has an API key).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) before sending when `id` is not
    /// `author/slug`; a 404 API error for an unknown model; otherwise as
    /// [`Chat::create`](crate::api::Chat::create).
    pub async fn list(&self, id: &str) -> Result<ModelEndpoints> {
        Ok(self.list_with_response(id).await?.into_data().data)
    }

    /// Like [`Endpoints::list`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Endpoints::list`].
    pub async fn list_with_response(&self, id: &str) -> Result<Response<EndpointListResponse>> {
        let (author, slug) = author_slug(id)?;
        let path = format!("/models/{}/{}/endpoints", segment(author), segment(slug));
        let call = Call::get(path, Auth::Optional);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Every endpoint that keeps no data (zero data retention): what remains routable when
    /// ZDR is enforced.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/endpoints/list-endpoints-zdr>.
    /// No key needed.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn list_zdr(&self) -> Result<Vec<PublicEndpoint>> {
        Ok(self.list_zdr_with_response().await?.into_data().data)
    }

    /// Like [`Endpoints::list_zdr`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Endpoints::list_zdr`].
    pub async fn list_zdr_with_response(&self) -> Result<Response<ZdrEndpointList>> {
        let call = Call::get("/endpoints/zdr", Auth::Optional);
        transport::send_json(self.client, &call, &self.options).await
    }
}
