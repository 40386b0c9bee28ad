//! Models, endpoints and providers against the emulator.

use futures_util::StreamExt;
use openrouter::types::models::{ModelFilter, ModelParameter, ModelSort, ModelsQuery, Usd};
use openrouter::{Client, Error};
use openrouter_mock::MockServer;

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .build()
        .unwrap();
    (server, client)
}

fn anonymous(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .build()
        .unwrap()
}

fn status(error: &Error) -> Option<u16> {
    match error {
        Error::Api(api) => api.status.map(|s| s.as_u16()),
        _ => None,
    }
}

#[tokio::test]
async fn list_defaults_to_text_models_and_honours_filters() {
    let (server, client) = setup().await;
    let all = client.models().list().await.unwrap();
    assert!(all.data.len() >= 50, "{} models", all.data.len());
    assert_eq!(all.total_count, Some(all.data.len() as u64));
    assert!(
        all.get("openai/text-embedding-3-small").is_none(),
        "text output by default"
    );

    let query = ModelsQuery::new()
        .supported_parameters(["tools"])
        .input_modalities(["image"])
        .context(200_000)
        .max_price(5.0)
        .sort(ModelSort::PricingLowToHigh);
    let some = client.models().list_with(&query).await.unwrap();
    assert!(!some.data.is_empty() && some.data.len() < all.data.len());
    let filter = ModelFilter::new()
        .supports(ModelParameter::Tools)
        .input_modality("image")
        .min_context_length(200_000)
        .max_prompt_price(Usd::parse("0.000005").unwrap());
    assert!(
        some.data.iter().all(|m| filter.matches(m)),
        "server and client filters agree"
    );
    assert_eq!(all.filter(&filter).count(), some.data.len());
    let prices: Vec<f64> = some
        .data
        .iter()
        .map(|m| {
            let p = m.pricing.as_ref().unwrap();
            p.prompt.as_ref().unwrap().to_f64().unwrap()
                + p.completion.as_ref().unwrap().to_f64().unwrap()
        })
        .collect();
    assert!(
        prices.windows(2).all(|w| w[0] <= w[1]),
        "sorted by price: {prices:?}"
    );

    let embeddings = client
        .models()
        .list_with(&ModelsQuery::new().output_modalities(["embeddings"]))
        .await
        .unwrap();
    assert!(embeddings.get("openai/text-embedding-3-small").is_some());
    let authors = client
        .models()
        .list_with(
            &ModelsQuery::new()
                .model_authors(["anthropic"])
                .distillable(false),
        )
        .await
        .unwrap();
    assert!(authors.data.len() >= 3 && authors.data.iter().all(|m| m.id.starts_with("anthropic/")));
    let zdr = client
        .models()
        .list_with(&ModelsQuery::new().zdr(true).region("eu"))
        .await
        .unwrap();
    assert!(!zdr.data.is_empty() && zdr.data.len() < all.data.len());

    let last = server.requests().pop().unwrap();
    assert_eq!(last.query.as_deref(), Some("zdr=true&region=eu"));

    let bad = client
        .models()
        .list_with(&ModelsQuery::new().limit(5000))
        .await
        .unwrap_err();
    assert_eq!(status(&bad), Some(400));
    assert!(bad.to_string().contains("limit"), "{bad}");
    let bad = client
        .models()
        .list_with(&ModelsQuery::new().category("cooking"))
        .await
        .unwrap_err();
    assert_eq!(status(&bad), Some(400));
}

#[tokio::test]
async fn list_all_pages_lazily() {
    let (server, client) = setup().await;
    let total = client.models().list().await.unwrap().data.len();
    let before = server.request_count();
    let mut stream = client.models().list_all(&ModelsQuery::new()).page_size(20);
    assert_eq!(
        server.request_count(),
        before,
        "nothing fetched before polling"
    );
    let first = stream.next().await.unwrap().unwrap();
    assert_eq!(server.request_count(), before + 1);
    let mut ids = vec![first.id];
    while let Some(model) = stream.next().await {
        ids.push(model.unwrap().id);
    }
    assert_eq!(ids.len(), total);
    let pages: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(pages[0], "offset=0&limit=20");
    assert_eq!(pages[1], "offset=20&limit=20");
    assert_eq!(
        pages.len(),
        total.div_ceil(20) + usize::from(total % 20 == 0)
    );
}

#[tokio::test]
async fn get_count_and_user_models() {
    let (server, client) = setup().await;
    let model = client.models().get("openai/gpt-4o").await.unwrap();
    assert_eq!(model.id, "openai/gpt-4o");
    let pricing = model.pricing.unwrap();
    assert_eq!(pricing.cost(1_000_000, 100_000).unwrap().to_string(), "3.5");
    let free = client
        .models()
        .get("meta-llama/llama-3.3-70b-instruct:free")
        .await
        .unwrap();
    assert_eq!(free.id, "meta-llama/llama-3.3-70b-instruct:free");
    let missing = client.models().get("nobody/nothing").await.unwrap_err();
    assert_eq!(status(&missing), Some(404));
    assert!(matches!(
        client.models().get("no-slash").await,
        Err(Error::InvalidRequest(_))
    ));
    let auto = client.models().get("openrouter/auto").await.unwrap();
    assert_eq!(auto.pricing.unwrap().cost(10, 10), None, "variable prices");

    let text = client.models().count(None).await.unwrap();
    let all = client.models().count(Some("all")).await.unwrap();
    assert!(all > text && text >= 50, "{text} {all}");

    let mine = client
        .models()
        .list_for_user(Default::default())
        .await
        .unwrap();
    assert_eq!(mine.data.len() as u64, text);
    let before = server.request_count();
    let paged: Vec<_> = client
        .models()
        .list_for_user_all()
        .page_size(25)
        .map(|m| m.unwrap().id)
        .collect()
        .await;
    assert_eq!(paged.len() as u64, text);
    let queries: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert!(queries.len() >= 2, "more than one page: {queries:?}");
    assert_eq!(queries[0], "offset=0&limit=25");
    assert_eq!(queries[1], "offset=25&limit=25");
    let before = server.request_count();
    let err = anonymous(&server)
        .models()
        .list_for_user(Default::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    assert_eq!(server.request_count(), before, "refused before sending");
    let wrong = Client::builder()
        .api_key("sk-or-v1-wrong")
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert_eq!(
        status(
            &wrong
                .models()
                .list_for_user(Default::default())
                .await
                .unwrap_err()
        ),
        Some(401)
    );
}

#[tokio::test]
async fn endpoints_zdr_and_providers() {
    let (server, client) = setup().await;
    let model = client
        .endpoints()
        .list("deepseek/deepseek-chat")
        .await
        .unwrap();
    assert_eq!(model.id, "deepseek/deepseek-chat");
    assert_eq!(model.endpoints.len(), 3);
    let names: Vec<_> = model
        .endpoints
        .iter()
        .map(|e| e.provider_name.clone().unwrap())
        .collect();
    assert_eq!(names, ["DeepSeek", "DeepInfra", "Fireworks"]);
    for endpoint in &model.endpoints {
        assert!(
            endpoint.throughput_last_30m.is_some(),
            "authenticated callers see throughput"
        );
        assert!(endpoint.latency_last_30m.as_ref().unwrap().p50.is_some());
        assert_eq!(endpoint.service_tier.as_deref(), Some("standard"));
        assert!(endpoint.native_tools.is_some() && endpoint.supports_diarization.is_some());
        assert_eq!(endpoint.supports_tool_choice, Some(true));
        assert_eq!(
            endpoint
                .pricing
                .as_ref()
                .unwrap()
                .prompt
                .as_ref()
                .unwrap()
                .as_str(),
            "0.0000003"
        );
    }
    let anon = anonymous(&server)
        .endpoints()
        .list("deepseek/deepseek-chat")
        .await
        .unwrap();
    assert!(anon
        .endpoints
        .iter()
        .all(|e| e.throughput_last_30m.is_none()));
    let missing = client.endpoints().list("nobody/nothing").await.unwrap_err();
    assert_eq!(status(&missing), Some(404));

    let providers = client.providers().list().await.unwrap();
    assert!(providers.len() >= 15);
    let openai = providers.iter().find(|p| p.slug == "openai").unwrap();
    assert_eq!(openai.name, "OpenAI");
    assert!(openai
        .privacy_policy_url
        .as_deref()
        .unwrap()
        .starts_with("https://"));

    let zdr = client.endpoints().list_zdr().await.unwrap();
    assert!(!zdr.is_empty());
    let zdr_names: Vec<_> = zdr
        .iter()
        .filter_map(|e| e.provider_name.as_deref())
        .collect();
    assert!(zdr_names.contains(&"DeepInfra") && !zdr_names.contains(&"OpenAI"));
}
