//! Calendar dates as day numbers, for the dataset windows.

use std::collections::HashMap;

use super::{bad, LATEST_DAY};
use crate::errors::Rejection;

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// `YYYY-MM-DD` to a day number, checking the calendar.
pub(super) fn parse(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let y: i64 = text.get(0..4)?.parse().ok()?;
    let m: i64 = text.get(5..7)?.parse().ok()?;
    let d: i64 = text.get(8..10)?.parse().ok()?;
    let day = days_from_civil(y, m, d);
    (civil_from_days(day) == (y, m, d)).then_some(day)
}

/// A day number as `YYYY-MM-DD`.
pub(super) fn format(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The `start_date`..=`end_date` window, with the API's defaults, floor and checks.
pub(super) fn window(params: &HashMap<String, String>) -> Result<(i64, i64), Rejection> {
    let floor = parse("2025-01-01").unwrap_or(0);
    let latest = parse(LATEST_DAY).unwrap_or(0);
    let read = |name: &str| -> Result<Option<i64>, Rejection> {
        match params.get(name) {
            None => Ok(None),
            Some(v) => parse(v).map(Some).ok_or_else(|| {
                bad(format!(
                    "Invalid query parameter `{name}`: expected a date as YYYY-MM-DD, got `{v}`"
                ))
            }),
        }
    };
    let end = read("end_date")?.unwrap_or(latest);
    if end < floor {
        return Err(bad(
            "Invalid query parameter `end_date`: the dataset begins at 2025-01-01".into(),
        ));
    }
    let start = read("start_date")?.unwrap_or(end - 29).max(floor);
    if start > end {
        return Err(bad(
            "Invalid query parameters: `start_date` is after `end_date`".into(),
        ));
    }
    if end - start > 366 {
        return Err(bad(
            "Invalid query parameters: the window is longer than 366 days".into(),
        ));
    }
    Ok((start, end))
}

/// The first day of each `period` bucket overlapping the window.
pub(super) fn buckets(start: i64, end: i64, period: &str) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for day in start..=end {
        let key = match period {
            // 1970-01-01 was a Thursday; weeks start on Monday.
            "week" => day - (day + 3).rem_euclid(7),
            "month" => {
                let (y, m, _) = civil_from_days(day);
                days_from_civil(y, m, 1)
            }
            _ => day,
        };
        if out.last() != Some(&key) {
            out.push(key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_bucket() {
        for text in ["2025-01-01", "2026-02-28", "2024-02-29", "2026-05-11"] {
            assert_eq!(parse(text).map(format).as_deref(), Some(text));
        }
        assert!(parse("2025-02-30").is_none());
        assert!(parse("2025-1-01").is_none());
        let (a, b) = (parse("2026-04-29").unwrap(), parse("2026-05-11").unwrap());
        let weeks: Vec<String> = buckets(a, b, "week").into_iter().map(format).collect();
        assert_eq!(weeks, ["2026-04-27", "2026-05-04", "2026-05-11"]);
        let months: Vec<String> = buckets(a, b, "month").into_iter().map(format).collect();
        assert_eq!(months, ["2026-04-01", "2026-05-01"]);
    }
}
