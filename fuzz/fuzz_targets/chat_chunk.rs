//! Fuzz target `chat_chunk`: the input and what is checked are described on
//! [`openrouter_fuzz::checks::chat_chunk`].
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| openrouter_fuzz::checks::chat_chunk(input));
