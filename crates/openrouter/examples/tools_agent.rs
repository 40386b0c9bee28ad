//! An agent with two typed tools: it streams the model's reasoning, text, tool calls and
//! results, prints what the run cost, then saves the conversation and resumes it.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator and scripts the model's turns, so it runs on
//! a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --example tools_agent
//! OPENROUTER_API_KEY=sk-or-... OPENROUTER_MODEL=openai/gpt-4o-mini cargo run -p openrouter --example tools_agent
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::io::Write;
use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::agent::{Agent, AgentEvent, AgentRun};
use openrouter::tools::TypedTool;
use openrouter::types::chat::Message;
use openrouter::Client;
use openrouter_mock::{MockReply, MockServer, MockToolCall};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A city to look up.
#[derive(Deserialize, JsonSchema)]
struct CityArgs {
    /// The city name, e.g. "Lisbon".
    city: String,
}

#[derive(Serialize)]
struct Weather {
    city: String,
    celsius: i32,
    sky: &'static str,
}

/// A temperature to convert.
#[derive(Deserialize, JsonSchema)]
struct CelsiusArgs {
    /// Degrees Celsius.
    celsius: f64,
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
            script(&emulator);
            (client, Some(emulator))
        }
    };
    let model = std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".into());

    let weather = TypedTool::new(
        "get_weather",
        "The current weather in a city",
        |args: CityArgs| async move {
            // A stand-in for a real weather service.
            let (celsius, sky) = match args.city.to_lowercase().as_str() {
                "lisbon" => (21, "clear"),
                "oslo" => (4, "snow"),
                _ => (15, "cloudy"),
            };
            Ok::<_, String>(Weather {
                city: args.city,
                celsius,
                sky,
            })
        },
    );
    let fahrenheit = TypedTool::new(
        "to_fahrenheit",
        "Converts degrees Celsius to Fahrenheit",
        |args: CelsiusArgs| async move { Ok::<_, String>(args.celsius * 9.0 / 5.0 + 32.0) },
    );
    let agent = Agent::new(&client, model.as_str())
        .instructions("You answer weather questions with the tools, in one or two sentences.")
        .tool(weather)
        .tool(fahrenheit)
        .max_steps(6)
        .max_cost(0.05);

    println!("== {model}: streamed agent run ==");
    let mut events = agent.run_stream([Message::user(
        "What's the weather in Lisbon and in Oslo, in Fahrenheit?",
    )]);
    let mut run = None;
    // What the current output line is streaming, so each kind starts on its own line.
    let mut line = Line::None;
    while let Some(event) = events.next().await {
        match event? {
            AgentEvent::ReasoningDelta(text) => {
                line.switch(Line::Reasoning, "(thinking) ");
                print!("{text}");
            }
            AgentEvent::TextDelta(text) => {
                line.switch(Line::Text, "");
                print!("{text}");
            }
            AgentEvent::ToolCall(call) => {
                line.switch(Line::None, "");
                println!("-> {}({})", call.function.name, call.function.arguments);
            }
            AgentEvent::ToolResult { call, result } => {
                println!(
                    "<- {} [{:?}]: {}",
                    call.function.name, result.status, result.content
                );
            }
            AgentEvent::StepFinished(step) => {
                line.switch(Line::None, "");
                let tokens = step.usage.as_ref().map_or(0, |u| u.total_tokens);
                println!("[step done: {tokens} tokens]");
            }
            AgentEvent::Finished(finished) => run = Some(*finished),
            _ => {}
        }
        let _ = std::io::stdout().flush();
    }
    let Some(run) = run else {
        return Ok(());
    };
    report(&run);

    // Save the conversation, then continue it later.
    let saved = serde_json::to_string(&run).map_err(|e| {
        openrouter::Error::InvalidRequest(format!("the run could not be saved: {e}"))
    })?;
    println!(
        "\n== saved the run ({} bytes of JSON); resuming ==",
        saved.len()
    );
    let restored: AgentRun = serde_json::from_str(&saved).map_err(|e| {
        openrouter::Error::InvalidRequest(format!("the run could not be restored: {e}"))
    })?;
    let run = agent
        .resume(restored, [Message::user("Which of the two is warmer?")])
        .await?;
    println!("{}", run.text().unwrap_or_default());
    report(&run);
    drop(emulator);
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Line {
    None,
    Reasoning,
    Text,
}

impl Line {
    /// Ends the current line when the output switches to another kind, and prints `prefix`
    /// when a streamed kind starts.
    fn switch(&mut self, to: Line, prefix: &str) {
        if *self == to {
            return;
        }
        if *self != Line::None {
            println!();
        }
        print!("{prefix}");
        *self = to;
    }
}

fn report(run: &AgentRun) {
    println!(
        "[stopped: {:?}; {} steps, {} messages; {} prompt + {} completion tokens; cost ${:.6}]",
        run.stop_reason,
        run.steps.len(),
        run.messages.len(),
        run.usage.prompt_tokens,
        run.usage.completion_tokens,
        run.cost()
    );
}

/// What the emulated model does on each turn: think, call the weather tool for both cities
/// at once, convert both temperatures, answer; then answer the follow-up.
fn script(emulator: &MockServer) {
    emulator.push_reply(
        MockReply::tool_calls([
            MockToolCall::new("get_weather", r#"{"city":"Lisbon"}"#),
            MockToolCall::new("get_weather", r#"{"city":"Oslo"}"#),
        ])
        .with_reasoning("I need the weather in both cities; I can ask for both at once."),
    );
    emulator.push_reply(MockReply::tool_calls([
        MockToolCall::new("to_fahrenheit", r#"{"celsius":21}"#),
        MockToolCall::new("to_fahrenheit", r#"{"celsius":4}"#),
    ]));
    emulator.push_reply(MockReply::text(
        "Lisbon is clear at 69.8°F; Oslo has snow at 39.2°F.",
    ));
    emulator.push_reply(MockReply::text("Lisbon is warmer, by about 30°F."));
}
