//! Browse the catalogue: filter server-side and locally, look at a model's providers, and
//! price a request exactly from the catalogue's decimal prices.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator.
//!
//! ```text
//! cargo run -p openrouter --example models
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use openrouter::types::models::{ModelFilter, ModelParameter, ModelSort, ModelsQuery, Usd};
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

    // Server-side: tool-calling models that read images, cheapest first.
    let query = ModelsQuery::new()
        .supported_parameters(["tools"])
        .input_modalities(["image"])
        .sort(ModelSort::PricingLowToHigh)
        .limit(5);
    let cheap = client.models().list_with(&query).await?;
    println!("Cheapest tool-calling vision models:");
    for model in &cheap.data {
        let prompt = model.pricing.as_ref().and_then(|p| p.prompt.as_ref());
        println!(
            "  {:<45} {} USD/token",
            model.id,
            prompt.map_or("?", |p| p.as_str())
        );
    }

    // Locally: a long context and a price cap, on the whole catalogue.
    let all = client.models().list().await?;
    let filter = ModelFilter::new()
        .supports(ModelParameter::Reasoning)
        .min_context_length(200_000)
        .max_completion_price(Usd::parse("0.000005").unwrap_or(Usd::ZERO));
    let picks: Vec<&str> = all.filter(&filter).map(|m| m.id.as_str()).collect();
    println!("\nReasoning models with 200K+ context under $5/M output: {picks:?}");

    // Exact price of a request: 120,000 prompt tokens and 4,000 completion tokens.
    let model = client.models().get("openai/gpt-4o").await?;
    if let Some(cost) = model.pricing.as_ref().and_then(|p| p.cost(120_000, 4_000)) {
        println!(
            "\n{}: 120K in + 4K out costs exactly ${cost} (~{:.4} as f64)",
            model.id,
            cost.to_f64()
        );
    }

    // Who serves it, and how well.
    let endpoints = client.endpoints().list("openai/gpt-4o").await?;
    for endpoint in &endpoints.endpoints {
        println!(
            "  {:<16} uptime {:>6}%  p50 latency {:?}s",
            endpoint.provider_name.as_deref().unwrap_or("?"),
            endpoint.uptime_last_30m.unwrap_or(0.0),
            endpoint.latency_last_30m.as_ref().and_then(|l| l.p50),
        );
    }
    Ok(())
}
