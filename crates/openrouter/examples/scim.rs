//! SCIM groups pushed by your identity provider, and the mappings that give a group's members
//! a role in a workspace (management key).
//!
//! With `OPENROUTER_MANAGEMENT_KEY` set it only lists the groups and mappings of that
//! organization: a mapping grants people access, so this example never changes one on a real
//! account. Without it, it also maps a group to a workspace and removes the mapping again,
//! against the embedded emulator.
//!
//! ```text
//! cargo run -p openrouter --example scim
//! OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... cargo run -p openrouter --example scim
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::pagination::PageParams;
use openrouter::types::scim::{CreateScimGroupMappingRequest, ScimRole};
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

async fn list_mappings(client: &Client) -> openrouter::Result<()> {
    let mut mappings = client.scim().list_mappings_all().page_size(50);
    let mut count = 0;
    while let Some(mapping) = mappings.next().await {
        count += 1;
        let m = mapping?;
        let role = m.role.map_or("-".to_owned(), |r| r.to_string());
        println!(
            "{}  group {} -> workspace {} as {role}",
            m.id, m.scim_group_id, m.workspace_id
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

    println!("== SCIM groups ==");
    let groups = client.scim().list_groups(PageParams::default()).await?;
    for g in &groups.data {
        println!("{}  {}", g.id, g.display_name);
    }
    println!("\n== group mappings ==");
    list_mappings(&client).await?;

    // A mapping grants people access: only change mappings on the emulator.
    if emulator.is_none() {
        return Ok(());
    }
    let workspaces = client.workspaces().list(PageParams::default()).await?;
    let (Some(group), Some(workspace)) = (groups.data.first(), workspaces.data.first()) else {
        return Ok(());
    };
    let request = CreateScimGroupMappingRequest::new(&group.id, &workspace.id, ScimRole::Member);
    let mapping = client.scim().create_mapping(&request).await?;
    println!(
        "\nmapped {} to {} as member: {}",
        group.display_name, workspace.name, mapping.id
    );
    list_mappings(&client).await?;

    // `keep_members` is required: true leaves the people this mapping added in the workspace.
    let deleted = client.scim().delete_mapping(&mapping.id, false).await?;
    println!("\ndeleted: {}", deleted.deleted);
    Ok(())
}
