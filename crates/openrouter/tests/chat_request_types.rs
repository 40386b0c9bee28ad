//! The chat request types: what the setters send, and that every request shape of the spec
//! (and JSON users paste) decodes and re-encodes without loss.

use std::path::PathBuf;
use std::sync::OnceLock;

use openrouter::types::chat::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------- helpers

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializes")
}

/// Drops null-valued keys and writes every number as f64, so `1` and `1.0` compare equal.
fn normalize(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), normalize(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalize).collect()),
        Value::Number(n) => json!(n.as_f64().expect("finite")),
        other => other.clone(),
    }
}

/// Decodes `value` as `T`, re-encodes it, and checks nothing was lost or added.
#[track_caller]
fn round_trip<T: Serialize + DeserializeOwned>(value: &Value) -> T {
    let decoded: T = match serde_path_to_error::deserialize(value.clone()) {
        Ok(decoded) => decoded,
        Err(err) => panic!("does not decode: {err} at {}\n{value:#}", err.path()),
    };
    let encoded = to_json(&decoded);
    assert_eq!(
        normalize(&encoded),
        normalize(value),
        "round trip changed the JSON"
    );
    decoded
}

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
        let text = std::fs::read_to_string(&path).expect("spec file");
        serde_yaml::from_str(&text).expect("spec parses")
    })
}

fn schema(name: &str) -> &'static Value {
    &spec()["components"]["schemas"][name]
}

fn resolve(value: &'static Value) -> &'static Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => resolve(schema(reference.rsplit('/').next().expect("ref name"))),
        None => value,
    }
}

fn req(messages: Vec<Message>) -> ChatRequest {
    ChatRequest::new("openai/gpt-4o", messages)
}

/// The JSON of a request with one user message "Hi", for comparing one feature at a time.
fn base(extra: Value) -> Value {
    let mut body =
        json!({"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Hi"}]});
    if let (Some(body), Value::Object(extra)) = (body.as_object_mut(), extra) {
        body.extend(extra);
    }
    body
}

fn hi() -> ChatRequest {
    req(vec![Message::user("Hi")])
}

// ---------------------------------------------------------------- spec examples

#[test]
fn spec_request_examples_round_trip() {
    let body =
        &spec()["paths"]["/chat/completions"]["post"]["requestBody"]["content"]["application/json"];
    let mut examples = vec![&schema("ChatRequest")["example"]];
    if let Some(example) = body.get("example") {
        examples.push(example);
    }
    if let Some(named) = body.get("examples").and_then(Value::as_object) {
        examples.extend(named.values().map(|e| &e["value"]));
    }
    for example in examples {
        let request: ChatRequest = round_trip(example);
        assert!(
            request.extra.is_empty(),
            "untyped fields: {:?}",
            request.extra
        );
    }
}

#[test]
fn every_chat_request_property_example_is_a_typed_field() {
    let properties = schema("ChatRequest")["properties"]
        .as_object()
        .expect("properties");
    let mut body = Map::new();
    for (name, property) in properties {
        let example = property
            .get("example")
            .or_else(|| resolve(property).get("example"));
        if let Some(example) = example {
            body.insert(name.clone(), example.clone());
        }
    }
    let request: ChatRequest = round_trip(&Value::Object(body.clone()));
    assert!(
        request.extra.is_empty(),
        "untyped fields: {:?}",
        request.extra
    );
    assert!(body.len() > 30, "only {} examples found", body.len());
}

/// Each schema of the request tree that has an example, and the type that models it.
#[test]
fn schema_examples_round_trip_through_their_types() {
    macro_rules! check {
        ($($name:literal => $ty:ty),* $(,)?) => {$(
            let example = schema($name).get("example").unwrap_or_else(|| panic!("{} has no example", $name));
            let _: $ty = round_trip(example);
        )*};
    }
    check! {
        "AnthropicCacheControlDirective" => CacheControl,
        "ChatContentCacheControl" => CacheControl,
        "ChatDebugOptions" => DebugOptions,
        "ImageConfig" => Map<String, Value>,
        "ChatMessages" => Message,
        "ChatSystemMessage" => Message,
        "ChatUserMessage" => Message,
        "ChatDeveloperMessage" => Message,
        "ChatAssistantMessage" => Message,
        "ChatToolMessage" => Message,
        "ChatContentText" => ContentPart,
        "ChatContentItems" => ContentPart,
        "ChatContentImage" => ContentPart,
        "ChatContentAudio" => ContentPart,
        "ChatContentVideo" => ContentPart,
        "Legacy_ChatContentVideo" => ContentPart,
        "ChatContentFile" => ContentPart,
        "ChatAudioOutput" => AssistantAudio,
        "ChatAssistantImages" => Vec<AssistantImage>,
        "ChatToolCall" => ToolCall,
        "AutoRouterPlugin" => Plugin,
        "AutoBetaRouterPlugin" => Plugin,
        "ModerationPlugin" => Plugin,
        "WebSearchPlugin" => Plugin,
        "WebFetchPlugin" => Plugin,
        "FileParserPlugin" => Plugin,
        "ResponseHealingPlugin" => Plugin,
        "ContextCompressionPlugin" => Plugin,
        "ParetoRouterPlugin" => Plugin,
        "FusionPlugin" => Plugin,
        "PDFParserOptions" => PdfOptions,
        "Prediction" => Prediction,
        "PromptCacheOptions" => PromptCacheOptions,
        "PromptCacheBreakpoint" => PromptCacheBreakpoint,
        "ProviderPreferences" => ProviderPreferences,
        "ProviderSort" => ProviderSort,
        "ProviderSortConfig" => ProviderSort,
        "PreferredMaxLatency" => PerformanceTarget,
        "PreferredMinThroughput" => PerformanceTarget,
        "PercentileLatencyCutoffs" => PerformanceTarget,
        "PercentileThroughputCutoffs" => PerformanceTarget,
        "Quantization" => Quantization,
        "ChatFormatTextConfig" => ResponseFormat,
        "ChatFormatJsonObjectConfig" => ResponseFormat,
        "ChatFormatJsonSchemaConfig" => ResponseFormat,
        "ChatFormatGrammarConfig" => ResponseFormat,
        "ChatFormatPythonConfig" => ResponseFormat,
        "ChatJsonSchemaConfig" => JsonSchemaFormat,
        "DeprecatedRoute" => Route,
        "StopServerToolsWhen" => Vec<StopServerToolsCondition>,
        "StopServerToolsWhenStepCountIs" => StopServerToolsCondition,
        "StopServerToolsWhenHasToolCall" => StopServerToolsCondition,
        "StopServerToolsWhenMaxTokensUsed" => StopServerToolsCondition,
        "StopServerToolsWhenMaxCost" => StopServerToolsCondition,
        "StopServerToolsWhenFinishReasonIs" => StopServerToolsCondition,
        "ChatStreamOptions" => StreamOptions,
        "ChatToolChoice" => ToolChoice,
        "ChatNamedToolChoice" => ToolChoice,
        "ChatServerToolChoice" => ToolChoice,
        "ChatFunctionTool" => Tool,
        "AdvisorServerTool_OpenRouter" => Tool,
        "BashServerTool" => Tool,
        "DatetimeServerTool" => Tool,
        "FilesServerTool" => Tool,
        "FusionServerTool_OpenRouter" => Tool,
        "ImageGenerationServerTool_OpenRouter" => Tool,
        "ChatSearchModelsServerTool" => Tool,
        "SubagentServerTool_OpenRouter" => Tool,
        "WebFetchServerTool" => Tool,
        "OpenRouterWebSearchServerTool" => Tool,
        "ChatWebSearchShorthand" => Tool,
        "AdvisorServerToolConfig" => AdvisorConfig,
        "BashServerToolConfig" => BashConfig,
        "DatetimeServerToolConfig" => DatetimeConfig,
        "FusionServerToolConfig" => FusionConfig,
        "ImageGenerationServerToolConfig" => ImageGenerationConfig,
        "SearchModelsServerToolConfig" => SearchModelsConfig,
        "SubagentServerToolConfig" => SubagentConfig,
        "WebFetchServerToolConfig" => WebFetchConfig,
        "WebSearchConfig" => WebSearchConfig,
        "WebSearchUserLocation" => UserLocation,
        "WebSearchUserLocationServerTool" => UserLocation,
        "AdvisorReasoning" => ServerToolReasoning,
        "SubagentReasoning" => ServerToolReasoning,
        "SubagentNestedTool" => NestedServerTool,
        "BashServerToolEnvironment" => BashEnvironment,
        "ContainerReferenceEnvironment" => BashEnvironment,
        "TraceConfig" => TraceConfig,
        "ChatReasoningDetails" => Vec<ReasoningDetail>,
    }
}

// A request generated from the schema: every property of every object, and for each union one
// alternative per generated request (all alternatives at once inside arrays).

fn generate(schema_value: &'static Value, pick: usize, depth: usize) -> Value {
    let s = resolve(schema_value);
    assert!(depth < 30, "schema recursion too deep");
    if let Some(parts) = s.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts
            .iter()
            .filter(|p| p.get("$ref").is_some() || p.get("properties").is_some())
        {
            match generate(part, pick, depth + 1) {
                Value::Object(map) => merged.extend(map),
                scalar => return scalar,
            }
        }
        return Value::Object(merged);
    }
    let alternatives = union_alternatives(s);
    if !alternatives.is_empty() {
        return generate(alternatives[pick % alternatives.len()], pick, depth + 1);
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .find(|v| !v.is_null())
            .cloned()
            .expect("enum value");
    }
    match schema_type(s) {
        Some("object") | None
            if s.get("properties").is_some() || s.get("additionalProperties").is_some() =>
        {
            let mut map = Map::new();
            if let Some(props) = s.get("properties").and_then(Value::as_object) {
                for (name, prop) in props {
                    map.insert(name.clone(), generate(prop, pick, depth + 1));
                }
            }
            if let Some(extra) = s.get("additionalProperties").filter(|v| v.is_object()) {
                map.insert("custom_key".into(), generate(extra, pick, depth + 1));
            }
            Value::Object(map)
        }
        Some("object") => json!({}),
        Some("array") => {
            let items = resolve(&s["items"]);
            let alternatives = union_alternatives(items);
            if alternatives.is_empty() {
                json!([generate(items, pick, depth + 1)])
            } else {
                Value::Array(
                    alternatives
                        .iter()
                        .map(|alt| generate(alt, pick, depth + 1))
                        .collect(),
                )
            }
        }
        Some("string") => json!("x"),
        Some("integer") => json!(3),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        _ => json!("x"),
    }
}

fn union_alternatives(s: &'static Value) -> Vec<&'static Value> {
    let list = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array);
    list.map(|l| {
        l.iter()
            .filter(|alt| schema_type(alt) != Some("null"))
            .collect()
    })
    .unwrap_or_default()
}

fn schema_type(s: &Value) -> Option<&str> {
    match s.get("type")? {
        Value::String(t) => Some(t),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        _ => None,
    }
}

#[test]
fn requests_generated_from_the_schema_round_trip_with_every_field_typed() {
    for pick in 0..12 {
        let body = generate(schema("ChatRequest"), pick, 0);
        let request: ChatRequest = round_trip(&body);
        assert!(
            request.extra.is_empty(),
            "pick {pick}: untyped fields {:?}",
            request.extra
        );
        // One of each role, tool kind and plugin.
        assert_eq!(request.messages.len(), 5);
        assert_eq!(request.tools.as_ref().map(Vec::len), Some(12));
        assert_eq!(request.plugins.as_ref().map(Vec::len), Some(10));
        // Every message, part, tool and plugin decoded into its typed variant.
        for message in &request.messages {
            assert!(
                !matches!(message, Message::Other(_)),
                "pick {pick}: untyped message {message:?}"
            );
            if let Some(MessageContent::Parts(parts)) = message.content() {
                for part in parts {
                    assert!(
                        !matches!(part, ContentPart::Other(_)),
                        "pick {pick}: untyped part {part:?}"
                    );
                }
            }
        }
        for tool in request.tools.iter().flatten() {
            assert!(
                !matches!(tool, Tool::Other(_)),
                "pick {pick}: untyped tool {tool:?}"
            );
        }
        for plugin in request.plugins.iter().flatten() {
            assert!(
                !matches!(plugin, Plugin::Other(_)),
                "pick {pick}: untyped plugin {plugin:?}"
            );
        }
        for condition in request.stop_server_tools_when.iter().flatten() {
            assert!(!matches!(condition, StopServerToolsCondition::Other(_)));
        }
        assert!(!matches!(
            request.response_format,
            Some(ResponseFormat::Other(_))
        ));
    }
}

// ---------------------------------------------------------------- what the setters send

#[test]
fn minimal_request_sends_no_nulls() {
    let request = ChatRequest::new(
        "openai/gpt-4o",
        [Message::system("Be brief"), Message::user("Hi")],
    )
    .temperature(0.2)
    .max_tokens(200);
    assert_eq!(
        to_json(&request),
        json!({
            "model": "openai/gpt-4o",
            "messages": [{"role": "system", "content": "Be brief"}, {"role": "user", "content": "Hi"}],
            "temperature": 0.2,
            "max_tokens": 200
        })
    );
}

#[test]
fn messages_of_every_role() {
    let call = ToolCall::function("call_1", "get_weather", r#"{"city":"Paris"}"#);
    let mut detail = ReasoningDetail::new(ReasoningDetailKind::Text);
    detail.text = Some("thinking".into());
    detail.signature = Some("sig".into());
    let request = req(vec![
        Message::system("sys"),
        Message::developer("dev"),
        UserMessage::new("hello").name("alice").into(),
        Message::assistant("sure"),
        AssistantMessage::default()
            .tool_calls([call])
            .reasoning("thinking")
            .reasoning_details([detail])
            .into(),
        Message::tool("call_1", "18C"),
    ]);
    assert_eq!(
        to_json(&request)["messages"],
        json!([
            {"role": "system", "content": "sys"},
            {"role": "developer", "content": "dev"},
            {"role": "user", "content": "hello", "name": "alice"},
            {"role": "assistant", "content": "sure"},
            {"role": "assistant",
             "tool_calls": [{"id": "call_1", "type": "function",
                             "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}],
             "reasoning": "thinking",
             "reasoning_details": [{"type": "reasoning.text", "text": "thinking", "signature": "sig"}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "18C"}
        ])
    );
}

#[test]
fn content_parts_of_every_kind() {
    let message = Message::user(vec![
        ContentPart::text("Look")
            .with_cache_control(CacheControl::ephemeral().ttl(CacheTtl::OneHour)),
        ContentPart::image_url("https://x/cat.png"),
        ContentPart::image_url_with_detail("data:image/png;base64,AAAA", ImageDetail::High),
        ContentPart::input_audio("UklGR", "wav"),
        ContentPart::file_data("a.pdf", "data:application/pdf;base64,JVBER"),
        ContentPart::file_id("file_123"),
        ContentPart::video_url("https://x/v.mp4"),
    ]);
    assert_eq!(
        to_json(&message),
        json!({"role": "user", "content": [
            {"type": "text", "text": "Look", "cache_control": {"type": "ephemeral", "ttl": "1h"}},
            {"type": "image_url", "image_url": {"url": "https://x/cat.png"}},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "high"}},
            {"type": "input_audio", "input_audio": {"data": "UklGR", "format": "wav"}},
            {"type": "file", "file": {"filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBER"}},
            {"type": "file", "file": {"file_id": "file_123"}},
            {"type": "video_url", "video_url": {"url": "https://x/v.mp4"}}
        ]})
    );
    let legacy: ContentPart =
        round_trip(&json!({"type": "input_video", "video_url": {"url": "https://x/v.mp4"}}));
    assert!(matches!(legacy, ContentPart::InputVideo(_)));
    let breakpoint: ContentPart = round_trip(
        &json!({"type": "text", "text": "t", "prompt_cache_breakpoint": {"mode": "explicit"}}),
    );
    assert!(matches!(
        breakpoint,
        ContentPart::Text(TextPart {
            prompt_cache_breakpoint: Some(_),
            ..
        })
    ));
}

#[test]
fn openai_docs_messages_deserialize() {
    // As in OpenAI's chat completions reference: a vision message, an assistant turn with tool
    // calls and null content, and the tool answer.
    let pasted = json!([
        {"role": "developer", "content": "You are a helpful assistant."},
        {"role": "user", "content": [
            {"type": "text", "text": "What's in this image?"},
            {"type": "image_url", "image_url": {"url": "https://upload.wikimedia.org/a.jpg"}}
        ]},
        {"role": "assistant", "content": null, "tool_calls": [
            {"id": "call_abc123", "type": "function",
             "function": {"name": "get_current_weather", "arguments": "{\n\"location\": \"Boston, MA\"\n}"}}
        ]},
        {"role": "tool", "tool_call_id": "call_abc123", "content": "{\"temperature\": 22}"}
    ]);
    let messages: Vec<Message> = round_trip(&pasted);
    assert!(matches!(messages[0], Message::Developer(_)));
    assert!(
        matches!(&messages[1], Message::User(m) if matches!(&m.content, MessageContent::Parts(p) if p.len() == 2))
    );
    assert!(
        matches!(&messages[2], Message::Assistant(m) if m.content.is_none() && m.tool_calls.as_ref().map(Vec::len) == Some(1))
    );
    assert!(matches!(&messages[3], Message::Tool(m) if m.tool_call_id == "call_abc123"));
    assert_eq!(
        messages[1]
            .content()
            .and_then(MessageContent::text)
            .as_deref(),
        Some("What's in this image?")
    );
}

#[test]
fn unknown_things_survive_a_round_trip() {
    let body = json!({
        "model": "m",
        "messages": [
            {"role": "user", "content": [
                {"type": "text", "text": "hi", "new_part_field": 1},
                {"type": "hologram", "hologram": {"id": 7}}
            ], "new_message_field": {"a": 1}},
            {"role": "function", "name": "f", "content": "legacy"},
            {"role": "assistant", "content": "x", "annotations": [{"type": "url_citation"}]}
        ],
        "tools": [
            {"type": "code_interpreter", "container": {"type": "auto"}},
            {"type": "function", "function": {"name": "f", "x-extra": true}, "defer_loading": true},
            {"type": "openrouter:web_search", "parameters": {"max_results": 2, "new_knob": "on"}}
        ],
        "tool_choice": {"type": "allowed_tools", "mode": "auto", "tools": []},
        "plugins": [{"id": "telepathy", "level": 9}, {"id": "web", "new_option": 1}],
        "stop_server_tools_when": [{"type": "moon_phase_is", "phase": "full"}],
        "response_format": {"type": "xml", "root": "doc"},
        "provider": {"order": ["openai"], "new_pref": true},
        "brand_new_field": {"nested": [1, 2]}
    });
    let request: ChatRequest = round_trip(&body);
    assert_eq!(
        request.extra.get("brand_new_field"),
        Some(&json!({"nested": [1, 2]}))
    );
    assert!(
        matches!(&request.messages[0], Message::User(m) if m.extra.contains_key("new_message_field"))
    );
    assert!(matches!(&request.messages[1], Message::Other(_)));
    assert_eq!(request.messages[1].role(), Some("function"));
    let tools = request.tools.as_ref().expect("tools");
    assert!(matches!(&tools[0], Tool::Other(_)));
    assert_eq!(tools[0].kind(), Some("code_interpreter"));
    assert!(matches!(&tools[1], Tool::Function(_)));
    assert!(matches!(&tools[2], Tool::WebSearch(_)));
    let plugins = request.plugins.as_ref().expect("plugins");
    assert!(matches!(&plugins[0], Plugin::Other(_)));
    assert_eq!(plugins[0].id(), Some("telepathy"));
    assert!(matches!(&plugins[1], Plugin::Web(_)));
    assert!(matches!(
        request.response_format,
        Some(ResponseFormat::Other(_))
    ));
}

#[test]
fn tools_of_each_kind() {
    let schema =
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]});
    let request = hi()
        .tool(Tool::function(
            "get_weather",
            "Weather for a city",
            schema.clone(),
        ))
        .tool(
            FunctionTool::new(FunctionDefinition::new("noop").strict(true))
                .cache_control(CacheControl::ephemeral()),
        )
        .tool(Tool::web_search_with(
            WebSearchConfig::new()
                .engine(WebSearchEngine::Exa)
                .max_results(3)
                .allowed_domains(["example.com"])
                .user_location(UserLocation::approximate().city("Paris")),
        ))
        .tool(Tool::WebFetch(ServerTool::with(
            WebFetchConfig::new().max_uses(2),
        )))
        .tool(Tool::Datetime(ServerTool::with(DatetimeConfig::timezone(
            "Europe/Paris",
        ))))
        .tool(Tool::files())
        .tool(Tool::Bash(ServerTool::with(
            BashConfig::new()
                .engine(BashEngine::OpenRouter)
                .environment(BashEnvironment::container_reference("c1")),
        )))
        .tool(Tool::ImageGeneration(ServerTool::with(
            ImageGenerationConfig::new()
                .model("openai/gpt-5-image")
                .option("aspect_ratio", "16:9"),
        )))
        .tool(Tool::advisor(
            AdvisorConfig::new()
                .name("reviewer")
                .model("anthropic/claude-opus-4")
                .reasoning(ServerToolReasoning::new().effort(ReasoningEffort::High)),
        ))
        .tool(Tool::subagent(
            SubagentConfig::new()
                .model("m")
                .tools([NestedServerTool::new("openrouter:web_search")]),
        ))
        .tool(Tool::Fusion(ServerTool::with(
            FusionConfig::new().analysis_models(["a/b", "c/d"]),
        )))
        .tool(Tool::SearchModels(ServerTool::with(
            SearchModelsConfig::new().max_results(5),
        )))
        .tool(WebSearchShorthand::new(
            WebSearchConfig::new().search_context_size(SearchContextSize::Low),
        ));
    assert_eq!(
        to_json(&request)["tools"],
        json!([
            {"type": "function", "function": {"name": "get_weather", "description": "Weather for a city", "parameters": schema}},
            {"type": "function", "function": {"name": "noop", "strict": true}, "cache_control": {"type": "ephemeral"}},
            {"type": "openrouter:web_search", "parameters": {"engine": "exa", "max_results": 3,
                "allowed_domains": ["example.com"], "user_location": {"type": "approximate", "city": "Paris"}}},
            {"type": "openrouter:web_fetch", "parameters": {"max_uses": 2}},
            {"type": "openrouter:datetime", "parameters": {"timezone": "Europe/Paris"}},
            {"type": "openrouter:files"},
            {"type": "openrouter:bash", "parameters": {"engine": "openrouter",
                "environment": {"type": "container_reference", "container_id": "c1"}}},
            {"type": "openrouter:image_generation", "parameters": {"model": "openai/gpt-5-image", "aspect_ratio": "16:9"}},
            {"type": "openrouter:advisor", "parameters": {"name": "reviewer", "model": "anthropic/claude-opus-4",
                "reasoning": {"effort": "high"}}},
            {"type": "openrouter:subagent", "parameters": {"model": "m", "tools": [{"type": "openrouter:web_search"}]}},
            {"type": "openrouter:fusion", "parameters": {"analysis_models": ["a/b", "c/d"]}},
            {"type": "openrouter:experimental__search_models", "parameters": {"max_results": 5}},
            {"type": "web_search", "search_context_size": "low"}
        ])
    );
    for kind in [
        "web_search_preview",
        "web_search_preview_2025_03_11",
        "web_search_2025_08_26",
    ] {
        let tool: Tool = round_trip(&json!({"type": kind, "parameters": {"max_results": 1}}));
        assert_eq!(tool.kind(), Some(kind));
        assert!(matches!(tool, Tool::WebSearchShorthand(_)));
    }
}

#[test]
fn every_tool_choice_form() {
    let cases = [
        (ToolChoice::none(), json!("none")),
        (ToolChoice::auto(), json!("auto")),
        (ToolChoice::required(), json!("required")),
        (
            ToolChoice::function("get_weather"),
            json!({"type": "function", "function": {"name": "get_weather"}}),
        ),
        (
            ToolChoice::server_tool("openrouter:web_search"),
            json!({"type": "openrouter:web_search"}),
        ),
    ];
    for (choice, expected) in cases {
        let request = hi().tool_choice(choice.clone()).parallel_tool_calls(false);
        assert_eq!(
            to_json(&request),
            base(json!({"tool_choice": expected, "parallel_tool_calls": false}))
        );
        let decoded: ToolChoice = round_trip(&expected);
        assert_eq!(decoded, choice);
    }
}

#[test]
fn stop_server_tools_conditions() {
    let request = hi().stop_server_tools_when([
        StopServerToolsCondition::StepCountIs { step_count: 5 },
        StopServerToolsCondition::HasToolCall {
            tool_name: "finalize".into(),
        },
        StopServerToolsCondition::MaxTokensUsed { max_tokens: 10_000 },
        StopServerToolsCondition::MaxCost {
            max_cost_in_dollars: 0.5,
        },
        StopServerToolsCondition::FinishReasonIs {
            reason: "length".into(),
        },
    ]);
    assert_eq!(
        to_json(&request),
        base(json!({"stop_server_tools_when": [
            {"type": "step_count_is", "step_count": 5},
            {"type": "has_tool_call", "tool_name": "finalize"},
            {"type": "max_tokens_used", "max_tokens": 10000},
            {"type": "max_cost", "max_cost_in_dollars": 0.5},
            {"type": "finish_reason_is", "reason": "length"}
        ]}))
    );
}

#[test]
fn every_response_format() {
    let schema = json!({"type": "object", "properties": {"answer": {"type": "number"}}});
    let cases = [
        (ResponseFormat::Text, json!({"type": "text"})),
        (
            ResponseFormat::json_object(),
            json!({"type": "json_object"}),
        ),
        (
            ResponseFormat::json_schema("math", schema.clone()),
            json!({"type": "json_schema", "json_schema": {"name": "math", "schema": schema, "strict": true}}),
        ),
        (
            JsonSchemaFormat::new("bare").description("d").into(),
            json!({"type": "json_schema", "json_schema": {"name": "bare", "description": "d"}}),
        ),
        (
            ResponseFormat::grammar("root ::= \"yes\""),
            json!({"type": "grammar", "grammar": "root ::= \"yes\""}),
        ),
        (ResponseFormat::Python, json!({"type": "python"})),
    ];
    for (format, expected) in cases {
        assert_eq!(
            to_json(&hi().response_format(format.clone())),
            base(json!({"response_format": expected}))
        );
        let decoded: ResponseFormat = round_trip(&expected);
        assert_eq!(decoded, format);
    }
}

#[test]
fn reasoning_settings() {
    let request = hi()
        .reasoning(
            ReasoningConfig::with_effort(ReasoningEffort::XHigh)
                .summary(ReasoningSummaryVerbosity::Concise)
                .max_tokens(2000)
                .exclude(true)
                .enabled(true),
        )
        .reasoning_effort(ReasoningEffort::None);
    assert_eq!(
        to_json(&request),
        base(json!({
            "reasoning": {"effort": "xhigh", "summary": "concise", "max_tokens": 2000, "exclude": true, "enabled": true},
            "reasoning_effort": "none"
        }))
    );
    let future: ReasoningConfig = round_trip(&json!({"effort": "ludicrous"}));
    assert_eq!(
        future.effort,
        Some(ReasoningEffort::Other("ludicrous".into()))
    );
}

#[test]
fn provider_preferences_in_full() {
    let provider = ProviderPreferences::new()
        .order(["anthropic", "openai"])
        .only(["anthropic", "openai", "google-vertex"])
        .ignore(["deepinfra"])
        .allow_fallbacks(false)
        .require_parameters(true)
        .data_collection(DataCollection::Deny)
        .zdr(true)
        .enforce_distillable_text(false)
        .quantizations([Quantization::Fp8, Quantization::Bf16])
        .sort(SortBy::Throughput)
        .max_price(MaxPrice::new().prompt(1.0).completion("2.5").request(0.01))
        .preferred_max_latency(2.5)
        .preferred_min_throughput(PercentileCutoffs::new().p50(100.0).p90(50.0));
    let request = hi()
        .provider(provider)
        .models(["openai/gpt-4o-mini"])
        .route(Route::Fallback);
    assert_eq!(
        to_json(&request),
        base(json!({
            "provider": {
                "order": ["anthropic", "openai"],
                "only": ["anthropic", "openai", "google-vertex"],
                "ignore": ["deepinfra"],
                "allow_fallbacks": false,
                "require_parameters": true,
                "data_collection": "deny",
                "zdr": true,
                "enforce_distillable_text": false,
                "quantizations": ["fp8", "bf16"],
                "sort": "throughput",
                "max_price": {"prompt": 1.0, "completion": "2.5", "request": 0.01},
                "preferred_max_latency": 2.5,
                "preferred_min_throughput": {"p50": 100.0, "p90": 50.0}
            },
            "models": ["openai/gpt-4o-mini"],
            "route": "fallback"
        }))
    );
    let object_sort = ProviderPreferences::new()
        .sort(ProviderSort::across_models(SortBy::Price))
        .preferred_max_latency(PercentileCutoffs::new().p99(10.0))
        .preferred_min_throughput(30);
    assert_eq!(
        to_json(&object_sort),
        json!({"sort": {"by": "price", "partition": "none"},
               "preferred_max_latency": {"p99": 10.0}, "preferred_min_throughput": 30.0})
    );
    let decoded: ProviderPreferences =
        round_trip(&json!({"sort": "exacto", "preferred_max_latency": {"p50": 1}}));
    assert_eq!(decoded.sort, Some(ProviderSort::By(SortBy::Exacto)));
}

#[test]
fn every_plugin() {
    let request = hi()
        .plugin(Plugin::AutoRouter(
            AutoRouterPlugin::new()
                .allowed_models(["anthropic/*"])
                .cost_tier(CostTier::Low)
                .pin_model(true),
        ))
        .plugin(Plugin::AutoBetaRouter(
            AutoRouterPlugin::new().excluded_models(["openai/*"]),
        ))
        .plugin(Plugin::moderation())
        .plugin(
            WebPlugin::new()
                .engine(WebSearchEngine::Native)
                .max_results(5)
                .search_prompt("Sources:"),
        )
        .plugin(
            WebFetchPlugin::new()
                .blocked_domains(["example.org"])
                .max_content_tokens(1000),
        )
        .plugin(Plugin::file_parser(PdfEngine::MistralOcr))
        .plugin(Plugin::response_healing())
        .plugin(Plugin::context_compression())
        .plugin(
            ParetoRouterPlugin::new()
                .min_coding_score(0.5)
                .price_source(PriceSource::WeightedAvg),
        )
        .plugin(
            FusionPlugin::new()
                .preset(FusionPreset::GeneralFast)
                .tools(Vec::<NestedServerTool>::new()),
        )
        .plugin(Plugin::web());
    assert_eq!(
        to_json(&request),
        base(json!({"plugins": [
            {"id": "auto-router", "allowed_models": ["anthropic/*"], "cost_tier": "low", "pin_model": true},
            {"id": "auto-beta-router", "excluded_models": ["openai/*"]},
            {"id": "moderation"},
            {"id": "web", "engine": "native", "max_results": 5, "search_prompt": "Sources:"},
            {"id": "web-fetch", "blocked_domains": ["example.org"], "max_content_tokens": 1000},
            {"id": "file-parser", "pdf": {"engine": "mistral-ocr"}},
            {"id": "response-healing"},
            {"id": "context-compression"},
            {"id": "pareto-router", "min_coding_score": 0.5, "price_source": "weighted_avg"},
            {"id": "fusion", "preset": "general-fast", "tools": []},
            {"id": "web"}
        ]}))
    );
}

#[test]
fn legacy_transforms_and_usage() {
    let request = hi()
        .transforms(["middle-out"])
        .usage(UsageOptions::include());
    assert_eq!(
        to_json(&request),
        base(json!({"transforms": ["middle-out"], "usage": {"include": true}}))
    );
}

#[test]
fn stop_as_string_or_list() {
    assert_eq!(to_json(&hi().stop("END")), base(json!({"stop": "END"})));
    assert_eq!(
        to_json(&hi().stop(["\n", "END"])),
        base(json!({"stop": ["\n", "END"]}))
    );
    let one: Stop = round_trip(&json!("x"));
    assert_eq!(one, Stop::One("x".into()));
    let many: Stop = round_trip(&json!(["a", "b"]));
    assert_eq!(many, Stop::Many(vec!["a".into(), "b".into()]));
}

#[test]
fn sampling_caching_observability_and_the_rest() {
    let request = hi()
        .stream(true)
        .stream_options(StreamOptions::new().include_usage(true))
        .max_completion_tokens(512)
        .temperature(0.7)
        .top_p(0.9)
        .top_k(40)
        .top_a(0.1)
        .min_p(0.05)
        .frequency_penalty(0.5)
        .presence_penalty(-0.5)
        .repetition_penalty(1.1)
        .seed(42)
        .logprobs(true)
        .top_logprobs(5)
        .logit_bias(
            [("50256".to_owned(), -100.0)]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
        .cache_control(CacheControl::ephemeral().ttl(CacheTtl::FiveMinutes))
        .prompt_cache_key("k1")
        .prompt_cache_options(PromptCacheOptions::explicit().ttl("30m"))
        .session_id("s1")
        .trace(
            TraceConfig::new()
                .trace_id("t1")
                .span_name("span")
                .field("team", "infra"),
        )
        .metadata_entry("user_id", "u1")
        .service_tier(ServiceTier::Flex)
        .modalities([Modality::Text, Modality::Image])
        .image_config(
            json!({"aspect_ratio": "16:9"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        )
        .prediction(Prediction::content("fn main() {}"))
        .user("user-123")
        .debug(DebugOptions::new().echo_upstream_body(true))
        .extra_field("vendor_knob", json!({"x": 1}));
    assert_eq!(
        to_json(&request),
        base(json!({
            "stream": true,
            "stream_options": {"include_usage": true},
            "max_completion_tokens": 512,
            "temperature": 0.7,
            "top_p": 0.9,
            "top_k": 40,
            "top_a": 0.1,
            "min_p": 0.05,
            "frequency_penalty": 0.5,
            "presence_penalty": -0.5,
            "repetition_penalty": 1.1,
            "seed": 42,
            "logprobs": true,
            "top_logprobs": 5,
            "logit_bias": {"50256": -100.0},
            "cache_control": {"type": "ephemeral", "ttl": "5m"},
            "prompt_cache_key": "k1",
            "prompt_cache_options": {"mode": "explicit", "ttl": "30m"},
            "session_id": "s1",
            "trace": {"trace_id": "t1", "span_name": "span", "team": "infra"},
            "metadata": {"user_id": "u1"},
            "service_tier": "flex",
            "modalities": ["text", "image"],
            "image_config": {"aspect_ratio": "16:9"},
            "prediction": {"type": "content", "content": "fn main() {}"},
            "user": "user-123",
            "debug": {"echo_upstream_body": true},
            "vendor_knob": {"x": 1}
        }))
    );
}

#[test]
fn extra_fields_go_on_the_wire_and_come_back() {
    let mut request = hi();
    request
        .extra
        .insert("provider_specific".into(), json!(true));
    assert_eq!(to_json(&request), base(json!({"provider_specific": true})));
    let back: ChatRequest = round_trip(&to_json(&request));
    assert_eq!(back, request);
}
