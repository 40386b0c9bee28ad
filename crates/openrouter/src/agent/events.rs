//! The events of a streamed run, and the stream that carries them.
//!
//! The loop is written once, as a future that reports events to a [`Sink`]. The stream polls
//! that future itself (no spawned task) and hands out the events it reported, so the loop
//! runs only as fast as the caller reads, and dropping the stream drops the loop, its HTTP
//! request and its running tools.

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use futures_core::Stream;

use super::{AgentRun, AgentStep};
use crate::error::{Error, Result};
use crate::tools::ToolResult;
use crate::types::chat::ToolCall;

/// Something that happened during a run, in the order it happened.
///
/// Per step: [`TextDelta`](Self::TextDelta) and [`ReasoningDelta`](Self::ReasoningDelta)
/// while the model writes, then one [`ToolCall`](Self::ToolCall) per call, then one
/// [`ToolResult`](Self::ToolResult) per call in the same order, then
/// [`StepFinished`](Self::StepFinished). The last event is [`Finished`](Self::Finished).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AgentEvent {
    /// A piece of the model's answer text.
    TextDelta(String),
    /// A piece of the model's reasoning text.
    ReasoningDelta(String),
    /// The model called a tool (arguments complete).
    ToolCall(ToolCall),
    /// A tool call produced this result (also sent for denied and failed calls).
    ToolResult {
        /// The call.
        call: ToolCall,
        /// What the model will read.
        result: ToolResult,
    },
    /// A step ended: its usage, finish reason, tool calls and results.
    StepFinished(Box<AgentStep>),
    /// The run ended; the same value [`Agent::run`](super::Agent::run) returns.
    Finished(Box<AgentRun>),
}

/// Where the loop reports events: nowhere for [`Agent::run`](super::Agent::run), a queue
/// the stream drains for [`Agent::run_stream`](super::Agent::run_stream).
#[derive(Clone, Default)]
pub(crate) struct Sink(Option<Arc<Mutex<VecDeque<AgentEvent>>>>);

impl Sink {
    pub(crate) fn none() -> Self {
        Self(None)
    }

    pub(crate) fn is_active(&self) -> bool {
        self.0.is_some()
    }

    pub(crate) fn emit(&self, event: AgentEvent) {
        if let Some(queue) = &self.0 {
            queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push_back(event);
        }
    }

    fn is_empty(&self) -> bool {
        self.0.as_ref().map_or(true, |queue| {
            queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_empty()
        })
    }

    fn pop(&self) -> Option<AgentEvent> {
        self.0.as_ref().and_then(|queue| {
            queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop_front()
        })
    }
}

type Driver = Pin<Box<dyn Future<Output = Result<AgentRun>> + Send>>;

/// The stream of a run's [`AgentEvent`]s, from [`Agent::run_stream`](super::Agent::run_stream).
///
/// Yields `Err` once if the run fails (after the events that preceded the failure), then
/// ends. Dropping it stops the run: the in-flight request is closed and running tools are
/// dropped.
pub struct AgentStream {
    // A Mutex only to make the stream Sync: it is reached through `&mut self`, never locked
    // by two parties.
    driver: Mutex<Option<Driver>>,
    sink: Sink,
    error: Option<Error>,
}

impl AgentStream {
    pub(crate) fn new<F>(make: impl FnOnce(Sink) -> F) -> Self
    where
        F: Future<Output = Result<AgentRun>> + Send + 'static,
    {
        let sink = Sink(Some(Arc::default()));
        Self {
            driver: Mutex::new(Some(Box::pin(make(sink.clone())))),
            sink,
            error: None,
        }
    }
}

impl fmt::Debug for AgentStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AgentStream").finish_non_exhaustive()
    }
}

impl Stream for AgentStream {
    type Item = Result<AgentEvent>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(event) = this.sink.pop() {
                return Poll::Ready(Some(Ok(event)));
            }
            // Events reported before a failure went out first; now the failure.
            if let Some(error) = this.error.take() {
                return Poll::Ready(Some(Err(error)));
            }
            let driver = this
                .driver
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner);
            let Some(future) = driver.as_mut() else {
                return Poll::Ready(None);
            };
            match future.as_mut().poll(cx) {
                // Loop again when the driver reported events before it had to wait.
                Poll::Pending if this.sink.is_empty() => return Poll::Pending,
                Poll::Pending => {}
                Poll::Ready(outcome) => {
                    *driver = None;
                    match outcome {
                        Ok(run) => this.sink.emit(AgentEvent::Finished(Box::new(run))),
                        Err(error) => this.error = Some(error),
                    }
                }
            }
        }
    }
}

/// Compile-time proof that the stream can move across tasks and threads.
const _: fn() = || {
    fn assert<T: Send + Sync + 'static>() {}
    assert::<AgentStream>();
};
