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
    assert_eq!(normalize(&encoded), normalize(value), "round trip changed the JSON");
    decoded
}

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openrouter-openapi.yaml");
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
    let mut body = json!({"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Hi"}]});
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
    let body = &spec()["paths"]["/chat/completions"]["post"]["requestBody"]["content"]["application/json"];
    let mut examples = vec![&schema("ChatRequest")["example"]];
    if let Some(example) = body.get("example") {
        examples.push(example);
    }
    if let Some(named) = body.get("examples").and_then(Value::as_object) {
        examples.extend(named.values().map(|e| &e["value"]));
    }
    for example in examples {
        let request: ChatRequest = round_trip(example);
        assert!(request.extra.is_empty(), "untyped fields: {:?}", request.extra);
    }
}

#[test]
fn every_chat_request_property_example_is_a_typed_field() {
    let properties = schema("ChatRequest")["properties"].as_object().expect("properties");
    let mut body = Map::new();
    for (name, property) in properties {
        let example = property.get("example").or_else(|| resolve(property).get("example"));
        if let Some(example) = example {
            body.insert(name.clone(), example.clone());
        }
    }
    let request: ChatRequest = round_trip(&Value::Object(body.clone()));
    assert!(request.extra.is_empty(), "untyped fields: {:?}", request.extra);
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
        for part in parts.iter().filter(|p| p.get("$ref").is_some() || p.get("properties").is_some()) {
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
        return values.iter().find(|v| !v.is_null()).cloned().expect("enum value");
    }
    match schema_type(s) {
        Some("object") | None if s.get("properties").is_some() || s.get("additionalProperties").is_some() => {
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
                Value::Array(alternatives.iter().map(|alt| generate(alt, pick, depth + 1)).collect())
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
    let list = s.get("oneOf").or_else(|| s.get("anyOf")).and_then(Value::as_array);
    list.map(|l| l.iter().filter(|alt| schema_type(alt) != Some("null")).collect())
        .unwrap_or_default()
}

fn schema_type(s: &Value) -> Option<&str> {
    match s.get("type")? {
        Value::String(t) => Some(t),
        Value::Array(types) => types.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

#[test]
fn requests_generated_from_the_schema_round_trip_with_every_field_typed() {
    for pick in 0..12 {
        let body = generate(schema("ChatRequest"), pick, 0);
        let request: ChatRequest = round_trip(&body);
        assert!(request.extra.is_empty(), "pick {pick}: untyped fields {:?}", request.extra);
        // One of each role, tool kind and plugin.
        assert_eq!(request.messages.len(), 5);
        assert_eq!(request.tools.as_ref().map(Vec::len), Some(12));
        assert_eq!(request.plugins.as_ref().map(Vec::len), Some(10));
        // Every message, part, tool and plugin decoded into its typed variant.
        for message in &request.messages {
            assert!(!matches!(message, Message::Other(_)), "pick {pick}: untyped message {message:?}");
            if let Some(MessageContent::Parts(parts)) = message.content() {
                for part in parts {
                    assert!(!matches!(part, ContentPart::Other(_)), "pick {pick}: untyped part {part:?}");
                }
            }
        }
        for tool in request.tools.iter().flatten() {
            assert!(!matches!(tool, Tool::Other(_)), "pick {pick}: untyped tool {tool:?}");
        }
        for plugin in request.plugins.iter().flatten() {
            assert!(!matches!(plugin, Plugin::Other(_)), "pick {pick}: untyped plugin {plugin:?}");
        }
        for condition in request.stop_server_tools_when.iter().flatten() {
            assert!(!matches!(condition, StopServerToolsCondition::Other(_)));
        }
        assert!(!matches!(request.response_format, Some(ResponseFormat::Other(_))));
    }
}
