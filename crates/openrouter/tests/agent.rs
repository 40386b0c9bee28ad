//! The agent loop against the emulator's scripted turns: tool steps, limits, stop conditions,
//! approval, tool errors, reasoning round trips, streaming, resuming and cancellation.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use openrouter::agent::{Agent, AgentEvent, AgentRun, Approval, StopReason, ToolErrorPolicy};
use openrouter::tools::{NoArgs, ToolErrorKind, ToolStatus, TypedTool};
use openrouter::types::chat::{ChatRequest, FinishReason, Message, Tool};
use openrouter::{Client, Error, RequestOptions};
use openrouter_mock::{MockReply, MockServer, MockToolCall};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{json, Value};
use support::client_for;

const MODEL: &str = "openai/gpt-4o-mini";

#[derive(Debug, Deserialize, JsonSchema)]
struct CityArgs {
    /// A city name.
    city: String,
}

/// `get_weather`: fails for "Atlantis", counts its runs.
fn weather(runs: &Arc<AtomicUsize>) -> impl openrouter::tools::DynTool {
    let runs = Arc::clone(runs);
    TypedTool::new(
        "get_weather",
        "The weather in a city",
        move |args: CityArgs| {
            runs.fetch_add(1, Ordering::SeqCst);
            async move {
                if args.city == "Atlantis" {
                    Err("no weather station there".to_owned())
                } else {
                    Ok(format!("18C and clear in {}", args.city))
                }
            }
        },
    )
}

fn clock() -> impl openrouter::tools::DynTool {
    TypedTool::new("get_time", "The time", |_: NoArgs| async {
        Ok::<_, String>("12:00")
    })
}

fn agent(server: &MockServer, client: &Client) -> (Agent, Arc<AtomicUsize>) {
    let _ = server;
    let runs = Arc::new(AtomicUsize::new(0));
    let agent = Agent::new(client, MODEL)
        .instructions("Be brief.")
        .tool(weather(&runs))
        .tool(clock());
    (agent, runs)
}

/// The JSON bodies of the chat requests the emulator received, in order.
fn chat_bodies(server: &MockServer) -> Vec<Value> {
    server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/chat/completions"))
        .filter_map(|r| r.json())
        .collect()
}

fn roles(messages: &[Message]) -> Vec<&str> {
    messages.iter().filter_map(Message::role).collect()
}

fn call(name: &str, arguments: &str) -> MockToolCall {
    MockToolCall::new(name, arguments)
}

#[tokio::test]
async fn a_loop_with_two_tool_steps_ends_with_the_answer() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(
        MockReply::tool_calls([call("get_weather", r#"{"city":"Paris"}"#).with_id("call_w")])
            .with_usage(50, 10, 0.001),
    );
    server.push_reply(MockReply::tool_call("get_time", "").with_usage(70, 5, 0.002));
    server.push_reply(MockReply::text("Clear, and it is noon.").with_usage(90, 8, 0.003));
    let (agent, runs) = agent(&server, &client);

    let run = agent
        .run([Message::user("Weather and time in Paris?")])
        .await
        .unwrap();

    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(run.text().as_deref(), Some("Clear, and it is noon."));
    assert_eq!(
        roles(&run.messages),
        [
            "user",
            "assistant",
            "tool",
            "assistant",
            "tool",
            "assistant"
        ]
    );
    assert_eq!(run.steps.len(), 3);
    assert_eq!(run.steps[0].tool_calls[0].function.name, "get_weather");
    assert_eq!(
        run.steps[0].tool_results[0].content,
        "18C and clear in Paris"
    );
    assert_eq!(run.steps[1].tool_results[0].content, "12:00");
    assert_eq!(run.steps[2].finish_reason, Some(FinishReason::Stop));
    assert_eq!(run.usage.requests, 3);
    assert_eq!(run.usage.prompt_tokens, 210);
    assert_eq!(run.usage.completion_tokens, 23);
    assert!((run.cost() - 0.006).abs() < 1e-12, "{}", run.cost());
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert!(run.steps[0].generation_id.starts_with("gen-"));

    let bodies = chat_bodies(&server);
    assert_eq!(bodies.len(), 3);
    for body in &bodies {
        assert_eq!(body["model"], MODEL);
        assert_eq!(
            body["messages"][0],
            json!({"role": "system", "content": "Be brief."})
        );
        let tools: Vec<&str> = body["tools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["function"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(tools, ["get_weather", "get_time"]);
    }
    // The second request carries the first turn and its result, answering the right call.
    let second = bodies[1]["messages"].as_array().unwrap();
    assert_eq!(second.len(), 4);
    assert_eq!(second[2]["tool_calls"][0]["id"], "call_w");
    assert_eq!(second[3]["role"], "tool");
    assert_eq!(second[3]["tool_call_id"], "call_w");
    assert_eq!(second[3]["content"], "18C and clear in Paris");
    // Empty arguments go back as `{}`.
    assert_eq!(
        bodies[2]["messages"][4]["tool_calls"][0]["function"]["arguments"],
        "{}"
    );
    assert_eq!(server.pending_replies(), 0);
}

#[tokio::test]
async fn parallel_calls_run_concurrently_under_the_limit_and_answer_in_call_order() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (now, most) = (Arc::clone(&running), Arc::clone(&peak));
    #[derive(Deserialize, JsonSchema)]
    struct Wait {
        ms: u64,
    }
    let slow = TypedTool::new("slow", "Waits", move |args: Wait| {
        let (now, most) = (Arc::clone(&now), Arc::clone(&most));
        async move {
            let in_flight = now.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(in_flight, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(args.ms)).await;
            now.fetch_sub(1, Ordering::SeqCst);
            Ok::<_, String>(format!("waited {}", args.ms))
        }
    });
    // The first call takes longest, so completion order differs from call order.
    let waits = [60, 5, 30, 5, 10];
    server.push_reply(MockReply::tool_calls(waits.iter().enumerate().map(
        |(i, ms)| call("slow", &format!(r#"{{"ms":{ms}}}"#)).with_id(format!("c{i}")),
    )));
    server.push_reply(MockReply::text("done"));
    let agent = Agent::new(&client, MODEL).tool(slow).max_concurrency(2);

    let run = agent.run([Message::user("wait")]).await.unwrap();

    assert_eq!(
        peak.load(Ordering::SeqCst),
        2,
        "two calls at once, never more"
    );
    let contents: Vec<&str> = run.steps[0]
        .tool_results
        .iter()
        .map(|r| r.content.as_str())
        .collect();
    assert_eq!(
        contents,
        [
            "waited 60",
            "waited 5",
            "waited 30",
            "waited 5",
            "waited 10"
        ]
    );
    let sent = &chat_bodies(&server)[1]["messages"];
    let ids: Vec<&str> = (2..7)
        .map(|i| sent[i]["tool_call_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c0", "c1", "c2", "c3", "c4"]);
}

#[tokio::test]
async fn the_step_limit_stops_the_loop_with_a_complete_history() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    for _ in 0..3 {
        server.push_reply(MockReply::tool_call("get_time", "{}"));
    }
    let (agent, _) = agent(&server, &client);

    let run = agent
        .max_steps(2)
        .run([Message::user("time?")])
        .await
        .unwrap();

    assert_eq!(run.stop_reason, StopReason::MaxSteps);
    assert_eq!(run.steps.len(), 2);
    assert_eq!(chat_bodies(&server).len(), 2);
    assert_eq!(server.pending_replies(), 1);
    // Both steps' calls were answered, so the run can be resumed as it is.
    assert_eq!(roles(&run.messages).last(), Some(&"tool"));
}

#[tokio::test]
async fn the_cost_limit_stops_after_the_step_that_reached_it() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    for _ in 0..4 {
        server.push_reply(MockReply::tool_call("get_time", "{}").with_usage(100, 10, 0.3));
    }
    let (agent, _) = agent(&server, &client);

    let run = agent
        .max_cost(0.5)
        .run([Message::user("time?")])
        .await
        .unwrap();

    assert_eq!(run.stop_reason, StopReason::MaxCost);
    assert_eq!(run.steps.len(), 2);
    assert!((run.cost() - 0.6).abs() < 1e-12);
    assert_eq!(chat_bodies(&server).len(), 2);
}

#[tokio::test]
async fn the_token_limit_counts_every_request() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    for _ in 0..4 {
        server.push_reply(MockReply::tool_call("get_time", "{}").with_usage(400, 100, 0.0));
    }
    let (agent, _) = agent(&server, &client);
    let run = agent
        .max_tokens(1_000)
        .run([Message::user("time?")])
        .await
        .unwrap();
    assert_eq!(run.stop_reason, StopReason::MaxTokens);
    assert_eq!(run.usage.total_tokens, 1_000);
    assert_eq!(run.steps.len(), 2);
}

#[tokio::test]
async fn stop_on_tool_runs_that_tool_then_stops() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_call("get_weather", r#"{"city":"Rome"}"#));
    server.push_reply(MockReply::text("never asked"));
    let (agent, runs) = agent(&server, &client);

    let run = agent
        .stop_on_tool("get_weather")
        .run([Message::user("weather?")])
        .await
        .unwrap();

    assert_eq!(
        run.stop_reason,
        StopReason::ToolCalled("get_weather".into())
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    let Some(Message::Tool(last)) = run.messages.last() else {
        panic!("the tool's result ends the history");
    };
    assert_eq!(
        last.content.text().as_deref(),
        Some("18C and clear in Rome")
    );
    assert_eq!(chat_bodies(&server).len(), 1);
}

#[tokio::test]
async fn a_custom_condition_stops_the_loop() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    for _ in 0..3 {
        server.push_reply(MockReply::tool_call("get_time", "{}"));
    }
    let (agent, _) = agent(&server, &client);
    let run = agent
        .stop_when(|state| state.steps.len() == 2 && state.last_step().is_some())
        .run([Message::user("time?")])
        .await
        .unwrap();
    assert_eq!(run.stop_reason, StopReason::Condition);
    assert_eq!(run.steps.len(), 2);
}

#[tokio::test]
async fn a_denied_call_does_not_run_and_the_model_is_told_why() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_calls([
        call("get_weather", r#"{"city":"Oslo"}"#).with_id("call_denied"),
        call("get_time", "").with_id("call_ok"),
    ]));
    server.push_reply(MockReply::text("I could not check the weather."));
    let (agent, runs) = agent(&server, &client);
    let asked = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&asked);

    let run = agent
        .approve_with(move |call| {
            count.fetch_add(1, Ordering::SeqCst);
            async move {
                if call.function.name == "get_weather" {
                    Approval::deny("weather lookups are switched off")
                } else {
                    Approval::Approve
                }
            }
        })
        .run([Message::user("weather and time?")])
        .await
        .unwrap();

    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(asked.load(Ordering::SeqCst), 2);
    assert_eq!(runs.load(Ordering::SeqCst), 0, "the denied tool never ran");
    let results = &run.steps[0].tool_results;
    assert_eq!(results[0].status, ToolStatus::Error);
    assert_eq!(results[0].error_kind, Some(ToolErrorKind::Denied));
    assert_eq!(results[1].content, "12:00");
    let sent = &chat_bodies(&server)[1]["messages"];
    assert_eq!(sent[3]["tool_call_id"], "call_denied");
    let told = sent[3]["content"].as_str().unwrap();
    assert!(told.contains("not approved"), "{told}");
    assert!(told.contains("weather lookups are switched off"), "{told}");
    assert_eq!(sent[4]["content"], "12:00");
}

#[tokio::test]
async fn tool_errors_are_fed_back_to_the_model() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_calls([
        call("get_weather", r#"{"city":"Atlantis"}"#),
        call("get_weather", r#"{"city": 7}"#),
        call("get_news", "{}"),
    ]));
    server.push_reply(MockReply::text("Sorry."));
    let (agent, _) = agent(&server, &client);

    let run = agent.run([Message::user("weather?")]).await.unwrap();

    assert_eq!(run.stop_reason, StopReason::Finished);
    let kinds: Vec<_> = run.steps[0]
        .tool_results
        .iter()
        .map(|r| r.error_kind)
        .collect();
    assert_eq!(
        kinds,
        [
            Some(ToolErrorKind::Failed),
            Some(ToolErrorKind::InvalidArguments),
            Some(ToolErrorKind::UnknownTool)
        ]
    );
    let sent = &chat_bodies(&server)[1]["messages"];
    let failed = sent[3]["content"].as_str().unwrap();
    assert_eq!(failed, "Error (tool failed): no weather station there");
    let invalid = sent[4]["content"].as_str().unwrap();
    assert!(invalid.contains("`city`"), "{invalid}");
    let unknown = sent[5]["content"].as_str().unwrap();
    assert!(unknown.contains("`get_news`"), "{unknown}");
    assert!(unknown.contains("`get_weather`, `get_time`"), "{unknown}");
}

#[tokio::test]
async fn abort_mode_stops_at_the_failed_call_and_keeps_the_run() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_calls([
        call("get_time", "").with_id("first"),
        call("get_weather", r#"{"city":"Atlantis"}"#).with_id("broken"),
        call("get_time", "").with_id("third"),
    ]));
    server.push_reply(MockReply::text("after the fix"));
    let (agent, _) = agent(&server, &client);
    let agent = agent.on_tool_error(ToolErrorPolicy::Abort);

    let error = agent.run([Message::user("go")]).await.unwrap_err();

    let Error::Tool(failure) = error else {
        panic!("expected a tool error, got {error:?}");
    };
    assert_eq!(failure.call.id, "broken");
    assert_eq!(failure.error.kind, ToolErrorKind::Failed);
    assert_eq!(failure.error.message, "no weather station there");
    assert!(failure.to_string().contains("get_weather"), "{failure}");
    assert_eq!(
        failure.run.stop_reason,
        StopReason::ToolFailed("get_weather".into())
    );
    assert_eq!(
        chat_bodies(&server).len(),
        1,
        "no request after the failure"
    );
    // The call before the failure was answered; the failed one and the one after were not.
    assert_eq!(roles(&failure.run.messages), ["user", "assistant", "tool"]);
    assert_eq!(failure.run.steps[0].tool_results.len(), 1);

    // Resuming with feedback runs the two unanswered calls, then continues.
    let feedback = agent.on_tool_error(ToolErrorPolicy::FeedBack);
    let run = feedback.resume(failure.run, []).await.unwrap();
    assert_eq!(run.stop_reason, StopReason::Finished);
    let sent = &chat_bodies(&server)[1]["messages"];
    let answered: Vec<&str> = (3..6)
        .map(|i| sent[i]["tool_call_id"].as_str().unwrap())
        .collect();
    assert_eq!(answered, ["first", "broken", "third"]);
    assert_eq!(run.steps[0].tool_results.len(), 3);
}

fn signed_details() -> Vec<Value> {
    vec![
        json!({
            "type": "reasoning.text",
            "text": "Check the weather first.",
            "signature": "EqQBCkgIARABGAIiQL+/sig+with/slashes==",
            "format": "anthropic-claude-v1",
            "index": 0
        }),
        json!({
            "type": "reasoning.encrypted",
            "data": "gAAAAABo-opaque-\u{00e9}-blob",
            "id": "rs_1",
            "format": "openai-responses-v1",
            "index": 1,
            "vendor_extra": {"kept": [1, 2, 3]}
        }),
    ]
}

#[tokio::test]
async fn reasoning_details_go_back_unchanged_plain_and_streamed() {
    for streamed in [false, true] {
        let server = MockServer::start().await;
        let client = client_for(&server);
        server.push_reply(
            MockReply::tool_call("get_time", "{}")
                .with_reasoning("Check the weather first.")
                .with_reasoning_details(signed_details()),
        );
        server.push_reply(MockReply::text("noon"));
        let (agent, _) = agent(&server, &client);
        let messages = [Message::user("time?")];
        if streamed {
            let events: Vec<_> = agent.run_stream(messages).collect().await;
            assert!(events.iter().all(Result::is_ok));
        } else {
            agent.run(messages).await.unwrap();
        }
        let sent = &chat_bodies(&server)[1]["messages"][2];
        assert_eq!(
            sent["reasoning_details"],
            Value::Array(signed_details()),
            "streamed: {streamed}"
        );
        // The exact strings, byte for byte.
        assert_eq!(
            sent["reasoning_details"][0]["signature"]
                .as_str()
                .unwrap()
                .as_bytes(),
            signed_details()[0]["signature"]
                .as_str()
                .unwrap()
                .as_bytes()
        );
        assert_eq!(sent["reasoning"], "Check the weather first.");
    }
}

/// A compact name for each event, to compare sequences.
fn kind(event: &AgentEvent) -> &'static str {
    match event {
        AgentEvent::TextDelta(_) => "text",
        AgentEvent::ReasoningDelta(_) => "reasoning",
        AgentEvent::ToolCall(_) => "call",
        AgentEvent::ToolResult { .. } => "result",
        AgentEvent::StepFinished(_) => "step",
        AgentEvent::Finished(_) => "finished",
        _ => "other",
    }
}

#[tokio::test]
async fn run_stream_reports_events_in_order_and_ends_with_the_run() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(
        MockReply::tool_calls([
            call("get_time", "").with_id("t1"),
            call("get_weather", r#"{"city":"Kyiv"}"#).with_id("w1"),
        ])
        .with_reasoning("I need the time and the weather."),
    );
    server.push_reply(MockReply::text("It is noon and clear in Kyiv.").with_usage(10, 5, 0.01));
    let (agent, _) = agent(&server, &client);

    let events: Vec<AgentEvent> = agent
        .run_stream([Message::user("time and weather?")])
        .map(Result::unwrap)
        .collect()
        .await;

    let mut kinds: Vec<&str> = events.iter().map(kind).collect();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "reasoning",
            "call",
            "result",
            "step",
            "text",
            "step",
            "finished"
        ]
    );
    let calls: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            AgentEvent::ToolCall(call) => Some(call.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(calls, ["t1", "w1"]);
    let results: Vec<(&str, &str)> = events
        .iter()
        .filter_map(|e| match e {
            AgentEvent::ToolResult { call, result } => {
                Some((call.id.as_str(), result.content.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(results, [("t1", "12:00"), ("w1", "18C and clear in Kyiv")]);
    let reasoning: String = events
        .iter()
        .filter_map(|e| match e {
            AgentEvent::ReasoningDelta(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(reasoning, "I need the time and the weather.");
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            AgentEvent::TextDelta(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let Some(AgentEvent::Finished(run)) = events.last() else {
        panic!("the last event is the run");
    };
    assert_eq!(run.text().as_deref(), Some(text.as_str()));
    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(run.steps.len(), 2);
    let Some(AgentEvent::StepFinished(last_step)) = events.get(events.len() - 2) else {
        panic!("a step ends before the run");
    };
    assert_eq!(last_step.usage.as_ref().map(|u| u.prompt_tokens), Some(10));
    assert!(chat_bodies(&server).iter().all(|b| b["stream"] == true));
}

#[tokio::test]
async fn a_failing_stream_yields_its_error_after_the_events_before_it() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_call("get_time", ""));
    server.push_reply(MockReply::text("").with_finish_reason("error"));
    let (agent, _) = agent(&server, &client);
    let events: Vec<_> = agent.run_stream([Message::user("time?")]).collect().await;
    let (last, before) = events.split_last().unwrap();
    assert!(before.iter().all(Result::is_ok));
    assert_eq!(
        before
            .iter()
            .filter(|e| matches!(e, Ok(AgentEvent::StepFinished(_))))
            .count(),
        1
    );
    assert!(matches!(last, Err(Error::Api(_))), "{last:?}");
}

#[tokio::test]
async fn a_choice_that_ended_in_error_fails_the_run() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::text("").with_finish_reason("error"));
    let (agent, _) = agent(&server, &client);
    let error = agent.run([Message::user("hi")]).await.unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
}

#[tokio::test]
async fn a_saved_run_resumes_with_its_whole_history() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_call("get_time", "").with_usage(10, 1, 0.1));
    server.push_reply(MockReply::text("Noon.").with_usage(20, 2, 0.2));
    server.push_reply(
        MockReply::tool_call("get_weather", r#"{"city":"Lima"}"#).with_usage(30, 3, 0.3),
    );
    server.push_reply(MockReply::text("Clear.").with_usage(40, 4, 0.4));
    let (agent, _) = agent(&server, &client);

    let first = agent.run([Message::user("time?")]).await.unwrap();
    let saved = serde_json::to_string(&first).unwrap();
    let restored: AgentRun = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored, first);

    let run = agent
        .resume(restored, [Message::user("and the weather in Lima?")])
        .await
        .unwrap();

    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(run.text().as_deref(), Some("Clear."));
    assert_eq!(run.steps.len(), 4);
    assert_eq!(run.usage.requests, 4);
    assert_eq!(run.usage.prompt_tokens, 100);
    assert!((run.cost() - 1.0).abs() < 1e-12);
    let bodies = chat_bodies(&server);
    let third = bodies[2]["messages"].as_array().unwrap();
    // system, user, assistant(call), tool, assistant("Noon."), user
    assert_eq!(third.len(), 6);
    assert_eq!(third[4]["content"], "Noon.");
    assert_eq!(third[5]["content"], "and the weather in Lima?");
    assert_eq!(
        roles(&run.messages),
        [
            "user",
            "assistant",
            "tool",
            "assistant",
            "user",
            "assistant",
            "tool",
            "assistant"
        ]
    );
}

#[tokio::test]
async fn a_run_stopped_on_a_finish_reason_runs_its_calls_when_resumed() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_calls([call(
        "get_weather",
        r#"{"city":"Nice"}"#,
    )
    .with_id("c1")]));
    server.push_reply(MockReply::text("Clear in Nice."));
    let (agent, runs) = agent(&server, &client);
    let agent = agent.stop_on_finish_reason(FinishReason::ToolCalls);

    let run = agent.run([Message::user("weather?")]).await.unwrap();
    assert_eq!(
        run.stop_reason,
        StopReason::FinishReason(FinishReason::ToolCalls)
    );
    assert_eq!(
        runs.load(Ordering::SeqCst),
        0,
        "stopped before running the tool"
    );

    let run = agent.resume(run, []).await.unwrap();
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(
        run.steps[0].tool_results[0].content,
        "18C and clear in Nice"
    );
    assert_eq!(chat_bodies(&server)[1]["messages"][3]["tool_call_id"], "c1");
}

async fn wait_for_requests(server: &MockServer, n: usize) {
    for _ in 0..500 {
        if server.request_count() >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the emulator never got {n} requests");
}

#[tokio::test]
async fn dropping_the_run_mid_loop_closes_the_request_in_flight() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_call("get_time", ""));
    server.push_reply(MockReply::text("too late").with_delay(Duration::from_secs(60)));
    let (agent, _) = agent(&server, &client);

    tokio::select! {
        outcome = agent.run([Message::user("time?")]) => panic!("the run ended: {outcome:?}"),
        () = wait_for_requests(&server, 2) => {}
    }
    // The run future is dropped here, in the middle of its second step.
    assert!(
        server.wait_for_disconnects(1, Duration::from_secs(5)).await,
        "the emulator saw the connection close"
    );

    // The same for a streamed run.
    server.push_reply(MockReply::tool_call("get_time", ""));
    server.push_reply(MockReply::text("too late").with_delay(Duration::from_secs(60)));
    let mut stream = agent.run_stream([Message::user("time?")]);
    loop {
        let event = stream.next().await.unwrap().unwrap();
        if matches!(event, AgentEvent::StepFinished(_)) {
            break;
        }
    }
    // Reading on drives the run into its second request, which the emulator holds.
    tokio::select! {
        event = stream.next() => panic!("the run went on: {event:?}"),
        () = wait_for_requests(&server, 4) => {}
    }
    drop(stream);
    assert!(server.wait_for_disconnects(2, Duration::from_secs(5)).await);
}

#[tokio::test]
async fn a_duplicate_tool_fails_the_run_before_any_request() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let agent = Agent::new(&client, MODEL).tool(clock()).tool(clock());
    let error = agent.run([Message::user("time?")]).await.unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert!(error.to_string().contains("`get_time`"), "{error}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn without_a_script_the_emulator_calls_the_first_tool_then_answers() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let (agent, runs) = agent(&server, &client);
    let run = agent.run([Message::user("weather?")]).await.unwrap();
    assert_eq!(run.stop_reason, StopReason::Finished);
    assert_eq!(run.steps.len(), 2);
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    let text = run.text().unwrap();
    assert!(text.contains("The tool returned"), "{text}");
}

#[tokio::test]
async fn reasoning_sent_only_as_details_is_streamed_from_them() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::text("noon").with_reasoning_details([json!({
        "type": "reasoning.summary", "summary": "Look at the clock.", "format": "unknown", "index": 0
    })]));
    let (agent, _) = agent(&server, &client);
    let reasoning: Vec<String> = agent
        .run_stream([Message::user("time?")])
        .filter_map(|event| async move {
            match event {
                Ok(AgentEvent::ReasoningDelta(text)) => Some(text),
                _ => None,
            }
        })
        .collect()
        .await;
    assert_eq!(reasoning, ["Look at the clock."]);
}

#[tokio::test]
async fn request_settings_options_and_server_tools_go_with_every_step() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    server.push_reply(MockReply::tool_call("get_time", ""));
    server.push_reply(MockReply::text("noon"));
    let (agent, _) = agent(&server, &client);
    let base = ChatRequest::with_messages([Message::developer("The user is in Paris.")])
        .temperature(0.1)
        .tool(Tool::datetime());
    let run = agent
        .request(base)
        .options(RequestOptions::new().header("x-session-id", "chat-42"))
        .run([Message::user("time?")])
        .await
        .unwrap();
    assert_eq!(run.stop_reason, StopReason::Finished);
    // The run's history holds the conversation only, not the agent's own messages.
    assert_eq!(
        roles(&run.messages),
        ["user", "assistant", "tool", "assistant"]
    );
    let requests: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/chat/completions"))
        .collect();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.header("x-session-id"), Some("chat-42"));
        let body = request.json().unwrap();
        assert_eq!(
            body["model"], MODEL,
            "the agent's model stays when the base has none"
        );
        assert_eq!(body["temperature"], 0.1);
        assert_eq!(body["messages"][0]["role"], "system");
        assert_eq!(body["messages"][1]["role"], "developer");
        assert_eq!(body["messages"][2]["role"], "user");
        let kinds: Vec<&str> = body["tools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["type"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["openrouter:datetime", "function", "function"]);
    }
}

#[test]
fn the_text_of_a_run_is_the_last_assistant_turn() {
    let run: AgentRun = serde_json::from_value(json!({
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "earlier answer"},
            {"role": "user", "content": "call a tool"},
            {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "c", "content": "done"}
        ],
        "steps": [],
        "usage": {"requests": 0, "prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0,
                  "reasoning_tokens": 0, "cached_tokens": 0, "cost": 0.0},
        "stop_reason": {"tool_called": "f"}
    }))
    .unwrap();
    assert_eq!(run.text(), None, "the last turn only called a tool");
    assert_eq!(run.stop_reason, StopReason::ToolCalled("f".into()));
}
