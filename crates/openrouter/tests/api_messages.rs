//! `Client::messages()` against the emulator: answers, thinking, tools, streams with pings,
//! in-band errors, and failures.

mod support;

use futures_util::StreamExt;
use openrouter::stream::StreamEvent;
use openrouter::types::messages::{
    ContentBlock, ContentDelta, MessageParam, MessagesRequest, MessagesStreamEvent, MessagesTool,
    MessagesToolChoice, StopReason, ThinkingConfig,
};
use openrouter::{Client, Error};
use openrouter_mock::{Fault, MockServer};
use serde_json::{json, Value};

use support::client_for;

const MODEL: &str = "anthropic/claude-sonnet-4";

fn hello() -> MessagesRequest {
    MessagesRequest::new(MODEL, [MessageParam::user("Tell me about rivers")]).max_tokens(256)
}

fn weather_tool() -> MessagesTool {
    MessagesTool::new(
        "get_weather",
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
    )
    .description("Weather for a city")
}

#[tokio::test]
async fn create_answers_with_text_usage_and_generation_id() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let response = client
        .messages()
        .create_with_response(&hello().system("Be brief"))
        .await
        .unwrap();
    let result = &response.data;
    assert!(result.text().unwrap().contains("Tell me about rivers"));
    assert_eq!(result.stop_reason, Some(StopReason::EndTurn));
    assert!(result.usage.input_tokens.unwrap() > 0);
    assert_eq!(response.generation_id(), Some(result.id.as_str()));
    let sent: Value = serde_json::from_slice(&server.requests()[0].body).unwrap();
    assert_eq!(sent["system"], "Be brief");
    assert!(sent.get("stream").is_none(), "no stream flag on create");
}

#[tokio::test]
async fn thinking_and_tool_use_come_back_and_go_back() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = hello()
        .thinking(ThinkingConfig::enabled(1024))
        .tool(weather_tool())
        .tool_choice(MessagesToolChoice::tool("get_weather"));
    let result = client.messages().create(&request).await.unwrap();
    assert_eq!(result.stop_reason, Some(StopReason::ToolUse));
    assert!(result.thinking().is_some_and(|t| !t.is_empty()));
    let call = result.tool_uses().next().expect("a tool call");
    assert_eq!(call.name, "get_weather");
    assert!(call.input["city"].is_string());
    let ContentBlock::Thinking(thinking) = &result.content[0] else {
        panic!("thinking first");
    };
    assert!(thinking.signature.as_deref().is_some_and(|s| !s.is_empty()));

    let follow_up = request
        .clone()
        .message(result.to_message())
        .message(MessageParam::user(vec![ContentBlock::tool_result(
            call.id.clone(),
            "Sunny, 21C",
        )]));
    let answer = client.messages().create(&follow_up).await.unwrap();
    assert_eq!(answer.stop_reason, Some(StopReason::EndTurn));
    assert!(answer.text().unwrap().contains("Sunny, 21C"));
    let sent: Value = serde_json::from_slice(&server.requests()[1].body).unwrap();
    assert_eq!(sent["messages"][1]["content"][0]["type"], "thinking");
    assert_eq!(sent["messages"][2]["content"][0]["type"], "tool_result");
}

#[tokio::test]
async fn stream_counts_pings_and_accumulates_the_same_message() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = hello()
        .thinking(ThinkingConfig::adaptive())
        .tool(weather_tool());
    let whole = client.messages().create(&request).await.unwrap();

    let mut events = client.messages().stream(&request).await.unwrap().events();
    let mut pings = 0;
    let mut kinds = Vec::new();
    while let Some(event) = events.next().await {
        match event.unwrap() {
            StreamEvent::KeepAlive(_) => pings += 1,
            StreamEvent::Data(event) => {
                assert!(!matches!(event, MessagesStreamEvent::Ping(_)));
                if let MessagesStreamEvent::ContentBlockDelta(d) = &event {
                    kinds.push(d.delta.kind().to_owned());
                    assert!(!matches!(d.delta, ContentDelta::Unknown(_)));
                }
            }
            _ => {}
        }
    }
    assert!(pings >= 2);
    assert_eq!(events.stream().keep_alives(), pings);
    for kind in ["thinking_delta", "signature_delta", "input_json_delta"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    let body = String::from_utf8_lossy(&server.requests()[1].body).into_owned();
    assert!(body.contains("\"stream\":true"));

    let streamed = client
        .messages()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert_eq!(streamed.stop_reason, whole.stop_reason);
    assert_eq!(streamed.thinking(), whole.thinking());
    let (a, b) = (
        streamed.tool_uses().next().unwrap(),
        whole.tool_uses().next().unwrap(),
    );
    assert_eq!(a.input, b.input, "tool input assembled from partial JSON");
    assert_eq!(streamed.usage.output_tokens, whole.usage.output_tokens);
}

#[tokio::test]
async fn stream_error_event_ends_with_api_error() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_fault(Fault::mid_stream_error(3, 529, "Overloaded"));
    let mut stream = client.messages().stream(&hello()).await.unwrap();
    let mut data = 0;
    let error = loop {
        match stream.next().await.expect("the stream ends with an error") {
            Ok(_) => data += 1,
            Err(error) => break error,
        }
    };
    assert!(data >= 1);
    let Error::Api(api) = error else {
        panic!("expected an API error, got {error:?}");
    };
    assert!(api.in_stream);
    assert_eq!(api.error.message, "Overloaded");
    assert_eq!(
        api.error.code.as_ref().unwrap().to_string(),
        "overloaded_error"
    );
    assert_eq!(api.error.error_type(), Some("provider_error"));
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn failures_are_reported() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let missing = MessagesRequest::new(MODEL, Vec::new());
    let Err(Error::Api(api)) = client.messages().create(&missing).await else {
        panic!("empty messages must fail");
    };
    assert_eq!(api.status.map(|s| s.as_u16()), Some(400));
    assert!(api.error.message.contains("messages"));
    assert_eq!(api.error.extra["type"], "invalid_request_error");

    let bad_thinking = hello().extra("thinking", json!({"type": "enabled"}));
    let Err(Error::Api(api)) = client.messages().create(&bad_thinking).await else {
        panic!("thinking without budget must fail");
    };
    assert!(api.error.message.contains("budget_tokens"));

    let unknown = MessagesRequest::new("nobody/nothing", [MessageParam::user("hi")]);
    let Err(Error::Api(api)) = client.messages().create(&unknown).await else {
        panic!("unknown model must fail");
    };
    assert_eq!(api.status.map(|s| s.as_u16()), Some(404));

    let wrong_key = Client::builder()
        .api_key("sk-or-v1-wrong")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let Err(Error::Api(api)) = wrong_key.messages().create(&hello()).await else {
        panic!("a wrong key must fail");
    };
    assert_eq!(api.status.map(|s| s.as_u16()), Some(401));

    let before = server.request_count();
    let no_key = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert!(matches!(
        no_key.messages().create(&hello()).await,
        Err(Error::Config(_))
    ));
    assert_eq!(server.request_count(), before, "nothing sent without a key");
}
