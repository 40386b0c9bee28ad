//! Managing API keys with a management key: create one, list the keys, delete it.
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it only lists the keys of that account (it changes
//! nothing on a real account). Without it, it runs the whole cycle against the embedded
//! emulator.
//!
//! ```text
//! cargo run -p openrouter --example keys
//! OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... cargo run -p openrouter --example keys
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::keys::{CreateKeyRequest, KeyListParams};
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

async fn list(client: &Client) -> openrouter::Result<()> {
    let mut keys = client.keys().list_all(&KeyListParams::new());
    while let Some(key) = keys.next().await {
        let key = key?;
        println!(
            "{}  {:<24} usage ${:.4}  limit {}",
            key.label,
            key.name,
            key.usage.unwrap_or(0.0),
            key.limit.map_or("none".to_owned(), |l| format!("${l:.2}")),
        );
    }
    Ok(())
}

async fn run() -> openrouter::Result<()> {
    if let Ok(key) = std::env::var("OPENROUTER_MANAGEMENT_KEY") {
        if !key.trim().is_empty() {
            let client = Client::from_env()?;
            println!("== keys of this account ==");
            return list(&client).await;
        }
    }
    let emulator = MockServer::start().await;
    eprintln!(
        "OPENROUTER_MANAGEMENT_KEY is not set: using the embedded OpenRouter emulator at {}",
        emulator.base_url()
    );
    let client = Client::builder()
        .management_key(emulator.management_key())
        .base_url(emulator.base_url())
        .build()?;

    let created = client
        .keys()
        .create(
            &CreateKeyRequest::new("example key")
                .limit(5.0)
                .limit_reset("monthly"),
        )
        .await?;
    // The secret is shown once; `Debug` leaves it out, so this is safe to log.
    println!("created {created:?}");
    println!(
        "store the secret now: it starts with {}",
        &created.key[..12]
    );

    println!("== keys ==");
    list(&client).await?;

    let deleted = client.keys().delete(&created.data.hash).await?;
    println!("deleted: {}", deleted.deleted);
    Ok(())
}
