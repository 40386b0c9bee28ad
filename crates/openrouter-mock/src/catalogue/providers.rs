//! The providers the catalogue's models are hosted by, as `GET /providers` describes them.

/// One provider.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Provider {
    /// Display name, as models' `provider` fields and endpoints' `provider_name` spell it.
    pub(crate) name: &'static str,
    pub(crate) slug: &'static str,
    pub(crate) headquarters: &'static str,
    pub(crate) datacenters: &'static [&'static str],
    /// The site the policy links live on.
    pub(crate) site: &'static str,
    /// Whether it keeps no prompts or outputs (zero data retention).
    pub(crate) zdr: bool,
    /// Whether it publishes a status page.
    pub(crate) status_page: bool,
}

const fn p(
    name: &'static str,
    slug: &'static str,
    headquarters: &'static str,
    datacenters: &'static [&'static str],
    site: &'static str,
    zdr: bool,
) -> Provider {
    Provider {
        name,
        slug,
        headquarters,
        datacenters,
        site,
        zdr,
        status_page: true,
    }
}

/// Every provider, alphabetically by slug.
pub(crate) static PROVIDERS: &[Provider] = &[
    p(
        "Alibaba",
        "alibaba",
        "CN",
        &["SG", "US"],
        "alibabacloud.com",
        false,
    ),
    p(
        "Amazon Bedrock",
        "amazon-bedrock",
        "US",
        &["US", "DE", "JP"],
        "aws.amazon.com",
        true,
    ),
    p(
        "Anthropic",
        "anthropic",
        "US",
        &["US"],
        "anthropic.com",
        false,
    ),
    p(
        "Azure",
        "azure",
        "US",
        &["US", "NL", "SE"],
        "azure.microsoft.com",
        true,
    ),
    p(
        "Cerebras",
        "cerebras",
        "US",
        &["US", "CA"],
        "cerebras.ai",
        true,
    ),
    p("Chutes", "chutes", "US", &["US"], "chutes.ai", false),
    p("Cohere", "cohere", "CA", &["US", "CA"], "cohere.com", false),
    p(
        "DeepInfra",
        "deepinfra",
        "US",
        &["US"],
        "deepinfra.com",
        true,
    ),
    p("DeepSeek", "deepseek", "CN", &["CN"], "deepseek.com", false),
    p(
        "Fireworks",
        "fireworks",
        "US",
        &["US", "IS"],
        "fireworks.ai",
        true,
    ),
    p(
        "Google",
        "google-ai-studio",
        "US",
        &["US", "BE"],
        "ai.google.dev",
        false,
    ),
    p(
        "Google Vertex",
        "google-vertex",
        "US",
        &["US", "BE", "NL"],
        "cloud.google.com",
        true,
    ),
    p("Groq", "groq", "US", &["US", "FI"], "groq.com", true),
    p(
        "Mistral",
        "mistral",
        "FR",
        &["FR", "SE"],
        "mistral.ai",
        false,
    ),
    p(
        "Moonshot AI",
        "moonshotai",
        "CN",
        &["CN", "SG"],
        "moonshot.ai",
        false,
    ),
    p(
        "Nebius",
        "nebius",
        "NL",
        &["FI", "NL", "US"],
        "nebius.com",
        true,
    ),
    p("Novita", "novita", "US", &["US"], "novita.ai", false),
    p("OpenAI", "openai", "US", &["US", "IE"], "openai.com", false),
    p("Parasail", "parasail", "US", &["US"], "parasail.io", true),
    p(
        "Perplexity",
        "perplexity",
        "US",
        &["US"],
        "perplexity.ai",
        false,
    ),
    p(
        "SambaNova",
        "sambanova",
        "US",
        &["US"],
        "sambanova.ai",
        true,
    ),
    p("Together", "together", "US", &["US"], "together.ai", true),
    p("Venice", "venice", "US", &["US"], "venice.ai", true),
    p("xAI", "xai", "US", &["US"], "x.ai", false),
    p("Z.AI", "z-ai", "CN", &["SG"], "z.ai", false),
];

/// The provider with this display name or slug.
pub(crate) fn provider(name_or_slug: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|p| {
        p.name.eq_ignore_ascii_case(name_or_slug) || p.slug.eq_ignore_ascii_case(name_or_slug)
    })
}

/// EU member states among the datacenter codes used above.
const EU: &[&str] = &["BE", "DE", "FI", "FR", "IE", "NL", "SE"];

impl Provider {
    /// Whether it runs datacenters in `region` (`eu` or `us`).
    pub(crate) fn in_region(&self, region: &str) -> bool {
        match region {
            "eu" => self.datacenters.iter().any(|d| EU.contains(d)),
            "us" => self.datacenters.contains(&"US"),
            _ => false,
        }
    }

    /// The entry as `GET /providers` lists it.
    pub(crate) fn to_json(self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "slug": self.slug,
            "privacy_policy_url": format!("https://{}/privacy", self.site),
            "terms_of_service_url": format!("https://{}/terms", self.site),
            "status_page_url": self.status_page.then(|| format!("https://status.{}", self.site)),
            "headquarters": self.headquarters,
            "datacenters": self.datacenters,
        })
    }
}
