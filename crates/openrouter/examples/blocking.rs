//! The blocking client: a plain completion, a streamed one read as an iterator, and a
//! paginated list, with no async code and no runtime in sight.
//!
//! With `OPENROUTER_API_KEY` set it talks to `OPENROUTER_BASE_URL` (default: the real API).
//! Without a key it starts the embedded emulator on a background thread, so it runs on a
//! machine with no network.
//!
//! ```text
//! cargo run -p openrouter --features blocking --example blocking
//! OPENROUTER_API_KEY=sk-or-... OPENROUTER_MODEL=openai/gpt-4o-mini cargo run -p openrouter --features blocking --example blocking
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::io::Write;
use std::process::ExitCode;

use openrouter::blocking::Client;
use openrouter::types::chat::{ChatRequest, Message, Usage};
use openrouter::types::models::ModelsQuery;
use openrouter_mock::MockServer;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> openrouter::Result<()> {
    // Keep the emulator alive for the whole run when we use it.
    let (client, _emulator) = match std::env::var("OPENROUTER_API_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = Emulator::start();
            eprintln!(
                "OPENROUTER_API_KEY is not set: using the embedded OpenRouter emulator at {}",
                emulator.server.base_url()
            );
            let client = Client::builder()
                .api_key(emulator.server.api_key())
                .base_url(emulator.server.base_url())
                .build_blocking()?;
            (client, Some(emulator))
        }
    };
    let model = std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".into());
    let request = ChatRequest::new(
        model.as_str(),
        [
            Message::system("You answer in two sentences at most."),
            Message::user("What is a blocking API?"),
        ],
    )
    .max_tokens(200);

    println!("== {model}, plain ==");
    let result = client.chat().create(&request)?;
    println!("{}", result.text().unwrap_or_default());
    report(result.usage.as_ref());

    println!("\n== {model}, streamed ==");
    let mut accumulator = openrouter::stream::ChatAccumulator::new();
    let mut stdout = std::io::stdout();
    for chunk in client.chat().stream(&request)? {
        let chunk = chunk?;
        print!("{}", chunk.content().unwrap_or_default());
        let _ = stdout.flush();
        accumulator.push(&chunk);
    }
    println!();
    report(accumulator.finish().usage.as_ref());

    println!("\n== the first five models, fetched two per page ==");
    for model in client
        .models()
        .list_all(&ModelsQuery::new())
        .page_size(2)
        .take(5)
    {
        println!("{}", model?.id);
    }
    Ok(())
}

/// The emulator, served by a runtime on its own thread; both stop when this is dropped.
struct Emulator {
    // Declared first: the server shuts down before its runtime goes away.
    server: MockServer,
    _runtime: tokio::runtime::Runtime,
}

impl Emulator {
    fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime for the emulator");
        let server = runtime.block_on(MockServer::start());
        Self {
            server,
            _runtime: runtime,
        }
    }
}

fn report(usage: Option<&Usage>) {
    match usage {
        Some(usage) => println!(
            "[{} prompt + {} completion tokens, cost ${} in credits]",
            usage.prompt_tokens,
            usage.completion_tokens,
            usage
                .cost_f64()
                .map_or_else(|| "unknown".to_owned(), |c| format!("{c:.6}"))
        ),
        None => println!("[no usage reported]"),
    }
}
