//! Images, speech, transcriptions and videos.

use std::time::Duration;

use openrouter::api::WaitOptions;
use openrouter::types::audio::{SpeechRequest, TranscriptionRequest};
use openrouter::types::images::ImageGenerationRequest;
use openrouter::types::videos::VideoRequest;

use crate::target::target;

/// Paid generations run against a real server only when asked to.
fn may_spend(emulated: bool) -> bool {
    if emulated || std::env::var("OPENROUTER_CONFORMANCE_MUTATE").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("skipping a paid generation; set OPENROUTER_CONFORMANCE_MUTATE=1 to run it");
    false
}

fn image_model() -> String {
    std::env::var("OPENROUTER_CONFORMANCE_IMAGE_MODEL")
        .unwrap_or_else(|_| "openai/gpt-image-1".into())
}

#[tokio::test]
async fn create_images() {
    let target = target().await;
    if !may_spend(target.emulated) {
        return;
    }
    let request = ImageGenerationRequest::new(image_model(), "a small red square").n(1);
    let response = target.client.images().generate(&request).await.unwrap();
    assert!(!response.data.is_empty());
    assert!(!response.data[0].b64_json.is_empty());
}

#[tokio::test]
async fn list_image_models() {
    let target = target().await;
    let models = target.client.images().list_models().await.unwrap();
    assert!(!models.data.is_empty());
}

#[tokio::test]
async fn list_image_model_endpoints() {
    let target = target().await;
    let models = target.client.images().list_models().await.unwrap();
    let id = models.data[0].id.clone();
    let endpoints = target
        .client
        .images()
        .list_model_endpoints(&id)
        .await
        .unwrap();
    assert_eq!(endpoints.id, id);
    assert!(!endpoints.endpoints.is_empty());
}

#[tokio::test]
async fn create_audio_speech() {
    let target = target().await;
    if !may_spend(target.emulated) {
        return;
    }
    let model = std::env::var("OPENROUTER_CONFORMANCE_TTS_MODEL")
        .unwrap_or_else(|_| "openai/gpt-4o-mini-tts".into());
    let audio = target
        .client
        .audio()
        .speech(&SpeechRequest::new(model, "Hello").response_format("mp3"))
        .await
        .unwrap();
    assert!(!audio.is_empty());
}

#[tokio::test]
async fn create_audio_transcriptions() {
    let target = target().await;
    if !may_spend(target.emulated) {
        return;
    }
    let model = std::env::var("OPENROUTER_CONFORMANCE_STT_MODEL")
        .unwrap_or_else(|_| "openai/whisper-large-v3".into());
    // A second of 16 kHz silence as a WAV file.
    let mut wav = b"RIFF\x24\x7d\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x80\x3e\0\0\0\x7d\0\0\x02\0\x10\0data\0\x7d\0\0".to_vec();
    wav.resize(wav.len() + 32_000, 0);
    let request = TranscriptionRequest::new(model, &wav, "wav");
    let result = target.client.audio().transcribe(&request).await.unwrap();
    let _ = result.text;
}

fn video_model() -> String {
    std::env::var("OPENROUTER_CONFORMANCE_VIDEO_MODEL").unwrap_or_else(|_| "google/veo-3.1".into())
}

#[tokio::test]
async fn create_videos() {
    let target = target().await;
    if !may_spend(target.emulated) {
        return;
    }
    let job = target
        .client
        .videos()
        .create(&VideoRequest::new(video_model(), "a calm sea").duration(4))
        .await
        .unwrap();
    assert!(!job.id.is_empty());
}

#[tokio::test]
async fn get_videos() {
    let target = target().await;
    if !target.emulated {
        // An unknown job answers 404 without spending anything.
        let err = target
            .client
            .videos()
            .get("job-does-not-exist")
            .await
            .unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
        return;
    }
    let job = target
        .client
        .videos()
        .create(&VideoRequest::new(video_model(), "a calm sea"))
        .await
        .unwrap();
    let polled = target.client.videos().get(&job.id).await.unwrap();
    assert_eq!(polled.id, job.id);
}

#[tokio::test]
async fn list_videos_content() {
    let target = target().await;
    if !target.emulated {
        eprintln!("skipping: downloading needs a finished (paid) video job");
        return;
    }
    let job = target
        .client
        .videos()
        .create(&VideoRequest::new(video_model(), "a calm sea"))
        .await
        .unwrap();
    let wait = WaitOptions::new()
        .min_interval(Duration::from_millis(10))
        .deadline(Duration::from_secs(10));
    target.client.videos().wait(&job.id, wait).await.unwrap();
    let video = target.client.videos().download(&job.id).await.unwrap();
    assert!(!video.is_empty());
}

#[tokio::test]
async fn list_videos_models() {
    let target = target().await;
    let models = target.client.videos().list_models().await.unwrap();
    assert!(!models.data.is_empty());
}
