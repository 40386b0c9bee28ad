//! Scripted misbehaviour: the [`Fault`] type and the `x-mock-fault` header syntax.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// Name of the request header that selects a fault for that request only.
pub const FAULT_HEADER: &str = "x-mock-fault";

/// A way for the emulator to misbehave on one request.
///
/// Queue one with [`MockServer::push_fault`](crate::MockServer::push_fault) or select it per
/// request with the `x-mock-fault` header (syntax in the crate docs and [`Fault::parse`]).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this status, an OpenRouter error body and optional retry headers.
    Status {
        /// HTTP status, also used as `error.code`.
        status: u16,
        /// Error message; the documented message for the status when `None`.
        message: Option<String>,
        /// Value of a `Retry-After` header (seconds or an HTTP date).
        retry_after: Option<String>,
        /// Value of a `retry-after-ms` header.
        retry_after_ms: Option<u64>,
    },
    /// Wait before sending response headers, then answer normally.
    DelayHeaders(Duration),
    /// Stream: wait this long between events.
    SlowChunks(Duration),
    /// Send keep-alives before the first event (stream) or before the JSON (non-stream).
    KeepAlives {
        /// How many keep-alives to send.
        count: usize,
        /// Pause after each keep-alive.
        interval: Duration,
    },
    /// Stream: after `after_chunks` events, send an in-band error chunk and `[DONE]`.
    MidStreamError {
        /// Events sent before the error chunk.
        after_chunks: usize,
        /// `error.code` of the error chunk.
        code: i64,
        /// `error.message` of the error chunk.
        message: String,
    },
    /// After `after_chunks` events (stream) or after headers (non-stream), send nothing more
    /// but keep the connection open until the client leaves.
    Stall {
        /// Events sent before stalling.
        after_chunks: usize,
    },
    /// Close the connection without sending any response bytes.
    ResetBeforeHeaders,
    /// Stream: abort the connection after `after_chunks` events (no clean end).
    ResetAfterChunks {
        /// Events sent before the abort.
        after_chunks: usize,
    },
    /// Non-stream: announce a `Content-Length` larger than the body, send the body, then close.
    TruncatedBody,
    /// Non-stream: status 200 with a body that is not JSON; stream: one event that is not JSON.
    MalformedJson,
    /// Content with multi-byte characters, each event written in pieces cut inside a character.
    SplitUtf8,
    /// Status 200 whose JSON body is an error object.
    ErrorBodyOn200 {
        /// `error.code`.
        code: i64,
        /// `error.message`.
        message: String,
    },
}

impl Fault {
    /// Answer with `status` and the documented message for it.
    pub fn status(status: u16) -> Fault {
        Fault::Status {
            status,
            message: None,
            retry_after: None,
            retry_after_ms: None,
        }
    }

    /// Add a `Retry-After` header to a [`Fault::Status`]; other faults are returned unchanged.
    pub fn with_retry_after(mut self, value: impl Into<String>) -> Fault {
        if let Fault::Status { retry_after, .. } = &mut self {
            *retry_after = Some(value.into());
        }
        self
    }

    /// Add a `retry-after-ms` header to a [`Fault::Status`]; other faults are returned unchanged.
    pub fn with_retry_after_ms(mut self, ms: u64) -> Fault {
        if let Fault::Status { retry_after_ms, .. } = &mut self {
            *retry_after_ms = Some(ms);
        }
        self
    }

    /// Set the error message of a [`Fault::Status`]; other faults are returned unchanged.
    pub fn with_message(mut self, text: impl Into<String>) -> Fault {
        if let Fault::Status { message, .. } = &mut self {
            *message = Some(text.into());
        }
        self
    }

    /// Wait `delay` before sending headers.
    pub fn delay_headers(delay: Duration) -> Fault {
        Fault::DelayHeaders(delay)
    }

    /// Wait `delay` between stream events.
    pub fn slow_chunks(delay: Duration) -> Fault {
        Fault::SlowChunks(delay)
    }

    /// Send `count` keep-alives, `interval` apart, before the payload.
    pub fn keep_alives(count: usize, interval: Duration) -> Fault {
        Fault::KeepAlives { count, interval }
    }

    /// Send an in-band error chunk after `after_chunks` stream events.
    pub fn mid_stream_error(after_chunks: usize, code: i64, message: impl Into<String>) -> Fault {
        Fault::MidStreamError {
            after_chunks,
            code,
            message: message.into(),
        }
    }

    /// Stop sending after `after_chunks` stream events.
    pub fn stall(after_chunks: usize) -> Fault {
        Fault::Stall { after_chunks }
    }

    /// Abort the connection after `after_chunks` stream events.
    pub fn reset_after_chunks(after_chunks: usize) -> Fault {
        Fault::ResetAfterChunks { after_chunks }
    }

    /// Status 200 with an error body.
    pub fn error_body_on_200(code: i64, message: impl Into<String>) -> Fault {
        Fault::ErrorBodyOn200 {
            code,
            message: message.into(),
        }
    }

    /// Parse the `x-mock-fault` header syntax, e.g. `status=429;retry-after=1`.
    ///
    /// # Errors
    /// A message naming the part that is not understood.
    pub fn parse(spec: &str) -> Result<Fault, String> {
        let mut items = spec
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|item| match item.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim())),
                None => (item.to_ascii_lowercase(), None),
            });
        let Some((name, value)) = items.next() else {
            return Err("x-mock-fault is empty; expected e.g. `status=503`".to_owned());
        };
        let params: Vec<(String, Option<&str>)> = items.collect();
        let param = |key: &str| -> Option<&str> {
            params.iter().find(|(k, _)| k == key).and_then(|(_, v)| *v)
        };
        for (k, _) in &params {
            let known = [
                "retry-after",
                "retry-after-ms",
                "message",
                "interval-ms",
                "code",
            ];
            if !known.contains(&k.as_str()) {
                return Err(format!("x-mock-fault: unknown parameter `{k}`"));
            }
        }
        let ms = |v: Option<&str>, what: &str| -> Result<Duration, String> {
            let v = v.ok_or_else(|| format!("x-mock-fault: `{what}` needs a value in ms"))?;
            v.parse::<u64>()
                .map(Duration::from_millis)
                .map_err(|_| format!("x-mock-fault: `{what}={v}` is not a whole number of ms"))
        };
        let count = |v: Option<&str>, what: &str, default: usize| -> Result<usize, String> {
            match v {
                None => Ok(default),
                Some(v) => v
                    .parse::<usize>()
                    .map_err(|_| format!("x-mock-fault: `{what}={v}` is not a count")),
            }
        };
        let message = param("message").map(str::to_owned);
        let fault = match name.as_str() {
            "status" => {
                let v = value.ok_or("x-mock-fault: `status` needs a value, e.g. `status=503`")?;
                let status = v
                    .parse::<u16>()
                    .ok()
                    .filter(|s| (100..=999).contains(s))
                    .ok_or_else(|| format!("x-mock-fault: `status={v}` is not an HTTP status"))?;
                let retry_after_ms = match param("retry-after-ms") {
                    None => None,
                    Some(v) => Some(v.parse::<u64>().map_err(|_| {
                        format!("x-mock-fault: `retry-after-ms={v}` is not a whole number")
                    })?),
                };
                Fault::Status {
                    status,
                    message,
                    retry_after: param("retry-after").map(str::to_owned),
                    retry_after_ms,
                }
            }
            "delay-headers-ms" => Fault::DelayHeaders(ms(value, &name)?),
            "slow-chunks-ms" => Fault::SlowChunks(ms(value, &name)?),
            "keep-alives" => Fault::KeepAlives {
                count: count(value, &name, 3)?,
                interval: match param("interval-ms") {
                    Some(v) => ms(Some(v), "interval-ms")?,
                    None => Duration::from_millis(50),
                },
            },
            "mid-stream-error" => Fault::MidStreamError {
                after_chunks: count(value, &name, 1)?,
                code: match param("code") {
                    None => 502,
                    Some(v) => v
                        .parse::<i64>()
                        .map_err(|_| format!("x-mock-fault: `code={v}` is not an integer"))?,
                },
                message: message.unwrap_or_else(|| default_stream_error().to_owned()),
            },
            "stall" => Fault::Stall {
                after_chunks: count(value, &name, 0)?,
            },
            "reset-before-headers" => Fault::ResetBeforeHeaders,
            "reset-after" => Fault::ResetAfterChunks {
                after_chunks: count(value, &name, 1)?,
            },
            "truncated-body" => Fault::TruncatedBody,
            "malformed-json" => Fault::MalformedJson,
            "split-utf8" => Fault::SplitUtf8,
            "error-on-200" => {
                let code = match value {
                    None => 500,
                    Some(v) => v
                        .parse::<i64>()
                        .map_err(|_| format!("x-mock-fault: `error-on-200={v}` is not a code"))?,
                };
                let default = u16::try_from(code)
                    .map(crate::errors::default_message)
                    .unwrap_or("Error");
                Fault::ErrorBodyOn200 {
                    code,
                    message: message.unwrap_or_else(|| default.to_owned()),
                }
            }
            other => {
                return Err(format!(
                    "x-mock-fault: unknown fault `{other}`; see the openrouter-mock crate docs"
                ))
            }
        };
        Ok(fault)
    }
}

/// Message of a mid-stream error when none was given.
fn default_stream_error() -> &'static str {
    "Provider returned error"
}

impl FromStr for Fault {
    type Err = String;

    fn from_str(s: &str) -> Result<Fault, String> {
        Fault::parse(s)
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Status {
                status,
                message,
                retry_after,
                retry_after_ms,
            } => {
                write!(f, "status={status}")?;
                if let Some(v) = retry_after {
                    write!(f, ";retry-after={v}")?;
                }
                if let Some(v) = retry_after_ms {
                    write!(f, ";retry-after-ms={v}")?;
                }
                if let Some(v) = message {
                    write!(f, ";message={v}")?;
                }
                Ok(())
            }
            Fault::DelayHeaders(d) => write!(f, "delay-headers-ms={}", d.as_millis()),
            Fault::SlowChunks(d) => write!(f, "slow-chunks-ms={}", d.as_millis()),
            Fault::KeepAlives { count, interval } => {
                write!(
                    f,
                    "keep-alives={count};interval-ms={}",
                    interval.as_millis()
                )
            }
            Fault::MidStreamError {
                after_chunks,
                code,
                message,
            } => write!(
                f,
                "mid-stream-error={after_chunks};code={code};message={message}"
            ),
            Fault::Stall { after_chunks } => write!(f, "stall={after_chunks}"),
            Fault::ResetBeforeHeaders => f.write_str("reset-before-headers"),
            Fault::ResetAfterChunks { after_chunks } => write!(f, "reset-after={after_chunks}"),
            Fault::TruncatedBody => f.write_str("truncated-body"),
            Fault::MalformedJson => f.write_str("malformed-json"),
            Fault::SplitUtf8 => f.write_str("split-utf8"),
            Fault::ErrorBodyOn200 { code, message } => {
                write!(f, "error-on-200={code};message={message}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_spec_parses() {
        let cases = [
            (
                "status=429;retry-after=1",
                Fault::status(429).with_retry_after("1"),
            ),
            ("status=503", Fault::status(503)),
            (
                "delay-headers-ms=200",
                Fault::delay_headers(Duration::from_millis(200)),
            ),
            (
                "keep-alives=5;interval-ms=100",
                Fault::keep_alives(5, Duration::from_millis(100)),
            ),
            (
                "mid-stream-error=2;code=502",
                Fault::mid_stream_error(2, 502, "Provider returned error"),
            ),
            ("stall=1", Fault::stall(1)),
            ("reset-before-headers", Fault::ResetBeforeHeaders),
            ("reset-after=2", Fault::reset_after_chunks(2)),
            ("truncated-body", Fault::TruncatedBody),
            ("malformed-json", Fault::MalformedJson),
            ("split-utf8", Fault::SplitUtf8),
            (
                "slow-chunks-ms=50",
                Fault::slow_chunks(Duration::from_millis(50)),
            ),
            (
                "error-on-200=400",
                Fault::error_body_on_200(400, "Invalid request parameters or malformed input"),
            ),
        ];
        for (spec, want) in cases {
            assert_eq!(Fault::parse(spec), Ok(want.clone()), "{spec}");
            assert_eq!(
                Fault::parse(&want.to_string()),
                Ok(want),
                "round trip of {spec}"
            );
        }
    }

    #[test]
    fn bad_specs_are_rejected_with_a_reason() {
        for spec in [
            "",
            "status",
            "status=abc",
            "nope",
            "stall=x",
            "status=503;bogus=1",
            "delay-headers-ms",
        ] {
            let err = Fault::parse(spec).err();
            assert!(err.is_some(), "{spec} should fail");
        }
    }
}
