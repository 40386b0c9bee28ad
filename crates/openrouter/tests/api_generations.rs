//! `client.generations()` against the emulator: every completion can be looked up.

mod mgmt;

use futures_util::StreamExt;
use mgmt::{api_key_as_management, api_only, full_client, operation, round_trip, spec};
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::types::generations::{
    FeedbackCategory, FeedbackResponse, GenerationContentResponse, GenerationFeedbackRequest,
    GenerationResponse,
};
use openrouter::Error;
use openrouter_mock::MockServer;

#[tokio::test]
async fn a_completion_is_found_with_matching_model_tokens_and_cost() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let request = ChatRequest::new(
        "openai/gpt-4o-mini",
        [Message::user("What is a generation?")],
    );
    let response = client.chat().create_with_response(&request).await.unwrap();
    let id = response.generation_id().unwrap().to_owned();
    assert_eq!(id, response.data.id);
    let usage = response.data.usage.clone().unwrap();

    let generation = client.generations().get(&id).await.unwrap();
    assert_eq!(generation.id.as_deref(), Some(id.as_str()));
    assert_eq!(
        generation.model.as_deref(),
        Some(response.data.model.as_str())
    );
    assert_eq!(generation.tokens_prompt, Some(usage.prompt_tokens));
    assert_eq!(generation.tokens_completion, Some(usage.completion_tokens));
    assert_eq!(
        generation.total_cost,
        usage.cost.as_ref().and_then(|c| c.as_f64())
    );
    assert_eq!(generation.streamed, Some(false));
    assert!(generation.extra.is_empty(), "{:?}", generation.extra);
    let raw = client.generations().get_with_response(&id).await.unwrap();
    let raw: serde_json::Value = serde_json::from_slice(raw.raw_body()).unwrap();
    assert!(raw["data"]
        .as_object()
        .unwrap()
        .contains_key("workspace_id"));
    assert_eq!(
        server.requests().last().unwrap().query.as_deref(),
        Some(format!("id={id}").as_str())
    );

    let content = client.generations().content(&id).await.unwrap();
    let messages = content.input.unwrap().messages.unwrap();
    assert_eq!(messages[0]["content"], "What is a generation?");
    assert_eq!(
        content.output.unwrap().completion.as_deref(),
        response.data.text()
    );
}

#[tokio::test]
async fn a_streamed_completion_is_recorded_too() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user("Stream please")]);
    let mut stream = client.chat().stream(&request).await.unwrap();
    let mut id = None;
    while let Some(chunk) = stream.next().await {
        id.get_or_insert(chunk.unwrap().id.clone());
    }
    let generation = client.generations().get(&id.unwrap()).await.unwrap();
    assert_eq!(generation.streamed, Some(true));
}

#[tokio::test]
async fn unknown_ids_are_404_and_feedback_needs_a_management_key() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    for error in [
        client.generations().get("gen-missing").await.unwrap_err(),
        client
            .generations()
            .content("gen-missing")
            .await
            .unwrap_err(),
    ] {
        assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    }
    let result = client
        .chat()
        .create(&ChatRequest::new(
            "openai/gpt-4o-mini",
            [Message::user("hi")],
        ))
        .await
        .unwrap();
    let feedback = GenerationFeedbackRequest::new(&result.id, "incorrect_response")
        .comment("It said hi back.");
    assert_eq!(feedback.category, FeedbackCategory::IncorrectResponse);
    let ok = client
        .generations()
        .submit_feedback(&feedback)
        .await
        .unwrap();
    assert_eq!(ok.success, Some(true));
    let missing = GenerationFeedbackRequest::new("gen-missing", "other");
    let error = client
        .generations()
        .submit_feedback(&missing)
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    let bad = GenerationFeedbackRequest::new(&result.id, "rude");
    let error = client
        .generations()
        .submit_feedback(&bad)
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    assert!(error.to_string().contains("category"), "{error}");

    let count = server.request_count();
    let error = api_only(&server)
        .generations()
        .submit_feedback(&feedback)
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::Config(m) if m.contains("management key")));
    assert_eq!(server.request_count(), count);
    let error = api_key_as_management(&server)
        .generations()
        .submit_feedback(&feedback)
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
}

#[test]
fn spec_examples_round_trip() {
    let spec = spec();
    for example in mgmt::success_examples(operation(&spec, "/generation", "get")) {
        round_trip::<GenerationResponse>("GET /generation", &example);
    }
    let content = mgmt::success_examples(operation(&spec, "/generation/content", "get"));
    assert!(!content.is_empty());
    for example in content {
        round_trip::<GenerationContentResponse>("GET /generation/content", &example);
    }
    let feedback = mgmt::success_examples(operation(&spec, "/generation/feedback", "post"));
    assert!(!feedback.is_empty());
    for example in feedback {
        round_trip::<FeedbackResponse>("POST /generation/feedback", &example);
    }
    let body = mgmt::request_example(operation(&spec, "/generation/feedback", "post")).unwrap();
    round_trip::<GenerationFeedbackRequest>("feedback body", &body);
}
