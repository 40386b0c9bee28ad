//! Fuzz target `error_body`: the input and what is checked are described on
//! [`openrouter_fuzz::checks::error_body`].
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| openrouter_fuzz::checks::error_body(input));
