//! `client.credits()` against the emulator.

mod mgmt;

use mgmt::{api_key_as_management, api_only, full_client, operation, round_trip, spec};
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::types::credits::CreditsResponse;
use openrouter::{ApiErrorKind, Error};
use openrouter_mock::MockServer;

#[tokio::test]
async fn usage_grows_with_every_completion() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let before = client.credits().get().await.unwrap();
    assert_eq!(before.total_usage, 0.0);
    assert!(before.total_credits > 0.0);
    let mut spent = 0.0;
    for prompt in ["one", "two, a longer prompt"] {
        let request = ChatRequest::new("openai/gpt-4o-mini", [Message::user(prompt)]);
        let result = client.chat().create(&request).await.unwrap();
        spent += result
            .usage
            .as_ref()
            .and_then(|u| u.cost.as_ref())
            .and_then(|c| c.as_f64())
            .unwrap();
    }
    let after = client.credits().get().await.unwrap();
    assert!(
        (after.total_usage - spent).abs() < 1e-9,
        "{after:?} vs {spent}"
    );
    assert!((after.remaining() - (after.total_credits - spent)).abs() < 1e-9);
}

#[tokio::test]
async fn credits_need_a_management_key() {
    let server = MockServer::start().await;
    let error = api_only(&server).credits().get().await.unwrap_err();
    assert!(matches!(&error, Error::Config(m) if m.contains("management key")));
    assert_eq!(server.request_count(), 0);
    let error = api_key_as_management(&server)
        .credits()
        .get()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
}

#[tokio::test]
#[allow(deprecated)]
async fn the_coinbase_charge_is_gone() {
    let server = MockServer::start().await;
    // No key at all: the operation takes none.
    let client = openrouter::Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let error = client.credits().create_coinbase_charge().await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.kind(), ApiErrorKind::Gone);
    assert!(api.message().contains("Coinbase"), "{}", api.message());
    assert!(!error.is_retryable());
    let sent = &server.requests()[0];
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/api/v1/credits/coinbase")
    );
    assert!(
        !sent.headers.iter().any(|(n, _)| n == "authorization"),
        "no key is sent"
    );
    assert_eq!(server.request_count(), 1, "410 is not retried");
}

#[test]
fn spec_examples_round_trip() {
    let spec = spec();
    let examples = mgmt::success_examples(operation(&spec, "/credits", "get"));
    assert!(!examples.is_empty());
    for example in examples {
        round_trip::<CreditsResponse>("GET /credits", &example);
    }
}
