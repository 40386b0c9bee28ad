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
    /// A management key (key, guardrail, workspace administration); refuse to send without.
    Management,
    /// Public endpoints: send the API key when there is one.
    Optional,
    /// Never send a key (e.g. the deprecated Coinbase endpoint).
    None,
}

/// One operation, described before it becomes an HTTP request (it may be sent several
/// times when retried).
#[derive(Debug)]
pub(crate) struct Call {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Bytes>,
    pub(crate) auth: Auth,
    pub(crate) stream: bool,
    /// A multipart body, rebuilt for every attempt (see `upload.rs`).
    pub(crate) multipart: Option<super::upload::FormSource>,
    /// The `Accept` header when the answer is not JSON (audio, video, file bytes).
    pub(crate) accept: Option<&'static str>,
}

impl Call {
    /// A call without a body.
    pub(crate) fn new(method: Method, path: impl Into<String>, auth: Auth) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            auth,
            stream: false,
            multipart: None,
            accept: None,
        }
    }

    pub(crate) fn get(path: impl Into<String>, auth: Auth) -> Self {
        Self::new(Method::GET, path, auth)
    }

    pub(crate) fn delete(path: impl Into<String>, auth: Auth) -> Self {
        Self::new(Method::DELETE, path, auth)
    }

    /// A POST with a JSON body; option body fields are merged in here, once, so retries
    /// resend the same bytes.
    pub(crate) fn post_json<B: Serialize + ?Sized>(
        path: impl Into<String>,
        auth: Auth,
        body: &B,
        options: &RequestOptions,
    ) -> Result<Self> {
        Self::new(Method::POST, path, auth).json(body, options)
    }

    /// Sets a JSON body, merging per-request body fields.
    pub(crate) fn json<B: Serialize + ?Sized>(
        mut self,
        body: &B,
        options: &RequestOptions,
    ) -> Result<Self> {
        self.body = Some(json_body(body, options)?);
        Ok(self)
    }

    /// Adds a query parameter when it has a value.
    pub(crate) fn query(mut self, name: &'static str, value: Option<impl ToString>) -> Self {
        if let Some(value) = value {
            self.query.push((name, value.to_string()));
        }
        self
    }
}

/// Percent-encodes one path segment (an id, a slug), so that `/`, `?` or `#` inside it
/// cannot change which resource is addressed.
pub(crate) fn segment(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b':' | b'@' => {
                encoded.push(char::from(byte));
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

/// Serializes a request body, merging per-request fields when there are any.
fn json_body<B: Serialize + ?Sized>(body: &B, options: &RequestOptions) -> Result<Bytes> {
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
    if let Some(form) = &call.multipart {
        builder = builder.multipart(form.build()?);
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
        HeaderValue::from_static(match call.accept {
            Some(accept) => accept,
            None if call.stream => "text/event-stream",
            None => "application/json",
        }),
    );
    let key = match call.auth {
        Auth::ApiKey => Some(client.api_key().ok_or_else(|| {
            Error::Config(format!(
                "{} {} needs an API key; set OPENROUTER_API_KEY or use Client::builder().api_key(..)",
                call.method, call.path
            ))
        })?),
        Auth::Management => Some(client.management_key().ok_or_else(|| {
            Error::Config(format!(
                "{} {} needs a management key (create one at https://openrouter.ai/settings/management-keys); \
                 set OPENROUTER_MANAGEMENT_KEY or use Client::builder().management_key(..)",
                call.method, call.path
            ))
        })?),
        Auth::Optional => client.api_key(),
        Auth::None => None,
    };
    if let Some(key) = key {
        let mut value = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| Error::Config("the key cannot be sent in a header".into()))?;
        value.set_sensitive(true);
        headers.insert(AUTHORIZATION, value);
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

#[cfg(test)]
mod tests {
    use super::segment;

    #[test]
    fn segments_cannot_escape_their_place_in_the_path() {
        assert_eq!(segment("abc-123_x.y~z"), "abc-123_x.y~z");
        assert_eq!(segment("a/b?c#d e"), "a%2Fb%3Fc%23d%20e");
        assert_eq!(segment("model:free"), "model:free");
        assert_eq!(segment("é"), "%C3%A9");
    }
}
