//! An agent loop: the model calls your tools until the job is done.
//!
//! [`Agent::run`] sends the conversation with the tools' definitions; when the model calls
//! tools, the agent runs them (concurrently, up to [`Agent::max_concurrency`]), appends the
//! assistant turn, with its `reasoning_details` exactly as the model sent them so signed or
//! encrypted reasoning continues across turns, and one tool message per call in call order,
//! then asks again. It stops when the model answers without calling a tool, or earlier on a
//! limit or condition ([`StopReason`]). The [`AgentRun`] it returns holds the whole
//! conversation, each step's usage and the totals; it serializes, so a conversation can be
//! saved and continued with [`Agent::resume`]. [`Agent::run_stream`] runs the same loop and
//! streams [`AgentEvent`]s: text and reasoning as they are written, tool calls and results,
//! and the end of each step.
//!
//! Tool failures (bad arguments, unknown tool, handler errors) go back to the model as error
//! results by default, so it can correct itself; [`ToolErrorPolicy::Abort`] stops the run
//! with [`Error::Tool`](crate::Error::Tool) instead. An approval hook
//! ([`Agent::approve_with`]) can deny a call; the model is told and continues.
//!
//! Dropping the future of [`Agent::run`] (or the [`AgentStream`]) stops the run: the
//! request in flight is closed, which stops generation and billing upstream.
//!
//! ```no_run
//! use openrouter::agent::{Agent, StopReason};
//! use openrouter::tools::TypedTool;
//! use openrouter::types::chat::Message;
//! use schemars::JsonSchema;
//! use serde::Deserialize;
//!
//! #[derive(Deserialize, JsonSchema)]
//! struct WeatherArgs {
//!     /// A city name.
//!     city: String,
//! }
//!
//! # async fn demo() -> openrouter::Result<()> {
//! let client = openrouter::Client::from_env()?;
//! let weather = TypedTool::new("get_weather", "Current weather in a city", |args: WeatherArgs| async move {
//!     Ok::<_, String>(format!("18°C and clear in {}", args.city))
//! });
//! let agent = Agent::new(&client, "openai/gpt-4o-mini")
//!     .instructions("Answer in one sentence.")
//!     .tool(weather)
//!     .max_steps(5)
//!     .max_cost(0.05);
//!
//! let run = agent.run([Message::user("What's the weather in Lisbon?")]).await?;
//! println!("{} (${:.5}, {} steps)", run.text().unwrap_or_default(), run.cost(), run.steps.len());
//! assert!(matches!(run.stop_reason, StopReason::Finished | StopReason::MaxSteps | StopReason::MaxCost));
//!
//! // Later: continue the same conversation.
//! let saved = serde_json::to_string(&run).unwrap();
//! let run = serde_json::from_str(&saved).unwrap();
//! let run = agent.resume(run, [Message::user("And tomorrow?")]).await?;
//! # let _ = run;
//! # Ok(()) }
//! ```

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use crate::client::Client;
use crate::error::Result;
use crate::options::RequestOptions;
use crate::tools::{DynTool, Toolbox};
use crate::types::chat::{ChatRequest, FinishReason, Message, ToolCall};

mod calls;
mod driver;
mod events;
mod run;

pub use calls::{Approval, ToolErrorPolicy};
pub use events::{AgentEvent, AgentStream};
pub use run::{AgentRun, AgentState, AgentStep, AgentUsage, StopReason, ToolFailure};

use calls::Approver;
use events::Sink;

type Condition = Arc<dyn Fn(&AgentState<'_>) -> bool + Send + Sync>;

/// An agent: a model, its tools, and the rules of the loop. Build it once and run it on as
/// many conversations as you like; cloning is cheap.
///
/// Limits ([`max_steps`](Self::max_steps), [`max_cost`](Self::max_cost),
/// [`max_tokens`](Self::max_tokens)) count what one call of [`run`](Self::run),
/// [`run_stream`](Self::run_stream) or [`resume`](Self::resume) does, so a resumed run gets
/// a fresh budget; the [`AgentRun`] totals cover the whole conversation. Conditions are
/// checked after each step, once its tools ran, so a stopped run's history is complete
/// (except for [`stop_on_finish_reason`](Self::stop_on_finish_reason), which stops before
/// the tools run).
#[derive(Clone)]
pub struct Agent {
    client: Client,
    request: ChatRequest,
    instructions: Option<String>,
    options: RequestOptions,
    tools: Toolbox,
    // A builder step that could not be applied (e.g. a duplicate tool name), reported by the
    // first run, since the builder methods chain without `?`.
    config_error: Option<String>,
    max_steps: u32,
    max_cost: Option<f64>,
    max_tokens: Option<u64>,
    stop_on_tools: Vec<String>,
    stop_on_finish: Vec<FinishReason>,
    stop_when: Option<Condition>,
    max_concurrency: usize,
    on_tool_error: ToolErrorPolicy,
    approver: Option<Approver>,
}

/// The step limit unless [`Agent::max_steps`] says otherwise.
pub const DEFAULT_MAX_STEPS: u32 = 10;
/// How many tool calls run at once unless [`Agent::max_concurrency`] says otherwise.
pub const DEFAULT_MAX_CONCURRENCY: usize = 8;

impl Agent {
    /// An agent that talks to `model` through `client`, with no tools yet.
    pub fn new(client: &Client, model: impl Into<String>) -> Self {
        Self {
            client: client.clone(),
            request: ChatRequest::new(model, []),
            instructions: None,
            options: RequestOptions::default(),
            tools: Toolbox::new(),
            config_error: None,
            max_steps: DEFAULT_MAX_STEPS,
            max_cost: None,
            max_tokens: None,
            stop_on_tools: Vec::new(),
            stop_on_finish: Vec::new(),
            stop_when: None,
            max_concurrency: DEFAULT_MAX_CONCURRENCY,
            on_tool_error: ToolErrorPolicy::default(),
            approver: None,
        }
    }

    /// A system message sent first on every request (not stored in the run's messages).
    pub fn instructions(mut self, instructions: impl Into<String>) -> Self {
        self.instructions = Some(instructions.into());
        self
    }

    /// The request settings every step uses (temperature, reasoning, provider routing, ...).
    ///
    /// Its `messages` are sent after the instructions and before the conversation; its
    /// `tools` (e.g. OpenRouter server tools) are sent before the agent's tools. Its model
    /// replaces the agent's when set.
    pub fn request(mut self, request: ChatRequest) -> Self {
        let model = self.request.model.take();
        self.request = request;
        if self.request.model.is_none() {
            self.request.model = model;
        }
        self
    }

    /// Per-request options (headers, timeouts, retries) for every step.
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Adds a tool. A name already taken makes the first run fail with
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest).
    pub fn tool(mut self, tool: impl DynTool + 'static) -> Self {
        if let Err(error) = self.tools.add(tool) {
            self.config_error.get_or_insert(error.to_string());
        }
        self
    }

    /// Adds every tool of a toolbox (same rule for names as [`Agent::tool`]).
    pub fn tools(mut self, toolbox: &Toolbox) -> Self {
        if let Err(error) = self.tools.extend(toolbox) {
            self.config_error.get_or_insert(error.to_string());
        }
        self
    }

    /// At most `steps` model requests per call (default [`DEFAULT_MAX_STEPS`]); then the run
    /// stops with [`StopReason::MaxSteps`].
    pub fn max_steps(mut self, steps: u32) -> Self {
        self.max_steps = steps;
        self
    }

    /// Stop with [`StopReason::MaxCost`] once the requests of this call cost `usd` or more
    /// (as reported by the server; a step can overshoot, since its cost is known only after).
    pub fn max_cost(mut self, usd: f64) -> Self {
        self.max_cost = Some(usd);
        self
    }

    /// Stop with [`StopReason::MaxTokens`] once the requests of this call used `tokens` or
    /// more in total (prompt plus completion, summed over requests).
    pub fn max_tokens(mut self, tokens: u64) -> Self {
        self.max_tokens = Some(tokens);
        self
    }

    /// Stop with [`StopReason::ToolCalled`] after a step in which the model called `name`
    /// (its result is the last tool message). May be given several times.
    pub fn stop_on_tool(mut self, name: impl Into<String>) -> Self {
        self.stop_on_tools.push(name.into());
        self
    }

    /// Stop with [`StopReason::FinishReason`] when a step ends with this finish reason, before
    /// its tool calls run (e.g. `FinishReason::ToolCalls` to run tools yourself, or `Length`).
    /// May be given several times.
    pub fn stop_on_finish_reason(mut self, reason: impl Into<FinishReason>) -> Self {
        self.stop_on_finish.push(reason.into());
        self
    }

    /// Stop with [`StopReason::Condition`] when `condition` holds after a step.
    pub fn stop_when(
        mut self,
        condition: impl Fn(&AgentState<'_>) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.stop_when = Some(Arc::new(condition));
        self
    }

    /// How many tool calls of one step run at once (default [`DEFAULT_MAX_CONCURRENCY`];
    /// 0 counts as 1).
    pub fn max_concurrency(mut self, calls: usize) -> Self {
        self.max_concurrency = calls;
        self
    }

    /// What to do when a tool call fails (default [`ToolErrorPolicy::FeedBack`]).
    pub fn on_tool_error(mut self, policy: ToolErrorPolicy) -> Self {
        self.on_tool_error = policy;
        self
    }

    /// Asks `approve` before each tool call runs (one call at a time, in call order). A
    /// denied call does not run; the model reads that it was denied, and why.
    pub fn approve_with<F, Fut>(mut self, approve: F) -> Self
    where
        F: Fn(ToolCall) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Approval> + Send + 'static,
    {
        self.approver = Some(Arc::new(move |call| Box::pin(approve(call))));
        self
    }

    /// The tools the agent offers.
    pub fn toolbox(&self) -> &Toolbox {
        &self.tools
    }

    /// Runs the loop on `messages` until a [`StopReason`].
    ///
    /// # Errors
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when the agent's setup is
    /// invalid (a duplicate tool name); any error of the chat request (a choice that ended
    /// in an error is an [`Error::Api`](crate::Error::Api)); [`Error::Tool`](crate::Error::Tool)
    /// when a tool fails under [`ToolErrorPolicy::Abort`].
    pub async fn run(&self, messages: impl IntoIterator<Item = Message>) -> Result<AgentRun> {
        let run = AgentRun::new(messages.into_iter().collect());
        driver::drive(self, run, Vec::new(), Sink::none()).await
    }

    /// Continues a saved run with `messages` appended, with a fresh budget. Tool calls the
    /// run left unanswered (it stopped on a finish reason, or a tool aborted it) run first.
    ///
    /// # Errors
    /// As [`Agent::run`].
    pub async fn resume(
        &self,
        run: AgentRun,
        messages: impl IntoIterator<Item = Message>,
    ) -> Result<AgentRun> {
        driver::drive(self, run, messages.into_iter().collect(), Sink::none()).await
    }

    /// Runs the loop with streaming requests and yields its [`AgentEvent`]s; the last is
    /// [`AgentEvent::Finished`] with the same [`AgentRun`] [`Agent::run`] returns.
    pub fn run_stream(&self, messages: impl IntoIterator<Item = Message>) -> AgentStream {
        let run = AgentRun::new(messages.into_iter().collect());
        self.resume_stream(run, [])
    }

    /// [`Agent::resume`], streamed.
    pub fn resume_stream(
        &self,
        run: AgentRun,
        messages: impl IntoIterator<Item = Message>,
    ) -> AgentStream {
        let agent = self.clone();
        let messages: Vec<Message> = messages.into_iter().collect();
        AgentStream::new(
            move |sink| async move { driver::drive(&agent, run, messages, sink).await },
        )
    }
}

impl fmt::Debug for Agent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Agent")
            .field("model", &self.request.model)
            .field("tools", &self.tools)
            .field("max_steps", &self.max_steps)
            .field("max_cost", &self.max_cost)
            .field("max_tokens", &self.max_tokens)
            .field("stop_on_tools", &self.stop_on_tools)
            .field("stop_on_finish", &self.stop_on_finish)
            .field("max_concurrency", &self.max_concurrency)
            .field("on_tool_error", &self.on_tool_error)
            .finish_non_exhaustive()
    }
}
