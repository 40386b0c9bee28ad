//! Guardrails: create one with a budget and filters, assign a key to it, list, clean up.
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it only lists the account's guardrails (it changes
//! nothing on a real account). Without it, it runs the whole cycle against the embedded
//! emulator.
//!
//! ```text
//! cargo run -p openrouter --example guardrails
//! OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... cargo run -p openrouter --example guardrails
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::guardrails::{
    ContentFilterBuiltin, CreateGuardrailRequest, GuardrailListParams,
};
use openrouter::types::keys::CreateKeyRequest;
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
    let mut guardrails = client.guardrails().list_all(&GuardrailListParams::new());
    while let Some(guardrail) = guardrails.next().await {
        let guardrail = guardrail?;
        println!(
            "{}  {:<20} limit {}",
            guardrail.id,
            guardrail.name,
            guardrail
                .limit_usd
                .map_or("none".to_owned(), |l| format!("${l:.2}")),
        );
    }
    Ok(())
}

async fn run() -> openrouter::Result<()> {
    if let Ok(key) = std::env::var("OPENROUTER_MANAGEMENT_KEY") {
        if !key.trim().is_empty() {
            let client = Client::from_env()?;
            println!("== guardrails of this account ==");
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

    let guardrail = client
        .guardrails()
        .create(
            &CreateGuardrailRequest::new("team budget")
                .limit_usd(25.0)
                .reset_interval("monthly")
                .allowed_providers(["openai", "anthropic"])
                .content_filter_builtin(ContentFilterBuiltin::new("email", "redact")),
        )
        .await?;
    println!("created guardrail {} ({})", guardrail.name, guardrail.id);

    let key = client
        .keys()
        .create(&CreateKeyRequest::new("team key"))
        .await?;
    let assigned = client
        .guardrails()
        .assign_keys(&guardrail.id, [&key.data.hash])
        .await?;
    println!("assigned {} key(s)", assigned.assigned_count);

    let mut assignments = client
        .guardrails()
        .list_guardrail_key_assignments_all(&guardrail.id);
    while let Some(assignment) = assignments.next().await {
        let assignment = assignment?;
        println!(
            "  key {} -> guardrail {}",
            assignment.key_label.unwrap_or_default(),
            assignment.guardrail_id
        );
    }

    println!("== guardrails ==");
    list(&client).await?;

    client.guardrails().delete(&guardrail.id).await?;
    client.keys().delete(&key.data.hash).await?;
    println!("cleaned up");
    Ok(())
}
