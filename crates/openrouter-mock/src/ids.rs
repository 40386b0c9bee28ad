//! Identifiers shaped like the live API's (`gen-<unix>-<20 alnum>`, `call_<24 alnum>`).

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

/// A fresh generation id.
pub(crate) fn generation_id() -> String {
    format!("gen-{}-{}", unix_now(), alnum(20))
}

/// A fresh tool call id.
pub(crate) fn call_id() -> String {
    format!("call_{}", alnum(24))
}
