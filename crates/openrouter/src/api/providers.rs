//! `GET /providers`: the providers OpenRouter routes to.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::providers::{ProviderInfo, ProviderList};

pub(crate) const OPERATIONS: &[Operation] = &[Operation::new(
    "listProviders",
    "GET",
    "/providers",
    "Client::providers().list",
    KeyKind::None,
)];

api_handle! {
    /// The providers: [`Client::providers`](crate::Client::providers).
    Providers
}

impl Providers<'_> {
    /// Every provider, with its headquarters, datacenters and policy links.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/providers/list-providers>.
    /// No key needed.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn list(&self) -> Result<Vec<ProviderInfo>> {
        Ok(self.list_with_response().await?.into_data().data)
    }

    /// Like [`Providers::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Providers::list`].
    pub async fn list_with_response(&self) -> Result<Response<ProviderList>> {
        let call = Call::get("/providers", Auth::Optional);
        transport::send_json(self.client, &call, &self.options).await
    }
}
