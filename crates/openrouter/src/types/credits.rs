//! `GET /credits`: what the account bought and spent.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Credits bought and used, in USD.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreditBalance {
    /// Credits bought in all.
    #[serde(default)]
    pub total_credits: f64,
    /// Credits used in all.
    #[serde(default)]
    pub total_usage: f64,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreditBalance {
    /// What is left: bought minus used.
    pub fn remaining(&self) -> f64 {
        self.total_credits - self.total_usage
    }
}

/// `GET /credits` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreditsResponse {
    /// The totals.
    pub data: CreditBalance,
    /// Fields this SDK does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
