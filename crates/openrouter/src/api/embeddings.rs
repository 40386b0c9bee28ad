//! `POST /embeddings` and `GET /embeddings/models`.

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::pagination::{PageParams, Paginated};
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::embeddings::{EmbeddingsRequest, EmbeddingsResult};
use crate::types::models::{Model, ModelList};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "createEmbeddings",
        "POST",
        "/embeddings",
        "Client::embeddings().create / create_with_response",
        KeyKind::Api,
    ),
    Operation::new(
        "listEmbeddingsModels",
        "GET",
        "/embeddings/models",
        "Client::embeddings().list_models / list_models_all",
        KeyKind::None,
    ),
];

api_handle! {
    /// Embeddings: [`Client::embeddings`](crate::Client::embeddings).
    Embeddings
}

impl Embeddings<'_> {
    /// Turns text, tokens or multimodal content into vectors.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/embeddings/create-embeddings>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn create(&self, request: &EmbeddingsRequest) -> Result<EmbeddingsResult> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Embeddings::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Embeddings::create`].
    pub async fn create_with_response(
        &self,
        request: &EmbeddingsRequest,
    ) -> Result<Response<EmbeddingsResult>> {
        let call = Call::post_json("/embeddings", Auth::ApiKey, request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// One page of the embedding models.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/embeddings/list-embeddings-models>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn list_models(&self, params: PageParams) -> Result<ModelList> {
        let call = Call::get("/embeddings/models", Auth::Optional)
            .query("offset", params.offset)
            .query("limit", params.limit);
        let page: Response<ModelList> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(page.into_data())
    }

    /// Every embedding model, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] models per page (at most 1000, the API's maximum).
    ///
    /// No key needed.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_models_all(&self) -> Paginated<Model> {
        let client = self.client.clone();
        let options = self.options.clone();
        Paginated::offset(0, move |page| {
            let client = client.clone();
            let options = options.clone();
            async move {
                let list = client
                    .embeddings()
                    .with_options(options)
                    .list_models(page)
                    .await?;
                Ok(list.data)
            }
        })
        .max_page_size(1000)
    }
}
