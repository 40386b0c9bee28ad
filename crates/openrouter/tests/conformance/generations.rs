//! `/generation`: records of completions, their content, and feedback.

use std::time::Duration;

use openrouter::types::chat::{ChatRequest, Message};
use openrouter::types::generations::{Generation, GenerationFeedbackRequest};

use crate::keys::can_mutate;
use crate::target::{target, Target};

/// Runs a short completion and returns its generation id.
async fn completion(target: &Target) -> String {
    let request = ChatRequest::new(target.model.as_str(), [Message::user("Say ok")]).max_tokens(16);
    target.client.chat().create(&request).await.unwrap().id
}

/// Looks a generation up, waiting a little on a real server where records appear late.
async fn lookup(target: &Target, id: &str) -> Generation {
    let mut attempt = 0;
    loop {
        match target.client.generations().get(id).await {
            Ok(generation) => return generation,
            Err(error)
                if !target.emulated
                    && attempt < 10
                    && error.status().map(|s| s.as_u16()) == Some(404) =>
            {
                attempt += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(error) => panic!("{error:?}"),
        }
    }
}

#[tokio::test]
async fn get_generation() {
    let target = target().await;
    let id = completion(&target).await;
    let generation = lookup(&target, &id).await;
    assert_eq!(generation.id.as_deref(), Some(id.as_str()));
}

#[tokio::test]
async fn list_generation_content() {
    let target = target().await;
    let id = completion(&target).await;
    lookup(&target, &id).await;
    match target.client.generations().content(&id).await {
        Ok(content) => assert!(content.output.is_some()),
        // Accounts that do not store prompts answer 403 or 404.
        Err(error)
            if !target.emulated
                && matches!(error.status().map(|s| s.as_u16()), Some(403 | 404)) => {}
        Err(error) => panic!("{error:?}"),
    }
}

#[tokio::test]
async fn submit_generation_feedback() {
    let target = target().await;
    if !can_mutate(&target, "submit_generation_feedback") {
        return;
    }
    let id = completion(&target).await;
    lookup(&target, &id).await;
    let feedback = GenerationFeedbackRequest::new(&id, "other").comment("conformance test");
    let result = target
        .client
        .generations()
        .submit_feedback(&feedback)
        .await
        .unwrap();
    assert_eq!(result.success, Some(true));
}
