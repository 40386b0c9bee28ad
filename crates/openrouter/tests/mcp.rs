//! MCP tools against an in-process MCP server: listing, conversion, calls, failures, prefixes,
//! and one tool-calling round trip through the emulator.
#![cfg(feature = "mcp")]

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use openrouter::mcp::rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ErrorData, JsonObject,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
    ToolAnnotations,
};
use openrouter::mcp::rmcp::service::{RequestContext, RunningService};
use openrouter::mcp::rmcp::{RoleClient, RoleServer, ServerHandler, ServiceExt};
use openrouter::mcp::{McpErrorKind, McpTools};
use openrouter::types::chat::{ChatRequest, Message, ToolChoice};
use openrouter_mock::MockServer;
use serde::Deserialize;
use serde_json::{json, Value};

/// How many tools one `tools/list` page holds, so that listing takes several pages.
const PAGE: usize = 2;

/// What the server saw.
#[derive(Default)]
struct Seen {
    list_requests: usize,
    calls: Vec<(String, Option<JsonObject>)>,
    cancelled: Vec<String>,
}

/// An MCP server with a few tools: arithmetic, a tool that reports failure, one that errors
/// at the protocol level, one with structured output, one with a dotted name and one that
/// waits until it is cancelled.
#[derive(Clone, Default)]
struct TestServer {
    seen: Arc<Mutex<Seen>>,
}

fn object(value: Value) -> JsonObject {
    match value {
        Value::Object(object) => object,
        other => panic!("not an object: {other}"),
    }
}

fn add_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "a": {"type": "number", "minimum": 2, "description": "The first number."},
            "b": {"type": "number"}
        },
        "required": ["a", "b"],
        "additionalProperties": false
    })
}

fn server_tools() -> Vec<Tool> {
    let add = Tool::new("add", "Adds two numbers.", Arc::new(object(add_schema())));
    let fail = Tool::new(
        "fail",
        "Always reports a failure.",
        Arc::new(object(json!({"type": "object"}))),
    );
    let mut crash = Tool::new_with_raw("crash", None, Arc::new(JsonObject::new()));
    crash.title = Some("Crash the server".to_owned());
    let mut stats = Tool::new(
        "stats",
        "Count and mean of some numbers.",
        Arc::new(object(json!({
            "type": "object",
            "properties": {"values": {"type": "array", "items": {"type": "number"}}}
        }))),
    );
    stats.output_schema = Some(Arc::new(object(json!({
        "type": "object",
        "properties": {"count": {"type": "integer"}, "mean": {"type": "number"}}
    }))));
    stats.annotations = Some(ToolAnnotations::new().read_only(true));
    let read = Tool::new(
        "files.read",
        "Reads a file.",
        Arc::new(object(json!({
            "type": "object",
            "properties": {"path": {"type": "string"}}
        }))),
    );
    let slow = Tool::new(
        "slow",
        "Never finishes.",
        Arc::new(object(json!({"type": "object"}))),
    );
    vec![add, fail, crash, stats, read, slow]
}

#[derive(Deserialize)]
struct AddArgs {
    a: f64,
    b: f64,
}

#[derive(Deserialize)]
struct StatsArgs {
    values: Vec<f64>,
}

fn args<T: for<'de> Deserialize<'de>>(arguments: Option<JsonObject>) -> Result<T, ErrorData> {
    serde_json::from_value(Value::Object(arguments.unwrap_or_default()))
        .map_err(|e| ErrorData::invalid_params(e.to_string(), None))
}

impl TestServer {
    fn seen(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.seen.lock().unwrap()
    }

    async fn run(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResult, ErrorData> {
        let name = request.name.to_string();
        self.seen()
            .calls
            .push((name.clone(), request.arguments.clone()));
        match name.as_str() {
            "add" => {
                let AddArgs { a, b } = args(request.arguments)?;
                Ok(CallToolResult::success(vec![ContentBlock::text(
                    (a + b).to_string(),
                )]))
            }
            "fail" => Ok(CallToolResult::error(vec![ContentBlock::text(
                "the disk is full",
            )])),
            "crash" => Err(ErrorData::internal_error(
                "database unreachable",
                Some(json!({"retry_in_s": 30})),
            )),
            "stats" => {
                let StatsArgs { values } = args(request.arguments)?;
                let mean = values.iter().sum::<f64>() / values.len() as f64;
                let mut result = CallToolResult::success(vec![
                    ContentBlock::text(format!("{} values", values.len())),
                    ContentBlock::image("aGk=", "image/png"),
                    ContentBlock::text(format!("mean {mean}")),
                ]);
                result.structured_content = Some(json!({"count": values.len(), "mean": mean}));
                Ok(result)
            }
            "files.read" => {
                let path = request
                    .arguments
                    .and_then(|a| a.get("path").cloned())
                    .unwrap_or(Value::Null);
                Ok(CallToolResult::success(vec![ContentBlock::text(format!(
                    "contents of {path}"
                ))]))
            }
            "slow" => {
                context.ct.cancelled().await;
                self.seen().cancelled.push(name);
                Ok(CallToolResult::success(Vec::new()))
            }
            _ => Err(ErrorData::invalid_params("tool not found", None)),
        }
    }
}

impl ServerHandler for TestServer {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    async fn list_tools(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        self.seen().list_requests += 1;
        let start = match request.and_then(|r| r.cursor) {
            Some(cursor) => cursor
                .parse::<usize>()
                .map_err(|_| ErrorData::invalid_params("bad cursor", None))?,
            None => 0,
        };
        let all = server_tools();
        let end = (start + PAGE).min(all.len());
        let mut page = ListToolsResult::with_all_items(all[start..end].to_vec());
        page.next_cursor = (end < all.len()).then(|| end.to_string());
        Ok(page)
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        self.run(request, context).await.map(Into::into)
    }
}

/// A client connected to a fresh [`TestServer`] over an in-memory pipe, and the server's
/// task (abort it to cut the connection).
async fn connect(
    server: TestServer,
) -> (RunningService<RoleClient, ()>, tokio::task::JoinHandle<()>) {
    let (server_io, client_io) = tokio::io::duplex(64 * 1024);
    let task = tokio::spawn(async move {
        let running = server.serve(server_io).await.expect("server starts");
        let _ = running.waiting().await;
    });
    let client = ().serve(client_io).await.expect("client connects");
    (client, task)
}

async fn loaded() -> (McpTools, TestServer, RunningService<RoleClient, ()>) {
    let server = TestServer::default();
    let (client, _task) = connect(server.clone()).await;
    let tools = McpTools::load(&client).await.expect("tools load");
    (tools, server, client)
}

fn names(tools: &McpTools) -> Vec<&str> {
    tools.iter().map(|t| t.name()).collect()
}

#[tokio::test]
async fn load_lists_every_page_in_order() {
    let (tools, server, _client) = loaded().await;
    assert_eq!(
        names(&tools),
        ["add", "fail", "crash", "stats", "files_read", "slow"]
    );
    assert_eq!(tools.len(), 6);
    assert_eq!(server.seen().list_requests, 3);
    assert!(server.seen().calls.is_empty());
}

#[tokio::test]
async fn definitions_carry_the_servers_schemas() {
    let (tools, _server, _client) = loaded().await;
    let definitions = serde_json::to_value(tools.definitions()).unwrap();
    assert_eq!(
        definitions[0],
        json!({
            "type": "function",
            "function": {
                "name": "add",
                "description": "Adds two numbers.",
                "parameters": add_schema()
            }
        })
    );
    // No schema type from the server: the object type is added; no description: the title.
    assert_eq!(
        definitions[2],
        json!({
            "type": "function",
            "function": {
                "name": "crash",
                "description": "Crash the server",
                "parameters": {"type": "object"}
            }
        })
    );
    assert_eq!(definitions[4]["function"]["name"], "files_read");
    assert_eq!(definitions.as_array().unwrap().len(), 6);

    // What the chat definition has no place for is kept on the tool.
    let stats = tools.get("stats").unwrap();
    assert_eq!(stats.mcp_definition(), &server_tools()[3]);
    assert_eq!(
        stats
            .mcp_definition()
            .annotations
            .as_ref()
            .unwrap()
            .read_only_hint,
        Some(true)
    );
    assert!(stats.mcp_definition().output_schema.is_some());
    let read = tools.get("files_read").unwrap();
    assert_eq!(read.mcp_name(), "files.read");
    assert!(tools.get("files.read").is_none());
}

#[tokio::test]
async fn a_call_returns_the_tools_text() {
    let (tools, server, _client) = loaded().await;
    let output = tools.call("add", r#"{"a": 2, "b": 3.5}"#).await.unwrap();
    assert_eq!(output.text, "5.5");
    assert!(!output.is_error);
    assert_eq!(output.structured, None);
    assert_eq!(output.to_model_text(), "5.5");
    assert_eq!(
        server.seen().calls,
        [("add".to_owned(), Some(object(json!({"a": 2, "b": 3.5}))))]
    );
}

#[tokio::test]
async fn empty_arguments_are_sent_as_an_empty_object() {
    let (tools, server, _client) = loaded().await;
    tools.call("fail", "").await.unwrap();
    tools.call("fail", "null").await.unwrap();
    let calls = &server.seen().calls;
    assert_eq!(calls.len(), 2);
    for (name, arguments) in calls {
        assert_eq!(name, "fail");
        assert_eq!(arguments.as_ref(), Some(&JsonObject::new()));
    }
}

#[tokio::test]
async fn a_tool_that_reports_failure_is_output_with_the_error_flag() {
    let (tools, _server, _client) = loaded().await;
    let output = tools.call("fail", "{}").await.unwrap();
    assert!(output.is_error);
    assert_eq!(output.text, "the disk is full");
    assert_eq!(output.result.is_error, Some(true));
}

#[tokio::test]
async fn a_protocol_error_from_the_tool_is_tool_failed_with_its_data() {
    let (tools, _server, _client) = loaded().await;
    let error = tools.call("crash", "{}").await.unwrap_err();
    assert_eq!(error.kind(), McpErrorKind::ToolFailed);
    assert_eq!(error.tool(), Some("crash"));
    let rpc = error.rpc_error().expect("the server's error is kept");
    assert_eq!(rpc.code.0, -32603);
    assert_eq!(rpc.data, Some(json!({"retry_in_s": 30})));
    assert_eq!(
        error.to_string(),
        "MCP tool failed (tool `crash`): the server answered tools/call with error -32603: \
         database unreachable"
    );
}

#[tokio::test]
async fn structured_output_is_kept_next_to_the_text() {
    let (tools, _server, _client) = loaded().await;
    let output = tools
        .call("stats", r#"{"values": [1, 2, 6]}"#)
        .await
        .unwrap();
    assert_eq!(output.structured, Some(json!({"count": 3, "mean": 3.0})));
    assert_eq!(output.text, "3 values\nmean 3");
    // The image is not text, but it is not lost either.
    assert_eq!(output.result.content.len(), 3);
    assert!(output.result.content[1].as_image().is_some());
}

#[tokio::test]
async fn an_unknown_tool_is_refused_before_anything_is_sent() {
    let (tools, server, _client) = loaded().await;
    let error = tools.call("files.read", "{}").await.unwrap_err();
    assert_eq!(error.kind(), McpErrorKind::UnknownTool);
    assert_eq!(error.tool(), Some("files.read"));
    assert_eq!(
        error.message(),
        "no MCP tool is named `files.read`; the tools are: add, fail, crash, stats, files_read, \
         slow"
    );
    assert!(server.seen().calls.is_empty());

    let empty = McpTools::new().call("add", "{}").await.unwrap_err();
    assert_eq!(empty.kind(), McpErrorKind::UnknownTool);
    assert!(empty.message().ends_with("no tools are loaded"), "{empty}");
}

#[tokio::test]
async fn arguments_that_are_not_an_object_are_refused_before_anything_is_sent() {
    let (tools, server, _client) = loaded().await;
    for arguments in ["[1, 2]", r#"{"a": 1"#, "\"2 and 3\""] {
        let error = tools.call("add", arguments).await.unwrap_err();
        assert_eq!(error.kind(), McpErrorKind::InvalidArguments, "{arguments}");
        assert_eq!(error.tool(), Some("add"));
        assert!(error.rpc_error().is_none());
    }
    assert!(server.seen().calls.is_empty());
}

#[tokio::test]
async fn arguments_the_server_refuses_are_invalid_arguments() {
    let (tools, server, _client) = loaded().await;
    let error = tools.call("add", r#"{"a": 1}"#).await.unwrap_err();
    assert_eq!(error.kind(), McpErrorKind::InvalidArguments);
    assert_eq!(error.rpc_error().unwrap().code.0, -32602);
    assert!(
        error.message().contains("missing field `b`"),
        "{}",
        error.message()
    );
    assert_eq!(server.seen().calls.len(), 1);
}

#[tokio::test]
async fn a_prefix_renames_for_the_model_and_the_server_gets_its_own_name() {
    let server = TestServer::default();
    let (client, _task) = connect(server.clone()).await;
    let tools = McpTools::load_prefixed("disk.", &client).await.unwrap();
    assert_eq!(
        names(&tools),
        [
            "disk_add",
            "disk_fail",
            "disk_crash",
            "disk_stats",
            "disk_files_read",
            "disk_slow"
        ]
    );
    let output = tools
        .call("disk_files_read", r#"{"path": "/etc/hostname"}"#)
        .await
        .unwrap();
    assert_eq!(output.text, r#"contents of "/etc/hostname""#);
    assert_eq!(server.seen().calls[0].0, "files.read");
    assert_eq!(
        tools.get("disk_add").unwrap().definition(),
        &openrouter::types::chat::Tool::function("disk_add", "Adds two numbers.", add_schema())
    );
}

#[tokio::test]
async fn merged_servers_keep_their_tools_apart() {
    let first = TestServer::default();
    let second = TestServer::default();
    let (first_client, _t1) = connect(first.clone()).await;
    let (second_client, _t2) = connect(second.clone()).await;

    let tools = McpTools::load_prefixed("a_", &first_client)
        .await
        .unwrap()
        .merge(McpTools::load_prefixed("b_", &second_client).await.unwrap())
        .unwrap();
    assert_eq!(tools.len(), 12);
    assert_eq!(tools.definitions().len(), 12);
    assert_eq!(names(&tools)[5..7], ["a_slow", "b_add"]);

    tools.call("b_add", r#"{"a": 2, "b": 2}"#).await.unwrap();
    assert!(first.seen().calls.is_empty());
    assert_eq!(second.seen().calls.len(), 1);

    let clash = McpTools::load(&first_client)
        .await
        .unwrap()
        .merge(McpTools::load(&second_client).await.unwrap())
        .unwrap_err();
    assert_eq!(clash.kind(), McpErrorKind::NameClash);
    assert_eq!(clash.tool(), Some("add"));
    assert!(clash.message().contains("load_prefixed"), "{clash}");
}

/// A server that offers no tools: `tools/list` is not a method it knows.
#[derive(Clone)]
struct NoTools;

impl ServerHandler for NoTools {}

#[tokio::test]
async fn a_server_without_tools_cannot_be_loaded() {
    let (server_io, client_io) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        let running = NoTools.serve(server_io).await.expect("server starts");
        let _ = running.waiting().await;
    });
    let client = ().serve(client_io).await.expect("client connects");
    let error = McpTools::load(&client).await.unwrap_err();
    assert_eq!(error.kind(), McpErrorKind::Protocol);
    assert_eq!(error.rpc_error().map(|e| e.code.0), Some(-32601), "{error}");
    assert!(
        error
            .message()
            .starts_with("the server answered tools/list with error -32601"),
        "{error}"
    );
}

#[tokio::test]
async fn a_closed_connection_is_a_protocol_error() {
    let server = TestServer::default();
    let (client, task) = connect(server).await;
    let tools = McpTools::load(&client).await.unwrap();
    task.abort();
    let _ = task.await;
    let error = tools.call("add", r#"{"a": 2, "b": 2}"#).await.unwrap_err();
    assert_eq!(error.kind(), McpErrorKind::Protocol, "{error}");
    assert!(error.rpc_error().is_none());
    assert!(
        error.message().contains("keep the rmcp client running"),
        "{error}"
    );
}

#[tokio::test]
async fn dropping_a_call_cancels_it_on_the_server() {
    let (tools, server, _client) = loaded().await;
    let call = tools.call("slow", "{}");
    // The call cannot finish: it is dropped when the timeout fires.
    assert!(tokio::time::timeout(Duration::from_millis(200), call)
        .await
        .is_err());
    for _ in 0..100 {
        if !server.seen().cancelled.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(server.seen().cancelled, ["slow"]);
}

#[tokio::test]
async fn errors_convert_into_the_crate_error() {
    async fn run(tools: &McpTools) -> openrouter::Result<String> {
        Ok(tools.call("nope", "{}").await?.text)
    }
    let (tools, _server, _client) = loaded().await;
    let error = run(&tools).await.unwrap_err();
    match &error {
        openrouter::Error::Mcp(mcp) => assert_eq!(mcp.kind(), McpErrorKind::UnknownTool),
        other => panic!("expected an MCP error, got {other:?}"),
    }
    assert!(error
        .to_string()
        .starts_with("unknown MCP tool (tool `nope`)"));
}

#[tokio::test]
async fn a_model_calls_an_mcp_tool_through_the_emulator() {
    let (tools, server, _client) = loaded().await;
    let mock = MockServer::start().await;
    let client = support::client_for(&mock);

    let mut messages = vec![Message::user("What is 2 + 1?")];
    let request = ChatRequest::new("openai/gpt-4o-mini", messages.clone())
        .tools(tools.definitions())
        .tool_choice(ToolChoice::function("add"));
    let first = client.chat().create(&request).await.unwrap();
    let call = first.tool_calls().first().expect("the model calls a tool");
    assert_eq!(call.function.name, "add");

    let output = tools
        .call(&call.function.name, &call.function.arguments)
        .await
        .unwrap();
    // The emulator fills arguments from the schema: `a` at its minimum, `b` as 1.
    assert_eq!(output.text, "3");
    assert_eq!(
        server.seen().calls,
        [("add".to_owned(), Some(object(json!({"a": 2.0, "b": 1.0}))))]
    );

    messages.push(first.to_message().unwrap());
    messages.push(Message::tool(call.id.clone(), output.to_model_text()));
    let second = client
        .chat()
        .create(&ChatRequest::new("openai/gpt-4o-mini", messages).tools(tools.definitions()))
        .await
        .unwrap();
    assert!(second.tool_calls().is_empty());
    assert!(second.text().is_some_and(|t| !t.is_empty()));

    // The emulator received the MCP schema untouched, and the tool result.
    let sent: Vec<Value> = mock
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/chat/completions"))
        .map(|r| r.json().unwrap())
        .collect();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["tools"][0]["function"]["parameters"], add_schema());
    assert_eq!(sent[1]["messages"][2]["role"], "tool");
    assert_eq!(sent[1]["messages"][2]["content"], "3");
}

#[test]
fn tools_and_their_calls_can_move_across_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    fn send<T: Send>(_: &T) {}
    send_sync::<McpTools>();
    send_sync::<openrouter::mcp::McpTool>();
    send_sync::<openrouter::mcp::McpOutput>();
    send_sync::<openrouter::mcp::McpError>();
    let tools = McpTools::new();
    send(&tools.call("add", "{}"));
}

#[tokio::test]
async fn mcp_tools_run_in_a_toolbox_next_to_rust_tools() {
    use openrouter::tools::{DynTool, NoArgs, ToolErrorKind, ToolStatus, TypedTool};

    let (tools, server, _client) = loaded().await;
    let clock = TypedTool::new("clock", "The time.", |_: NoArgs| async {
        Ok::<_, std::convert::Infallible>("noon")
    });
    let mut toolbox = tools.toolbox().unwrap();
    toolbox.add(clock).unwrap();
    assert_eq!(
        toolbox.names().collect::<Vec<_>>(),
        [
            "add",
            "fail",
            "crash",
            "stats",
            "files_read",
            "slow",
            "clock"
        ]
    );
    assert_eq!(toolbox.definitions()[..6], tools.definitions()[..]);

    let sum = toolbox.call("add", r#"{"a": 2, "b": 5}"#).await.unwrap();
    assert_eq!(sum.status, ToolStatus::Ok);
    assert_eq!(sum.content, "7");

    // The tool ran and failed: the model reads the tool's own words.
    let failed = toolbox.call("fail", "").await.unwrap();
    assert_eq!(failed.status, ToolStatus::Error);
    assert_eq!(failed.content, "the disk is full");

    // Structured output without a problem.
    let stats = toolbox.call("stats", r#"{"values": [4]}"#).await.unwrap();
    assert_eq!(stats.content, "1 values\nmean 4");

    let crashed = toolbox.call("crash", "{}").await.unwrap_err();
    assert_eq!(crashed.kind, ToolErrorKind::Failed);
    assert!(
        crashed.message.contains("database unreachable"),
        "{crashed}"
    );

    let refused = toolbox.call("add", r#"{"a": 1}"#).await.unwrap_err();
    assert_eq!(refused.kind, ToolErrorKind::InvalidArguments);
    assert!(refused.message.contains("missing field `b`"), "{refused}");
    let malformed = toolbox.call("add", "[1]").await.unwrap_err();
    assert_eq!(malformed.kind, ToolErrorKind::InvalidArguments);

    assert_eq!(
        server
            .seen()
            .calls
            .iter()
            .map(|c| c.0.as_str())
            .collect::<Vec<_>>(),
        ["add", "fail", "stats", "crash", "add"]
    );

    // Behind `Arc<dyn DynTool>` as the agent holds them.
    let shared: std::sync::Arc<dyn DynTool> =
        std::sync::Arc::new(tools.get("add").unwrap().clone());
    assert_eq!(shared.name(), "add");
    assert_eq!(&shared.definition(), tools.get("add").unwrap().definition());
    assert_eq!(
        shared.call(r#"{"a": 3, "b": 4}"#).await.unwrap().content,
        "7"
    );
}

#[tokio::test]
async fn a_toolbox_refuses_an_mcp_tool_whose_name_is_taken() {
    use openrouter::tools::{NoArgs, Toolbox, TypedTool};

    let (tools, _server, _client) = loaded().await;
    let add = TypedTool::new("add", "Rust adder.", |_: NoArgs| async {
        Ok::<_, std::convert::Infallible>(0)
    });
    let mut toolbox = Toolbox::new().with(add).unwrap();
    let error = toolbox.add(tools.get("add").unwrap().clone()).unwrap_err();
    assert!(
        matches!(error, openrouter::Error::InvalidRequest(_)),
        "{error}"
    );
    assert!(error.to_string().contains("`add`"), "{error}");
}

#[tokio::test]
async fn an_agent_runs_mcp_tools_and_feeds_every_outcome_back() {
    use openrouter::agent::{Agent, StopReason};
    use openrouter::tools::ToolStatus;
    use openrouter_mock::{MockReply, MockToolCall};

    let (tools, server, _client) = loaded().await;
    let mock = MockServer::start().await;
    mock.push_reply(MockReply::tool_calls([
        MockToolCall::new("add", r#"{"a": 2, "b": 5}"#),
        MockToolCall::new("fail", ""),
        MockToolCall::new("crash", "{}"),
        MockToolCall::new("add", r#"{"a": 1}"#),
    ]));
    mock.push_reply(MockReply::text("2 + 5 is 7; the rest failed."));
    let client = support::client_for(&mock);

    let agent = Agent::new(&client, "openai/gpt-4o-mini").tools(&tools.toolbox().unwrap());
    let run = agent.run([Message::user("Add 2 and 5.")]).await.unwrap();

    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(run.text().as_deref(), Some("2 + 5 is 7; the rest failed."));
    let results = &run.steps[0].tool_results;
    assert_eq!(results.len(), 4);
    assert_eq!(
        (results[0].status, results[0].content.as_str()),
        (ToolStatus::Ok, "7")
    );
    assert_eq!(
        (results[1].status, results[1].content.as_str()),
        (ToolStatus::Error, "the disk is full")
    );
    assert_eq!(results[2].status, ToolStatus::Error);
    assert_eq!(
        results[2].content,
        "Error (tool failed): the server answered tools/call with error -32603: database \
         unreachable"
    );
    assert_eq!(results[3].status, ToolStatus::Error);
    assert!(
        results[3].content.contains("missing field `b`"),
        "{}",
        results[3].content
    );

    let mut seen: Vec<String> = server.seen().calls.iter().map(|c| c.0.clone()).collect();
    seen.sort();
    assert_eq!(seen, ["add", "add", "crash", "fail"]);

    // The model's second turn received one tool message per call, in call order.
    let second = mock
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/chat/completions"))
        .nth(1)
        .and_then(|r| r.json())
        .expect("a second chat request");
    let tool_messages: Vec<&Value> = second["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "tool")
        .collect();
    assert_eq!(tool_messages.len(), 4);
    assert_eq!(tool_messages[0]["content"], "7");
    assert_eq!(tool_messages[1]["content"], "the disk is full");
    assert_eq!(
        second["tools"][0]["function"]["parameters"],
        add_schema(),
        "the MCP schema is offered as the server wrote it"
    );
}

#[tokio::test]
async fn an_agent_told_to_abort_stops_on_a_failed_mcp_call() {
    use openrouter::agent::{Agent, ToolErrorPolicy};
    use openrouter::tools::ToolErrorKind;
    use openrouter_mock::MockReply;

    let (tools, _server, _client) = loaded().await;
    let mock = MockServer::start().await;
    mock.push_reply(MockReply::tool_call("crash", "{}"));
    let client = support::client_for(&mock);

    let agent = Agent::new(&client, "openai/gpt-4o-mini")
        .tools(&tools.toolbox().unwrap())
        .on_tool_error(ToolErrorPolicy::Abort);
    let error = agent.run([Message::user("Crash.")]).await.unwrap_err();
    let openrouter::Error::Tool(failure) = &error else {
        panic!("expected a tool failure, got {error:?}");
    };
    assert_eq!(failure.call.function.name, "crash");
    assert_eq!(failure.error.kind, ToolErrorKind::Failed);
    assert!(failure.error.message.contains("-32603"), "{error}");
}
