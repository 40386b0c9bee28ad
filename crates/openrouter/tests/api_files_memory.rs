//! A 100 MB upload keeps the process's memory flat: the SDK streams the file from disk and
//! the emulator counts it without keeping it. In its own test binary so that no other test
//! (a panic's backtrace symbolization alone takes ~100 MB) moves the peak being measured.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};

use openrouter::types::files::UploadOptions;
use openrouter_mock::MockServer;
use support::client_for;

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("openrouter-files-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `size` bytes of UTF-8 text in 1 MiB chunks, never holding the whole file.
fn write_text_file(path: &Path, size: usize) {
    let line = b"the quick brown fox jumps over the lazy dog 0123456789\n";
    let chunk: Vec<u8> = line.iter().copied().cycle().take(1024 * 1024).collect();
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        file.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    file.flush().unwrap();
}

/// `VmHWM` (peak resident set) of this process, in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

/// Uploads a `size`-byte file and checks the process's peak memory grew by less than
/// `bound_mib`: the file is streamed from disk by the SDK and counted, not kept, by the
/// emulator (both run in this process).
async fn upload_keeps_memory_flat(size: usize, bound_mib: u64) {
    // One measurement at a time: the peak is process-wide.
    let _one_at_a_time = SERIAL.lock().await;
    let server = MockServer::start().await;
    let client = client_for(&server);
    let dir = temp_dir(&format!("big-{size}"));
    let path = dir.join("big.txt");
    write_text_file(&path, size);
    // Warm up the connection and allocator so the measurement sees only the upload.
    client.files().list(None, Some(1)).await.unwrap();
    let before = peak_rss_kib();
    let file = client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap();
    let grown_mib = peak_rss_kib().saturating_sub(before) / 1024;
    assert_eq!(file.size_bytes, Some(size as u64));
    assert_eq!(file.mime_type.as_deref(), Some("text/plain"));
    assert_eq!(file.filename, "big.txt");
    assert!(
        grown_mib < bound_mib,
        "uploading {} MiB grew the peak RSS by {grown_mib} MiB",
        size >> 20
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_12_mb_upload_keeps_memory_flat() {
    upload_keeps_memory_flat(12 * 1024 * 1024, 8).await;
}

#[tokio::test]
async fn a_100_mb_upload_keeps_memory_flat() {
    upload_keeps_memory_flat(100 * 1024 * 1024, 40).await;
}
