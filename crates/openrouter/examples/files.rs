//! Uploads a small temp file, lists the workspace's files page by page, reads the
//! metadata back and deletes the file.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, so it runs on a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example files
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::TryStreamExt;
use openrouter::types::files::UploadOptions;
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

    let path = std::env::temp_dir().join(format!("openrouter-example-{}.md", std::process::id()));
    std::fs::write(&path, "# Notes\n\n- uploaded by the files example\n").map_err(|e| {
        openrouter::Error::InvalidRequest(format!("cannot write {}: {e}", path.display()))
    })?;

    // Streamed from disk: a 100 MB file uses no more memory than this one.
    let file = client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await?;
    println!(
        "uploaded {} as {} ({}, {:?} bytes)",
        file.filename,
        file.id,
        file.mime_type.as_deref().unwrap_or("?"),
        file.size_bytes
    );

    let all: Vec<_> = client.files().list_all().try_collect().await?;
    println!("{} file(s) in the workspace", all.len());
    for f in &all {
        println!("  {} {}", f.id, f.filename);
    }

    let meta = client.files().get(&file.id).await?;
    println!("downloadable: {:?}", meta.downloadable);

    let deleted = client.files().delete(&file.id).await?;
    println!("deleted {}", deleted.id);
    std::fs::remove_file(&path).ok();
    Ok(())
}
