//! Reasoning details: the structured reasoning a model returns, and that must be sent back
//! unchanged on the next turn for some providers (Anthropic signatures, OpenAI encrypted items).

use crate::types::lossless::{lossless_struct, WireField};
use crate::types::open_enum::open_enum;

open_enum! {
    /// The kind of a reasoning detail (`type` on the wire).
    pub enum ReasoningDetailKind {
        /// Plain reasoning text, possibly signed.
        Text => "reasoning.text",
        /// A summary of the reasoning.
        Summary => "reasoning.summary",
        /// Opaque encrypted reasoning.
        Encrypted => "reasoning.encrypted",
        /// A record of an OpenRouter server-tool call.
        ServerToolCall => "reasoning.server_tool_call",
    }
}

// A detail without `type` decodes as `Other("")` and re-encodes without the key.
impl WireField for ReasoningDetailKind {
    fn absent() -> Self {
        ReasoningDetailKind::Other(String::new())
    }
    fn is_unset(&self) -> bool {
        matches!(self, ReasoningDetailKind::Other(kind) if kind.is_empty())
    }
}

lossless_struct! {
    /// One item of `reasoning_details`, in a message or a stream delta.
    ///
    /// A flat struct rather than an enum per kind: providers mix fields across kinds, and a
    /// kind this SDK does not know must still round-trip. Send these back unchanged on the
    /// next turn: Anthropic checks the `signature`, OpenAI needs the encrypted `data`.
    pub struct ReasoningDetail {
        /// The kind of detail.
        pub kind: ReasoningDetailKind => "type",
        /// Reasoning text (`reasoning.text`).
        pub text: Option<String> => "text",
        /// A signature that proves the text is the model's own (Anthropic).
        pub signature: Option<String> => "signature",
        /// Summary text (`reasoning.summary`).
        pub summary: Option<String> => "summary",
        /// Encrypted payload (`reasoning.encrypted`).
        pub data: Option<String> => "data",
        /// The provider format, e.g. `anthropic-claude-v1`, `openai-responses-v1`, `unknown`.
        pub format: Option<String> => "format",
        /// The provider's id for this item.
        pub id: Option<String> => "id",
        /// Position among the details; stream deltas with the same index belong together.
        pub index: Option<u32> => "index",
        /// Server-tool name (`reasoning.server_tool_call`).
        pub tool_name: Option<String> => "tool_name",
        /// Server-tool call id (`reasoning.server_tool_call`).
        pub tool_call_id: Option<String> => "tool_call_id",
        /// Server-tool arguments, a JSON string (`reasoning.server_tool_call`).
        pub arguments: Option<String> => "arguments",
        /// Server-tool result, a JSON string (`reasoning.server_tool_call`).
        pub result: Option<String> => "result",
    }
}

impl ReasoningDetail {
    /// An empty detail of the given kind.
    pub fn new(kind: ReasoningDetailKind) -> Self {
        let mut detail = <Self as WireField>::absent();
        detail.kind = kind;
        detail
    }

    /// A `reasoning.text` detail with the given text.
    pub fn text(text: impl Into<String>) -> Self {
        let mut detail = Self::new(ReasoningDetailKind::Text);
        detail.text = Some(text.into());
        detail
    }

    /// Folds a later stream delta of the same item (same `index` and kind) into this one:
    /// text and summary are appended; the other fields are taken when the delta has them,
    /// since providers send the signature or id in a later chunk than the text.
    pub(crate) fn merge_delta(&mut self, delta: &ReasoningDetail) {
        append(&mut self.text, delta.text.as_deref());
        append(&mut self.summary, delta.summary.as_deref());
        take(&mut self.signature, delta.signature.as_deref());
        take(&mut self.data, delta.data.as_deref());
        take(&mut self.format, delta.format.as_deref());
        take(&mut self.id, delta.id.as_deref());
        take(&mut self.tool_name, delta.tool_name.as_deref());
        take(&mut self.tool_call_id, delta.tool_call_id.as_deref());
        take(&mut self.arguments, delta.arguments.as_deref());
        take(&mut self.result, delta.result.as_deref());
        for (key, value) in &delta.extra {
            self.extra.insert(key.clone(), value.clone());
        }
    }
}

fn append(target: &mut Option<String>, piece: Option<&str>) {
    if let Some(piece) = piece {
        target.get_or_insert_with(String::new).push_str(piece);
    }
}

// An empty value never replaces a real one: Anthropic opens with `"signature": ""` and sends
// the real signature later.
fn take(target: &mut Option<String>, value: Option<&str>) {
    match value {
        Some(value) if !value.is_empty() || target.is_none() => *target = Some(value.to_owned()),
        _ => {}
    }
}
