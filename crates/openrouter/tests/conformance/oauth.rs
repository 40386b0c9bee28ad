//! OAuth with PKCE. Creating codes and keys changes the account, so against a real server
//! these cases only run with `OPENROUTER_CONFORMANCE_MUTATE=1`.

use openrouter::types::oauth::{CodeChallengeMethod, CreateAuthCodeRequest, PkceVerifier};

use crate::target::target;

fn may_mutate(emulated: bool, case: &str) -> bool {
    let allowed =
        emulated || std::env::var("OPENROUTER_CONFORMANCE_MUTATE").is_ok_and(|v| v == "1");
    if !allowed {
        eprintln!("{case}: skipped; it creates an auth code (set OPENROUTER_CONFORMANCE_MUTATE=1)");
    }
    allowed
}

#[tokio::test]
async fn create_auth_keys_code() {
    let target = target().await;
    if !may_mutate(target.emulated, "create_auth_keys_code") {
        return;
    }
    let verifier = PkceVerifier::generate().unwrap();
    let request = CreateAuthCodeRequest::new("http://localhost:3000/callback")
        .challenge(&verifier.challenge(CodeChallengeMethod::S256));
    let code = target.client.oauth().create_code(&request).await.unwrap();
    assert!(!code.id.is_empty());
}

#[tokio::test]
async fn exchange_auth_code_for_api_key() {
    let target = target().await;
    if !may_mutate(target.emulated, "exchange_auth_code_for_api_key") {
        return;
    }
    let verifier = PkceVerifier::generate().unwrap();
    let request = CreateAuthCodeRequest::new("http://localhost:3000/callback")
        .challenge(&verifier.challenge(CodeChallengeMethod::S256));
    let code = target.client.oauth().create_code(&request).await.unwrap();
    let key = target
        .client
        .oauth()
        .exchange_code(&code.id, &verifier)
        .await
        .unwrap();
    assert!(key.key.starts_with("sk-or-"));
}
