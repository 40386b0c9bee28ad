//! Benchmark scores from several sources: `GET /benchmarks`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::models::Pricing;

/// `GET /benchmarks` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenchmarksResponse {
    /// Scores; which fields are set depends on [`BenchmarkItem::source`].
    #[serde(default)]
    pub data: Vec<BenchmarkItem>,
    /// What the answer covers.
    #[serde(default)]
    pub meta: BenchmarksMeta,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One model's score from one source. The spec has four shapes told apart by `source`
/// (and, for `openrouter`, by `benchmark_type`); this one struct holds the union of their
/// fields so that any of them, and future ones, decode.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenchmarkItem {
    /// `artificial-analysis`, `design-arena` or `openrouter`.
    #[serde(default)]
    pub source: String,
    /// Model permaslug.
    #[serde(default)]
    pub model_permaslug: String,
    /// Model display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Prices (Artificial Analysis and Design Arena items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Pricing>,
    /// Artificial Analysis intelligence index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intelligence_index: Option<f64>,
    /// Artificial Analysis coding index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coding_index: Option<f64>,
    /// Artificial Analysis agentic index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentic_index: Option<f64>,
    /// Design Arena arena.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arena: Option<String>,
    /// Design Arena category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Design Arena ELO.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elo: Option<f64>,
    /// Design Arena win rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<f64>,
    /// Design Arena mean generation time in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_generation_time_ms: Option<f64>,
    /// Design Arena tournament placings, kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tournament_stats: Option<Value>,
    /// OpenRouter benchmark, e.g. `gpqa_diamond`, `search_hle`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_type: Option<String>,
    /// OpenRouter accuracy in `[0, 1]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<f64>,
    /// Standard deviation of the accuracy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy_stddev: Option<f64>,
    /// Mean cost per task in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_cost_per_task: Option<f64>,
    /// Mean latency per task in milliseconds (search benchmarks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_latency_per_task_ms: Option<f64>,
    /// Tasks run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tasks: Option<u64>,
    /// When the benchmark last ran (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run_timestamp: Option<String>,
    /// Search benchmarks: `accuracy` or `f1_by_item`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_metric: Option<String>,
    /// Search benchmarks: the primary metric's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_score: Option<f64>,
    /// Search benchmarks: the search engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_engine: Option<String>,
    /// Search benchmarks: `server-tool` or `plugin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_surface: Option<String>,
    /// Search benchmarks: the run configuration, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_config: Option<Value>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What a benchmarks answer covers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenchmarksMeta {
    /// When the data was computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// How to cite the source, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Models in the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_count: Option<u64>,
    /// The source asked for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The task type asked for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// Response version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Parameters of `GET /benchmarks`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BenchmarksQuery {
    /// `artificial-analysis`, `design-arena` or `openrouter`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `coding`, `intelligence`, `agentic` or `search`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// One OpenRouter benchmark, e.g. `gpqa_diamond`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark_type: Option<String>,
    /// Include the run configuration of search items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_run_config: Option<bool>,
    /// Search engine of search benchmarks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_engine: Option<String>,
    /// `server-tool` or `plugin`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_surface: Option<String>,
    /// Design Arena arena: `models`, `builders`, `agents`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arena: Option<String>,
    /// Design Arena category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Items to return at most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
}

impl BenchmarksQuery {
    /// Every source, every task.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only this source.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Only this task type.
    pub fn task_type(mut self, task_type: impl Into<String>) -> Self {
        self.task_type = Some(task_type.into());
        self
    }

    /// Only this OpenRouter benchmark.
    pub fn benchmark_type(mut self, benchmark_type: impl Into<String>) -> Self {
        self.benchmark_type = Some(benchmark_type.into());
        self
    }

    /// Includes search run configurations.
    pub fn include_run_config(mut self, include: bool) -> Self {
        self.include_run_config = Some(include);
        self
    }

    /// Only this search engine.
    pub fn search_engine(mut self, engine: impl Into<String>) -> Self {
        self.search_engine = Some(engine.into());
        self
    }

    /// Only this search surface.
    pub fn search_surface(mut self, surface: impl Into<String>) -> Self {
        self.search_surface = Some(surface.into());
        self
    }

    /// Design Arena arena.
    pub fn arena(mut self, arena: impl Into<String>) -> Self {
        self.arena = Some(arena.into());
        self
    }

    /// Design Arena category.
    pub fn category(mut self, category: impl Into<String>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// At most `max` items.
    pub fn max_results(mut self, max: u32) -> Self {
        self.max_results = Some(max);
        self
    }
}
