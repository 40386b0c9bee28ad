//! What a run of the agent produced: the conversation, each step, the totals, and why it
//! stopped. All of it serializes, so a run can be saved and resumed later.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::tools::{ToolError, ToolResult};
use crate::types::chat::{FinishReason, Message, ToolCall, Usage};

/// The result of [`Agent::run`](super::Agent::run): the whole conversation and its cost.
///
/// Save it with serde (`serde_json::to_string(&run)`) and continue it later with
/// [`Agent::resume`](super::Agent::resume).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentRun {
    /// The conversation: the messages the run started with, then every assistant turn
    /// (with its `reasoning_details` as the model sent them) and tool result. The agent's
    /// own instructions are configuration and are not repeated here.
    pub messages: Vec<Message>,
    /// One entry per model request, in order.
    pub steps: Vec<AgentStep>,
    /// Tokens and cost of all the steps.
    pub usage: AgentUsage,
    /// Why the run stopped.
    pub stop_reason: StopReason,
}

impl AgentRun {
    pub(crate) fn new(messages: Vec<Message>) -> Self {
        Self {
            messages,
            steps: Vec::new(),
            usage: AgentUsage::default(),
            stop_reason: StopReason::Finished,
        }
    }

    /// The text of the last assistant message, usually the final answer; `None` when that message has no text (it only called tools).
    pub fn text(&self) -> Option<String> {
        let last = self
            .messages
            .iter()
            .rev()
            .find_map(|message| match message {
                Message::Assistant(assistant) => Some(assistant),
                _ => None,
            })?;
        last.content.as_ref()?.text()
    }

    /// What the whole run cost in credits (USD), as reported by the server.
    pub fn cost(&self) -> f64 {
        self.usage.cost
    }
}

/// One model request of a run and the tool calls it led to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentStep {
    /// The generation id (`gen-...`), to look the request up with `/generation`.
    pub generation_id: String,
    /// The model that answered.
    pub model: String,
    /// Why the model stopped generating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_reason: Option<FinishReason>,
    /// Tokens and cost of this request, as the server reported them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// The tool calls the model made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<ToolCall>,
    /// The results sent back, in the order of `tool_calls` (fewer when the run stopped
    /// before running them all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tool_results: Vec<ToolResult>,
}

/// Token and cost totals over the steps of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentUsage {
    /// Model requests made.
    pub requests: u32,
    /// Prompt tokens over all requests (the history is counted again on every request).
    pub prompt_tokens: u64,
    /// Completion tokens, reasoning included.
    pub completion_tokens: u64,
    /// Prompt plus completion tokens.
    pub total_tokens: u64,
    /// Completion tokens spent on reasoning.
    pub reasoning_tokens: u64,
    /// Prompt tokens read from a provider cache.
    pub cached_tokens: u64,
    /// Cost in credits (USD); requests whose usage reported no cost count as 0.
    pub cost: f64,
}

impl AgentUsage {
    /// Adds one request's usage.
    pub(crate) fn add(&mut self, usage: Option<&Usage>) {
        self.requests += 1;
        let Some(usage) = usage else {
            return;
        };
        self.prompt_tokens += usage.prompt_tokens;
        self.completion_tokens += usage.completion_tokens;
        self.total_tokens += usage
            .total_tokens
            .max(usage.prompt_tokens + usage.completion_tokens);
        self.reasoning_tokens += usage.reasoning_tokens();
        self.cached_tokens += usage.cached_tokens();
        self.cost += usage.cost_f64().unwrap_or(0.0);
    }
}

/// Why a run stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StopReason {
    /// The model answered without calling a tool.
    Finished,
    /// The step limit ([`Agent::max_steps`](super::Agent::max_steps)) was reached.
    MaxSteps,
    /// The cost limit ([`Agent::max_cost`](super::Agent::max_cost)) was reached.
    MaxCost,
    /// The token limit ([`Agent::max_tokens`](super::Agent::max_tokens)) was reached.
    MaxTokens,
    /// The model called this tool ([`Agent::stop_on_tool`](super::Agent::stop_on_tool)); its
    /// result is the last tool message.
    ToolCalled(String),
    /// The model stopped with this finish reason
    /// ([`Agent::stop_on_finish_reason`](super::Agent::stop_on_finish_reason)); its tool
    /// calls, if any, did not run ([`Agent::resume`](super::Agent::resume) runs them).
    FinishReason(FinishReason),
    /// The caller's condition ([`Agent::stop_when`](super::Agent::stop_when)) held.
    Condition,
    /// A tool failed with [`ToolErrorPolicy::Abort`](super::ToolErrorPolicy::Abort); see
    /// [`ToolFailure`].
    ToolFailed(String),
}

/// The run so far, as a [`stop_when`](super::Agent::stop_when) condition sees it after
/// each step.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct AgentState<'a> {
    /// The conversation so far.
    pub messages: &'a [Message],
    /// The steps so far, the one just finished last.
    pub steps: &'a [AgentStep],
    /// The totals so far.
    pub usage: &'a AgentUsage,
}

impl AgentState<'_> {
    /// The step just finished.
    pub fn last_step(&self) -> Option<&AgentStep> {
        self.steps.last()
    }
}

/// A tool call that failed while the agent ran with
/// [`ToolErrorPolicy::Abort`](super::ToolErrorPolicy::Abort), carried by
/// [`Error::Tool`](crate::Error::Tool).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ToolFailure {
    /// The call that failed.
    pub call: ToolCall,
    /// What went wrong.
    pub error: ToolError,
    /// The run up to the failure (stop reason [`StopReason::ToolFailed`]): results of the
    /// calls before the failed one are in its messages, the failed call and the ones after it
    /// are unanswered, so [`Agent::resume`](super::Agent::resume) runs them again.
    pub run: AgentRun,
}

impl fmt::Display for ToolFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "tool `{}` (call `{}`) failed: {}",
            self.call.function.name, self.call.id, self.error
        )
    }
}

impl std::error::Error for ToolFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_adds_up_and_tolerates_missing_counts() {
        let mut total = AgentUsage::default();
        let mut usage = Usage::new(100, 20);
        usage.cost = serde_json::Number::from_f64(0.5);
        total.add(Some(&usage));
        total.add(Some(&Usage::new(10, 2)));
        total.add(None);
        assert_eq!(total.requests, 3);
        assert_eq!(total.prompt_tokens, 110);
        assert_eq!(total.total_tokens, 132);
        assert_eq!(total.cost, 0.5);
    }

    #[test]
    fn stop_reasons_serialize_as_snake_case() {
        let json = serde_json::to_value(StopReason::ToolCalled("done".into())).unwrap();
        assert_eq!(json, serde_json::json!({"tool_called": "done"}));
        let json = serde_json::to_value(StopReason::FinishReason(FinishReason::Length)).unwrap();
        assert_eq!(json, serde_json::json!({"finish_reason": "length"}));
        assert_eq!(
            serde_json::to_value(StopReason::MaxSteps).unwrap(),
            "max_steps"
        );
    }
}
