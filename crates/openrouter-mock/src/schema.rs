//! Placeholder values that satisfy a JSON Schema, for tool arguments and structured output.

use serde_json::{json, Map, Value};

/// Deep schemas (or self-references) stop here rather than recursing forever.
const MAX_DEPTH: usize = 12;
/// At most this many values are generated, so a hostile schema (wide self-references,
/// nested `minItems`) cannot make the answer explode.
const MAX_NODES: usize = 2_000;

/// At most this many cost estimates per answer, for the same reason.
const MAX_COST_STEPS: usize = 20_000;

/// A value that satisfies `schema` for the common subset of JSON Schema models use.
///
/// Values are friendly where the schema allows a choice (arrays of one item, nullable values
/// filled in, every property present) until a `$ref` comes back to a schema already being
/// filled: from there on the value takes the shortest way out (empty arrays, `null`, the
/// `anyOf` branch that ends soonest), so recursive types end in a leaf instead of `null`
/// where a value is required.
pub(crate) fn example(schema: &Value) -> Value {
    let mut sampler = Sampler {
        root: schema,
        budget: MAX_NODES,
        cost_steps: MAX_COST_STEPS,
    };
    sampler.value(schema, &mut vec!["#".to_owned()], false)
}

struct Sampler<'a> {
    root: &'a Value,
    budget: usize,
    cost_steps: usize,
}

impl<'a> Sampler<'a> {
    /// A value for `schema`; `stack` holds the references being filled, `minimal` asks for
    /// the shortest value.
    fn value(&mut self, schema: &'a Value, stack: &mut Vec<String>, minimal: bool) -> Value {
        if stack.len() > MAX_DEPTH || self.budget == 0 {
            return Value::Null;
        }
        self.budget -= 1;
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
        if let Some(reference) = obj.get("$ref").and_then(Value::as_str) {
            if let Some(target) = resolve(self.root, reference) {
                // Coming back to a schema being filled: end the recursion as soon as possible.
                let minimal = minimal || stack.iter().any(|r| r == reference);
                stack.push(reference.to_owned());
                let value = self.value(target, stack, minimal);
                stack.pop();
                return value;
            }
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = obj.get(key).and_then(Value::as_array) {
                if let Some(pick) = self.pick(options, stack, minimal) {
                    return self.value(pick, stack, minimal);
                }
            }
        }
        if let Some(parts) = obj.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            for part in parts {
                if let Value::Object(o) = self.value(part, stack, minimal) {
                    merged.extend(o);
                }
            }
            return Value::Object(merged);
        }
        match type_of(obj, minimal) {
            "object" => self.object(obj, stack, minimal),
            "array" => {
                let least = obj.get("minItems").and_then(Value::as_u64).unwrap_or(0);
                let n = if minimal { least } else { least.max(1) }.min(16);
                let n = obj
                    .get("maxItems")
                    .and_then(Value::as_u64)
                    .map_or(n, |m| n.min(m));
                let items = obj.get("items");
                Value::Array(
                    (0..n)
                        .map(|_| items.map_or(json!("example"), |s| self.value(s, stack, minimal)))
                        .collect(),
                )
            }
            "integer" => {
                let mut v = 1_i64;
                if let Some(lo) = obj.get("minimum").and_then(Value::as_i64) {
                    v = v.max(lo);
                }
                if let Some(hi) = obj.get("maximum").and_then(Value::as_i64) {
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

    /// The `anyOf` branch to fill: the first that is not `null` (a recursion it starts ends
    /// at the next repeated reference), or when the value must be short, the one that ends
    /// soonest.
    fn pick(
        &mut self,
        options: &'a [Value],
        stack: &mut Vec<String>,
        minimal: bool,
    ) -> Option<&'a Value> {
        let friendly = options
            .iter()
            .find(|o| o.get("type").and_then(Value::as_str) != Some("null"))
            .or_else(|| options.first())?;
        if !minimal {
            return Some(friendly);
        }
        let mut best: Option<(u64, &'a Value)> = None;
        for option in options {
            if let Some(cost) = self.cost(option, stack) {
                if best.is_none_or(|(least, _)| cost < least) {
                    best = Some((cost, option));
                }
            }
        }
        Some(best.map_or(friendly, |(_, option)| option))
    }

    fn object(
        &mut self,
        obj: &'a Map<String, Value>,
        stack: &mut Vec<String>,
        minimal: bool,
    ) -> Value {
        let mut out = Map::new();
        let required: Vec<&str> = obj
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(props) = obj.get("properties").and_then(Value::as_object) {
            // Filling every property (not only the required ones) still satisfies the schema
            // and gives callers something to look at for each field; a short value keeps
            // only the required ones.
            for (name, prop) in props {
                if !minimal || required.contains(&name.as_str()) {
                    out.insert(name.clone(), self.value(prop, stack, minimal));
                }
            }
        }
        for name in required {
            if !out.contains_key(name) {
                out.insert(name.to_owned(), json!("example"));
            }
        }
        Value::Object(out)
    }

    /// The size of the shortest value of `schema`, or `None` when every value of it would
    /// come back to a reference in `stack` (or the estimate ran out of steps).
    fn cost(&mut self, schema: &'a Value, stack: &mut Vec<String>) -> Option<u64> {
        if stack.len() > MAX_DEPTH || self.cost_steps == 0 {
            return None;
        }
        self.cost_steps -= 1;
        let Some(obj) = schema.as_object() else {
            return Some(1);
        };
        if obj.contains_key("const") || obj.contains_key("enum") {
            return Some(1);
        }
        if let Some(reference) = obj.get("$ref").and_then(Value::as_str) {
            if stack.iter().any(|r| r == reference) {
                return None;
            }
            let target = resolve(self.root, reference)?;
            stack.push(reference.to_owned());
            let cost = self.cost(target, stack);
            stack.pop();
            return cost;
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = obj.get(key).and_then(Value::as_array) {
                let mut best: Option<u64> = None;
                for option in options {
                    if let Some(cost) = self.cost(option, stack) {
                        best = Some(best.map_or(cost, |least| least.min(cost)));
                    }
                }
                return best;
            }
        }
        if let Some(parts) = obj.get("allOf").and_then(Value::as_array) {
            let mut total = 1_u64;
            for part in parts {
                total = total.saturating_add(self.cost(part, stack)?);
            }
            return Some(total);
        }
        match type_of(obj, true) {
            "object" => {
                let mut total = 1_u64;
                let props = obj.get("properties").and_then(Value::as_object);
                for name in obj
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    total = total.saturating_add(match props.and_then(|p| p.get(name)) {
                        Some(prop) => self.cost(prop, stack)?,
                        None => 1,
                    });
                }
                Some(total)
            }
            "array" => match obj.get("minItems").and_then(Value::as_u64).unwrap_or(0) {
                0 => Some(1),
                n => {
                    let item = obj.get("items").map_or(Some(1), |s| self.cost(s, stack))?;
                    Some(item.saturating_mul(n.min(16)).saturating_add(1))
                }
            },
            _ => Some(1),
        }
    }
}

/// The type to produce: the schema's, the first non-null one of a list (or `null` when a
/// short value is wanted and allowed), or a guess from the keywords.
fn type_of(obj: &Map<String, Value>, minimal: bool) -> &str {
    match obj.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(types)) => {
            let mut names = types.iter().filter_map(Value::as_str);
            if minimal && types.iter().any(|t| t == "null") {
                return "null";
            }
            names.find(|t| *t != "null").unwrap_or("null")
        }
        _ if obj.contains_key("properties") => "object",
        _ if obj.contains_key("items") => "array",
        _ => "string",
    }
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
    fn recursion_ends_in_the_shortest_leaf() {
        // A tree as schemars derives it: the root refers to itself as `#`.
        let tree = json!({
            "type": "object",
            "properties": {
                "label": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#"}}
            },
            "required": ["label", "children"],
            "additionalProperties": false
        });
        assert_eq!(
            example(&tree),
            json!({"label": "example", "children": [{"label": "example", "children": []}]})
        );
        // A linked list through `$defs`, with `Option<Box<Node>>` as `anyOf [ref, null]`.
        let list = json!({
            "$ref": "#/$defs/Node",
            "$defs": {"Node": {
                "type": "object",
                "properties": {
                    "value": {"type": "integer"},
                    "next": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]}
                },
                "required": ["value", "next"]
            }}
        });
        assert_eq!(
            example(&list),
            json!({"value": 1, "next": {"value": 1, "next": null}})
        );
        // An expression whose first branch recurses: the leaf branch ends it.
        let expr = json!({
            "type": "object",
            "properties": {"value": {"$ref": "#/$defs/Expr"}},
            "required": ["value"],
            "$defs": {"Expr": {"anyOf": [
                {"type": "object", "properties": {"Neg": {"$ref": "#/$defs/Expr"}}, "required": ["Neg"]},
                {"type": "object", "properties": {"Num": {"type": "integer"}}, "required": ["Num"]}
            ]}}
        });
        assert_eq!(example(&expr), json!({"value": {"Neg": {"Num": 1}}}));
        // Nullable fields keep a value when they do not recurse.
        let nullable =
            json!({"type": "object", "properties": {"n": {"type": ["integer", "null"]}}});
        assert_eq!(example(&nullable), json!({"n": 1}));
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
