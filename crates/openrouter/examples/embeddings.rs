//! Embeddings (float and base64), the embedding model list, a rerank and a legacy text
//! completion.
//!
//! With `OPENROUTER_API_KEY` set it talks to the real API; without it, to the embedded
//! emulator.
//!
//! ```text
//! cargo run -p openrouter --example embeddings
//! ```

#![allow(clippy::print_stdout)] // an example prints its results

use std::process::ExitCode;

use futures_util::StreamExt;
use openrouter::types::completions::CompletionRequest;
use openrouter::types::embeddings::{EmbeddingsRequest, EncodingFormat};
use openrouter::types::rerank::RerankRequest;
use openrouter::Client;
use openrouter_mock::MockServer;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (norm(a) * norm(b)).max(f32::EPSILON)
}

async fn run() -> openrouter::Result<()> {
    let (client, _emulator) = match std::env::var("OPENROUTER_API_KEY") {
        Ok(key) if !key.trim().is_empty() => (Client::from_env()?, None),
        _ => {
            let emulator = MockServer::start().await;
            eprintln!("OPENROUTER_API_KEY is not set: using the embedded emulator");
            let client = Client::builder()
                .api_key(emulator.api_key())
                .base_url(emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };

    let mut models = client.embeddings().list_models_all();
    while let Some(model) = models.next().await {
        println!("embedding model: {}", model?.id);
    }

    let texts = vec!["a cat on a mat", "a kitten on a rug", "quarterly tax rules"];
    let request = EmbeddingsRequest::new("openai/text-embedding-3-small", texts.clone())
        .dimensions(256)
        .encoding_format(EncodingFormat::Base64);
    let result = client.embeddings().create(&request).await?;
    let vectors = result.vectors()?;
    for (i, text) in texts.iter().enumerate().skip(1) {
        println!(
            "{:?} ~ {text:?}: {:.3}",
            texts[0],
            cosine(&vectors[0], &vectors[i])
        );
    }

    let rerank = RerankRequest::new(
        "cohere/rerank-v3.5",
        "What is the capital of France?",
        [
            "Berlin is in Germany.",
            "Paris is the capital of France.",
            "Rome has ruins.",
        ],
    )
    .top_n(2);
    for item in client.rerank().create(&rerank).await?.results {
        println!("rerank #{} score {:.3}", item.index, item.relevance_score);
    }

    let completion = CompletionRequest::new("openai/gpt-4o-mini", "The three primary colours are")
        .max_tokens(32);
    let text = client
        .completions()
        .stream(&completion)
        .await?
        .collect_result()
        .await?;
    println!("completion: {}", text.text().unwrap_or_default());
    Ok(())
}
