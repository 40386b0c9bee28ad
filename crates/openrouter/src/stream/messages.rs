//! The messages stream (Anthropic event format) and its accumulator.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::typed::{sealed, StreamPayload};
use super::{Events, TypedStream};
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};
use crate::types::messages::{
    ContentBlock, ContentDelta, MessagesErrorDetail, MessagesResult, MessagesStreamEvent,
    MessagesUsage, TextBlock, ThinkingBlock,
};

impl sealed::Sealed for MessagesStreamEvent {}

impl StreamPayload for MessagesStreamEvent {
    type Output = MessagesResult;
    type Accumulator = MessagesAccumulator;

    fn accumulate(accumulator: &mut MessagesAccumulator, event: &Self) {
        accumulator.push(event);
    }

    fn finish(accumulator: MessagesAccumulator) -> MessagesResult {
        accumulator.finish()
    }

    fn generation_id(&self) -> Option<&str> {
        match self {
            MessagesStreamEvent::MessageStart(start) => Some(&start.message.id),
            _ => None,
        }
    }

    fn is_keep_alive(&self) -> bool {
        matches!(self, MessagesStreamEvent::Ping(_))
    }

    fn in_band_error(&self) -> Option<ErrorBody> {
        let MessagesStreamEvent::Error(event) = self else {
            return None;
        };
        Some(ErrorBody {
            error: error_object(&event.error),
            user_id: None,
            openrouter_metadata: event.openrouter_metadata.clone(),
            extra: Map::new(),
        })
    }
}

/// The Anthropic error as an OpenRouter error object: `code` is the Anthropic type (e.g.
/// `overloaded_error`), `metadata.error_type` OpenRouter's canonical type when sent (else the
/// Anthropic type), and `type` is kept among the extra fields.
fn error_object(detail: &MessagesErrorDetail) -> ErrorObject {
    let mut error = ErrorObject::new(ErrorCode::Text(detail.kind.clone()), detail.message.clone());
    let error_type = detail
        .error_type
        .clone()
        .unwrap_or_else(|| detail.kind.clone());
    let mut metadata = Map::new();
    metadata.insert("error_type".into(), Value::String(error_type));
    error.metadata = Some(metadata);
    error
        .extra
        .insert("type".into(), Value::String(detail.kind.clone()));
    error.extra.extend(detail.extra.clone());
    error
}

/// A streamed messages call: yields each [`MessagesStreamEvent`] as it arrives.
///
/// `ping` events are keep-alives: they are counted ([`TypedStream::keep_alives`]) and shown
/// by [`TypedStream::events`] as a keep-alive, never yielded as data. An `error` event ends
/// the stream with `Err(Error::Api(..))` whose code is the Anthropic error type and whose
/// `error_type()` is OpenRouter's canonical type.
pub type MessagesStream = TypedStream<MessagesStreamEvent>;

/// A [`MessagesStream`] that also yields keep-alives (`ping` events and comments).
pub type MessagesEvents = Events<MessagesStreamEvent>;

/// Folds messages stream events into the [`MessagesResult`] a non-streamed call would
/// give: text, thinking with its signature, tool inputs parsed from their JSON fragments,
/// stop reason and usage.
///
/// ```
/// use openrouter::stream::MessagesAccumulator;
/// use openrouter::types::messages::MessagesStreamEvent;
///
/// let mut acc = MessagesAccumulator::new();
/// for data in [
///     r#"{"type":"message_start","message":{"id":"msg_1","model":"m","content":[],"usage":{"input_tokens":3,"output_tokens":1}}}"#,
///     r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
///     r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}"#,
///     r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}}"#,
///     r#"{"type":"content_block_stop","index":0}"#,
///     r#"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}"#,
/// ] {
///     acc.push(&serde_json::from_str::<MessagesStreamEvent>(data)?);
/// }
/// let message = acc.finish();
/// assert_eq!(message.text().as_deref(), Some("Hello"));
/// assert_eq!(message.usage.output_tokens, Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct MessagesAccumulator {
    message: MessagesResult,
    /// Content blocks by index: a map, so many blocks cost no scans and come out in order.
    blocks: BTreeMap<u32, BlockState>,
    error: Option<MessagesErrorDetail>,
    events: usize,
}

#[derive(Debug, Clone)]
struct BlockState {
    block: ContentBlock,
    partial_json: String,
}

impl MessagesAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many events were pushed.
    pub fn events(&self) -> usize {
        self.events
    }

    /// The in-band error, if an `error` event was pushed.
    pub fn error(&self) -> Option<&MessagesErrorDetail> {
        self.error.as_ref()
    }

    /// Adds an event.
    pub fn push(&mut self, event: &MessagesStreamEvent) {
        self.events += 1;
        match event {
            MessagesStreamEvent::MessageStart(start) => {
                let mut message = start.message.clone();
                for (i, block) in std::mem::take(&mut message.content).into_iter().enumerate() {
                    self.block_mut(u32::try_from(i).unwrap_or(u32::MAX), Some(block));
                }
                self.message = message;
            }
            MessagesStreamEvent::ContentBlockStart(start) => {
                let state = self.block_mut(start.index, Some(start.content_block.clone()));
                state.partial_json.clear();
            }
            MessagesStreamEvent::ContentBlockDelta(delta) => {
                let state = self.block_mut(delta.index, None);
                apply_delta(state, &delta.delta);
            }
            MessagesStreamEvent::ContentBlockStop(stop) => {
                let state = self.block_mut(stop.index, None);
                finish_input(state);
            }
            MessagesStreamEvent::MessageDelta(delta) => {
                let head = &delta.delta;
                if head.stop_reason.is_some() {
                    self.message.stop_reason = head.stop_reason.clone();
                }
                if head.stop_sequence.is_some() {
                    self.message.stop_sequence = head.stop_sequence.clone();
                }
                if head.stop_details.is_some() {
                    self.message.stop_details = head.stop_details.clone();
                }
                if head.container.is_some() {
                    self.message.container = head.container.clone();
                }
                if let Some(usage) = &delta.usage {
                    merge_usage(&mut self.message.usage, usage);
                }
            }
            MessagesStreamEvent::Error(error) => self.error = Some(error.error.clone()),
            MessagesStreamEvent::MessageStop(_)
            | MessagesStreamEvent::Ping(_)
            | MessagesStreamEvent::Unknown(_) => {}
        }
    }

    /// The message assembled so far; blocks whose stop never came are included as they are.
    pub fn finish(mut self) -> MessagesResult {
        for state in self.blocks.values_mut() {
            finish_input(state);
        }
        self.message.content = self
            .blocks
            .into_values()
            .map(|b| b.block)
            .filter(|b| !matches!(b, ContentBlock::Unknown(Value::Null)))
            .collect();
        self.message
    }

    fn block_mut(&mut self, index: u32, block: Option<ContentBlock>) -> &mut BlockState {
        let state = self.blocks.entry(index).or_insert_with(|| BlockState {
            // A delta without its start: assume the block kind from the delta later.
            block: ContentBlock::Unknown(Value::Null),
            partial_json: String::new(),
        });
        if let Some(block) = block {
            state.block = block;
        }
        state
    }
}

fn apply_delta(state: &mut BlockState, delta: &ContentDelta) {
    match delta {
        ContentDelta::TextDelta(piece) => match &mut state.block {
            ContentBlock::Text(block) => block.text.push_str(&piece.text),
            block @ ContentBlock::Unknown(Value::Null) => {
                *block = ContentBlock::Text(TextBlock::new(piece.text.clone()));
            }
            _ => {}
        },
        ContentDelta::ThinkingDelta(piece) => match &mut state.block {
            ContentBlock::Thinking(block) => block.thinking.push_str(&piece.thinking),
            block @ ContentBlock::Unknown(Value::Null) => {
                *block = ContentBlock::Thinking(empty_thinking(piece.thinking.clone()));
            }
            _ => {}
        },
        ContentDelta::SignatureDelta(piece) => match &mut state.block {
            ContentBlock::Thinking(block) => {
                block
                    .signature
                    .get_or_insert_with(String::new)
                    .push_str(&piece.signature);
            }
            block @ ContentBlock::Unknown(Value::Null) => {
                let mut thinking = empty_thinking(String::new());
                thinking.signature = Some(piece.signature.clone());
                *block = ContentBlock::Thinking(thinking);
            }
            _ => {}
        },
        ContentDelta::InputJsonDelta(piece) => state.partial_json.push_str(&piece.partial_json),
        ContentDelta::CitationsDelta(piece) => {
            if let ContentBlock::Text(block) = &mut state.block {
                block
                    .citations
                    .get_or_insert_with(Vec::new)
                    .push(piece.citation.clone());
            }
        }
        ContentDelta::Unknown(_) => {}
    }
}

fn empty_thinking(thinking: String) -> ThinkingBlock {
    ThinkingBlock {
        thinking,
        signature: None,
        extra: Map::new(),
    }
}

/// Turns the collected JSON fragments into the tool call's input. Input that does not
/// parse is kept as a string so nothing is lost.
fn finish_input(state: &mut BlockState) {
    if state.partial_json.is_empty() {
        return;
    }
    let text = std::mem::take(&mut state.partial_json);
    let input = serde_json::from_str(&text).unwrap_or(Value::String(text));
    match &mut state.block {
        ContentBlock::ToolUse(block) | ContentBlock::ServerToolUse(block) => block.input = input,
        ContentBlock::Unknown(Value::Object(map)) => {
            map.insert("input".into(), input);
        }
        _ => {}
    }
}

/// `message_delta` usage is cumulative: later counts replace earlier ones.
fn merge_usage(into: &mut MessagesUsage, from: &MessagesUsage) {
    macro_rules! take {
        ($($field:ident),*) => {$(
            if from.$field.is_some() {
                into.$field = from.$field.clone();
            }
        )*};
    }
    take!(
        input_tokens,
        output_tokens,
        cache_creation_input_tokens,
        cache_read_input_tokens,
        cache_creation,
        server_tool_use,
        service_tier,
        cost,
        is_byok
    );
    for (key, value) in &from.extra {
        if !value.is_null() {
            into.extra.insert(key.clone(), value.clone());
        }
    }
}

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<MessagesStream>();
    assert::<MessagesEvents>();
};
