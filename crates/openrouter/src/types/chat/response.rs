//! The result of `POST /chat/completions` without streaming, and the parts it shares with
//! stream chunks (roles, finish reasons, annotations, generated images and audio).

use serde_json::Value;

use crate::types::chat::{ReasoningDetail, ToolCall, Usage};
use crate::types::error::ErrorObject;
use crate::types::lossless::{lossless_struct, WireField};
use crate::types::open_enum::open_enum;

open_enum! {
    /// Why a choice stopped generating (`finish_reason`).
    pub enum FinishReason {
        /// The model finished, or hit a stop sequence.
        Stop => "stop",
        /// The token limit was reached.
        Length => "length",
        /// The model wants tools called.
        ToolCalls => "tool_calls",
        /// A content filter removed output.
        ContentFilter => "content_filter",
        /// Generation failed; see the chunk's or choice's `error`.
        Error => "error",
    }
}

open_enum! {
    /// The author of a message (`role`).
    pub enum Role {
        /// Instructions from the application.
        System => "system",
        /// Instructions from the application, for models that distinguish them from system.
        Developer => "developer",
        /// The end user.
        User => "user",
        /// The model.
        Assistant => "assistant",
        /// A tool result.
        Tool => "tool",
    }
}

lossless_struct! {
    /// The result of a chat completion (`ChatResult`), also what a stream accumulates to.
    pub struct ChatResult {
        /// The generation id (`gen-...`); look it up with `/generation`.
        pub id: String => "id",
        /// Always `chat.completion`.
        pub object: String => "object",
        /// Unix time of creation, in seconds.
        pub created: u64 => "created",
        /// The model that answered; may be a dated name rather than the one requested.
        pub model: String => "model",
        /// The provider that served the request, e.g. `"Anthropic"`.
        pub provider: Option<String> => "provider",
        /// The upstream system fingerprint; often missing or `null`.
        pub system_fingerprint: Option<String> => "system_fingerprint",
        /// The upstream service tier, e.g. `"default"`.
        pub service_tier: Option<String> => "service_tier",
        /// The choices; one unless `n` was set.
        pub choices: Vec<Choice> => "choices",
        /// Token counts and cost.
        pub usage: Option<Usage> => "usage",
        /// Routing metadata, present when requested with `X-OpenRouter-Metadata: enabled`.
        pub openrouter_metadata: Option<Value> => "openrouter_metadata",
    }
}

impl Default for ChatResult {
    fn default() -> Self {
        WireField::absent()
    }
}

impl ChatResult {
    /// A result with one assistant choice holding `content`; handy in tests.
    pub fn from_text(
        id: impl Into<String>,
        model: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        let message = ResponseMessage {
            role: Some(Role::Assistant),
            content: Some(content.into()),
            ..ResponseMessage::default()
        };
        let choice = Choice {
            message,
            finish_reason: Some(FinishReason::Stop),
            ..Choice::default()
        };
        let mut result = Self {
            id: id.into(),
            object: "chat.completion".to_owned(),
            model: model.into(),
            ..Self::default()
        };
        result.choices.push(choice);
        result
    }

    /// The first choice, if any.
    pub fn first_choice(&self) -> Option<&Choice> {
        self.choices.first()
    }

    /// The first choice's text content.
    pub fn text(&self) -> Option<&str> {
        self.first_choice()?.message.content.as_deref()
    }

    /// The first choice's tool calls (empty when none).
    pub fn tool_calls(&self) -> &[ToolCall] {
        self.first_choice()
            .map_or(&[], |choice| choice.message.tool_calls.as_slice())
    }

    /// The first choice's reasoning text.
    pub fn reasoning(&self) -> Option<&str> {
        self.first_choice()?.message.reasoning.as_deref()
    }

    /// The first choice's structured reasoning (empty when none).
    pub fn reasoning_details(&self) -> &[ReasoningDetail] {
        self.first_choice()
            .map_or(&[], |choice| choice.message.reasoning_details.as_slice())
    }

    /// Why the first choice stopped.
    pub fn finish_reason(&self) -> Option<&FinishReason> {
        self.first_choice()?.finish_reason.as_ref()
    }

    /// The cost in credits (USD), when reported.
    pub fn cost(&self) -> Option<f64> {
        self.usage.as_ref()?.cost_f64()
    }
}

lossless_struct! {
    /// One choice of a [`ChatResult`].
    pub struct Choice {
        /// Position among the choices.
        pub index: u32 => "index",
        /// The generated message.
        pub message: ResponseMessage => "message",
        /// Why generation stopped, normalised by OpenRouter.
        pub finish_reason: Option<FinishReason> => "finish_reason",
        /// The provider's own finish reason, e.g. `"STOP"` or `"completed"`.
        pub native_finish_reason: Option<String> => "native_finish_reason",
        /// Token log probabilities, when requested (`ChatTokenLogprobs`, kept as JSON).
        pub logprobs: Option<Value> => "logprobs",
        /// An error that ended this choice.
        pub error: Option<ErrorObject> => "error",
    }
}

impl Default for Choice {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// The assistant message of a [`Choice`].
    pub struct ResponseMessage {
        /// Always `assistant` in results.
        pub role: Option<Role> => "role",
        /// The text; `None` or `""` when the model only called tools.
        pub content: Option<String> => "content",
        /// A refusal message, when the model refused.
        pub refusal: Option<String> => "refusal",
        /// Reasoning text, for reasoning models.
        pub reasoning: Option<String> => "reasoning",
        /// Structured reasoning; send it back unchanged on the next turn.
        pub reasoning_details: Vec<ReasoningDetail> => "reasoning_details",
        /// Tools the model wants called.
        pub tool_calls: Vec<ToolCall> => "tool_calls",
        /// Citations (web search) and parsed files.
        pub annotations: Vec<Annotation> => "annotations",
        /// Generated images.
        pub images: Vec<OutputImage> => "images",
        /// Generated audio.
        pub audio: Option<OutputAudio> => "audio",
    }
}

impl Default for ResponseMessage {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// An annotation on a message: a `url_citation` from web search, a parsed `file`, or a
    /// kind this SDK does not know (kept in `extra`).
    pub struct Annotation {
        /// The kind, e.g. `url_citation` or `file`.
        pub kind: String => "type",
        /// The cited page, for `url_citation`.
        pub url_citation: Option<UrlCitation> => "url_citation",
        /// The parsed file (`hash`, `name`, `content`), for `file`.
        pub file: Option<Value> => "file",
    }
}

impl Default for Annotation {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// A web page cited by the answer.
    pub struct UrlCitation {
        /// The page address.
        pub url: String => "url",
        /// The page title.
        pub title: Option<String> => "title",
        /// An excerpt of the page.
        pub content: Option<String> => "content",
        /// Where the citation starts in the message text.
        pub start_index: Option<u64> => "start_index",
        /// Where the citation ends in the message text.
        pub end_index: Option<u64> => "end_index",
    }
}

impl Default for UrlCitation {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// An image the model generated (`images[]`).
    pub struct OutputImage {
        /// Usually `image_url`.
        pub kind: Option<String> => "type",
        /// Where the image is: usually a `data:` URL with base64 content.
        pub image_url: Option<OutputImageUrl> => "image_url",
    }
}

impl Default for OutputImage {
    fn default() -> Self {
        WireField::absent()
    }
}

impl OutputImage {
    /// The image URL (often a base64 `data:` URL).
    pub fn url(&self) -> Option<&str> {
        self.image_url.as_ref().map(|image| image.url.as_str())
    }
}

lossless_struct! {
    /// The location of an [`OutputImage`].
    pub struct OutputImageUrl {
        /// A URL or a base64 `data:` URL.
        pub url: String => "url",
    }
}

impl Default for OutputImageUrl {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// Audio the model generated (`audio`); in streams, pieces to concatenate.
    pub struct OutputAudio {
        /// The audio id, to refer to it on the next turn.
        pub id: Option<String> => "id",
        /// Base64 audio data.
        pub data: Option<String> => "data",
        /// What the audio says.
        pub transcript: Option<String> => "transcript",
        /// Unix time after which `id` can no longer be referenced.
        pub expires_at: Option<i64> => "expires_at",
    }
}

impl Default for OutputAudio {
    fn default() -> Self {
        WireField::absent()
    }
}
