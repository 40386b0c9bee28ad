//! Placeholder: the OpenRouter emulator.
