//! Files (hidden operations).

use openrouter::types::files::UploadOptions;

use crate::target::target;

/// Uploads and deletes change the account; against a real server only when asked to.
fn may_change(emulated: bool) -> bool {
    if emulated || std::env::var("OPENROUTER_CONFORMANCE_MUTATE").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("skipping a state-changing step; set OPENROUTER_CONFORMANCE_MUTATE=1 to run it");
    false
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("openrouter-conf-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
async fn list_files() {
    let target = target().await;
    let page = target.client.files().list(None, Some(10)).await.unwrap();
    assert!(page.data.len() <= 10);
}

#[tokio::test]
async fn upload_file() {
    let target = target().await;
    if !may_change(target.emulated) {
        return;
    }
    let path = temp_file("upload.txt", "conformance upload");
    let file = target
        .client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap();
    assert_eq!(file.size_bytes, Some(18));
    target.client.files().delete(&file.id).await.unwrap();
    std::fs::remove_file(&path).ok();
}

#[tokio::test]
async fn get_file_metadata() {
    let target = target().await;
    if !may_change(target.emulated) {
        return;
    }
    let path = temp_file("meta.txt", "metadata");
    let file = target
        .client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap();
    let meta = target.client.files().get(&file.id).await.unwrap();
    assert_eq!(meta.id, file.id);
    target.client.files().delete(&file.id).await.unwrap();
    std::fs::remove_file(&path).ok();
}

#[tokio::test]
async fn delete_file() {
    let target = target().await;
    if !may_change(target.emulated) {
        return;
    }
    let path = temp_file("delete.txt", "to delete");
    let file = target
        .client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap();
    let deleted = target.client.files().delete(&file.id).await.unwrap();
    assert_eq!(deleted.id, file.id);
    let err = target.client.files().get(&file.id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    std::fs::remove_file(&path).ok();
}

#[tokio::test]
async fn download_file_content() {
    let target = target().await;
    if !may_change(target.emulated) {
        return;
    }
    // Uploaded files cannot be downloaded: the documented answer is 400.
    let path = temp_file("download.txt", "not downloadable");
    let file = target
        .client
        .files()
        .upload_path(&path, &UploadOptions::new())
        .await
        .unwrap();
    let err = target.client.files().download(&file.id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    target.client.files().delete(&file.id).await.unwrap();
    std::fs::remove_file(&path).ok();
}
