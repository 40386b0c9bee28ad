//! `client.files()` against the emulator: uploads (the memory bound is in
//! `api_files_memory.rs`), type sniffing, cursor paging, metadata, delete, download refusal.

mod support;

use std::path::PathBuf;

use futures_util::TryStreamExt;
use openrouter::types::files::UploadOptions;
use openrouter::{Client, Error};
use openrouter_mock::MockServer;
use support::client_for;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("openrouter-files-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn files_larger_than_100_mb_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let dir = temp_dir("huge");
    let path = dir.join("huge.bin");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: no disk space or time needed.
    file.set_len(100 * 1024 * 1024 + 1).unwrap();
    let err = client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn upload_sniffs_the_type_and_takes_scope_parameters() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let dir = temp_dir("sniff");
    let pdf = dir.join("report.bin");
    std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n").unwrap();
    let file = client
        .files()
        .upload_path(&pdf, &UploadOptions::new().filename("report.pdf"))
        .await
        .unwrap();
    assert_eq!(file.mime_type.as_deref(), Some("application/pdf"));
    assert_eq!(file.filename, "report.pdf");
    assert!(file.id.starts_with("or_file_"));
    assert_eq!(file.downloadable, Some(false));

    let workspace = "a103d8b6-42f0-4e50-9a3c-bf41e2c3c1a7";
    let png = dir.join("pixel.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let file = client
        .files()
        .upload_path(&png, &UploadOptions::new().workspace_id(workspace))
        .await
        .unwrap();
    assert_eq!(file.mime_type.as_deref(), Some("image/png"));
    assert_eq!(
        server.requests().last().unwrap().query.as_deref(),
        Some(format!("workspace_id={workspace}").as_str())
    );
    // Scoped to its workspace: not found in the default one.
    let err = client.files().get(&file.id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let err = client
        .files()
        .upload_path(&empty, &UploadOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    let binary = dir.join("blob.bin");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 5]).unwrap();
    let err = client
        .files()
        .upload_path(&binary, &UploadOptions::new())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("unsupported"), "{err}");
    let err = client
        .files()
        .upload_path(&pdf, &UploadOptions::new().provider("dropbox"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("provider"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn uploads_are_retried_from_the_start_of_the_file() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let dir = temp_dir("retry");
    let path = dir.join("notes.md");
    std::fs::write(&path, "# Notes\n\n- one\n- two\n").unwrap();
    server.push_fault(openrouter_mock::Fault::Status {
        status: 503,
        message: None,
        retry_after: None,
        retry_after_ms: Some(1),
    });
    let file = client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap();
    assert_eq!(file.size_bytes, Some(21));
    assert_eq!(file.mime_type.as_deref(), Some("text/markdown"));
    assert_eq!(server.request_count(), 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn list_pages_by_cursor_get_delete_and_download() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let dir = temp_dir("crud");
    let mut ids = Vec::new();
    for i in 0..5 {
        let path = dir.join(format!("note-{i}.txt"));
        std::fs::write(&path, format!("note number {i}")).unwrap();
        ids.push(
            client
                .files()
                .upload_path(&path, &UploadOptions::new())
                .await
                .unwrap()
                .id,
        );
    }
    let first = client.files().list(None, Some(2)).await.unwrap();
    assert_eq!(first.data.len(), 2);
    assert!(first.has_more);
    let cursor = first.cursor.clone().unwrap();
    let second = client.files().list(Some(&cursor), Some(2)).await.unwrap();
    assert_eq!(second.data[0].id, ids[2]);

    let before = server.request_count();
    let all: Vec<_> = client
        .files()
        .list_all()
        .page_size(2)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.iter().map(|f| f.id.clone()).collect::<Vec<_>>(), ids);
    let pages: Vec<_> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert_eq!(pages[0], "limit=2");
    assert!(pages[1].starts_with("limit=2&cursor="));

    let meta = client.files().get(&ids[0]).await.unwrap();
    assert_eq!(meta.filename, "note-0.txt");
    assert_eq!(meta.size_bytes, Some(13));

    let err = client.files().download(&ids[0]).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(err.to_string().contains("server-created"), "{err}");
    let mut sink = Vec::new();
    let err = client
        .files()
        .download_to_writer(&ids[0], &mut sink)
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));

    let deleted = client.files().delete(&ids[0]).await.unwrap();
    assert_eq!(deleted.id, ids[0]);
    assert_eq!(deleted.kind.as_deref(), Some("file_deleted"));
    for err in [
        client.files().get(&ids[0]).await.unwrap_err(),
        client.files().delete(&ids[0]).await.unwrap_err(),
        client.files().download(&ids[0]).await.unwrap_err(),
    ] {
        assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    }
    let err = client.files().list(None, Some(0)).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    let err = client.files().list(Some("bogus"), None).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn files_need_an_api_key() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = client.files().list(None, None).await.unwrap_err();
    assert!(matches!(err, Error::Config(_)));
    let managed = Client::builder()
        .base_url(server.base_url())
        .api_key(server.management_key())
        .build()
        .unwrap();
    let err = managed.files().list(None, None).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
}
