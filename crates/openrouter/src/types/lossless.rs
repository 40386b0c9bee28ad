//! Lossless structs without `#[serde(flatten)]`.
//!
//! `#[serde(flatten)]` makes serde buffer every field of the object into an intermediate
//! content tree before the real decoding starts, which costs more than parsing into
//! `serde_json::Value`. Stream chunks are decoded thousands of times per response, so the
//! response types use [`lossless_struct!`] instead: a hand-rolled visitor that decodes known
//! keys straight into their field types and keeps only unknown keys as `Value`s.
//!
//! Round-trip rule: a known field is written back when it holds a non-default value, or when
//! it arrived on the wire with its default value (`""`, `0`, `[]`, `{}`, `false`). Keys that
//! arrived as `null` are treated as absent, so `null` and missing compare equal.

use serde_json::{Map, Number, Value};

/// Which known fields arrived on the wire holding their default value, one bit per field.
///
/// Equality ignores it: two values that hold the same data are equal however they were
/// spelled on the wire.
#[derive(Clone, Copy, Default)]
pub(crate) struct Presence(u64);

impl Presence {
    pub(crate) fn mark(&mut self, bit: u32) {
        self.0 |= 1u64 << bit;
    }

    pub(crate) fn has(self, bit: u32) -> bool {
        self.0 & (1u64 << bit) != 0
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl PartialEq for Presence {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A type usable as a field of a [`lossless_struct!`].
pub(crate) trait WireField: Sized {
    /// The value of a field that is missing or `null` on the wire.
    fn absent() -> Self;
    /// Whether the value equals [`WireField::absent`], so encoding may leave the key out.
    fn is_unset(&self) -> bool;
}

impl<T> WireField for Option<T> {
    fn absent() -> Self {
        None
    }
    fn is_unset(&self) -> bool {
        self.is_none()
    }
}

impl<T> WireField for Vec<T> {
    fn absent() -> Self {
        Vec::new()
    }
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
}

impl WireField for String {
    fn absent() -> Self {
        String::new()
    }
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
}

impl WireField for Map<String, Value> {
    fn absent() -> Self {
        Map::new()
    }
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
}

impl WireField for bool {
    fn absent() -> Self {
        false
    }
    fn is_unset(&self) -> bool {
        !*self
    }
}

macro_rules! wire_int {
    ($($int:ty),*) => {$(
        impl WireField for $int {
            fn absent() -> Self {
                0
            }
            fn is_unset(&self) -> bool {
                *self == 0
            }
        }
    )*};
}

wire_int!(u32, u64, i64);

/// Reads a JSON number as `f64`; a helper for the `Number`-typed cost fields.
pub(crate) fn number_f64(number: Option<&Number>) -> Option<f64> {
    number.and_then(Number::as_f64)
}

/// Declares a public struct whose unknown JSON keys are kept in `extra` and written back,
/// with a flatten-free `Deserialize`, a `Serialize` that writes known fields then `extra`,
/// `Clone`, `PartialEq` and `Debug`.
///
/// Every field type must implement [`WireField`] and serde's traits; `null` decodes as
/// [`WireField::absent`].
macro_rules! lossless_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty => $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// Fields this SDK does not model, kept as sent and written back on encode.
            pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            // Known fields that arrived holding their default value, so encoding can
            // reproduce them.
            wire: $crate::types::lossless::Presence,
        }

        const _: () = {
            use $crate::types::lossless::{Presence, WireField};
            use ::serde::de::{self, MapAccess, Visitor};
            use ::serde::ser::SerializeMap;
            use ::serde_json::{Map, Value};
            use ::std::string::String;

            #[allow(non_camel_case_types)]
            #[derive(Clone, Copy)]
            enum Key { $($field),* }

            const KEYS: &[&str] = &[$($wire),*];
            const _: () = assert!(KEYS.len() <= 64, "a lossless struct tracks at most 64 fields");

            enum AnyKey {
                Known(Key),
                Unknown(String),
            }

            struct KeyVisitor;

            impl<'de> Visitor<'de> for KeyVisitor {
                type Value = AnyKey;
                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<AnyKey, E> {
                    Ok(match v {
                        $( $wire => AnyKey::Known(Key::$field), )*
                        other => AnyKey::Unknown(other.to_owned()),
                    })
                }
                fn visit_string<E: de::Error>(self, v: String) -> Result<AnyKey, E> {
                    Ok(match v.as_str() {
                        $( $wire => AnyKey::Known(Key::$field), )*
                        _ => AnyKey::Unknown(v),
                    })
                }
            }

            impl<'de> ::serde::Deserialize<'de> for AnyKey {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    d.deserialize_identifier(KeyVisitor)
                }
            }

            impl WireField for $name {
                fn absent() -> Self {
                    Self {
                        $( $field: WireField::absent(), )*
                        extra: Map::new(),
                        wire: Presence::default(),
                    }
                }
                fn is_unset(&self) -> bool {
                    self.wire.is_empty()
                        && self.extra.is_empty()
                        $( && self.$field.is_unset() )*
                }
            }

            impl ::core::fmt::Debug for $name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    let mut s = f.debug_struct(stringify!($name));
                    $( s.field(stringify!($field), &self.$field); )*
                    s.field("extra", &self.extra);
                    s.finish()
                }
            }

            impl ::serde::Serialize for $name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let mut map = serializer.serialize_map(None)?;
                    $(
                        if !self.$field.is_unset() || self.wire.has(Key::$field as u32) {
                            map.serialize_entry($wire, &self.$field)?;
                        }
                    )*
                    for (key, value) in &self.extra {
                        // A known key in `extra` (inserted by hand) would duplicate the field.
                        if !KEYS.contains(&key.as_str()) {
                            map.serialize_entry(key, value)?;
                        }
                    }
                    map.end()
                }
            }

            struct StructVisitor;

            impl<'de> Visitor<'de> for StructVisitor {
                type Value = $name;
                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(concat!("a JSON object (", stringify!($name), ")"))
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                    let mut out = <$name as WireField>::absent();
                    while let Some(key) = map.next_key::<AnyKey>()? {
                        match key {
                            $(
                                AnyKey::Known(Key::$field) => {
                                    match map.next_value::<Option<$ty>>()? {
                                        Some(value) => {
                                            out.$field = value;
                                            if out.$field.is_unset() {
                                                out.wire.mark(Key::$field as u32);
                                            }
                                        }
                                        None => out.$field = WireField::absent(),
                                    }
                                }
                            )*
                            AnyKey::Unknown(name) => {
                                let value: Value = map.next_value()?;
                                out.extra.insert(name, value);
                            }
                        }
                    }
                    Ok(out)
                }
            }

            impl<'de> ::serde::Deserialize<'de> for $name {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    d.deserialize_map(StructVisitor)
                }
            }
        };
    };
}

pub(crate) use lossless_struct;

#[cfg(test)]
#[allow(unreachable_pub)] // the test struct is declared `pub` by the macro
mod tests {
    use serde_json::{json, Value};

    lossless_struct! {
        /// Test struct.
        pub struct Sample {
            /// A name.
            pub name: String => "name",
            /// A count.
            pub count: u64 => "count",
            /// Optional text.
            pub text: Option<String> => "text",
            /// Items.
            pub items: Vec<u32> => "items",
            /// Kind.
            pub kind: Option<String> => "type",
        }
    }

    #[test]
    fn unknown_keys_and_empty_values_round_trip() {
        let text =
            r#"{"name":"","count":0,"items":[],"type":"x","later":{"a":[1,null]},"text":null}"#;
        let sample: Sample = serde_json::from_str(text).unwrap();
        assert_eq!(sample.kind.as_deref(), Some("x"));
        assert_eq!(sample.text, None);
        let back = serde_json::to_value(&sample).unwrap();
        assert_eq!(
            back,
            json!({"name":"","count":0,"items":[],"type":"x","later":{"a":[1,null]}})
        );
    }

    #[test]
    fn missing_and_null_fields_stay_missing() {
        let sample: Sample = serde_json::from_str(r#"{"items":null,"count":null}"#).unwrap();
        assert_eq!(serde_json::to_value(&sample).unwrap(), json!({}));
        let other: Sample = serde_json::from_str("{}").unwrap();
        assert_eq!(sample, other);
    }

    #[test]
    fn wrong_types_are_errors_with_a_path() {
        let err = serde_json::from_str::<Sample>(r#"{"count":"x"}"#).unwrap_err();
        assert!(err.to_string().contains("invalid type"), "{err}");
        let value: Value = serde_json::from_str(r#"{"name":"n","type":"t"}"#).unwrap();
        let sample: Sample = serde_json::from_value(value).unwrap();
        assert_eq!(sample.name, "n");
    }
}
