//! The Responses API: a plain response, a streamed one, and a function-call round trip
//! (the API is stateless, so the whole conversation is sent again each turn).
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator, so it runs on a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example responses
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::io::Write;
use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::stream::ResponsesAccumulator;
use openrouter::types::responses::{ResponsesInputItem, ResponsesRequest, ResponsesTool};
use openrouter::Client;
use openrouter_mock::MockServer;
use serde_json::json;

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

    // 1. A plain response.
    let request = ResponsesRequest::new(model.as_str(), "Name one river in Europe.")
        .instructions("Answer in one sentence.")
        .max_output_tokens(100);
    let result = client.responses().create(&request).await?;
    println!("{}", result.output_text());
    if let Some(usage) = &result.usage {
        println!(
            "[{} in / {} out tokens, cost {:?}]",
            usage.input_tokens,
            usage.output_tokens,
            usage.cost_f64()
        );
    }

    // 2. Streamed: print text deltas as they arrive, and fold the events.
    let mut stream = client.responses().stream(&request).await?;
    let mut accumulator = ResponsesAccumulator::new();
    while let Some(event) = stream.next().await {
        let event = event?;
        if let Some(delta) = event.text_delta() {
            print!("{delta}");
            let _ = std::io::stdout().flush();
        }
        accumulator.push(&event);
    }
    println!();
    println!("[status {:?}]", accumulator.finish().status);

    // 3. A function call, answered with its output in the next (complete) request.
    let weather = ResponsesTool::function(
        "get_weather",
        "Current weather for a city",
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
    );
    let ask = ResponsesRequest::new(model.as_str(), "What is the weather in Lyon?").tool(weather);
    let first = client.responses().create(&ask).await?;
    let Some(call) = first.function_calls().next().cloned() else {
        println!(
            "the model answered without calling the tool: {}",
            first.output_text()
        );
        return Ok(());
    };
    println!("model calls {}({})", call.name, call.arguments);
    let mut follow_up = ask;
    for item in first.output {
        follow_up = follow_up.item(item.into_input());
    }
    let follow_up = follow_up.item(ResponsesInputItem::function_call_output(
        call.call_id,
        r#"{"temperature_c": 18, "sky": "clear"}"#,
    ));
    let answer = client.responses().create(&follow_up).await?;
    println!("{}", answer.output_text());
    Ok(())
}
