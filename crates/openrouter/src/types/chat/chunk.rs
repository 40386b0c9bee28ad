//! One event of a chat stream (`ChatStreamChunk`).

use serde_json::Value;

use crate::types::chat::{
    Annotation, FinishReason, OutputAudio, OutputImage, ReasoningDetail, Role, Usage,
};
use crate::types::error::ErrorObject;
use crate::types::lossless::{lossless_struct, WireField};

lossless_struct! {
    /// One `data:` event of a chat stream.
    ///
    /// The last chunks carry `usage` (sometimes with `choices: []`). A chunk with a top-level
    /// `error` reports a failure after the stream started, whatever its finish reason says.
    pub struct ChatChunk {
        /// The generation id, the same on every chunk.
        pub id: String => "id",
        /// Always `chat.completion.chunk`.
        pub object: String => "object",
        /// Unix time of creation, in seconds.
        pub created: u64 => "created",
        /// The model that answers.
        pub model: String => "model",
        /// The provider that serves the request.
        pub provider: Option<String> => "provider",
        /// The upstream system fingerprint; often `null`.
        pub system_fingerprint: Option<String> => "system_fingerprint",
        /// The upstream service tier; usually only on the last chunk.
        pub service_tier: Option<String> => "service_tier",
        /// The choice deltas; empty on some usage-only chunks.
        pub choices: Vec<ChunkChoice> => "choices",
        /// Token counts and cost, on the final chunk(s).
        pub usage: Option<Usage> => "usage",
        /// Routing metadata, when requested.
        pub openrouter_metadata: Option<Value> => "openrouter_metadata",
        /// A failure after the stream started.
        pub error: Option<ErrorObject> => "error",
    }
}

impl Default for ChatChunk {
    fn default() -> Self {
        WireField::absent()
    }
}

impl ChatChunk {
    /// The first choice's delta, if any.
    pub fn delta(&self) -> Option<&Delta> {
        self.choices.first().map(|choice| &choice.delta)
    }

    /// The first choice's content piece.
    pub fn content(&self) -> Option<&str> {
        self.delta()?.content.as_deref()
    }

    /// The first choice's reasoning piece.
    pub fn reasoning(&self) -> Option<&str> {
        self.delta()?.reasoning.as_deref()
    }

    /// The first finish reason carried by this chunk.
    pub fn finish_reason(&self) -> Option<&FinishReason> {
        self.choices
            .iter()
            .find_map(|choice| choice.finish_reason.as_ref())
    }

    /// The error this chunk reports: the top-level `error`, else a choice's `error`.
    ///
    /// A chunk can also say `finish_reason: "error"` with no error object; see
    /// [`ChatChunk::is_error`].
    pub fn error(&self) -> Option<&ErrorObject> {
        self.error
            .as_ref()
            .or_else(|| self.choices.iter().find_map(|c| c.error.as_ref()))
    }

    /// Whether this chunk reports a failure: an `error` object or `finish_reason: "error"`.
    pub fn is_error(&self) -> bool {
        self.error().is_some()
            || self
                .choices
                .iter()
                .any(|c| c.finish_reason == Some(FinishReason::Error))
    }
}

lossless_struct! {
    /// One choice's piece of a [`ChatChunk`].
    pub struct ChunkChoice {
        /// Which choice this piece belongs to.
        pub index: u32 => "index",
        /// What the piece adds.
        pub delta: Delta => "delta",
        /// Set on the chunk that ends the choice.
        pub finish_reason: Option<FinishReason> => "finish_reason",
        /// The provider's own finish reason.
        pub native_finish_reason: Option<String> => "native_finish_reason",
        /// Token log probabilities of this piece, when requested.
        pub logprobs: Option<Value> => "logprobs",
        /// An error that ended this choice.
        pub error: Option<ErrorObject> => "error",
    }
}

impl Default for ChunkChoice {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// What a chunk adds to a message: pieces of text to append, tool-call fragments, and
    /// items (reasoning details, annotations, images) to merge or append.
    pub struct Delta {
        /// The author, usually repeated on every chunk.
        pub role: Option<Role> => "role",
        /// Text to append.
        pub content: Option<String> => "content",
        /// Reasoning text to append.
        pub reasoning: Option<String> => "reasoning",
        /// Reasoning detail pieces; pieces with the same `index` and kind form one item.
        pub reasoning_details: Vec<ReasoningDetail> => "reasoning_details",
        /// Refusal text to append.
        pub refusal: Option<String> => "refusal",
        /// Tool-call fragments, keyed by their `index`.
        pub tool_calls: Vec<ToolCallDelta> => "tool_calls",
        /// Annotations to append.
        pub annotations: Vec<Annotation> => "annotations",
        /// Generated images to append.
        pub images: Vec<OutputImage> => "images",
        /// Audio pieces.
        pub audio: Option<OutputAudio> => "audio",
    }
}

impl Default for Delta {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// A fragment of a tool call (`ChatStreamToolCall`): the first names the call, the
    /// following ones add argument text.
    pub struct ToolCallDelta {
        /// Which tool call of the message this fragment belongs to.
        pub index: u32 => "index",
        /// The call id, on the first fragment.
        pub id: Option<String> => "id",
        /// `function`, on the first fragment (some providers repeat it).
        pub kind: Option<String> => "type",
        /// The function name and argument text.
        pub function: Option<FunctionCallDelta> => "function",
    }
}

impl Default for ToolCallDelta {
    fn default() -> Self {
        WireField::absent()
    }
}

lossless_struct! {
    /// The function part of a [`ToolCallDelta`].
    pub struct FunctionCallDelta {
        /// The function name, on the first fragment.
        pub name: Option<String> => "name",
        /// Argument text to append; the first fragment often carries `""`.
        pub arguments: Option<String> => "arguments",
    }
}

impl Default for FunctionCallDelta {
    fn default() -> Self {
        WireField::absent()
    }
}
