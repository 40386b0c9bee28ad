//! Fuzz target `retry_after`: the input and what is checked are described on
//! [`openrouter_fuzz::checks::retry_after`].
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| openrouter_fuzz::checks::retry_after(input));
