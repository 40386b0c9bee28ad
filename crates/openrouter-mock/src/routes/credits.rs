//! `GET /credits` and the removed `POST /credits/coinbase`.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::admin::{answer, fault_of, management};
use crate::errors::error_body;
use crate::state::Shared;
use crate::transport::ActiveFault;

/// Credits the emulated account bought when no credit limit is configured.
const PURCHASED: f64 = 100.0;

/// Credits bought, and the spend of every completion served so far.
pub(crate) async fn get(
    State(shared): State<Arc<Shared>>,
    fault: Option<Extension<ActiveFault>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = management(&shared, &headers) {
        return r.into_response();
    }
    let body = json!({
        "data": {
            "total_credits": shared.config.credit_limit.unwrap_or(PURCHASED),
            "total_usage": shared.total_usage(),
        }
    });
    answer(&fault_of(fault), StatusCode::OK, &body)
}

/// Always 410, with the live API's explanation; no key is checked.
pub(crate) async fn coinbase(fault: Option<Extension<ActiveFault>>) -> Response {
    let body = error_body(
        410,
        "The Coinbase APIs used by this endpoint have been deprecated, so the Coinbase Commerce \
         credits API has been removed. Use the web credits purchase flow instead.",
    );
    answer(&fault_of(fault), StatusCode::GONE, &body)
}
