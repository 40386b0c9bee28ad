//! Fuzz target `stream_events`: the input and what is checked are described on
//! [`openrouter_fuzz::checks::stream_events`].
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| openrouter_fuzz::checks::stream_events(input));
