//! `client.audio()` against the emulator: speech as bytes and streamed into a writer,
//! transcription as JSON and as a multipart file upload.

mod support;

use openrouter::types::audio::{SpeechRequest, TranscriptionOptions, TranscriptionRequest};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;
use support::client_for;

const TTS: &str = "openai/gpt-4o-mini-tts";
const STT: &str = "openai/whisper-large-v3";

#[tokio::test]
async fn speech_returns_audio_sized_by_the_input() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let short = client
        .audio()
        .speech(&SpeechRequest::new(TTS, "Hi"))
        .await
        .unwrap();
    let long = client
        .audio()
        .speech(&SpeechRequest::new(TTS, "Hello world, this is longer"))
        .await
        .unwrap();
    assert!(long.len() > short.len());
    assert_eq!(short.len(), 2 * 1200 * 2, "pcm: 2 bytes per sample");
    let response = client
        .audio()
        .speech_with_response(
            &SpeechRequest::new(TTS, "Hi")
                .response_format("mp3")
                .voice("alloy"),
        )
        .await
        .unwrap();
    assert_eq!(response.header("content-type"), Some("audio/mpeg"));
    assert_eq!(&response.data[..2], &[0xFF, 0xFB]);
    let sent = server.requests().last().unwrap().clone();
    assert!(sent.header("accept").unwrap().contains("audio/"));
    assert_eq!(sent.json().unwrap()["voice"], "alloy");
}

#[tokio::test]
async fn speech_streams_into_a_writer() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let text = "x".repeat(100);
    let request = SpeechRequest::new(TTS, text.as_str());
    let expected = client.audio().speech(&request).await.unwrap();
    let dir = std::env::temp_dir().join(format!("openrouter-speech-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("speech.pcm");
    let file = tokio::fs::File::create(&path).await.unwrap();
    let written = client
        .audio()
        .speech_to_writer(&request, file)
        .await
        .unwrap();
    assert_eq!(written, expected.len() as u64);
    assert!(written > 100_000, "several chunks: {written}");
    assert_eq!(std::fs::read(&path).unwrap(), expected.to_vec());
    let mut buffer = Vec::new();
    client
        .audio()
        .speech_to_writer(&request.clone().response_format("wav"), &mut buffer)
        .await
        .unwrap();
    assert!(buffer.starts_with(b"RIFF") && &buffer[8..12] == b"WAVE");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn speech_errors_are_api_errors_not_audio() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let err = client
        .audio()
        .speech(&SpeechRequest::new(TTS, ""))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(err.to_string().contains("input"), "{err}");
    let mut sink = Vec::new();
    let err = client
        .audio()
        .speech_to_writer(
            &SpeechRequest::new(TTS, "x").response_format("ogg"),
            &mut sink,
        )
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(sink.is_empty(), "nothing written for an error");
    let keyless = Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = keyless
        .audio()
        .speech(&SpeechRequest::new(TTS, "x"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)));
}

#[tokio::test]
async fn transcribe_sends_base64_json() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let audio = vec![7u8; 3000];
    let request = TranscriptionRequest::new(STT, &audio, "wav").language("en");
    let result = client.audio().transcribe(&request).await.unwrap();
    assert!(result.text.contains("3000 bytes"), "{}", result.text);
    assert!(result.usage.unwrap().seconds.is_some());
    let sent = server.requests().last().unwrap().json().unwrap();
    assert_eq!(sent["input_audio"]["format"], "wav");
    assert_eq!(sent["language"], "en");
    let verbose = client
        .audio()
        .transcribe(&request.response_format("verbose_json"))
        .await
        .unwrap();
    assert_eq!(verbose.task.as_deref(), Some("transcribe"));
    assert_eq!(verbose.segments.unwrap().len(), 1);
}

#[tokio::test]
async fn transcribe_file_uploads_multipart_as_recorded_by_the_emulator() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let dir = std::env::temp_dir().join(format!("openrouter-stt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("meeting.wav");
    let mut audio = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
    audio.resize(5000, 1);
    std::fs::write(&path, &audio).unwrap();
    let options = TranscriptionOptions::new(STT)
        .language("de")
        .timestamp_granularity("word")
        .timestamp_granularity("segment");
    let result = client
        .audio()
        .transcribe_file(&path, &options)
        .await
        .unwrap();
    assert!(result.text.contains("5000 bytes"), "{}", result.text);
    assert!(result.text.contains("meeting.wav"), "{}", result.text);

    let recorded = server.requests().last().unwrap().clone();
    let content_type = recorded.header("content-type").unwrap().to_owned();
    assert!(content_type.starts_with("multipart/form-data; boundary="));
    let body = String::from_utf8_lossy(&recorded.body);
    assert!(body.contains("name=\"model\"\r\n\r\nopenai/whisper-large-v3\r\n"));
    assert!(body.contains("name=\"language\"\r\n\r\nde\r\n"));
    assert_eq!(
        body.matches("name=\"timestamp_granularities[]\"").count(),
        2
    );
    assert!(body.contains("name=\"file\"; filename=\"meeting.wav\""));
    assert_eq!(
        recorded.header("content-length").map(str::to_owned),
        Some(recorded.body.len().to_string()),
        "the streamed file part has a known length"
    );

    let err = client
        .audio()
        .transcribe_file(dir.join("missing.wav"), &options)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    std::fs::remove_dir_all(&dir).ok();
}
