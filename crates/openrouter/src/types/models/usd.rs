//! Exact USD amounts: prices and costs computed from the API's decimal strings without floats.

use std::fmt;
use std::ops::Add;
use std::str::FromStr;

use super::{Price, Pricing};

/// Fractional digits kept: 10^-18 USD (one atto-dollar) is far below any price the API quotes.
const SCALE_DIGITS: u32 = 18;
const SCALE: i128 = 1_000_000_000_000_000_000;

/// An exact amount of US dollars, stored as an integer count of 10^-18 USD.
///
/// Parsed from the API's decimal price strings and multiplied by token counts in integers,
/// so `1_000_000` tokens at `"0.0000025"` is exactly `2.5`, never `2.4999999999999996`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Usd {
    atto: i128,
}

impl Usd {
    /// Zero dollars.
    pub const ZERO: Usd = Usd { atto: 0 };

    /// Reads a decimal string such as `"0.0000025"`, `"-1"`, `"1.2e-7"`.
    ///
    /// Returns `None` for text that is not a number, or that needs more than 18 fractional
    /// digits or more than about 10^20 dollars to be represented exactly.
    pub fn parse(text: &str) -> Option<Usd> {
        let text = text.trim();
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
            Some(at) => (&unsigned[..at], unsigned[at + 1..].parse::<i32>().ok()?),
            None => (unsigned, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        if !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        // digits * 10^(exponent - fraction.len()) expressed in units of 10^-18.
        let digits = format!("{whole}{fraction}");
        let digits = digits.trim_start_matches('0');
        let shift = i64::from(exponent) - fraction.len() as i64 + i64::from(SCALE_DIGITS);
        let mut value: i128 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        if shift >= 0 {
            let factor = 10i128.checked_pow(u32::try_from(shift).ok()?)?;
            value = value.checked_mul(factor)?;
        } else {
            let divisor = 10i128.checked_pow(u32::try_from(-shift).ok()?);
            match divisor {
                Some(divisor) if value % divisor == 0 => value /= divisor,
                // Only zeros may be dropped; anything else would be rounding.
                None if value == 0 => {}
                _ => return None,
            }
        }
        Some(Usd {
            atto: if negative { -value } else { value },
        })
    }

    /// The amount in units of 10^-18 USD.
    pub fn atto_dollars(self) -> i128 {
        self.atto
    }

    /// An amount from units of 10^-18 USD.
    pub fn from_atto_dollars(atto: i128) -> Usd {
        Usd { atto }
    }

    /// The amount as a float (for display or arithmetic where exactness no longer matters).
    pub fn to_f64(self) -> f64 {
        let whole = self.atto / SCALE;
        let fraction = self.atto % SCALE;
        whole as f64 + fraction as f64 / SCALE as f64
    }

    /// Whether the amount is below zero (the API's `"-1"` for variable prices).
    pub fn is_negative(self) -> bool {
        self.atto < 0
    }

    /// This amount times `count` (a price times a number of tokens), or `None` on overflow.
    pub fn checked_mul(self, count: u64) -> Option<Usd> {
        self.atto
            .checked_mul(i128::from(count))
            .map(|atto| Usd { atto })
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Usd) -> Option<Usd> {
        self.atto.checked_add(other.atto).map(|atto| Usd { atto })
    }
}

impl Add for Usd {
    type Output = Usd;

    /// Saturates instead of overflowing; use [`Usd::checked_add`] to detect it.
    fn add(self, other: Usd) -> Usd {
        Usd {
            atto: self.atto.saturating_add(other.atto),
        }
    }
}

impl fmt::Display for Usd {
    /// The exact decimal value with no trailing zeros: `2.5`, `0.00000015`, `0`, `-1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.atto < 0 { "-" } else { "" };
        let magnitude = self.atto.unsigned_abs();
        let scale = SCALE.unsigned_abs();
        let whole = magnitude / scale;
        let fraction = magnitude % scale;
        if fraction == 0 {
            return write!(f, "{sign}{whole}");
        }
        let digits = format!("{fraction:018}");
        write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// The error of [`Usd::from_str`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseUsdError(String);

impl fmt::Display for ParseUsdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not an exact USD amount", self.0)
    }
}

impl std::error::Error for ParseUsdError {}

impl FromStr for Usd {
    type Err = ParseUsdError;

    fn from_str(text: &str) -> Result<Usd, ParseUsdError> {
        Usd::parse(text).ok_or_else(|| ParseUsdError(text.to_owned()))
    }
}

impl Price {
    /// The price as an exact amount, or `None` if the text is not a number.
    pub fn to_usd(&self) -> Option<Usd> {
        Usd::parse(&self.0)
    }
}

impl Pricing {
    /// The exact cost of a request with these token counts: prompt and completion tokens at
    /// their per-token prices plus the per-request price.
    ///
    /// Returns `None` when a price that applies is variable (`"-1"`, as for routers) or not a
    /// number, or when the prompt or completion price is missing. Pricing overrides (long
    /// context, time of day) are not applied; use [`Pricing::cost_for`] with the prices that hold.
    pub fn cost(&self, prompt_tokens: u64, completion_tokens: u64) -> Option<Usd> {
        let per = |price: Option<&Price>, count: u64| -> Option<Usd> {
            let usd = price?.to_usd()?;
            if usd.is_negative() {
                return None;
            }
            usd.checked_mul(count)
        };
        let prompt = per(self.prompt.as_ref(), prompt_tokens)?;
        let completion = per(self.completion.as_ref(), completion_tokens)?;
        let request = match &self.request {
            Some(price) => per(Some(price), 1)?,
            None => Usd::ZERO,
        };
        prompt.checked_add(completion)?.checked_add(request)
    }

    /// The exact cost of `count` units at one of these prices (e.g. cache reads at
    /// [`Pricing::input_cache_read`]); `None` when the price is absent, variable or not a number.
    pub fn cost_for(price: Option<&Price>, count: u64) -> Option<Usd> {
        let usd = price?.to_usd()?;
        (!usd.is_negative()).then_some(usd)?.checked_mul(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(text: &str) -> Usd {
        Usd::parse(text).unwrap()
    }

    #[test]
    fn a_million_tokens_is_exact() {
        assert_eq!(
            usd("0.0000025").checked_mul(1_000_000).unwrap().to_string(),
            "2.5"
        );
        assert_eq!(
            usd("0.00000015")
                .checked_mul(1_000_000)
                .unwrap()
                .to_string(),
            "0.15"
        );
        assert_eq!(
            usd("0.00000015").checked_mul(3).unwrap().to_string(),
            "0.00000045"
        );
        // The float way drifts: 0.1 + 0.2 style errors do not appear here.
        let sum = usd("0.1") + usd("0.2");
        assert_eq!(sum, usd("0.3"));
        assert_eq!(sum.to_f64(), 0.3);
    }

    #[test]
    fn parsing_covers_the_api_forms() {
        assert_eq!(usd("0").to_string(), "0");
        assert_eq!(usd("-1").to_string(), "-1");
        assert!(usd("-1").is_negative());
        assert_eq!(usd("1.2e-7").to_string(), "0.00000012");
        assert_eq!(usd("2E3").to_string(), "2000");
        assert_eq!(usd(".5").to_string(), "0.5");
        assert_eq!(usd("0.0000003833").to_string(), "0.0000003833");
        assert_eq!(usd("10.000").to_string(), "10");
        assert_eq!(usd("0.000000000000000001").atto_dollars(), 1);
        assert_eq!(usd("1.0000000000000000000").to_string(), "1");
        assert!(
            Usd::parse("0.0000000000000000001").is_none(),
            "below 10^-18"
        );
        for bad in ["", ".", "abc", "1.2.3", "1e", "--1", "1,5", "NaN"] {
            assert!(Usd::parse(bad).is_none(), "{bad}");
        }
        assert_eq!("0.25".parse::<Usd>().unwrap(), usd("0.25"));
        assert!("x".parse::<Usd>().is_err());
    }

    #[test]
    fn pricing_cost_adds_prompt_completion_and_request() {
        let pricing: Pricing = serde_json::from_str(
            r#"{"prompt":"0.0000025","completion":"0.00001","request":"0.005"}"#,
        )
        .unwrap();
        let cost = pricing.cost(1_000_000, 250_000).unwrap();
        assert_eq!(cost.to_string(), "5.005");
        assert_eq!(cost.to_f64(), 5.005);
        assert_eq!(pricing.cost(0, 0).unwrap().to_string(), "0.005");
        let variable: Pricing =
            serde_json::from_str(r#"{"prompt":"-1","completion":"-1"}"#).unwrap();
        assert_eq!(variable.cost(10, 10), None);
        let missing: Pricing = serde_json::from_str(r#"{"prompt":"0.000001"}"#).unwrap();
        assert_eq!(missing.cost(10, 10), None);
        assert_eq!(
            Pricing::cost_for(Some(&Price::from("0.000000075")), 2_000).map(|c| c.to_string()),
            Some("0.00015".into())
        );
    }

    #[test]
    fn to_f64_handles_negative_and_large() {
        assert_eq!(usd("-1").to_f64(), -1.0);
        assert_eq!(usd("123456.75").to_f64(), 123_456.75);
    }
}
