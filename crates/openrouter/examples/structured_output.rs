//! Typed answers: a Rust type's JSON Schema goes out as `response_format`, the answer comes
//! back as that type. Plain, streamed, on the Responses API, and what a bad answer looks like.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, which answers with JSON that fits the schema.
//!
//! ```text
//! cargo run -p openrouter --example structured_output
//! OPENROUTER_API_KEY=sk-or-... OPENROUTER_MODEL=openai/gpt-4o-mini cargo run -p openrouter --example structured_output
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::io::Write;
use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::schema::schemars::{self, JsonSchema};
use openrouter::structured::ParsedEvent;
use openrouter::types::chat::{ChatRequest, Message};
use openrouter::types::responses::ResponsesRequest;
use openrouter::{Client, Error};
use openrouter_mock::{CannedOutput, MockServer};
use serde::Deserialize;

/// A city worth a visit.
#[derive(Debug, Deserialize, JsonSchema)]
struct City {
    /// The city's name, in English.
    name: String,
    country: String,
    /// Inhabitants, when known.
    population: Option<u64>,
    /// Two or three things to see.
    highlights: Vec<String>,
    best_season: Season,
}

#[derive(Debug, Deserialize, JsonSchema)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

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
    let (client, emulator) = match std::env::var("OPENROUTER_API_KEY") {
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
    let request = ChatRequest::new(
        model.as_str(),
        [Message::user("Suggest one city in Portugal to visit.")],
    )
    .max_tokens(400);

    println!("== {model}: chat().parse::<City>() ==");
    let parsed = client.chat().parse::<City>(&request).await?;
    println!("{:#?}", parsed.value);
    println!("[cost ${:.6}]", parsed.response.cost().unwrap_or_default());

    println!("\n== streamed: text as it arrives, then the value ==");
    let mut stream = client.chat().parse_stream::<City>(&request).await?;
    let mut stdout = std::io::stdout();
    while let Some(event) = stream.next().await {
        match event? {
            ParsedEvent::Text(piece) => {
                print!("{piece}");
                let _ = stdout.flush();
            }
            ParsedEvent::Done(parsed) => {
                println!("\n-> {} ({})", parsed.value.name, parsed.value.country)
            }
            _ => {}
        }
    }

    println!("\n== Responses API: responses().parse::<City>() ==");
    let request = ResponsesRequest::new(model.as_str(), "Suggest one city in Japan to visit.")
        .max_output_tokens(400);
    let parsed = client.responses().parse::<City>(&request).await?;
    let city = &parsed.value;
    println!(
        "{} ({}, population {}), best in {:?}: {}",
        city.name,
        city.country,
        city.population
            .map_or_else(|| "unknown".to_owned(), |p| p.to_string()),
        city.best_season,
        city.highlights.join(", ")
    );

    // What a bad answer looks like. The emulator can be told to answer JSON of another
    // shape; a real model that supports structured outputs will not do that.
    if let Some(emulator) = &emulator {
        println!("\n== an answer that is not a City ==");
        emulator.push_canned_output(CannedOutput::text(r#"{"name": "Porto", "country": 351}"#));
        match client
            .chat()
            .parse::<City>(&ChatRequest::new(model.as_str(), [Message::user("A city")]))
            .await
        {
            Err(Error::Structured(error)) => {
                println!("{error}");
                println!("path: {:?}, raw text kept: {}", error.path(), error.raw);
            }
            other => println!("unexpected: {other:?}"),
        }
    }
    Ok(())
}
