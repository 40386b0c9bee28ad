//! Models, key, unknown routes, recording, and the binary.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{chat, client, hello};
use openrouter_mock::{MockConfig, MockServer};
use serde_json::{json, Value};

#[tokio::test]
async fn models_lists_the_catalogue_in_the_real_shape() {
    let server = MockServer::start().await;
    let resp = client()
        .get(format!("{}/models?offset=0&limit=500", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    let data = v["data"].as_array().unwrap();
    assert!(data.len() >= 12);
    assert_eq!(v["total_count"].as_u64(), Some(data.len() as u64));
    assert_eq!(v["links"], json!({"next": null}));
    for m in data {
        for key in [
            "id",
            "canonical_slug",
            "hugging_face_id",
            "name",
            "created",
            "description",
            "context_length",
            "architecture",
            "pricing",
            "top_provider",
            "per_request_limits",
            "supported_parameters",
            "default_parameters",
            "expiration_date",
            "links",
        ] {
            assert!(m.get(key).is_some(), "{} lacks {key}", m["id"]);
        }
        assert!(m["pricing"]["prompt"].is_string() && m["pricing"]["completion"].is_string());
        assert!(m["architecture"]["input_modalities"].is_array());
        assert!(m["top_provider"]["is_moderated"].is_boolean());
    }
    let ids: Vec<&str> = data.iter().filter_map(|m| m["id"].as_str()).collect();
    for id in [
        "openai/gpt-4o",
        "anthropic/claude-sonnet-4",
        "google/gemini-2.5-flash",
        "openrouter/auto",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let auto = data.iter().find(|m| m["id"] == "openrouter/auto").unwrap();
    assert_eq!(auto["pricing"]["prompt"], "-1");
}

#[tokio::test]
async fn key_reports_usage_that_grows_with_completions() {
    let server = MockServer::start().await;
    let get_key = || async {
        let resp = client()
            .get(format!("{}/key", server.base_url()))
            .bearer_auth(server.api_key())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        resp.json::<Value>().await.unwrap()
    };
    let before = get_key().await;
    let data = &before["data"];
    for key in [
        "label",
        "limit",
        "limit_remaining",
        "limit_reset",
        "usage",
        "usage_daily",
        "usage_weekly",
        "usage_monthly",
        "byok_usage",
        "is_free_tier",
        "is_management_key",
        "is_provisioning_key",
        "rate_limit",
        "expires_at",
        "allowed_data_regions",
        "budgets",
        "effective_budget",
        "free_model_daily_requests",
        "organization_id",
        "workspace_id",
    ] {
        assert!(data.get(key).is_some(), "/key lacks {key}");
    }
    assert_eq!(data["usage"].as_f64(), Some(0.0));

    let answer: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    let cost = answer["usage"]["cost"].as_f64().unwrap();
    let after = get_key().await;
    assert!((after["data"]["usage"].as_f64().unwrap() - cost).abs() < 1e-12);
}

#[tokio::test]
async fn unknown_routes_get_the_error_body() {
    let server = MockServer::start().await;
    let resp = client()
        .get(format!("{}/nothing/here", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 404);
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("/api/v1/nothing/here"));

    let resp = client()
        .get(format!("{}/chat/completions", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 405);
}

#[tokio::test]
async fn every_request_is_recorded() {
    let server = MockServer::start().await;
    assert_eq!(server.request_count(), 0);
    let body = hello("openai/gpt-4o");
    let _ = client()
        .post(format!("{}/chat/completions?trace=1", server.base_url()))
        .bearer_auth(server.api_key())
        .header("X-Title", "Recorder Test")
        .json(&body)
        .send()
        .await
        .unwrap();
    let _ = client()
        .get(format!("{}/models", server.base_url()))
        .send()
        .await
        .unwrap();
    let _ = client()
        .get(format!("{}/missing", server.base_url()))
        .send()
        .await
        .unwrap();

    let requests = server.requests();
    assert_eq!(server.request_count(), 3);
    let first = &requests[0];
    assert_eq!(first.method, "POST");
    assert_eq!(first.path, "/api/v1/chat/completions");
    assert_eq!(first.query.as_deref(), Some("trace=1"));
    assert_eq!(first.header("x-title"), Some("Recorder Test"));
    assert_eq!(first.header("AUTHORIZATION"), Some("Bearer sk-or-v1-mock"));
    assert_eq!(first.json(), Some(body));
    assert_eq!(requests[1].method, "GET");
    assert_eq!(requests[1].path, "/api/v1/models");
    assert!(requests[1].body.is_empty());
    assert_eq!(requests[2].path, "/api/v1/missing");
}

#[tokio::test]
async fn server_stops_when_dropped() {
    let server = MockServer::start().await;
    let url = format!("{}/models", server.base_url());
    assert!(client().get(&url).send().await.is_ok());
    drop(server);
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    assert!(reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
        .get(&url)
        .send()
        .await
        .is_err());
}

#[tokio::test]
async fn binary_prints_its_real_port_and_serves() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_openrouter-mock"))
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).map(|_| line)
    })
    .await
    .unwrap()
    .unwrap();
    let url = line
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap()
        .to_owned();
    let port: u16 = url
        .strip_prefix("http://127.0.0.1:")
        .and_then(|r| r.strip_suffix("/api/v1"))
        .unwrap()
        .parse()
        .unwrap();
    assert_ne!(port, 0);
    let resp = client().get(format!("{url}/models")).send().await;
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(resp.unwrap().status(), 200);
}

#[test]
fn binary_help_and_bad_args() {
    let out = Command::new(env!("CARGO_BIN_EXE_openrouter-mock"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--addr"));
    let out = Command::new(env!("CARGO_BIN_EXE_openrouter-mock"))
        .arg("--bogus")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bogus"));
    assert!(out.stdout.is_empty());
}

#[tokio::test]
async fn http2_prior_knowledge_works_including_aborts() {
    let server = MockServer::start().await;
    let h2 = reqwest::Client::builder()
        .no_proxy()
        .http2_prior_knowledge()
        .build()
        .unwrap();
    let url = format!("{}/chat/completions", server.base_url());
    let resp = h2
        .post(&url)
        .bearer_auth(server.api_key())
        .json(&hello("openai/gpt-4o"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.version(), reqwest::Version::HTTP_2);
    assert_eq!(resp.status(), 200);
    let mut body = hello("openai/gpt-4o");
    body["stream"] = json!(true);
    let resp = h2
        .post(&url)
        .bearer_auth(server.api_key())
        .header("x-mock-fault", "reset-after=1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(resp.text().await.is_err());
    let text = h2
        .post(&url)
        .bearer_auth(server.api_key())
        .json(&body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.ends_with("data: [DONE]\n\n"));
}

#[tokio::test]
async fn serve_runs_until_shutdown() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(openrouter_mock::serve(
        listener,
        openrouter_mock::MockConfig::default(),
        async {
            let _ = rx.await;
        },
    ));
    let resp = client()
        .get(format!("http://{addr}/api/v1/models"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let _ = tx.send(());
    assert!(task.await.unwrap().is_ok());
}

#[tokio::test]
async fn odd_bodies_never_break_the_server() {
    let server = MockServer::start().await;
    let bodies = [
        json!(null),
        json!("text"),
        json!({"messages": [null]}),
        json!({"messages": [{"role": "user"}]}),
        json!({"messages": [{"role": "user", "content": null}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}, 7]}]}),
        json!({"messages": [{"role": "user", "content": {"odd": true}}]}),
        json!({"model": 5, "messages": [{"role": "user", "content": "x"}]}),
        json!({"model": "", "messages": [{"role": "user", "content": "x"}]}),
        json!({"model": ":", "messages": [{"role": "user", "content": "x"}]}),
        json!({"model": "openai/text-embedding-3-small", "messages": [{"role": "user", "content": "x"}]}),
        json!({"models": ["x-ai/grok-3"], "messages": [{"role": "user", "content": "x"}]}),
        json!({"messages": [{"role": "user", "content": "x"}], "tools": "all"}),
        json!({"messages": [{"role": "user", "content": "x"}], "tools": [1, {"type": "function"}]}),
        json!({"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "function", "function": {"name": "f", "parameters": 3}}]}),
        json!({"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": ["integer", "null"], "minimum": 9e30}}}]}),
        json!({"messages": [{"role": "user", "content": "x"}], "tool_choice": {"function": 1}, "tools": []}),
        json!({"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_schema"}}),
        json!({"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_schema", "json_schema": {"schema": {"$ref": "#/nowhere"}}}}),
        json!({"messages": [{"role": "user", "content": "x"}], "reasoning": "high", "reasoning_effort": 3}),
        json!({"messages": [{"role": "user", "content": "x"}], "max_tokens": 1e300, "temperature": "hot"}),
        json!({"messages": [{"role": "user", "content": "x"}], "max_tokens": 18446744073709551615_u64}),
        json!({"messages": [{"role": "tool"}], "stream": "yes"}),
    ];
    for body in bodies {
        for stream in [false, true] {
            let mut body = body.clone();
            if stream && body.is_object() {
                body["stream"] = json!(true);
            }
            let resp = chat(&server, &body).await;
            let status = resp.status().as_u16();
            assert!(status == 200 || status == 400, "{body}: {status}");
            let text = resp.text().await.unwrap();
            if status == 400 {
                let v: Value = serde_json::from_str(&text).unwrap();
                assert!(v["error"]["message"].is_string());
            }
        }
    }
    assert_eq!(chat(&server, &hello("openai/gpt-4o")).await.status(), 200);
}

#[tokio::test]
async fn generations_can_be_looked_up_by_id() {
    let server = MockServer::start().await;
    let answer: Value = chat(&server, &hello("openrouter/auto"))
        .await
        .json()
        .await
        .unwrap();
    let id = answer["id"].as_str().unwrap();
    let get = |id: String| {
        client()
            .get(format!("{}/generation", server.base_url()))
            .query(&[("id", id)])
            .bearer_auth(server.api_key())
            .send()
    };
    let resp = get(id.to_owned()).await.unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    let data = &v["data"];
    assert_eq!(data["id"], id);
    assert_eq!(data["model"], "openai/gpt-4o-mini");
    assert_eq!(data["router"], "openrouter/auto");
    assert_eq!(data["total_cost"], answer["usage"]["cost"]);
    assert_eq!(data["tokens_prompt"], answer["usage"]["prompt_tokens"]);
    assert_eq!(data["streamed"], false);
    assert!(data.get("workspace_id").is_some());

    let resp = get("gen-0-nothing".to_owned()).await.unwrap();
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 404);
}

#[tokio::test]
async fn without_history_requests_are_counted_but_not_kept() {
    let server = MockServer::start_with(MockConfig::new().keep_history(false))
        .await
        .unwrap();
    let answer: Value = chat(&server, &hello("openai/gpt-4o"))
        .await
        .json()
        .await
        .unwrap();
    let id = answer["id"].as_str().unwrap().to_owned();
    let resp = client()
        .get(format!("{}/generation", server.base_url()))
        .query(&[("id", id)])
        .bearer_auth(server.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404, "no generation is remembered");
    assert_eq!(server.request_count(), 2);
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn accepted_connections_are_counted() {
    let server = MockServer::start().await;
    assert_eq!(server.connections(), 0);
    // One client reuses its connection; a second client opens its own.
    let first = client();
    for _ in 0..3 {
        let resp = first
            .get(format!("{}/models", server.base_url()))
            .send()
            .await
            .unwrap();
        resp.bytes().await.unwrap();
    }
    client()
        .get(format!("{}/models", server.base_url()))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(server.request_count(), 4);
    assert_eq!(server.connections(), 2);
}
