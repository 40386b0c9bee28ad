//! Video generation: an asynchronous job (`POST /videos`, `GET /videos/{jobId}`), its content
//! (`GET /videos/{jobId}/content`) and the model list (`GET /videos/models`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

/// `POST /videos` request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoRequest {
    /// The video model, e.g. `google/veo-3.1`.
    pub model: String,
    /// What to film; optional for models that animate images alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Aspect ratio such as `16:9`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<String>,
    /// Duration in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// `480p`, `720p`, `1080p`, `4K`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Exact pixels, `WIDTHxHEIGHT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Whether to generate audio too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_audio: Option<bool>,
    /// Seed for deterministic sampling where supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// HTTPS webhook called when the job completes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// First/last frame images: `{type: "image_url", image_url: {url}, frame_type}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame_images: Option<Vec<Value>>,
    /// Reference assets: `image_url`, `audio_url` or `video_url` parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_references: Option<Vec<Value>>,
    /// Creativity level (upscaling models only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creativity: Option<i64>,
    /// Upscale factor (upscaling models only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upscale_factor: Option<f64>,
    /// Provider passthrough: `{options: {<provider slug>: {...}}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Map<String, Value>>,
    /// Fields this SDK does not model, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl VideoRequest {
    /// A video from `model` for `prompt`.
    pub fn new(model: impl Into<String>, prompt: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            prompt: Some(prompt.into()),
            ..Self::default()
        }
    }

    /// Sets the aspect ratio.
    pub fn aspect_ratio(mut self, ratio: impl Into<String>) -> Self {
        self.aspect_ratio = Some(ratio.into());
        self
    }

    /// Sets the duration in seconds.
    pub fn duration(mut self, seconds: u32) -> Self {
        self.duration = Some(seconds);
        self
    }

    /// Sets the resolution.
    pub fn resolution(mut self, resolution: impl Into<String>) -> Self {
        self.resolution = Some(resolution.into());
        self
    }

    /// Sets the exact size.
    pub fn size(mut self, size: impl Into<String>) -> Self {
        self.size = Some(size.into());
        self
    }

    /// Asks for audio or not.
    pub fn generate_audio(mut self, audio: bool) -> Self {
        self.generate_audio = Some(audio);
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: i64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Sets the completion webhook.
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
        self
    }

    /// Adds a first or last frame (`first_frame` / `last_frame`) from an image URL.
    pub fn frame_image(mut self, frame_type: impl Into<String>, url: impl Into<String>) -> Self {
        self.frame_images
            .get_or_insert_with(Vec::new)
            .push(serde_json::json!({
                "type": "image_url",
                "image_url": {"url": url.into()},
                "frame_type": frame_type.into(),
            }));
        self
    }
}

open_enum! {
    /// Where a video job is.
    pub enum VideoStatus {
        /// Accepted, not started.
        Pending => "pending",
        /// Being generated.
        InProgress => "in_progress",
        /// Done; the content can be downloaded.
        Completed => "completed",
        /// Failed; `error` says why.
        Failed => "failed",
        /// Cancelled.
        Cancelled => "cancelled",
        /// Expired before completion or download.
        Expired => "expired",
    }
}

impl VideoStatus {
    /// Whether the job will not change any more.
    pub fn is_terminal(&self) -> bool {
        !matches!(self, Self::Pending | Self::InProgress | Self::Other(_))
    }
}

/// A video job: the answer of `POST /videos` (202) and `GET /videos/{jobId}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoJob {
    /// Job id, e.g. `job-abc123`.
    pub id: String,
    /// Where to poll, e.g. `/api/v1/videos/job-abc123`.
    #[serde(default)]
    pub polling_url: String,
    /// Where the job is.
    pub status: VideoStatus,
    /// The generation id, once the job has been processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation_id: Option<String>,
    /// Why the job failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Provider URLs of the finished videos.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsigned_urls: Option<Vec<String>>,
    /// Cost, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<VideoUsage>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Cost of a video generation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoUsage {
    /// Cost in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether your own provider key paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /videos/models` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoModelList {
    /// The models.
    #[serde(default)]
    pub data: Vec<VideoModel>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A video generation model and what it supports.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoModel {
    /// Model id, e.g. `google/veo-3.1`.
    #[serde(default)]
    pub id: String,
    /// Canonical slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_slug: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unix time (seconds) the model was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// Hugging Face id, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hugging_face_id: Option<String>,
    /// Supported resolutions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_resolutions: Option<Vec<String>>,
    /// Supported aspect ratios.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_aspect_ratios: Option<Vec<String>>,
    /// Supported sizes (`WIDTHxHEIGHT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_sizes: Option<Vec<String>>,
    /// Supported durations in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_durations: Option<Vec<u32>>,
    /// Supported frame images (`first_frame`, `last_frame`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_frame_images: Option<Vec<String>>,
    /// Whether it can generate audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_audio: Option<bool>,
    /// Whether it honours `seed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<bool>,
    /// Creativity levels (upscaling models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creativity: Option<Vec<i64>>,
    /// Upscale factor range `{min, max}` (upscaling models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upscale_factor: Option<Value>,
    /// Prices by SKU, as decimal strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing_skus: Option<Map<String, Value>>,
    /// Provider options allowed through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_passthrough_parameters: Option<Vec<String>>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
