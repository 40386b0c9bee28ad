//! The fault matrix: every fault the emulator can inject, against a plain call, a stream and
//! a paginated list.
//!
//! Each cell states whether the client retries, how many attempts reach the server and how
//! the call ends, and checks two promises:
//!
//! - nothing duplicated: a request whose answer the server began (a success status went out)
//!   is never sent again; only failures before the answer are retried, and a retry sends the
//!   same bytes;
//! - nothing lost: when the fault is recoverable, the result equals the fault-free one (every
//!   chunk of the stream, every item of the list); when it is not, what arrived before the
//!   failure is what the fault-free run had at that point.
//!
//! The rows are checked against the source of the emulator's `Fault` enum, so a fault cannot
//! be added there without a row here.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::time::Duration;

use futures_util::future::join_all;
use futures_util::StreamExt;
use openrouter::stream::ChatAccumulator;
use openrouter::types::chat::{ChatChunk, ChatResult};
use openrouter::types::models::{Model, ModelsQuery};
use openrouter::{
    ApiErrorKind, Client, Error, RequestOptions, TimeoutPhase, Timeouts, TransportErrorKind,
};
use openrouter_mock::{Fault, MockServer, RecordedRequest};
use serde::Serialize;
use serde_json::Value;
use support::{hello, quick_retries};

/// The emulator's fault definitions, read for the list of `Fault` variants.
const FAULTS_SOURCE: &str = include_str!("../../openrouter-mock/src/faults.rs");

/// Short limits keep the slowest cell (a stall that runs into the total timeout) near 3 s;
/// the cells run concurrently, so the whole matrix takes about as long as that cell.
const HEADERS_TIMEOUT: Duration = Duration::from_secs(1);
const IDLE_TIMEOUT: Duration = Duration::from_secs(1);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(3);
/// Items per page of the list; the catalogue holds several pages of this size.
const PAGE: u32 = 20;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .api_key(server.api_key())
        .base_url(server.base_url())
        .retry(quick_retries())
        .timeouts(
            Timeouts::new()
                .response_headers(HEADERS_TIMEOUT)
                .stream_idle(IDLE_TIMEOUT)
                .total(TOTAL_TIMEOUT),
        )
        .build()
        .expect("client builds")
}

/// How a call ended.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Ok,
    Api(ApiErrorKind),
    Transport(TransportErrorKind),
    Decode,
    /// Any other error, with its text: never expected.
    Other(String),
}

impl Outcome {
    fn of<T>(result: &Result<T, Error>) -> Outcome {
        match result {
            Ok(_) => Outcome::Ok,
            Err(Error::Api(api)) => Outcome::Api(api.kind()),
            Err(Error::Transport(transport)) => Outcome::Transport(transport.kind),
            Err(Error::Decode(_)) => Outcome::Decode,
            Err(other) => Outcome::Other(other.to_string()),
        }
    }
}

/// What one cell must show: the attempts the server saw (more than one means retried) and
/// how the call ended.
#[derive(Debug, Clone, PartialEq)]
struct Expect {
    attempts: usize,
    outcome: Outcome,
}

fn ok(attempts: usize) -> Expect {
    Expect {
        attempts,
        outcome: Outcome::Ok,
    }
}

fn api(kind: ApiErrorKind, attempts: usize) -> Expect {
    Expect {
        attempts,
        outcome: Outcome::Api(kind),
    }
}

fn transport(kind: TransportErrorKind, attempts: usize) -> Expect {
    Expect {
        attempts,
        outcome: Outcome::Transport(kind),
    }
}

fn decode(attempts: usize) -> Expect {
    Expect {
        attempts,
        outcome: Outcome::Decode,
    }
}

/// One fault and what each kind of call must do under it.
#[derive(Debug, Clone)]
struct Row {
    name: &'static str,
    fault: Fault,
    /// How many requests in a row the fault hits.
    times: usize,
    /// The fault changes the answer itself (so the fault-free answer is no reference).
    changes_content: bool,
    create: Expect,
    stream: Expect,
    list: Expect,
}

impl Row {
    fn new(name: &'static str, fault: Fault, all: Expect) -> Row {
        Row {
            name,
            fault,
            times: 1,
            changes_content: false,
            create: all.clone(),
            stream: all.clone(),
            list: all,
        }
    }

    fn times(mut self, times: usize) -> Row {
        self.times = times;
        self
    }

    fn changes_content(mut self) -> Row {
        self.changes_content = true;
        self
    }

    fn create(mut self, expect: Expect) -> Row {
        self.create = expect;
        self
    }

    fn stream(mut self, expect: Expect) -> Row {
        self.stream = expect;
        self
    }

    fn list(mut self, expect: Expect) -> Row {
        self.list = expect;
        self
    }

    fn push_faults(&self, server: &MockServer) {
        for _ in 0..self.times {
            server.push_fault(self.fault.clone());
        }
    }
}

fn rows() -> Vec<Row> {
    use ApiErrorKind::{BadGateway, BadRequest};
    use TimeoutPhase::{StreamIdle, Total};
    use TransportErrorKind::{Body, Timeout};
    vec![
        Row::new("503 once", Fault::status(503), ok(2)),
        Row::new(
            "429 with retry-after-ms",
            Fault::status(429).with_retry_after_ms(50),
            ok(2),
        ),
        Row::new(
            "502 on every attempt",
            Fault::status(502),
            api(BadGateway, 3),
        )
        .times(3),
        Row::new("400", Fault::status(400), api(BadRequest, 1)),
        Row::new(
            "headers late, within the timeout",
            Fault::delay_headers(ms(200)),
            ok(1),
        ),
        Row::new(
            "headers after the timeout",
            Fault::delay_headers(Duration::from_secs(3)),
            ok(2),
        ),
        Row::new("slow chunks", Fault::slow_chunks(ms(20)), ok(1)),
        Row::new("keep-alives", Fault::keep_alives(3, ms(20)), ok(1)),
        // Only a stream has chunks to break off after; the other calls are answered normally.
        Row::new(
            "error after 2 chunks",
            Fault::mid_stream_error(2, 502, "provider disconnected"),
            api(BadGateway, 1),
        )
        .create(ok(1))
        .list(ok(1)),
        Row::new(
            "stall after 1 chunk",
            Fault::stall(1),
            transport(Timeout(Total), 1),
        )
        .stream(transport(Timeout(StreamIdle), 1)),
        Row::new("reset before headers", Fault::ResetBeforeHeaders, ok(2)),
        Row::new(
            "reset after 2 chunks",
            Fault::reset_after_chunks(2),
            transport(Body, 1),
        ),
        Row::new("truncated body", Fault::TruncatedBody, transport(Body, 1)),
        Row::new("malformed JSON", Fault::MalformedJson, decode(1)),
        Row::new("UTF-8 cut across writes", Fault::SplitUtf8, ok(1)).changes_content(),
        Row::new(
            "error object under 200",
            Fault::error_body_on_200(502, "upstream went away"),
            api(BadGateway, 1),
        ),
    ]
}

/// Whether the fault strikes before the server begins its answer, the only case in which
/// sending the request again is allowed.
fn fails_before_the_answer(fault: &Fault) -> bool {
    matches!(
        fault,
        Fault::Status { .. } | Fault::DelayHeaders(_) | Fault::ResetBeforeHeaders
    )
}

/// The variant name of a fault, from its `Debug` form (`Status { .. }` gives `Status`).
fn variant(fault: &Fault) -> String {
    format!("{fault:?}")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The variants of `pub enum Fault` in the emulator's source: lines indented once inside
/// the enum that start with a capital letter.
fn fault_variants_in_source() -> BTreeSet<String> {
    let start = FAULTS_SOURCE
        .find("pub enum Fault {")
        .expect("faults.rs declares `pub enum Fault`");
    let body = &FAULTS_SOURCE[start..];
    let end = body.find("\n}").expect("the enum ends");
    body[..end]
        .lines()
        .skip(1)
        .filter_map(|line| line.strip_prefix("    "))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect()
        })
        .collect()
}

/// Fault-free answers to compare against.
struct Reference {
    plain: ChatResult,
    chunks: Vec<ChatChunk>,
    models: Vec<Model>,
}

async fn reference() -> Reference {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let plain = client.chat().create(&hello()).await.expect("plain call");
    let mut stream = client.chat().stream(&hello()).await.expect("stream opens");
    let mut chunks = Vec::new();
    while let Some(chunk) = stream.next().await {
        chunks.push(chunk.expect("fault-free chunk"));
    }
    let models: Vec<Model> = client
        .models()
        .list_all(&ModelsQuery::default())
        .page_size(PAGE)
        .map(|m| m.expect("fault-free page"))
        .collect()
        .await;
    assert!(chunks.len() > 3, "the stream has chunks to cut: {chunks:?}");
    assert!(
        models.len() > 2 * PAGE as usize,
        "the fault must hit a full page in the middle of the list"
    );
    Reference {
        plain,
        chunks,
        models,
    }
}

/// The JSON of a result or chunk without what differs between two generations.
fn normalized(value: &impl Serialize) -> Value {
    let mut json = serde_json::to_value(value).expect("serializes");
    if let Some(object) = json.as_object_mut() {
        object.remove("id");
        object.remove("created");
    }
    json
}

/// What a stream folds into, as `collect_result` would give it.
fn accumulate(chunks: &[ChatChunk]) -> ChatResult {
    let mut accumulator = ChatAccumulator::new();
    for chunk in chunks {
        accumulator.push(chunk);
    }
    accumulator.finish()
}

/// What one cell found: a line for the table, and what went wrong.
struct Report {
    line: String,
    problems: Vec<String>,
}

/// Collects the differences between what a cell expected and saw.
struct Checker {
    cell: String,
    problems: Vec<String>,
}

impl Checker {
    fn new(row: &Row, call: &str) -> Checker {
        Checker {
            cell: format!("{} / {call}", row.name),
            problems: Vec::new(),
        }
    }

    fn check(&mut self, holds: bool, what: impl FnOnce() -> String) {
        if !holds {
            self.problems.push(format!("{}: {}", self.cell, what()));
        }
    }

    /// The outcome, and the attempt count the error reports (when it carries one).
    fn outcome<T>(&mut self, result: &Result<T, Error>, expect: &Expect) -> Outcome {
        let outcome = Outcome::of(result);
        self.check(outcome == expect.outcome, || {
            format!("ended {outcome:?}, expected {:?}", expect.outcome)
        });
        if let Err(error) = result {
            if let Some(attempts) = error.attempts() {
                self.check(attempts as usize == expect.attempts, || {
                    format!(
                        "the error says {attempts} attempts, the server should see {}",
                        expect.attempts
                    )
                });
            }
        }
        outcome
    }

    /// Every recorded request is the same request, sent `expected` times, and it was sent
    /// again only if the fault struck before the answer.
    fn resends(&mut self, requests: &[RecordedRequest], expected: usize, fault: &Fault) {
        self.check(requests.len() == expected, || {
            format!(
                "the server saw {} attempts, expected {expected}",
                requests.len()
            )
        });
        if let Some(first) = requests.first() {
            let same = |r: &RecordedRequest| {
                r.method == first.method
                    && r.path == first.path
                    && r.query == first.query
                    && r.body == first.body
            };
            self.check(requests.iter().all(same), || {
                "a retry sent different bytes".to_owned()
            });
        }
        self.check(
            requests.len() <= 1 || fails_before_the_answer(fault),
            || "a request whose answer had begun was sent again".to_owned(),
        );
    }

    fn report(self, attempts: usize, outcome: &Outcome) -> Report {
        Report {
            line: format!("{:<44} attempts {attempts}  {outcome:?}", self.cell),
            problems: self.problems,
        }
    }
}

/// A plain (non-streaming) chat completion.
async fn create_cell(row: &Row, reference: &Reference) -> (Report, Option<ChatResult>) {
    let mut check = Checker::new(row, "create");
    let server = MockServer::start().await;
    row.push_faults(&server);
    let result = client_for(&server).chat().create(&hello()).await;
    let outcome = check.outcome(&result, &row.create);
    let requests = server.requests();
    check.resends(&requests, row.create.attempts, &row.fault);
    if let Ok(answer) = &result {
        if !row.changes_content {
            check.check(normalized(answer) == normalized(&reference.plain), || {
                format!(
                    "the answer differs from the fault-free one: {}",
                    normalized(answer)
                )
            });
        }
    }
    (check.report(requests.len(), &outcome), result.ok())
}

/// A streamed chat completion, read chunk by chunk.
async fn stream_cell(row: &Row, reference: &Reference) -> (Report, Option<ChatResult>) {
    let mut check = Checker::new(row, "stream");
    let server = MockServer::start().await;
    row.push_faults(&server);
    let mut chunks = Vec::new();
    let result = match client_for(&server).chat().stream(&hello()).await {
        Err(error) => Err(error),
        Ok(mut stream) => loop {
            match stream.next().await {
                Some(Ok(chunk)) => chunks.push(chunk),
                Some(Err(error)) => {
                    let after = stream.next().await;
                    check.check(after.is_none(), || {
                        format!("the stream went on after its error: {after:?}")
                    });
                    break Err(error);
                }
                None => break Ok(()),
            }
        },
    };
    let outcome = check.outcome(&result, &row.stream);
    let requests = server.requests();
    check.resends(&requests, row.stream.attempts, &row.fault);
    if !row.changes_content {
        let got: Vec<Value> = chunks.iter().map(normalized).collect();
        let want: Vec<Value> = reference.chunks.iter().map(normalized).collect();
        if result.is_ok() {
            check.check(got == want, || {
                format!(
                    "{} chunks differ from the {} fault-free ones",
                    got.len(),
                    want.len()
                )
            });
        } else {
            check.check(want.starts_with(&got), || {
                format!(
                    "the {} chunks before the error are not the fault-free ones",
                    got.len()
                )
            });
        }
    }
    let accumulated = result.is_ok().then(|| accumulate(&chunks));
    (check.report(requests.len(), &outcome), accumulated)
}

/// The offset a page request asked for (0 when it named none).
fn offset_of(request: &RecordedRequest) -> u64 {
    request
        .query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("offset="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Every model, page by page; the fault hits the second page.
async fn list_cell(row: &Row, reference: &Reference) -> Report {
    let mut check = Checker::new(row, "list");
    let server = MockServer::start().await;
    let mut models = client_for(&server)
        .models()
        .list_all(&ModelsQuery::default())
        .page_size(PAGE);
    let mut got = Vec::new();
    let mut result = Ok(());
    // The first item brings the whole first page, so the queued fault meets the second.
    match models.next().await {
        Some(Ok(model)) => got.push(model),
        other => check.check(false, || format!("the first page failed: {other:?}")),
    }
    row.push_faults(&server);
    while let Some(item) = models.next().await {
        match item {
            Ok(model) => got.push(model),
            Err(error) => {
                result = Err(error);
                break;
            }
        }
    }
    let outcome = check.outcome(&result, &row.list);
    let requests = server.requests();
    let mut per_page: BTreeMap<u64, Vec<RecordedRequest>> = BTreeMap::new();
    for request in &requests {
        per_page
            .entry(offset_of(request))
            .or_default()
            .push(request.clone());
    }
    let second = u64::from(PAGE);
    let faulted = per_page.remove(&second).unwrap_or_default();
    let seen = faulted.len();
    check.resends(&faulted, row.list.attempts, &row.fault);
    for (offset, sent) in &per_page {
        check.check(sent.len() == 1, || {
            format!(
                "the page at offset {offset} was asked for {} times",
                sent.len()
            )
        });
        check.check(result.is_ok() || *offset < second, || {
            format!("the page at offset {offset} was asked for after the list failed")
        });
    }
    let want: &[Model] = if result.is_ok() {
        &reference.models
    } else {
        &reference.models[..PAGE as usize]
    };
    check.check(got == want, || {
        format!(
            "{} items arrived, expected the {} of the fault-free list",
            got.len(),
            want.len()
        )
    });
    check.report(seen, &outcome)
}

/// The three cells of a row, side by side, plus what only the row as a whole can tell.
async fn run_row(row: Row, reference: &Reference) -> Vec<Report> {
    let ((created, plain), (streamed, accumulated), listed) = tokio::join!(
        create_cell(&row, reference),
        stream_cell(&row, reference),
        list_cell(&row, reference),
    );
    let mut reports = vec![created, streamed, listed];
    if let (Some(accumulated), false) = (&accumulated, row.changes_content) {
        let want = accumulate(&reference.chunks);
        if normalized(accumulated) != normalized(&want) {
            reports[1].problems.push(format!(
                "{} / stream: the accumulated result differs from the fault-free one",
                row.name
            ));
        }
    }
    if row.changes_content {
        // No fault-free answer has this content; the plain call under the same fault is the
        // reference, since a JSON body is decoded only once it is whole.
        let text = |r: &Option<ChatResult>| r.as_ref().and_then(|r| r.text().map(str::to_owned));
        let (plain_text, streamed_text) = (text(&plain), text(&accumulated));
        let intact = streamed_text
            .as_ref()
            .is_some_and(|t| !t.contains('\u{FFFD}'))
            && streamed_text == plain_text;
        if !intact {
            reports[1].problems.push(format!(
                "{} / stream: streamed text {streamed_text:?} is not the plain answer {plain_text:?}",
                row.name
            ));
        }
        let usage = |r: &Option<ChatResult>| r.as_ref().map(|r| normalized(&r.usage));
        if usage(&plain) != usage(&accumulated) {
            reports[1].problems.push(format!(
                "{} / stream: usage differs from the plain answer's",
                row.name
            ));
        }
    }
    reports
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_against_every_kind_of_call() {
    let reference = reference().await;
    let rows: Vec<Row> = rows();
    let runs = rows.into_iter().map(|row| run_row(row, &reference));
    let reports: Vec<Report> = join_all(runs).await.into_iter().flatten().collect();
    for report in &reports {
        eprintln!("{}", report.line);
    }
    let problems: Vec<&String> = reports.iter().flat_map(|r| &r.problems).collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_fault_variant_has_a_row() {
    let in_source = fault_variants_in_source();
    assert!(
        in_source.len() >= 12 && in_source.contains("Status") && in_source.contains("SplitUtf8"),
        "reading faults.rs went wrong: {in_source:?}"
    );
    let covered: BTreeSet<String> = rows().iter().map(|row| variant(&row.fault)).collect();
    let missing: Vec<&String> = in_source.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "faults without a row in the fault matrix: {missing:?}; add one to `rows()`"
    );
    let unknown: Vec<&String> = covered.difference(&in_source).collect();
    assert!(unknown.is_empty(), "rows for unknown faults: {unknown:?}");
}

/// Runs `call` against an emulator that answers it with `fault`, returning the error.
async fn stream_error<F, Fut, T>(fault: Option<Fault>, options: RequestOptions, call: F) -> Error
where
    F: FnOnce(Client, RequestOptions) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
    T: std::fmt::Debug,
{
    let server = MockServer::start().await;
    if let Some(fault) = fault {
        server.push_fault(fault);
    }
    let error = call(client_for(&server), options).await.unwrap_err();
    assert_eq!(server.request_count(), 1, "the answer had begun: no retry");
    error
}

#[tokio::test]
async fn a_stream_answered_with_an_error_object_is_that_api_error() {
    let error = stream_error(
        Some(Fault::error_body_on_200(429, "slow down")),
        RequestOptions::new(),
        |client, _| async move { client.chat().stream(&hello()).await },
    )
    .await;
    let api = error.api().expect("an API error");
    assert_eq!(api.kind(), ApiErrorKind::RateLimited);
    assert_eq!(api.message(), "slow down");
    assert!(
        !api.in_stream,
        "it came instead of the stream, not inside it"
    );
    assert_eq!(api.attempts, 1);
}

#[tokio::test]
async fn a_stream_answered_with_a_plain_json_result_is_a_decode_error_with_the_body() {
    // Asking for `"stream": false` on top makes the emulator answer with one JSON body.
    let options = RequestOptions::new().body_field("stream", false);
    let error = stream_error(None, options, |client, options| async move {
        client.chat().with_options(options).stream(&hello()).await
    })
    .await;
    match error {
        Error::Decode(decode) => {
            assert!(decode.body.contains("chat.completion"), "{}", decode.body);
            assert!(
                decode.message.contains("text/event-stream"),
                "{}",
                decode.message
            );
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

/// A server that answers every request with `head` (status line and headers, no
/// `Content-Length`) and `body`, then closes; for answers the emulator does not give.
async fn fixed_answer_server(head: &'static str, body: &'static str) -> String {
    answer_server(head, body, false).await
}

/// Like [`fixed_answer_server`], but the body is announced longer than it is and the
/// connection stays open: the rest never comes.
async fn stalled_answer_server(head: &'static str, body: &'static str) -> String {
    answer_server(head, body, true).await
}

async fn answer_server(head: &'static str, body: &'static str, stall: bool) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                // Read the whole request first: closing on unread bytes would reset the
                // connection under the answer.
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                loop {
                    let n = socket.read(&mut buffer).await.unwrap_or(0);
                    request.extend_from_slice(&buffer[..n]);
                    let text = String::from_utf8_lossy(&request).to_ascii_lowercase();
                    let complete = text.find("\r\n\r\n").is_some_and(|end| {
                        let length = text
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length: "))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        request.len() >= end + 4 + length
                    });
                    if n == 0 || complete {
                        break;
                    }
                }
                let length = body.len() + if stall { 64 } else { 0 };
                let answer = format!(
                    "{head}\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n{body}"
                );
                let _ = socket.write_all(answer.as_bytes()).await;
                if stall {
                    std::future::pending::<()>().await;
                }
            });
        }
    });
    format!("http://{addr}/api/v1")
}

fn client_at(base_url: String) -> Client {
    Client::builder()
        .api_key("sk-or-v1-test")
        .base_url(base_url)
        .retry(quick_retries())
        .build()
        .expect("client builds")
}

#[tokio::test]
async fn a_stream_answered_with_an_html_page_is_a_decode_error_naming_its_type() {
    let base = fixed_answer_server(
        "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8",
        "<html><body>Sign in to the network</body></html>",
    )
    .await;
    match client_at(base).chat().stream(&hello()).await.unwrap_err() {
        Error::Decode(decode) => {
            assert!(decode.body.contains("Sign in"), "{}", decode.body);
            assert!(decode.message.contains("`text/html`"), "{}", decode.message);
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn events_without_a_content_type_are_still_read() {
    let base = fixed_answer_server(
        "HTTP/1.1 200 OK",
        "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n",
    )
    .await;
    let result = client_at(base)
        .chat()
        .stream(&hello())
        .await
        .unwrap()
        .collect_result()
        .await
        .unwrap();
    assert_eq!(result.text(), Some("hi"));
}

#[tokio::test]
async fn a_stream_answered_with_a_json_body_that_stalls_is_an_idle_timeout() {
    let base = stalled_answer_server(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json",
        "{\"error\": {\"code\": 502, ",
    )
    .await;
    let options = RequestOptions::new().stream_idle_timeout(ms(200));
    let started = std::time::Instant::now();
    let error = client_at(base)
        .chat()
        .with_options(options)
        .stream(&hello())
        .await
        .unwrap_err();
    match &error {
        Error::Transport(t) => {
            assert_eq!(
                t.kind,
                TransportErrorKind::Timeout(TimeoutPhase::StreamIdle),
                "{error}"
            );
        }
        other => panic!("expected an idle timeout, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}
