//! `/generation`: what OpenRouter recorded about a completion, its content, and feedback.

use http::Method;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call};
use crate::types::generations::{
    FeedbackResponse, FeedbackResult, Generation, GenerationContent, GenerationContentResponse,
    GenerationFeedbackRequest, GenerationResponse,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "getGeneration",
        "GET",
        "/generation",
        "Client::generations().get",
        KeyKind::Api,
    ),
    Operation::new(
        "listGenerationContent",
        "GET",
        "/generation/content",
        "Client::generations().content",
        KeyKind::Api,
    ),
    Operation::new(
        "submitGenerationFeedback",
        "POST",
        "/generation/feedback",
        "Client::generations().submit_feedback",
        KeyKind::Management,
    ),
];

api_handle! {
    /// Generations: [`Client::generations`](crate::Client::generations).
    Generations
}

impl Generations<'_> {
    /// The record of generation `id` (from `X-Generation-Id` or a result's `id`): model,
    /// provider, tokens, cost and timing. It can take a moment to appear after the answer.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/generations/get-generation>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without an API key;
    /// [`Error::Api`](crate::Error::Api) with 404 for an unknown id.
    pub async fn get(&self, id: &str) -> Result<Generation> {
        Ok(self.get_with_response(id).await?.into_data().data)
    }

    /// Like [`Generations::get`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Generations::get`].
    pub async fn get_with_response(&self, id: &str) -> Result<Response<GenerationResponse>> {
        let call = Call::get("/generation", Auth::ApiKey).query("id", Some(id));
        transport::send_json(self.client, &call, &self.options).await
    }

    /// The stored prompt and output of generation `id`.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/generations/list-generation-content>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Generations::get`]; 403 when content is not stored for the account.
    pub async fn content(&self, id: &str) -> Result<GenerationContent> {
        let call = Call::get("/generation/content", Auth::ApiKey).query("id", Some(id));
        let response: Response<GenerationContentResponse> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(response.into_data().data)
    }

    /// Reports a problem with a generation.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/generations/submit-generation-feedback>.
    /// Needs a management key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without a management key, before sending;
    /// [`Error::Api`](crate::Error::Api) with 404 for an unknown generation, 400 for an
    /// invalid body.
    pub async fn submit_feedback(
        &self,
        request: &GenerationFeedbackRequest,
    ) -> Result<FeedbackResult> {
        let call = Call::new(Method::POST, "/generation/feedback", Auth::Management)
            .json(request, &self.options)?;
        let response: Response<FeedbackResponse> =
            transport::send_json(self.client, &call, &self.options).await?;
        Ok(response.into_data().data)
    }
}
