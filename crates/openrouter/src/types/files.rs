//! Stored files: `GET/POST /files`, `GET/DELETE /files/{file_id}` and
//! `GET /files/{file_id}/content`. These operations are hidden from the public docs.
//!
//! The API negotiates one of three shapes (OpenRouter, OpenAI, Anthropic), named by `_shape`
//! where the server sends it. These types model the OpenRouter shape, which is what the API
//! answers by default; the fields of the other shapes are kept in `extra`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A stored file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileObject {
    /// File id, e.g. `or_file_011CNha8iCJcU1wXNR6q4V8w`.
    #[serde(default)]
    pub id: String,
    /// Always `file`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The name it was uploaded under.
    #[serde(default)]
    pub filename: String,
    /// The type sniffed from the content, e.g. `application/pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<u64>,
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Value>,
    /// Whether the content can be downloaded (only server-created files can).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloadable: Option<bool>,
    /// Which shape the server answered in (`openrouter`, `openai`, `anthropic`), when sent.
    #[serde(rename = "_shape", default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /files` response: one page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileList {
    /// The files of this page.
    #[serde(default)]
    pub data: Vec<FileObject>,
    /// Cursor of the next page; `None` when there are no more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Whether more files follow.
    #[serde(default)]
    pub has_more: bool,
    /// Id of the first file of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_id: Option<String>,
    /// Id of the last file of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_id: Option<String>,
    /// Which shape the server answered in, when sent.
    #[serde(rename = "_shape", default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `DELETE /files/{file_id}` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileDeleted {
    /// The deleted file's id.
    #[serde(default)]
    pub id: String,
    /// `file_deleted`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Which shape the server answered in, when sent.
    #[serde(rename = "_shape", default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Fields this SDK does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a file lives and which workspace it belongs to: the `workspace_id` and `provider`
/// query parameters every files operation accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FileScope {
    /// Workspace to scope the request to; the key's default workspace when unset.
    pub workspace_id: Option<String>,
    /// `openai` or `anthropic` to use that provider's storage with your own key; OpenRouter
    /// storage when unset.
    pub provider: Option<String>,
}

impl FileScope {
    /// The default workspace and OpenRouter storage.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scopes to a workspace.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.workspace_id = Some(id.into());
        self
    }

    /// Uses a provider's storage.
    pub fn provider(mut self, provider: impl Into<String>) -> Self {
        self.provider = Some(provider.into());
        self
    }
}

/// Options of an upload.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct UploadOptions {
    /// Workspace and storage.
    pub scope: FileScope,
    /// The name to store; the path's file name when unset.
    pub filename: Option<String>,
    /// The part's declared content type; the server sniffs the real type from the bytes.
    pub content_type: Option<String>,
}

impl UploadOptions {
    /// Defaults: the file's own name, the default workspace, OpenRouter storage.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scopes to a workspace.
    pub fn workspace_id(mut self, id: impl Into<String>) -> Self {
        self.scope.workspace_id = Some(id.into());
        self
    }

    /// Uses a provider's storage.
    pub fn provider(mut self, provider: impl Into<String>) -> Self {
        self.scope.provider = Some(provider.into());
        self
    }

    /// Stores the file under another name.
    pub fn filename(mut self, name: impl Into<String>) -> Self {
        self.filename = Some(name.into());
        self
    }

    /// Declares the part's content type.
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}
