//! The model catalogue.

use crate::target::target;

#[tokio::test]
async fn get_models() {
    let target = target().await;
    let models = target.client.models().list().await.unwrap();
    assert!(models.data.len() > 5);
    assert!(
        models.data.iter().any(|m| m.id == target.model),
        "{} is listed",
        target.model
    );
    target.assert_requests_valid();
}
