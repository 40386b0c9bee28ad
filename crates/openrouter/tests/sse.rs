//! The SSE decoder against the real captured streams, a simple reference parser and its size cap.

use std::path::{Path, PathBuf};

use openrouter::sse::{SseDecoder, SseError, SseEvent, SseItem};
use proptest::prelude::*;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// Every captured `.sse` stream, sorted by name so failures are reproducible.
fn sse_fixtures() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sse"))
        .map(|path| {
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&path).expect("fixture readable");
            (name, bytes)
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 25,
        "expected the captured streams, found {}",
        files.len()
    );
    files
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join(name)).expect("fixture readable")
}

/// Feeds the chunks in order, draining after each one the way the stream code does.
fn decode_chunks<'a>(chunks: impl IntoIterator<Item = &'a [u8]>) -> Vec<SseItem> {
    let mut decoder = SseDecoder::new();
    let mut items = Vec::new();
    for chunk in chunks {
        decoder.feed(chunk);
        while let Some(item) = decoder.next_item().expect("no event over the cap") {
            items.push(item);
        }
    }
    while let Some(item) = decoder.finish().expect("no event over the cap") {
        items.push(item);
    }
    items
}

fn decode_whole(bytes: &[u8]) -> Vec<SseItem> {
    decode_chunks([bytes])
}

fn comments(items: &[SseItem]) -> usize {
    items
        .iter()
        .filter(|item| matches!(item, SseItem::Comment(_)))
        .count()
}

fn events(items: &[SseItem]) -> Vec<&SseEvent> {
    items
        .iter()
        .filter_map(|item| match item {
            SseItem::Event(event) => Some(event),
            _ => None,
        })
        .collect()
}

#[test]
fn small_fixtures_decode_the_same_at_every_split_point() {
    let small: Vec<(String, Vec<u8>)> = sse_fixtures()
        .into_iter()
        .filter(|(_, bytes)| bytes.len() < 64 * 1024)
        .collect();
    // Every split point of every file is quadratic work; spread the files over the cores so
    // the normal test command stays quick in debug builds.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for t in 0..threads {
            let small = &small;
            scope.spawn(move || {
                for (name, bytes) in small.iter().skip(t).step_by(threads) {
                    check_every_split_point(name, bytes);
                }
            });
        }
    });
}

fn check_every_split_point(name: &str, bytes: &[u8]) {
    let whole = decode_whole(bytes);
    let data_lines = bytes
        .split(|&b| b == b'\n')
        .filter(|line| line.starts_with(b"data:"))
        .count();
    assert_eq!(
        events(&whole).len(),
        data_lines,
        "{name}: one event per data line"
    );
    if name.starts_with("chat-stream") && !name.contains("partial") {
        assert!(
            events(&whole).last().is_some_and(|event| event.is_done()),
            "{name}: chat streams end with [DONE]"
        );
    }
    for k in 0..=bytes.len() {
        let (head, tail) = bytes.split_at(k);
        assert_eq!(
            decode_chunks([head, tail]),
            whole,
            "{name}: split at byte {k}"
        );
    }
    assert_eq!(
        decode_chunks(bytes.chunks(1)),
        whole,
        "{name}: one byte at a time"
    );
}

#[test]
fn image_fixture_with_a_two_megabyte_line_decodes_split_anywhere() {
    let bytes = fixture("chat-stream-image-output-01.sse");
    assert!(bytes.len() > 1_800_000);
    let whole = decode_whole(&bytes);
    let longest = events(&whole)
        .iter()
        .map(|event| event.data.len())
        .max()
        .unwrap_or(0);
    assert!(longest > 1_800_000, "the image line arrives as one event");
    assert_eq!(comments(&whole), 19);
    assert_eq!(events(&whole).len(), 3);
    for i in 0..=50 {
        let k = bytes.len() * i / 50;
        let (head, tail) = bytes.split_at(k);
        assert_eq!(decode_chunks([head, tail]), whole, "split at byte {k}");
    }
    assert_eq!(
        decode_chunks(bytes.chunks(64 * 1024)),
        whole,
        "64 KiB chunks"
    );
    assert_eq!(decode_chunks(bytes.chunks(1400)), whole, "1400-byte chunks");
}

#[test]
fn midstream_error_fixture_items() {
    let items = decode_whole(&fixture("chat-stream-midstream-error-01.sse"));
    assert_eq!(comments(&items[..17]), 17, "17 keep-alives come first");
    assert!(items
        .iter()
        .take(17)
        .all(|item| *item == SseItem::Comment("OPENROUTER PROCESSING".into())));
    let events = events(&items);
    // Three content chunks, the in-band error chunk, then the sentinel.
    assert_eq!(items.len(), 17 + events.len());
    assert_eq!(events.len(), 5);
    assert!(events[3].data.contains(r#""error":{"code":400"#));
    assert!(events[4].is_done());
    assert!(events.iter().all(|e| e.event.is_none() && e.id.is_none()));
}

#[test]
fn responses_fixture_keep_alives_are_empty_comments() {
    let items = decode_whole(&fixture("responses-stream-openai-01.sse"));
    let first = events(&items)
        .first()
        .map(|event| event.data.starts_with(r#"{"type":"response.created""#));
    assert_eq!(first, Some(true));
}

#[test]
fn size_cap_errors_over_and_works_just_under() {
    let payload = "z".repeat(10_000);
    let input = format!("data: {payload}\n\ndata: after\n\n");
    let line = 6 + payload.len();

    let mut fits = SseDecoder::with_max_event_size(line);
    for chunk in input.as_bytes().chunks(777) {
        fits.feed(chunk);
    }
    let first = fits.next_item().expect("fits under the cap");
    assert!(matches!(first, Some(SseItem::Event(ref e)) if e.data == payload));

    let mut over = SseDecoder::with_max_event_size(line - 1);
    let mut results = Vec::new();
    for chunk in input.as_bytes().chunks(777) {
        over.feed(chunk);
        loop {
            match over.next_item() {
                Ok(Some(item)) => results.push(Ok(item)),
                Ok(None) => break,
                Err(err) => results.push(Err(err)),
            }
        }
    }
    let mut after = SseEvent::default();
    after.data = "after".into();
    assert_eq!(
        results,
        vec![
            Err(SseError::EventTooLarge { limit: line - 1 }),
            Ok(SseItem::Event(after))
        ]
    );
}

/// The decoding rules written as plainly as possible over the whole input at once, to check
/// the incremental decoder against.
fn reference_parse(input: &[u8]) -> Vec<SseItem> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let text = String::from_utf8_lossy(input);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(std::mem::take(&mut current));
            }
            '\n' => lines.push(std::mem::take(&mut current)),
            other => current.push(other),
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }

    let mut items = Vec::new();
    let mut data: Option<String> = None;
    let mut event = SseEvent::default();
    for line in lines {
        if line.is_empty() {
            if let Some(data) = data.take() {
                event.data = data;
                items.push(SseItem::Event(std::mem::take(&mut event)));
            }
            event = SseEvent::default();
            continue;
        }
        if let Some(comment) = line.strip_prefix(':') {
            let comment = comment.strip_prefix(' ').unwrap_or(comment);
            items.push(SseItem::Comment(comment.to_owned()));
            continue;
        }
        let (name, value) = match line.split_once(':') {
            Some((name, value)) => (name, value.strip_prefix(' ').unwrap_or(value)),
            None => (line.as_str(), ""),
        };
        match name {
            "data" => match &mut data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => data = Some(value.to_owned()),
            },
            "event" => event.event = Some(value.to_owned()),
            "id" if !value.contains('\0') => event.id = Some(value.to_owned()),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                if let Ok(ms) = value.parse() {
                    event.retry = Some(ms);
                }
            }
            _ => {}
        }
    }
    if let Some(data) = data {
        event.data = data;
        items.push(SseItem::Event(event));
    }
    items
}

/// Text for values: ASCII, colons and spaces (which the field rules care about), multi-byte
/// characters, and now and then a byte that is not valid UTF-8.
fn value_text() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => "[a-z0-9 ]{1,8}".prop_map(String::into_bytes),
        1 => Just(b":".to_vec()),
        1 => Just(b" ".to_vec()),
        1 => Just("é".as_bytes().to_vec()),
        1 => Just("✓".as_bytes().to_vec()),
        1 => Just("日本".as_bytes().to_vec()),
        1 => Just("🦀".as_bytes().to_vec()),
        1 => Just(b"{\"k\":[1,2]}".to_vec()),
        1 => Just(b"[DONE]".to_vec()),
        1 => Just(vec![0xFF]),
        1 => Just(vec![0xE6, 0x97]),
        1 => Just(vec![0]),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

fn line_content() -> impl Strategy<Value = Vec<u8>> {
    let field = |name: &'static str| {
        (value_text(), any::<bool>()).prop_map(move |(value, space)| {
            let mut line = format!("{name}:{}", if space { " " } else { "" }).into_bytes();
            line.extend(value);
            line
        })
    };
    prop_oneof![
        6 => field("data"),
        2 => field("event"),
        2 => field("id"),
        1 => field("retry"),
        1 => "[0-9]{1,22}".prop_map(|digits| format!("retry: {digits}").into_bytes()),
        2 => field(""),
        1 => field("foo"),
        1 => field("dat"),
        1 => prop_oneof![Just("data"), Just("event"), Just("id"), Just("retry"), Just("x")]
            .prop_map(|name| name.as_bytes().to_vec()),
        3 => Just(Vec::new()),
        1 => (1usize..6000, value_text()).prop_map(|(n, tail)| {
            let mut line = b"data: ".to_vec();
            line.extend(vec![b'L'; n]);
            line.extend(tail);
            line
        }),
    ]
}

fn stream_input() -> impl Strategy<Value = Vec<u8>> {
    let terminator = prop_oneof![Just(&b"\n"[..]), Just(&b"\r"[..]), Just(&b"\r\n"[..])];
    (
        any::<bool>(),
        prop::collection::vec((line_content(), terminator), 0..40),
        any::<bool>(),
    )
        .prop_map(|(bom, lines, terminate_last)| {
            let mut input = Vec::new();
            if bom {
                input.extend_from_slice(b"\xEF\xBB\xBF");
            }
            let count = lines.len();
            for (i, (content, terminator)) in lines.into_iter().enumerate() {
                input.extend(content);
                if terminate_last || i + 1 < count {
                    input.extend_from_slice(terminator);
                }
            }
            input
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decoder_matches_reference_parser(
        input in stream_input(),
        sizes in prop::collection::vec(1usize..300, 1..20),
    ) {
        let expected = reference_parse(&input);
        // Cut the input into the given chunk sizes, cycling through them.
        let mut chunks = Vec::new();
        let mut rest = &input[..];
        for size in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (head, tail) = rest.split_at((*size).min(rest.len()));
            chunks.push(head);
            rest = tail;
        }
        prop_assert_eq!(decode_chunks(chunks), expected.clone());
        prop_assert_eq!(decode_whole(&input), expected);
    }
}
