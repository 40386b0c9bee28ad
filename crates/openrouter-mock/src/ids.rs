//! Identifiers and timestamps shaped like the live API's (`gen-<unix>-<20 alnum>`,
//! `call_<24 alnum>`, UUIDs, SHA-256-shaped hashes, ISO 8601 times).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static COUNTER: AtomicU64 = AtomicU64::new(0);

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Seconds since the Unix epoch (0 if the clock is before it).
pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn next_u64() -> u64 {
    // Ids only need to be unique and random-looking, not unpredictable, so a
    // splitmix step over a counter mixed with the clock is enough.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mut z = COUNTER
        .fetch_add(1, Ordering::Relaxed)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ nanos;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn alnum(len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut bits = next_u64();
    for i in 0..len {
        if i % 10 == 9 {
            bits = next_u64();
        }
        out.push(char::from(ALPHABET[(bits % 62) as usize]));
        bits /= 62;
    }
    out
}

/// 64 lowercase hex digits, unique per call (shaped like a SHA-256 digest).
pub(crate) fn hex64() -> String {
    (0..4).map(|_| format!("{:016x}", next_u64())).collect()
}

/// A fresh UUID in the version-4 layout, as the live API uses for stored records.
pub(crate) fn uuid() -> String {
    let (a, b) = (next_u64(), next_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        0x8000 | (b >> 48 & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// Unix seconds as ISO 8601 UTC (`2025-08-24T10:30:00Z`).
pub(crate) fn iso8601(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// The current time as ISO 8601 UTC.
pub(crate) fn now() -> String {
    iso8601(unix_now())
}

/// A fresh generation id.
pub(crate) fn generation_id() -> String {
    format!("gen-{}-{}", unix_now(), alnum(20))
}

/// A fresh tool call id.
pub(crate) fn call_id() -> String {
    format!("call_{}", alnum(24))
}
