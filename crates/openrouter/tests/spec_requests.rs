//! The chat requests this SDK builds are valid against the OpenAPI spec: every feature group
//! is serialised with the SDK's own constructors and setters, then checked with the
//! emulator's spec validator.

use std::collections::BTreeMap;

use openrouter::types::chat::*;
use openrouter_mock::spec;
use serde_json::{json, Value};

fn hi() -> ChatRequest {
    ChatRequest::new("openai/gpt-4o", [Message::user("Hi")])
}

/// Every request, named, that the SDK can build for one feature group.
fn cases() -> Vec<(&'static str, ChatRequest)> {
    let schema =
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]});
    let call = ToolCall::function("call_1", "get_weather", r#"{"city":"Paris"}"#);
    let mut detail = ReasoningDetail::new(ReasoningDetailKind::Text);
    detail.text = Some("thinking".into());
    detail.signature = Some("sig".into());
    vec![
        ("minimal", hi()),
        (
            "no model",
            ChatRequest::with_messages([Message::user("Hi")]),
        ),
        (
            "messages of every role",
            ChatRequest::new(
                "openai/gpt-4o",
                [
                    Message::system("sys"),
                    Message::developer("dev"),
                    UserMessage::new("hello").name("alice").into(),
                    Message::assistant("sure"),
                    AssistantMessage::default()
                        .tool_calls([call.clone()])
                        .reasoning("thinking")
                        .reasoning_details([detail])
                        .into(),
                    Message::assistant_tool_calls([call]),
                    Message::tool("call_1", "18C"),
                ],
            ),
        ),
        (
            "multimodal content parts",
            ChatRequest::new(
                "openai/gpt-4o",
                [
                    Message::system(vec![ContentPart::text("sys part")]),
                    Message::user(vec![
                        ContentPart::text("Look")
                            .with_cache_control(CacheControl::ephemeral().ttl(CacheTtl::OneHour)),
                        ContentPart::image_url("https://x/cat.png"),
                        ContentPart::image_url_with_detail(
                            "data:image/png;base64,AAAA",
                            ImageDetail::High,
                        ),
                        ContentPart::input_audio("UklGR", "wav"),
                        ContentPart::file_data("a.pdf", "data:application/pdf;base64,JVBER"),
                        ContentPart::file_id("file_123"),
                        ContentPart::video_url("https://x/v.mp4"),
                    ]),
                    Message::tool("call_1", vec![ContentPart::text("result")]),
                ],
            ),
        ),
        (
            "function tools",
            hi().tool(Tool::function("get_weather", "Weather for a city", schema))
                .tool(
                    FunctionTool::new(FunctionDefinition::new("noop").strict(true))
                        .cache_control(CacheControl::ephemeral()),
                ),
        ),
        (
            "server tools",
            hi().tool(Tool::web_search())
                .tool(Tool::web_search_with(
                    WebSearchConfig::new()
                        .engine(WebSearchEngine::Exa)
                        .max_results(3)
                        .allowed_domains(["example.com"])
                        .user_location(UserLocation::approximate().city("Paris")),
                ))
                .tool(Tool::web_fetch())
                .tool(Tool::WebFetch(ServerTool::with(
                    WebFetchConfig::new().max_uses(2),
                )))
                .tool(Tool::datetime())
                .tool(Tool::Datetime(ServerTool::with(DatetimeConfig::timezone(
                    "Europe/Paris",
                ))))
                .tool(Tool::files())
                .tool(Tool::bash())
                .tool(Tool::Bash(ServerTool::with(
                    BashConfig::new()
                        .engine(BashEngine::OpenRouter)
                        .environment(BashEnvironment::container_reference("c1")),
                )))
                .tool(Tool::Bash(ServerTool::with(
                    BashConfig::new().environment(BashEnvironment::container_auto()),
                )))
                .tool(Tool::image_generation())
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
                .tool(Tool::fusion())
                .tool(Tool::Fusion(ServerTool::with(
                    FusionConfig::new().analysis_models(["a/b", "c/d"]),
                )))
                .tool(Tool::search_models())
                .tool(Tool::SearchModels(ServerTool::with(
                    SearchModelsConfig::new().max_results(5),
                ))),
        ),
        (
            "web search shorthand",
            hi().tool(WebSearchShorthand::new(
                WebSearchConfig::new().search_context_size(SearchContextSize::Low),
            )),
        ),
        ("tool_choice none", hi().tool_choice(ToolChoice::none())),
        ("tool_choice auto", hi().tool_choice(ToolChoice::auto())),
        (
            "tool_choice required",
            hi().tool_choice(ToolChoice::required()),
        ),
        (
            "tool_choice function",
            hi().tool_choice(ToolChoice::function("get_weather"))
                .parallel_tool_calls(false),
        ),
        (
            "tool_choice server tool",
            hi().tool(Tool::web_search())
                .tool_choice(ToolChoice::server_tool("openrouter:web_search")),
        ),
        (
            "stop_server_tools_when",
            hi().stop_server_tools_when([
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
            ]),
        ),
        (
            "response_format text",
            hi().response_format(ResponseFormat::Text),
        ),
        (
            "response_format json_object",
            hi().response_format(ResponseFormat::json_object()),
        ),
        (
            "response_format json_schema",
            hi().response_format(ResponseFormat::json_schema(
                "math",
                json!({"type": "object", "properties": {"answer": {"type": "number"}}}),
            )),
        ),
        (
            "response_format json_schema without schema",
            hi().response_format(JsonSchemaFormat::new("bare").description("d")),
        ),
        (
            "response_format grammar",
            hi().response_format(ResponseFormat::grammar("root ::= \"yes\"")),
        ),
        (
            "response_format python",
            hi().response_format(ResponseFormat::Python),
        ),
        (
            "reasoning effort and summary",
            hi().reasoning(
                ReasoningConfig::with_effort(ReasoningEffort::XHigh)
                    .summary(ReasoningSummaryVerbosity::Concise),
            )
            .reasoning_effort(ReasoningEffort::XHigh),
        ),
        (
            "reasoning max_tokens, exclude, enabled (beyond the spec)",
            hi().reasoning(
                ReasoningConfig::with_max_tokens(2000)
                    .exclude(true)
                    .enabled(true),
            ),
        ),
        (
            "provider preferences",
            hi().provider(
                ProviderPreferences::new()
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
                    .preferred_max_latency(2.5)
                    .preferred_min_throughput(PercentileCutoffs::new().p50(100.0).p90(50.0)),
            )
            .models(["openai/gpt-4o-mini"])
            .route(Route::Fallback),
        ),
        (
            "provider max_price as strings",
            hi().provider(
                ProviderPreferences::new().max_price(MaxPrice::new().prompt("1").completion("2.5")),
            ),
        ),
        (
            "provider max_price as numbers",
            hi().provider(
                ProviderPreferences::new().max_price(MaxPrice::new().prompt(1.0).request(0.01)),
            ),
        ),
        (
            "provider sort object",
            hi().provider(
                ProviderPreferences::new()
                    .sort(ProviderSort::across_models(SortBy::Price))
                    .preferred_max_latency(PercentileCutoffs::new().p99(10.0))
                    .preferred_min_throughput(30),
            ),
        ),
        (
            "plugins",
            hi().plugin(Plugin::AutoRouter(
                AutoRouterPlugin::new()
                    .allowed_models(["anthropic/*"])
                    .cost_tier(CostTier::Low)
                    .pin_model(true),
            ))
            .plugin(Plugin::AutoBetaRouter(
                AutoRouterPlugin::new().excluded_models(["openai/*"]),
            ))
            .plugin(Plugin::auto_router())
            .plugin(Plugin::moderation())
            .plugin(Plugin::web())
            .plugin(
                WebPlugin::new()
                    .engine(WebSearchEngine::Native)
                    .max_results(5)
                    .search_prompt("Sources:"),
            )
            .plugin(Plugin::web_fetch())
            .plugin(
                WebFetchPlugin::new()
                    .blocked_domains(["example.org"])
                    .max_content_tokens(1000),
            )
            .plugin(Plugin::file_parser(PdfEngine::MistralOcr))
            .plugin(Plugin::response_healing())
            .plugin(Plugin::context_compression())
            .plugin(Plugin::pareto_router())
            .plugin(
                ParetoRouterPlugin::new()
                    .min_coding_score(0.5)
                    .price_source(PriceSource::WeightedAvg),
            )
            .plugin(Plugin::fusion())
            .plugin(
                FusionPlugin::new()
                    .preset(FusionPreset::GeneralFast)
                    .tools(Vec::<NestedServerTool>::new()),
            ),
        ),
        (
            "legacy transforms and usage (beyond the spec)",
            hi().transforms(["middle-out"])
                .usage(UsageOptions::include()),
        ),
        ("stop as a string", hi().stop("END")),
        ("stop as a list", hi().stop(["\n", "END"])),
        (
            "sampling, caching, observability and the rest",
            hi().stream(true)
                .stream_options(StreamOptions::new().include_usage(true))
                .max_tokens(256)
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
                        .collect::<BTreeMap<_, _>>(),
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
                .modalities([Modality::Text, Modality::Image, Modality::Audio])
                .image_config(
                    json!({"aspect_ratio": "16:9"})
                        .as_object()
                        .cloned()
                        .unwrap_or_default(),
                )
                .prediction(Prediction::content("fn main() {}"))
                .user("user-123")
                .debug(DebugOptions::new().echo_upstream_body(true))
                .extra_field("vendor_knob", json!({"x": 1})),
        ),
    ]
}

fn check(request: &ChatRequest) -> Result<(), String> {
    let bytes = serde_json::to_vec(request).map_err(|e| e.to_string())?;
    spec::validate_request(
        "POST",
        "/chat/completions",
        Some("application/json"),
        &bytes,
    )
    .map_err(|e| {
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        format!("{e}\n    sent: {body}")
    })
}

/// Requests the SDK builds that the spec rejects, with the path it rejects, so the list
/// stays honest: a case that becomes valid (or fails elsewhere) fails the test.
const KNOWN_INVALID: &[(&str, &str)] = &[
    // `PriceLimit::Number` sends a JSON number; the spec types every `max_price` field as a
    // string (OpenRouter's own docs show numbers there).
    (
        "provider max_price as numbers",
        "provider.max_price.prompt: expected string; found 1.0",
    ),
];

#[test]
fn every_chat_request_the_sdk_builds_is_valid_per_the_spec() {
    let mut failures = Vec::new();
    for (name, request) in cases() {
        let known = KNOWN_INVALID.iter().find(|(n, _)| *n == name);
        match (check(&request), known) {
            (Ok(()), None) => {}
            (Err(e), Some((_, expected))) if e.starts_with(expected) => {}
            (Ok(()), Some(_)) => {
                failures.push(format!("{name}: now valid; drop it from KNOWN_INVALID"))
            }
            (Err(e), _) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_check_does_catch_an_invalid_request() {
    // The escape hatch sends whatever it is given, so it can prove the check is live.
    let request = hi().extra_field("service_tier", "gold");
    let err = check(&request).unwrap_err();
    assert!(err.starts_with("service_tier: expected one of"), "{err}");
}
