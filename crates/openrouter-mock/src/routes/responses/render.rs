//! The answer rendered as a response object, or as the events of its stream in the order
//! the live API sends them.

use serde_json::{json, Value};

use crate::completion::Completion;
use crate::ids;

/// Ids in the live API's shapes: `msg_tmp_…`, `rs_tmp_…`, `fc_tmp_…`.
fn item_id(prefix: &str) -> String {
    let random = ids::call_id();
    let tail = random.trim_start_matches("call_");
    format!(
        "{prefix}_tmp_{}",
        tail.get(..12).unwrap_or(tail).to_lowercase()
    )
}

/// Split into runs of `words` words, keeping the whitespace so the pieces concatenate back.
fn word_pieces(text: &str, words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, part) in text.split_inclusive(' ').enumerate() {
        current.push_str(part);
        if (i + 1) % words == 0 {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Split into about `n` pieces on character boundaries.
fn char_pieces(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len().div_ceil(n.max(1)).max(1);
    chars.chunks(size).map(|c| c.iter().collect()).collect()
}

/// One output item, complete, with how to stream it.
enum Item {
    Reasoning {
        id: String,
        summary: String,
    },
    Call {
        id: String,
        call_id: String,
        name: String,
        arguments: String,
    },
    Message {
        id: String,
        text: String,
        status: &'static str,
    },
}

impl Item {
    fn done(&self, include_encrypted: bool) -> Value {
        match self {
            Item::Reasoning { id, summary } => {
                let mut item = json!({
                    "type": "reasoning",
                    "id": id,
                    "status": "completed",
                    "summary": [{"type": "summary_text", "text": summary}],
                    "format": "openai-responses-v1",
                });
                if include_encrypted {
                    // Opaque to clients; only its presence and round trip matter.
                    item["encrypted_content"] = json!(format!("gAAAAAB{}", id.replace('_', "")));
                }
                item
            }
            Item::Call {
                id,
                call_id,
                name,
                arguments,
            } => json!({
                "type": "function_call",
                "id": id,
                "call_id": call_id,
                "name": name,
                "arguments": arguments,
                "status": "completed",
            }),
            Item::Message { id, text, status } => json!({
                "type": "message",
                "id": id,
                "role": "assistant",
                "status": status,
                "content": [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}],
            }),
        }
    }
}

/// A rendered answer to one `POST /responses`.
pub(super) struct Rendered<'a> {
    request: &'a Value,
    answer: &'a Completion,
    items: Vec<Item>,
    incomplete: bool,
}

impl<'a> Rendered<'a> {
    pub(super) fn new(request: &'a Value, answer: &'a Completion) -> Self {
        let incomplete = answer.finish_reason == "length";
        let mut items = Vec::new();
        if let Some(summary) = &answer.reasoning {
            items.push(Item::Reasoning {
                id: item_id("rs"),
                summary: summary.clone(),
            });
        }
        if let Some(call) = &answer.tool_call {
            items.push(Item::Call {
                id: item_id("fc"),
                call_id: call.id.clone(),
                name: call.name.clone(),
                arguments: call.arguments.clone(),
            });
        }
        if let Some(text) = &answer.content {
            items.push(Item::Message {
                id: item_id("msg"),
                text: text.clone(),
                status: if incomplete {
                    "incomplete"
                } else {
                    "completed"
                },
            });
        }
        Self {
            request,
            answer,
            items,
            incomplete,
        }
    }

    fn include_encrypted(&self) -> bool {
        self.request
            .get("include")
            .and_then(Value::as_array)
            .is_some_and(|i| i.iter().any(|v| v == "reasoning.encrypted_content"))
    }

    fn echo(&self, key: &str, default: Value) -> Value {
        match self.request.get(key) {
            Some(v) if !v.is_null() => v.clone(),
            _ => default,
        }
    }

    /// The response object; `done` false gives the in-progress form that opens a stream.
    fn object(&self, done: bool) -> Value {
        let a = self.answer;
        let status = match (done, self.incomplete) {
            (false, _) => "in_progress",
            (true, true) => "incomplete",
            (true, false) => "completed",
        };
        let output: Vec<Value> = if done {
            self.items
                .iter()
                .map(|i| i.done(self.include_encrypted()))
                .collect()
        } else {
            Vec::new()
        };
        let text: String = a.content.clone().unwrap_or_default();
        let usage = json!({
            "input_tokens": a.prompt_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": a.completion_tokens,
            "output_tokens_details": {"reasoning_tokens": a.reasoning_tokens},
            "total_tokens": a.prompt_tokens + a.completion_tokens,
            "cost": a.cost,
            "is_byok": false,
            "cost_details": {
                "upstream_inference_cost": null,
                "upstream_inference_input_cost": crate::completion::round_usd(
                    a.prompt_tokens as f64 * a.cost / (a.prompt_tokens + a.completion_tokens).max(1) as f64),
                "upstream_inference_output_cost": crate::completion::round_usd(
                    a.completion_tokens as f64 * a.cost / (a.prompt_tokens + a.completion_tokens).max(1) as f64),
            },
        });
        json!({
            "id": a.id,
            "object": "response",
            "created_at": a.created,
            "completed_at": if done { json!(crate::ids::unix_now()) } else { Value::Null },
            "status": status,
            "model": a.model,
            "output": output,
            "output_text": if done { text } else { String::new() },
            "error": null,
            "incomplete_details": if done && self.incomplete {
                json!({"reason": "max_output_tokens"})
            } else {
                Value::Null
            },
            "usage": if done { usage } else { Value::Null },
            "instructions": self.echo("instructions", Value::Null),
            "tools": self.echo("tools", json!([])),
            "tool_choice": self.echo("tool_choice", json!("auto")),
            "parallel_tool_calls": self.echo("parallel_tool_calls", json!(true)),
            "max_output_tokens": self.echo("max_output_tokens", Value::Null),
            "max_tool_calls": self.echo("max_tool_calls", Value::Null),
            "temperature": self.echo("temperature", json!(1)),
            "top_p": self.echo("top_p", json!(1)),
            "presence_penalty": self.echo("presence_penalty", json!(0)),
            "frequency_penalty": self.echo("frequency_penalty", json!(0)),
            "top_logprobs": self.echo("top_logprobs", json!(0)),
            "metadata": self.echo("metadata", json!({})),
            "reasoning": self.echo("reasoning", Value::Null),
            "text": self.echo("text", json!({"format": {"type": "text"}})),
            "background": false,
            "previous_response_id": null,
            "service_tier": self.echo("service_tier", json!("auto")),
            "truncation": self.echo("truncation", json!("disabled")),
            "store": false,
            "safety_identifier": self.echo("safety_identifier", Value::Null),
            "prompt_cache_key": self.echo("prompt_cache_key", Value::Null),
            "user": self.echo("user", Value::Null),
        })
    }

    /// The non-streaming body.
    pub(super) fn response(&self) -> Value {
        self.object(true)
    }

    /// The events of the stream, without `[DONE]`, numbered by `sequence_number`.
    pub(super) fn events(&self) -> Vec<Value> {
        let mut events = vec![
            json!({"type": "response.created", "response": self.object(false)}),
            json!({"type": "response.in_progress", "response": self.object(false)}),
        ];
        let encrypted = self.include_encrypted();
        for (index, item) in self.items.iter().enumerate() {
            let done = item.done(encrypted);
            match item {
                Item::Reasoning { id, summary } => {
                    events.push(json!({"type": "response.output_item.added", "output_index": index,
                        "item": {"type": "reasoning", "id": id, "status": "in_progress", "summary": []}}));
                    let at = json!({"output_index": index, "item_id": id, "summary_index": 0});
                    let with = |kind: &str, extra: Value| {
                        let mut event = at.clone();
                        event["type"] = json!(kind);
                        if let (Some(e), Value::Object(x)) = (event.as_object_mut(), extra) {
                            e.extend(x);
                        }
                        event
                    };
                    events.push(with(
                        "response.reasoning_summary_part.added",
                        json!({"part": {"type": "summary_text", "text": ""}}),
                    ));
                    for piece in word_pieces(summary, 4) {
                        events.push(with(
                            "response.reasoning_summary_text.delta",
                            json!({"delta": piece}),
                        ));
                    }
                    events.push(with(
                        "response.reasoning_summary_text.done",
                        json!({"text": summary}),
                    ));
                    events.push(with(
                        "response.reasoning_summary_part.done",
                        json!({"part": {"type": "summary_text", "text": summary}}),
                    ));
                }
                Item::Call {
                    id,
                    call_id,
                    name,
                    arguments,
                } => {
                    events.push(json!({"type": "response.output_item.added", "output_index": index,
                        "item": {"type": "function_call", "id": id, "call_id": call_id, "name": name,
                                 "arguments": "", "status": "in_progress"}}));
                    for piece in char_pieces(arguments, 3) {
                        events.push(json!({"type": "response.function_call_arguments.delta",
                            "output_index": index, "item_id": id, "delta": piece}));
                    }
                    events.push(json!({"type": "response.function_call_arguments.done",
                        "output_index": index, "item_id": id, "name": name, "arguments": arguments}));
                }
                Item::Message { id, text, .. } => {
                    events.push(
                        json!({"type": "response.output_item.added", "output_index": index,
                        "item": {"type": "message", "id": id, "role": "assistant",
                                 "status": "in_progress", "content": []}}),
                    );
                    let at = json!({"output_index": index, "item_id": id, "content_index": 0});
                    let with = |kind: &str, extra: Value| {
                        let mut event = at.clone();
                        event["type"] = json!(kind);
                        if let (Some(e), Value::Object(x)) = (event.as_object_mut(), extra) {
                            e.extend(x);
                        }
                        event
                    };
                    let part = |t: &str| json!({"type": "output_text", "text": t, "annotations": [], "logprobs": []});
                    events.push(with(
                        "response.content_part.added",
                        json!({"part": part("")}),
                    ));
                    for piece in crate::completion::text_pieces(text) {
                        events.push(with(
                            "response.output_text.delta",
                            json!({"delta": piece, "logprobs": []}),
                        ));
                    }
                    events.push(with(
                        "response.output_text.done",
                        json!({"text": text, "logprobs": []}),
                    ));
                    events.push(with(
                        "response.content_part.done",
                        json!({"part": part(text)}),
                    ));
                }
            }
            events.push(
                json!({"type": "response.output_item.done", "output_index": index, "item": done}),
            );
        }
        let last = if self.incomplete {
            "response.incomplete"
        } else {
            "response.completed"
        };
        events.push(json!({"type": last, "response": self.object(true)}));
        for (n, event) in events.iter_mut().enumerate() {
            event["sequence_number"] = json!(n);
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_concatenate_back() {
        let text = "one two  three four five";
        assert_eq!(word_pieces(text, 3).concat(), text);
        assert_eq!(
            char_pieces("{\"a\":\"日本\"}", 3).concat(),
            "{\"a\":\"日本\"}"
        );
        assert!(item_id("msg").starts_with("msg_tmp_"));
    }
}
