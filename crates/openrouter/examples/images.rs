//! Generates an image, then streams one (partial images, then the final image), and saves
//! the result as a PNG in the temp directory.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, so it runs on a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example images
//! OPENROUTER_API_KEY=sk-or-... OPENROUTER_IMAGE_MODEL=openai/gpt-image-1 cargo run -p openrouter --example images
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::images::{ImageGenerationRequest, ImageStreamEventType};
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
    let model =
        std::env::var("OPENROUTER_IMAGE_MODEL").unwrap_or_else(|_| "openai/gpt-image-1".into());

    let models = client.images().list_models().await?;
    println!("{} image models; streaming ones:", models.data.len());
    for m in models
        .data
        .iter()
        .filter(|m| m.supports_streaming == Some(true))
    {
        println!("  {}", m.id);
    }

    let request = ImageGenerationRequest::new(model.as_str(), "a red panda astronaut")
        .quality("low")
        .output_format("png");
    let image = client.images().generate(&request).await?;
    println!(
        "generated {} image(s), cost {:?}",
        image.data.len(),
        image.usage.as_ref().and_then(|u| u.cost)
    );

    let mut stream = client.images().stream(&request).await?;
    let mut last = None;
    while let Some(event) = stream.next().await {
        let event = event?;
        match event.kind {
            ImageStreamEventType::PartialImage => {
                println!("partial image {:?}", event.partial_image_index)
            }
            ImageStreamEventType::Completed => {
                println!("completed");
                last = event.b64_json;
            }
            _ => {}
        }
    }
    if let Some(b64) = last {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| openrouter::Error::InvalidRequest(format!("not base64: {e}")))?;
        let path = std::env::temp_dir().join("openrouter-example.png");
        std::fs::write(&path, bytes)
            .map_err(|e| openrouter::Error::InvalidRequest(format!("cannot save: {e}")))?;
        println!("saved {}", path.display());
    }
    Ok(())
}
