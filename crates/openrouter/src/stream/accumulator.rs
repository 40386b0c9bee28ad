//! Folds the chunks of a chat stream into the [`ChatResult`] a non-streamed call would give.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::types::chat::{
    Annotation, ChatChunk, ChatResult, Choice, ChunkChoice, FinishReason, OutputAudio, OutputImage,
    ReasoningDetail, ReasoningDetailKind, ResponseMessage, Role, ToolCall, ToolCallDelta, Usage,
};
use crate::types::error::ErrorObject;

/// Folds a chat stream into the final result: text, reasoning, `reasoning_details`, tool
/// calls assembled from argument fragments, annotations, images, finish reasons and usage.
///
/// It records in-band errors without failing ([`ChatAccumulator::error`]); turning them
/// into `Err` is the stream's job.
///
/// ```
/// use openrouter::stream::ChatAccumulator;
/// use openrouter::types::chat::ChatChunk;
///
/// let mut acc = ChatAccumulator::new();
/// for data in [
///     r#"{"id":"gen-1","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}"#,
///     r#"{"id":"gen-1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"#,
/// ] {
///     let chunk: ChatChunk = serde_json::from_str(data)?;
///     acc.push(&chunk);
/// }
/// assert_eq!(acc.finish().text(), Some("Hello"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ChatAccumulator {
    head: ChatResult,
    /// By index: a map, so neither a huge index nor many choices cost more than they carry.
    choices: BTreeMap<u32, ChoiceState>,
    error: Option<ErrorObject>,
    chunks: usize,
}

#[derive(Debug, Clone, Default)]
struct ChoiceState {
    index: u32,
    role: Option<Role>,
    content: Option<String>,
    refusal: Option<String>,
    reasoning: Option<String>,
    reasoning_details: Vec<ReasoningDetail>,
    tool_calls: Vec<ToolCallState>,
    calls: CallIndex,
    /// Position of the first detail with each (index, kind), the key deltas merge on.
    detail_positions: HashMap<(u32, ReasoningDetailKind), usize>,
    annotations: Vec<Annotation>,
    images: Vec<OutputImage>,
    audio: Option<OutputAudio>,
    finish_reason: Option<FinishReason>,
    native_finish_reason: Option<String>,
    logprobs: Option<Value>,
    error: Option<ErrorObject>,
    message_extra: serde_json::Map<String, Value>,
    choice_extra: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Default)]
struct ToolCallState {
    index: u32,
    id: String,
    kind: Option<String>,
    name: String,
    arguments: String,
    extra: serde_json::Map<String, Value>,
    function_extra: serde_json::Map<String, Value>,
}

impl ChatAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a chunk.
    pub fn push(&mut self, chunk: &ChatChunk) {
        self.chunks += 1;
        let head = &mut self.head;
        // Identity fields are the same on every chunk; the first one that has them wins.
        fill(&mut head.id, &chunk.id);
        fill(&mut head.model, &chunk.model);
        if head.created == 0 {
            head.created = chunk.created;
        }
        first(&mut head.provider, &chunk.provider);
        // These can arrive late (`service_tier` only on the final chunk): latest wins.
        latest(&mut head.system_fingerprint, &chunk.system_fingerprint);
        latest(&mut head.service_tier, &chunk.service_tier);
        latest(&mut head.openrouter_metadata, &chunk.openrouter_metadata);
        latest(&mut head.usage, &chunk.usage);
        latest(&mut self.error, &chunk.error);
        for (key, value) in &chunk.extra {
            head.extra.insert(key.clone(), value.clone());
        }
        for choice in &chunk.choices {
            self.choices
                .entry(choice.index)
                .or_insert_with(|| ChoiceState {
                    index: choice.index,
                    ..ChoiceState::default()
                })
                .absorb(choice);
        }
    }

    /// The last in-band error a chunk carried (top-level `error`), if any.
    pub fn error(&self) -> Option<&ErrorObject> {
        self.error.as_ref()
    }

    /// The last usage seen, if any.
    pub fn usage(&self) -> Option<&Usage> {
        self.head.usage.as_ref()
    }

    /// How many chunks were pushed.
    pub fn chunk_count(&self) -> usize {
        self.chunks
    }

    /// The result so far, without consuming the accumulator.
    pub fn snapshot(&self) -> ChatResult {
        let mut result = self.head.clone();
        result.object = "chat.completion".to_owned();
        result.choices = self.choices.values().map(ChoiceState::to_choice).collect();
        result
    }

    /// The final result.
    pub fn finish(self) -> ChatResult {
        self.snapshot()
    }

    /// The final result and the last in-band error, if any.
    pub fn finish_with_error(self) -> (ChatResult, Option<ErrorObject>) {
        let result = self.snapshot();
        (result, self.error)
    }
}

impl ChoiceState {
    fn absorb(&mut self, choice: &ChunkChoice) {
        let delta = &choice.delta;
        first(&mut self.role, &delta.role);
        append(&mut self.content, delta.content.as_deref());
        append(&mut self.reasoning, delta.reasoning.as_deref());
        append(&mut self.refusal, delta.refusal.as_deref());
        for detail in &delta.reasoning_details {
            self.merge_reasoning(detail);
        }
        for call in &delta.tool_calls {
            self.merge_tool_call(call);
        }
        self.annotations.extend(delta.annotations.iter().cloned());
        self.images.extend(delta.images.iter().cloned());
        if let Some(audio) = &delta.audio {
            let target = self.audio.get_or_insert_with(OutputAudio::default);
            append(&mut target.data, audio.data.as_deref());
            append(&mut target.transcript, audio.transcript.as_deref());
            first(&mut target.id, &audio.id);
            latest(&mut target.expires_at, &audio.expires_at);
        }
        for (key, value) in &delta.extra {
            self.message_extra.insert(key.clone(), value.clone());
        }
        latest(&mut self.finish_reason, &choice.finish_reason);
        latest(&mut self.native_finish_reason, &choice.native_finish_reason);
        latest(&mut self.error, &choice.error);
        if let Some(logprobs) = &choice.logprobs {
            merge_logprobs(&mut self.logprobs, logprobs);
        }
        for (key, value) in &choice.extra {
            self.choice_extra.insert(key.clone(), value.clone());
        }
    }

    // Pieces of one item share `index` and kind; an item without an index stands alone.
    fn merge_reasoning(&mut self, piece: &ReasoningDetail) {
        if let Some(index) = piece.index {
            let key = (index, piece.kind.clone());
            if let Some(&position) = self.detail_positions.get(&key) {
                if let Some(existing) = self.reasoning_details.get_mut(position) {
                    existing.merge_delta(piece);
                    return;
                }
            }
            self.detail_positions
                .insert(key, self.reasoning_details.len());
        }
        self.reasoning_details.push(piece.clone());
    }

    fn merge_tool_call(&mut self, piece: &ToolCallDelta) {
        let piece_id = piece.id.as_deref().filter(|id| !id.is_empty());
        // Some providers reuse index 0 for parallel calls; a new id means a new call.
        let position = match self.calls.find(piece.index, piece_id) {
            Some(position) => position,
            None => {
                self.tool_calls.push(ToolCallState {
                    index: piece.index,
                    ..ToolCallState::default()
                });
                let position = self.tool_calls.len() - 1;
                self.calls.add(position, piece.index);
                position
            }
        };
        let Some(call) = self.tool_calls.get_mut(position) else {
            return;
        };
        if let Some(id) = piece_id {
            if call.id.is_empty() {
                self.calls.named(position, piece.index, id);
            }
            fill(&mut call.id, id);
        }
        first(&mut call.kind, &piece.kind);
        if let Some(function) = &piece.function {
            if let Some(name) = function.name.as_deref() {
                fill(&mut call.name, name);
            }
            if let Some(arguments) = function.arguments.as_deref() {
                call.arguments.push_str(arguments);
            }
            for (key, value) in &function.extra {
                call.function_extra.insert(key.clone(), value.clone());
            }
        }
        for (key, value) in &piece.extra {
            call.extra.insert(key.clone(), value.clone());
        }
    }

    fn to_choice(&self) -> Choice {
        let mut message = ResponseMessage::default();
        message.role = Some(self.role.clone().unwrap_or(Role::Assistant));
        message.content.clone_from(&self.content);
        message.refusal.clone_from(&self.refusal);
        message.reasoning.clone_from(&self.reasoning);
        message
            .reasoning_details
            .clone_from(&self.reasoning_details);
        message.tool_calls = self
            .tool_calls
            .iter()
            .map(ToolCallState::to_tool_call)
            .collect();
        message.annotations.clone_from(&self.annotations);
        message.images.clone_from(&self.images);
        message.audio.clone_from(&self.audio);
        message.extra.clone_from(&self.message_extra);

        let mut choice = Choice::default();
        choice.index = self.index;
        choice.message = message;
        choice.finish_reason.clone_from(&self.finish_reason);
        choice
            .native_finish_reason
            .clone_from(&self.native_finish_reason);
        choice.logprobs.clone_from(&self.logprobs);
        choice.error.clone_from(&self.error);
        choice.extra.clone_from(&self.choice_extra);
        choice
    }
}

/// Finds the tool call a delta continues without scanning every call (a stream of many
/// calls would make that quadratic): the latest call with the delta's index that has the
/// delta's id or no id yet; with no id in the delta, the latest call with its index.
#[derive(Debug, Clone, Default)]
struct CallIndex {
    /// The latest call with each index.
    latest: HashMap<u32, usize>,
    /// The calls with each index that have no id yet, oldest first.
    unnamed: HashMap<u32, Vec<usize>>,
    /// The latest call with each (index, id).
    named: HashMap<(u32, String), usize>,
}

impl CallIndex {
    fn find(&self, index: u32, id: Option<&str>) -> Option<usize> {
        let Some(id) = id else {
            return self.latest.get(&index).copied();
        };
        let unnamed = self.unnamed.get(&index).and_then(|calls| calls.last());
        let named = self.named.get(&(index, id.to_owned()));
        unnamed.max(named).copied()
    }

    /// A new call, without an id yet, at `position`.
    fn add(&mut self, position: usize, index: u32) {
        self.latest.insert(index, position);
        self.unnamed.entry(index).or_default().push(position);
    }

    /// The call at `position` got its id. It is the latest unnamed call with its index:
    /// `find` never prefers an older one.
    fn named(&mut self, position: usize, index: u32, id: &str) {
        if let Some(calls) = self.unnamed.get_mut(&index) {
            if calls.last() == Some(&position) {
                calls.pop();
            } else {
                calls.retain(|&call| call != position);
            }
        }
        let latest = self.named.entry((index, id.to_owned())).or_insert(position);
        *latest = (*latest).max(position);
    }
}

impl ToolCallState {
    fn to_tool_call(&self) -> ToolCall {
        // Streams open with `"arguments": ""`; a call without arguments means `{}`.
        let arguments = if self.arguments.trim().is_empty() {
            "{}".to_owned()
        } else {
            self.arguments.clone()
        };
        let mut call = ToolCall::function(self.id.clone(), self.name.clone(), arguments);
        if let Some(kind) = &self.kind {
            call.kind.clone_from(kind);
        }
        call.index = Some(self.index);
        call.extra.clone_from(&self.extra);
        call.function.extra.clone_from(&self.function_extra);
        call
    }
}

fn append(target: &mut Option<String>, piece: Option<&str>) {
    if let Some(piece) = piece {
        target.get_or_insert_with(String::new).push_str(piece);
    }
}

fn fill(target: &mut String, value: &str) {
    if target.is_empty() && !value.is_empty() {
        value.clone_into(target);
    }
}

fn first<T: Clone>(target: &mut Option<T>, value: &Option<T>) {
    if target.is_none() {
        target.clone_from(value);
    }
}

fn latest<T: Clone>(target: &mut Option<T>, value: &Option<T>) {
    if value.is_some() {
        target.clone_from(value);
    }
}

// Stream logprobs carry the tokens of one piece; the result lists all of them.
fn merge_logprobs(target: &mut Option<Value>, piece: &Value) {
    let Some(Value::Object(existing)) = target else {
        *target = Some(piece.clone());
        return;
    };
    let Value::Object(piece) = piece else {
        return;
    };
    for (key, value) in piece {
        match (existing.get_mut(key), value) {
            (Some(Value::Array(items)), Value::Array(more)) => items.extend(more.iter().cloned()),
            (_, Value::Null) => {}
            _ => {
                existing.insert(key.clone(), value.clone());
            }
        }
    }
}
