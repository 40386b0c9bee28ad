//! Account reporting with a management key: the credit balance, daily activity, what the
//! analytics API offers, a small analytics query, and the organization's members.
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it reads that account (it changes nothing). Without it,
//! it starts the embedded emulator and first runs two completions so there is usage to report.
//!
//! ```text
//! cargo run -p openrouter --example credits_analytics
//! OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... cargo run -p openrouter --example credits_analytics
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::analytics::{ActivityParams, AnalyticsQuery};
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
    // Keep the emulator alive for the whole run when we use it.
    let (client, _emulator) = match std::env::var("OPENROUTER_MANAGEMENT_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!(
                "OPENROUTER_MANAGEMENT_KEY is not set: using the embedded OpenRouter emulator at {}",
                emulator.base_url()
            );
            let client = Client::builder()
                .api_key(emulator.api_key())
                .management_key(emulator.management_key())
                .base_url(emulator.base_url())
                .build()?;
            for model in ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"] {
                let request = ChatRequest::new(model, [Message::user("Hello!")]);
                client.chat().create(&request).await?;
            }
            (client, Some(emulator))
        }
    };

    let credits = client.credits().get().await?;
    println!("== credits ==");
    println!(
        "bought ${:.2}, used ${:.4}, left ${:.4}",
        credits.total_credits,
        credits.total_usage,
        credits.remaining()
    );

    println!("\n== activity (last 30 days, per model endpoint and day) ==");
    for item in client
        .analytics()
        .activity(&ActivityParams::new())
        .await?
        .iter()
        .take(10)
    {
        println!(
            "{} {:<32} {:>4} requests  ${:.6}",
            item.date.as_deref().unwrap_or("?"),
            item.model.as_deref().unwrap_or("?"),
            item.requests.unwrap_or(0),
            item.usage.unwrap_or(0.0)
        );
    }

    let meta = client.analytics().meta().await?;
    let names = |v: Vec<Option<String>>| v.into_iter().flatten().collect::<Vec<_>>().join(", ");
    println!("\n== analytics offers ==");
    println!(
        "metrics:       {}",
        names(meta.metrics.into_iter().map(|m| m.name).collect())
    );
    println!(
        "dimensions:    {}",
        names(meta.dimensions.into_iter().map(|d| d.name).collect())
    );
    println!(
        "granularities: {}",
        names(meta.granularities.into_iter().map(|g| g.name).collect())
    );

    let query = AnalyticsQuery::new(["request_count", "total_cost"])
        .dimensions(["model"])
        .order_by("total_cost", "desc")
        .limit(5);
    let result = client.analytics().query(&query).await?;
    println!("\n== cost per model ({} rows) ==", result.data.len());
    for row in &result.data {
        println!("{}", serde_json::Value::Object(row.clone()));
    }

    println!("\n== organization members ==");
    let mut members = client.organization().list_members_all();
    while let Some(member) = members.next().await {
        let member = member?;
        let role = member.role.map_or("-".to_owned(), |r| r.to_string());
        println!("{:<32} {role}", member.email);
    }
    Ok(())
}
