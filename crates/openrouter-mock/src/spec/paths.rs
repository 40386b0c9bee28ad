//! Matching a concrete request path to the spec's templated paths.

use serde_json::Value;

use crate::routes::API_PREFIX;

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch", "head", "options"];

/// One operation's method and templated path, split for matching.
#[derive(Debug)]
pub(super) struct Route {
    /// Upper-case method.
    pub(super) method: String,
    /// The path as written in the spec.
    pub(super) template: String,
    /// Each segment: `Some(literal)` or `None` for a `{placeholder}`.
    segments: Vec<Option<String>>,
}

/// Every operation in the document's `paths`.
pub(super) fn routes(doc: &Value) -> Vec<Route> {
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (template, item) in paths {
        let segments: Vec<Option<String>> = split(template)
            .map(|s| {
                let placeholder = s.starts_with('{') && s.ends_with('}');
                (!placeholder).then(|| s.to_owned())
            })
            .collect();
        for method in METHODS {
            if item.get(*method).is_some_and(Value::is_object) {
                out.push(Route {
                    method: method.to_ascii_uppercase(),
                    template: template.clone(),
                    segments: segments.clone(),
                });
            }
        }
    }
    out
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// The best route for `method` and `path`: every literal segment must be equal, and among
/// the matches the one whose literals come earliest and are most numerous wins, so
/// `/guardrails/assignments/keys` beats a `/guardrails/{id}/{kind}` template.
pub(super) fn find<'a>(routes: &'a [Route], method: &str, path: &str) -> Option<&'a Route> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_prefix(API_PREFIX).unwrap_or(path);
    let segments: Vec<&str> = split(path).collect();
    routes
        .iter()
        .filter(|r| r.method.eq_ignore_ascii_case(method))
        .filter(|r| r.segments.len() == segments.len())
        .filter(|r| {
            r.segments
                .iter()
                .zip(&segments)
                .all(|(t, s)| t.as_deref().map_or(!s.is_empty(), |lit| lit == *s))
        })
        // Literal-ness per position, compared left to right: a literal where the other
        // route has a placeholder wins at the first position where they differ.
        .max_by(|a, b| {
            let key = |r: &Route| r.segments.iter().map(Option::is_some).collect::<Vec<_>>();
            key(a).cmp(&key(b))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table() -> Vec<Route> {
        routes(&json!({"paths": {
            "/guardrails/{id}/assignments/keys": {"get": {}, "post": {}},
            "/guardrails/assignments/keys": {"get": {}},
            "/guardrails/{id}": {"get": {}, "parameters": []},
            "/guardrails/{id}/{kind}": {"get": {}, "post": {}},
            "/models/{author}/{slug}/endpoints": {"get": {}},
            "/models/count": {"get": {}},
            "/models/{a}/{b}": {"get": {}},
        }}))
    }

    fn hit(method: &str, path: &str) -> Option<String> {
        let t = table();
        find(&t, method, path).map(|r| r.template.clone())
    }

    #[test]
    fn literal_segments_beat_placeholders() {
        assert_eq!(
            hit("GET", "/guardrails/assignments/keys").as_deref(),
            Some("/guardrails/assignments/keys")
        );
        assert_eq!(
            hit("GET", "/api/v1/guardrails/abc/assignments/keys").as_deref(),
            Some("/guardrails/{id}/assignments/keys")
        );
        // Only the templated route has POST.
        assert_eq!(
            hit("POST", "/guardrails/assignments/keys").as_deref(),
            Some("/guardrails/{id}/{kind}")
        );
        assert_eq!(
            hit("GET", "/guardrails/g1/keys").as_deref(),
            Some("/guardrails/{id}/{kind}")
        );
        assert_eq!(
            hit("GET", "/models/openai/gpt-4o/endpoints").as_deref(),
            Some("/models/{author}/{slug}/endpoints")
        );
        assert_eq!(
            hit("GET", "/models/count").as_deref(),
            Some("/models/count")
        );
        assert_eq!(
            hit("get", "/models/a/b/").as_deref(),
            Some("/models/{a}/{b}")
        );
    }

    #[test]
    fn prefix_query_and_method_are_handled() {
        assert_eq!(
            hit("GET", "/api/v1/guardrails/g1?x=1").as_deref(),
            Some("/guardrails/{id}")
        );
        assert_eq!(hit("DELETE", "/guardrails/g1"), None);
        assert_eq!(hit("GET", "/guardrails"), None);
        assert_eq!(hit("GET", "/nothing/here/at/all"), None);
    }
}
