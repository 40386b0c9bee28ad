//! Blocking twins of the inference areas: chat, Responses, Messages, completions,
//! embeddings, rerank, images, audio, videos, files and generation records.

use std::path::Path;

use bytes::Bytes;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::api::WaitOptions;
use crate::blocking::pagination::{PageParams, Paginated};
use crate::blocking::stream::{
    ChatStream, CompletionStream, ImageStream, Iter, MessagesStream, ResponsesStream,
};
use crate::error::Result;
use crate::fallback::{FallbackOutcome, FallbackPolicy, StartedStream};
use crate::response::Response;
use crate::structured::{OutputSchema, Parsed, ParsedStream};
use crate::types::audio::{
    SpeechRequest, Transcription, TranscriptionOptions, TranscriptionRequest,
};
use crate::types::chat::{ChatChunk, ChatRequest, ChatResult};
use crate::types::completions::{CompletionRequest, CompletionResult};
use crate::types::embeddings::{EmbeddingsRequest, EmbeddingsResult};
use crate::types::files::{FileDeleted, FileList, FileObject, FileScope, UploadOptions};
use crate::types::generations::{
    FeedbackResult, Generation, GenerationContent, GenerationFeedbackRequest, GenerationResponse,
};
use crate::types::images::{
    ImageGenerationRequest, ImageGenerationResponse, ImageModelEndpoints, ImageModelList,
};
use crate::types::messages::{MessagesRequest, MessagesResult};
use crate::types::models::{Model, ModelList};
use crate::types::rerank::{RerankRequest, RerankResult};
use crate::types::responses::{ResponsesEvent, ResponsesRequest, ResponsesResult};
use crate::types::videos::{VideoJob, VideoModelList, VideoRequest};

blocking_areas! {
    chat: Chat {
        async fn create(request: &ChatRequest) -> Result<ChatResult>;
        async fn create_with_response(request: &ChatRequest) -> Result<Response<ChatResult>>;
        stream fn stream(request: &ChatRequest) -> Result<ChatStream>;
        async fn parse[T: JsonSchema + DeserializeOwned + Send](request: &ChatRequest) -> Result<Parsed<T, ChatResult>>;
        async fn parse_with[T: DeserializeOwned + Send](request: &ChatRequest, schema: &OutputSchema) -> Result<Parsed<T, ChatResult>>;
        iter fn parse_stream[T: JsonSchema + DeserializeOwned + Send](request: &ChatRequest) -> Result<Iter<ParsedStream<T>>>;
        iter fn parse_stream_with[T: DeserializeOwned + Send](request: &ChatRequest, schema: &OutputSchema) -> Result<Iter<ParsedStream<T>>>;
        async fn create_with_fallback(request: &ChatRequest, policy: &FallbackPolicy) -> Result<FallbackOutcome<ChatResult>>;
        manual fn stream_with_fallback(request: &ChatRequest, policy: &FallbackPolicy) -> Result<FallbackOutcome<Iter<StartedStream<ChatChunk>>>>;
        async fn parse_with_fallback[T: JsonSchema + DeserializeOwned + Send](request: &ChatRequest, policy: &FallbackPolicy) -> Result<FallbackOutcome<Parsed<T, ChatResult>>>;
    }

    responses: Responses {
        async fn create(request: &ResponsesRequest) -> Result<ResponsesResult>;
        async fn create_with_response(request: &ResponsesRequest) -> Result<Response<ResponsesResult>>;
        stream fn stream(request: &ResponsesRequest) -> Result<ResponsesStream>;
        async fn parse[T: JsonSchema + DeserializeOwned + Send](request: &ResponsesRequest) -> Result<Parsed<T, ResponsesResult>>;
        async fn parse_with[T: DeserializeOwned + Send](request: &ResponsesRequest, schema: &OutputSchema) -> Result<Parsed<T, ResponsesResult>>;
        iter fn parse_stream[T: JsonSchema + DeserializeOwned + Send](request: &ResponsesRequest) -> Result<Iter<ParsedStream<T, ResponsesEvent>>>;
        iter fn parse_stream_with[T: DeserializeOwned + Send](request: &ResponsesRequest, schema: &OutputSchema) -> Result<Iter<ParsedStream<T, ResponsesEvent>>>;
    }

    messages: Messages {
        async fn create(request: &MessagesRequest) -> Result<MessagesResult>;
        async fn create_with_response(request: &MessagesRequest) -> Result<Response<MessagesResult>>;
        stream fn stream(request: &MessagesRequest) -> Result<MessagesStream>;
    }

    completions: Completions {
        async fn create(request: &CompletionRequest) -> Result<CompletionResult>;
        async fn create_with_response(request: &CompletionRequest) -> Result<Response<CompletionResult>>;
        stream fn stream(request: &CompletionRequest) -> Result<CompletionStream>;
    }

    embeddings: Embeddings {
        async fn create(request: &EmbeddingsRequest) -> Result<EmbeddingsResult>;
        async fn create_with_response(request: &EmbeddingsRequest) -> Result<Response<EmbeddingsResult>>;
        async fn list_models(params: PageParams) -> Result<ModelList>;
        pages fn list_models_all() -> Paginated<Model>;
    }

    rerank: Rerank {
        async fn create(request: &RerankRequest) -> Result<RerankResult>;
        async fn create_with_response(request: &RerankRequest) -> Result<Response<RerankResult>>;
    }

    images: Images {
        async fn generate(request: &ImageGenerationRequest) -> Result<ImageGenerationResponse>;
        async fn generate_with_response(request: &ImageGenerationRequest) -> Result<Response<ImageGenerationResponse>>;
        stream fn stream(request: &ImageGenerationRequest) -> Result<ImageStream>;
        async fn list_models() -> Result<ImageModelList>;
        async fn list_model_endpoints(model: &str) -> Result<ImageModelEndpoints>;
    }

    audio: Audio {
        async fn speech(request: &SpeechRequest) -> Result<Bytes>;
        async fn speech_with_response(request: &SpeechRequest) -> Result<Response<Bytes>>;
        writer fn speech_to_writer(request: &SpeechRequest) -> Result<u64>;
        async fn transcribe(request: &TranscriptionRequest) -> Result<Transcription>;
        async fn transcribe_file(path: impl AsRef<Path> + Send, options: &TranscriptionOptions) -> Result<Transcription>;
    }

    videos: Videos {
        async fn create(request: &VideoRequest) -> Result<VideoJob>;
        async fn create_with_response(request: &VideoRequest) -> Result<Response<VideoJob>>;
        async fn get(job_id: &str) -> Result<VideoJob>;
        async fn wait(job_id: &str, options: WaitOptions<'_>) -> Result<VideoJob>;
        async fn download(job_id: &str) -> Result<Bytes>;
        async fn download_index(job_id: &str, index: u32) -> Result<Bytes>;
        writer fn download_to_writer(job_id: &str) -> Result<u64>;
        async fn list_models() -> Result<VideoModelList>;
    }

    files: Files {
        async fn list(cursor: Option<&str>, limit: Option<u32>) -> Result<FileList>;
        async fn list_in(scope: &FileScope, cursor: Option<&str>, limit: Option<u32>) -> Result<FileList>;
        pages fn list_all() -> Paginated<FileObject>;
        pages fn list_in_all(scope: &FileScope) -> Paginated<FileObject>;
        async fn upload_path(path: impl AsRef<Path> + Send, options: &UploadOptions) -> Result<FileObject>;
        async fn upload_path_with_response(path: impl AsRef<Path> + Send, options: &UploadOptions) -> Result<Response<FileObject>>;
        async fn get(file_id: &str) -> Result<FileObject>;
        async fn delete(file_id: &str) -> Result<FileDeleted>;
        async fn download(file_id: &str) -> Result<Bytes>;
        writer fn download_to_writer(file_id: &str) -> Result<u64>;
    }

    generations: Generations {
        async fn get(id: &str) -> Result<Generation>;
        async fn get_with_response(id: &str) -> Result<Response<GenerationResponse>>;
        async fn content(id: &str) -> Result<GenerationContent>;
        async fn submit_feedback(request: &GenerationFeedbackRequest) -> Result<FeedbackResult>;
    }
}

impl Chat<'_> {
    /// [`Chat::stream_with_fallback`](crate::api::Chat::stream_with_fallback), with the
    /// stream of the model that answered as an iterator. Returns when that model's first
    /// chunk is in.
    ///
    /// # Errors
    /// As the async method; errors after the first chunk come out of the iterator.
    pub fn stream_with_fallback(
        &self,
        request: &ChatRequest,
        policy: &FallbackPolicy,
    ) -> Result<FallbackOutcome<Iter<StartedStream<ChatChunk>>>> {
        let outcome = self
            .client
            .runtime()
            .block_on(self.handle().stream_with_fallback(request, policy))?;
        Ok(outcome.map(|stream| Iter::new(stream, self.client.shared_runtime())))
    }
}
