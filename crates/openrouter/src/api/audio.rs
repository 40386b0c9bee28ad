//! `POST /audio/speech` (text to audio bytes) and `POST /audio/transcriptions` (audio to
//! text).

use std::path::Path;

use bytes::Bytes;
use reqwest::multipart::Form;
use tokio::io::AsyncWrite;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::response::Response;
use crate::transport::{self, Auth, Call, FormSource};
use crate::types::audio::{
    SpeechRequest, Transcription, TranscriptionOptions, TranscriptionRequest,
};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "createAudioSpeech",
        "POST",
        "/audio/speech",
        "Client::audio().speech / speech_to_writer",
        KeyKind::Api,
    ),
    Operation::new(
        "createAudioTranscriptions",
        "POST",
        "/audio/transcriptions",
        "Client::audio().transcribe / transcribe_file",
        KeyKind::Api,
    ),
];

/// What speech answers: audio, or a JSON error.
const AUDIO_ACCEPT: &str = "audio/*, application/json";

api_handle! {
    /// Speech synthesis and transcription: [`Client::audio`](crate::Client::audio).
    Audio
}

impl Audio<'_> {
    /// Synthesizes speech and returns the whole audio (`audio/mpeg` for mp3, `audio/pcm`
    /// 16-bit little-endian for pcm).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/tts/create-audio-speech>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without an API key; [`Error::Api`](crate::Error::Api)
    /// for the server's errors; [`Error::Transport`](crate::Error::Transport) when the body breaks off.
    pub async fn speech(&self, request: &SpeechRequest) -> Result<Bytes> {
        Ok(self.speech_with_response(request).await?.into_data())
    }

    /// Like [`Audio::speech`], with the HTTP status and headers (the `Content-Type` names the
    /// audio format).
    ///
    /// # Errors
    /// As [`Audio::speech`].
    pub async fn speech_with_response(&self, request: &SpeechRequest) -> Result<Response<Bytes>> {
        transport::send_bytes(self.client, &self.speech_call(request)?, &self.options).await
    }

    /// Synthesizes speech and writes the audio into `writer` as it arrives, chunk by chunk,
    /// without holding the whole body; returns the number of bytes written.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/tts/create-audio-speech>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Audio::speech`]; a failing writer is a [`Error::Transport`](crate::Error::Transport)
    /// of kind `Other`. Bytes written before a failure stay written.
    pub async fn speech_to_writer<W>(&self, request: &SpeechRequest, mut writer: W) -> Result<u64>
    where
        W: AsyncWrite + Unpin,
    {
        let call = self.speech_call(request)?;
        let (written, _) =
            transport::send_to_writer(self.client, &call, &self.options, &mut writer).await?;
        Ok(written)
    }

    fn speech_call(&self, request: &SpeechRequest) -> Result<Call> {
        let mut call = Call::post_json("/audio/speech", Auth::ApiKey, request, &self.options)?;
        call.accept = Some(AUDIO_ACCEPT);
        Ok(call)
    }

    /// Transcribes base64 audio sent as JSON.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/stt/create-audio-transcriptions>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Audio::speech`].
    pub async fn transcribe(&self, request: &TranscriptionRequest) -> Result<Transcription> {
        let call = Call::post_json(
            "/audio/transcriptions",
            Auth::ApiKey,
            request,
            &self.options,
        )?;
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }

    /// Transcribes an audio file, uploaded as `multipart/form-data` and streamed from disk.
    /// The server derives the format from the file name's extension (or from
    /// [`TranscriptionOptions::content_type`]); files are limited to 25 MB this way.
    ///
    /// Retries reopen the file and send it again from the start.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/stt/create-audio-transcriptions>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when the file cannot be read;
    /// otherwise as [`Audio::speech`].
    pub async fn transcribe_file(
        &self,
        path: impl AsRef<Path>,
        options: &TranscriptionOptions,
    ) -> Result<Transcription> {
        let path = path.as_ref().to_path_buf();
        let name = file_name(&path);
        let options = options.clone();
        // Fail early, before any request, when the file cannot be opened.
        transport::file_part(&path, &name, options.content_type.as_deref())?;
        let source = FormSource::new(move || {
            let part = transport::file_part(&path, &name, options.content_type.as_deref())?;
            let mut form = Form::new()
                .part("file", part)
                .text("model", options.model.clone());
            if let Some(language) = &options.language {
                form = form.text("language", language.clone());
            }
            if let Some(format) = &options.response_format {
                form = form.text("response_format", format.clone());
            }
            if let Some(temperature) = options.temperature {
                form = form.text("temperature", temperature.to_string());
            }
            for granularity in &options.timestamp_granularities {
                form = form.text("timestamp_granularities[]", granularity.clone());
            }
            Ok(form)
        });
        let mut call = Call::new(http::Method::POST, "/audio/transcriptions", Auth::ApiKey);
        call.multipart = Some(source);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }
}

/// The name a file part is sent under: the path's last component.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_owned())
}
