//! Catalogue and OAuth routes at the HTTP level: shapes and checks the SDK tests do not see.

use openrouter_mock::{Fault, MockServer};
use serde_json::Value;

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn get(server: &MockServer, path: &str) -> (u16, Value) {
    let response = http()
        .get(format!("{}{path}", server.base_url()))
        .bearer_auth(server.api_key())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn models_page_with_links_and_every_endpoint_has_the_newer_keys() {
    let server = MockServer::start().await;
    let (status, all) = get(&server, "/models?output_modalities=all").await;
    assert_eq!(status, 200);
    let total = all["total_count"].as_u64().unwrap();
    assert!(total >= 50);
    let (_, page) = get(&server, "/models?output_modalities=all&offset=10&limit=10").await;
    assert_eq!(page["data"].as_array().unwrap().len(), 10);
    assert_eq!(page["total_count"], total);
    assert_eq!(page["links"]["next"], "/api/v1/models?offset=20&limit=10");
    assert_eq!(page["data"][0]["id"], all["data"][10]["id"]);

    for model in all["data"].as_array().unwrap() {
        let id = model["id"].as_str().unwrap();
        let (status, body) = get(&server, &format!("/models/{id}/endpoints")).await;
        assert_eq!(status, 200, "{id}");
        let endpoints = body["data"]["endpoints"].as_array().unwrap();
        assert!(
            id == "openrouter/auto" || (1..=3).contains(&endpoints.len()),
            "{id}"
        );
        for e in endpoints {
            for key in [
                "native_tools",
                "service_tier",
                "supports_diarization",
                "supports_tool_choice",
            ] {
                assert!(e.get(key).is_some(), "{id}: {key}");
            }
            assert!(e["pricing"]["prompt"].is_string());
        }
    }
    let (status, body) = get(&server, "/model/nobody/nothing").await;
    assert_eq!((status, body["error"]["code"].as_i64()), (404, Some(404)));
}

#[tokio::test]
async fn scripted_faults_apply_to_catalogue_answers() {
    let server = MockServer::start().await;
    server.push_fault(Fault::parse("status=503").unwrap());
    let (status, _) = get(&server, "/providers").await;
    assert_eq!(status, 503);
    let (status, _) = get(&server, "/providers").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn the_login_page_checks_its_parameters() {
    let server = MockServer::start().await;
    let site = server.base_url().trim_end_matches("/api/v1").to_owned();
    let go = |query: &str| http().get(format!("{site}/auth?{query}")).send();
    assert_eq!(go("").await.unwrap().status(), 400);
    assert_eq!(
        go("callback_url=http%3A%2F%2Fevil.example%2F")
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        go("callback_url=https%3A%2F%2Fa.example&code_challenge=x&code_challenge_method=MD5")
            .await
            .unwrap()
            .status(),
        400
    );
    // A challenge without a method is `plain` (RFC 7636 4.3).
    let verifier = "a".repeat(43);
    let redirect = go(&format!(
        "callback_url=https%3A%2F%2Fa.example%2Fcb&code_challenge={verifier}"
    ))
    .await
    .unwrap();
    assert_eq!(redirect.status(), 302);
    let location = redirect.headers()["location"].to_str().unwrap().to_owned();
    let code = location.rsplit("code=").next().unwrap();
    let exchange = http()
        .post(format!("{}/auth/keys", server.base_url()))
        .json(&serde_json::json!({"code": code, "code_verifier": verifier}))
        .send()
        .await
        .unwrap();
    assert_eq!(exchange.status(), 200);
    let missing = http()
        .post(format!("{}/auth/keys", server.base_url()))
        .json(&serde_json::json!({"code_verifier": verifier}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    let body: Value = missing.json().await.unwrap();
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("`code`"));
}
