//! `client.images()` against the emulator: generate, stream (partials, then the final
//! image; an error event ends the stream), model listing and endpoints.

mod support;

use futures_util::StreamExt;
use openrouter::types::images::{ImageGenerationRequest, ImageStreamEventType};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;
use support::client_for;

const MODEL: &str = "openai/gpt-image-1";

#[tokio::test]
async fn generate_returns_decodable_png_images() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ImageGenerationRequest::new(MODEL, "a red panda astronaut").n(2);
    let response = client.images().generate(&request).await.unwrap();
    assert_eq!(response.data.len(), 2);
    let png = response.data[0].bytes().unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(response.data[0]
        .data_url()
        .starts_with("data:image/png;base64,"));
    assert!(response.usage.unwrap().cost.unwrap() > 0.0);
    let sent = server.requests().last().unwrap().json().unwrap();
    assert_eq!(sent["n"], 2);
    assert!(
        sent.get("stream").is_none(),
        "no stream flag on a plain call"
    );
}

#[tokio::test]
async fn generate_rejects_invalid_parameters_with_400() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let err = client
        .images()
        .generate(&ImageGenerationRequest::new(MODEL, "x").n(11))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(err.to_string().contains("n:"), "{err}");
    let err = client
        .images()
        .generate(&ImageGenerationRequest::new("nobody/nothing", "x"))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn generate_needs_an_api_key_before_sending() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = client
        .images()
        .generate(&ImageGenerationRequest::new(MODEL, "x"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn stream_yields_partials_then_the_completed_image() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ImageGenerationRequest::new(MODEL, "a lighthouse");
    let mut stream = client.images().stream(&request).await.unwrap();
    let mut kinds = Vec::new();
    while let Some(event) = stream.next().await {
        kinds.push(event.unwrap().kind);
    }
    assert_eq!(
        kinds,
        vec![
            ImageStreamEventType::PartialImage,
            ImageStreamEventType::PartialImage,
            ImageStreamEventType::Completed
        ]
    );
    let recorded = server.requests().last().unwrap().clone();
    assert_eq!(recorded.json().unwrap()["stream"], true);
    assert_eq!(recorded.header("accept"), Some("text/event-stream"));

    let response = client
        .images()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert_eq!(response.data.len(), 1);
    assert_eq!(response.data[0].media_type.as_deref(), Some("image/png"));
    assert!(response.data[0].bytes().unwrap().starts_with(b"\x89PNG"));
    assert!(response.created > 0);
    assert_eq!(response.usage.unwrap().total_tokens, Some(4175));
}

#[tokio::test]
async fn an_error_event_ends_the_stream_with_an_api_error() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = ImageGenerationRequest::new(MODEL, "fail: content filter");
    let mut stream = client.images().stream(&request).await.unwrap();
    let first = stream.next().await.unwrap().unwrap();
    assert_eq!(first.kind, ImageStreamEventType::PartialImage);
    match stream.next().await {
        Some(Err(Error::Api(api))) => {
            assert!(api.in_stream);
            assert!(
                api.message().contains("content filter"),
                "{}",
                api.message()
            );
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    assert!(stream.next().await.is_none(), "the error ends the stream");
    let err = client
        .images()
        .stream(&request)
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Api(_)));
}

#[tokio::test]
async fn models_and_their_endpoints() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let models = client.images().list_models().await.unwrap();
    assert!(models
        .data
        .iter()
        .any(|m| m.id == MODEL && m.supports_streaming == Some(true)));
    let seedream = models
        .data
        .iter()
        .find(|m| m.id == "bytedance-seed/seedream-4.5")
        .unwrap();
    let resolution = &seedream.supported_parameters.as_ref().unwrap()["resolution"];
    assert_eq!(resolution.kind, "enum");
    let endpoints = client
        .images()
        .list_model_endpoints("bytedance-seed/seedream-4.5")
        .await
        .unwrap();
    assert_eq!(endpoints.id, "bytedance-seed/seedream-4.5");
    assert_eq!(endpoints.endpoints[0].provider_slug, "bytedance");
    assert!(endpoints.endpoints[0].pricing[0].cost_usd > 0.0);
    assert_eq!(
        server.requests().last().unwrap().path,
        "/api/v1/images/models/bytedance-seed/seedream-4.5/endpoints"
    );
    let err = client
        .images()
        .list_model_endpoints("nobody/nothing")
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let err = client
        .images()
        .list_model_endpoints("no-slash")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)));
}
