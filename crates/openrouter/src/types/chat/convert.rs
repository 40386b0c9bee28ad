//! Turning a model's answer back into a request message, for the next turn.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{AssistantMessage, ChatResult, Message, ResponseMessage, ToolCall};

impl ResponseMessage {
    /// This answer as an assistant message to append to the conversation.
    ///
    /// Keeps what the next turn needs: content, tool calls, `reasoning` and
    /// `reasoning_details` (providers that sign or encrypt their reasoning, such as Anthropic
    /// and OpenAI, reject a tool-use continuation without them), refusal, images and audio.
    /// Tool calls with empty arguments are sent back as `{}`, which every provider accepts.
    pub fn to_message(&self) -> Message {
        let non_empty = |items: bool| items.then_some(());
        let message = AssistantMessage {
            content: self.content.clone().map(Into::into),
            tool_calls: non_empty(!self.tool_calls.is_empty())
                .map(|()| self.tool_calls.iter().map(normalised_call).collect()),
            reasoning: self.reasoning.clone(),
            reasoning_details: non_empty(!self.reasoning_details.is_empty())
                .map(|()| self.reasoning_details.clone()),
            refusal: self.refusal.clone(),
            images: non_empty(!self.images.is_empty())
                .and_then(|()| self.images.iter().map(convert).collect()),
            audio: self.audio.as_ref().and_then(convert),
            ..AssistantMessage::default()
        };
        Message::Assistant(message)
    }
}

impl ChatResult {
    /// The first choice's answer as an assistant message for the next turn; see
    /// [`ResponseMessage::to_message`].
    pub fn to_message(&self) -> Option<Message> {
        Some(self.first_choice()?.message.to_message())
    }
}

fn normalised_call(call: &ToolCall) -> ToolCall {
    let mut call = call.clone();
    if call.function.arguments.trim().is_empty() {
        call.function.arguments = "{}".to_owned();
    }
    call.index = None;
    call
}

/// Moves a value between the response and request models of the same JSON shape.
fn convert<From: Serialize, To: DeserializeOwned>(value: &From) -> Option<To> {
    serde_json::to_value(value)
        .ok()
        .and_then(|json| serde_json::from_value(json).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reasoning_details_and_tool_calls_survive_into_the_next_request() {
        let result: ChatResult = serde_json::from_value(json!({
            "id": "gen-1",
            "choices": [{
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": "",
                    "reasoning": "Need the weather.",
                    "reasoning_details": [{
                        "type": "reasoning.text",
                        "text": "Need the weather.",
                        "signature": "sig-abc",
                        "format": "anthropic-claude-v1",
                        "index": 0
                    }],
                    "tool_calls": [{
                        "id": "call_1",
                        "type": "function",
                        "index": 0,
                        "function": {"name": "get_weather", "arguments": ""}
                    }]
                }
            }]
        }))
        .unwrap();
        let message = result.to_message().unwrap();
        let sent = serde_json::to_value(&message).unwrap();
        assert_eq!(sent["role"], "assistant");
        assert_eq!(sent["reasoning_details"][0]["signature"], "sig-abc");
        assert_eq!(
            sent["reasoning_details"][0]["format"],
            "anthropic-claude-v1"
        );
        assert_eq!(sent["tool_calls"][0]["function"]["arguments"], "{}");
        assert_eq!(sent["tool_calls"][0]["id"], "call_1");
        assert!(sent["tool_calls"][0].get("index").is_none());
        assert_eq!(sent["reasoning"], "Need the weather.");
    }

    #[test]
    fn generated_images_are_sent_back_as_images() {
        let message: ResponseMessage = serde_json::from_value(json!({
            "role": "assistant",
            "content": "Here it is",
            "images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]
        }))
        .unwrap();
        let sent = serde_json::to_value(message.to_message()).unwrap();
        assert_eq!(
            sent["images"][0]["image_url"]["url"],
            "data:image/png;base64,AAAA"
        );
        assert_eq!(sent["content"], "Here it is");
    }
}
