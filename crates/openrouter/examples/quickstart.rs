//! One plain completion and one streamed completion, then tokens and cost.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, so it runs on a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example quickstart
//! OPENROUTER_API_KEY=sk-or-... OPENROUTER_MODEL=openai/gpt-4o-mini cargo run -p openrouter --example quickstart
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::io::Write;
use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::chat::{ChatRequest, Message, Usage};
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
    let request = ChatRequest::new(
        model.as_str(),
        [
            Message::system("You answer in two sentences at most."),
            Message::user("What is OpenRouter?"),
        ],
    )
    .max_tokens(200);

    println!("== {model}, plain ==");
    let result = client.chat().create(&request).await?;
    println!("{}", result.text().unwrap_or_default());
    report(result.usage.as_ref());

    println!("\n== {model}, streamed ==");
    let mut stream = client.chat().stream(&request).await?;
    let mut accumulator = openrouter::stream::ChatAccumulator::new();
    let mut stdout = std::io::stdout();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        print!("{}", chunk.content().unwrap_or_default());
        let _ = stdout.flush();
        accumulator.push(&chunk);
    }
    println!();
    report(accumulator.finish().usage.as_ref());
    Ok(())
}

fn report(usage: Option<&Usage>) {
    match usage {
        Some(usage) => println!(
            "[{} prompt + {} completion tokens, cost ${} in credits]",
            usage.prompt_tokens,
            usage.completion_tokens,
            usage
                .cost_f64()
                .map_or_else(|| "unknown".to_owned(), |c| format!("{c:.6}"))
        ),
        None => println!("[no usage reported]"),
    }
}
