//! Text to speech streamed into a file, then that file transcribed back to text.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, so it runs on a machine with no network.
//! `OPENROUTER_TTS_MODEL` and `OPENROUTER_STT_MODEL` choose the models.
//!
//! ```text
//! cargo run -p openrouter --example audio
//! OPENROUTER_API_KEY=sk-or-... cargo run -p openrouter --example audio
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use openrouter::types::audio::{SpeechRequest, TranscriptionOptions};
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
    let tts =
        std::env::var("OPENROUTER_TTS_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini-tts".into());
    let stt =
        std::env::var("OPENROUTER_STT_MODEL").unwrap_or_else(|_| "openai/whisper-large-v3".into());
    let path = std::env::temp_dir().join(format!("openrouter-example-{}.mp3", std::process::id()));

    // The audio goes straight to disk as it arrives; nothing is buffered in memory.
    let request = SpeechRequest::new(
        tts.as_str(),
        "OpenRouter routes one request to many models.",
    )
    .voice("alloy")
    .response_format("mp3");
    let file = tokio::fs::File::create(&path).await?;
    let written = client.audio().speech_to_writer(&request, file).await?;
    println!(
        "== speech ({tts}) ==\nwrote {written} bytes to {}",
        path.display()
    );

    let options = TranscriptionOptions::new(stt.as_str()).language("en");
    let transcription = client.audio().transcribe_file(&path, &options).await;
    let _ = std::fs::remove_file(&path);
    let transcription = transcription?;
    println!("\n== transcription ({stt}) ==\n{}", transcription.text);
    if let Some(usage) = &transcription.usage {
        println!(
            "[{} seconds of audio, cost ${}]",
            usage.seconds.map_or("?".to_owned(), |s| s.to_string()),
            usage
                .cost
                .map_or("unknown".to_owned(), |c| format!("{c:.6}"))
        );
    }
    Ok(())
}
