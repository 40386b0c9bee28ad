//! Scripted model turns: the answers a test queues for the next chat completions.
//!
//! Without a script the emulator derives its answer from the prompt. A test of an agent loop
//! needs to say exactly what the model does on each turn (call these two tools, then answer,
//! with this signed reasoning), so [`MockServer::push_reply`](crate::MockServer::push_reply)
//! queues [`MockReply`]s that chat completions consume in order, streamed or not.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use futures_util::Stream;
use serde_json::{json, Value};

use crate::catalogue::Model;
use crate::completion::{self, Ask, Completion};
use crate::ids;
use crate::state::Shared;

/// What the model says on one scripted turn.
///
/// ```
/// use openrouter_mock::{MockReply, MockToolCall};
///
/// // Two tool calls in one turn, then a final answer.
/// let first = MockReply::tool_calls([
///     MockToolCall::new("get_weather", r#"{"city":"Paris"}"#),
///     MockToolCall::new("get_time", "").with_id("call_time"),
/// ]);
/// let second = MockReply::text("Sunny in Paris, and it is noon.").with_usage(120, 12, 0.0004);
/// # let _ = (first, second);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct MockReply {
    /// The message text; `None` with tool calls gives `"content": null`.
    pub text: Option<String>,
    /// Tool calls, in order; several make a parallel-call turn.
    pub tool_calls: Vec<MockToolCall>,
    /// Plain reasoning text (`message.reasoning`).
    pub reasoning: Option<String>,
    /// `reasoning_details` items, sent exactly as given (each as one stream delta). When
    /// empty and `reasoning` is set, one `reasoning.text` item carries the reasoning.
    pub reasoning_details: Vec<Value>,
    /// The finish reason; by default `tool_calls` when there are tool calls, else `stop`.
    pub finish_reason: Option<String>,
    /// Token counts and cost; by default derived from the request and the reply with the
    /// model's catalogue prices, as for unscripted answers.
    pub usage: Option<MockUsage>,
    /// Hold the answer this long after the headers (a non-streamed body arrives late; a
    /// stream sends one keep-alive comment, then waits). A client that leaves meanwhile is
    /// counted in [`MockServer::disconnects`](crate::MockServer::disconnects). Ignored when
    /// the request has a [`Fault`](crate::Fault), which decides the delivery instead.
    pub delay: Option<Duration>,
}

/// One tool call of a [`MockReply`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MockToolCall {
    /// The call id; a fresh `call_...` id when `None`.
    pub id: Option<String>,
    /// The function name.
    pub name: String,
    /// The arguments text, sent as given (it may be `""` or even invalid JSON, as models
    /// sometimes write).
    pub arguments: String,
}

/// Usage reported for a [`MockReply`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct MockUsage {
    /// Prompt tokens.
    pub prompt_tokens: u64,
    /// Completion tokens.
    pub completion_tokens: u64,
    /// Cost in credits (USD), also charged to the key.
    pub cost: f64,
}

impl MockToolCall {
    /// A call of `name` with this arguments text.
    pub fn new(name: impl Into<String>, arguments: impl Into<String>) -> Self {
        Self {
            id: None,
            name: name.into(),
            arguments: arguments.into(),
        }
    }

    /// Sets the call id.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

impl MockReply {
    /// A text answer.
    pub fn text(text: impl Into<String>) -> Self {
        Self::default().with_text(text)
    }

    /// One tool call and no text.
    pub fn tool_call(name: impl Into<String>, arguments: impl Into<String>) -> Self {
        Self::default().with_tool_call(name, arguments)
    }

    /// Several tool calls in one turn and no text.
    pub fn tool_calls(calls: impl IntoIterator<Item = MockToolCall>) -> Self {
        Self {
            tool_calls: calls.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Sets the text.
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// Adds a tool call.
    pub fn with_tool_call(mut self, name: impl Into<String>, arguments: impl Into<String>) -> Self {
        self.tool_calls.push(MockToolCall::new(name, arguments));
        self
    }

    /// Sets the plain reasoning text.
    pub fn with_reasoning(mut self, reasoning: impl Into<String>) -> Self {
        self.reasoning = Some(reasoning.into());
        self
    }

    /// Sets the `reasoning_details` items, sent exactly as given.
    pub fn with_reasoning_details(mut self, details: impl IntoIterator<Item = Value>) -> Self {
        self.reasoning_details = details.into_iter().collect();
        self
    }

    /// Sets the finish reason.
    pub fn with_finish_reason(mut self, reason: impl Into<String>) -> Self {
        self.finish_reason = Some(reason.into());
        self
    }

    /// Sets the reported usage and cost.
    pub fn with_usage(mut self, prompt_tokens: u64, completion_tokens: u64, cost: f64) -> Self {
        self.usage = Some(MockUsage {
            prompt_tokens,
            completion_tokens,
            cost,
        });
        self
    }

    /// Holds the answer for `delay` after the headers (see [`MockReply::delay`]).
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    fn finish_reason(&self) -> String {
        match &self.finish_reason {
            Some(reason) => reason.clone(),
            None if self.tool_calls.is_empty() => "stop".to_owned(),
            None => "tool_calls".to_owned(),
        }
    }
}

/// A scripted reply made concrete for one request: ids assigned, usage settled.
pub(crate) struct Scripted {
    /// The bookkeeping view (generation record, charge, stored content).
    pub(crate) completion: Completion,
    reply: MockReply,
    calls: Vec<(String, MockToolCall)>,
    finish_reason: String,
}

impl Scripted {
    pub(crate) fn new(reply: MockReply, ask: &Ask<'_>, served_by: &'static Model) -> Self {
        // Start from the emulator's own answer so every bookkeeping field is filled, then
        // put the script's content in.
        let mut answer = completion::complete(ask, served_by);
        let calls: Vec<(String, MockToolCall)> = reply
            .tool_calls
            .iter()
            .map(|call| (call.id.clone().unwrap_or_else(ids::call_id), call.clone()))
            .collect();
        answer.content.clone_from(&reply.text);
        answer.reasoning.clone_from(&reply.reasoning);
        answer.tool_call = calls.first().map(|(id, call)| completion::ToolCall {
            id: id.clone(),
            name: call.name.clone(),
            arguments: call.arguments.clone(),
        });
        let finish_reason = reply.finish_reason();
        answer.finish_reason = match finish_reason.as_str() {
            "tool_calls" => "tool_calls",
            "length" => "length",
            "content_filter" => "content_filter",
            "error" => "error",
            _ => "stop",
        };
        match reply.usage {
            Some(usage) => {
                answer.prompt_tokens = usage.prompt_tokens;
                answer.completion_tokens = usage.completion_tokens;
                answer.cost = usage.cost;
                answer.reasoning_tokens = 0;
            }
            None => {
                let reasoning = reply.reasoning.as_deref().map_or(0, completion::tokens);
                let output = reply.text.as_deref().map_or(0, completion::tokens)
                    + calls
                        .iter()
                        .map(|(_, c)| {
                            completion::tokens(&c.name) + completion::tokens(&c.arguments)
                        })
                        .sum::<u64>();
                answer.reasoning_tokens = reasoning;
                answer.completion_tokens = output + reasoning;
                answer.cost = completion::round_usd(
                    answer.prompt_tokens as f64 * served_by.prompt_per_token()
                        + answer.completion_tokens as f64 * served_by.completion_per_token(),
                );
            }
        }
        Self {
            completion: answer,
            reply,
            calls,
            finish_reason,
        }
    }

    /// Holds the answer after the headers, when the script asks for it.
    pub(crate) fn delay(&self) -> Option<Duration> {
        self.reply.delay
    }

    fn details(&self) -> Vec<Value> {
        match (&self.reply.reasoning_details[..], &self.reply.reasoning) {
            ([], Some(text)) => vec![json!({
                "type": "reasoning.text", "text": text, "format": "unknown", "index": 0
            })],
            (details, _) => details.to_vec(),
        }
    }

    fn calls_json(&self) -> Vec<Value> {
        self.calls
            .iter()
            .enumerate()
            .map(|(index, (id, call))| {
                json!({
                    "id": id,
                    "index": index,
                    "type": "function",
                    "function": { "name": call.name, "arguments": call.arguments },
                })
            })
            .collect()
    }

    /// The non-streaming `chat.completion` body.
    pub(crate) fn to_json(&self) -> Value {
        let mut body = self.completion.to_json();
        let choice = &mut body["choices"][0];
        choice["finish_reason"] = json!(self.finish_reason);
        choice["native_finish_reason"] = json!(self.finish_reason);
        let message = &mut choice["message"];
        if let Some(message) = message.as_object_mut() {
            message.remove("tool_calls");
            message.remove("reasoning_details");
        }
        let details = self.details();
        if !details.is_empty() {
            message["reasoning_details"] = Value::Array(details);
        }
        if !self.calls.is_empty() {
            message["tool_calls"] = Value::Array(self.calls_json());
        }
        body
    }

    /// The `chat.completion.chunk` events of the streamed answer, without `[DONE]`.
    pub(crate) fn to_chunks(&self) -> Vec<Value> {
        let answer = &self.completion;
        let mut chunks = Vec::new();
        if let Some(reasoning) = &self.reply.reasoning {
            for piece in completion::pieces(reasoning, 4) {
                chunks.push(answer.chunk(
                    json!({ "role": "assistant", "content": "", "reasoning": piece }),
                    None,
                ));
            }
        }
        // Whole items, one per delta: a signature or encrypted blob must arrive unchanged.
        for detail in self.details() {
            chunks.push(answer.chunk(
                json!({ "role": "assistant", "content": "", "reasoning_details": [detail] }),
                None,
            ));
        }
        if let Some(text) = &self.reply.text {
            for piece in completion::pieces(text, 3) {
                chunks.push(answer.chunk(json!({ "role": "assistant", "content": piece }), None));
            }
        }
        for (index, (id, call)) in self.calls.iter().enumerate() {
            chunks.push(answer.chunk(
                json!({ "role": "assistant", "content": null, "tool_calls": [{
                    "index": index, "id": id, "type": "function",
                    "function": { "name": call.name, "arguments": "" },
                }]}),
                None,
            ));
            for piece in completion::char_pieces(&call.arguments, 3) {
                chunks.push(answer.chunk(
                    json!({ "role": "assistant", "content": null, "tool_calls": [{
                        "index": index, "type": "function", "function": { "arguments": piece },
                    }]}),
                    None,
                ));
            }
        }
        let finish = self.finish_reason.as_str();
        chunks.push(answer.chunk(json!({ "role": "assistant", "content": "" }), Some(finish)));
        chunks.push(json!({
            "id": answer.id,
            "provider": answer.provider,
            "model": answer.model,
            "object": "chat.completion.chunk",
            "created": answer.created,
            "choices": [],
            "usage": answer.usage(),
            "system_fingerprint": null,
        }));
        chunks
    }
}

/// A JSON body sent `delay` after the headers; a client that leaves first is counted as a
/// disconnect, as for streams.
pub(crate) fn held_json(
    shared: &Arc<Shared>,
    delay: Duration,
    body: &Value,
    headers: Vec<(HeaderName, String)>,
) -> Response {
    let held = Held {
        sleep: Box::pin(tokio::time::sleep(delay)),
        body: Some(Bytes::from(body.to_string())),
        shared: Arc::clone(shared),
    };
    let mut response = Response::new(Body::from_stream(held));
    *response.status_mut() = StatusCode::OK;
    let map = response.headers_mut();
    map.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            map.insert(name, value);
        }
    }
    response
}

struct Held {
    sleep: Pin<Box<tokio::time::Sleep>>,
    /// Taken when sent; still here on drop means the client left before the answer.
    body: Option<Bytes>,
    shared: Arc<Shared>,
}

impl Stream for Held {
    type Item = std::io::Result<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.body.is_none() {
            return Poll::Ready(None);
        }
        match this.sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(this.body.take().map(Ok)),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.body.is_some() {
            self.shared.count_disconnect();
        }
    }
}

/// Checks that every `tool` message answers a tool call of an earlier assistant message,
/// as the live API does (it answers 400 otherwise).
pub(crate) fn check_tool_messages(messages: &[Value]) -> Result<(), String> {
    let mut asked: Vec<&str> = Vec::new();
    for (i, message) in messages.iter().enumerate() {
        match message.get("role").and_then(Value::as_str) {
            Some("assistant") => asked.extend(
                message
                    .get("tool_calls")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|call| call.get("id").and_then(Value::as_str)),
            ),
            Some("tool") => {
                let id = message
                    .get("tool_call_id")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                if !asked.contains(&id) {
                    return Err(format!(
                        "messages[{i}] is a tool result for tool_call_id `{id}`, but no earlier \
                         assistant message has a tool call with that id; send the assistant \
                         message with its `tool_calls` before the tool results"
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_message_must_answer_an_earlier_call() {
        let call = json!({"role": "assistant", "tool_calls": [{"id": "call_1"}]});
        let answer = json!({"role": "tool", "tool_call_id": "call_1", "content": "ok"});
        let user = json!({"role": "user", "content": "hi"});
        assert!(check_tool_messages(&[user.clone(), call.clone(), answer.clone()]).is_ok());
        let error = check_tool_messages(&[user, answer.clone(), call]).unwrap_err();
        assert!(error.starts_with("messages[1]"), "{error}");
        assert!(error.contains("`call_1`"), "{error}");
        let stray = json!({"role": "tool", "content": "ok"});
        assert!(check_tool_messages(&[stray]).is_err());
    }
}
