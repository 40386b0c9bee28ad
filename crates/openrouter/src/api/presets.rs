//! `/presets`: named, versioned request settings.

use serde::Serialize;

use super::operations::{KeyKind, Operation};
use super::workspaces::Data;
use crate::error::Result;
use crate::pagination::{PageParams, Paginated};
use crate::transport::{segment, Auth, Call};
use crate::types::chat::ChatRequest;
use crate::types::presets::{Preset, PresetList, PresetVersion, PresetVersionList};

const A: KeyKind = KeyKind::Api;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "listPresets",
        "GET",
        "/presets",
        "Client::presets().list",
        A,
    ),
    Operation::new(
        "getPreset",
        "GET",
        "/presets/{slug}",
        "Client::presets().get",
        A,
    ),
    Operation::new(
        "createPresetsChatCompletions",
        "POST",
        "/presets/{slug}/chat/completions",
        "Client::presets().save_from_chat",
        A,
    ),
    Operation::new(
        "createPresetsMessages",
        "POST",
        "/presets/{slug}/messages",
        "Client::presets().save_from_messages",
        A,
    ),
    Operation::new(
        "createPresetsResponses",
        "POST",
        "/presets/{slug}/responses",
        "Client::presets().save_from_responses",
        A,
    ),
    Operation::new(
        "listPresetVersions",
        "GET",
        "/presets/{slug}/versions",
        "Client::presets().list_versions",
        A,
    ),
    Operation::new(
        "getPresetVersion",
        "GET",
        "/presets/{slug}/versions/{version}",
        "Client::presets().get_version",
        A,
    ),
];

api_handle! {
    /// Presets: [`Client::presets`](crate::Client::presets). Every operation needs an API key.
    Presets
}

fn path(slug: &str) -> String {
    format!("/presets/{}", segment(slug))
}

impl Presets<'_> {
    /// One page of presets (without their versions).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/list-presets>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) without an API key (nothing is sent);
    /// [`Error::Api`](crate::Error::Api) for what the server refuses (400, 401); transport
    /// and decode errors as for any call.
    pub async fn list(&self, page: PageParams) -> Result<PresetList> {
        let call = Call::get("/presets", Auth::ApiKey)
            .query("offset", page.offset)
            .query("limit", page.limit);
        self.fetch(call).await
    }

    /// Every preset, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] presets per page (at most 100, the API's maximum).
    ///
    /// Needs an API key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Presets::list`]) and then ends.
    pub fn list_all(&self) -> Paginated<Preset> {
        let (client, options) = (self.client.clone(), self.options.clone());
        Paginated::offset(0, move |page| {
            let (client, options) = (client.clone(), options.clone());
            async move {
                let handle = Presets::new(&client).with_options(options);
                Ok(handle.list(page).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// The preset with its designated version.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/get-preset>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Presets::list`], plus 404 for an unknown slug.
    pub async fn get(&self, slug: &str) -> Result<Preset> {
        let call = Call::get(path(slug), Auth::ApiKey);
        Ok(self.fetch::<Data<Preset>>(call).await?.data)
    }

    async fn save(
        &self,
        slug: &str,
        suffix: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Result<Preset> {
        let call = Call::post_json(
            format!("{}/{suffix}", path(slug)),
            Auth::ApiKey,
            body,
            &self.options,
        )?;
        Ok(self.fetch::<Data<Preset>>(call).await?.data)
    }

    /// Saves a new version of preset `slug` (creating the preset when it does not exist) from
    /// a chat request's settings and system message. No model is run; the request's
    /// conversation is not stored.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/create-presets-chat-completions>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Presets::list`], plus 400 for an invalid body.
    pub async fn save_from_chat(&self, slug: &str, request: &ChatRequest) -> Result<Preset> {
        self.save(slug, "chat/completions", request).await
    }

    /// Like [`Presets::save_from_chat`], from an Anthropic Messages request body (`system`
    /// becomes the system prompt).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/create-presets-messages>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Presets::save_from_chat`].
    pub async fn save_from_messages(
        &self,
        slug: &str,
        request: &(impl Serialize + ?Sized),
    ) -> Result<Preset> {
        self.save(slug, "messages", request).await
    }

    /// Like [`Presets::save_from_chat`], from a Responses request body (`instructions`
    /// becomes the system prompt).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/create-presets-responses>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Presets::save_from_chat`].
    pub async fn save_from_responses(
        &self,
        slug: &str,
        request: &(impl Serialize + ?Sized),
    ) -> Result<Preset> {
        self.save(slug, "responses", request).await
    }

    /// One page of a preset's versions.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/list-preset-versions>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Presets::get`].
    pub async fn list_versions(&self, slug: &str, page: PageParams) -> Result<PresetVersionList> {
        let call = Call::get(format!("{}/versions", path(slug)), Auth::ApiKey)
            .query("offset", page.offset)
            .query("limit", page.limit);
        self.fetch(call).await
    }

    /// Every version of a preset, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] versions per page (at most 100, the API's maximum).
    ///
    /// Needs an API key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page (as [`Presets::list_versions`]) and then
    /// ends.
    pub fn list_versions_all(&self, slug: &str) -> Paginated<PresetVersion> {
        let (client, options, slug) = (self.client.clone(), self.options.clone(), slug.to_owned());
        Paginated::offset(0, move |page| {
            let (client, options, slug) = (client.clone(), options.clone(), slug.clone());
            async move {
                let handle = Presets::new(&client).with_options(options);
                Ok(handle.list_versions(&slug, page).await?.data)
            }
        })
        .max_page_size(100)
    }

    /// One version of a preset, by number (from 1).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/presets/get-preset-version>.
    /// Needs an API key.
    ///
    /// # Errors
    /// As [`Presets::get`]; 404 also for a version that does not exist.
    pub async fn get_version(&self, slug: &str, version: u64) -> Result<PresetVersion> {
        let call = Call::get(format!("{}/versions/{}", path(slug), version), Auth::ApiKey);
        Ok(self.fetch::<Data<PresetVersion>>(call).await?.data)
    }
}
