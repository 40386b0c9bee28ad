//! Keeps the client's keys out of everything it hands back: a proxy or a misbehaving server
//! may echo the `Authorization` header into a response header, an error message, error
//! metadata or a body that fails to decode, and users print errors and responses.

use http::{HeaderMap, HeaderValue};
use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::Error;

/// What replaces a key.
const MASK: &str = "[redacted]";

fn in_place(client: &Client, text: &mut String) {
    for key in client.secrets() {
        if text.contains(key) {
            *text = text.replace(key, MASK);
        }
    }
}

/// The headers with every value that contains a key replaced as a whole (a value cut around
/// the key could still say too much, e.g. `Bearer ...`).
pub(crate) fn headers(client: &Client, headers: &HeaderMap) -> HeaderMap {
    let leaks = |value: &HeaderValue| {
        value
            .to_str()
            .is_ok_and(|v| client.secrets().any(|key| v.contains(key)))
    };
    if !headers.values().any(leaks) {
        return headers.clone();
    }
    let mut clean = HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        let value = if leaks(value) {
            HeaderValue::from_static(MASK)
        } else {
            value.clone()
        };
        clean.append(name.clone(), value);
    }
    clean
}

/// Every string inside a JSON value, cleaned.
fn value(client: &Client, value: &mut Value) {
    match value {
        Value::String(s) => in_place(client, s),
        Value::Array(items) => items.iter_mut().for_each(|v| self::value(client, v)),
        Value::Object(map) => map_values(client, map),
        _ => {}
    }
}

fn map_values(client: &Client, map: &mut Map<String, Value>) {
    map.values_mut().for_each(|v| value(client, v));
}

/// The error with every server-provided text cleaned: messages, bodies, headers, metadata.
pub(crate) fn error(client: &Client, error: Error) -> Error {
    match error {
        Error::Api(mut api) => {
            in_place(client, &mut api.error.message);
            if let Some(metadata) = api.error.metadata.as_mut() {
                map_values(client, metadata);
            }
            map_values(client, &mut api.error.extra);
            if let Some(metadata) = api.openrouter_metadata.as_mut() {
                value(client, metadata);
            }
            map_values(client, &mut api.extra);
            if let Some(raw) = api.raw_body.as_mut() {
                in_place(client, raw);
            }
            api.headers = headers(client, &api.headers);
            Error::Api(api)
        }
        Error::Decode(mut decode) => {
            in_place(client, &mut decode.body);
            in_place(client, &mut decode.message);
            Error::Decode(decode)
        }
        Error::Transport(mut transport) => {
            in_place(client, &mut transport.message);
            Error::Transport(transport)
        }
        other => other,
    }
}
