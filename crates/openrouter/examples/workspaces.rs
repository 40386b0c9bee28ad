//! Workspaces with budgets and members, plus a BYOK key scoped to the workspace.
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real
//! API) and changes your account. Without it, it starts the embedded emulator.
//!
//! ```text
//! cargo run -p openrouter --example workspaces
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::byok::CreateByokKeyRequest;
use openrouter::types::workspaces::{
    BudgetInterval, CreateWorkspaceRequest, SetWorkspaceBudgetRequest, WorkspaceMembersRequest,
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

async fn run() -> openrouter::Result<()> {
    let (client, _emulator) = match std::env::var("OPENROUTER_MANAGEMENT_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!(
                "OPENROUTER_MANAGEMENT_KEY is not set: using the embedded emulator at {}",
                emulator.base_url()
            );
            let client = Client::builder()
                .management_key(emulator.management_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let workspaces = client.workspaces();
    let ws = workspaces
        .create(
            &CreateWorkspaceRequest::new("Example team", "example-team")
                .description("Created by the workspaces example"),
        )
        .await?;
    println!("created workspace {} ({})", ws.slug, ws.id);

    // Limits must shrink as the interval narrows: lifetime > monthly > weekly > daily.
    for (interval, limit) in [
        (BudgetInterval::Lifetime, 1000.0),
        (BudgetInterval::Monthly, 200.0),
        (BudgetInterval::Daily, 20.0),
    ] {
        workspaces
            .set_budget(&ws.id, interval, &SetWorkspaceBudgetRequest::new(limit))
            .await?;
    }
    if let Err(error) = workspaces
        .set_budget(
            &ws.id,
            BudgetInterval::Weekly,
            &SetWorkspaceBudgetRequest::new(500.0),
        )
        .await
    {
        println!("a weekly budget above the monthly one is refused: {error}");
    }
    for budget in workspaces.list_budgets(&ws.id).await?.data {
        println!(
            "budget {:>8}: ${}",
            budget.interval().as_str(),
            budget.limit_usd
        );
    }

    workspaces
        .add_members(
            &ws.id,
            &WorkspaceMembersRequest::new(["user_abc123", "user_def456"]),
        )
        .await?;
    let mut members = workspaces.list_members_all(&ws.id).page_size(50);
    while let Some(member) = members.next().await {
        println!("member {}", member?.user_id);
    }

    let key = client
        .byok()
        .create(
            &CreateByokKeyRequest::new("openai", "sk-proj-example-not-a-real-key-1234")
                .name("Example key")
                .workspace_id(&ws.id),
        )
        .await?;
    println!("stored provider key {} (shown as {})", key.id, key.label);
    client.byok().delete(&key.id).await?;

    workspaces.delete(&ws.id).await?;
    println!("deleted workspace {}", ws.slug);
    Ok(())
}
