//! JSON Schemas derived from Rust types, in the strict form structured output and tool
//! definitions need.
//!
//! Providers that enforce a schema exactly (OpenAI's `strict: true`, and the providers that
//! follow it) accept only a subset of JSON Schema: every object lists all of its properties
//! as required and forbids others, optional values are nullable instead of absent, and a few
//! keywords are refused. [`strict_schema`] derives a schema with [`schemars`] and rewrites it
//! into that subset, so the same schema works for every provider OpenRouter routes to.
//!
//! ```
//! use schemars::JsonSchema;
//! use serde::Deserialize;
//!
//! /// A city and why it was chosen.
//! #[derive(Deserialize, JsonSchema)]
//! struct City {
//!     name: String,
//!     /// Population, when known.
//!     population: Option<u64>,
//! }
//!
//! let schema = openrouter::schema::strict_schema::<City>();
//! assert_eq!(schema["additionalProperties"], false);
//! assert_eq!(schema["required"], serde_json::json!(["name", "population"]));
//! assert_eq!(schema["properties"]["population"]["type"], serde_json::json!(["integer", "null"]));
//! assert_eq!(openrouter::schema::schema_name::<City>(), "City");
//! ```

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{Map, Value};

/// Re-exported so users derive [`JsonSchema`] with the same version this crate uses.
pub use schemars;

/// The strict-compatible JSON Schema of `T` (see the [module docs](self)).
///
/// Property order: models tend to write fields in schema order, so a `reasoning` field placed
/// before the `answer` it supports helps. serde_json keeps object keys sorted by name unless its
/// `preserve_order` feature is on; this crate's `preserve-order` feature turns it on (for the
/// whole build: every `serde_json::Map` then keeps insertion order), and properties then keep
/// their declaration order. Without it, name fields so that the sorted order is the one you
/// want (`a_reasoning`, `b_answer`) if order matters to you. Definitions of nested types stay
/// under `$defs` and are referenced with `$ref`, so recursive types work.
pub fn strict_schema<T: JsonSchema>() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with(|settings| settings.meta_schema = None)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    make_strict(&mut schema);
    schema
}

/// A name for `T`'s schema that providers accept: `[A-Za-z0-9_-]`, at most 64 characters
/// (generic types such as `Page<Item>` become `Page_Item_`).
pub fn schema_name<T: JsonSchema>() -> String {
    let name: String = T::schema_name()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if name.is_empty() {
        "output".to_owned()
    } else {
        name
    }
}

/// Whether a schema describes a JSON object at its root. Strict providers require it for
/// `response_format` and for tool parameters.
pub fn is_object_schema(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(kind)) => kind == "object",
        _ => schema.get("properties").is_some(),
    }
}

/// Keywords strict mode refuses and a model does not need: annotations only.
const DROPPED_KEYWORDS: &[&str] = &["$schema", "default", "examples", "readOnly", "writeOnly"];

/// `format` values strict mode accepts; schemars' numeric formats (`uint32`, `double`...) are
/// not among them and carry no meaning a model needs (the bounds stay as `minimum`/`maximum`).
const ACCEPTED_FORMATS: &[&str] = &[
    "date-time",
    "time",
    "date",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uuid",
];

/// Rewrites a schema in place into the strict subset.
pub fn make_strict(schema: &mut Value) {
    let Value::Object(object) = schema else {
        return;
    };
    for keyword in DROPPED_KEYWORDS {
        object.remove(*keyword);
    }
    if let Some(Value::String(format)) = object.get("format") {
        if !ACCEPTED_FORMATS.contains(&format.as_str()) {
            object.remove("format");
        }
    }
    // `$ref` must stand alone in strict mode; its siblings are only annotations.
    if object.contains_key("$ref") {
        object.retain(|key, _| key == "$ref");
        return;
    }
    // Exactly-one is not supported; the variants schemars emits are disjoint anyway.
    if let Some(variants) = object.remove("oneOf") {
        object.insert("anyOf".to_owned(), variants);
    }
    if let Some(Value::Object(properties)) = object.get("properties") {
        let names = properties.keys().cloned().map(Value::String).collect();
        object.insert("required".to_owned(), Value::Array(names));
        object.insert("additionalProperties".to_owned(), Value::Bool(false));
    } else if object.get("type").and_then(Value::as_str) == Some("object")
        && !object.contains_key("additionalProperties")
    {
        object.insert("additionalProperties".to_owned(), Value::Bool(false));
    }
    for (key, value) in object.iter_mut() {
        match key.as_str() {
            "properties" | "$defs" | "definitions" => each_schema(value),
            "items" | "additionalProperties" | "not" | "contains" => make_strict(value),
            "anyOf" | "allOf" | "prefixItems" => {
                if let Value::Array(schemas) = value {
                    schemas.iter_mut().for_each(make_strict);
                }
            }
            _ => {}
        }
    }
}

fn each_schema(map: &mut Value) {
    if let Value::Object(map) = map {
        map.values_mut().for_each(make_strict);
    }
}

/// Builds `{"type": "object", "properties": {name: schema}, ...}` in strict form: used to wrap
/// a schema whose root is not an object.
///
/// The definitions move up to the wrapper, so `#/$defs/...` references still resolve. A
/// recursive root refers to itself as `#`, which after wrapping would mean the wrapper: such a
/// root moves into `$defs` too (under `name`, or `name_1`... if taken) and every `#` becomes a
/// reference to it.
pub fn wrap_in_object(name: &str, mut schema: Value) -> Value {
    let mut defs = match schema.as_object_mut().and_then(|s| s.remove("$defs")) {
        Some(Value::Object(defs)) => defs,
        _ => Map::new(),
    };
    let property = if refers_to_root(&schema) {
        let mut key = name.to_owned();
        let mut n = 0;
        while defs.contains_key(&key) {
            n += 1;
            key = format!("{name}_{n}");
        }
        let target = format!("#/$defs/{key}");
        retarget_root(&mut schema, &target);
        for def in defs.values_mut() {
            retarget_root(def, &target);
        }
        defs.insert(key, schema);
        serde_json::json!({ "$ref": target })
    } else {
        schema
    };
    let mut properties = Map::new();
    properties.insert(name.to_owned(), property);
    let mut object = Map::new();
    object.insert("type".to_owned(), "object".into());
    object.insert("properties".to_owned(), Value::Object(properties));
    object.insert("required".to_owned(), Value::Array(vec![name.into()]));
    object.insert("additionalProperties".to_owned(), Value::Bool(false));
    if !defs.is_empty() {
        object.insert("$defs".to_owned(), Value::Object(defs));
    }
    Value::Object(object)
}

/// Whether `schema` (definitions included) holds a `{"$ref": "#"}`.
fn refers_to_root(schema: &Value) -> bool {
    match schema {
        Value::Object(object) => {
            object.get("$ref").and_then(Value::as_str) == Some("#")
                || object.values().any(refers_to_root)
        }
        Value::Array(items) => items.iter().any(refers_to_root),
        _ => false,
    }
}

/// Points every `{"$ref": "#"}` in `schema` at `target`.
fn retarget_root(schema: &mut Value, target: &str) {
    match schema {
        Value::Object(object) => {
            if object.get("$ref").and_then(Value::as_str) == Some("#") {
                object.insert("$ref".to_owned(), Value::String(target.to_owned()));
            }
            object
                .values_mut()
                .for_each(|value| retarget_root(value, target));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|value| retarget_root(value, target)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[allow(dead_code)]
    #[derive(JsonSchema)]
    struct Inner {
        x: f64,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema)]
    enum Shape {
        Dot(u8),
        Box { side: i64 },
    }

    #[allow(dead_code)]
    #[derive(JsonSchema)]
    struct Outer {
        /// The name.
        name: String,
        age: Option<u32>,
        #[serde(default)]
        flag: bool,
        /// Documented reference.
        inner: Inner,
        maybe: Option<Inner>,
        shape: Shape,
        list: Vec<Inner>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema)]
    struct Tree {
        label: String,
        children: Vec<Tree>,
    }

    fn walk(value: &Value, visit: &mut dyn FnMut(&Map<String, Value>)) {
        match value {
            Value::Object(object) => {
                visit(object);
                object.values().for_each(|v| walk(v, visit));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, visit)),
            _ => {}
        }
    }

    #[test]
    fn every_object_requires_all_properties_and_forbids_others() {
        let schema = strict_schema::<Outer>();
        let mut objects = 0;
        walk(&schema, &mut |object| {
            if let Some(Value::Object(properties)) = object.get("properties") {
                objects += 1;
                let required: Vec<&str> = object["required"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                let names: Vec<&str> = properties.keys().map(String::as_str).collect();
                assert_eq!(required, names);
                assert_eq!(object["additionalProperties"], false);
            }
        });
        // Outer, Inner, and the two enum variant wrappers plus Box's fields.
        assert!(objects >= 5, "{objects} objects in {schema:#}");
    }

    #[test]
    fn declaration_order_options_refs_and_keywords() {
        let schema = strict_schema::<Outer>();
        let names: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
        let mut declared = ["name", "age", "flag", "inner", "maybe", "shape", "list"];
        if !cfg!(feature = "preserve-order") {
            declared.sort_unstable();
        }
        assert_eq!(names, declared);
        assert_eq!(
            schema["properties"]["age"]["type"],
            json!(["integer", "null"])
        );
        assert_eq!(schema["properties"]["age"].get("format"), None);
        assert_eq!(schema["properties"]["flag"].get("default"), None);
        assert_eq!(
            schema["properties"]["inner"],
            json!({"$ref": "#/$defs/Inner"})
        );
        assert_eq!(
            schema["properties"]["name"]["description"],
            json!("The name.")
        );
        assert!(schema["$defs"]["Shape"].get("oneOf").is_none());
        assert_eq!(
            schema["$defs"]["Shape"]["anyOf"].as_array().unwrap().len(),
            2
        );
        let text = schema.to_string();
        for refused in [
            "\"$schema\"",
            "\"oneOf\"",
            "\"uint",
            "\"double\"",
            "\"default\"",
        ] {
            assert!(!text.contains(refused), "{refused} left in {text}");
        }
    }

    #[test]
    fn recursive_types_keep_references() {
        let schema = strict_schema::<Tree>();
        // The root is the recursive type itself, referenced as `#`.
        assert_eq!(
            schema["properties"]["children"]["items"],
            json!({"$ref": "#"})
        );
        assert!(is_object_schema(&schema));
    }

    #[test]
    fn non_object_roots_can_be_wrapped() {
        let schema = strict_schema::<Vec<Inner>>();
        assert!(!is_object_schema(&schema));
        let wrapped = wrap_in_object("items", schema);
        assert!(is_object_schema(&wrapped));
        assert_eq!(wrapped["required"], json!(["items"]));
        assert_eq!(wrapped["properties"]["items"]["type"], "array");
        assert!(wrapped["$defs"]["Inner"].is_object());
    }

    /// A recursive type whose root is not an object.
    #[allow(dead_code)]
    #[derive(JsonSchema)]
    enum Expr {
        Number(i64),
        Sum(Vec<Expr>),
    }

    #[test]
    fn wrapping_a_recursive_root_keeps_its_references_pointing_at_it() {
        let schema = strict_schema::<Expr>();
        assert!(!is_object_schema(&schema));
        assert!(schema.to_string().contains(r##""$ref":"#""##), "{schema}");
        let wrapped = wrap_in_object("value", schema.clone());
        assert_eq!(
            wrapped["properties"]["value"],
            json!({"$ref": "#/$defs/value"})
        );
        let mut expected = schema["anyOf"].clone();
        retarget_root(&mut expected, "#/$defs/value");
        assert_eq!(wrapped["$defs"]["value"]["anyOf"], expected);
        assert!(
            !wrapped.to_string().contains(r##""$ref":"#""##),
            "{wrapped}"
        );
    }

    #[test]
    fn wrapping_picks_a_free_definition_name() {
        let schema = json!({
            "type": "array",
            "items": {"anyOf": [{"$ref": "#"}, {"$ref": "#/$defs/value"}]},
            "$defs": {"value": {"type": "string"}}
        });
        let wrapped = wrap_in_object("value", schema);
        assert_eq!(wrapped["$defs"]["value"], json!({"type": "string"}));
        assert_eq!(
            wrapped["$defs"]["value_1"]["items"]["anyOf"],
            json!([{"$ref": "#/$defs/value_1"}, {"$ref": "#/$defs/value"}])
        );
    }

    #[test]
    fn names_are_sanitised() {
        assert_eq!(schema_name::<Outer>(), "Outer");
        assert_eq!(schema_name::<Vec<Inner>>(), "Array_of_Inner");
        assert!(schema_name::<Vec<Vec<Vec<Vec<Outer>>>>>().len() <= 64);
    }
}
