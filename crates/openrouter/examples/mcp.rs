//! An agent that uses the tools of an MCP server. The server runs in this process (a small
//! unit-conversion server written with `rmcp`, connected over an in-memory pipe); a real one
//! would be a child process or an HTTP endpoint, connected with the `rmcp` transport it needs.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator and scripts the model's turns, so it runs on
//! a machine with no network.
//!
//! ```text
//! cargo run -p openrouter --features mcp --example mcp
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;
use std::sync::Arc;

use openrouter::agent::Agent;
use openrouter::mcp::rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ErrorData, JsonObject,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use openrouter::mcp::rmcp::service::RequestContext;
use openrouter::mcp::rmcp::{RoleServer, ServerHandler, ServiceExt};
use openrouter::mcp::McpTools;
use openrouter::types::chat::Message;
use openrouter::Client;
use openrouter_mock::{MockReply, MockServer, MockToolCall};
use serde_json::{json, Value};

/// An MCP server with one tool: `convert_length`, between metres, feet and miles.
#[derive(Clone)]
struct Units;

fn convert_length_tool() -> Tool {
    let schema = json!({
        "type": "object",
        "properties": {
            "value": {"type": "number", "description": "The length to convert."},
            "from": {"type": "string", "enum": ["m", "ft", "mi"]},
            "to": {"type": "string", "enum": ["m", "ft", "mi"]}
        },
        "required": ["value", "from", "to"],
        "additionalProperties": false
    });
    let Value::Object(schema) = schema else {
        unreachable!("a JSON object literal")
    };
    Tool::new(
        "convert_length",
        "Converts a length between metres (m), feet (ft) and miles (mi).",
        Arc::new(schema),
    )
}

fn metres_per(unit: &str) -> Option<f64> {
    match unit {
        "m" => Some(1.0),
        "ft" => Some(0.3048),
        "mi" => Some(1609.344),
        _ => None,
    }
}

fn convert(arguments: Option<JsonObject>) -> Result<CallToolResult, ErrorData> {
    let arguments = Value::Object(arguments.unwrap_or_default());
    let value = arguments["value"].as_f64();
    let from = arguments["from"].as_str().and_then(metres_per);
    let to = arguments["to"].as_str().and_then(metres_per);
    let (Some(value), Some(from), Some(to)) = (value, from, to) else {
        // A failure the model can read and correct, not a protocol error.
        return Ok(CallToolResult::error(vec![ContentBlock::text(
            "give `value` as a number and `from`/`to` as one of m, ft, mi",
        )]));
    };
    let converted = value * from / to;
    Ok(CallToolResult::success(vec![ContentBlock::text(format!(
        "{converted:.3}"
    ))]))
}

impl ServerHandler for Units {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(vec![convert_length_tool()]))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        match request.name.as_ref() {
            "convert_length" => convert(request.arguments).map(Into::into),
            other => Err(ErrorData::invalid_params(
                format!("no tool named {other}"),
                None,
            )),
        }
    }
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

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    // The MCP server and an rmcp client connected to it; the client must keep running for as
    // long as its tools are used.
    let (server_io, client_io) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        if let Ok(server) = Units.serve(server_io).await {
            let _ = server.waiting().await;
        }
    });
    let mcp_client = ().serve(client_io).await?;
    let tools = McpTools::load(&mcp_client).await?;
    for tool in tools.iter() {
        println!("MCP tool: {} ({})", tool.name(), tool.mcp_name());
    }

    // Keep the emulator alive for the whole run when we use it.
    let (client, _emulator) = match std::env::var("OPENROUTER_API_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!(
                "OPENROUTER_API_KEY is not set: using the embedded OpenRouter emulator at {}",
                emulator.base_url()
            );
            // The model's turns: one tool call, then the answer.
            emulator.push_reply(MockReply::tool_calls([MockToolCall::new(
                "convert_length",
                r#"{"value": 8848.86, "from": "m", "to": "ft"}"#,
            )]));
            emulator.push_reply(MockReply::text("Mount Everest is about 29,032 feet tall."));
            let client = Client::builder()
                .api_key(emulator.api_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let model = std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".into());

    let agent = Agent::new(&client, model.as_str())
        .instructions("Use the tools for unit conversions. Answer in one sentence.")
        .tools(&tools.toolbox()?)
        .max_steps(4);
    let run = agent
        .run([Message::user(
            "Mount Everest is 8,848.86 m tall. How many feet is that?",
        )])
        .await?;

    for step in &run.steps {
        for (call, result) in step.tool_calls.iter().zip(&step.tool_results) {
            println!(
                "{}({}) -> [{:?}] {}",
                call.function.name, call.function.arguments, result.status, result.content
            );
        }
    }
    println!("{}", run.text().unwrap_or_default());
    println!(
        "[stopped: {:?}; {} steps; cost ${:.6}]",
        run.stop_reason,
        run.steps.len(),
        run.cost()
    );
    mcp_client.cancel().await?;
    Ok(())
}
