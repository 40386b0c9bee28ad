//! Public data: `/datasets/app-rankings`, `/datasets/rankings-daily`, `/datasets/session-cost`,
//! `/benchmarks` and `/classifications/task`. Deterministic figures derived from the catalogue.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::models::paging;
use crate::auth::authenticate;
use crate::catalogue::{self, mix, spread};
use crate::errors::{error_body, Rejection};
use crate::state::Shared;
use crate::store::page;
use crate::transport::{self, ActiveFault};

mod dates;
mod extra;

pub(crate) use extra::{benchmarks, classifications};

type Params = Query<HashMap<String, String>>;

const AS_OF: &str = "2026-05-12T02:00:00Z";
/// The last complete day of the emulated datasets.
const LATEST_DAY: &str = "2026-05-11";

/// (app id, name, slug, subcategory)
type App = (i64, &'static str, &'static str, &'static str);

const APPS: &[App] = &[
    (12345, "Cline", "cline", "ide-extension"),
    (67890, "Roo Code", "roo-code", "ide-extension"),
    (31337, "Kilo Code", "kilo-code", "ide-extension"),
    (20481, "Claude Code", "claude-code", "cli-agent"),
    (20482, "OpenCode", "opencode", "cli-agent"),
    (20483, "Aider", "aider", "cli-agent"),
    (20484, "Hermes Agent", "hermes-agent", "personal-agent"),
    (20485, "SillyTavern", "sillytavern", "roleplay"),
    (20486, "Janitor AI", "janitor-ai", "roleplay"),
    (20487, "Chub AI", "chub-ai", "roleplay"),
    (20488, "Open WebUI", "open-webui", "general-chat"),
    (20489, "LibreChat", "librechat", "general-chat"),
    (20490, "Novelcrafter", "novelcrafter", "creative-writing"),
    (20491, "Sudowrite", "sudowrite", "creative-writing"),
    (20492, "Bolt", "bolt", "native-app-builder"),
    (20493, "Lovable", "lovable", "native-app-builder"),
    (20494, "Devin", "devin", "cloud-agent"),
    (20495, "Jules", "jules", "cloud-agent"),
    (20496, "Continue", "continue", "ide-extension"),
    (20497, "Zed", "zed", "programming-app"),
    (20498, "Cursor Tab", "cursor-tab", "programming-app"),
    (20499, "Infinite Worlds", "infinite-worlds", "game"),
    (20500, "AI Dungeon", "ai-dungeon", "game"),
    (20501, "Grammar Pal", "grammar-pal", "writing-assistant"),
    (20502, "Lex", "lex", "writing-assistant"),
    (20503, "Harvey Lite", "harvey-lite", "legal"),
    (20504, "Pixel Studio", "pixel-studio", "image-gen"),
    (20505, "Reel Maker", "reel-maker", "video-gen"),
    (20506, "Podcastify", "podcastify", "audio-gen"),
    (20507, "Taskmate", "taskmate", "personal-agent"),
];

fn group_of(subcategory: &str) -> &'static str {
    match subcategory {
        "cli-agent" | "ide-extension" | "cloud-agent" | "programming-app"
        | "native-app-builder" => "coding",
        "creative-writing" | "video-gen" | "image-gen" | "audio-gen" => "creative",
        "roleplay" | "game" => "entertainment",
        _ => "productivity",
    }
}

pub(super) fn answer(
    fault: Option<Extension<ActiveFault>>,
    status: StatusCode,
    body: &Value,
) -> Response {
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, status, body, Vec::new())
}

pub(super) fn reject(fault: Option<Extension<ActiveFault>>, r: Rejection) -> Response {
    let body = error_body(i64::from(r.status.as_u16()), &r.message);
    answer(fault, r.status, &body)
}

pub(super) fn bad(message: String) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

fn one_of<'a>(
    params: &'a HashMap<String, String>,
    name: &str,
    allowed: &[&str],
) -> Result<Option<&'a str>, Rejection> {
    match params.get(name).map(String::as_str) {
        None => Ok(None),
        Some(v) if allowed.contains(&v) => Ok(Some(v)),
        Some(v) => Err(bad(format!(
            "Invalid query parameter `{name}`: expected one of {}, got `{v}`",
            allowed.join(", ")
        ))),
    }
}

/// `GET /datasets/app-rankings`.
pub(crate) async fn app_rankings(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(params): Params,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let run = || -> Result<Value, Rejection> {
        let (start, end) = dates::window(&params)?;
        let category = one_of(
            &params,
            "category",
            &["coding", "creative", "productivity", "entertainment"],
        )?;
        let subs: Vec<&str> = APPS.iter().map(|a| a.3).collect();
        let subcategory = one_of(&params, "subcategory", &subs)?;
        if let (Some(c), Some(s)) = (category, subcategory) {
            if group_of(s) != c {
                return Err(bad(format!(
                    "Invalid query parameter `subcategory`: `{s}` is not in category `{c}`"
                )));
            }
        }
        let sort = one_of(&params, "sort", &["popular", "trending"])?.unwrap_or("popular");
        let (offset, limit) = paging(&params, 100, Some(100))?;
        let days = (end - start + 1) as u64;
        let mut rows: Vec<(u64, &App)> = APPS
            .iter()
            .enumerate()
            .filter(|(_, a)| subcategory.is_none_or(|s| a.3 == s))
            .filter(|(_, a)| category.is_none_or(|c| group_of(a.3) == c))
            .map(|(i, a)| {
                (
                    days * (9_000_000_000 / (i as u64 + 1)) + mix(a.2) % 1_000_000,
                    a,
                )
            })
            .collect();
        if sort == "trending" {
            // Only apps that grew; growth is unrelated to size.
            rows.retain(|(_, a)| !mix(a.2).is_multiple_of(3));
            rows.sort_by_key(|(_, a)| std::cmp::Reverse(mix(a.2) % 100_000));
        }
        let ranked: Vec<Value> = rows
            .iter()
            .enumerate()
            .map(|(i, (tokens, a))| {
                json!({
                    "app_id": a.0,
                    "app_name": a.1,
                    "rank": i + 1,
                    "total_requests": tokens / 2_857,
                    "total_tokens": tokens.to_string(),
                })
            })
            .collect();
        Ok(json!({
            "data": page(&ranked, offset, Some(limit.unwrap_or(50))),
            "meta": {
                "as_of": AS_OF,
                "start_date": dates::format(start),
                "end_date": dates::format(end),
                "version": "v1",
            }
        }))
    };
    match run() {
        Ok(body) => answer(fault, StatusCode::OK, &body),
        Err(r) => reject(fault, r),
    }
}

/// `GET /datasets/rankings-daily`.
pub(crate) async fn rankings_daily(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(params): Params,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    let run = || -> Result<Value, Rejection> {
        let (start, end) = dates::window(&params)?;
        let period = one_of(&params, "period", &["day", "week", "month"])?.unwrap_or("day");
        let modality = one_of(
            &params,
            "modality",
            &["text", "image", "image_output", "audio", "tool_calling"],
        )?;
        let bucket = one_of(
            &params,
            "context_bucket",
            &["1K", "10K", "100K", "1M", "10M"],
        )?;
        let category = params.get("category");
        let language = one_of(&params, "language_type", &["natural", "programming"])?;
        let sampled = category.is_some() || language.is_some();
        if category.is_some() && language.is_some() {
            return Err(bad(
                "`category` and `language_type` cannot be combined".into()
            ));
        }
        if sampled && (modality.is_some() || bucket.is_some()) {
            return Err(bad("`category` and `language_type` cannot be combined with `modality` or `context_bucket`".into()));
        }
        if sampled && period == "day" {
            return Err(bad("`period=day` is not available with `category` or `language_type`; use week or month".into()));
        }
        let models: Vec<&str> = catalogue::all()
            .filter(|m| m.is_chat() && m.id != "openrouter/auto")
            .filter(|m| match modality {
                Some("image") => m.input_modalities.contains(&"image"),
                Some("image_output") => m.output_modalities.contains(&"image"),
                Some("audio") => m.input_modalities.contains(&"audio"),
                Some("tool_calling") => m.tools,
                _ => true,
            })
            .map(|m| m.canonical_slug)
            .take(50)
            .collect();
        let mut data = Vec::new();
        for bucket_start in dates::buckets(start, end, period) {
            let day = dates::format(bucket_start);
            let mut rows: Vec<(u64, &str)> = models
                .iter()
                .map(|slug| {
                    (
                        mix(&format!("{slug}{day}")) % 90_000_000_000 + 1_000_000_000,
                        *slug,
                    )
                })
                .collect();
            rows.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
            for (tokens, slug) in &rows {
                data.push(json!({"date": day, "model_permaslug": slug, "total_tokens": tokens.to_string()}));
            }
            let other = mix(&day) % 50_000_000_000;
            data.push(
                json!({"date": day, "model_permaslug": "other", "total_tokens": other.to_string()}),
            );
        }
        Ok(json!({
            "data": data,
            "meta": {"as_of": AS_OF, "start_date": dates::format(start), "end_date": dates::format(end), "version": "v1"},
        }))
    };
    match run() {
        Ok(body) => answer(fault, StatusCode::OK, &body),
        Err(r) => reject(fault, r),
    }
}

/// `GET /datasets/session-cost`.
pub(crate) async fn session_cost(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
    Query(params): Params,
) -> Response {
    if let Err(r) = authenticate(&shared, &headers) {
        return r.into_response();
    }
    const TURNS: &[&str] = &["1-turn", "2-9-turns", "10-49-turns", "50-plus-turns"];
    let run = || -> Result<Value, Rejection> {
        let turn = one_of(&params, "turn_range", TURNS)?;
        let (offset, limit) = paging(&params, 500, Some(5000))?;
        let app = params.get("app_slug");
        let model = params.get("model");
        let mut rows = Vec::new();
        for (i, a) in APPS.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
            for m in catalogue::all()
                .filter(|m| m.is_chat() && m.tools)
                .skip(i % 5)
                .step_by(6)
            {
                for (t, range) in TURNS.iter().enumerate() {
                    let per_turn =
                        m.prompt_per_token() * 3_000.0 + m.completion_per_token() * 400.0;
                    let turns = [1.0, 5.0, 24.0, 80.0][t];
                    let cost =
                        (per_turn * turns * spread(mix(a.2), 0.8, 1.6) * 100.0).round() / 100.0;
                    rows.push(json!({
                        "app_name": a.1,
                        "app_slug": a.2,
                        "model_permaslug": m.canonical_slug,
                        "turn_range": range,
                        "median_session_cost_usd": cost,
                    }));
                }
            }
        }
        rows.retain(|r| {
            app.is_none_or(|a| r["app_slug"] == a.as_str())
                && model.is_none_or(|m| r["model_permaslug"] == m.as_str())
                && turn.is_none_or(|t| r["turn_range"] == t)
        });
        Ok(json!({
            "data": page(&rows, offset, Some(limit.unwrap_or(100))),
            "meta": {"as_of": "2026-05-12T02:00:00.000Z", "version": "v1", "window_days": 30, "window_end_date": LATEST_DAY},
        }))
    };
    match run() {
        Ok(body) => answer(fault, StatusCode::OK, &body),
        Err(r) => reject(fault, r),
    }
}
