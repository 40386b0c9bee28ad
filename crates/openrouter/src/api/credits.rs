//! `/credits`: the account's credit balance.

use http::Method;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::credits::{CreditBalance, CreditsResponse};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "getCredits",
        "GET",
        "/credits",
        "Client::credits().get",
        KeyKind::Management,
    ),
    Operation::new(
        "createCoinbaseCharge",
        "POST",
        "/credits/coinbase",
        "Client::credits().create_coinbase_charge",
        KeyKind::None,
    ),
];

api_handle! {
    /// Credits: [`Client::credits`](crate::Client::credits).
    Credits
}

impl Credits<'_> {
    /// Credits bought and used in all.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/credits/get-credits>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key, before sending;
    /// [`Error::Api`](crate::Error::Api) with 403 when the key is not a management key.
    pub async fn get(&self) -> Result<CreditBalance> {
        Ok(self.get_with_response().await?.into_data().data)
    }

    /// Like [`Credits::get`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Credits::get`].
    pub async fn get_with_response(&self) -> Result<Response<CreditsResponse>> {
        let call = Call::get("/credits", Auth::Management);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// The former Coinbase Commerce charge. The API removed it: it always answers 410 Gone.
    /// Buy credits at <https://openrouter.ai/settings/credits> instead.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/credits/create-coinbase-charge>.
    /// No key needed (none is sent).
    ///
    /// # Errors
    /// Always, in practice: [`Error::Api`](crate::Error::Api) with
    /// [`ApiErrorKind::Gone`](crate::ApiErrorKind::Gone) and the API's explanation.
    #[deprecated(
        note = "the API removed Coinbase charges (410 Gone); buy credits on openrouter.ai"
    )]
    pub async fn create_coinbase_charge(&self) -> Result<()> {
        let call = Call::new(Method::POST, "/credits/coinbase", Auth::None);
        transport::execute(self.client, &call, &self.options).await?;
        Ok(())
    }
}
