//! Reading how long the server asks us to wait: `retry-after-ms`, then `Retry-After` in
//! seconds or as an HTTP date.

use std::time::{Duration, SystemTime};

use http::HeaderMap;

/// The longest wait a server can ask for: more (a huge number, a date centuries away) is
/// read as this much rather than overflowing `Duration` or `Instant` arithmetic later. No
/// retry budget accepts it, so the call gives up at once, as it should.
pub(crate) const MAX_RETRY_AFTER: Duration = Duration::from_secs(u32::MAX as u64);

/// The wait the response headers ask for, if any. `retry-after-ms` wins over `Retry-After`
/// because it is more precise. A date in the past means "now". Never more than
/// [`MAX_RETRY_AFTER`].
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(wait) = headers
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .and_then(|ms| seconds(ms / 1000.0))
    {
        return Some(wait);
    }
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    parse_retry_after(value, now)
}

/// Parses a `Retry-After` value: delay-seconds (fractions tolerated) or an HTTP date.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(value) = value.parse::<f64>() {
        return seconds(value);
    }
    let when = httpdate::parse_http_date(value).ok()?;
    let wait = when.duration_since(now).unwrap_or(Duration::ZERO);
    Some(wait.min(MAX_RETRY_AFTER))
}

/// A number of seconds as a wait: `None` when negative or not finite, at most
/// [`MAX_RETRY_AFTER`] (`Duration::from_secs_f64` would panic on a huge value).
fn seconds(value: f64) -> Option<Duration> {
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    // `abs` turns -0.0, which passes the check above, into a plain zero.
    let wait = Duration::try_from_secs_f64(value.abs()).unwrap_or(MAX_RETRY_AFTER);
    Some(wait.min(MAX_RETRY_AFTER))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn seconds_dates_and_milliseconds() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("0.5", now),
            Some(Duration::from_millis(500))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(7));
        assert_eq!(parse_retry_after(&later, now), Some(Duration::from_secs(7)));
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(7));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(
            retry_after(
                &headers(&[("retry-after-ms", "250"), ("retry-after", "9")]),
                now
            ),
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            retry_after(&headers(&[("retry-after", "2")]), now),
            Some(Duration::from_secs(2))
        );
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }

    #[test]
    fn huge_and_odd_values_are_capped_not_panics() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        for huge in ["1e300", "18446744073709551616", "99999999999999999999999"] {
            assert_eq!(
                parse_retry_after(huge, now),
                Some(MAX_RETRY_AFTER),
                "{huge}"
            );
        }
        assert_eq!(
            retry_after(&headers(&[("retry-after-ms", "1e300")]), now),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(
            parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(parse_retry_after("-0", now), Some(Duration::ZERO));
        for unusable in ["inf", "NaN", "-1e-9"] {
            assert_eq!(parse_retry_after(unusable, now), None, "{unusable}");
        }
        // An unusable `retry-after-ms` falls back to `Retry-After`.
        assert_eq!(
            retry_after(
                &headers(&[("retry-after-ms", "inf"), ("retry-after", "4")]),
                now
            ),
            Some(Duration::from_secs(4))
        );
    }
}
