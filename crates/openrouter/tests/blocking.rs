//! The blocking client against the emulator, which runs on a runtime of its own on another
//! thread (a blocking call made on the emulator's own runtime thread could never be answered).

mod support;

use std::time::Duration;

use openrouter::blocking::Client;
use openrouter::stream::StreamEvent;
use openrouter::types::audio::SpeechRequest;
use openrouter::types::models::ModelsQuery;
use openrouter::{ApiErrorKind, Error, RequestOptions, RetryPolicy, Timeouts};
use openrouter_mock::{Fault, MockServer};
use support::{hello, quick_retries};

/// The emulator and the runtime that serves it; both stop when this is dropped.
struct Emulator {
    // Declared first: the server shuts down before its runtime goes away.
    server: MockServer,
    runtime: tokio::runtime::Runtime,
}

impl Emulator {
    fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(MockServer::start());
        Self { server, runtime }
    }

    fn client(&self) -> Client {
        self.builder().build_blocking().expect("client builds")
    }

    fn builder(&self) -> openrouter::ClientBuilder {
        Client::builder()
            .api_key(self.server.api_key())
            .base_url(self.server.base_url())
            .retry(quick_retries())
            .timeouts(
                Timeouts::new()
                    .response_headers(Duration::from_secs(5))
                    .stream_idle(Duration::from_secs(5))
                    .total(Duration::from_secs(20)),
            )
    }

    fn saw_disconnect(&self) -> bool {
        self.runtime
            .block_on(self.server.wait_for_disconnects(1, Duration::from_secs(5)))
    }
}

fn text_of(result: &openrouter::types::chat::ChatResult) -> String {
    result.text().unwrap_or_default().to_owned()
}

#[test]
fn chat_create_returns_the_answer_of_one_plain_request() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let result = client.chat().create(&hello()).unwrap();
    assert!(
        text_of(&result).contains("Say hello to the test suite"),
        "{result:?}"
    );
    assert!(result.usage.as_ref().is_some_and(|u| u.total_tokens > 0));
    let sent = emulator.server.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].path, "/api/v1/chat/completions");
    assert!(sent[0].json().unwrap().get("stream").is_none());
    let response = client.chat().create_with_response(&hello()).unwrap();
    assert_eq!(response.status.as_u16(), 200);
    assert_eq!(text_of(&response.data), text_of(&result));
}

#[test]
fn a_stream_is_an_iterator_that_adds_up_to_the_plain_answer() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let plain = client.chat().create(&hello()).unwrap();
    let mut stream = client.chat().stream(&hello()).unwrap();
    let id = stream.generation_id().expect("a generation id").to_owned();
    assert!(id.starts_with("gen-"), "{id}");
    let mut text = String::new();
    let mut chunks = 0;
    for chunk in stream.by_ref() {
        text.push_str(chunk.unwrap().content().unwrap_or_default());
        chunks += 1;
    }
    assert!(chunks > 1, "{chunks} chunks");
    assert_eq!(text, text_of(&plain));
    assert!(stream.next().is_none(), "still ended");
    assert_eq!(
        emulator.server.requests()[1].json().unwrap()["stream"],
        true
    );

    let collected = client
        .chat()
        .stream(&hello())
        .unwrap()
        .collect_result()
        .unwrap();
    assert_eq!(text_of(&collected), text_of(&plain));
    assert!(collected.usage.is_some());
}

#[test]
fn events_show_keep_alives() {
    let emulator = Emulator::start();
    emulator.server.push_fault(Fault::KeepAlives {
        count: 3,
        interval: Duration::from_millis(5),
    });
    let mut events = emulator.client().chat().stream(&hello()).unwrap().events();
    let mut keep_alives = 0;
    let mut data = 0;
    for event in events.by_ref() {
        match event.unwrap() {
            StreamEvent::KeepAlive(_) => keep_alives += 1,
            StreamEvent::Data(_) => data += 1,
            _ => {}
        }
    }
    assert_eq!(keep_alives, 3);
    assert!(data > 0);
    assert_eq!(events.keep_alives(), 3);
}

#[test]
fn a_paginated_list_is_a_lazy_iterator() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let total = client.models().list().unwrap().data.len();
    assert!(total > 20, "the catalogue has {total} models");
    let mut models = client.models().list_all(&ModelsQuery::new()).page_size(20);
    assert_eq!(
        emulator.server.request_count(),
        1,
        "nothing fetched before next()"
    );
    let mut ids = vec![models.next().unwrap().unwrap().id];
    assert_eq!(emulator.server.request_count(), 2);
    ids.extend(models.by_ref().map(|model| model.unwrap().id));
    assert_eq!(ids.len(), total);
    assert!(models.next().is_none(), "still ended");
    let queries: Vec<String> = emulator.server.requests()[1..]
        .iter()
        .map(|r| r.query.clone().unwrap_or_default())
        .collect();
    assert_eq!(queries[0], "offset=0&limit=20");
    assert_eq!(queries[1], "offset=20&limit=20");
    assert_eq!(
        queries.len(),
        total.div_ceil(20) + usize::from(total.is_multiple_of(20))
    );
}

#[test]
fn a_paginated_list_fetches_only_the_pages_read() {
    let emulator = Emulator::start();
    let first: Vec<String> = emulator
        .client()
        .models()
        .list_all(&ModelsQuery::new())
        .page_size(2)
        .take(3)
        .map(|model| model.unwrap().id)
        .collect();
    assert_eq!(first.len(), 3);
    assert_eq!(emulator.server.request_count(), 2, "two pages of two");
}

#[test]
fn errors_are_the_async_errors() {
    let emulator = Emulator::start();
    let wrong_key = Client::builder()
        .api_key("sk-or-wrong")
        .base_url(emulator.server.base_url())
        .build_blocking()
        .unwrap();
    let error = wrong_key.chat().create(&hello()).unwrap_err();
    assert_eq!(
        error.api().map(|api| api.kind()),
        Some(ApiErrorKind::Unauthorized),
        "{error:?}"
    );

    let no_retries = emulator
        .builder()
        .retry(RetryPolicy::none())
        .build_blocking()
        .unwrap();
    emulator
        .server
        .push_fault(Fault::status(429).with_retry_after("7"));
    let error = no_retries.chat().create(&hello()).unwrap_err();
    assert!(error.is_rate_limited(), "{error:?}");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));

    // A failure before the stream starts comes out of `stream()` itself.
    emulator.server.push_fault(Fault::status(402));
    let error = no_retries.chat().stream(&hello()).unwrap_err();
    assert!(error.is_insufficient_credits(), "{error:?}");
}

#[test]
fn a_mid_stream_error_ends_the_iteration() {
    let emulator = Emulator::start();
    emulator.server.push_fault(Fault::MidStreamError {
        after_chunks: 2,
        code: 502,
        message: "provider disconnected".into(),
    });
    let mut stream = emulator.client().chat().stream(&hello()).unwrap();
    assert!(stream.next().unwrap().is_ok());
    assert!(stream.next().unwrap().is_ok());
    let error = stream.next().unwrap().unwrap_err();
    let api = error.api().expect("an API error");
    assert!(api.in_stream);
    assert_eq!(api.code().and_then(|c| c.as_number()), Some(502));
    assert_eq!(api.message(), "provider disconnected");
    assert!(stream.next().is_none(), "nothing after the error");
}

#[test]
fn dropping_a_stream_iterator_closes_the_connection() {
    let emulator = Emulator::start();
    emulator
        .server
        .push_fault(Fault::SlowChunks(Duration::from_millis(200)));
    let client = emulator.client();
    let mut stream = client.chat().stream(&hello()).unwrap();
    assert!(stream.next().expect("a first chunk").is_ok());
    assert_eq!(emulator.server.disconnects(), 0);
    drop(stream);
    assert!(
        emulator.saw_disconnect(),
        "the emulator never saw the client go away"
    );
    // The client itself is still alive: the worker thread closed the connection.
    drop(client);
}

/// The calls a test inside an async runtime makes, and what they must return.
fn exercise(client: &Client) {
    let plain = client.chat().create(&hello()).unwrap();
    let streamed: String = client
        .chat()
        .stream(&hello())
        .unwrap()
        .map(|chunk| chunk.unwrap().content().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(streamed, text_of(&plain));
    let models = client
        .models()
        .list_all(&ModelsQuery::new())
        .page_size(3)
        .take(4)
        .count();
    assert_eq!(models, 4);
}

// The emulator's own runtime is started and dropped on plain threads: Tokio forbids both
// inside async code, and this test is about the blocking client, not the emulator.
#[tokio::test]
async fn works_when_called_inside_a_current_thread_runtime() {
    let emulator = std::thread::spawn(Emulator::start).join().unwrap();
    let client = emulator.client();
    exercise(&client);
    // Dropping the client, and with it its runtime, must not panic here either.
    drop(client);
    std::thread::spawn(move || drop(emulator)).join().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_when_called_inside_a_multi_thread_runtime_and_its_tasks() {
    let emulator = std::thread::spawn(Emulator::start).join().unwrap();
    let client = emulator.client();
    exercise(&client);
    let in_task = client.clone();
    tokio::spawn(async move { exercise(&in_task) })
        .await
        .unwrap();
    let in_blocking = client.clone();
    tokio::task::spawn_blocking(move || exercise(&in_blocking))
        .await
        .unwrap();
    let last = client.clone();
    drop(client);
    // The last clone dropped on a runtime worker.
    tokio::spawn(async move { drop(last) }).await.unwrap();
    std::thread::spawn(move || drop(emulator)).join().unwrap();
}

#[test]
fn from_async_shares_the_configuration() {
    let emulator = Emulator::start();
    let async_client = openrouter::Client::builder()
        .api_key(emulator.server.api_key())
        .base_url(emulator.server.base_url())
        .app_title("Blocking Test")
        .header("x-team", "tools")
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let client = Client::from_async(async_client.clone()).unwrap();
    assert_eq!(client.base_url(), async_client.base_url());
    assert_eq!(client.as_async().base_url(), async_client.base_url());

    client
        .chat()
        .with_options(RequestOptions::new().header("x-call", "one"))
        .create(&hello())
        .unwrap();
    let sent = emulator.server.requests().pop().unwrap();
    let bearer = format!("Bearer {}", emulator.server.api_key());
    assert_eq!(sent.header("authorization"), Some(bearer.as_str()));
    assert_eq!(sent.header("x-openrouter-title"), Some("Blocking Test"));
    assert_eq!(sent.header("x-team"), Some("tools"));
    assert_eq!(sent.header("x-call"), Some("one"));

    // The retry policy came along too: a 503 is not retried.
    emulator.server.push_fault(Fault::status(503));
    let before = emulator.server.request_count();
    assert!(client.chat().create(&hello()).is_err());
    assert_eq!(emulator.server.request_count(), before + 1);

    // And the async client underneath works in async code.
    let listed = emulator
        .runtime
        .block_on(client.as_async().models().count(None))
        .unwrap();
    assert!(listed > 0);
    let back: openrouter::Client = client.into();
    assert_eq!(back.base_url(), async_client.base_url());
}

#[test]
fn clones_share_one_client_across_threads() {
    let emulator = Emulator::start();
    let client = emulator.client();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let client = client.clone();
            scope.spawn(move || {
                let result = client.chat().create(&hello()).unwrap();
                assert!(!text_of(&result).is_empty());
            });
        }
    });
    assert_eq!(emulator.server.request_count(), 4);
}

#[test]
fn a_writer_method_writes_into_a_std_writer() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let request = SpeechRequest::new("openai/gpt-4o-mini-tts", "x".repeat(100).as_str());
    let expected = client.audio().speech(&request).unwrap();
    let mut buffer = Vec::new();
    let written = client
        .audio()
        .speech_to_writer(&request, &mut buffer)
        .unwrap();
    assert_eq!(written, expected.len() as u64);
    assert_eq!(buffer, expected.to_vec());
}

#[test]
fn build_blocking_reports_configuration_errors() {
    let error = Client::builder()
        .api_key("k")
        .base_url("ftp://example.com")
        .build_blocking()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    let error = Client::new(" ").unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
}

#[derive(Debug, serde::Deserialize, openrouter::schema::schemars::JsonSchema)]
#[schemars(crate = "openrouter::schema::schemars")]
struct Verdict {
    label: String,
    score: f64,
}

#[test]
fn parse_and_parse_stream_decode_a_typed_value() {
    use openrouter::structured::ParsedEvent;

    let emulator = Emulator::start();
    let client = emulator.client();

    let parsed = client.chat().parse::<Verdict>(&hello()).unwrap();
    assert!(parsed.value.score.is_finite());
    assert_eq!(parsed.response.text(), Some(parsed.raw.as_str()));

    let mut pieces = Vec::new();
    let mut done = None;
    for event in client.chat().parse_stream::<Verdict>(&hello()).unwrap() {
        match event.unwrap() {
            ParsedEvent::Text(piece) => pieces.push(piece),
            ParsedEvent::Done(parsed) => done = Some(*parsed),
            other => panic!("unexpected event {other:?}"),
        }
    }
    let done = done.expect("the iterator ends with Done");
    assert!(pieces.len() > 1, "{pieces:?}");
    assert_eq!(pieces.concat(), done.raw);
    let reparsed: serde_json::Value = serde_json::from_str(&done.raw).unwrap();
    assert_eq!(reparsed["label"], done.value.label.as_str());
}

#[test]
fn responses_parse_stream_iterates_text_then_the_value() {
    use openrouter::structured::ParsedEvent;
    use openrouter::types::responses::ResponsesRequest;

    let emulator = Emulator::start();
    let client = emulator.client();
    let request = ResponsesRequest::new("openai/gpt-4o-mini", "Judge this");

    let mut pieces = Vec::new();
    let mut done = None;
    let events = client
        .responses()
        .parse_stream::<Verdict>(&request)
        .unwrap();
    assert!(events.get_ref().stream().generation_id().is_some());
    for event in events {
        match event.unwrap() {
            ParsedEvent::Text(piece) => pieces.push(piece),
            ParsedEvent::Done(parsed) => done = Some(*parsed),
            other => panic!("unexpected event {other:?}"),
        }
    }
    let done = done.expect("the iterator ends with Done");
    assert!(pieces.len() > 1, "{pieces:?}");
    assert_eq!(pieces.concat(), done.raw);
    assert_eq!(done.response.output_text(), done.raw);
    let reparsed: serde_json::Value = serde_json::from_str(&done.raw).unwrap();
    assert_eq!(reparsed["label"], done.value.label.as_str());
}

#[test]
fn stream_with_fallback_iterates_the_model_that_answered() {
    use openrouter::fallback::FallbackPolicy;

    let emulator = Emulator::start();
    let client = emulator
        .builder()
        .retry(RetryPolicy::none())
        .build_blocking()
        .unwrap();
    emulator.server.push_fault(Fault::status(503));
    let policy = FallbackPolicy::new(["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"]);

    let outcome = client
        .chat()
        .stream_with_fallback(&hello(), &policy)
        .unwrap();
    assert_eq!(outcome.model, "anthropic/claude-3.5-haiku");
    assert_eq!(outcome.attempts.len(), 2);
    assert_eq!(
        outcome.attempts[0]
            .error
            .as_ref()
            .and_then(Error::status)
            .map(|s| s.as_u16()),
        Some(503)
    );
    let text: String = outcome
        .value
        .map(|chunk| chunk.unwrap().content().unwrap_or_default().to_owned())
        .collect();
    let mut same_model = hello();
    same_model.model = Some(outcome.model.clone());
    let expected = client.chat().create(&same_model).unwrap();
    assert_eq!(text, text_of(&expected));
}
