//! Server-sent events: response body bytes in, comments and events out.
//!
//! The decoder follows the WHATWG event-stream parsing rules (LF, CR and CRLF line ends, a
//! leading BOM, `field: value` lines, multi-line `data`, comments) and knows nothing about
//! OpenRouter's payloads. Two departures suit an HTTP client better than a browser:
//! comments are surfaced as items (OpenRouter's keep-alives must reset idle timers), and at the
//! end of the body [`SseDecoder::finish`] still delivers a last line without a terminator and a
//! last event without its blank line, because a body cut short should not silently lose data.

use std::borrow::Cow;

/// Default cap on the size of one event, 64 MiB: far above any real payload (a base64 image
/// arrives as a ~2 MB line) while still stopping a runaway stream from exhausting memory.
/// Clients change it with [`ClientBuilder::max_event_size`](crate::ClientBuilder::max_event_size).
pub const DEFAULT_MAX_EVENT_SIZE: usize = 64 * 1024 * 1024;

/// The UTF-8 byte order mark, which the format allows once at the very start of a stream.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One item decoded from an SSE byte stream.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SseItem {
    /// A comment line (`: OPENROUTER PROCESSING`), with the leading colon and one space removed.
    Comment(String),
    /// A complete event, dispatched at a blank line.
    Event(SseEvent),
}

/// A dispatched SSE event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SseEvent {
    /// The `event:` field, if the event had one.
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
    /// The `id:` field, if the event had one (values containing NUL are ignored).
    pub id: Option<String>,
    /// The `retry:` field, if the event had a valid one (ASCII digits only).
    pub retry: Option<u64>,
}

impl SseEvent {
    /// Whether this is the `data: [DONE]` sentinel that ends OpenAI-style streams.
    pub fn is_done(&self) -> bool {
        self.data == "[DONE]"
    }
}

/// The decoder refused the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SseError {
    /// One event grew past the configured cap.
    #[error(
        "an SSE event exceeded {limit} bytes; if the stream is legitimate, raise the cap with \
         ClientBuilder::max_event_size"
    )]
    EventTooLarge {
        /// The cap in bytes.
        limit: usize,
    },
}

/// Incremental SSE decoder.
///
/// Feed it network chunks with [`feed`](Self::feed), drain items with
/// [`next_item`](Self::next_item) until it returns `None`, and at the end of the body drain
/// [`finish`](Self::finish) the same way. Bytes are held until their line is complete, so a
/// UTF-8 character split across chunks arrives intact; invalid UTF-8 becomes U+FFFD.
///
/// The size of an event is the sum of the lengths of its field lines (without line ends); a
/// comment line is held to the same cap on its own. After [`SseError::EventTooLarge`] the
/// decoder drops the rest of the offending event (or comment) without buffering it and
/// carries on with the next one. Where the input is cut into chunks changes neither the
/// items nor the errors, and the buffer never holds more than the cap plus one chunk.
#[derive(Debug)]
pub struct SseDecoder {
    /// Received bytes; everything before `pos` has been consumed.
    buf: Vec<u8>,
    /// Start of the first line not yet consumed.
    pos: usize,
    /// `buf[pos..scan]` is known to hold no line terminator, so a long line arriving in many
    /// chunks is scanned once rather than from its start on every call.
    scan: usize,
    /// The last line ended with a CR at the end of the buffer: an LF arriving next belongs to
    /// it (CRLF split across chunks) and must not count as a blank line.
    after_cr: bool,
    /// Nothing has been consumed yet, so a BOM may still have to be skipped.
    at_start: bool,
    /// Dropping the remainder of an oversized line until its terminator arrives.
    skipping_line: bool,
    /// The event being assembled.
    pending: PendingEvent,
    /// Cap on one event's size in bytes.
    limit: usize,
}

/// Fields of the event being assembled, kept apart from the buffer so a line borrowed from
/// the buffer can be applied without copying it first.
#[derive(Debug, Default)]
struct PendingEvent {
    data: String,
    /// At least one `data` line was seen; only then is the event dispatched.
    has_data: bool,
    event: Option<String>,
    id: Option<String>,
    retry: Option<u64>,
    /// Bytes of field lines so far, checked against the cap.
    size: usize,
    /// The event went over the cap: ignore its remaining fields until its blank line.
    discarding: bool,
}

impl Default for SseDecoder {
    fn default() -> Self {
        Self::with_max_event_size(DEFAULT_MAX_EVENT_SIZE)
    }
}

impl SseDecoder {
    /// A decoder with the default event size cap (64 MiB).
    pub fn new() -> Self {
        Self::default()
    }

    /// A decoder that refuses events larger than `limit` bytes.
    pub fn with_max_event_size(limit: usize) -> Self {
        Self {
            buf: Vec::new(),
            pos: 0,
            scan: 0,
            after_cr: false,
            at_start: true,
            skipping_line: false,
            pending: PendingEvent::default(),
            limit,
        }
    }

    /// Appends bytes received from the network.
    pub fn feed(&mut self, mut bytes: &[u8]) {
        if self.skipping_line {
            // The rest of an oversized line is never buffered: only what follows its end is.
            let Some(end) = find_line_end(bytes) else {
                return;
            };
            self.skipping_line = false;
            self.after_cr = bytes.get(end) == Some(&b'\r');
            bytes = bytes.get(end + 1..).unwrap_or_default();
        }
        self.compact();
        self.buf.extend_from_slice(bytes);
    }

    /// The next complete item, if the buffered bytes hold one.
    ///
    /// # Errors
    /// An event exceeded the size cap. The decoder stays usable: the offending event is
    /// dropped and later calls continue with the next one.
    pub fn next_item(&mut self) -> Result<Option<SseItem>, SseError> {
        self.advance(false)
    }

    /// Call at end of input, repeatedly until it returns `None`: yields what remains, treating
    /// an unterminated last line as complete and dispatching a last event that lacks its
    /// blank line.
    ///
    /// # Errors
    /// An event exceeded the size cap.
    pub fn finish(&mut self) -> Result<Option<SseItem>, SseError> {
        self.advance(true)
    }

    /// Drops consumed bytes when that moves no more than it frees, so the cost of compaction
    /// stays proportional to the input instead of to the buffer size times the chunk count.
    fn compact(&mut self) {
        if self.pos == 0 {
            return;
        }
        let remaining = self.buf.len() - self.pos;
        if remaining == 0 {
            self.buf.clear();
        } else if remaining <= self.pos {
            self.buf.drain(..self.pos);
        } else {
            return;
        }
        self.scan -= self.pos;
        self.pos = 0;
    }

    fn advance(&mut self, eof: bool) -> Result<Option<SseItem>, SseError> {
        if self.at_start && !self.skip_bom(eof) {
            return Ok(None);
        }
        while let Some((start, end)) = self.next_line(eof)? {
            let line = self.buf.get(start..end).unwrap_or_default();
            if let Some(item) = self.pending.apply_line(line, self.limit)? {
                return Ok(Some(item));
            }
        }
        if eof {
            self.after_cr = false;
            self.skipping_line = false;
            return Ok(self.pending.dispatch_at_eof());
        }
        Ok(None)
    }

    /// Skips a BOM at the very start; `false` means more bytes are needed to decide.
    fn skip_bom(&mut self, eof: bool) -> bool {
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        if rest.starts_with(BOM) {
            self.pos += BOM.len();
            self.scan = self.scan.max(self.pos);
        } else if rest.len() < BOM.len() && BOM.starts_with(rest) && !eof {
            return false;
        }
        self.at_start = false;
        true
    }

    /// Finds the next complete line and consumes it with its terminator, returning its range.
    fn next_line(&mut self, eof: bool) -> Result<Option<(usize, usize)>, SseError> {
        if self.after_cr {
            match self.buf.get(self.pos) {
                None => return Ok(None),
                Some(b'\n') => self.pos += 1,
                Some(_) => {}
            }
            self.after_cr = false;
        }
        let from = self.scan.max(self.pos);
        let tail = self.buf.get(from..).unwrap_or_default();
        if let Some(offset) = find_line_end(tail) {
            let end = from + offset;
            let mut next = end + 1;
            if self.buf.get(end) == Some(&b'\r') {
                match self.buf.get(next) {
                    Some(b'\n') => next += 1,
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
            let start = self.pos;
            self.pos = next;
            self.scan = next;
            return Ok(Some((start, end)));
        }
        let len = self.buf.len();
        self.scan = len;
        let partial = len - self.pos;
        if eof {
            if partial == 0 {
                return Ok(None);
            }
            let start = self.pos;
            self.pos = len;
            return Ok(Some((start, len)));
        }
        // Refuse a line that is already too long rather than wait for its end, which may
        // never come; the verdict is the one `apply_line` gives the whole line.
        let comment = self.buf.get(self.pos) == Some(&b':');
        let used = if comment { 0 } else { self.pending.size };
        if used.saturating_add(partial) <= self.limit {
            return Ok(None);
        }
        self.buf.clear();
        self.pos = 0;
        self.scan = 0;
        self.skipping_line = true;
        if comment {
            return Err(SseError::EventTooLarge { limit: self.limit });
        }
        if self.pending.discarding {
            // Its event was refused already: the line would be ignored, so one error it is.
            return Ok(None);
        }
        self.pending.discard();
        Err(SseError::EventTooLarge { limit: self.limit })
    }
}

impl PendingEvent {
    /// Applies one complete line (without its terminator); returns an item when the line
    /// completes one.
    fn apply_line(&mut self, line: &[u8], limit: usize) -> Result<Option<SseItem>, SseError> {
        let (name, value) = match line {
            [] => return Ok(self.dispatch()),
            [b':', comment @ ..] => {
                if line.len() > limit {
                    return Err(SseError::EventTooLarge { limit });
                }
                let text = comment.strip_prefix(b" ").unwrap_or(comment);
                return Ok(Some(SseItem::Comment(lossy(text).into_owned())));
            }
            _ => split_field(line),
        };
        if self.discarding {
            return Ok(None);
        }
        self.size = self.size.saturating_add(line.len());
        if self.size > limit {
            self.discard();
            return Err(SseError::EventTooLarge { limit });
        }
        match name {
            b"data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.has_data = true;
                // One allocation for the common single-line event: the first push into the
                // empty String sizes it to the line.
                self.data.push_str(&lossy(value));
            }
            b"event" => self.event = Some(lossy(value).into_owned()),
            b"id" if !value.contains(&0) => self.id = Some(lossy(value).into_owned()),
            b"retry" if !value.is_empty() && value.iter().all(u8::is_ascii_digit) => {
                // Digits that overflow u64 are as unusable as non-digits: ignore them.
                if let Some(ms) = std::str::from_utf8(value).ok().and_then(|s| s.parse().ok()) {
                    self.retry = Some(ms);
                }
            }
            _ => {}
        }
        Ok(None)
    }

    /// Handles a blank line: dispatches the event if it had data, and starts a new one.
    fn dispatch(&mut self) -> Option<SseItem> {
        let dispatch = self.has_data && !self.discarding;
        let event = SseEvent {
            event: self.event.take(),
            data: std::mem::take(&mut self.data),
            id: self.id.take(),
            retry: self.retry.take(),
        };
        self.has_data = false;
        self.size = 0;
        self.discarding = false;
        dispatch.then_some(SseItem::Event(event))
    }

    /// At end of input, dispatches an event still waiting for its blank line.
    fn dispatch_at_eof(&mut self) -> Option<SseItem> {
        if self.has_data && !self.discarding {
            return self.dispatch();
        }
        *self = Self::default();
        None
    }

    /// Drops an oversized event's fields and ignores the rest of it.
    fn discard(&mut self) {
        *self = Self {
            discarding: true,
            ..Self::default()
        };
    }
}

/// Splits `name:value` at the first colon, removing one space after it; a line without a
/// colon is a field name with an empty value.
fn split_field(line: &[u8]) -> (&[u8], &[u8]) {
    match line.iter().position(|&b| b == b':') {
        Some(colon) => {
            let name = line.get(..colon).unwrap_or_default();
            let value = line.get(colon + 1..).unwrap_or_default();
            (name, value.strip_prefix(b" ").unwrap_or(value))
        }
        None => (line, &[]),
    }
}

/// Text of a line's part; invalid UTF-8 becomes U+FFFD rather than an error, since one bad
/// byte from a provider should not cost the user the whole stream.
fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    // Valid text is the norm; checking it first keeps the replacing path off the hot path.
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Index of the first CR or LF. Checks sixteen bytes at a time with word arithmetic so the
/// long data lines that dominate a stream cost a few operations per word, not per byte.
fn find_line_end(hay: &[u8]) -> Option<usize> {
    const LF: u128 = u128::from_ne_bytes([b'\n'; 16]);
    const CR: u128 = u128::from_ne_bytes([b'\r'; 16]);
    const ONES: u128 = u128::from_ne_bytes([0x01; 16]);
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    let mut rest = hay;
    while let Some((word, tail)) = rest.split_first_chunk::<16>() {
        let word = u128::from_ne_bytes(*word);
        let (lf, cr) = (word ^ LF, word ^ CR);
        // Nonzero iff some byte of `lf` or `cr` is zero (the classic "has zero byte" test).
        if (lf.wrapping_sub(ONES) & !lf | cr.wrapping_sub(ONES) & !cr) & HIGH != 0 {
            break;
        }
        rest = tail;
    }
    let offset = hay.len() - rest.len();
    rest.iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|i| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(data: &str) -> SseItem {
        SseItem::Event(SseEvent {
            data: data.to_owned(),
            ..SseEvent::default()
        })
    }

    fn comment(text: &str) -> SseItem {
        SseItem::Comment(text.to_owned())
    }

    /// Feeds `input` whole and drains everything, including `finish`.
    fn decode(input: &[u8]) -> Vec<SseItem> {
        decode_chunks(&[input])
    }

    fn decode_chunks(chunks: &[&[u8]]) -> Vec<SseItem> {
        let mut decoder = SseDecoder::new();
        let mut items = Vec::new();
        for chunk in chunks {
            decoder.feed(chunk);
            while let Some(item) = decoder.next_item().unwrap() {
                items.push(item);
            }
        }
        while let Some(item) = decoder.finish().unwrap() {
            items.push(item);
        }
        items
    }

    #[test]
    fn single_data_event() {
        assert_eq!(decode(b"data: hello\n\n"), vec![event("hello")]);
    }

    #[test]
    fn line_ends_lf_cr_crlf_mixed() {
        let expected = vec![event("a\nb"), event("c")];
        assert_eq!(decode(b"data: a\ndata: b\n\ndata: c\n\n"), expected);
        assert_eq!(decode(b"data: a\rdata: b\r\rdata: c\r\r"), expected);
        assert_eq!(
            decode(b"data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n"),
            expected
        );
        assert_eq!(decode(b"data: a\rdata: b\r\n\ndata: c\n\r"), expected);
    }

    #[test]
    fn crlf_split_across_feeds_is_one_line_end() {
        let items = decode_chunks(&[b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]);
        assert_eq!(items, vec![event("a\nb")]);
    }

    #[test]
    fn cr_at_end_of_chunk_completes_line_without_waiting() {
        let mut decoder = SseDecoder::new();
        decoder.feed(b"data: x\n\r");
        assert_eq!(decoder.next_item().unwrap(), Some(event("x")));
        decoder.feed(b"\n");
        assert_eq!(decoder.next_item().unwrap(), None);
        assert_eq!(decoder.finish().unwrap(), None);
    }

    #[test]
    fn bom_skipped_only_at_start() {
        assert_eq!(decode(b"\xEF\xBB\xBFdata: a\n\n"), vec![event("a")]);
        let split = decode_chunks(&[b"\xEF", b"\xBB", b"\xBFdata: a\n\n"]);
        assert_eq!(split, vec![event("a")]);
        // A second BOM is part of the field name, which makes the line an unknown field.
        assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBFdata: a\n\n"), vec![]);
    }

    #[test]
    fn one_optional_space_after_colon() {
        assert_eq!(decode(b"data:a\n\n"), vec![event("a")]);
        assert_eq!(decode(b"data:  a\n\n"), vec![event(" a")]);
        assert_eq!(decode(b"data: a: b\n\n"), vec![event("a: b")]);
    }

    #[test]
    fn event_id_retry_fields() {
        let items = decode(b"event: delta\nid: 7\nretry: 1500\ndata: x\n\n");
        let expected = SseItem::Event(SseEvent {
            event: Some("delta".into()),
            data: "x".into(),
            id: Some("7".into()),
            retry: Some(1500),
        });
        assert_eq!(items, vec![expected]);
    }

    #[test]
    fn fields_reset_between_events() {
        let items = decode(b"event: a\nid: 1\ndata: x\n\ndata: y\n\n");
        assert_eq!(items.get(1), Some(&event("y")));
    }

    #[test]
    fn id_with_nul_and_bad_retry_ignored() {
        let items =
            decode(b"id: a\0b\nretry: 12a\nretry: \nretry: 99999999999999999999999\ndata: x\n\n");
        assert_eq!(items, vec![event("x")]);
    }

    #[test]
    fn unknown_and_colonless_fields_ignored() {
        assert_eq!(decode(b"foo: bar\nbaz\ndata: x\n\n"), vec![event("x")]);
    }

    #[test]
    fn colonless_data_line_is_empty_data() {
        assert_eq!(decode(b"data\ndata\n\n"), vec![event("\n")]);
        assert_eq!(decode(b"data\n\n"), vec![event("")]);
    }

    #[test]
    fn comments() {
        let items = decode(b": OPENROUTER PROCESSING\n\n: \n:\n:  two\n:x\n");
        let expected = vec![
            comment("OPENROUTER PROCESSING"),
            comment(""),
            comment(""),
            comment(" two"),
            comment("x"),
        ];
        assert_eq!(items, expected);
    }

    #[test]
    fn comment_inside_event_does_not_break_it() {
        let items = decode(b"data: a\n: ping\ndata: b\n\n");
        assert_eq!(items, vec![comment("ping"), event("a\nb")]);
    }

    #[test]
    fn blank_line_without_data_dispatches_nothing() {
        assert_eq!(
            decode(b"event: x\nid: 3\n\n\n\ndata: y\n\n"),
            vec![event("y")]
        );
    }

    #[test]
    fn finish_dispatches_unterminated_event_and_line() {
        assert_eq!(decode(b"data: a\n"), vec![event("a")]);
        assert_eq!(decode(b"data: a"), vec![event("a")]);
        assert_eq!(decode(b": c"), vec![comment("c")]);
        let mut decoder = SseDecoder::new();
        decoder.feed(b"data: a\n\ndata: b");
        assert_eq!(decoder.next_item().unwrap(), Some(event("a")));
        assert_eq!(decoder.next_item().unwrap(), None);
        assert_eq!(decoder.finish().unwrap(), Some(event("b")));
        assert_eq!(decoder.finish().unwrap(), None);
        assert_eq!(decoder.finish().unwrap(), None);
    }

    #[test]
    fn utf8_split_across_feeds_arrives_intact() {
        let text = "data: é✓日本🦀\n\n".as_bytes();
        for k in 0..text.len() {
            let (a, b) = text.split_at(k);
            assert_eq!(
                decode_chunks(&[a, b]),
                vec![event("é✓日本🦀")],
                "split at {k}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        assert_eq!(decode(b"data: a\xFFb\n\n"), vec![event("a\u{FFFD}b")]);
        assert_eq!(decode(b": \xC3\n"), vec![comment("\u{FFFD}")]);
    }

    #[test]
    fn done_sentinel() {
        let items = decode(b"data: [DONE]\n\ndata: [DONE] \n\n");
        let done: Vec<bool> = items
            .iter()
            .map(|item| matches!(item, SseItem::Event(e) if e.is_done()))
            .collect();
        assert_eq!(done, vec![true, false]);
    }

    #[test]
    fn long_line_in_small_chunks() {
        let payload = "x".repeat(300_000);
        let input = format!("data: {payload}\n\n");
        let chunks: Vec<&[u8]> = input.as_bytes().chunks(1000).collect();
        assert_eq!(decode_chunks(&chunks), vec![event(&payload)]);
    }

    #[test]
    fn size_cap_counts_field_lines() {
        // "data: " + 10 bytes = 16 bytes of line.
        let input = b"data: 0123456789\n\n";
        let mut exact = SseDecoder::with_max_event_size(16);
        exact.feed(input);
        assert_eq!(exact.next_item(), Ok(Some(event("0123456789"))));
        let mut small = SseDecoder::with_max_event_size(15);
        small.feed(input);
        assert_eq!(
            small.next_item(),
            Err(SseError::EventTooLarge { limit: 15 })
        );
    }

    #[test]
    fn size_cap_sums_lines_and_recovers() {
        let mut decoder = SseDecoder::with_max_event_size(20);
        decoder.feed(b"data: 0123456789\ndata: 0123456789\ndata: more\n\ndata: ok\n\n");
        assert_eq!(
            decoder.next_item(),
            Err(SseError::EventTooLarge { limit: 20 })
        );
        assert_eq!(decoder.next_item(), Ok(Some(event("ok"))));
        assert_eq!(decoder.finish(), Ok(None));
    }

    #[test]
    fn oversized_partial_line_is_refused_and_not_buffered() {
        let mut decoder = SseDecoder::with_max_event_size(100);
        decoder.feed(b"data: ");
        decoder.feed(&[b'x'; 200]);
        assert_eq!(
            decoder.next_item(),
            Err(SseError::EventTooLarge { limit: 100 })
        );
        for _ in 0..100 {
            decoder.feed(&[b'y'; 1000]);
            assert_eq!(decoder.next_item(), Ok(None));
        }
        assert!(decoder.buf.capacity() < 1000, "skipped bytes were buffered");
        // The CRLF ending the skipped line is split across feeds; the event it belonged to
        // still ends only at the blank line after it.
        decoder.feed(b"yyy\r");
        decoder.feed(b"\ndata: still discarded\n\ndata: next\n\n");
        assert_eq!(decoder.next_item(), Ok(Some(event("next"))));
    }

    /// Items and errors, draining after every chunk and at the end.
    fn results(chunks: &[&[u8]], limit: usize) -> Vec<Result<SseItem, SseError>> {
        let mut decoder = SseDecoder::with_max_event_size(limit);
        let mut out = Vec::new();
        let mut drain = |decoder: &mut SseDecoder, eof: bool| loop {
            let next = if eof {
                decoder.finish()
            } else {
                decoder.next_item()
            };
            match next {
                Ok(None) => break,
                other => out.push(other.map(Option::unwrap)),
            }
        };
        for chunk in chunks {
            decoder.feed(chunk);
            drain(&mut decoder, false);
        }
        drain(&mut decoder, true);
        out
    }

    fn same_at_every_split(input: &[u8], limit: usize) -> Vec<Result<SseItem, SseError>> {
        let whole = results(&[input], limit);
        for k in 0..=input.len() {
            let (a, b) = input.split_at(k);
            assert_eq!(results(&[a, b], limit), whole, "split at {k}");
        }
        let bytes: Vec<&[u8]> = input.chunks(1).collect();
        assert_eq!(results(&bytes, limit), whole, "byte by byte");
        whole
    }

    #[test]
    fn a_comment_is_capped_on_its_own_whatever_the_chunks() {
        // The event holds 16 bytes; the 14-byte comment inside it fits a cap of 20 on its own.
        // It used to be refused when it arrived in two pieces, as if it counted for the event.
        let input = b"data: 0123456789\n: 0123456789ab\n\n: 0123456789abcdefghij\ndata: x\n\n";
        let items = same_at_every_split(input, 20);
        assert_eq!(
            items,
            vec![
                Ok(comment("0123456789ab")),
                Ok(event("0123456789")),
                Err(SseError::EventTooLarge { limit: 20 }),
                Ok(event("x")),
            ]
        );
    }

    #[test]
    fn one_error_per_oversized_event_whatever_the_chunks() {
        // A second long line of an event already refused used to raise a second error when
        // it arrived in pieces, and none when it arrived whole.
        let input = b"data: 0123456789abc\ndata: 0123456789abcdef\n\ndata: ok\n\n";
        let items = same_at_every_split(input, 10);
        assert_eq!(
            items,
            vec![Err(SseError::EventTooLarge { limit: 10 }), Ok(event("ok"))]
        );
    }

    #[test]
    fn find_line_end_matches_naive_search() {
        let mut hay = vec![b'a'; 40];
        assert_eq!(find_line_end(&hay), None);
        for i in 0..hay.len() {
            for terminator in [b'\n', b'\r'] {
                hay.fill(b'a');
                hay[i] = terminator;
                assert_eq!(find_line_end(&hay), Some(i));
            }
        }
        // Bytes that differ from CR/LF by one bit or have the high bit set are not matches.
        assert_eq!(
            find_line_end(&[0x0b, 0x0c, 0x8a, 0x8d, 0xff, 0x0e, 0x09, 0x00]),
            None
        );
    }
}
