//! Bring your own provider keys (BYOK) with a management key: create one, list them, restrict
//! it to some models, delete it.
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it only lists the BYOK keys of that account, unless
//! `OPENROUTER_EXAMPLE_MUTATE=1` (then it adds a disabled placeholder key and deletes it again).
//! Without it, it runs the whole cycle against the embedded emulator.
//!
//! ```text
//! cargo run -p openrouter --example byok
//! OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... cargo run -p openrouter --example byok
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::byok::{ByokListQuery, CreateByokKeyRequest, UpdateByokKeyRequest};
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
    let mut keys = client.byok().list_all(&ByokListQuery::new());
    let mut count = 0;
    while let Some(key) = keys.next().await {
        count += 1;
        let key = key?;
        let state = if key.disabled == Some(true) {
            "disabled"
        } else {
            "enabled"
        };
        println!(
            "{:<12} {:<30} {:<12} {state}",
            key.provider,
            key.name.as_deref().unwrap_or("-"),
            key.label
        );
    }
    if count == 0 {
        println!("(none)");
    }
    Ok(())
}

async fn run() -> openrouter::Result<()> {
    // Keep the emulator alive for the whole run when we use it.
    let (client, emulator) = match std::env::var("OPENROUTER_MANAGEMENT_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!(
                "OPENROUTER_MANAGEMENT_KEY is not set: using the embedded OpenRouter emulator at {}",
                emulator.base_url()
            );
            let client = Client::builder()
                .management_key(emulator.management_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let mutate =
        emulator.is_some() || std::env::var("OPENROUTER_EXAMPLE_MUTATE").as_deref() == Ok("1");
    if !mutate {
        println!("== BYOK keys of this account ==");
        list(&client).await?;
        println!("(set OPENROUTER_EXAMPLE_MUTATE=1 to also create, update and delete one)");
        return Ok(());
    }

    // Created disabled, so OpenRouter never routes a request through this placeholder.
    let request = CreateByokKeyRequest::new("openai", "sk-proj-example-placeholder-0000")
        .name("example key")
        .disabled(true);
    let created = client.byok().create(&request).await?;
    // Only a masked label of the secret ever comes back.
    println!(
        "created {} for {} (label {})",
        created.id, created.provider, created.label
    );

    let update = UpdateByokKeyRequest::new()
        .name("example key, mini models only")
        .allowed_models(["openai/gpt-4o-mini", "openai/gpt-4.1-mini"]);
    let updated = client.byok().update(&created.id, &update).await?;
    println!(
        "now allows {:?}",
        updated.allowed_models.unwrap_or_default()
    );

    println!("\n== BYOK keys ==");
    list(&client).await?;

    let deleted = client.byok().delete(&created.id).await?;
    println!("\ndeleted: {}", deleted.deleted);
    Ok(())
}
