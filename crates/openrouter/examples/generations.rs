//! Run a chat completion, then look up what OpenRouter recorded about it: tokens, cost, the
//! provider that served it, and the stored prompt and answer.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, so it runs on a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example generations
//! OPENROUTER_API_KEY=sk-or-... cargo run -p openrouter --example generations
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;
use std::time::Duration;

use openrouter::types::chat::{ChatRequest, Message};
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

async fn run() -> openrouter::Result<()> {
    // Keep the emulator alive for the whole run when we use it.
    let (client, _emulator) = match std::env::var("OPENROUTER_API_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!(
                "OPENROUTER_API_KEY is not set: using the embedded OpenRouter emulator at {}",
                emulator.base_url()
            );
            let client = Client::builder()
                .api_key(emulator.api_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let model = std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".into());
    let request =
        ChatRequest::new(model.as_str(), [Message::user("Name three rivers.")]).max_tokens(60);
    let answer = client.chat().create(&request).await?;
    // The completion's id is its generation id.
    println!("== {} ==\n{}", answer.id, answer.text().unwrap_or_default());

    // The record is written just after the answer; the real API may need a moment.
    let mut attempt = 0;
    let generation = loop {
        match client.generations().get(&answer.id).await {
            Err(e) if e.status().is_some_and(|s| s.as_u16() == 404) && attempt < 10 => {
                attempt += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            other => break other?,
        }
    };
    let show = |v: Option<u64>| v.map_or("?".to_owned(), |v| v.to_string());
    println!("\n== generation record ==");
    println!("model     {}", generation.model.as_deref().unwrap_or("?"));
    println!(
        "provider  {}",
        generation.provider_name.as_deref().unwrap_or("?")
    );
    println!(
        "tokens    {} prompt + {} completion",
        show(generation.tokens_prompt),
        show(generation.tokens_completion)
    );
    println!("cost      ${:.6}", generation.total_cost.unwrap_or(0.0));
    println!("latency   {} ms", generation.latency.unwrap_or(0.0));

    // Stored prompts and answers exist only when the account keeps them.
    println!("\n== stored content ==");
    match client.generations().content(&answer.id).await {
        Ok(content) => {
            let input = content.input.unwrap_or_default();
            let output = content.output.unwrap_or_default();
            println!(
                "input    {} message(s)",
                input.messages.map_or(0, |m| m.len())
            );
            println!("output   {}", output.completion.unwrap_or_default());
        }
        Err(e) if e.status().is_some_and(|s| s.is_client_error()) => println!("not available: {e}"),
        Err(e) => return Err(e),
    }
    Ok(())
}
