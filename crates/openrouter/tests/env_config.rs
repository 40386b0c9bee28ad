//! `Client::from_env`. Kept alone in this file: environment variables are process-wide.

use openrouter::{Client, Error};

#[test]
fn from_env_reads_the_key_and_base_url_and_explains_a_missing_key() {
    std::env::remove_var("OPENROUTER_API_KEY");
    std::env::remove_var("OPENROUTER_BASE_URL");
    let error = Client::from_env().unwrap_err();
    assert!(matches!(error, Error::Config(_)));
    assert!(error.to_string().contains("OPENROUTER_API_KEY"));

    std::env::set_var("OPENROUTER_API_KEY", "sk-or-v1-from-env");
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), openrouter::DEFAULT_BASE_URL);

    std::env::set_var("OPENROUTER_BASE_URL", "http://127.0.0.1:9/api/v1/");
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), "http://127.0.0.1:9/api/v1");
    assert!(!format!("{client:?}").contains("sk-or-v1-from-env"));
}
