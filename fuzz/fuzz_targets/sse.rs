//! Fuzz target `sse`: the input and what is checked are described on
//! [`openrouter_fuzz::checks::sse`].
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| openrouter_fuzz::checks::sse(input));
