//! OAuth with PKCE end to end against the emulator: authorization URL, redirect, exchange,
//! then the new key works.

use openrouter::types::oauth::{CodeChallengeMethod, CreateAuthCodeRequest, PkceVerifier};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

fn status(error: &Error) -> Option<u16> {
    match error {
        Error::Api(api) => api.status.map(|s| s.as_u16()),
        _ => None,
    }
}

/// Follows the authorization URL like a browser would, without following the redirect, and
/// returns the code the callback receives.
async fn authorize(url: &str, callback: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = http.get(url).send().await.unwrap();
    assert_eq!(response.status(), 302);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(callback), "{location}");
    let url = reqwest::Url::parse(&location).unwrap();
    let code = url
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    code
}

#[tokio::test]
async fn pkce_flow_issues_a_working_key() {
    let server = MockServer::start().await;
    // An app without any key of its own.
    let app = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let verifier = PkceVerifier::generate().unwrap();
    let challenge = verifier.challenge(CodeChallengeMethod::S256);
    let callback = "http://localhost:3000/callback?state=xyz";
    let url = app.oauth().authorization_url(callback, &challenge).unwrap();
    let site = server.base_url().trim_end_matches("/api/v1").to_owned();
    assert!(
        url.starts_with(&format!("{site}/auth?callback_url=")),
        "{url}"
    );
    assert!(url.contains("callback_url=http%3A%2F%2Flocalhost%3A3000%2Fcallback%3Fstate%3Dxyz"));
    assert!(url.contains(&format!("code_challenge={}", challenge.value)));
    assert!(url.ends_with("code_challenge_method=S256"));

    let code = authorize(&url, "http://localhost:3000/callback?state=xyz&code=").await;
    let key = app.oauth().exchange_code(&code, &verifier).await.unwrap();
    assert!(
        key.key.starts_with("sk-or-v1-") && key.key.len() == 73,
        "{}",
        key.key.len()
    );
    assert!(!format!("{key:?}").contains(&key.key));
    let sent = server.requests().pop().unwrap().json().unwrap();
    assert_eq!(sent["code_verifier"], verifier.secret());
    assert_eq!(sent["code_challenge_method"], "S256");

    // The key works, and the code cannot be used twice.
    let user = Client::builder()
        .api_key(&key.key)
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert!(!user.keys().current().await.unwrap().label.is_empty());
    let again = app
        .oauth()
        .exchange_code(&code, &verifier)
        .await
        .unwrap_err();
    assert_eq!(status(&again), Some(400));
}

#[tokio::test]
async fn a_wrong_verifier_is_refused_and_burns_the_code() {
    let server = MockServer::start().await;
    let app = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let verifier = PkceVerifier::generate().unwrap();
    let url = app
        .oauth()
        .authorization_url(
            "https://app.example/cb",
            &verifier.challenge(CodeChallengeMethod::S256),
        )
        .unwrap();
    let code = authorize(&url, "https://app.example/cb?code=").await;
    let other = PkceVerifier::generate().unwrap();
    let wrong = app.oauth().exchange_code(&code, &other).await.unwrap_err();
    assert_eq!(status(&wrong), Some(400));
    assert!(wrong.to_string().contains("code_verifier"), "{wrong}");
    let right = app
        .oauth()
        .exchange_code(&code, &verifier)
        .await
        .unwrap_err();
    assert_eq!(status(&right), Some(400), "single use even after a failure");
}

#[tokio::test]
async fn server_side_codes_with_plain_challenges() {
    let server = MockServer::start().await;
    let app = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let verifier = PkceVerifier::generate().unwrap();
    let request = CreateAuthCodeRequest::new("https://app.example/cb")
        .challenge(&verifier.challenge(CodeChallengeMethod::Plain))
        .limit(10.0)
        .usage_limit_type("monthly")
        .key_label("CLI");
    let code = app.oauth().create_code(&request).await.unwrap();
    assert!(code.id.starts_with("auth_code_"));
    let body = server.requests().pop().unwrap().json().unwrap();
    assert_eq!(body["code_challenge_method"], "plain");
    let exchange = openrouter::types::oauth::AuthCodeExchange::with_method(
        &code.id,
        &verifier,
        CodeChallengeMethod::Plain,
    );
    let key = app.oauth().exchange(&exchange).await.unwrap();
    assert!(key.key.starts_with("sk-or-v1-"));

    let bad = app
        .oauth()
        .create_code(&CreateAuthCodeRequest::new("http://evil.example/cb"))
        .await
        .unwrap_err();
    assert_eq!(status(&bad), Some(400));
    assert!(bad.to_string().contains("callback_url"), "{bad}");
    let anonymous = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert!(matches!(
        anonymous
            .oauth()
            .create_code(&CreateAuthCodeRequest::new("https://a.example"))
            .await,
        Err(Error::Config(_))
    ));
}
