//! A video generation job: create it, wait for it while printing its status, download it.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API) and
//! generates a real (paid) 4-second clip with `OPENROUTER_VIDEO_MODEL`. Without a key it starts
//! the embedded emulator, so it runs on a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example videos
//! OPENROUTER_API_KEY=sk-or-... cargo run -p openrouter --example videos
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;
use std::time::Duration;

use openrouter::api::WaitOptions;
use openrouter::types::videos::VideoRequest;
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
                .build()?;
            (client, Some(emulator))
        }
    };
    let model = std::env::var("OPENROUTER_VIDEO_MODEL").unwrap_or_else(|_| "google/veo-3.1".into());

    println!("== video models ==");
    for m in client.videos().list_models().await?.data {
        println!(
            "{}  durations {:?}",
            m.id,
            m.supported_durations.unwrap_or_default()
        );
    }

    let request = VideoRequest::new(model.as_str(), "A paper boat drifting down a rainy street")
        .duration(4)
        .resolution("720p")
        .aspect_ratio("16:9");
    let job = client.videos().create(&request).await?;
    println!("\n== job {} ({model}) ==", job.id);

    // Real jobs take minutes; the emulator moves one step per poll, so poll it quickly.
    let first_poll = if emulator.is_some() {
        Duration::from_millis(50)
    } else {
        Duration::from_secs(5)
    };
    let options = WaitOptions::new()
        .min_interval(first_poll)
        .deadline(Duration::from_secs(15 * 60))
        .on_progress(|job| println!("status: {}", job.status));
    let done = client.videos().wait(&job.id, options).await?;
    if let Some(cost) = done.usage.as_ref().and_then(|u| u.cost) {
        println!("cost: ${cost:.4}");
    }

    let path = std::env::temp_dir().join(format!("openrouter-example-{}.mp4", done.id));
    let file = tokio::fs::File::create(&path).await?;
    let written = client.videos().download_to_writer(&done.id, file).await?;
    println!("downloaded {written} bytes to {}", path.display());
    Ok(())
}
