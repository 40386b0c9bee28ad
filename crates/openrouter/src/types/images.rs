//! Image generation: `POST /images` (plain or streamed), `GET /images/models` and
//! `GET /images/models/{author}/{slug}/endpoints`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::open_enum::open_enum;

/// `POST /images` request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageGenerationRequest {
    /// The image model, e.g. `bytedance-seed/seedream-4.5`.
    pub model: String,
    /// What to draw.
    pub prompt: String,
    /// Aspect ratio such as `16:9` or `auto`; providers clamp to what they support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<String>,
    /// `auto`, `transparent` or `opaque`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// Reference images for image-to-image generation (data URLs or HTTP(S) URLs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_references: Option<Vec<ImageReference>>,
    /// Upper bound on the number of images (1-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// Compression level (0-100) for webp/jpeg output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_compression: Option<u32>,
    /// `png`, `jpeg`, `webp` or `svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_format: Option<String>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ImageProviderPreferences>,
    /// `auto`, `low`, `medium` or `high`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<String>,
    /// Resolution tier: `512`, `1K`, `2K` or `4K`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Seed for deterministic sampling where supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// A tier (`2K`) or explicit pixels (`2048x2048`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Stream partial images; set by [`Images::stream`](crate::api::Images::stream).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Fields this SDK does not model, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImageGenerationRequest {
    /// A request for `model` to draw `prompt`.
    pub fn new(model: impl Into<String>, prompt: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            prompt: prompt.into(),
            ..Self::default()
        }
    }

    /// Sets the aspect ratio.
    pub fn aspect_ratio(mut self, ratio: impl Into<String>) -> Self {
        self.aspect_ratio = Some(ratio.into());
        self
    }

    /// Sets the background treatment.
    pub fn background(mut self, background: impl Into<String>) -> Self {
        self.background = Some(background.into());
        self
    }

    /// Adds a reference image by URL (or data URL).
    pub fn input_reference(mut self, url: impl Into<String>) -> Self {
        self.input_references
            .get_or_insert_with(Vec::new)
            .push(ImageReference::new(url));
        self
    }

    /// Sets the number of images.
    pub fn n(mut self, n: u32) -> Self {
        self.n = Some(n);
        self
    }

    /// Sets the output compression.
    pub fn output_compression(mut self, level: u32) -> Self {
        self.output_compression = Some(level);
        self
    }

    /// Sets the output format.
    pub fn output_format(mut self, format: impl Into<String>) -> Self {
        self.output_format = Some(format.into());
        self
    }

    /// Sets the provider preferences.
    pub fn provider(mut self, provider: ImageProviderPreferences) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets the quality.
    pub fn quality(mut self, quality: impl Into<String>) -> Self {
        self.quality = Some(quality.into());
        self
    }

    /// Sets the resolution tier.
    pub fn resolution(mut self, resolution: impl Into<String>) -> Self {
        self.resolution = Some(resolution.into());
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: i64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Sets the size shorthand.
    pub fn size(mut self, size: impl Into<String>) -> Self {
        self.size = Some(size.into());
        self
    }
}

/// A reference image: `{type: "image_url", image_url: {url}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageReference {
    /// Always `image_url`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The image.
    pub image_url: ImageUrl,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImageReference {
    /// A reference to the image at `url` (HTTP(S) or a base64 data URL).
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            kind: "image_url".into(),
            image_url: ImageUrl {
                url: url.into(),
                extra: Map::new(),
            },
            extra: Map::new(),
        }
    }
}

/// An image URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageUrl {
    /// HTTP(S) URL or base64 data URL.
    pub url: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Provider routing preferences for image generation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageProviderPreferences {
    /// Whether backup providers may serve the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_fallbacks: Option<bool>,
    /// Providers to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<String>>,
    /// The only providers to use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
    /// Providers to try, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
    /// Provider-specific passthrough options, keyed by provider slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Map<String, Value>>,
    /// Sorting strategy: a string (`price`) or an object (`{by, partition}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<Value>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImageProviderPreferences {
    /// No preferences.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses only these providers.
    pub fn only<I, S>(mut self, providers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.only = Some(providers.into_iter().map(Into::into).collect());
        self
    }

    /// Allows or forbids fallbacks.
    pub fn allow_fallbacks(mut self, allow: bool) -> Self {
        self.allow_fallbacks = Some(allow);
        self
    }
}

/// `POST /images` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageGenerationResponse {
    /// Unix time (seconds) of generation.
    #[serde(default)]
    pub created: i64,
    /// The images.
    #[serde(default)]
    pub data: Vec<GeneratedImage>,
    /// Tokens and cost, when available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<ImageUsage>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One generated image.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GeneratedImage {
    /// Base64-encoded image bytes (SVG markup for `svg`).
    #[serde(default)]
    pub b64_json: String,
    /// MIME type such as `image/png`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl GeneratedImage {
    /// The image as a `data:` URL, ready for an `<img>` tag or a chat message.
    pub fn data_url(&self) -> String {
        let media = self.media_type.as_deref().unwrap_or("image/png");
        format!("data:{media};base64,{}", self.b64_json)
    }

    /// The decoded image bytes.
    ///
    /// # Errors
    /// When `b64_json` is not valid base64.
    pub fn bytes(&self) -> Result<Vec<u8>, base64::DecodeError> {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.decode(&self.b64_json)
    }
}

/// Token and cost usage of an image generation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageUsage {
    /// Prompt tokens (including images).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens: Option<u64>,
    /// Generated tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens: Option<u64>,
    /// Sum of both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// Cost in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether your own provider key paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Upstream cost breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_details: Option<Value>,
    /// Completion token breakdown (image, reasoning, audio tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens_details: Option<Value>,
    /// Prompt token breakdown (cached, audio, file, video tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens_details: Option<Value>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

open_enum! {
    /// What an image stream event carries.
    pub enum ImageStreamEventType {
        /// A partial image.
        PartialImage => "image_generation.partial_image",
        /// A fragment of a text-based image (SVG).
        TextChunk => "image_generation.text_chunk",
        /// The final image.
        Completed => "image_generation.completed",
        /// The generation failed after the stream started.
        Error => "error",
    }
}

/// One event of an image stream. A flat view of the four event shapes: `kind` says which
/// fields are set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageStreamEvent {
    /// Which event this is.
    #[serde(rename = "type")]
    pub kind: ImageStreamEventType,
    /// Base64 image data (partial or final).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b64_json: Option<String>,
    /// 0-based index of a partial image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_image_index: Option<u32>,
    /// A text fragment (SVG markup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `content`, `reasoning` or `draft`, for text chunks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Unix time (seconds), on the completed event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// MIME type of the final image, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Usage, on the completed event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<ImageUsage>,
    /// What went wrong, on the error event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ImageStreamError>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The provider error of an image stream `error` event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageStreamError {
    /// The provider's message.
    #[serde(default)]
    pub message: String,
    /// The provider's error code, when supplied (a string, or a number from some providers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Value>,
    /// The request parameter involved, when supplied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// The provider's error type, when supplied.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /images/models` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModelList {
    /// The models.
    #[serde(default)]
    pub data: Vec<ImageModel>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An image model in the listing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModel {
    /// Model slug, e.g. `bytedance-seed/seedream-4.5`.
    #[serde(default)]
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unix time (seconds) the model was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// Input and output modalities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<ImageModelArchitecture>,
    /// Parameters accepted by at least one endpoint, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_parameters: Option<BTreeMap<String, Capability>>,
    /// Whether any endpoint streams partial images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_streaming: Option<bool>,
    /// Relative URL of the model's endpoint records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Input and output modalities of an image model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModelArchitecture {
    /// Accepted inputs (`text`, `image`, ...).
    #[serde(default)]
    pub input_modalities: Vec<String>,
    /// Produced outputs (`image`, ...).
    #[serde(default)]
    pub output_modalities: Vec<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How one request parameter may be set: `enum` (with `values`), `range` (`min`..=`max`) or
/// `boolean`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Capability {
    /// `enum`, `range` or `boolean`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Accepted values of an `enum` parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// Lower bound of a `range` parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper bound of a `range` parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /images/models/{author}/{slug}/endpoints` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModelEndpoints {
    /// Model slug.
    #[serde(default)]
    pub id: String,
    /// The endpoints serving it.
    #[serde(default)]
    pub endpoints: Vec<ImageEndpoint>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One provider endpoint of an image model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageEndpoint {
    /// Provider display name.
    #[serde(default)]
    pub provider_name: String,
    /// Provider slug.
    #[serde(default)]
    pub provider_slug: String,
    /// Provider tag for request-side selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_tag: Option<String>,
    /// The parameters this endpoint accepts, by name.
    #[serde(default)]
    pub supported_parameters: BTreeMap<String, Capability>,
    /// Options accepted under `provider.options[provider_slug]`.
    #[serde(default)]
    pub allowed_passthrough_parameters: Vec<String>,
    /// Whether this endpoint streams partial images.
    #[serde(default)]
    pub supports_streaming: bool,
    /// Billable pricing lines.
    #[serde(default)]
    pub pricing: Vec<ImagePrice>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One billable pricing line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImagePrice {
    /// What is billed: `output_image`, `input_image`, `input_text`...
    #[serde(default)]
    pub billable: String,
    /// Per what: `image`, `megapixel` or `token`.
    #[serde(default)]
    pub unit: String,
    /// Price in USD per unit.
    #[serde(default)]
    pub cost_usd: f64,
    /// Variant name, when prices differ by variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
