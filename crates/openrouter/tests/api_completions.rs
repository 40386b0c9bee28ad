//! `Client::completions()` against the emulator.

mod support;

use futures_util::StreamExt;
use openrouter::types::chat::FinishReason;
use openrouter::types::completions::CompletionRequest;
use openrouter::Error;
use openrouter_mock::{Fault, MockServer};

use support::client_for;

fn request() -> CompletionRequest {
    CompletionRequest::new("openai/gpt-4o-mini", "Once upon a time").max_tokens(100)
}

#[tokio::test]
async fn create_and_stream_give_the_same_text() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let whole = client.completions().create(&request()).await.unwrap();
    assert_eq!(whole.object, "text_completion");
    assert!(whole.text().unwrap().contains("Once upon a time"));
    assert_eq!(whole.choices[0].finish_reason, Some(FinishReason::Stop));
    assert!(whole.usage.as_ref().unwrap().completion_tokens > 0);

    let mut stream = client.completions().stream(&request()).await.unwrap();
    let mut chunks = 0;
    while let Some(chunk) = stream.next().await {
        chunk.unwrap();
        chunks += 1;
    }
    assert!(chunks > 2);
    let streamed = client
        .completions()
        .stream(&request())
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert_eq!(streamed.text(), whole.text());
    assert_eq!(streamed.choices[0].finish_reason, Some(FinishReason::Stop));
    assert!(streamed.usage.is_some());
    let sent = String::from_utf8_lossy(&server.requests()[2].body).into_owned();
    assert!(sent.contains("\"stream\":true"));
}

#[tokio::test]
async fn in_band_error_ends_the_stream_and_validation_names_fields() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_fault(Fault::mid_stream_error(1, 502, "Provider disconnected"));
    let mut stream = client.completions().stream(&request()).await.unwrap();
    assert!(stream.next().await.unwrap().is_ok());
    let Some(Err(Error::Api(api))) = stream.next().await else {
        panic!("the error ends the stream");
    };
    assert!(api.in_stream);
    assert_eq!(api.error.message, "Provider disconnected");
    assert!(stream.next().await.is_none());

    let bad = request().temperature(5.0);
    let Err(Error::Api(api)) = client.completions().create(&bad).await else {
        panic!("temperature out of range");
    };
    assert!(api.error.message.contains("temperature"));
}
