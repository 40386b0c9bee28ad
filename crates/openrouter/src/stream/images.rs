//! The image generation stream: partial images, text chunks, then the completed image.

use super::typed::{sealed, StreamPayload};
use super::TypedStream;
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};
use crate::types::images::{
    GeneratedImage, ImageGenerationResponse, ImageStreamEvent, ImageStreamEventType,
};

impl sealed::Sealed for ImageStreamEvent {}

impl StreamPayload for ImageStreamEvent {
    type Output = ImageGenerationResponse;
    type Accumulator = ImageAccumulator;

    fn accumulate(accumulator: &mut ImageAccumulator, event: &Self) {
        accumulator.push(event);
    }

    fn finish(accumulator: ImageAccumulator) -> ImageGenerationResponse {
        accumulator.finish()
    }

    fn in_band_error(&self) -> Option<ErrorBody> {
        if self.kind != ImageStreamEventType::Error && self.error.is_none() {
            return None;
        }
        let detail = self.error.clone().unwrap_or_default();
        let code = match &detail.code {
            Some(serde_json::Value::String(code)) => ErrorCode::Text(code.clone()),
            Some(serde_json::Value::Number(n)) => ErrorCode::Number(n.as_i64().unwrap_or(0)),
            _ => ErrorCode::Text(detail.kind.clone().unwrap_or_else(|| "error".into())),
        };
        let message = if detail.message.is_empty() {
            "the image generation failed after the stream started".to_owned()
        } else {
            detail.message.clone()
        };
        let mut error = ErrorObject::new(code, message);
        if let Some(kind) = &detail.kind {
            error.extra.insert("type".into(), kind.clone().into());
        }
        if let Some(param) = &detail.param {
            error.extra.insert("param".into(), param.clone().into());
        }
        Some(ErrorBody {
            error,
            user_id: None,
            openrouter_metadata: None,
            extra: Default::default(),
        })
    }
}

/// A streamed image generation: yields each [`ImageStreamEvent`] (partial images, text
/// chunks, the completed image) as it arrives; an `error` event ends it with
/// `Err(Error::Api(..))`. [`collect_result`](TypedStream::collect_result) returns the final
/// response, as `POST /images` without streaming would have.
pub type ImageStream = TypedStream<ImageStreamEvent>;

/// Folds image stream events into the final [`ImageGenerationResponse`]: one image per
/// completed event; text chunks of the `content` phase are joined into an SVG image when
/// no completed event carries the image; the last partial image stands in when the stream
/// ended without a completed event.
#[derive(Debug, Clone, Default)]
pub struct ImageAccumulator {
    response: ImageGenerationResponse,
    text: String,
    last_partial: Option<String>,
    partials: u32,
}

impl ImageAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many partial images have arrived.
    pub fn partial_images(&self) -> u32 {
        self.partials
    }

    /// Adds one event.
    pub fn push(&mut self, event: &ImageStreamEvent) {
        match event.kind {
            ImageStreamEventType::PartialImage => {
                self.partials = self.partials.saturating_add(1);
                self.last_partial.clone_from(&event.b64_json);
            }
            ImageStreamEventType::TextChunk
                if event.phase.as_deref().unwrap_or("content") == "content" =>
            {
                if let Some(text) = &event.text {
                    self.text.push_str(text);
                }
            }
            ImageStreamEventType::Completed => {
                self.response.data.push(GeneratedImage {
                    b64_json: event.b64_json.clone().unwrap_or_default(),
                    media_type: event.media_type.clone(),
                    extra: serde_json::Map::new(),
                });
                if let Some(created) = event.created {
                    self.response.created = created;
                }
                if event.usage.is_some() {
                    self.response.usage.clone_from(&event.usage);
                }
            }
            _ => {}
        }
    }

    /// The final response.
    pub fn finish(mut self) -> ImageGenerationResponse {
        if self.response.data.is_empty() {
            use base64::Engine;
            let image = |b64_json: String, media_type: Option<String>| GeneratedImage {
                b64_json,
                media_type,
                extra: serde_json::Map::new(),
            };
            if !self.text.is_empty() {
                let svg = base64::engine::general_purpose::STANDARD.encode(&self.text);
                self.response
                    .data
                    .push(image(svg, Some("image/svg+xml".into())));
            } else if let Some(partial) = self.last_partial {
                self.response.data.push(image(partial, None));
            }
        }
        self.response
    }
}

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<ImageStream>();
};
