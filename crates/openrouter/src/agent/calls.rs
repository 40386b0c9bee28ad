//! Running the tool calls of one step: approval first, then the approved calls concurrently
//! under a limit, results kept in call order.

use std::collections::HashSet;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;

use futures_util::{stream, FutureExt, StreamExt};

use super::events::{AgentEvent, Sink};
use crate::tools::{ToolError, ToolErrorKind, ToolFuture, ToolResult, Toolbox};
use crate::types::chat::{Message, ToolCall};

/// What the agent does when a tool call fails (bad arguments, unknown tool, handler error).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ToolErrorPolicy {
    /// Send the error to the model as the tool's result, so it can fix its call or go on
    /// without it. The default.
    #[default]
    FeedBack,
    /// Stop the run with [`Error::Tool`](crate::Error::Tool). A denied call is not a failure
    /// and never aborts.
    Abort,
}

/// The answer of an approval hook ([`Agent::approve_with`](super::Agent::approve_with)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Approval {
    /// Run the call.
    Approve,
    /// Do not run it; the model is told so, with this reason, and continues.
    Deny(String),
}

impl Approval {
    /// A denial with this reason.
    pub fn deny(reason: impl Into<String>) -> Self {
        Self::Deny(reason.into())
    }
}

pub(crate) type ApprovalFuture = Pin<Box<dyn Future<Output = Approval> + Send>>;
pub(crate) type Approver = Arc<dyn Fn(ToolCall) -> ApprovalFuture + Send + Sync>;

/// How one step's calls are run.
pub(crate) struct CallPlan<'a> {
    pub(crate) tools: &'a Toolbox,
    pub(crate) approver: Option<&'a Approver>,
    pub(crate) concurrency: usize,
    pub(crate) policy: ToolErrorPolicy,
}

/// A call that failed under [`ToolErrorPolicy::Abort`], and the results of the calls before it.
pub(crate) struct Aborted {
    pub(crate) results: Vec<ToolResult>,
    pub(crate) index: usize,
    pub(crate) error: ToolError,
}

impl CallPlan<'_> {
    /// Runs `calls` and returns one result per call, in call order.
    pub(crate) async fn run(
        &self,
        calls: &[ToolCall],
        sink: &Sink,
    ) -> Result<Vec<ToolResult>, Aborted> {
        // Approvals one at a time, in call order: a hook may ask a person, who should not
        // face several questions at once.
        let mut denials = Vec::with_capacity(calls.len());
        for call in calls {
            let denial = match self.approver {
                Some(approve) => match approve(call.clone()).await {
                    Approval::Approve => None,
                    Approval::Deny(reason) => Some(ToolError::denied(reason)),
                },
                None => None,
            };
            denials.push(denial);
        }
        let tools = self.tools;
        // Boxed with a named lifetime: a closure returning an `async` block borrowing the
        // calls trips the compiler's higher-ranked lifetime inference inside `Send` checks.
        let runs: Vec<ToolFuture<'_>> = calls
            .iter()
            .zip(denials)
            .map(|(call, denial)| -> ToolFuture<'_> {
                match denial {
                    Some(denied) => Box::pin(std::future::ready(Err(denied))),
                    None => Box::pin(guarded(
                        tools.call(&call.function.name, &call.function.arguments),
                    )),
                }
            })
            .collect();
        // `buffered` runs up to `concurrency` calls at once and yields them in call order.
        let mut outcomes = stream::iter(runs).buffered(self.concurrency.max(1));
        let mut results = Vec::with_capacity(calls.len());
        while let Some(outcome) = outcomes.next().await {
            let index = results.len();
            let result = match outcome {
                Ok(result) => result,
                Err(error)
                    if error.kind == ToolErrorKind::Denied
                        || self.policy == ToolErrorPolicy::FeedBack =>
                {
                    error.to_result()
                }
                // Dropping `outcomes` cancels the calls still running.
                Err(error) => {
                    return Err(Aborted {
                        results,
                        index,
                        error,
                    })
                }
            };
            sink.emit(AgentEvent::ToolResult {
                call: calls[index].clone(),
                result: result.clone(),
            });
            results.push(result);
        }
        Ok(results)
    }
}

/// A panicking tool becomes a failed call instead of taking the whole run down.
async fn guarded(
    call: impl Future<Output = Result<ToolResult, ToolError>>,
) -> Result<ToolResult, ToolError> {
    match AssertUnwindSafe(call).catch_unwind().await {
        Ok(outcome) => outcome,
        Err(panic) => {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_owned());
            Err(ToolError::failed(format!("the tool panicked: {detail}")))
        }
    }
}

/// The tool messages answering `calls` with `results` (paired in order).
pub(crate) fn tool_messages<'a>(
    calls: &'a [ToolCall],
    results: &'a [ToolResult],
) -> impl Iterator<Item = Message> + 'a {
    calls
        .iter()
        .zip(results)
        .map(|(call, result)| Message::tool(call.id.clone(), result.content.clone()))
}

/// The tool calls of the last assistant message that no tool message answers yet, when only
/// tool messages follow it: what a run that stopped before running its tools left to do.
pub(crate) fn pending_calls(messages: &[Message]) -> Vec<ToolCall> {
    let Some(position) = messages
        .iter()
        .rposition(|message| matches!(message, Message::Assistant(_)))
    else {
        return Vec::new();
    };
    let Message::Assistant(assistant) = &messages[position] else {
        return Vec::new();
    };
    let mut answered = HashSet::new();
    for message in &messages[position + 1..] {
        match message {
            Message::Tool(tool) => {
                answered.insert(tool.tool_call_id.as_str());
            }
            // The conversation moved on; the caller answered (or dropped) those calls.
            _ => return Vec::new(),
        }
    }
    assistant
        .tool_calls
        .iter()
        .flatten()
        .filter(|call| !answered.contains(call.id.as_str()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_calls_are_the_unanswered_calls_of_the_last_turn() {
        let calls = [
            ToolCall::function("a", "x", "{}"),
            ToolCall::function("b", "y", "{}"),
        ];
        let mut messages = vec![
            Message::user("go"),
            Message::assistant_tool_calls(calls.clone()),
        ];
        assert_eq!(pending_calls(&messages).len(), 2);
        messages.push(Message::tool("a", "done"));
        let pending = pending_calls(&messages);
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].id, "b");
        messages.push(Message::tool("b", "done"));
        assert!(pending_calls(&messages).is_empty());
        messages.push(Message::user("next"));
        assert!(pending_calls(&messages).is_empty());
        assert!(pending_calls(&[Message::user("hi")]).is_empty());
    }

    #[tokio::test]
    async fn a_panicking_tool_is_a_failed_call() {
        let outcome = guarded(async { panic!("boom") }).await;
        let error = outcome.unwrap_err();
        assert_eq!(error.kind, ToolErrorKind::Failed);
        assert!(error.message.contains("boom"), "{error}");
    }
}
