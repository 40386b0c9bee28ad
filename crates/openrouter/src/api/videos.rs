//! Video generation jobs: `POST /videos`, `GET /videos/{jobId}`,
//! `GET /videos/{jobId}/content` and `GET /videos/models`.

use std::time::{Duration, Instant};

use bytes::Bytes;
use tokio::io::AsyncWrite;

use super::operations::{KeyKind, Operation};
use crate::error::{ApiError, Error, Result, TimeoutPhase, TransportErrorKind};
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::error::{ErrorBody, ErrorCode, ErrorObject};
use crate::types::videos::{VideoJob, VideoModelList, VideoRequest, VideoStatus};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "createVideos",
        "POST",
        "/videos",
        "Client::videos().create",
        KeyKind::Api,
    ),
    Operation::new(
        "getVideos",
        "GET",
        "/videos/{jobId}",
        "Client::videos().get / wait",
        KeyKind::Api,
    ),
    Operation::new(
        "listVideosContent",
        "GET",
        "/videos/{jobId}/content",
        "Client::videos().download / download_index / download_to_writer",
        KeyKind::Api,
    ),
    Operation::new(
        "listVideosModels",
        "GET",
        "/videos/models",
        "Client::videos().list_models",
        KeyKind::None,
    ),
];

/// What video content answers: the video, or a JSON error.
const VIDEO_ACCEPT: &str = "video/*, application/octet-stream, application/json";

api_handle! {
    /// Video generation: [`Client::videos`](crate::Client::videos).
    Videos
}

/// What [`Videos::wait`] calls after each poll.
type ProgressCallback<'a> = Box<dyn FnMut(&VideoJob) + Send + 'a>;

/// How [`Videos::wait`] polls: exponential backoff from `min_interval` to `max_interval`,
/// until `deadline` has passed since the first poll, calling `on_progress` after each poll.
#[non_exhaustive]
pub struct WaitOptions<'a> {
    /// The first pause between polls (default 2 s); it doubles after each poll.
    pub min_interval: Duration,
    /// The longest pause between polls (default 30 s).
    pub max_interval: Duration,
    /// How long to wait in all (default 30 minutes).
    pub deadline: Duration,
    on_progress: Option<ProgressCallback<'a>>,
}

impl std::fmt::Debug for WaitOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WaitOptions")
            .field("min_interval", &self.min_interval)
            .field("max_interval", &self.max_interval)
            .field("deadline", &self.deadline)
            .field("on_progress", &self.on_progress.is_some())
            .finish()
    }
}

impl Default for WaitOptions<'_> {
    fn default() -> Self {
        Self {
            min_interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(30),
            deadline: Duration::from_secs(30 * 60),
            on_progress: None,
        }
    }
}

impl<'a> WaitOptions<'a> {
    /// The defaults: 2 s doubling up to 30 s, for at most 30 minutes.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the first pause between polls.
    pub fn min_interval(mut self, interval: Duration) -> Self {
        self.min_interval = interval;
        self
    }

    /// Sets the longest pause between polls.
    pub fn max_interval(mut self, interval: Duration) -> Self {
        self.max_interval = interval;
        self
    }

    /// Sets how long to wait in all.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Calls `callback` with the job after every poll (to show progress).
    pub fn on_progress(mut self, callback: impl FnMut(&VideoJob) + Send + 'a) -> Self {
        self.on_progress = Some(Box::new(callback));
        self
    }
}

impl Videos<'_> {
    /// Submits a video generation job; the server answers 202 with the job to poll.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/video-generation/create-videos>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`] without an API key; [`Error::Api`] for the server's errors (400,
    /// 402 credits, 404 unknown model...).
    pub async fn create(&self, request: &VideoRequest) -> Result<VideoJob> {
        Ok(self.create_with_response(request).await?.into_data())
    }

    /// Like [`Videos::create`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Videos::create`].
    pub async fn create_with_response(&self, request: &VideoRequest) -> Result<Response<VideoJob>> {
        let call = Call::post_json("/videos", Auth::ApiKey, request, &self.options)?;
        transport::send_json(self.client, &call, &self.options).await
    }

    /// The job's status, and its URLs and cost once completed.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/video-generation/get-videos>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`] with 404 for an unknown job; otherwise as [`Videos::create`].
    pub async fn get(&self, job_id: &str) -> Result<VideoJob> {
        let call = Call::get(format!("/videos/{}", segment(job_id)), Auth::ApiKey);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }

    /// Polls the job until it completes, with exponential backoff, and returns the
    /// completed job.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/video-generation/get-videos>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`] when the job ends `failed`, `cancelled` or `expired` (its code is the
    /// status, its message the job's error); [`Error::Transport`] with
    /// [`TimeoutPhase::Total`] when the deadline passes first; any error of [`Videos::get`].
    pub async fn wait(&self, job_id: &str, mut options: WaitOptions<'_>) -> Result<VideoJob> {
        let until = Instant::now() + options.deadline;
        let max = options.max_interval.max(options.min_interval);
        let mut interval = options.min_interval;
        loop {
            let job = self.get(job_id).await?;
            if let Some(callback) = options.on_progress.as_mut() {
                callback(&job);
            }
            match job.status {
                VideoStatus::Completed => return Ok(job),
                ref status if status.is_terminal() => return Err(job_failed(&job)),
                _ => {}
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Error::transport(
                    TransportErrorKind::Timeout(TimeoutPhase::Total),
                    format!(
                        "video job {job_id} is still {} after {:?}",
                        job.status, options.deadline
                    ),
                ));
            }
            tokio::time::sleep(interval.min(left)).await;
            interval = (interval * 2).min(max);
        }
    }

    /// Downloads the (first) generated video.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/video-generation/list-videos-content>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`] with 400 or 404 when the job has no content; otherwise as
    /// [`Videos::create`].
    pub async fn download(&self, job_id: &str) -> Result<Bytes> {
        self.download_index(job_id, 0).await
    }

    /// Downloads the video at `index` (0-based) of a job that produced several.
    ///
    /// # Errors
    /// As [`Videos::download`].
    pub async fn download_index(&self, job_id: &str, index: u32) -> Result<Bytes> {
        let call = content_call(job_id, index);
        Ok(transport::send_bytes(self.client, &call, &self.options)
            .await?
            .into_data())
    }

    /// Downloads the (first) generated video into `writer`, chunk by chunk, without holding
    /// it in memory; returns the number of bytes written.
    ///
    /// # Errors
    /// As [`Videos::download`]; a failing writer is an [`Error::Transport`].
    pub async fn download_to_writer<W>(&self, job_id: &str, mut writer: W) -> Result<u64>
    where
        W: AsyncWrite + Unpin,
    {
        let call = content_call(job_id, 0);
        let (written, _) =
            transport::send_to_writer(self.client, &call, &self.options, &mut writer).await?;
        Ok(written)
    }

    /// Lists the video generation models and what they support.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/video-generation/list-videos-models>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// As [`Videos::create`].
    pub async fn list_models(&self) -> Result<VideoModelList> {
        let call = Call::get("/videos/models", Auth::Optional);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }
}

fn content_call(job_id: &str, index: u32) -> Call {
    let mut call = Call::get(format!("/videos/{}/content", segment(job_id)), Auth::ApiKey)
        .query("index", (index > 0).then_some(index));
    call.accept = Some(VIDEO_ACCEPT);
    call
}

/// The error for a job that ended without a video.
fn job_failed(job: &VideoJob) -> Error {
    let reason = job.error.as_deref().unwrap_or("no reason given");
    let message = format!("video job {} ended {}: {reason}", job.id, job.status);
    let body = ErrorBody {
        error: ErrorObject::new(ErrorCode::Text(job.status.to_string()), message),
        user_id: None,
        openrouter_metadata: None,
        extra: Default::default(),
    };
    ApiError::from_body(None, body).into()
}
