//! The public catalogue: a model's endpoints, zero-data-retention endpoints, providers, app
//! rankings, benchmark scores and what people use models for.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API); it
//! only reads. Without a key it starts the embedded emulator, so it runs with no network.
//!
//! ```text
//! cargo run -p openrouter --example catalogue
//! OPENROUTER_API_KEY=sk-or-... OPENROUTER_MODEL=openai/gpt-4o-mini cargo run -p openrouter --example catalogue
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use openrouter::types::benchmarks::BenchmarksQuery;
use openrouter::types::datasets::AppRankingsQuery;
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

    // Endpoints, ZDR endpoints and providers need no key at all.
    println!("== endpoints of {model} ==");
    for e in client.endpoints().list(&model).await?.endpoints {
        let pricing = e.pricing.unwrap_or_default();
        let prompt = pricing.prompt.map_or("?".to_owned(), |p| p.0);
        let completion = pricing.completion.map_or("?".to_owned(), |p| p.0);
        let provider = e.provider_name.unwrap_or(e.name);
        println!(
            "{provider:<20} context {:>7}  $/token: prompt {prompt} completion {completion}",
            e.context_length.unwrap_or(0)
        );
    }

    let zdr = client.endpoints().list_zdr().await?;
    println!(
        "\n== zero data retention: {} endpoints, first 3 ==",
        zdr.len()
    );
    zdr.iter().take(3).for_each(|e| println!("{}", e.name));

    let providers = client.providers().list().await?;
    println!("\n== providers: {}, first 5 ==", providers.len());
    for p in providers.iter().take(5) {
        println!(
            "{:<16} {}",
            p.slug,
            p.headquarters.as_deref().unwrap_or("-")
        );
    }

    // Datasets, benchmarks and classifications need an API key.
    let rankings = client
        .datasets()
        .app_rankings(&AppRankingsQuery::new().limit(5))
        .await?;
    println!("\n== top apps ==");
    for app in &rankings.data {
        println!(
            "#{:<3} {:<24} {} tokens",
            app.rank, app.app_name, app.total_tokens
        );
    }

    let query = BenchmarksQuery::new().task_type("coding").max_results(5);
    println!("\n== coding benchmarks ==");
    for b in client.benchmarks().list(&query).await?.data {
        let score = b.coding_index.or(b.primary_score).unwrap_or(f64::NAN);
        println!("{:<40} {:<20} {score:.1}", b.model_permaslug, b.source);
    }

    let tasks = client.classifications().tasks(None).await?;
    println!(
        "\n== what requests are about (last {} days) ==",
        tasks.window_days
    );
    for c in tasks.classifications.iter().take(5) {
        println!(
            "{:<24} {:>5.1}% of requests",
            c.display_name,
            c.usage_share * 100.0
        );
    }
    Ok(())
}
