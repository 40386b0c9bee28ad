//! The model catalogue: `GET /models`, `/models/count`, `/models/user`, `/model/{author}/{slug}`.

use super::operations::{KeyKind, Operation};
use crate::error::{Error, Result};
use crate::pagination::Paginated;
use crate::response::Response;
use crate::transport::{self, segment, Auth, Call};
use crate::types::models::{Model, ModelCountResponse, ModelList, ModelResponse, ModelsQuery};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "getModels",
        "GET",
        "/models",
        "Client::models().list",
        KeyKind::None,
    ),
    Operation::new(
        "getModel",
        "GET",
        "/model/{author}/{slug}",
        "Client::models().get",
        KeyKind::None,
    ),
    Operation::new(
        "listModelsCount",
        "GET",
        "/models/count",
        "Client::models().count",
        KeyKind::None,
    ),
    Operation::new(
        "listModelsUser",
        "GET",
        "/models/user",
        "Client::models().list_for_user",
        KeyKind::Api,
    ),
];

api_handle! {
    /// The model catalogue: [`Client::models`](crate::Client::models).
    Models
}

/// Splits `author/slug` (the slug may carry a `:variant`) into its two path segments.
pub(crate) fn author_slug(id: &str) -> Result<(&str, &str)> {
    match id.split_once('/') {
        Some((author, slug)) if !author.is_empty() && !slug.is_empty() && !slug.contains('/') => {
            Ok((author, slug))
        }
        _ => Err(Error::InvalidRequest(format!(
            "model id `{id}` is not of the form `author/slug` (e.g. `openai/gpt-4o`)"
        ))),
    }
}

fn with_pairs(mut call: Call, query: &ModelsQuery) -> Call {
    call.query.extend(query.to_pairs());
    call
}

impl Models<'_> {
    /// Lists every model available through OpenRouter, with prices and capabilities, with the
    /// server's default filters (text-output models).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/models/get-models>.
    /// No key needed (the client's key is sent when it has one).
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn list(&self) -> Result<ModelList> {
        Ok(self.list_with_response().await?.into_data())
    }

    /// Like [`Models::list`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Models::list`].
    pub async fn list_with_response(&self) -> Result<Response<ModelList>> {
        self.list_with_query_response(&ModelsQuery::new()).await
    }

    /// Lists the models matching server-side filters, in the requested order and page.
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/models/get-models>.
    /// No key needed.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create); a 400 for filter values the server rejects.
    pub async fn list_with(&self, query: &ModelsQuery) -> Result<ModelList> {
        Ok(self.list_with_query_response(query).await?.into_data())
    }

    /// Like [`Models::list_with`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Models::list_with`].
    pub async fn list_with_query_response(
        &self,
        query: &ModelsQuery,
    ) -> Result<Response<ModelList>> {
        let call = with_pairs(Call::get("/models", Auth::Optional), query);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// Every model matching `query`'s filters (the paged form of [`Models::list_with`]),
    /// fetched page by page as the stream is read. `query`'s offset and limit are ignored: the
    /// stream starts at the first model and asks for [`Paginated::page_size`] models per page
    /// (at most 1000, the API's maximum).
    ///
    /// No key needed.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_all(&self, query: &ModelsQuery) -> Paginated<Model> {
        let client = self.client.clone();
        let options = self.options.clone();
        let query = query.clone();
        Paginated::offset(0, move |page| {
            let client = client.clone();
            let options = options.clone();
            let mut query = query.clone();
            query.offset = page.offset;
            query.limit = page.limit;
            async move {
                let call = with_pairs(Call::get("/models", Auth::Optional), &query);
                let list: Response<ModelList> =
                    transport::send_json(&client, &call, &options).await?;
                Ok(list.into_data().data)
            }
        })
        .max_page_size(1000)
    }

    /// One model by id, `author/slug` (a `:variant` suffix such as `:free` is accepted).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/models/get-model>.
    /// No key needed.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] before sending when `id` is not `author/slug`; a 404 API error
    /// for an unknown model; otherwise as [`Chat::create`](crate::api::Chat::create).
    pub async fn get(&self, id: &str) -> Result<Model> {
        Ok(self.get_with_response(id).await?.into_data().data)
    }

    /// Like [`Models::get`], with the HTTP status, headers and raw body of the envelope.
    ///
    /// # Errors
    /// As [`Models::get`].
    pub async fn get_with_response(&self, id: &str) -> Result<Response<ModelResponse>> {
        let (author, slug) = author_slug(id)?;
        let path = format!("/model/{}/{}", segment(author), segment(slug));
        let call = Call::get(path, Auth::Optional);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// How many models are available, optionally only those with some output modalities
    /// (comma-separated, or `all`; the server defaults to `text`).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/models/list-models-count>.
    /// No key needed.
    ///
    /// # Errors
    /// As [`Chat::create`](crate::api::Chat::create).
    pub async fn count(&self, output_modalities: Option<&str>) -> Result<u64> {
        Ok(self
            .count_with_response(output_modalities)
            .await?
            .into_data()
            .data
            .count)
    }

    /// Like [`Models::count`], with the HTTP status, headers and raw body.
    ///
    /// # Errors
    /// As [`Models::count`].
    pub async fn count_with_response(
        &self,
        output_modalities: Option<&str>,
    ) -> Result<Response<ModelCountResponse>> {
        let call = Call::get("/models/count", Auth::Optional)
            .query("output_modalities", output_modalities);
        transport::send_json(self.client, &call, &self.options).await
    }

    /// The models this key may use, after its provider preferences, privacy settings and
    /// guardrails; `offset`/`limit` page it (both unset: the whole list).
    ///
    /// Reference: <https://openrouter.ai/docs/api/api-reference/models/list-models-user>.
    /// Needs an API key.
    ///
    /// # Errors
    /// [`Error::Config`] before sending without an API key; otherwise as
    /// [`Chat::create`](crate::api::Chat::create).
    pub async fn list_for_user(&self, page: crate::pagination::PageParams) -> Result<ModelList> {
        let call = Call::get("/models/user", Auth::ApiKey)
            .query("offset", page.offset)
            .query("limit", page.limit);
        Ok(
            transport::send_json::<ModelList>(self.client, &call, &self.options)
                .await?
                .into_data(),
        )
    }

    /// Every model this key may use, fetched page by page as the stream is read, asking for
    /// [`Paginated::page_size`] models per page (at most 1000, the API's maximum).
    ///
    /// Needs an API key.
    ///
    /// # Errors
    /// The stream yields the error of a failed page and then ends.
    pub fn list_for_user_all(&self) -> Paginated<Model> {
        let client = self.client.clone();
        let options = self.options.clone();
        Paginated::offset(0, move |page| {
            let client = client.clone();
            let options = options.clone();
            async move {
                let list = client
                    .models()
                    .with_options(options)
                    .list_for_user(page)
                    .await?;
                Ok(list.data)
            }
        })
        .max_page_size(1000)
    }
}

#[cfg(test)]
mod tests {
    use super::author_slug;

    #[test]
    fn ids_split_into_author_and_slug() {
        assert_eq!(author_slug("openai/gpt-4o").unwrap(), ("openai", "gpt-4o"));
        assert_eq!(
            author_slug("meta-llama/llama-3.3-70b-instruct:free").unwrap(),
            ("meta-llama", "llama-3.3-70b-instruct:free")
        );
        for bad in ["gpt-4o", "/x", "a/", "a/b/c"] {
            assert!(author_slug(bad).is_err(), "{bad}");
        }
    }
}
