//! The Responses API against the emulator: plain, streamed, function calls, structured
//! output, reasoning, and the failures (validation, stateless, auth, in-stream errors).

mod support;

use futures_util::StreamExt;
use openrouter::stream::ResponsesAccumulator;
use openrouter::types::responses::{
    ResponsesEventKind, ResponsesInclude, ResponsesInputItem, ResponsesOutputItem,
    ResponsesReasoning, ResponsesRequest, ResponsesStatus, ResponsesTextConfig, ResponsesTool,
};
use openrouter::{Client, Error};
use openrouter_mock::{Fault, MockServer};
use serde_json::{json, Value};
use support::client_for;

const MODEL: &str = "openai/gpt-4o-mini";

fn weather_tool() -> ResponsesTool {
    ResponsesTool::function(
        "get_weather",
        "Current weather for a city",
        json!({
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city", "days"],
        }),
    )
}

fn sent_body(server: &MockServer, index: usize) -> Value {
    serde_json::from_slice(&server.requests()[index].body).unwrap()
}

fn status_of(error: &Error) -> Option<u16> {
    error.api().and_then(|a| a.status).map(|s| s.as_u16())
}

#[tokio::test]
async fn create_answers_with_text_usage_and_cost() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ResponsesRequest::new(MODEL, "Tell me a joke about penguins");
    let response = client
        .responses()
        .create_with_response(&request)
        .await
        .unwrap();
    let generation = response.generation_id().map(str::to_owned);
    let result = response.into_data();
    assert!(result.id.starts_with("gen-"), "{}", result.id);
    assert_eq!(generation.as_deref(), Some(result.id.as_str()));
    assert_eq!(result.object, "response");
    assert_eq!(result.status, Some(ResponsesStatus::Completed));
    assert!(
        result.output_text().contains("penguins"),
        "{}",
        result.output_text()
    );
    let usage = result.usage.as_ref().unwrap();
    assert!(usage.input_tokens > 0 && usage.output_tokens > 0);
    assert_eq!(usage.total_tokens, usage.input_tokens + usage.output_tokens);
    assert!(usage.cost_f64().unwrap() > 0.0);
    let body = sent_body(&server, 0);
    assert_eq!(server.requests()[0].path, "/api/v1/responses");
    assert_eq!(
        body,
        json!({"model": MODEL, "input": "Tell me a joke about penguins"})
    );
}

#[tokio::test]
async fn stream_yields_ordered_events_and_accumulates_to_the_completed_response() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ResponsesRequest::new(MODEL, "Stream me something nice please");
    let mut stream = client.responses().stream(&request).await.unwrap();
    let mut events = Vec::new();
    let mut accumulator = ResponsesAccumulator::new();
    while let Some(event) = stream.next().await {
        let event = event.unwrap();
        accumulator.push(&event);
        events.push(event);
    }
    assert_eq!(sent_body(&server, 0)["stream"], json!(true));
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        &kinds[..4],
        &[
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added"
        ]
    );
    assert_eq!(kinds.last(), Some(&"response.completed"));
    let numbers: Vec<u64> = events.iter().filter_map(|e| e.sequence_number).collect();
    assert_eq!(numbers, (0..events.len() as u64).collect::<Vec<_>>());
    let deltas: String = events.iter().filter_map(|e| e.text_delta()).collect();
    let result = accumulator.finish();
    assert_eq!(result.output_text(), deltas);
    assert!(deltas.contains("Stream me something nice"));
    assert!(result.usage.unwrap().cost_f64().unwrap() > 0.0);
    assert_eq!(stream.generation_id(), Some(result.id.as_str()));
}

#[tokio::test]
async fn offered_function_tools_are_called_with_schema_valid_arguments() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ResponsesRequest::new(MODEL, "Weather in Paris?").tool(weather_tool());
    let result = client.responses().create(&request).await.unwrap();
    let call = result.function_calls().next().expect("a function call");
    assert_eq!(call.name, "get_weather");
    assert!(call.call_id.starts_with("call_"));
    let args = call.arguments_json().unwrap();
    assert!(args["city"].is_string() && args["days"].is_i64(), "{args}");

    // Streamed: arguments arrive as deltas and the accumulated call matches.
    let streamed = client
        .responses()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    let call = streamed.function_calls().next().unwrap();
    assert_eq!(call.name, "get_weather");
    assert!(call.arguments_json().unwrap()["city"].is_string());

    // The tool result goes back as a function_call_output: the model answers in text.
    let follow_up = request
        .clone()
        .item(ResponsesOutputItem::FunctionCall(call.clone()).into_input())
        .item(ResponsesInputItem::function_call_output(
            call.call_id.clone(),
            "18C and sunny",
        ));
    let answer = client.responses().create(&follow_up).await.unwrap();
    assert!(
        answer.output_text().contains("18C and sunny"),
        "{}",
        answer.output_text()
    );
}

#[tokio::test]
async fn json_schema_format_yields_matching_json() {
    let server = MockServer::start().await;
    let schema = json!({
        "type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
        "required": ["name", "age"],
        "additionalProperties": false,
    });
    let request = ResponsesRequest::new(MODEL, "A person please")
        .text(ResponsesTextConfig::json_schema("person", schema));
    let result = client_for(&server)
        .responses()
        .create(&request)
        .await
        .unwrap();
    let value: Value = serde_json::from_str(&result.output_text()).unwrap();
    assert!(
        value["name"].is_string() && value["age"].is_i64(),
        "{value}"
    );
}

#[tokio::test]
async fn reasoning_items_come_with_summary_and_encrypted_content() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ResponsesRequest::new(MODEL, "Think about tea")
        .reasoning(ResponsesReasoning::with_effort("high"))
        .include([ResponsesInclude::ReasoningEncryptedContent]);
    let result = client.responses().create(&request).await.unwrap();
    let reasoning = result.reasoning_items().next().expect("a reasoning item");
    assert!(reasoning.summary_text().contains("Think about tea"));
    assert!(reasoning.encrypted_content.is_some());
    assert!(result.usage.unwrap().reasoning_tokens() > 0);

    let streamed = client
        .responses()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    let item = streamed.reasoning_items().next().unwrap();
    assert!(item.summary_text().contains("Think about tea"));
}

#[tokio::test]
async fn max_output_tokens_makes_an_incomplete_response() {
    let server = MockServer::start().await;
    let request =
        ResponsesRequest::new(MODEL, "Write a long essay about everything").max_output_tokens(2);
    let result = client_for(&server)
        .responses()
        .create(&request)
        .await
        .unwrap();
    assert_eq!(result.status, Some(ResponsesStatus::Incomplete));
    assert_eq!(
        result.incomplete_details.unwrap().reason.as_deref(),
        Some("max_output_tokens")
    );
}

#[tokio::test]
async fn validation_failures_are_400s_naming_the_field() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let no_input = ResponsesRequest::default().model(MODEL);
    let error = client.responses().create(&no_input).await.unwrap_err();
    assert_eq!(status_of(&error), Some(400));
    assert!(error.to_string().contains("`input` is required"), "{error}");

    let unknown = ResponsesRequest::new("nobody/no-such-model", "hi");
    let error = client.responses().create(&unknown).await.unwrap_err();
    assert_eq!(status_of(&error), Some(400));
    assert!(
        error.to_string().contains("nobody/no-such-model"),
        "{error}"
    );

    let stateful = ResponsesRequest::new(MODEL, "hi").previous_response_id("resp_123");
    let error = client.responses().create(&stateful).await.unwrap_err();
    assert_eq!(status_of(&error), Some(400));
    assert!(error.to_string().contains("stateless"), "{error}");

    let error = client.responses().stream(&stateful).await.unwrap_err();
    assert_eq!(status_of(&error), Some(400));
}

#[tokio::test]
async fn auth_failures() {
    let server = MockServer::start().await;
    let request = ResponsesRequest::new(MODEL, "hi");
    let keyless = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let error = keyless.responses().create(&request).await.unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_eq!(server.request_count(), 0);

    let wrong = Client::builder()
        .base_url(server.base_url())
        .api_key("sk-or-v1-wrong")
        .build()
        .unwrap();
    let error = wrong.responses().create(&request).await.unwrap_err();
    assert_eq!(status_of(&error), Some(401));
}

#[tokio::test]
async fn a_mid_stream_error_ends_the_stream_with_its_code() {
    let server = MockServer::start().await;
    server.push_fault(Fault::mid_stream_error(3, 502, "provider disconnected"));
    let request = ResponsesRequest::new(MODEL, "Say a few words please");
    let mut stream = client_for(&server)
        .responses()
        .stream(&request)
        .await
        .unwrap();
    let mut seen = 0;
    let error = loop {
        match stream.next().await {
            Some(Ok(_)) => seen += 1,
            Some(Err(error)) => break error,
            None => panic!("the stream ended without the error"),
        }
    };
    assert_eq!(seen, 3);
    let api = error.api().unwrap();
    assert!(api.in_stream);
    assert_eq!(api.code().and_then(|c| c.as_number()), Some(502));
    assert_eq!(api.message(), "provider disconnected");
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn keep_alives_and_split_bytes_do_not_disturb_the_stream() {
    let server = MockServer::start().await;
    server.push_fault(Fault::keep_alives(3, std::time::Duration::from_millis(5)));
    let request = ResponsesRequest::new(MODEL, "hello there");
    let client = client_for(&server);
    let mut events = client.responses().stream(&request).await.unwrap().events();
    let mut keep_alives = 0;
    let mut completed = false;
    while let Some(event) = events.next().await {
        match event.unwrap() {
            openrouter::stream::StreamEvent::KeepAlive(_) => keep_alives += 1,
            openrouter::stream::StreamEvent::Data(e) => {
                completed |= e.kind == ResponsesEventKind::Completed
            }
            _ => {}
        }
    }
    assert_eq!(keep_alives, 3);
    assert!(completed);

    server.push_fault(Fault::SplitUtf8);
    let result = client
        .responses()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert!(
        result.output_text().starts_with("héllo wörld ✓ 日本"),
        "{}",
        result.output_text()
    );
}
