//! Deterministic chat answers: what the "model" says, and its usage and cost.

use serde_json::{json, Value};

use crate::catalogue::Model;
use crate::ids;
use crate::schema;

/// Text used when the split-UTF-8 fault asks for multi-byte content.
pub(crate) const MULTIBYTE_PREFIX: &str = "héllo wörld ✓ 日本. ";

/// A tool call the mock model decided to make.
#[derive(Debug, Clone)]
pub(crate) struct ToolCall {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) arguments: String,
}

/// A complete answer, before it is rendered as a body or as stream chunks.
#[derive(Debug, Clone)]
pub(crate) struct Completion {
    pub(crate) id: String,
    pub(crate) created: u64,
    pub(crate) model: String,
    pub(crate) provider: String,
    pub(crate) content: Option<String>,
    pub(crate) reasoning: Option<String>,
    pub(crate) tool_call: Option<ToolCall>,
    pub(crate) finish_reason: &'static str,
    pub(crate) prompt_tokens: u64,
    pub(crate) completion_tokens: u64,
    pub(crate) reasoning_tokens: u64,
    pub(crate) cost: f64,
}

/// What the request asked for, already validated.
#[derive(Debug)]
pub(crate) struct Ask<'a> {
    pub(crate) body: &'a Value,
    pub(crate) messages: &'a [Value],
    pub(crate) model_id: String,
    pub(crate) model: &'static Model,
    pub(crate) max_tokens: Option<u64>,
    pub(crate) reasoning: bool,
    /// The function tool to call, if the model should call one.
    pub(crate) call_tool: Option<&'a Value>,
    pub(crate) multibyte: bool,
}

/// Rough token count: about four characters a token, as for English text.
pub(crate) fn tokens(text: &str) -> u64 {
    let chars = text.chars().count() as u64;
    chars.div_ceil(4)
}

/// The text of a message's `content`, whether a string or an array of parts.
pub(crate) fn content_text(content: Option<&Value>) -> String {
    match content {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(parts)) => parts
            .iter()
            .filter_map(|p| p.get("text").and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

fn prompt_tokens(ask: &Ask<'_>) -> u64 {
    // A few tokens of framing per message, as chat templates add.
    let messages: u64 = ask
        .messages
        .iter()
        .map(|m| 3 + tokens(&content_text(m.get("content"))))
        .sum();
    let tools = ask.body.get("tools").map_or(0, |t| tokens(&t.to_string()));
    messages + tools
}

fn last_user_text(messages: &[Value]) -> String {
    messages
        .iter()
        .rev()
        .find(|m| m.get("role").and_then(Value::as_str) == Some("user"))
        .map(|m| content_text(m.get("content")))
        .unwrap_or_default()
}

fn snippet(text: &str, max_words: usize, max_chars: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(max_words).collect();
    words.join(" ").chars().take(max_chars).collect()
}

fn reply_text(ask: &Ask<'_>) -> String {
    let last = ask.messages.last();
    if last.and_then(|m| m.get("role")).and_then(Value::as_str) == Some("tool") {
        let result = snippet(&content_text(last.and_then(|m| m.get("content"))), 20, 160);
        return format!("The tool returned: {result}. That is the answer to your question.");
    }
    let user = snippet(&last_user_text(ask.messages), 12, 200);
    if user.is_empty() {
        "Hello! I am the OpenRouter mock. How can I help you today?".to_owned()
    } else {
        format!("You said: \"{user}\". This is a deterministic reply from the OpenRouter mock.")
    }
}

fn structured_text(ask: &Ask<'_>, reply: &str) -> Option<String> {
    let format = ask.body.get("response_format")?;
    match format.get("type").and_then(Value::as_str)? {
        "json_schema" => {
            let schema = format
                .get("json_schema")
                .and_then(|j| j.get("schema"))
                .cloned()
                .unwrap_or(json!({"type": "object"}));
            Some(schema::example(&schema).to_string())
        }
        "json_object" => Some(json!({ "answer": reply }).to_string()),
        _ => None,
    }
}

fn reasoning_text(ask: &Ask<'_>) -> String {
    let user = snippet(&last_user_text(ask.messages), 8, 120);
    format!(
        "The user wrote \"{user}\". I should answer briefly and directly, then offer more help."
    )
}

/// Round away binary noise (`0.00026500000000000004`) the way billed amounts never show it.
pub(crate) fn round_usd(x: f64) -> f64 {
    (x * 1e12).round() / 1e12
}

/// Truncate to at most `max_tokens` tokens' worth of characters.
fn truncate(text: &str, max_tokens: u64) -> (String, bool) {
    let limit = usize::try_from(max_tokens.saturating_mul(4)).unwrap_or(usize::MAX);
    if text.chars().count() <= limit {
        (text.to_owned(), false)
    } else {
        (text.chars().take(limit).collect(), true)
    }
}

/// Decide the answer to `ask`.
pub(crate) fn complete(ask: &Ask<'_>, served_by: &'static Model) -> Completion {
    let reasoning = ask.reasoning.then(|| reasoning_text(ask));
    let reasoning_tokens = reasoning.as_deref().map_or(0, tokens);
    let mut finish_reason = "stop";
    let (content, tool_call) = if let Some(tool) = ask.call_tool {
        let function = tool.get("function");
        let name = function
            .and_then(|f| f.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("tool")
            .to_owned();
        let params = function
            .and_then(|f| f.get("parameters"))
            .cloned()
            .unwrap_or(json!({"type": "object"}));
        finish_reason = "tool_calls";
        let call = ToolCall {
            id: ids::call_id(),
            name,
            arguments: schema::example(&params).to_string(),
        };
        (None, Some(call))
    } else {
        let reply = reply_text(ask);
        let mut text = structured_text(ask, &reply).unwrap_or(reply);
        if ask.multibyte {
            text.insert_str(0, MULTIBYTE_PREFIX);
        }
        if let Some(max) = ask.max_tokens {
            let (cut, was_cut) = truncate(&text, max);
            if was_cut {
                finish_reason = "length";
            }
            text = cut;
        }
        (Some(text), None)
    };
    let output_tokens = content.as_deref().map_or(0, tokens)
        + tool_call
            .as_ref()
            .map_or(0, |c| tokens(&c.name) + tokens(&c.arguments));
    let prompt_tokens = prompt_tokens(ask);
    let completion_tokens = output_tokens + reasoning_tokens;
    let cost = round_usd(
        prompt_tokens as f64 * served_by.prompt_per_token()
            + completion_tokens as f64 * served_by.completion_per_token(),
    );
    Completion {
        id: ids::generation_id(),
        created: ids::unix_now(),
        model: ask.model_id.clone(),
        provider: served_by.provider.to_owned(),
        content,
        reasoning,
        tool_call,
        finish_reason,
        prompt_tokens,
        completion_tokens,
        reasoning_tokens,
        cost,
    }
}

impl Completion {
    pub(crate) fn usage(&self) -> Value {
        json!({
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
            "cost": self.cost,
            "is_byok": false,
            "prompt_tokens_details": { "cached_tokens": 0 },
            "cost_details": { "upstream_inference_cost": null },
            "completion_tokens_details": { "reasoning_tokens": self.reasoning_tokens },
        })
    }

    fn reasoning_details(text: &str) -> Value {
        json!([{ "type": "reasoning.text", "text": text, "format": "unknown", "index": 0 }])
    }

    /// The non-streaming `chat.completion` body.
    pub(crate) fn to_json(&self) -> Value {
        let mut message = json!({
            "role": "assistant",
            "content": self.content,
            "refusal": null,
            "reasoning": self.reasoning,
        });
        if let Some(r) = &self.reasoning {
            message["reasoning_details"] = Self::reasoning_details(r);
        }
        if let Some(call) = &self.tool_call {
            message["tool_calls"] = json!([{
                "id": call.id,
                "index": 0,
                "type": "function",
                "function": { "name": call.name, "arguments": call.arguments },
            }]);
        }
        json!({
            "id": self.id,
            "provider": self.provider,
            "model": self.model,
            "object": "chat.completion",
            "created": self.created,
            "choices": [{
                "logprobs": null,
                "finish_reason": self.finish_reason,
                "native_finish_reason": self.finish_reason,
                "index": 0,
                "message": message,
            }],
            "system_fingerprint": null,
            "usage": self.usage(),
        })
    }

    pub(crate) fn chunk(&self, delta: Value, finish: Option<&str>) -> Value {
        json!({
            "id": self.id,
            "provider": self.provider,
            "model": self.model,
            "object": "chat.completion.chunk",
            "created": self.created,
            "choices": [{
                "index": 0,
                "delta": delta,
                "finish_reason": finish,
                "native_finish_reason": finish,
                "logprobs": null,
            }],
            "system_fingerprint": null,
        })
    }

    /// The `chat.completion.chunk` events of the streamed answer, without `[DONE]`.
    pub(crate) fn to_chunks(&self) -> Vec<Value> {
        let mut chunks = Vec::new();
        if let Some(r) = &self.reasoning {
            for piece in pieces(r, 4) {
                chunks.push(self.chunk(
                    json!({
                        "role": "assistant",
                        "content": "",
                        "reasoning": piece,
                        "reasoning_details": Self::reasoning_details(&piece),
                    }),
                    None,
                ));
            }
        }
        if let Some(call) = &self.tool_call {
            chunks.push(self.chunk(
                json!({
                    "role": "assistant",
                    "content": null,
                    "tool_calls": [{
                        "index": 0,
                        "id": call.id,
                        "type": "function",
                        "function": { "name": call.name, "arguments": "" },
                    }],
                }),
                None,
            ));
            for piece in char_pieces(&call.arguments, 3) {
                chunks.push(self.chunk(
                    json!({
                        "role": "assistant",
                        "content": null,
                        "tool_calls": [{
                            "index": 0,
                            "type": "function",
                            "function": { "arguments": piece },
                        }],
                    }),
                    None,
                ));
            }
        }
        if let Some(text) = &self.content {
            for piece in pieces(text, 3) {
                chunks.push(self.chunk(json!({ "role": "assistant", "content": piece }), None));
            }
        }
        chunks.push(self.chunk(
            json!({ "role": "assistant", "content": "" }),
            Some(self.finish_reason),
        ));
        chunks.push(json!({
            "id": self.id,
            "provider": self.provider,
            "model": self.model,
            "object": "chat.completion.chunk",
            "created": self.created,
            "choices": [],
            "usage": self.usage(),
            "system_fingerprint": null,
        }));
        chunks
    }
}

/// Split into runs of `words` words, keeping the whitespace so the pieces concatenate back.
pub(crate) fn pieces(text: &str, words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut count = 0;
    for part in text.split_inclusive(' ') {
        current.push_str(part);
        count += 1;
        if count == words {
            out.push(std::mem::take(&mut current));
            count = 0;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Split into `n` pieces of roughly equal length on character boundaries.
pub(crate) fn char_pieces(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len().div_ceil(n.max(1)).max(1);
    chars.chunks(size).map(|c| c.iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_concatenate_back() {
        let text = "one two  three four five six seven";
        assert_eq!(pieces(text, 3).concat(), text);
        assert_eq!(
            char_pieces("{\"a\":\"日本\"}", 3).concat(),
            "{\"a\":\"日本\"}"
        );
        assert_eq!(tokens(""), 0);
        assert_eq!(tokens("abcde"), 2);
    }
}
