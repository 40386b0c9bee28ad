//! The Responses API stream and the accumulator that folds its events into the final
//! response.

use std::collections::BTreeMap;

use serde_json::Value;

use super::typed::{sealed, StreamPayload};
use super::{Events, TypedStream};
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};
use crate::types::responses::{
    ResponsesEvent, ResponsesEventKind, ResponsesFunctionCall, ResponsesOutputContent,
    ResponsesOutputItem, ResponsesOutputMessage, ResponsesOutputText, ResponsesReasoningItem,
    ResponsesResult, ResponsesStatus, ResponsesTextPart,
};

fn body(error: ErrorObject) -> ErrorBody {
    ErrorBody {
        error,
        user_id: None,
        openrouter_metadata: None,
        extra: Default::default(),
    }
}

impl sealed::Sealed for ResponsesEvent {}

impl StreamPayload for ResponsesEvent {
    type Output = ResponsesResult;
    type Accumulator = ResponsesAccumulator;

    fn accumulate(accumulator: &mut ResponsesAccumulator, event: &Self) {
        accumulator.push(event);
    }

    fn finish(accumulator: ResponsesAccumulator) -> ResponsesResult {
        accumulator.finish()
    }

    fn generation_id(&self) -> Option<&str> {
        self.response.as_ref().map(|response| response.id.as_str())
    }

    fn in_band_error(&self) -> Option<ErrorBody> {
        match &self.kind {
            ResponsesEventKind::Error => {
                let code = self
                    .code
                    .clone()
                    .unwrap_or_else(|| ErrorCode::Text("error".into()));
                let message = self.message.clone().unwrap_or_default();
                let mut error = ErrorObject::new(code, message);
                if let Some(param) = &self.param {
                    error
                        .extra
                        .insert("param".into(), Value::String(param.clone()));
                }
                Some(body(error))
            }
            ResponsesEventKind::Failed => {
                let failed = self.response.as_ref().and_then(|r| r.error.as_ref());
                let code = failed
                    .and_then(|e| e.code.clone())
                    .unwrap_or_else(|| ErrorCode::Text("response_failed".into()));
                let message = failed
                    .map(|e| e.message.clone())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "the response failed".into());
                let mut error = ErrorObject::new(code, message);
                if let Some(kind) = self.response.as_ref().and_then(|r| r.error_type.clone()) {
                    let mut metadata = serde_json::Map::new();
                    metadata.insert("error_type".into(), Value::String(kind));
                    error.metadata = Some(metadata);
                }
                Some(body(error))
            }
            // A mid-stream error written in the chat shape (`{"error": {code, message}}`).
            _ => match &self.error {
                Some(error @ Value::Object(_)) => {
                    serde_json::from_value(error.clone()).ok().map(body)
                }
                _ => None,
            },
        }
    }
}

/// A streamed response: yields each [`ResponsesEvent`] as it arrives.
///
/// `error` events and `response.failed` end the stream with `Err(Error::Api(..))` carrying
/// the code and message; [`collect_result`](TypedStream::collect_result) folds the events
/// with a [`ResponsesAccumulator`].
pub type ResponsesStream = TypedStream<ResponsesEvent>;

/// A [`ResponsesStream`] that also yields keep-alive comments.
pub type ResponsesEvents = Events<ResponsesEvent>;

/// Folds stream events into the final [`ResponsesResult`].
///
/// The final `response.completed` (or `response.incomplete`) response wins when it arrives:
/// real streams send `"arguments": ""` in the `.done` events and change reasoning item ids
/// before completing, so only the final response is authoritative. Without one (a cut
/// stream) the result is assembled from the items and deltas seen: text, refusal, function
/// call arguments, reasoning text and summaries.
#[derive(Debug, Clone, Default)]
pub struct ResponsesAccumulator {
    base: Option<ResponsesResult>,
    /// Output items by `output_index`: a map, so an index of four billion costs one entry.
    items: BTreeMap<u32, Slot>,
    last_index: u32,
    done: Option<ResponsesResult>,
}

/// One output item being assembled.
#[derive(Debug, Clone, Default)]
struct Slot {
    item: Option<ResponsesOutputItem>,
    /// The wire index of each part of the item's content (message or reasoning), once a
    /// gap in the numbering appeared; see [`part_at`].
    content_keys: Option<Vec<u32>>,
    /// The same for a reasoning item's summary parts.
    summary_keys: Option<Vec<u32>>,
}

impl Slot {
    /// Puts a whole item in, as the server sent it: its parts are numbered 0, 1, 2...
    fn set(&mut self, item: ResponsesOutputItem) {
        *self = Slot {
            item: Some(item),
            ..Slot::default()
        };
    }
}

/// The part with wire index `index`, created when missing. Real streams number parts 0, 1,
/// 2..., so the position is the index; a stream that skips numbers (or sends an index of
/// four billion) must not allocate the parts in between, so from the first gap on `keys`
/// records each part's index (sorted, beside `parts`) and the gaps collapse.
fn part_at<'a, P>(
    parts: &'a mut Vec<P>,
    keys: &mut Option<Vec<u32>>,
    index: u32,
    make: impl FnOnce() -> P,
) -> Option<&'a mut P> {
    let wanted = usize::try_from(index).ok()?;
    let position = match keys {
        None if wanted < parts.len() => wanted,
        None if wanted == parts.len() => {
            parts.push(make());
            wanted
        }
        _ => {
            let keys = keys.get_or_insert_with(|| (0..).take(parts.len()).collect());
            match keys.binary_search(&index) {
                Ok(position) => position,
                Err(position) => {
                    keys.insert(position, index);
                    parts.insert(position, make());
                    position
                }
            }
        }
    };
    parts.get_mut(position)
}

impl ResponsesAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// The final response, once `response.completed` or `response.incomplete` arrived.
    pub fn final_response(&self) -> Option<&ResponsesResult> {
        self.done.as_ref()
    }

    /// The text assembled so far from the message items.
    pub fn text(&self) -> String {
        self.items
            .values()
            .filter_map(|slot| match &slot.item {
                Some(ResponsesOutputItem::Message(m)) => Some(m.text()),
                _ => None,
            })
            .collect()
    }

    fn slot(&mut self, event: &ResponsesEvent) -> &mut Slot {
        let index = event.output_index.unwrap_or(self.last_index);
        self.last_index = index;
        self.items.entry(index).or_default()
    }

    fn message(&mut self, event: &ResponsesEvent) -> Option<&mut ResponsesOutputText> {
        let content_index = event.content_index.unwrap_or(0);
        let item_id = event.item_id.clone();
        let slot = self.slot(event);
        let item = slot.item.get_or_insert_with(|| {
            ResponsesOutputItem::Message(ResponsesOutputMessage {
                id: item_id,
                role: Some("assistant".into()),
                ..ResponsesOutputMessage::default()
            })
        });
        let ResponsesOutputItem::Message(message) = item else {
            return None;
        };
        let part = part_at(
            &mut message.content,
            &mut slot.content_keys,
            content_index,
            || ResponsesOutputContent::OutputText(ResponsesOutputText::default()),
        )?;
        match part {
            ResponsesOutputContent::OutputText(text) => Some(text),
            _ => None,
        }
    }

    fn function_call(&mut self, event: &ResponsesEvent) -> Option<&mut ResponsesFunctionCall> {
        let item_id = event.item_id.clone();
        let slot = self.slot(event);
        let item = slot.item.get_or_insert_with(|| {
            ResponsesOutputItem::FunctionCall(ResponsesFunctionCall {
                id: item_id,
                ..ResponsesFunctionCall::default()
            })
        });
        match item {
            ResponsesOutputItem::FunctionCall(call) => Some(call),
            _ => None,
        }
    }

    fn reasoning_part(
        &mut self,
        event: &ResponsesEvent,
        summary: bool,
    ) -> Option<&mut ResponsesTextPart> {
        let item_id = event.item_id.clone();
        let (index, kind) = if summary {
            (event.summary_index.unwrap_or(0), "summary_text")
        } else {
            (event.content_index.unwrap_or(0), "reasoning_text")
        };
        let slot = self.slot(event);
        let item = slot.item.get_or_insert_with(|| {
            ResponsesOutputItem::Reasoning(ResponsesReasoningItem {
                id: item_id,
                ..ResponsesReasoningItem::default()
            })
        });
        let ResponsesOutputItem::Reasoning(item) = item else {
            return None;
        };
        let (parts, keys) = if summary {
            (
                item.summary.get_or_insert_with(Vec::new),
                &mut slot.summary_keys,
            )
        } else {
            (
                item.content.get_or_insert_with(Vec::new),
                &mut slot.content_keys,
            )
        };
        part_at(parts, keys, index, || ResponsesTextPart::new(kind, ""))
    }

    /// Folds one event in.
    pub fn push(&mut self, event: &ResponsesEvent) {
        use ResponsesEventKind as K;
        let delta = event.delta.as_deref().unwrap_or("");
        match &event.kind {
            K::Created | K::InProgress => {
                if let Some(response) = &event.response {
                    self.base = Some((**response).clone());
                }
            }
            K::Completed | K::Incomplete | K::Failed => {
                if let Some(response) = &event.response {
                    self.done = Some((**response).clone());
                }
            }
            K::OutputItemAdded => {
                if let Some(item) = &event.item {
                    self.slot(event).set(item.clone());
                }
            }
            K::OutputItemDone => {
                if let Some(item) = &event.item {
                    let slot = self.slot(event);
                    let mut item = item.clone();
                    // Real streams send `"arguments": ""` here; keep what the deltas built.
                    if let (
                        ResponsesOutputItem::FunctionCall(done),
                        Some(ResponsesOutputItem::FunctionCall(built)),
                    ) = (&mut item, &slot.item)
                    {
                        if done.arguments.is_empty() {
                            done.arguments = built.arguments.clone();
                        }
                    }
                    slot.set(item);
                }
            }
            K::ContentPartAdded => {
                if let Some(part) = &event.part {
                    let index = event.content_index.unwrap_or(0);
                    let slot = self.slot(event);
                    if let Some(ResponsesOutputItem::Message(m)) = &mut slot.item {
                        let empty = || ResponsesOutputContent::OutputText(Default::default());
                        let keys = &mut slot.content_keys;
                        if let Some(target) = part_at(&mut m.content, keys, index, empty) {
                            target.clone_from(part);
                        }
                    }
                }
            }
            K::OutputTextDelta => {
                if let Some(text) = self.message(event) {
                    text.text.push_str(delta);
                }
            }
            K::OutputTextDone => {
                if let (Some(full), Some(text)) = (event.text.clone(), self.message(event)) {
                    text.text = full;
                }
            }
            K::OutputTextAnnotationAdded => {
                if let (Some(annotation), Some(text)) =
                    (event.annotation.clone(), self.message(event))
                {
                    text.annotations
                        .get_or_insert_with(Vec::new)
                        .push(annotation);
                }
            }
            K::FunctionCallArgumentsDelta => {
                if let Some(call) = self.function_call(event) {
                    call.arguments.push_str(delta);
                }
            }
            K::FunctionCallArgumentsDone => {
                let name = event.name.clone();
                let arguments = event.arguments.clone().filter(|a| !a.is_empty());
                if let Some(call) = self.function_call(event) {
                    if let Some(arguments) = arguments {
                        call.arguments = arguments;
                    }
                    if let Some(name) = name.filter(|_| call.name.is_empty()) {
                        call.name = name;
                    }
                }
            }
            K::ReasoningTextDelta => {
                if let Some(part) = self.reasoning_part(event, false) {
                    part.text.push_str(delta);
                }
            }
            K::ReasoningTextDone => {
                if let (Some(full), Some(part)) =
                    (event.text.clone(), self.reasoning_part(event, false))
                {
                    part.text = full;
                }
            }
            K::ReasoningSummaryPartAdded => {
                self.reasoning_part(event, true);
            }
            K::ReasoningSummaryTextDelta => {
                if let Some(part) = self.reasoning_part(event, true) {
                    part.text.push_str(delta);
                }
            }
            K::ReasoningSummaryTextDone => {
                if let (Some(full), Some(part)) =
                    (event.text.clone(), self.reasoning_part(event, true))
                {
                    part.text = full;
                }
            }
            _ => {}
        }
    }

    /// The final response: the completed one when it arrived, else the assembled state.
    pub fn finish(self) -> ResponsesResult {
        if let Some(done) = self.done {
            return done;
        }
        let mut result = self.base.unwrap_or_default();
        result.output = self.items.into_values().filter_map(|s| s.item).collect();
        if result.status.is_none() || result.status == Some(ResponsesStatus::InProgress) {
            result.status = Some(ResponsesStatus::Incomplete);
        }
        result
    }
}

/// Compile-time proof that streams can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<ResponsesStream>();
    assert::<ResponsesEvents>();
};
