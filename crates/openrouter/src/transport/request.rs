//! Turning a call description into an HTTP request: URL, auth, headers, body.

use bytes::Bytes;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Method};
use serde::Serialize;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::options::RequestOptions;

/// Which credential an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Auth {
    /// An inference API key; refuse to send without one.
    ApiKey,
    /// Public endpoints: send the key when there is one.
    Optional,
}

/// One operation, described before it becomes an HTTP request (it may be sent several
/// times when retried).
#[derive(Debug)]
pub(crate) struct Call {
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Bytes>,
    pub(crate) auth: Auth,
    pub(crate) stream: bool,
}

impl Call {
    pub(crate) fn get(path: &'static str, auth: Auth) -> Self {
        Self {
            method: Method::GET,
            path,
            query: Vec::new(),
            body: None,
            auth,
            stream: false,
        }
    }

    /// A POST with a JSON body; option body fields are merged in here, once, so retries
    /// resend the same bytes.
    pub(crate) fn post_json<B: Serialize>(
        path: &'static str,
        auth: Auth,
        body: &B,
        options: &RequestOptions,
    ) -> Result<Self> {
        Ok(Self {
            method: Method::POST,
            path,
            query: Vec::new(),
            body: Some(json_body(body, options)?),
            auth,
            stream: false,
        })
    }
}

/// Serializes a request body, merging per-request fields when there are any.
fn json_body<B: Serialize>(body: &B, options: &RequestOptions) -> Result<Bytes> {
    let invalid =
        |e: serde_json::Error| Error::InvalidRequest(format!("cannot encode the body: {e}"));
    if options.body.is_empty() {
        return serde_json::to_vec(body).map(Bytes::from).map_err(invalid);
    }
    let mut value = serde_json::to_value(body).map_err(invalid)?;
    let object = value
        .as_object_mut()
        .ok_or_else(|| Error::InvalidRequest("extra body fields need a JSON object body".into()))?;
    for (name, field) in &options.body {
        object.insert(name.clone(), field.clone());
    }
    serde_json::to_vec(&value).map(Bytes::from).map_err(invalid)
}

/// Builds the HTTP request for one attempt.
pub(crate) fn build(
    client: &Client,
    call: &Call,
    options: &RequestOptions,
) -> Result<reqwest::Request> {
    let inner = &client.inner;
    let url = format!("{}{}", inner.base_url, call.path);
    let mut builder = inner.http.request(call.method.clone(), url);
    if !call.query.is_empty() {
        builder = builder.query(&call.query);
    }
    let mut request = builder
        .build()
        .map_err(|e| Error::InvalidRequest(format!("cannot build the request URL: {e}")))?;
    let headers = request.headers_mut();
    headers.insert(
        USER_AGENT,
        HeaderValue::from_static(crate::client::USER_AGENT),
    );
    headers.insert(
        ACCEPT,
        HeaderValue::from_static(if call.stream {
            "text/event-stream"
        } else {
            "application/json"
        }),
    );
    match (client.api_key(), call.auth) {
        (Some(key), _) => {
            let mut value = HeaderValue::from_str(&format!("Bearer {key}"))
                .map_err(|_| Error::Config("the API key cannot be sent in a header".into()))?;
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
        (None, Auth::ApiKey) => {
            return Err(Error::Config(format!(
            "{} {} needs an API key; set OPENROUTER_API_KEY or use Client::builder().api_key(..)",
            call.method, call.path
        )))
        }
        (None, Auth::Optional) => {}
    }
    for (name, value) in &inner.headers {
        headers.insert(name.clone(), value.clone());
    }
    for (name, value) in &options.headers {
        headers.insert(name.clone(), value.clone());
    }
    if let Some(body) = &call.body {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        *request.body_mut() = Some(reqwest::Body::from(body.clone()));
    }
    Ok(request)
}
