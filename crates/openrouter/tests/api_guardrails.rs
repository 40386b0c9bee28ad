//! `client.guardrails()` against the emulator: CRUD, assignments, paging and the spec's
//! examples.

mod mgmt;

use futures_util::StreamExt;
use mgmt::{api_key_as_management, api_only, full_client, operation, round_trip, spec};
use openrouter::pagination::PageParams;
use openrouter::types::guardrails::{
    AssignedCount, ContentFilter, ContentFilterBuiltin, ContentFilterBuiltinSlug,
    CreateGuardrailRequest, Guardrail, GuardrailDeleted, GuardrailInterval, GuardrailList,
    GuardrailListParams, GuardrailResponse, KeyAssignmentList, KeyHashes, MemberAssignmentList,
    MemberUserIds, UnassignedCount, UpdateGuardrailRequest,
};
use openrouter::types::keys::CreateKeyRequest;
use openrouter::{ApiErrorKind, Client, Error};
use openrouter_mock::MockServer;

const MEMBER_A: &str = "user_2dHFtVWx2n56w6HkM0000000001";
const MEMBER_B: &str = "user_2dHFtVWx2n56w6HkM0000000002";
const MEMBER_C: &str = "user_2dHFtVWx2n56w6HkM0000000003";

fn status(error: &Error) -> u16 {
    error.status().map(|s| s.as_u16()).unwrap_or(0)
}

async fn new_key(client: &Client, name: &str) -> String {
    client
        .keys()
        .create(&CreateKeyRequest::new(name))
        .await
        .unwrap()
        .data
        .hash
}

#[tokio::test]
async fn create_get_update_list_delete() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let guardrails = client.guardrails();
    let request = CreateGuardrailRequest::new("prod policy")
        .description("limits for production")
        .limit_usd(50.0)
        .reset_interval("monthly")
        .allowed_providers(["openai", "anthropic"])
        .content_filter(ContentFilter::new(r"\bsecret\b", "redact").label("SECRET"))
        .content_filter_builtin(ContentFilterBuiltin::new("email", "block"))
        .enforce_zdr_everywhere(true);
    let created = guardrails.create(&request).await.unwrap();
    assert_eq!(created.name, "prod policy");
    assert_eq!(created.limit_usd, Some(50.0));
    assert_eq!(created.reset_interval, Some(GuardrailInterval::Monthly));
    assert_eq!(
        created.allowed_providers.as_deref(),
        Some(&["openai".to_owned(), "anthropic".to_owned()][..])
    );
    let builtin = &created.content_filter_builtins.as_ref().unwrap()[0];
    assert_eq!(builtin.slug, ContentFilterBuiltinSlug::Email);
    assert_eq!(builtin.label.as_deref(), Some("[EMAIL]"));
    assert_eq!(created.enforce_zdr_xai, Some(true));
    assert!(created.workspace_id.is_some());

    let fetched = guardrails.get(&created.id).await.unwrap();
    assert_eq!(fetched, created);

    let updated = guardrails
        .update(
            &created.id,
            &UpdateGuardrailRequest::new()
                .name("renamed")
                .limit_usd(10.0),
        )
        .await
        .unwrap();
    assert_eq!(updated.name, "renamed");
    assert_eq!(updated.limit_usd, Some(10.0));
    assert_eq!(
        updated.description, created.description,
        "untouched fields stay"
    );
    assert!(updated.updated_at.is_some());

    let list = guardrails.list(&GuardrailListParams::new()).await.unwrap();
    assert_eq!(list.total_count, Some(1));
    assert_eq!(list.data[0].id, created.id);

    assert!(guardrails.delete(&created.id).await.unwrap().deleted);
    assert_eq!(status(&guardrails.get(&created.id).await.unwrap_err()), 404);
    assert_eq!(
        status(&guardrails.delete(&created.id).await.unwrap_err()),
        404
    );
    let update = UpdateGuardrailRequest::new().name("x");
    assert_eq!(
        status(&guardrails.update(&created.id, &update).await.unwrap_err()),
        404
    );
}

#[tokio::test]
async fn key_assignments_assign_list_replace_and_unassign() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let guardrails = client.guardrails();
    let first = guardrails
        .create(&CreateGuardrailRequest::new("first"))
        .await
        .unwrap();
    let second = guardrails
        .create(&CreateGuardrailRequest::new("second"))
        .await
        .unwrap();
    let a = new_key(&client, "a").await;
    let b = new_key(&client, "b").await;

    let assigned = guardrails.assign_keys(&first.id, [&a, &b]).await.unwrap();
    assert_eq!(assigned.assigned_count, 2);
    let sent: serde_json::Value =
        serde_json::from_slice(&server.requests().last().unwrap().body).unwrap();
    assert_eq!(sent, serde_json::json!({"key_hashes": [a, b]}));

    let on_first = guardrails
        .list_guardrail_key_assignments(&first.id, PageParams::new())
        .await
        .unwrap();
    assert_eq!(on_first.total_count, Some(2));
    assert_eq!(on_first.data[0].key_hash, a);
    assert_eq!(on_first.data[0].key_name.as_deref(), Some("a"));
    assert_eq!(on_first.data[0].guardrail_id, first.id);

    // A key holds one guardrail: assigning it elsewhere moves it.
    guardrails.assign_keys(&second.id, [&a]).await.unwrap();
    let on_first = guardrails
        .list_guardrail_key_assignments(&first.id, PageParams::new())
        .await
        .unwrap();
    assert_eq!(on_first.data.len(), 1);
    assert_eq!(on_first.data[0].key_hash, b);
    let everywhere = guardrails
        .list_key_assignments(PageParams::new())
        .await
        .unwrap();
    assert_eq!(everywhere.total_count, Some(2));

    let removed = guardrails.unassign_keys(&first.id, [&b, &a]).await.unwrap();
    assert_eq!(
        removed.unassigned_count, 1,
        "a is on the second guardrail now"
    );
    assert!(guardrails
        .list_guardrail_key_assignments(&first.id, PageParams::new())
        .await
        .unwrap()
        .data
        .is_empty());

    // Deleting a key drops its assignment; deleting a guardrail drops the rest.
    client.keys().delete(&a).await.unwrap();
    assert!(guardrails
        .list_key_assignments(PageParams::new())
        .await
        .unwrap()
        .data
        .is_empty());
}

#[tokio::test]
async fn unknown_keys_members_and_guardrails_are_refused_and_change_nothing() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let guardrails = client.guardrails();
    let g = guardrails
        .create(&CreateGuardrailRequest::new("g"))
        .await
        .unwrap();
    let a = new_key(&client, "a").await;
    let error = guardrails
        .assign_keys(&g.id, [a.as_str(), "not-a-key"])
        .await
        .unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.kind(), ApiErrorKind::BadRequest);
    assert!(api.message().contains("key_hashes[1]"), "{}", api.message());
    assert!(guardrails
        .list_key_assignments(PageParams::new())
        .await
        .unwrap()
        .data
        .is_empty());
    let none: [&str; 0] = [];
    assert_eq!(
        status(&guardrails.assign_keys(&g.id, none).await.unwrap_err()),
        400
    );
    assert_eq!(
        status(
            &guardrails
                .assign_members(&g.id, ["user_nobody"])
                .await
                .unwrap_err()
        ),
        400
    );
    assert_eq!(
        status(&guardrails.assign_keys("missing", [&a]).await.unwrap_err()),
        404
    );
    assert_eq!(
        status(
            &guardrails
                .list_guardrail_member_assignments("missing", PageParams::new())
                .await
                .unwrap_err()
        ),
        404
    );
    let bad = CreateGuardrailRequest::new("bad").reset_interval("hourly");
    let error = guardrails.create(&bad).await.unwrap_err();
    assert_eq!(status(&error), 400);
    assert!(error.to_string().contains("reset_interval"), "{error}");
    let bad = CreateGuardrailRequest::new("bad")
        .content_filter_builtin(ContentFilterBuiltin::new("fingerprint", "block"));
    assert_eq!(status(&guardrails.create(&bad).await.unwrap_err()), 400);
}

#[tokio::test]
async fn member_assignments_and_lazy_paging_over_several_pages() {
    let server = MockServer::start().await;
    let client = full_client(&server);
    let guardrails = client.guardrails();
    for i in 0..5 {
        guardrails
            .create(&CreateGuardrailRequest::new(format!("g{i}")))
            .await
            .unwrap();
    }
    let before = server.request_count();
    let names: Vec<String> = guardrails
        .list_all(&GuardrailListParams::new())
        .page_size(2)
        .map(|g| g.unwrap().name)
        .collect()
        .await;
    assert_eq!(names, ["g0", "g1", "g2", "g3", "g4"]);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]
    );

    let g = guardrails
        .list(&GuardrailListParams::new().limit(1))
        .await
        .unwrap()
        .data
        .remove(0);
    let assigned = guardrails
        .assign_members(&g.id, [MEMBER_A, MEMBER_B, MEMBER_C])
        .await
        .unwrap();
    assert_eq!(assigned.assigned_count, 3);
    let page = guardrails
        .list_guardrail_member_assignments(&g.id, PageParams::new().offset(1).limit(1))
        .await
        .unwrap();
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.data[0].user_id, MEMBER_B);
    let all: Vec<String> = guardrails
        .list_guardrail_member_assignments_all(&g.id)
        .map(|m| m.unwrap().user_id)
        .collect()
        .await;
    assert_eq!(all, [MEMBER_A, MEMBER_B, MEMBER_C]);
    let global: Vec<_> = guardrails.list_member_assignments_all().collect().await;
    assert_eq!(global.len(), 3);
    let removed = guardrails
        .unassign_members(&g.id, [MEMBER_A])
        .await
        .unwrap();
    assert_eq!(removed.unassigned_count, 1);
    let left = guardrails
        .list_member_assignments(PageParams::new())
        .await
        .unwrap();
    assert_eq!(left.total_count, Some(2));

    // Key assignment streams page too.
    for i in 0..3 {
        let hash = new_key(&client, &format!("k{i}")).await;
        guardrails.assign_keys(&g.id, [hash]).await.unwrap();
    }
    let keys: Vec<_> = guardrails
        .list_guardrail_key_assignments_all(&g.id)
        .collect()
        .await;
    assert_eq!(keys.len(), 3);
    let keys: Vec<_> = guardrails.list_key_assignments_all().collect().await;
    assert_eq!(keys.len(), 3);
}

#[tokio::test]
async fn a_management_key_is_required() {
    let server = MockServer::start().await;
    let error = api_only(&server)
        .guardrails()
        .list(&GuardrailListParams::new())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Config(m) if m.contains("management key")),
        "{error:?}"
    );
    let mut stream = api_only(&server)
        .guardrails()
        .list_all(&GuardrailListParams::new());
    assert!(matches!(stream.next().await, Some(Err(Error::Config(_)))));
    assert_eq!(server.request_count(), 0);

    let error = api_key_as_management(&server)
        .guardrails()
        .create(&CreateGuardrailRequest::new("x"))
        .await
        .unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.kind(), ApiErrorKind::Forbidden);
    assert_eq!(
        api.message(),
        "Only management keys can perform this operation"
    );
}

#[test]
fn spec_examples_round_trip() {
    let spec = spec();
    let get = |path: &str, method: &str| mgmt::success_examples(operation(&spec, path, method));
    for example in get("/guardrails", "get") {
        assert!(!round_trip::<GuardrailList>("list", &example)
            .data
            .is_empty());
    }
    for (path, method) in [
        ("/guardrails", "post"),
        ("/guardrails/{id}", "get"),
        ("/guardrails/{id}", "patch"),
    ] {
        let examples = get(path, method);
        assert!(!examples.is_empty(), "{method} {path}");
        for example in examples {
            round_trip::<GuardrailResponse>(path, &example);
        }
    }
    for example in get("/guardrails/{id}", "delete") {
        round_trip::<GuardrailDeleted>("delete", &example);
    }
    for path in [
        "/guardrails/{id}/assignments/keys",
        "/guardrails/assignments/keys",
    ] {
        for example in get(path, "get") {
            round_trip::<KeyAssignmentList>(path, &example);
        }
    }
    for path in [
        "/guardrails/{id}/assignments/members",
        "/guardrails/assignments/members",
    ] {
        for example in get(path, "get") {
            round_trip::<MemberAssignmentList>(path, &example);
        }
    }
    for path in [
        "/guardrails/{id}/assignments/keys",
        "/guardrails/{id}/assignments/members",
    ] {
        for example in get(path, "post") {
            round_trip::<AssignedCount>(path, &example);
        }
    }
    for path in [
        "/guardrails/{id}/assignments/keys/remove",
        "/guardrails/{id}/assignments/members/remove",
    ] {
        for example in get(path, "post") {
            round_trip::<UnassignedCount>(path, &example);
        }
    }
    let body = |path: &str, method: &str| mgmt::request_example(operation(&spec, path, method));
    round_trip::<CreateGuardrailRequest>("create", &body("/guardrails", "post").unwrap());
    round_trip::<UpdateGuardrailRequest>("update", &body("/guardrails/{id}", "patch").unwrap());
    for path in [
        "/guardrails/{id}/assignments/keys",
        "/guardrails/{id}/assignments/keys/remove",
    ] {
        round_trip::<KeyHashes>(path, &body(path, "post").unwrap());
    }
    for path in [
        "/guardrails/{id}/assignments/members",
        "/guardrails/{id}/assignments/members/remove",
    ] {
        round_trip::<MemberUserIds>(path, &body(path, "post").unwrap());
    }
    for name in [
        "Guardrail",
        "ContentFilterEntry",
        "ContentFilterBuiltinEntry",
        "KeyAssignment",
        "MemberAssignment",
    ] {
        let example = mgmt::schema_example(&spec, name);
        if example.is_null() {
            continue;
        }
        match name {
            "Guardrail" => {
                round_trip::<Guardrail>(name, &example);
            }
            "ContentFilterEntry" => {
                round_trip::<ContentFilter>(name, &example);
            }
            "ContentFilterBuiltinEntry" => {
                round_trip::<ContentFilterBuiltin>(name, &example);
            }
            "KeyAssignment" => {
                round_trip::<openrouter::types::guardrails::KeyAssignment>(name, &example);
            }
            _ => {
                round_trip::<openrouter::types::guardrails::MemberAssignment>(name, &example);
            }
        }
    }
}
