//! Typed tools and the toolbox: argument decoding, handler errors, definitions, dispatch.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use openrouter::tools::{
    DynTool, NoArgs, ToolError, ToolErrorKind, ToolFuture, ToolResult, ToolStatus, Toolbox,
    TypedTool,
};
use openrouter::types::chat::Tool;
use openrouter::Error;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Where to look up the weather.
#[derive(Debug, Deserialize, JsonSchema)]
struct WeatherArgs {
    /// A city name.
    city: String,
    /// Days ahead, 0 for today.
    days: Option<u32>,
}

#[derive(Serialize)]
struct Forecast {
    city: String,
    days: u32,
    sky: &'static str,
}

fn weather() -> impl DynTool {
    TypedTool::new(
        "get_weather",
        "The weather in a city",
        |args: WeatherArgs| async move {
            if args.city == "Atlantis" {
                return Err(format!("no weather station in {}", args.city));
            }
            Ok(Forecast {
                city: args.city,
                days: args.days.unwrap_or(0),
                sky: "clear",
            })
        },
    )
}

#[tokio::test]
async fn a_typed_tool_decodes_its_arguments_and_returns_json() {
    let result = weather()
        .call(r#"{"city": "Oslo", "days": 2}"#)
        .await
        .unwrap();
    assert_eq!(result.status, ToolStatus::Ok);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&result.content).unwrap(),
        json!({"city": "Oslo", "days": 2, "sky": "clear"})
    );
}

#[tokio::test]
async fn empty_blank_and_null_arguments_mean_no_arguments() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let tool = TypedTool::new("ping", "Answers pong", move |_: NoArgs| {
        let seen = Arc::clone(&seen);
        async move {
            seen.fetch_add(1, Ordering::SeqCst);
            Ok::<_, String>("pong")
        }
    });
    for arguments in ["", "  \n ", "null", "{}"] {
        let result = tool.call(arguments).await.unwrap();
        assert_eq!(result.content, "pong", "arguments {arguments:?}");
    }
    assert_eq!(calls.load(Ordering::SeqCst), 4);
    // A tool whose arguments are all optional also accepts "".
    #[derive(Deserialize, JsonSchema)]
    struct Optional {
        limit: Option<u32>,
    }
    let optional = TypedTool::new("list", "Lists", |args: Optional| async move {
        Ok::<_, String>(args.limit.unwrap_or(10))
    });
    assert_eq!(optional.call("").await.unwrap().content, "10");
}

#[tokio::test]
async fn bad_arguments_become_an_error_the_model_can_act_on() {
    let handler_ran = Arc::new(AtomicUsize::new(0));
    let ran = Arc::clone(&handler_ran);
    let tool = TypedTool::new("get_weather", "Weather", move |_: WeatherArgs| {
        ran.fetch_add(1, Ordering::SeqCst);
        async { Ok::<_, String>("never") }
    });

    let wrong_type = tool.call(r#"{"city": 12}"#).await.unwrap_err();
    assert_eq!(wrong_type.kind, ToolErrorKind::InvalidArguments);
    assert!(wrong_type.message.contains("`city`"), "{wrong_type}");
    assert!(
        wrong_type.message.contains("expected a string"),
        "{wrong_type}"
    );

    let missing = tool.call("{}").await.unwrap_err();
    assert!(
        missing.message.contains("missing field `city`"),
        "{missing}"
    );

    let broken = tool.call(r#"{"city": "Os"#).await.unwrap_err();
    assert!(broken.message.contains("not valid JSON"), "{broken}");

    assert_eq!(
        handler_ran.load(Ordering::SeqCst),
        0,
        "the handler must not run on bad arguments"
    );

    // What the model reads names the kind and the problem.
    let message = wrong_type.to_result();
    assert_eq!(message.status, ToolStatus::Error);
    assert!(message.content.starts_with("Error (invalid arguments):"));
    assert!(message.content.contains("`city`"));
}

#[tokio::test]
async fn a_handler_error_is_a_failed_tool_error_with_its_text() {
    let error = weather().call(r#"{"city": "Atlantis"}"#).await.unwrap_err();
    assert_eq!(error.kind, ToolErrorKind::Failed);
    assert_eq!(error.message, "no weather station in Atlantis");
    assert_eq!(
        error.to_string(),
        "tool failed: no weather station in Atlantis"
    );
}

#[test]
fn the_definition_carries_the_derived_strict_schema() {
    let tool = TypedTool::new(
        "get_weather",
        "The weather in a city",
        |_: WeatherArgs| async { Ok::<_, String>("") },
    )
    .strict(true);
    let Tool::Function(function) = tool.definition() else {
        panic!("a typed tool is a function tool");
    };
    let function = function.function;
    assert_eq!(function.name, "get_weather");
    assert_eq!(
        function.description.as_deref(),
        Some("The weather in a city")
    );
    assert_eq!(function.strict, Some(true));
    let parameters = function.parameters.unwrap();
    assert_eq!(parameters["type"], "object");
    assert_eq!(parameters["additionalProperties"], false);
    assert_eq!(parameters["required"], json!(["city", "days"]));
    assert_eq!(
        parameters["properties"]["days"]["type"],
        json!(["integer", "null"])
    );
    assert_eq!(
        parameters["properties"]["city"]["description"],
        "A city name."
    );
    let sent = serde_json::to_value(tool.definition()).unwrap();
    assert_eq!(sent["type"], "function");
    assert_eq!(sent["function"]["parameters"], parameters);
}

#[tokio::test]
async fn the_toolbox_refuses_duplicate_names() {
    let mut toolbox = Toolbox::new();
    toolbox.add(weather()).unwrap();
    let error = toolbox.add(weather()).unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert!(error.to_string().contains("`get_weather`"), "{error}");
    assert!(error.to_string().contains("already"), "{error}");
    assert_eq!(toolbox.len(), 1);

    // Merging two toolboxes with a shared name fails the same way.
    let other = Toolbox::new().with(weather()).unwrap();
    assert!(toolbox.extend(&other).is_err());
}

#[test]
fn the_toolbox_refuses_names_and_schemas_providers_reject() {
    let spaced = TypedTool::new("get weather", "x", |_: NoArgs| async {
        Ok::<_, String>("")
    });
    let error = Toolbox::new().with(spaced).unwrap_err();
    assert!(error.to_string().contains("`get weather`"), "{error}");

    let scalar = TypedTool::new("count", "x", |_: u32| async { Ok::<_, String>("") });
    let error = Toolbox::new().with(scalar).unwrap_err();
    assert!(
        error.to_string().contains("not an object schema"),
        "{error}"
    );
}

#[tokio::test]
async fn the_toolbox_dispatches_by_name_and_lists_definitions_in_order() {
    let toolbox = Toolbox::new()
        .with(weather())
        .unwrap()
        .with(TypedTool::new("ping", "Pong", |_: NoArgs| async {
            Ok::<_, String>("pong")
        }))
        .unwrap();
    let names: Vec<&str> = toolbox.names().collect();
    assert_eq!(names, ["get_weather", "ping"]);
    let definitions = serde_json::to_value(toolbox.definitions()).unwrap();
    assert_eq!(definitions[0]["function"]["name"], "get_weather");
    assert_eq!(definitions[1]["function"]["name"], "ping");

    assert_eq!(toolbox.call("ping", "").await.unwrap().content, "pong");
    let unknown = toolbox.call("get_time", "{}").await.unwrap_err();
    assert_eq!(unknown.kind, ToolErrorKind::UnknownTool);
    assert!(unknown.message.contains("`get_time`"), "{unknown}");
    assert!(
        unknown.message.contains("`get_weather`, `ping`"),
        "{unknown}"
    );
}

/// A tool implemented by hand, as an integration (e.g. MCP) would.
struct Echo;

impl DynTool for Echo {
    fn name(&self) -> &str {
        "echo"
    }

    fn definition(&self) -> Tool {
        Tool::function("echo", "Echoes its input", json!({"type": "object"}))
    }

    fn call<'a>(&'a self, arguments: &'a str) -> ToolFuture<'a> {
        Box::pin(async move {
            if arguments.contains("fail") {
                Ok(ToolResult::error("the echo server reported an error"))
            } else {
                Ok(ToolResult::ok(arguments))
            }
        })
    }
}

#[tokio::test]
async fn hand_written_tools_work_behind_arc_and_can_report_errors_as_results() {
    let shared: Arc<dyn DynTool> = Arc::new(Echo);
    let mut toolbox = Toolbox::new();
    toolbox.add_shared(Arc::clone(&shared)).unwrap();
    assert_eq!(toolbox.call("echo", "hi").await.unwrap().content, "hi");
    let reported = toolbox.call("echo", "fail").await.unwrap();
    assert!(reported.is_error());
    assert_eq!(reported.error_kind, None);

    struct Misnamed;
    impl DynTool for Misnamed {
        fn name(&self) -> &str {
            "a"
        }
        fn definition(&self) -> Tool {
            Tool::function("b", "", json!({"type": "object"}))
        }
        fn call<'a>(&'a self, _: &'a str) -> ToolFuture<'a> {
            Box::pin(async { Err(ToolError::failed("unused")) })
        }
    }
    let error = Toolbox::new().with(Misnamed).unwrap_err();
    assert!(
        error.to_string().contains("definition named `b`"),
        "{error}"
    );
}
