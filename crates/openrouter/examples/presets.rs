//! Saving a preset from a chat request, then reading its versions back.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API) and
//! saves a preset on your account. Without it, it starts the embedded emulator.
//!
//! ```text
//! cargo run -p openrouter --example presets
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
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
    let (client, _emulator) = match std::env::var("OPENROUTER_API_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!(
                "OPENROUTER_API_KEY is not set: using the embedded emulator at {}",
                emulator.base_url()
            );
            let client = Client::builder()
                .api_key(emulator.api_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let presets = client.presets();
    // Saving does not run the model: the settings and system prompt become a new version.
    for temperature in [0.2, 0.7] {
        let request = ChatRequest::new(
            "openai/gpt-4o-mini",
            [
                Message::system("You answer in one sentence."),
                Message::user("Hi"),
            ],
        )
        .temperature(temperature);
        let preset = presets.save_from_chat("one-sentence", &request).await?;
        if let Some(version) = &preset.designated_version {
            println!("saved {} version {}", preset.slug, version.version);
        }
    }
    let mut versions = presets.list_versions_all("one-sentence").page_size(50);
    while let Some(version) = versions.next().await {
        let version = version?;
        println!(
            "version {}: temperature {} prompt {:?}",
            version.version,
            version
                .config
                .get("temperature")
                .cloned()
                .unwrap_or_default(),
            version.system_prompt.unwrap_or_default()
        );
    }
    println!("use it with model \"@preset/one-sentence\"");
    Ok(())
}
