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
    /// delta when streamed), a `refusal` content part on a plain Responses answer.
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
