//! The Anthropic Messages format through OpenRouter: a tool call answered and sent back,
//! then a streamed answer with thinking, folded into the final message.
//!
//! With `OPENROUTER_API_KEY` set it talks to the real API; without it, to the embedded
//! emulator.
//!
//! ```text
//! cargo run -p openrouter --example messages
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::io::Write;
use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::messages::{
    ContentBlock, ContentDelta, MessageParam, MessagesRequest, MessagesStreamEvent, MessagesTool,
    ThinkingConfig,
};
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
    let (client, _emulator) = match std::env::var("OPENROUTER_API_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!("OPENROUTER_API_KEY is not set: using the embedded emulator");
            let client = Client::builder()
                .api_key(emulator.api_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let model = "anthropic/claude-sonnet-4";

    // 1. A tool call, answered and sent back.
    let weather = MessagesTool::new(
        "get_weather",
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
    )
    .description("Current weather for a city");
    let request = MessagesRequest::new(model, [MessageParam::user("What's the weather in Oslo?")])
        .max_tokens(512)
        .tool(weather);
    let answer = client.messages().create(&request).await?;
    let mut follow_up = request.clone().message(answer.to_message());
    let results: Vec<ContentBlock> = answer
        .tool_uses()
        .map(|call| {
            println!("tool call {} {}", call.name, call.input);
            ContentBlock::tool_result(call.id.clone(), "Light snow, -3C")
        })
        .collect();
    if !results.is_empty() {
        follow_up = follow_up.message(MessageParam::user(results));
        let answer = client.messages().create(&follow_up).await?;
        println!("answer: {}", answer.text().unwrap_or_default());
    }

    // 2. A streamed answer with thinking.
    let request = MessagesRequest::new(model, [MessageParam::user("Why is the sky blue?")])
        .max_tokens(2048)
        .thinking(ThinkingConfig::enabled(1024));
    let mut stream = client.messages().stream(&request).await?;
    let mut accumulator = openrouter::stream::MessagesAccumulator::new();
    while let Some(event) = stream.next().await {
        let event = event?;
        if let MessagesStreamEvent::ContentBlockDelta(delta) = &event {
            if let ContentDelta::TextDelta(text) = &delta.delta {
                print!("{}", text.text);
                let _ = std::io::stdout().flush();
            }
        }
        accumulator.push(&event);
    }
    println!();
    let message = accumulator.finish();
    println!(
        "thinking: {} chars, stop: {:?}, tokens in/out: {:?}/{:?}, pings: {}",
        message.thinking().unwrap_or_default().len(),
        message.stop_reason,
        message.usage.input_tokens,
        message.usage.output_tokens,
        stream.keep_alives(),
    );
    Ok(())
}
