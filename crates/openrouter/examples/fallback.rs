//! Client-side fallback: the same request goes to the next model when one is rate limited,
//! down or out of credits, and every attempt is reported.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API),
//! where the first model usually answers. Without a key it starts the embedded emulator and
//! makes the first model fail, to show the fallback.
//!
//! ```text
//! cargo run -p openrouter --example fallback
//! OPENROUTER_API_KEY=sk-or-... cargo run -p openrouter --example fallback
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use openrouter::fallback::{Attempt, FallbackPolicy};
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::{Client, RetryPolicy};
use openrouter_mock::{Fault, MockServer};

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
    let (client, emulator) = match std::env::var("OPENROUTER_API_KEY") {
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
                // No retries on the same model, so that one fault shows one fallback.
                .retry(RetryPolicy::none())
                .build()?;
            (client, Some(emulator))
        }
    };
    let policy = FallbackPolicy::new([
        "openai/gpt-4o-mini",
        "anthropic/claude-3.5-haiku",
        "google/gemini-2.5-flash-lite",
    ]);
    let request = ChatRequest::new(
        "openai/gpt-4o-mini",
        [Message::user(
            "In one sentence: why fall back to another model?",
        )],
    )
    .max_tokens(100);

    println!("== create_with_fallback ==");
    if let Some(emulator) = &emulator {
        emulator.push_fault(Fault::status(429).with_message("Rate limit exceeded"));
    }
    let outcome = client
        .chat()
        .create_with_fallback(&request, &policy)
        .await?;
    report(&outcome.attempts);
    println!(
        "{} answered: {}",
        outcome.model,
        outcome.value.text().unwrap_or_default()
    );

    println!("\n== stream_with_fallback (falls back only before the first chunk) ==");
    if let Some(emulator) = &emulator {
        emulator.push_fault(Fault::status(503));
        emulator.push_fault(Fault::mid_stream_error(0, 502, "Upstream provider failed"));
    }
    let outcome = client
        .chat()
        .stream_with_fallback(&request, &policy)
        .await?;
    report(&outcome.attempts);
    let result = outcome.value.collect_result().await?;
    println!(
        "{} answered: {}",
        outcome.model,
        result.text().unwrap_or_default()
    );
    Ok(())
}

fn report(attempts: &[Attempt]) {
    for attempt in attempts {
        match &attempt.error {
            Some(error) => println!(
                "  {} failed after {:?}: {error}",
                attempt.model, attempt.elapsed
            ),
            None => println!("  {} succeeded after {:?}", attempt.model, attempt.elapsed),
        }
    }
}
