//! OAuth with PKCE: let a user sign in and hand your app an API key of their own.
//!
//! 1. Generate a verifier and its S256 challenge; keep the verifier.
//! 2. Send the user to the authorization URL (at the site root, not under `/api/v1`).
//! 3. OpenRouter redirects to your callback with `?code=...`.
//! 4. Exchange the code and the verifier for the user's key.
//!
//! This example plays the browser itself against the embedded emulator, which consents at
//! once. Against the real site, open the printed URL and paste the `code` you receive.
//!
//! ```text
//! cargo run -p openrouter --example oauth_pkce
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use openrouter::types::oauth::{CodeChallengeMethod, PkceVerifier};
use openrouter::Client;
use openrouter_mock::MockServer;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = MockServer::start().await;
    // The app has no key of its own: it is about to get one for the user.
    let app = Client::builder().base_url(emulator.base_url()).build()?;

    let verifier = PkceVerifier::generate()?;
    let challenge = verifier.challenge(CodeChallengeMethod::S256);
    let callback = "http://localhost:3000/callback";
    let url = app.oauth().authorization_url(callback, &challenge)?;
    println!("Send the user to:\n  {url}");

    // The browser's part: follow the login page to the redirect and read the code.
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let redirect = browser.get(&url).send().await?;
    let location = redirect
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .ok_or("the login page did not redirect")?;
    println!("Redirected to:\n  {location}");
    let code = reqwest::Url::parse(location)?
        .query_pairs()
        .find(|(name, _)| name == "code")
        .map(|(_, value)| value.into_owned())
        .ok_or("no code in the redirect")?;

    let key = app.oauth().exchange_code(&code, &verifier).await?;
    println!("Got a key for user {:?} ({key:?})", key.user_id);

    let user = Client::builder()
        .api_key(&key.key)
        .base_url(emulator.base_url())
        .build()?;
    let info = user.keys().current().await?;
    println!("The new key works: label {}", info.label);
    Ok(())
}
