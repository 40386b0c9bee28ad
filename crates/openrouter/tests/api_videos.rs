//! `client.videos()` against the emulator: create (202), poll, wait with backoff, progress
//! and deadlines, download as bytes and into a writer, models.

mod support;

use std::time::Duration;

use openrouter::api::WaitOptions;
use openrouter::types::videos::{VideoRequest, VideoStatus};
use openrouter::{Error, TimeoutPhase, TransportErrorKind};
use openrouter_mock::MockServer;
use support::client_for;

const MODEL: &str = "google/veo-3.1";

fn quick() -> WaitOptions<'static> {
    WaitOptions::new()
        .min_interval(Duration::from_millis(5))
        .max_interval(Duration::from_millis(20))
        .deadline(Duration::from_secs(5))
}

#[tokio::test]
async fn a_job_goes_from_pending_to_completed_across_polls() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let request = VideoRequest::new(MODEL, "A serene mountain landscape")
        .duration(8)
        .resolution("720p");
    let created = client
        .videos()
        .create_with_response(&request)
        .await
        .unwrap();
    assert_eq!(created.status.as_u16(), 202);
    let job = created.data;
    assert_eq!(job.status, VideoStatus::Pending);
    assert_eq!(job.polling_url, format!("/api/v1/videos/{}", job.id));
    let first = client.videos().get(&job.id).await.unwrap();
    assert_eq!(first.status, VideoStatus::InProgress);
    let second = client.videos().get(&job.id).await.unwrap();
    assert_eq!(second.status, VideoStatus::Completed);
    assert_eq!(second.usage.unwrap().cost, Some(0.5));
    assert_eq!(second.unsigned_urls.unwrap().len(), 1);
    let err = client.videos().get("job-nope").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn wait_polls_with_progress_until_completed() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let job = client
        .videos()
        .create(&VideoRequest::new(MODEL, "waves"))
        .await
        .unwrap();
    let mut seen = Vec::new();
    let done = client
        .videos()
        .wait(
            &job.id,
            quick().on_progress(|job| seen.push(job.status.clone())),
        )
        .await
        .unwrap();
    assert_eq!(done.status, VideoStatus::Completed);
    assert!(seen.len() >= 2, "{seen:?}");
    assert_eq!(seen, vec![VideoStatus::InProgress, VideoStatus::Completed]);
}

#[tokio::test]
async fn wait_ends_with_a_deadline_error_or_the_failure() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let stalled = client
        .videos()
        .create(&VideoRequest::new(MODEL, "never done [stall]"))
        .await
        .unwrap();
    let mut polls = 0;
    let started = std::time::Instant::now();
    let err = client
        .videos()
        .wait(
            &stalled.id,
            quick()
                .deadline(Duration::from_millis(150))
                .on_progress(|_| polls += 1),
        )
        .await
        .unwrap_err();
    match &err {
        Error::Transport(t) => {
            assert_eq!(t.kind, TransportErrorKind::Timeout(TimeoutPhase::Total));
            assert!(t.message.contains("in_progress"), "{}", t.message);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        polls >= 3,
        "backoff keeps polling until the deadline: {polls}"
    );

    let failing = client
        .videos()
        .create(&VideoRequest::new(MODEL, "bad [fail]"))
        .await
        .unwrap();
    let err = client
        .videos()
        .wait(&failing.id, quick())
        .await
        .unwrap_err();
    let api = err.api().expect("an API error");
    assert!(api.message().contains("failed"), "{}", api.message());
    assert!(
        api.message().contains("rejected the prompt"),
        "{}",
        api.message()
    );
}

#[tokio::test]
async fn download_as_bytes_and_into_a_writer() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let job = client
        .videos()
        .create(&VideoRequest::new(MODEL, "a cat"))
        .await
        .unwrap();
    let err = client.videos().download(&job.id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400), "not ready yet");
    client.videos().wait(&job.id, quick()).await.unwrap();
    let bytes = client.videos().download(&job.id).await.unwrap();
    assert_eq!(&bytes[4..8], b"ftyp");
    let mut out = Vec::new();
    let written = client
        .videos()
        .download_to_writer(&job.id, &mut out)
        .await
        .unwrap();
    assert_eq!(written, bytes.len() as u64);
    assert_eq!(out, bytes.to_vec());
    let err = client
        .videos()
        .download_index(&job.id, 3)
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        server.requests().last().unwrap().query.as_deref(),
        Some("index=3")
    );
}

#[tokio::test]
async fn models_and_validation() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let models = client.videos().list_models().await.unwrap();
    assert_eq!(models.data[0].id, MODEL);
    assert_eq!(
        models.data[0].supported_durations.as_deref(),
        Some(&[4, 6, 8][..])
    );
    let err = client
        .videos()
        .create(&VideoRequest::new(MODEL, "x").callback_url("http://insecure.example"))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(err.to_string().contains("callback_url"));
}
