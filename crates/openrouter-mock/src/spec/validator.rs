//! A JSON Schema validator for the subset the OpenAPI document uses.

use std::cell::Cell;

use serde_json::{Map, Value};

pub use super::error::ValidationError;
use super::error::{describe_type, err, join, plain, Error};

/// Nesting (schema references plus value depth) beyond which a value is accepted unchecked,
/// so a self-referencing schema cannot recurse forever.
const MAX_DEPTH: usize = 96;
/// Schema nodes visited per validation before the rest is accepted unchecked: nested
/// unions without a discriminator are tried branch by branch, which could otherwise grow
/// exponentially on a hostile body.
const MAX_STEPS: usize = 200_000;
/// Errors collected per validation.
const MAX_ERRORS: usize = 32;

/// How strictly to read the schema.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationOptions {
    /// Reject properties a schema with `additionalProperties: false` does not list. Off by
    /// default: the live API ignores fields it does not know.
    pub reject_unknown_properties: bool,
}

impl ValidationOptions {
    /// The lenient defaults the emulator uses for requests.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set [`ValidationOptions::reject_unknown_properties`].
    pub fn reject_unknown_properties(mut self, reject: bool) -> Self {
        self.reject_unknown_properties = reject;
        self
    }
}

/// Every way `value` breaks `schema` (at most a few dozen, in document order), with
/// `$ref`s resolved against `root` (the whole OpenAPI document).
pub fn validate_value(
    root: &Value,
    schema: &Value,
    value: &Value,
    options: &ValidationOptions,
) -> Vec<ValidationError> {
    let ctx = Ctx {
        root,
        options,
        steps: Cell::new(0),
    };
    let mut out = Vec::new();
    ctx.check(schema, value, "", 0, &mut out);
    out.truncate(MAX_ERRORS);
    out
}

struct Ctx<'a> {
    root: &'a Value,
    options: &'a ValidationOptions,
    steps: Cell<usize>,
}

impl<'a> Ctx<'a> {
    fn check(&self, schema: &Value, value: &Value, path: &str, depth: usize, out: &mut Vec<Error>) {
        self.steps.set(self.steps.get() + 1);
        if depth > MAX_DEPTH || self.steps.get() > MAX_STEPS || out.len() >= MAX_ERRORS {
            return;
        }
        let obj = match schema {
            Value::Object(o) => o,
            Value::Bool(false) => {
                out.push(err(path, "nothing: this field is not allowed", value));
                return;
            }
            _ => return,
        };
        if let Some(target) = obj.get("$ref").and_then(Value::as_str) {
            // An unresolvable reference constrains nothing rather than rejecting requests.
            if let Some(target) = resolve(self.root, target) {
                self.check(target, value, path, depth + 1, out);
            }
        }
        if value.is_null() && obj.get("nullable").and_then(Value::as_bool) == Some(true) {
            return;
        }
        if let Some(ty) = obj.get("type") {
            if !type_matches(ty, value) {
                out.push(err(path, describe_type(ty), value));
                return;
            }
        }
        if let Some(options) = obj.get("enum").and_then(Value::as_array) {
            if !options.iter().any(|o| same(o, value)) {
                let list: Vec<String> = options.iter().map(plain).collect();
                out.push(err(path, format!("one of {}", list.join(", ")), value));
                return;
            }
        }
        if let Some(c) = obj.get("const") {
            if !same(c, value) {
                out.push(err(path, plain(c), value));
                return;
            }
        }
        match value {
            Value::Number(_) => number_bounds(obj, value, path, out),
            Value::String(s) => {
                let len = s.chars().count() as f64;
                if let Some(min) = obj.get("minLength").and_then(Value::as_f64) {
                    if len < min {
                        out.push(err(
                            path,
                            format!("a string of at least {min} characters"),
                            value,
                        ));
                    }
                }
                if let Some(max) = obj.get("maxLength").and_then(Value::as_f64) {
                    if len > max {
                        out.push(err(
                            path,
                            format!("a string of at most {max} characters"),
                            value,
                        ));
                    }
                }
            }
            Value::Array(items) => self.array(obj, items, value, path, depth, out),
            Value::Object(map) => self.object(obj, map, path, depth, out),
            _ => {}
        }
        if let Some(parts) = obj.get("allOf").and_then(Value::as_array) {
            for part in parts {
                self.check(part, value, path, depth + 1, out);
            }
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = obj.get(key).and_then(Value::as_array) {
                self.union(obj, branches, value, path, depth, out);
            }
        }
    }

    fn array(
        &self,
        obj: &Map<String, Value>,
        items: &[Value],
        value: &Value,
        path: &str,
        depth: usize,
        out: &mut Vec<Error>,
    ) {
        let n = items.len() as f64;
        if let Some(min) = obj.get("minItems").and_then(Value::as_f64) {
            if n < min {
                let unit = if min == 1.0 { "item" } else { "items" };
                out.push(err(path, format!("at least {min} {unit}"), value));
            }
        }
        if let Some(max) = obj.get("maxItems").and_then(Value::as_f64) {
            if n > max {
                out.push(err(path, format!("at most {max} items"), value));
            }
        }
        match obj.get("items") {
            Some(Value::Array(tuple)) => {
                for (i, (s, v)) in tuple.iter().zip(items).enumerate() {
                    self.check(s, v, &format!("{path}[{i}]"), depth + 1, out);
                }
            }
            Some(schema) => {
                for (i, v) in items.iter().enumerate() {
                    self.check(schema, v, &format!("{path}[{i}]"), depth + 1, out);
                }
            }
            None => {}
        }
    }

    fn object(
        &self,
        obj: &Map<String, Value>,
        map: &Map<String, Value>,
        path: &str,
        depth: usize,
        out: &mut Vec<Error>,
    ) {
        let props = obj.get("properties").and_then(Value::as_object);
        if let Some(required) = obj.get("required").and_then(Value::as_array) {
            for name in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(name) {
                    let expected = props
                        .and_then(|p| p.get(name))
                        .map(|s| self.describe(s))
                        .unwrap_or_else(|| "a value".to_owned());
                    out.push(Error::new(join(path, name), expected, None));
                }
            }
        }
        for (name, v) in map {
            let here = join(path, name);
            if let Some(schema) = props.and_then(|p| p.get(name)) {
                self.check(schema, v, &here, depth + 1, out);
                continue;
            }
            match obj.get("additionalProperties") {
                Some(Value::Bool(false)) if self.options.reject_unknown_properties => {
                    let known: Vec<&str> = props
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let expected = format!("no such field (known: {})", known.join(", "));
                    out.push(err(&here, expected, v));
                }
                Some(schema @ Value::Object(_)) => self.check(schema, v, &here, depth + 1, out),
                _ => {}
            }
        }
    }

    /// `anyOf` / `oneOf`. Both are read as "at least one branch": with unknown properties
    /// allowed the spec's `oneOf` branches overlap, so "exactly one" would reject valid
    /// requests.
    fn union(
        &self,
        obj: &Map<String, Value>,
        branches: &[Value],
        value: &Value,
        path: &str,
        depth: usize,
        out: &mut Vec<Error>,
    ) {
        if let (Some(disc), Some(map)) = (obj.get("discriminator"), value.as_object()) {
            if let Some(prop) = disc.get("propertyName").and_then(Value::as_str) {
                self.discriminated(disc, prop, branches, map, value, path, depth, out);
                return;
            }
        }
        let mut failures = Vec::new();
        for branch in branches {
            let mut errors = Vec::new();
            self.check(branch, value, path, depth + 1, &mut errors);
            if errors.is_empty() {
                return;
            }
            failures.push((branch, errors));
        }
        // No branch fits: report the branch the value was evidently aiming at, if any.
        let fitting: Vec<&(&Value, Vec<Error>)> = failures
            .iter()
            .filter(|(b, _)| self.accepts_kind(b, value, depth))
            .collect();
        if let Some(map) = value.as_object() {
            let tagged: Vec<_> = fitting
                .iter()
                .filter(|(b, _)| {
                    let tags = self.tags(b, depth);
                    !tags.is_empty()
                        && tags
                            .iter()
                            .all(|(k, v)| map.get(k).is_some_and(|x| same(x, v)))
                })
                .collect();
            if let [(_, errors)] = tagged.as_slice() {
                out.extend(errors.iter().cloned());
                return;
            }
            // Every candidate is told apart by the same property: say which values it takes.
            let tags: Vec<Vec<(String, Value)>> =
                fitting.iter().map(|(b, _)| self.tags(b, depth)).collect();
            if let Some(first) = tags.first().and_then(|t| t.first()).map(|(k, _)| k.clone()) {
                let values: Option<Vec<String>> = tags
                    .iter()
                    .map(|t| t.iter().find(|(k, _)| *k == first).map(|(_, v)| plain(v)))
                    .collect();
                if let Some(values) = values {
                    let here = join(path, &first);
                    let expected = format!("one of {}", values.join(", "));
                    match map.get(&first) {
                        Some(found) => out.push(err(&here, expected, found)),
                        None => out.push(Error::new(here, expected, None)),
                    }
                    return;
                }
            }
        }
        if let [(_, errors)] = fitting.as_slice() {
            out.extend(errors.iter().cloned());
            return;
        }
        let options: Vec<String> = branches.iter().map(|b| self.describe(b)).collect();
        out.push(err(path, format!("one of: {}", options.join("; ")), value));
    }

    #[allow(clippy::too_many_arguments)]
    fn discriminated(
        &self,
        disc: &Value,
        prop: &str,
        branches: &[Value],
        map: &Map<String, Value>,
        value: &Value,
        path: &str,
        depth: usize,
        out: &mut Vec<Error>,
    ) {
        let mapping = disc.get("mapping").and_then(Value::as_object);
        // Tag values in the order of the branches, then any the mapping adds.
        let mut names: Vec<&str> = Vec::new();
        for b in branches {
            let Some(r) = b.get("$ref").and_then(Value::as_str) else {
                continue;
            };
            let by_mapping = mapping.and_then(|m| {
                m.iter()
                    .find(|(_, target)| target.as_str() == Some(r))
                    .map(|(k, _)| k.as_str())
            });
            names.push(by_mapping.unwrap_or_else(|| r.rsplit('/').next().unwrap_or(r)));
        }
        for k in mapping.into_iter().flat_map(|m| m.keys()) {
            if !names.contains(&k.as_str()) {
                names.push(k);
            }
        }
        let expected = format!("one of {}", names.join(", "));
        let here = join(path, prop);
        let tag = match map.get(prop) {
            None => return out.push(Error::new(here, expected, None)),
            Some(Value::String(t)) => t.as_str(),
            Some(other) => return out.push(err(&here, expected, other)),
        };
        let target = mapping
            .and_then(|m| m.get(tag))
            .and_then(Value::as_str)
            .or_else(|| {
                branches
                    .iter()
                    .filter_map(|b| b.get("$ref").and_then(Value::as_str))
                    .find(|r| r.rsplit('/').next() == Some(tag))
            })
            .and_then(|r| resolve(self.root, r));
        match target {
            Some(schema) => self.check(schema, value, path, depth + 1, out),
            None => out.push(err(&here, expected, &Value::String(tag.to_owned()))),
        }
    }

    /// Follows `$ref`s to the schema that says something.
    fn deref<'s>(&'s self, mut schema: &'s Value, depth: usize) -> &'s Value
    where
        'a: 's,
    {
        for _ in depth..MAX_DEPTH {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => match resolve(self.root, r) {
                    Some(t) => schema = t,
                    None => break,
                },
                None => break,
            }
        }
        schema
    }

    /// Whether the value's JSON kind is one the branch can take at all.
    fn accepts_kind(&self, branch: &Value, value: &Value, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return true;
        }
        let b = self.deref(branch, depth);
        if let Some(ty) = b.get("type") {
            return type_matches(ty, value);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = b.get(key).and_then(Value::as_array) {
                return options
                    .iter()
                    .any(|o| self.accepts_kind(o, value, depth + 1));
            }
        }
        true
    }

    /// Properties with a single allowed value (`const` or a one-value `enum`) that tell a
    /// union's branch apart, e.g. `type: function`.
    fn tags(&self, branch: &Value, depth: usize) -> Vec<(String, Value)> {
        let b = self.deref(branch, depth);
        let Some(props) = b.get("properties").and_then(Value::as_object) else {
            return Vec::new();
        };
        props
            .iter()
            .filter_map(|(k, s)| {
                let s = self.deref(s, depth);
                let single = s.get("const").cloned().or_else(|| match s.get("enum") {
                    Some(Value::Array(e)) if e.len() == 1 => e.first().cloned(),
                    _ => None,
                })?;
                Some((k.clone(), single))
            })
            .collect()
    }

    /// A short description of what a schema accepts, for messages.
    fn describe(&self, schema: &Value) -> String {
        let name = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.rsplit('/').next());
        let s = self.deref(schema, 0);
        let what = if let Some(e) = s.get("enum").and_then(Value::as_array) {
            e.iter().map(plain).collect::<Vec<_>>().join(" or ")
        } else if let Some(c) = s.get("const") {
            plain(c)
        } else if let Some(ty) = s.get("type") {
            describe_type(ty)
        } else if s.get("anyOf").or_else(|| s.get("oneOf")).is_some() {
            "one of several shapes".to_owned()
        } else {
            "a value".to_owned()
        };
        match name {
            Some(n) => format!("{what} ({n})"),
            None => what,
        }
    }
}

/// A local JSON pointer (`#/components/schemas/X`) into the document.
pub(super) fn resolve<'v>(root: &'v Value, reference: &str) -> Option<&'v Value> {
    let pointer = reference.strip_prefix('#')?;
    root.pointer(pointer)
}

fn type_matches(ty: &Value, value: &Value) -> bool {
    match ty {
        Value::String(t) => one_type(t, value),
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .any(|t| one_type(t, value)),
        _ => true,
    }
}

fn one_type(t: &str, value: &Value) -> bool {
    match t {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => is_integer(value),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        // A type this validator does not know constrains nothing.
        _ => true,
    }
}

fn is_integer(value: &Value) -> bool {
    match value {
        Value::Number(n) => {
            n.is_i64()
                || n.is_u64()
                || n.as_f64()
                    .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
        }
        _ => false,
    }
}

fn number_bounds(obj: &Map<String, Value>, value: &Value, path: &str, out: &mut Vec<Error>) {
    let Some(n) = value.as_f64() else { return };
    let bound = |k: &str| obj.get(k).and_then(Value::as_f64);
    let flag = |k: &str| obj.get(k).and_then(Value::as_bool) == Some(true);
    if let Some(min) = bound("minimum") {
        // OpenAPI 3.0 writes an exclusive bound as `exclusiveMinimum: true` beside it.
        if flag("exclusiveMinimum") && n <= min {
            out.push(err(path, format!("a number greater than {min}"), value));
        } else if n < min {
            out.push(err(path, format!("a number >= {min}"), value));
        }
    }
    if let Some(max) = bound("maximum") {
        if flag("exclusiveMaximum") && n >= max {
            out.push(err(path, format!("a number less than {max}"), value));
        } else if n > max {
            out.push(err(path, format!("a number <= {max}"), value));
        }
    }
    if let Some(min) = bound("exclusiveMinimum") {
        if n <= min {
            out.push(err(path, format!("a number greater than {min}"), value));
        }
    }
    if let Some(max) = bound("exclusiveMaximum") {
        if n >= max {
            out.push(err(path, format!("a number less than {max}"), value));
        }
    }
}

/// JSON equality where `1` and `1.0` are the same number.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(root: &Value, schema: &Value, value: Value) -> Vec<String> {
        validate_value(root, schema, &value, &ValidationOptions::new())
            .into_iter()
            .map(|e| e.path)
            .collect()
    }

    #[test]
    fn reference_cycles_stop_without_panicking() {
        let root = json!({"components": {"schemas": {
            "Loop": {"$ref": "#/components/schemas/Loop"},
            "Tree": {"type": "object", "properties": {"kids": {"type": "array",
                "items": {"$ref": "#/components/schemas/Tree"}}, "n": {"type": "integer"}}}
        }}});
        let looped = json!({"$ref": "#/components/schemas/Loop"});
        assert!(paths(&root, &looped, json!(1)).is_empty());
        let tree = json!({"$ref": "#/components/schemas/Tree"});
        let bad = json!({"kids": [{"kids": [{"n": "x"}]}]});
        assert_eq!(paths(&root, &tree, bad), ["kids[0].kids[0].n"]);
        assert!(paths(&root, &json!({"$ref": "#/nowhere"}), json!(1)).is_empty());
    }

    #[test]
    fn keywords_of_both_openapi_versions() {
        let root = json!({});
        let nullable = json!({"type": "string", "nullable": true});
        assert!(paths(&root, &nullable, json!(null)).is_empty());
        let old_exclusive = json!({"type": "number", "minimum": 0, "exclusiveMinimum": true});
        assert_eq!(paths(&root, &old_exclusive, json!(0)), [""]);
        let new_exclusive = json!({"type": "number", "exclusiveMinimum": 0});
        assert_eq!(paths(&root, &new_exclusive, json!(0)), [""]);
        assert!(paths(&root, &new_exclusive, json!(0.5)).is_empty());
        assert!(paths(&root, &json!({"type": "integer"}), json!(3.0)).is_empty());
        assert_eq!(paths(&root, &json!({"type": "integer"}), json!(3.5)), [""]);
        assert_eq!(paths(&root, &json!({"const": "a"}), json!("b")), [""]);
        let all = json!({"allOf": [{"required": ["a"]}, {"required": ["b"]}]});
        assert_eq!(paths(&root, &all, json!({})), ["a", "b"]);
        assert_eq!(paths(&root, &json!(false), json!(1)), [""]);
        let odd = json!({"properties": {"a b": {"type": "string"}}});
        assert_eq!(paths(&root, &odd, json!({"a b": 1})), ["[\"a b\"]"]);
    }

    #[test]
    fn messages_say_what_was_expected_and_found() {
        let root = json!({});
        let schema = json!({"type": "object", "required": ["role"],
            "properties": {"role": {"type": "string", "enum": ["user", "tool"]}}});
        let errors = validate_value(
            &root,
            &schema,
            &json!({"role": "robot"}),
            &ValidationOptions::new(),
        );
        assert_eq!(
            errors[0].to_string(),
            "role: expected one of user, tool; found \"robot\""
        );
        let errors = validate_value(&root, &schema, &json!({}), &ValidationOptions::new());
        assert_eq!(
            errors[0].to_string(),
            "role: is required but missing; expected user or tool"
        );
        let errors = validate_value(&root, &schema, &json!([1]), &ValidationOptions::new());
        assert_eq!(
            errors[0].to_string(),
            "body: expected object; found an array of 1 item"
        );
    }
}
