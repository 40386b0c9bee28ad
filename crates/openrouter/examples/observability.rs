//! Observability destinations (where OpenRouter broadcasts traces) with a management key:
//! create a webhook destination, list them, change its sampling, delete it.
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it only lists the destinations of that account, unless
//! `OPENROUTER_EXAMPLE_MUTATE=1` (then it adds a disabled webhook destination and deletes it
//! again). Without it, it runs the whole cycle against the embedded emulator.
//!
//! ```text
//! cargo run -p openrouter --example observability
//! OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... cargo run -p openrouter --example observability
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::observability::{
    CreateDestinationRequest, DestinationListQuery, DestinationType, UpdateDestinationRequest,
};
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
    let mut destinations = client
        .observability()
        .list_all(&DestinationListQuery::new())
        .page_size(50);
    let mut count = 0;
    while let Some(destination) = destinations.next().await {
        count += 1;
        let d = destination?;
        let kind = d.kind.map_or("?".to_owned(), |k| k.to_string());
        let enabled = if d.enabled == Some(true) {
            "enabled"
        } else {
            "disabled"
        };
        println!(
            "{:<10} {:<28} {enabled:<9} sampling {}",
            kind,
            d.name.as_deref().unwrap_or("-"),
            d.sampling_rate.unwrap_or(1.0)
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
        println!("== observability destinations of this account ==");
        list(&client).await?;
        println!("(set OPENROUTER_EXAMPLE_MUTATE=1 to also create, update and delete one)");
        return Ok(());
    }

    // Each destination type has its own config fields; a webhook needs only a URL.
    let mut config = serde_json::Map::new();
    config.insert("url".into(), "https://example.com/openrouter-traces".into());
    let request =
        CreateDestinationRequest::new(DestinationType::Webhook, "example webhook", config)
            .enabled(false)
            .privacy_mode(true);
    let created = client.observability().create(&request).await?;
    println!(
        "created {} ({})",
        created.id,
        created.name.as_deref().unwrap_or("-")
    );

    let update = UpdateDestinationRequest::new()
        .sampling_rate(0.25)
        .name("example webhook, 25%");
    let updated = client.observability().update(&created.id, &update).await?;
    println!("sampling rate now {}", updated.sampling_rate.unwrap_or(1.0));

    println!("\n== observability destinations ==");
    list(&client).await?;

    let deleted = client.observability().delete(&created.id).await?;
    println!("\ndeleted: {}", deleted.deleted);
    Ok(())
}
