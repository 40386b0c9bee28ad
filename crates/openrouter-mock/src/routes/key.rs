//! `GET /key`: facts about the key making the request.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::auth::authenticate;
use crate::state::Shared;
use crate::transport::{self, ActiveFault};

/// The key's label as the API shows it: a prefix and the last three characters.
fn label(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 14 {
        return key.to_owned();
    }
    let head: String = chars[..11].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}...{tail}")
}

/// Answers with the key's limits and usage, which grows with each completion served.
pub(crate) async fn current(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
) -> Response {
    let key = match authenticate(&shared, &headers) {
        Ok(k) => k,
        Err(r) => return r.into_response(),
    };
    let usage = shared.usage(&key);
    let limit = shared.config.credit_limit;
    let body = json!({
        "data": {
            "label": label(&key),
            "limit": limit,
            "limit_remaining": limit.map(|l| (l - usage).max(0.0)),
            "limit_reset": null,
            "include_byok_in_limit": false,
            "usage": usage,
            "usage_daily": usage,
            "usage_weekly": usage,
            "usage_monthly": usage,
            "byok_usage": 0.0,
            "byok_usage_daily": 0.0,
            "byok_usage_weekly": 0.0,
            "byok_usage_monthly": 0.0,
            "is_free_tier": false,
            "is_management_key": false,
            "is_provisioning_key": false,
            "rate_limit": {
                "requests": -1,
                "interval": "10s",
                "note": "This field is deprecated and safe to ignore.",
            },
            "expires_at": null,
            "creator_user_id": "user_mock",
            "allowed_data_regions": ["global"],
            "budgets": [],
            "effective_budget": null,
            // The live API reports the shared daily quota of `:free` models as an object.
            "free_model_daily_requests": {"used": 0, "limit": 1000, "remaining": 1000},
            "organization_id": null,
            "workspace_id": null,
        }
    });
    let fault = fault.map(|Extension(f)| f).unwrap_or_default();
    transport::json(&fault, StatusCode::OK, &body, Vec::new())
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_hide_the_middle() {
        assert_eq!(
            super::label("sk-or-v1-0123456789abcdef"),
            "sk-or-v1-01...def"
        );
        assert_eq!(super::label("short"), "short");
    }
}
