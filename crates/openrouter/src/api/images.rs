//! `POST /images` (plain or streamed), `GET /images/models` and
//! `GET /images/models/{author}/{slug}/endpoints`.

use super::operations::{KeyKind, Operation};
use crate::error::{Error, Result};
use crate::response::Response;
use crate::stream::ImageStream;
use crate::transport::{self, segment, Auth, Call};
use crate::types::images::{
    ImageGenerationRequest, ImageGenerationResponse, ImageModelEndpoints, ImageModelList,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "createImages",
        "POST",
        "/images",
        "Client::images().generate / stream",
        KeyKind::Api,
    ),
    Operation::new(
        "listImageModels",
        "GET",
        "/images/models",
        "Client::images().list_models",
        KeyKind::None,
    ),
    Operation::new(
        "listImageModelEndpoints",
        "GET",
        "/images/models/{author}/{slug}/endpoints",
        "Client::images().list_model_endpoints",
        KeyKind::None,
    ),
];

api_handle! {
    /// Image generation: [`Client::images`](crate::Client::images).
    Images
}

impl Images<'_> {
    /// Generates images from a prompt and returns them base64-encoded.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/images/create-images>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create): [`Error::Config`] without an API key,
    /// [`Error::Api`] for the server's errors (400 invalid parameters, 402 credits...).
    pub async fn generate(
        &self,
        request: &ImageGenerationRequest,
    ) -> Result<ImageGenerationResponse> {
        Ok(self.generate_with_response(request).await?.into_data())
    }

    /// Like [`Images::generate`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Images::generate`].
    pub async fn generate_with_response(
        &self,
        request: &ImageGenerationRequest,
    ) -> Result<Response<ImageGenerationResponse>> {
        let call = if request.stream == Some(true) {
            let mut request = request.clone();
            request.stream = None;
            Call::post_json("/images", Auth::ApiKey, &request, &self.options)?
        } else {
            Call::post_json("/images", Auth::ApiKey, request, &self.options)?
        };
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Generates images and streams partial images as they become available, then the
    /// completed image. Providers without native streaming answer with one completed event.
    /// [`collect_result`](crate::stream::TypedStream::collect_result) folds the stream into the final response.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/images/create-images>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Images::generate`] for failures before the stream starts; an `error` event
    /// arrives as an `Err(Error::Api)` item that ends the stream.
    pub async fn stream(&self, request: &ImageGenerationRequest) -> Result<ImageStream> {
        let request = super::with_stream_flag(request, true);
        let call = Call::post_json("/images", Auth::ApiKey, &*request, &self.options)?;
        crate::stream::open(self.client, call, &self.options).await
    }

    /// Lists the image generation models with the parameters they accept.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/images/list-image-models>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// As [`Images::generate`].
    pub async fn list_models(&self) -> Result<ImageModelList> {
        let call = Call::get("/images/models", Auth::Optional);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }

    /// The provider endpoints of one image model (`author/slug`, e.g.
    /// `bytedance-seed/seedream-4.5`): parameters, pricing, streaming support.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/images/list-image-model-endpoints>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when `model` is not `author/slug`; [`Error::Api`] with 404
    /// for an unknown model; otherwise as [`Images::generate`].
    pub async fn list_model_endpoints(&self, model: &str) -> Result<ImageModelEndpoints> {
        let (author, slug) = split_model(model)?;
        let path = format!(
            "/images/models/{}/{}/endpoints",
            segment(author),
            segment(slug)
        );
        let call = Call::get(path, Auth::Optional);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }
}

/// Splits `author/slug`; the slug may itself contain no further `/`.
fn split_model(model: &str) -> Result<(&str, &str)> {
    match model.split_once('/') {
        Some((author, slug)) if !author.is_empty() && !slug.is_empty() && !slug.contains('/') => {
            Ok((author, slug))
        }
        _ => Err(Error::InvalidRequest(format!(
            "expected a model id of the form author/slug, got {model:?}"
        ))),
    }
}
