//! `GET /key`.

use crate::target::target;

#[tokio::test]
async fn get_current_key() {
    let target = target().await;
    let key = target.client.key().get().await.unwrap();
    assert!(!key.label.is_empty());
    target.assert_requests_valid();
}
