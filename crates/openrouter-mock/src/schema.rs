//! Placeholder values that satisfy a JSON Schema, for tool arguments and structured output.

use serde_json::{json, Map, Value};

/// Deep schemas (or self-references) stop here rather than recursing forever.
const MAX_DEPTH: usize = 12;
/// At most this many values are generated, so a hostile schema (wide self-references,
/// nested `minItems`) cannot make the answer explode.
const MAX_NODES: usize = 2_000;

/// A value that satisfies `schema` for the common subset of JSON Schema models use.
pub(crate) fn example(schema: &Value) -> Value {
    let mut budget = MAX_NODES;
    example_at(schema, schema, 0, &mut budget)
}

fn example_at(schema: &Value, root: &Value, depth: usize, budget: &mut usize) -> Value {
    if depth > MAX_DEPTH || *budget == 0 {
        return Value::Null;
    }
    *budget -= 1;
    let Some(obj) = schema.as_object() else {
        // `true` or a missing schema accepts anything.
        return json!("example");
    };
    if let Some(c) = obj.get("const") {
        return c.clone();
    }
    if let Some(first) = obj
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
    {
        return first.clone();
    }
    if let Some(target) = obj
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| resolve(root, r))
    {
        return example_at(target, root, depth + 1, budget);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = obj.get(key).and_then(Value::as_array) {
            let pick = options
                .iter()
                .find(|o| o.get("type").and_then(Value::as_str) != Some("null"))
                .or_else(|| options.first());
            if let Some(pick) = pick {
                return example_at(pick, root, depth + 1, budget);
            }
        }
    }
    if let Some(parts) = obj.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(o) = example_at(part, root, depth + 1, budget) {
                merged.extend(o);
            }
        }
        return Value::Object(merged);
    }
    let ty = match obj.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if obj.contains_key("properties") => "object",
        _ if obj.contains_key("items") => "array",
        _ => "string",
    };
    match ty {
        "object" => object(obj, root, depth, budget),
        "array" => {
            let n = obj
                .get("minItems")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .clamp(1, 16);
            let n = obj
                .get("maxItems")
                .and_then(Value::as_u64)
                .map_or(n, |m| n.min(m));
            let items = obj.get("items");
            Value::Array(
                (0..n)
                    .map(|_| {
                        items.map_or(json!("example"), |s| example_at(s, root, depth + 1, budget))
                    })
                    .collect(),
            )
        }
        "integer" => {
            let lo = obj.get("minimum").and_then(Value::as_i64);
            let hi = obj.get("maximum").and_then(Value::as_i64);
            let mut v = 1_i64;
            if let Some(lo) = lo {
                v = v.max(lo);
            }
            if let Some(hi) = hi {
                v = v.min(hi);
            }
            json!(v)
        }
        "number" => {
            let mut v = 1.0_f64;
            if let Some(lo) = obj.get("minimum").and_then(Value::as_f64) {
                v = v.max(lo);
            }
            if let Some(hi) = obj.get("maximum").and_then(Value::as_f64) {
                v = v.min(hi);
            }
            json!(v)
        }
        "boolean" => json!(true),
        "null" => Value::Null,
        _ => string(obj),
    }
}

fn object(obj: &Map<String, Value>, root: &Value, depth: usize, budget: &mut usize) -> Value {
    let mut out = Map::new();
    if let Some(props) = obj.get("properties").and_then(Value::as_object) {
        // Filling every property (not only the required ones) still satisfies the schema and
        // gives callers something to look at for each field.
        for (name, prop) in props {
            out.insert(name.clone(), example_at(prop, root, depth + 1, budget));
        }
    }
    if let Some(required) = obj.get("required").and_then(Value::as_array) {
        for name in required.iter().filter_map(Value::as_str) {
            if !out.contains_key(name) {
                out.insert(name.to_owned(), json!("example"));
            }
        }
    }
    Value::Object(out)
}

fn string(obj: &Map<String, Value>) -> Value {
    let base = match obj.get("format").and_then(Value::as_str) {
        Some("date-time") => "2025-01-01T00:00:00Z",
        Some("date") => "2025-01-01",
        Some("time") => "00:00:00Z",
        Some("email") => "user@example.com",
        Some("uri" | "url") => "https://example.com",
        Some("uuid") => "00000000-0000-4000-8000-000000000000",
        _ => "example",
    };
    let mut s = base.to_owned();
    let min = obj.get("minLength").and_then(Value::as_u64).unwrap_or(0);
    while (s.chars().count() as u64) < min {
        s.push('x');
    }
    if let Some(max) = obj.get("maxLength").and_then(Value::as_u64) {
        s = s
            .chars()
            .take(usize::try_from(max).unwrap_or(usize::MAX))
            .collect();
    }
    Value::String(s)
}

/// Follows a local `#/...` JSON pointer reference.
fn resolve<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    root.pointer(reference.strip_prefix('#')?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_by_type() {
        let schema = json!({
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "days": {"type": "integer", "minimum": 3},
                "ratio": {"type": "number"},
                "ok": {"type": "boolean"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "where": {"type": "object", "properties": {"lat": {"type": "number"}}, "required": ["lat"]},
                "maybe": {"type": ["string", "null"]},
                "ref": {"$ref": "#/$defs/x"}
            },
            "required": ["city", "extra"],
            "$defs": {"x": {"type": "integer"}}
        });
        let v = example(&schema);
        assert_eq!(v["city"], "example");
        assert_eq!(v["days"], 3);
        assert_eq!(v["ratio"], 1.0);
        assert_eq!(v["ok"], true);
        assert_eq!(v["unit"], "celsius");
        assert_eq!(v["tags"], json!(["example"]));
        assert_eq!(v["where"]["lat"], 1.0);
        assert_eq!(v["maybe"], "example");
        assert_eq!(v["ref"], 1);
        assert_eq!(v["extra"], "example");
    }

    #[test]
    fn self_reference_terminates() {
        let schema = json!({"type": "object", "properties": {"next": {"$ref": "#"}}});
        let _ = example(&schema);
    }

    #[test]
    fn hostile_schemas_stay_small() {
        let wide = json!({"type": "object", "properties": {
            "a": {"$ref": "#"}, "b": {"$ref": "#"}, "c": {"$ref": "#"}, "d": {"$ref": "#"}
        }});
        assert!(example(&wide).to_string().len() < 100_000);
        let mut deep = json!({"type": "string"});
        for _ in 0..10 {
            deep = json!({"type": "array", "minItems": 16, "items": deep});
        }
        assert!(example(&deep).to_string().len() < 100_000);
    }
}
