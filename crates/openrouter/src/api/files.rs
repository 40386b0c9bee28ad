//! Stored files: `GET/POST /files`, `GET/DELETE /files/{file_id}` and
//! `GET /files/{file_id}/content`. Hidden from the public docs, so they may change.

use std::path::Path;

use bytes::Bytes;
use reqwest::multipart::Form;
use tokio::io::AsyncWrite;

use super::operations::{KeyKind, Operation};
use crate::error::Result;
use crate::pagination::Paginated;
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call, FormSource};
use crate::types::files::{FileDeleted, FileList, FileObject, FileScope, UploadOptions};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "listFiles",
        "GET",
        "/files",
        "Client::files().list / list_all",
        KeyKind::Api,
    ),
    Operation::new(
        "uploadFile",
        "POST",
        "/files",
        "Client::files().upload_path",
        KeyKind::Api,
    ),
    Operation::new(
        "getFileMetadata",
        "GET",
        "/files/{file_id}",
        "Client::files().get",
        KeyKind::Api,
    ),
    Operation::new(
        "deleteFile",
        "DELETE",
        "/files/{file_id}",
        "Client::files().delete",
        KeyKind::Api,
    ),
    Operation::new(
        "downloadFileContent",
        "GET",
        "/files/{file_id}/content",
        "Client::files().download / download_to_writer",
        KeyKind::Api,
    ),
];

/// The largest file the API accepts.
pub const MAX_UPLOAD_BYTES: u64 = 100 * 1024 * 1024;

api_handle! {
    /// Stored files: [`Client::files`](crate::Client::files).
    Files
}

fn scoped(call: Call, scope: &FileScope) -> Call {
    call.query("workspace_id", scope.workspace_id.as_deref())
        .query("provider", scope.provider.as_deref())
}

impl Files<'_> {
    /// One page of the workspace's files: pass `None` for the first page, then the page's
    /// `cursor`; `limit` is 1-1000.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/files/list-files>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without an API key; [`Error::Api`](crate::Error::Api)
    /// for the server's errors (400 for a bad cursor or limit).
    pub async fn list(&self, cursor: Option<&str>, limit: Option<u32>) -> Result<FileList> {
        self.list_in(&FileScope::new(), cursor, limit).await
    }

    /// Like [`Files::list`], in a workspace or provider storage.
    ///
    /// # Errors
    /// As [`Files::list`].
    pub async fn list_in(
        &self,
        scope: &FileScope,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<FileList> {
        let call = scoped(
            Call::get("/files", Auth::ApiKey)
                .query("limit", limit)
                .query("cursor", cursor),
            scope,
        );
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }

    /// Every file, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] files per page (at most 1000, the API's maximum).
    ///
    /// Needs an API key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_all(&self) -> Paginated<FileObject> {
        self.list_in_all(&FileScope::new())
    }

    /// Like [`Files::list_all`], in a workspace or provider storage.
    ///
    /// # Errors
    /// As [`Files::list_all`].
    pub fn list_in_all(&self, scope: &FileScope) -> Paginated<FileObject> {
        let client = self.client.clone();
        let options = self.options.clone();
        let scope = scope.clone();
        Paginated::cursor(None, move |cursor: Option<String>, page_size: u32| {
            let client = client.clone();
            let options = options.clone();
            let scope = scope.clone();
            async move {
                let page = client
                    .files()
                    .with_options(options)
                    .list_in(&scope, cursor.as_deref(), Some(page_size))
                    .await?;
                // The cursor alone says whether a page follows; `has_more` agrees with it.
                let next = page.cursor;
                Ok((page.data, next))
            }
        })
        .max_page_size(1000)
    }

    /// Uploads the file at `path` (at most 100 MB), streaming it from disk: memory use does
    /// not grow with the file. The server decides the type from the bytes (PDF, images,
    /// Office documents, audio, UTF-8 text).
    ///
    /// A retry (after a 429, 502, 503 or a connection failure before any answer) reopens the
    /// file and sends it again from the start.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/files/upload-file>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when the file cannot be read or
    /// is larger than [`MAX_UPLOAD_BYTES`]; [`Error::Api`](crate::Error::Api) with 400 for an
    /// empty or unsupported file, 413 when too large; otherwise as [`Files::list`].
    pub async fn upload_path(
        &self,
        path: impl AsRef<Path>,
        options: &UploadOptions,
    ) -> Result<FileObject> {
        Ok(self
            .upload_path_with_response(path, options)
            .await?
            .into_data())
    }

    /// Like [`Files::upload_path`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Files::upload_path`].
    pub async fn upload_path_with_response(
        &self,
        path: impl AsRef<Path>,
        options: &UploadOptions,
    ) -> Result<Response<FileObject>> {
        let path = path.as_ref().to_path_buf();
        let size = tokio::fs::metadata(&path)
            .await
            .map_err(|e| {
                crate::Error::InvalidRequest(format!(
                    "cannot read the file {}: {e}",
                    path.display()
                ))
            })?
            .len();
        if size > MAX_UPLOAD_BYTES {
            return Err(crate::Error::InvalidRequest(format!(
                "{} is {size} bytes; the API accepts at most {MAX_UPLOAD_BYTES}",
                path.display()
            )));
        }
        let name = options
            .filename
            .clone()
            .unwrap_or_else(|| super::audio::file_name(&path));
        let content_type = options.content_type.clone();
        let source = FormSource::new(move || {
            let part = transport::file_part(&path, &name, content_type.as_deref())?;
            Ok(Form::new().part("file", part))
        });
        let mut call = scoped(
            Call::new(http::Method::POST, "/files", Auth::ApiKey),
            &options.scope,
        );
        call.multipart = Some(source);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// The file's metadata.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/files/get-file-metadata>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`](crate::Error::Api) with 404 for an unknown or deleted file; otherwise as
    /// [`Files::list`].
    pub async fn get(&self, file_id: &str) -> Result<FileObject> {
        let call = Call::get(format!("/files/{}", segment(file_id)), Auth::ApiKey);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }

    /// Deletes the file, irreversibly.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/files/delete-file>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Files::get`].
    pub async fn delete(&self, file_id: &str) -> Result<FileDeleted> {
        let call = Call::delete(format!("/files/{}", segment(file_id)), Auth::ApiKey);
        transport::send_json(self.client, &call, &self.options)
            .await
            .map(Response::into_data)
    }

    /// Downloads a file's bytes. Only files the server created can be downloaded; uploaded
    /// files answer 400.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/files/download-file-content>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Api`](crate::Error::Api) with 400 for an uploaded file, 404 for an unknown one;
    /// otherwise as [`Files::list`].
    pub async fn download(&self, file_id: &str) -> Result<Bytes> {
        Ok(
            transport::send_bytes(self.client, &content_call(file_id), &self.options)
                .await?
                .into_data(),
        )
    }

    /// Downloads a file's bytes into `writer`, chunk by chunk, without holding them in
    /// memory; returns the number of bytes written.
    ///
    /// # Errors
    /// As [`Files::download`]; a failing writer is an [`Error::Transport`](crate::Error::Transport).
    pub async fn download_to_writer<W>(&self, file_id: &str, mut writer: W) -> Result<u64>
    where
        W: AsyncWrite + Unpin,
    {
        let call = content_call(file_id);
        let (written, _) =
            transport::send_to_writer(self.client, &call, &self.options, &mut writer).await?;
        Ok(written)
    }
}

fn content_call(file_id: &str) -> Call {
    let mut call = Call::get(format!("/files/{}/content", segment(file_id)), Auth::ApiKey);
    call.accept = Some("application/octet-stream, application/json");
    call
}
