//! `POST /messages`: the Anthropic Messages format, served by OpenRouter for every model.
//!
//! Content blocks, thinking settings, tool choices and stream events are unions tagged by
//! their `type` field; a `type` this SDK does not know decodes to `Unknown(value)` and is
//! written back unchanged.

/// Declares a union tagged by a `type` field, with an `Unknown(Value)` fallback.
macro_rules! tagged_union {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ty) => $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant($ty), )+
            /// A `type` this SDK does not know, kept as sent.
            Unknown(::serde_json::Value),
        }

        impl $name {
            /// The `type` tag as it appears on the wire.
            pub fn kind(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $wire, )+
                    Self::Unknown(value) => value
                        .get("type")
                        .and_then(::serde_json::Value::as_str)
                        .unwrap_or(""),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(inner) => {
                        $crate::types::messages::Tagged { kind: $wire, inner }.serialize(serializer)
                    } )+
                    Self::Unknown(value) => value.serialize(serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let mut value = ::serde_json::Value::deserialize(deserializer)?;
                let kind = value.get("type").and_then(::serde_json::Value::as_str).map(str::to_owned);
                match kind.as_deref() {
                    $( Some($wire) => {
                        if let ::serde_json::Value::Object(map) = &mut value {
                            map.remove("type");
                        }
                        ::serde_json::from_value(value).map(Self::$variant).map_err(D::Error::custom)
                    } )+
                    _ => Ok(Self::Unknown(value)),
                }
            }
        }
    };
}

/// Writes `{"type": kind, ..inner}`.
#[derive(serde::Serialize)]
pub(crate) struct Tagged<'a, T> {
    #[serde(rename = "type")]
    pub(crate) kind: &'static str,
    #[serde(flatten)]
    pub(crate) inner: &'a T,
}

mod content;
mod request;
mod response;
mod stream;

pub use content::*;
pub use request::*;
pub use response::*;
pub use stream::*;
