//! Structured output end to end against the emulator: typed values from `response_format`
//! and `text.format`, streamed and not, and every way an answer can fail to be the type.

mod support;

use futures_util::StreamExt;
use openrouter::schema::schemars::{self, JsonSchema};
use openrouter::schema::strict_schema;
use openrouter::structured::{OutputSchema, ParsedEvent, StructuredError, StructuredErrorKind};
use openrouter::types::chat::{ChatRequest, Message, Tool, ToolChoice};
use openrouter::types::responses::ResponsesRequest;
use openrouter::Error;
use openrouter_mock::{CannedOutput, MockServer};
use serde::Deserialize;
use serde_json::{json, Value};
use support::client_for;

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
enum Transport {
    Train,
    Plane,
}

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
enum Budget {
    Fixed(u32),
    Range { low: u32, high: u32 },
}

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct City {
    name: String,
    population: Option<u64>,
}

/// A trip: nested struct, unit enum, data enum, optional and repeated fields.
#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct Trip {
    destination: City,
    transport: Transport,
    budget: Budget,
    notes: Option<String>,
    stops: Vec<City>,
    nights: u8,
}

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct Tree {
    label: String,
    children: Vec<Tree>,
}

/// Recursive, with a root that is not an object: sent wrapped in `{"value": ...}`.
#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
enum Expr {
    Number(i64),
    Neg(Box<Expr>),
}

fn ask(text: &str) -> ChatRequest {
    ChatRequest::new("openai/gpt-4o-mini", [Message::user(text)])
}

fn last_body(server: &MockServer) -> Value {
    server
        .requests()
        .last()
        .and_then(|r| r.json())
        .expect("a JSON request was recorded")
}

fn structured(error: Error) -> StructuredError {
    match error {
        Error::Structured(error) => *error,
        other => panic!("expected a structured-output error, got {other:?}"),
    }
}

#[tokio::test]
async fn parse_sends_the_strict_schema_and_decodes_nested_enum_option_and_vec() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let parsed = client
        .chat()
        .parse::<Trip>(&ask("Plan a trip"))
        .await
        .unwrap();

    let format = &last_body(&server)["response_format"];
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["json_schema"]["name"], "Trip");
    assert_eq!(format["json_schema"]["strict"], true);
    assert_eq!(format["json_schema"]["schema"], strict_schema::<Trip>());

    let trip = parsed.value;
    assert_eq!(
        trip.destination,
        City {
            name: "example".into(),
            population: Some(1),
        }
    );
    assert_eq!(trip.transport, Transport::Train);
    assert!(matches!(
        trip.budget,
        Budget::Fixed(_) | Budget::Range { .. }
    ));
    assert_eq!(trip.notes.as_deref(), Some("example"));
    assert_eq!(trip.stops.len(), 1);
    assert_eq!(trip.nights, 1);
    assert_eq!(parsed.response.text(), Some(parsed.raw.as_str()));
    assert!(parsed.response.cost().is_some_and(|c| c > 0.0));
}

#[tokio::test]
async fn recursive_types_and_wrapped_roots_round_trip() {
    let server = MockServer::start().await;
    let client = client_for(&server);

    let tree = client
        .chat()
        .parse::<Tree>(&ask("A tree"))
        .await
        .unwrap()
        .value;
    assert_eq!(tree.children.len(), 1);
    assert!(tree.children[0].children.is_empty());

    let cities = client
        .chat()
        .parse::<Vec<City>>(&ask("Cities"))
        .await
        .unwrap();
    let schema = &last_body(&server)["response_format"]["json_schema"]["schema"];
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["required"], json!(["value"]));
    assert!(cities.raw.starts_with(r#"{"value":["#), "{}", cities.raw);
    assert_eq!(cities.value.len(), 1);

    let expr = client
        .chat()
        .parse::<Expr>(&ask("An expression"))
        .await
        .unwrap();
    let schema = &last_body(&server)["response_format"]["json_schema"]["schema"];
    assert!(
        !schema.to_string().contains(r##""$ref":"#""##),
        "a self-reference would point at the wrapper: {schema}"
    );
    assert_eq!(expr.value, Expr::Number(1));
}

#[tokio::test]
async fn a_mismatch_keeps_the_raw_text_and_the_json_path() {
    let server = MockServer::start().await;
    let raw = r#"{"destination": {"name": "Lyon", "population": "many"}}"#;
    server.push_canned_output(CannedOutput::text(raw));
    let error = client_for(&server)
        .chat()
        .parse::<Trip>(&ask("Plan a trip"))
        .await
        .unwrap_err();
    let message = error.to_string();
    let error = structured(error);
    assert_eq!(error.path(), Some("destination.population"));
    assert!(
        matches!(&error.kind, StructuredErrorKind::Mismatch { message, .. } if message.contains("invalid type: string \"many\"")),
        "{:?}",
        error.kind
    );
    assert_eq!(error.raw, raw);
    assert_eq!(error.schema_name, "Trip");
    assert_eq!(error.model.as_deref(), Some("openai/gpt-4o-mini"));
    assert!(error.generation_id.is_some_and(|id| id.starts_with("gen-")));
    assert!(
        message.contains("does not match `Trip` at `destination.population`"),
        "{message}"
    );
}

#[tokio::test]
async fn text_that_is_not_json_is_invalid_json_with_its_position() {
    let server = MockServer::start().await;
    let raw = "Sure! Here is your trip: Lyon by train.";
    server.push_canned_output(CannedOutput::text(raw));
    let error = structured(
        client_for(&server)
            .chat()
            .parse::<Trip>(&ask("Plan a trip"))
            .await
            .unwrap_err(),
    );
    assert!(
        matches!(
            error.kind,
            StructuredErrorKind::InvalidJson {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{:?}",
        error.kind
    );
    assert_eq!(error.raw, raw);
    assert!(error
        .to_string()
        .contains("not answer `Trip` with valid JSON"));
}

#[tokio::test]
async fn a_refusal_is_its_own_error_plain_and_streamed() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let reason = "I can't help with planning that trip.";

    server.push_canned_output(CannedOutput::refusal(reason));
    let error = structured(
        client
            .chat()
            .parse::<Trip>(&ask("Plan a trip"))
            .await
            .unwrap_err(),
    );
    assert_eq!(error.kind, StructuredErrorKind::Refusal(reason.into()));
    assert!(error.is_refusal());
    assert!(error.to_string().contains(reason));

    server.push_canned_output(CannedOutput::refusal(reason));
    let mut stream = client
        .chat()
        .parse_stream::<Trip>(&ask("Plan a trip"))
        .await
        .unwrap();
    let mut last = None;
    while let Some(item) = stream.next().await {
        last = Some(item);
    }
    let error = structured(last.expect("the stream yields its end").unwrap_err());
    assert_eq!(error.kind, StructuredErrorKind::Refusal(reason.into()));
}

#[tokio::test]
async fn hitting_the_token_limit_is_truncated_with_the_partial_text() {
    let server = MockServer::start().await;
    let error = structured(
        client_for(&server)
            .chat()
            .parse::<Trip>(&ask("Plan a trip").max_tokens(5))
            .await
            .unwrap_err(),
    );
    assert_eq!(error.kind, StructuredErrorKind::Truncated);
    // Five tokens are about twenty characters of the JSON the emulator writes.
    assert_eq!(error.raw.chars().count(), 20, "{}", error.raw);
    assert!(error.raw.starts_with("{\""), "{}", error.raw);
    assert!(error.to_string().contains("raise `max_tokens`"));
}

#[tokio::test]
async fn an_answer_without_text_says_so_with_its_finish_reason() {
    let server = MockServer::start().await;
    let request = ask("Plan a trip")
        .tools([Tool::function(
            "lookup",
            "Looks a city up",
            json!({"type": "object", "properties": {}}),
        )])
        .tool_choice(ToolChoice::required());
    let error = structured(
        client_for(&server)
            .chat()
            .parse::<Trip>(&request)
            .await
            .unwrap_err(),
    );
    assert_eq!(
        error.kind,
        StructuredErrorKind::NoContent {
            finish_reason: Some("tool_calls".into())
        }
    );
    assert_eq!(error.raw, "");
}

#[tokio::test]
async fn parse_stream_yields_text_pieces_then_the_value() {
    let server = MockServer::start().await;
    let mut stream = client_for(&server)
        .chat()
        .parse_stream::<Trip>(&ask("Plan a trip"))
        .await
        .unwrap();
    let mut pieces = Vec::new();
    let mut done = None;
    while let Some(event) = stream.next().await {
        assert!(done.is_none(), "nothing may follow Done");
        match event.unwrap() {
            ParsedEvent::Text(piece) => pieces.push(piece),
            ParsedEvent::Done(parsed) => done = Some(*parsed),
            other => panic!("unexpected event {other:?}"),
        }
    }
    let parsed = done.expect("the stream ends with Done");
    assert!(pieces.len() >= 3, "{pieces:?}");
    assert_eq!(pieces.concat(), parsed.raw);
    assert_eq!(parsed.value.transport, Transport::Train);
    assert_eq!(parsed.response.text(), Some(parsed.raw.as_str()));
    assert!(parsed.response.usage.is_some());
    let format = &last_body(&server)["response_format"];
    assert_eq!(format["json_schema"]["name"], "Trip");
    assert_eq!(last_body(&server)["stream"], true);
}

#[tokio::test]
async fn a_streamed_answer_cut_at_the_token_limit_is_truncated() {
    let server = MockServer::start().await;
    let stream = client_for(&server)
        .chat()
        .parse_stream::<Trip>(&ask("Plan a trip").max_tokens(5))
        .await
        .unwrap();
    let error = structured(stream.collect_parsed().await.unwrap_err());
    assert_eq!(error.kind, StructuredErrorKind::Truncated);
    assert_eq!(error.raw.chars().count(), 20, "{}", error.raw);
}

#[tokio::test]
async fn a_streamed_mismatch_is_the_last_item() {
    let server = MockServer::start().await;
    server.push_canned_output(CannedOutput::text(r#"{"label": 3, "children": []}"#));
    let stream = client_for(&server)
        .chat()
        .parse_stream::<Tree>(&ask("A tree"))
        .await
        .unwrap();
    let error = structured(stream.collect_parsed().await.unwrap_err());
    assert_eq!(error.path(), Some("label"));
    assert_eq!(error.raw, r#"{"label": 3, "children": []}"#);
}

#[tokio::test]
async fn a_schema_built_by_hand_decodes_into_json() {
    let server = MockServer::start().await;
    let schema = OutputSchema::new(
        "colour",
        json!({"type": "string", "enum": ["red", "green"]}),
    )
    .description("A colour");
    let parsed = client_for(&server)
        .chat()
        .parse_with::<Value>(&ask("A colour"), &schema)
        .await
        .unwrap();
    assert_eq!(parsed.value, json!("red"));
    let sent = &last_body(&server)["response_format"]["json_schema"];
    assert_eq!(sent["name"], "colour");
    assert_eq!(sent["description"], "A colour");
    assert_eq!(
        sent["schema"]["properties"]["value"]["enum"],
        json!(["red", "green"])
    );
}

#[tokio::test]
async fn responses_parse_sets_text_format_and_decodes() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "Plan a trip");
    let parsed = client.responses().parse::<Trip>(&request).await.unwrap();
    assert_eq!(parsed.value.destination.name, "example");
    assert_eq!(parsed.response.output_text(), parsed.raw);
    let format = &last_body(&server)["text"]["format"];
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["name"], "Trip");
    assert_eq!(format["strict"], true);
    assert_eq!(format["schema"], strict_schema::<Trip>());

    server.push_canned_output(CannedOutput::text(r#"{"destination": 1}"#));
    let error = structured(
        client
            .responses()
            .parse::<Trip>(&request)
            .await
            .unwrap_err(),
    );
    assert_eq!(error.path(), Some("destination"));

    server.push_canned_output(CannedOutput::refusal("No."));
    let error = structured(
        client
            .responses()
            .parse::<Trip>(&request)
            .await
            .unwrap_err(),
    );
    assert_eq!(error.kind, StructuredErrorKind::Refusal("No.".into()));

    let short = request.clone().max_output_tokens(4);
    let error = structured(client.responses().parse::<Trip>(&short).await.unwrap_err());
    assert_eq!(error.kind, StructuredErrorKind::Truncated);
    assert_eq!(error.raw.chars().count(), 16, "{}", error.raw);
}

#[tokio::test]
async fn responses_parse_stream_yields_text_pieces_then_the_value() {
    let server = MockServer::start().await;
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "Plan a trip");
    let mut stream = client_for(&server)
        .responses()
        .parse_stream::<Trip>(&request)
        .await
        .unwrap();
    assert!(stream.stream().generation_id().is_some());
    let mut pieces = Vec::new();
    let mut done = None;
    while let Some(event) = stream.next().await {
        assert!(done.is_none(), "nothing may follow Done");
        match event.unwrap() {
            ParsedEvent::Text(piece) => pieces.push(piece),
            ParsedEvent::Done(parsed) => done = Some(*parsed),
            other => panic!("unexpected event {other:?}"),
        }
    }
    let parsed = done.expect("the stream ends with Done");
    assert!(pieces.len() >= 3, "{pieces:?}");
    assert_eq!(pieces.concat(), parsed.raw);
    assert_eq!(parsed.value.transport, Transport::Train);
    assert_eq!(parsed.value.destination.name, "example");
    assert_eq!(parsed.response.output_text(), parsed.raw);
    assert!(parsed.response.usage.is_some());
    let body = last_body(&server);
    assert_eq!(body["text"]["format"]["type"], "json_schema");
    assert_eq!(body["text"]["format"]["name"], "Trip");
    assert_eq!(body["text"]["format"]["schema"], strict_schema::<Trip>());
    assert_eq!(body["stream"], true);
}

#[tokio::test]
async fn a_streamed_responses_mismatch_is_the_last_item() {
    let server = MockServer::start().await;
    let raw = r#"{"label": 3, "children": []}"#;
    server.push_canned_output(CannedOutput::text(raw));
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "A tree");
    let stream = client_for(&server)
        .responses()
        .parse_stream::<Tree>(&request)
        .await
        .unwrap();
    let mut items: Vec<_> = stream.collect().await;
    let last = items.pop().expect("the stream yields its end");
    let mut text = String::new();
    for item in items {
        match item.unwrap() {
            ParsedEvent::Text(piece) => text.push_str(&piece),
            other => panic!("only text comes before the end, got {other:?}"),
        }
    }
    assert_eq!(text, raw);
    let error = structured(last.unwrap_err());
    assert!(
        matches!(error.kind, StructuredErrorKind::Mismatch { .. }),
        "{:?}",
        error.kind
    );
    assert_eq!(error.path(), Some("label"));
    assert_eq!(error.raw, raw);
    assert_eq!(error.schema_name, "Tree");
}

#[tokio::test]
async fn a_streamed_responses_refusal_is_its_own_error() {
    let server = MockServer::start().await;
    server.push_canned_output(CannedOutput::refusal("I can't help with that."));
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "Plan a trip");
    let mut stream = client_for(&server)
        .responses()
        .parse_stream::<Trip>(&request)
        .await
        .unwrap();
    let mut text = String::new();
    let error = loop {
        match stream.next().await.expect("the stream yields its end") {
            Ok(ParsedEvent::Text(piece)) => text.push_str(&piece),
            Ok(other) => panic!("a refusal is no value, got {other:?}"),
            Err(error) => break structured(error),
        }
    };
    assert_eq!(
        error.kind,
        StructuredErrorKind::Refusal("I can't help with that.".into())
    );
    assert_eq!(error.raw, text);
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn a_streamed_response_cut_at_the_token_limit_is_truncated() {
    let server = MockServer::start().await;
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "Plan a trip").max_output_tokens(4);
    let stream = client_for(&server)
        .responses()
        .parse_stream::<Trip>(&request)
        .await
        .unwrap();
    let error = structured(stream.collect_parsed().await.unwrap_err());
    assert_eq!(error.kind, StructuredErrorKind::Truncated);
    assert_eq!(error.raw.chars().count(), 16, "{}", error.raw);
}

#[tokio::test]
async fn responses_parse_stream_with_a_schema_built_by_hand() {
    let server = MockServer::start().await;
    let schema = OutputSchema::new(
        "colour",
        json!({"type": "string", "enum": ["red", "green"]}),
    );
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "A colour");
    let parsed = client_for(&server)
        .responses()
        .parse_stream_with::<Value>(&request, &schema)
        .await
        .unwrap()
        .collect_parsed()
        .await
        .unwrap();
    assert_eq!(parsed.value, json!("red"));
    assert_eq!(last_body(&server)["text"]["format"]["name"], "colour");
}
