//! Canned output: what the next completion says instead of its generated text, so a test
//! can see how a client copes with an answer it did not ask for (JSON that breaks the
//! requested schema, text that is not JSON, a refusal).

use serde_json::{json, Value};

use crate::completion::Completion;

/// What the next `POST /chat/completions` or `POST /responses` answers instead of its
/// generated text. Queue it with [`MockServer::push_canned_output`](crate::MockServer::push_canned_output).
///
/// The answer keeps its id, model, usage and cost; only its content changes, and it finishes
/// with `stop` (no tool call, no truncation).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CannedOutput {
    /// This text as the message content, e.g. JSON that does not match the schema asked for.
    Text(String),
    /// A refusal with this explanation and no content: `message.refusal` on chat (a `refusal`
    /// delta when streamed), a message with a `refusal` content part on the Responses API
    /// (streamed as `response.refusal.delta` and its item and part events).
    Refusal(String),
}

impl CannedOutput {
    /// [`CannedOutput::Text`].
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }

    /// [`CannedOutput::Refusal`].
    pub fn refusal(explanation: impl Into<String>) -> Self {
        Self::Refusal(explanation.into())
    }

    /// Puts the canned content in place of the generated one.
    pub(crate) fn apply(&self, answer: &mut Completion) {
        answer.tool_call = None;
        answer.finish_reason = "stop";
        answer.content = match self {
            Self::Text(text) => Some(text.clone()),
            Self::Refusal(_) => None,
        };
    }

    fn refusal_text(&self) -> Option<&str> {
        match self {
            Self::Refusal(text) => Some(text),
            Self::Text(_) => None,
        }
    }
}

/// Adds a canned refusal to a `chat.completion` body.
pub(crate) fn patch_chat_body(canned: Option<&CannedOutput>, body: &mut Value) {
    if let Some(refusal) = canned.and_then(CannedOutput::refusal_text) {
        body["choices"][0]["message"]["refusal"] = json!(refusal);
    }
}

/// Adds a canned refusal to a chat stream, as a delta before the chunk that finishes.
pub(crate) fn patch_chat_chunks(canned: Option<&CannedOutput>, chunks: &mut Vec<Value>) {
    let Some(refusal) = canned.and_then(CannedOutput::refusal_text) else {
        return;
    };
    // The last two chunks are the finish chunk and the usage chunk.
    let at = chunks.len().saturating_sub(2);
    let Some(mut chunk) = chunks.get(at).cloned() else {
        return;
    };
    chunk["choices"][0]["delta"] = json!({"role": "assistant", "refusal": refusal});
    chunk["choices"][0]["finish_reason"] = Value::Null;
    chunk["choices"][0]["native_finish_reason"] = Value::Null;
    chunks.insert(at, chunk);
}

/// Adds a canned refusal to a plain Responses body, as a message with a `refusal` part.
pub(crate) fn patch_response(canned: Option<&CannedOutput>, body: &mut Value) {
    let Some(refusal) = canned.and_then(CannedOutput::refusal_text) else {
        return;
    };
    if let Some(output) = body["output"].as_array_mut() {
        output.push(json!({
            "type": "message",
            "id": format!("msg_tmp_{}", crate::ids::call_id().trim_start_matches("call_")),
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "refusal", "refusal": refusal}],
        }));
    }
}

/// Adds a canned refusal to a Responses stream: the events of a message with one `refusal`
/// part, before the final event, whose response gets the message too.
pub(crate) fn patch_response_events(canned: Option<&CannedOutput>, events: &mut Vec<Value>) {
    let Some(refusal) = canned.and_then(CannedOutput::refusal_text) else {
        return;
    };
    let Some(mut last) = events.pop() else {
        return;
    };
    patch_response(canned, &mut last["response"]);
    let index = last["response"]["output"]
        .as_array()
        .map_or(0, |output| output.len().saturating_sub(1));
    let item = last["response"]["output"][index].clone();
    let mut opened = item.clone();
    opened["status"] = json!("in_progress");
    opened["content"] = json!([]);
    let part = |kind: &str, fields: Value| {
        let mut event =
            json!({"type": kind, "output_index": index, "item_id": item["id"], "content_index": 0});
        if let (Some(event), Value::Object(fields)) = (event.as_object_mut(), fields) {
            event.extend(fields);
        }
        event
    };
    events.extend([
        json!({"type": "response.output_item.added", "output_index": index, "item": opened}),
        part(
            "response.content_part.added",
            json!({"part": {"type": "refusal", "refusal": ""}}),
        ),
        part("response.refusal.delta", json!({"delta": refusal})),
        part("response.refusal.done", json!({"refusal": refusal})),
        part(
            "response.content_part.done",
            json!({"part": {"type": "refusal", "refusal": refusal}}),
        ),
        json!({"type": "response.output_item.done", "output_index": index, "item": item}),
        last,
    ]);
    for (n, event) in events.iter_mut().enumerate() {
        event["sequence_number"] = json!(n);
    }
}
