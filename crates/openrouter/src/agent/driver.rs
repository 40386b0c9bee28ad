//! The loop itself: request, tool calls, stop conditions, repeat.

use futures_util::StreamExt;
use http::StatusCode;

use super::calls::{self, CallPlan};
use super::events::{AgentEvent, Sink};
use super::{Agent, AgentRun, AgentState, AgentStep, AgentUsage, StopReason, ToolFailure};
use crate::error::{ApiError, DecodeError, Error, Result};
use crate::stream::ChatAccumulator;
use crate::tools::{ToolError, ToolResult};
use crate::types::chat::{ChatRequest, ChatResult, FinishReason, Message, ToolCall};
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};

/// Runs `run` (with `new_messages` appended) until a stop reason, reporting to `sink`.
pub(super) async fn drive(
    agent: &Agent,
    mut run: AgentRun,
    new_messages: Vec<Message>,
    sink: Sink,
) -> Result<AgentRun> {
    if let Some(problem) = &agent.config_error {
        return Err(Error::InvalidRequest(problem.clone()));
    }
    let plan = CallPlan {
        tools: &agent.tools,
        approver: agent.approver.as_ref(),
        concurrency: agent.max_concurrency,
        policy: agent.on_tool_error,
    };
    // Calls an earlier run left unanswered go first: the API wants each call's result right
    // after the assistant turn that made it.
    let pending = calls::pending_calls(&run.messages);
    if !pending.is_empty() {
        for call in &pending {
            sink.emit(AgentEvent::ToolCall(call.clone()));
        }
        match plan.run(&pending, &sink).await {
            Ok(results) => answer(&mut run, &pending, results),
            Err(aborted) => {
                answer(&mut run, &pending, aborted.results);
                return Err(failure(run, &pending[aborted.index], aborted.error));
            }
        }
    }
    run.messages.extend(new_messages);

    // What this call spent, for the limits (a resumed run gets a fresh budget).
    let mut spent = AgentUsage::default();
    loop {
        if spent.requests >= agent.max_steps {
            return Ok(stopped(run, StopReason::MaxSteps));
        }
        let request = request_for(agent, &run.messages);
        let result = if sink.is_active() {
            streamed(agent, &request, &sink).await?
        } else {
            agent
                .client
                .chat()
                .with_options(agent.options.clone())
                .create(&request)
                .await?
        };
        let message = answer_of(&result)?;
        let calls = match &message {
            Message::Assistant(assistant) => assistant.tool_calls.clone().unwrap_or_default(),
            _ => Vec::new(),
        };
        for call in &calls {
            sink.emit(AgentEvent::ToolCall(call.clone()));
        }
        let finish_reason = result.finish_reason().cloned();
        let step = AgentStep {
            generation_id: result.id,
            model: result.model,
            finish_reason: finish_reason.clone(),
            usage: result.usage,
            tool_calls: calls.clone(),
            tool_results: Vec::new(),
        };
        spent.add(step.usage.as_ref());
        run.usage.add(step.usage.as_ref());
        run.messages.push(message);
        run.steps.push(step);

        if let Some(reason) = finish_reason.filter(|r| agent.stop_on_finish.contains(r)) {
            step_finished(&run, &sink);
            return Ok(stopped(run, StopReason::FinishReason(reason)));
        }
        if calls.is_empty() {
            step_finished(&run, &sink);
            return Ok(stopped(run, StopReason::Finished));
        }
        match plan.run(&calls, &sink).await {
            Ok(results) => answer(&mut run, &calls, results),
            Err(aborted) => {
                answer(&mut run, &calls, aborted.results);
                step_finished(&run, &sink);
                return Err(failure(run, &calls[aborted.index], aborted.error));
            }
        }
        step_finished(&run, &sink);

        let reason = limit_or_condition(agent, &run, &spent, &calls);
        if let Some(reason) = reason {
            return Ok(stopped(run, reason));
        }
    }
}

/// Whether the run stops after a step whose tools ran, and why (first match wins).
fn limit_or_condition(
    agent: &Agent,
    run: &AgentRun,
    spent: &AgentUsage,
    calls: &[ToolCall],
) -> Option<StopReason> {
    if let Some(call) = calls
        .iter()
        .find(|call| agent.stop_on_tools.contains(&call.function.name))
    {
        return Some(StopReason::ToolCalled(call.function.name.clone()));
    }
    if agent.max_cost.is_some_and(|max| spent.cost >= max) {
        return Some(StopReason::MaxCost);
    }
    if agent
        .max_tokens
        .is_some_and(|max| spent.total_tokens >= max)
    {
        return Some(StopReason::MaxTokens);
    }
    let state = AgentState {
        messages: &run.messages,
        steps: &run.steps,
        usage: &run.usage,
    };
    if agent.stop_when.as_ref().is_some_and(|holds| holds(&state)) {
        return Some(StopReason::Condition);
    }
    None
}

fn stopped(mut run: AgentRun, reason: StopReason) -> AgentRun {
    run.stop_reason = reason;
    run
}

fn step_finished(run: &AgentRun, sink: &Sink) {
    if let (true, Some(step)) = (sink.is_active(), run.steps.last()) {
        sink.emit(AgentEvent::StepFinished(Box::new(step.clone())));
    }
}

/// Appends the tool messages for the first `results.len()` of `calls`, and the results to
/// the step that made the calls.
fn answer(run: &mut AgentRun, calls: &[ToolCall], results: Vec<ToolResult>) {
    run.messages.extend(calls::tool_messages(calls, &results));
    let made_by = |step: &&mut AgentStep| {
        calls
            .first()
            .is_some_and(|first| step.tool_calls.iter().any(|call| call.id == first.id))
    };
    if let Some(step) = run.steps.iter_mut().rev().find(made_by) {
        step.tool_results.extend(results);
    }
}

/// The error for a call that failed under `Abort`. The run keeps the results of the calls
/// before it, so a resume runs only the failed call and those after it.
fn failure(mut run: AgentRun, call: &ToolCall, error: ToolError) -> Error {
    run.stop_reason = StopReason::ToolFailed(call.function.name.clone());
    Error::Tool(Box::new(ToolFailure {
        call: call.clone(),
        error,
        run,
    }))
}

/// The request for the next step: settings, instructions, base messages, the conversation,
/// and the tools.
fn request_for(agent: &Agent, history: &[Message]) -> ChatRequest {
    let mut request = agent.request.clone();
    let base = std::mem::take(&mut request.messages);
    request.messages = agent
        .instructions
        .iter()
        .map(|text| Message::system(text.as_str()))
        .chain(base)
        .chain(history.iter().cloned())
        .collect();
    if !agent.tools.is_empty() {
        request
            .tools
            .get_or_insert_with(Vec::new)
            .extend(agent.tools.definitions());
    }
    request
}

/// One step as a stream: text and reasoning reported as they arrive, folded into the same
/// result a plain request gives.
async fn streamed(agent: &Agent, request: &ChatRequest, sink: &Sink) -> Result<ChatResult> {
    let mut stream = agent
        .client
        .chat()
        .with_options(agent.options.clone())
        .stream(request)
        .await?;
    let mut accumulator = ChatAccumulator::new();
    // Providers that fill `reasoning` repeat its text in `reasoning_details`; the details
    // are read only from a stream that carries no `reasoning` text at all.
    let mut plain_reasoning = false;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if let Some(delta) = chunk.delta() {
            match delta.reasoning.as_deref() {
                Some(text) if !text.is_empty() => {
                    plain_reasoning = true;
                    sink.emit(AgentEvent::ReasoningDelta(text.to_owned()));
                }
                _ if plain_reasoning => {}
                _ => {
                    for detail in &delta.reasoning_details {
                        let text = detail.text.as_deref().or(detail.summary.as_deref());
                        if let Some(text) = text.filter(|t| !t.is_empty()) {
                            sink.emit(AgentEvent::ReasoningDelta(text.to_owned()));
                        }
                    }
                }
            }
            if let Some(text) = delta.content.as_deref().filter(|t| !t.is_empty()) {
                sink.emit(AgentEvent::TextDelta(text.to_owned()));
            }
        }
        accumulator.push(&chunk);
    }
    Ok(accumulator.finish())
}

/// The assistant message to append, or the error the answer carries instead.
fn answer_of(result: &ChatResult) -> Result<Message> {
    let Some(choice) = result.first_choice() else {
        let body = serde_json::to_string(result).unwrap_or_default();
        return Err(Error::Decode(Box::new(DecodeError {
            path: "choices".to_owned(),
            message: "the answer has no choices, so the agent has no turn to continue from"
                .to_owned(),
            body: crate::error::excerpt(body.as_bytes()),
            status: Some(StatusCode::OK),
            attempts: 1,
        })));
    };
    // A choice can end in an error inside a 200; continuing would hide it.
    if choice.error.is_some() || choice.finish_reason == Some(FinishReason::Error) {
        let error = choice.error.clone().unwrap_or_else(|| {
            ErrorObject::new(
                ErrorCode::Text("error".into()),
                "the provider ended the generation with finish_reason \"error\"",
            )
        });
        let body = ErrorBody {
            error,
            user_id: None,
            openrouter_metadata: None,
            extra: Default::default(),
        };
        return Err(ApiError::from_body(Some(StatusCode::OK), body).into());
    }
    Ok(choice.message.to_message())
}
