//! Speech and transcription: `POST /audio/speech` (text to audio bytes) and
//! `POST /audio/transcriptions` (audio to text, as JSON with base64 audio or as a multipart
//! file upload).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `POST /audio/speech` request. The answer is raw audio bytes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeechRequest {
    /// The TTS model, e.g. `mistralai/voxtral-mini-tts-2603`.
    pub model: String,
    /// The text to speak.
    pub input: String,
    /// Provider-specific voice, e.g. `en_paul_neutral`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
    /// `mp3` or `pcm` (16-bit little-endian; the server's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<String>,
    /// Playback speed multiplier, for models that support it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<f64>,
    /// Voice-cloning references: one `input_audio` part, optionally one `text` part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_references: Option<Vec<SpeechReference>>,
    /// Provider passthrough: `{options: {<provider slug>: {...}}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Map<String, Value>>,
    /// Fields this SDK does not model, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SpeechRequest {
    /// Speak `input` with `model`.
    pub fn new(model: impl Into<String>, input: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            ..Self::default()
        }
    }

    /// Sets the voice.
    pub fn voice(mut self, voice: impl Into<String>) -> Self {
        self.voice = Some(voice.into());
        self
    }

    /// Sets the audio format (`mp3` or `pcm`).
    pub fn response_format(mut self, format: impl Into<String>) -> Self {
        self.response_format = Some(format.into());
        self
    }

    /// Sets the speed multiplier.
    pub fn speed(mut self, speed: f64) -> Self {
        self.speed = Some(speed);
        self
    }

    /// Adds a voice-cloning reference part.
    pub fn input_reference(mut self, reference: SpeechReference) -> Self {
        self.input_references
            .get_or_insert_with(Vec::new)
            .push(reference);
        self
    }
}

/// A voice-cloning reference part: `{type: "input_audio", input_audio: {data, format}}` or
/// `{type: "text", text}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeechReference {
    /// `input_audio` or `text`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The voice sample, for `input_audio`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_audio: Option<SpeechReferenceAudio>,
    /// The sample's transcript, for `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SpeechReference {
    /// A voice sample: base64 audio, optionally as a data URI.
    pub fn audio(data: impl Into<String>) -> Self {
        Self {
            kind: "input_audio".into(),
            input_audio: Some(SpeechReferenceAudio {
                data: data.into(),
                format: None,
                extra: Map::new(),
            }),
            text: None,
            extra: Map::new(),
        }
    }

    /// The transcript of the voice sample.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            kind: "text".into(),
            input_audio: None,
            text: Some(text.into()),
            extra: Map::new(),
        }
    }
}

/// Reference audio for voice cloning.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeechReferenceAudio {
    /// Base64 audio, optionally a data URI.
    pub data: String,
    /// Audio format (`wav`, `mp3`...); most providers detect it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /audio/transcriptions` request as JSON, with the audio base64-encoded.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionRequest {
    /// The STT model, e.g. `openai/whisper-large-v3`.
    pub model: String,
    /// The audio.
    pub input_audio: TranscriptionAudio,
    /// ISO-639-1 language code; detected when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `json` (default) or `verbose_json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<String>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// `segment` and/or `word`, with `verbose_json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_granularities: Option<Vec<String>>,
    /// Provider passthrough: `{options: {<provider slug>: {...}}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Map<String, Value>>,
    /// Fields this SDK does not model, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TranscriptionRequest {
    /// Transcribe `audio` (raw bytes, encoded here) in `format` (`wav`, `mp3`...).
    pub fn new(model: impl Into<String>, audio: &[u8], format: impl Into<String>) -> Self {
        use base64::Engine;
        Self {
            model: model.into(),
            input_audio: TranscriptionAudio {
                data: base64::engine::general_purpose::STANDARD.encode(audio),
                format: format.into(),
                extra: Map::new(),
            },
            ..Self::default()
        }
    }

    /// Sets the language.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets the response format.
    pub fn response_format(mut self, format: impl Into<String>) -> Self {
        self.response_format = Some(format.into());
        self
    }

    /// Sets the temperature.
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Adds a timestamp granularity (`segment` or `word`).
    pub fn timestamp_granularity(mut self, granularity: impl Into<String>) -> Self {
        self.timestamp_granularities
            .get_or_insert_with(Vec::new)
            .push(granularity.into());
        self
    }
}

/// Base64 audio to transcribe.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionAudio {
    /// Base64 audio bytes (not a data URI).
    pub data: String,
    /// `wav`, `mp3`, `flac`, `m4a`, `ogg`, `webm`, `aac`...
    pub format: String,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Options of a multipart transcription ([`Audio::transcribe_file`](crate::api::Audio::transcribe_file)).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TranscriptionOptions {
    /// The STT model.
    pub model: String,
    /// ISO-639-1 language code.
    pub language: Option<String>,
    /// `json` or `verbose_json`.
    pub response_format: Option<String>,
    /// Sampling temperature.
    pub temperature: Option<f64>,
    /// `segment` and/or `word`.
    pub timestamp_granularities: Vec<String>,
    /// The file part's content type; by default the server derives the format from the
    /// file name's extension.
    pub content_type: Option<String>,
}

impl TranscriptionOptions {
    /// Transcribe with `model`.
    pub fn new(model: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            ..Self::default()
        }
    }

    /// Sets the language.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets the response format.
    pub fn response_format(mut self, format: impl Into<String>) -> Self {
        self.response_format = Some(format.into());
        self
    }

    /// Sets the temperature.
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Adds a timestamp granularity.
    pub fn timestamp_granularity(mut self, granularity: impl Into<String>) -> Self {
        self.timestamp_granularities.push(granularity.into());
        self
    }

    /// Sets the file part's content type, e.g. `audio/wav`.
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

/// `POST /audio/transcriptions` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transcription {
    /// The transcribed text.
    #[serde(default)]
    pub text: String,
    /// Usage and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<TranscriptionUsage>,
    /// Audio duration in seconds (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    /// Detected or forced language (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The task performed (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// Timestamped segments (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<TranscriptionSegment>>,
    /// Timestamped words, when the provider returns them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<TranscriptionWord>>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Usage of a transcription.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionUsage {
    /// Cost in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Input tokens billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    /// Output tokens generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
    /// Input plus output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// Audio duration in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<f64>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A timestamped transcript segment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionSegment {
    /// Index within the transcript.
    #[serde(default)]
    pub id: i64,
    /// Start in seconds.
    #[serde(default)]
    pub start: f64,
    /// End in seconds.
    #[serde(default)]
    pub end: f64,
    /// The segment's text.
    #[serde(default)]
    pub text: String,
    /// Speaker index, with diarization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<i64>,
    /// Fields this SDK does not model (`seek`, `tokens`, `avg_logprob`...), kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A timestamped word.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionWord {
    /// The word.
    #[serde(default)]
    pub word: String,
    /// Start in seconds.
    #[serde(default)]
    pub start: f64,
    /// End in seconds.
    #[serde(default)]
    pub end: f64,
    /// Speaker index, with diarization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<i64>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
