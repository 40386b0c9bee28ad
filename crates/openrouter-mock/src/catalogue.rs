//! The built-in model catalogue: data first, rendered to the `/models` entry shape on demand.

use serde_json::{json, Map, Value};

mod endpoints;
mod hosted;
mod open_weights;
mod providers;

pub(crate) use endpoints::{endpoint_json, endpoints_of, hosts, mix, spread};
pub(crate) use providers::{provider, PROVIDERS};

/// What the emulator knows about one model.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Model {
    pub(crate) id: &'static str,
    pub(crate) canonical_slug: &'static str,
    /// `None` renders as JSON null; the live API has both `""` and null.
    pub(crate) hugging_face_id: Option<&'static str>,
    pub(crate) name: &'static str,
    pub(crate) created: u64,
    pub(crate) description: &'static str,
    pub(crate) context_length: u64,
    pub(crate) max_completion_tokens: Option<u64>,
    pub(crate) input_modalities: &'static [&'static str],
    pub(crate) output_modalities: &'static [&'static str],
    pub(crate) tokenizer: &'static str,
    pub(crate) instruct_type: Option<&'static str>,
    /// USD per token, as the decimal strings the API uses.
    pub(crate) prompt_price: &'static str,
    pub(crate) completion_price: &'static str,
    pub(crate) cache_read_price: Option<&'static str>,
    pub(crate) cache_write_price: Option<&'static str>,
    pub(crate) provider: &'static str,
    pub(crate) is_moderated: bool,
    pub(crate) tools: bool,
    pub(crate) reasoning: bool,
    pub(crate) knowledge_cutoff: Option<&'static str>,
    /// Providers serving the model besides `provider` (which comes first), by display name.
    pub(crate) also_hosted_by: &'static [&'static str],
}

const TEXT: &[&str] = &["text"];
const TEXT_IMAGE: &[&str] = &["text", "image"];
const TEXT_IMAGE_FILE: &[&str] = &["text", "image", "file"];
const GEMINI_IN: &[&str] = &["text", "image", "file", "audio", "video"];
const EMBEDDINGS: &[&str] = &["embeddings"];

/// A model id that `openrouter/auto` resolves to.
pub(crate) const AUTO_TARGET: &str = "openai/gpt-4o-mini";

const BASE: Model = Model {
    id: "",
    canonical_slug: "",
    hugging_face_id: Some(""),
    name: "",
    created: 0,
    description: "",
    context_length: 128_000,
    max_completion_tokens: None,
    input_modalities: TEXT,
    output_modalities: TEXT,
    tokenizer: "Other",
    instruct_type: None,
    prompt_price: "0",
    completion_price: "0",
    cache_read_price: None,
    cache_write_price: None,
    provider: "",
    is_moderated: false,
    tools: true,
    reasoning: false,
    knowledge_cutoff: None,
    also_hosted_by: &[],
};

/// Every model the emulator serves, in the order `/models` lists them.
pub(crate) static MODELS: &[Model] = &[
    Model {
        id: "openai/gpt-4o",
        canonical_slug: "openai/gpt-4o",
        name: "OpenAI: GPT-4o",
        created: 1_715_367_049,
        description: "GPT-4o (\"o\" for \"omni\") is OpenAI's multimodal model that takes text and image inputs and produces text, matching GPT-4 Turbo's intelligence at lower cost and latency.",
        max_completion_tokens: Some(16_384),
        input_modalities: TEXT_IMAGE_FILE,
        tokenizer: "GPT",
        prompt_price: "0.0000025",
        completion_price: "0.00001",
        cache_read_price: Some("0.00000125"),
        provider: "OpenAI",
        is_moderated: true,
        knowledge_cutoff: Some("2023-10-01"),
        ..BASE
    },
    Model {
        id: "openai/gpt-4o-mini",
        canonical_slug: "openai/gpt-4o-mini",
        name: "OpenAI: GPT-4o-mini",
        created: 1_721_260_800,
        description: "GPT-4o mini is OpenAI's small, affordable multimodal model, accepting text and image inputs with text outputs.",
        max_completion_tokens: Some(16_384),
        input_modalities: TEXT_IMAGE_FILE,
        tokenizer: "GPT",
        prompt_price: "0.00000015",
        completion_price: "0.0000006",
        cache_read_price: Some("0.000000075"),
        provider: "OpenAI",
        is_moderated: true,
        knowledge_cutoff: Some("2023-10-01"),
        ..BASE
    },
    Model {
        id: "openai/gpt-5-nano",
        canonical_slug: "openai/gpt-5-nano-2025-08-07",
        name: "OpenAI: GPT-5 Nano",
        created: 1_754_587_402,
        description: "GPT-5-Nano is the smallest and fastest variant in the GPT-5 system, optimized for developer tools, rapid interactions and low latency.",
        context_length: 400_000,
        max_completion_tokens: Some(128_000),
        input_modalities: TEXT_IMAGE_FILE,
        tokenizer: "GPT",
        prompt_price: "0.00000005",
        completion_price: "0.0000004",
        cache_read_price: Some("0.000000005"),
        provider: "OpenAI",
        is_moderated: true,
        reasoning: true,
        knowledge_cutoff: Some("2024-05-31"),
        ..BASE
    },
    Model {
        id: "anthropic/claude-sonnet-4",
        canonical_slug: "anthropic/claude-4-sonnet-20250522",
        name: "Anthropic: Claude Sonnet 4",
        created: 1_747_930_371,
        description: "Claude Sonnet 4 balances capability and efficiency for coding, reasoning and agentic tasks, with extended thinking available on request.",
        context_length: 200_000,
        max_completion_tokens: Some(64_000),
        input_modalities: TEXT_IMAGE_FILE,
        tokenizer: "Claude",
        prompt_price: "0.000003",
        completion_price: "0.000015",
        cache_read_price: Some("0.0000003"),
        cache_write_price: Some("0.00000375"),
        provider: "Anthropic",
        also_hosted_by: &["Amazon Bedrock", "Google Vertex"],
        is_moderated: true,
        reasoning: true,
        knowledge_cutoff: Some("2025-03-31"),
        ..BASE
    },
    Model {
        id: "google/gemini-2.5-flash",
        canonical_slug: "google/gemini-2.5-flash",
        name: "Google: Gemini 2.5 Flash",
        created: 1_750_172_488,
        description: "Gemini 2.5 Flash is Google's workhorse model for reasoning, coding and maths, with built-in thinking that can be budgeted.",
        context_length: 1_048_576,
        max_completion_tokens: Some(65_535),
        input_modalities: GEMINI_IN,
        tokenizer: "Gemini",
        prompt_price: "0.0000003",
        completion_price: "0.0000025",
        cache_read_price: Some("0.000000075"),
        cache_write_price: Some("0.0000003833"),
        provider: "Google",
        reasoning: true,
        knowledge_cutoff: Some("2025-01-31"),
        ..BASE
    },
    Model {
        id: "meta-llama/llama-3.3-70b-instruct",
        canonical_slug: "meta-llama/llama-3.3-70b-instruct",
        hugging_face_id: Some("meta-llama/Llama-3.3-70B-Instruct"),
        name: "Meta: Llama 3.3 70B Instruct",
        created: 1_733_506_137,
        description: "Llama 3.3 is a 70B multilingual instruction-tuned model optimized for dialogue, outperforming many open and closed chat models on common benchmarks.",
        context_length: 131_072,
        max_completion_tokens: Some(16_384),
        tokenizer: "Llama3",
        instruct_type: Some("llama3"),
        prompt_price: "0.00000013",
        completion_price: "0.00000039",
        provider: "DeepInfra",
        also_hosted_by: &["Together", "Groq"],
        knowledge_cutoff: Some("2023-12-01"),
        ..BASE
    },
    Model {
        id: "meta-llama/llama-3.3-70b-instruct:free",
        canonical_slug: "meta-llama/llama-3.3-70b-instruct",
        hugging_face_id: Some("meta-llama/Llama-3.3-70B-Instruct"),
        name: "Meta: Llama 3.3 70B Instruct (free)",
        created: 1_733_506_137,
        description: "Llama 3.3 is a 70B multilingual instruction-tuned model optimized for dialogue. This free variant has lower rate limits.",
        context_length: 65_536,
        max_completion_tokens: None,
        tokenizer: "Llama3",
        instruct_type: Some("llama3"),
        provider: "Venice",
        tools: false,
        knowledge_cutoff: Some("2023-12-01"),
        ..BASE
    },
    Model {
        id: "mistralai/mistral-small",
        canonical_slug: "mistralai/mistral-small",
        hugging_face_id: None,
        name: "Mistral Small",
        created: 1_704_844_800,
        description: "Mistral Small is a cost-efficient 22B model suited to translation, summarization and sentiment analysis, with function calling.",
        context_length: 32_768,
        tokenizer: "Mistral",
        instruct_type: Some("mistral"),
        prompt_price: "0.0000002",
        completion_price: "0.0000006",
        provider: "Mistral",
        ..BASE
    },
    Model {
        id: "deepseek/deepseek-chat",
        canonical_slug: "deepseek/deepseek-chat-v3",
        hugging_face_id: Some("deepseek-ai/DeepSeek-V3"),
        name: "DeepSeek: DeepSeek V3",
        created: 1_735_241_320,
        description: "DeepSeek-V3 is a mixture-of-experts model pre-trained on nearly 15 trillion tokens, with strong results on reasoning and coding benchmarks.",
        context_length: 163_840,
        max_completion_tokens: Some(163_840),
        tokenizer: "DeepSeek",
        prompt_price: "0.0000003",
        completion_price: "0.00000085",
        provider: "DeepSeek",
        also_hosted_by: &["DeepInfra", "Fireworks"],
        ..BASE
    },
    Model {
        id: "qwen/qwen3-235b-a22b",
        canonical_slug: "qwen/qwen3-235b-a22b-04-28",
        hugging_face_id: Some("Qwen/Qwen3-235B-A22B"),
        name: "Qwen: Qwen3 235B A22B",
        created: 1_745_875_757,
        description: "Qwen3-235B-A22B is a 235B mixture-of-experts model with 22B active parameters that switches between a thinking mode and a fast chat mode.",
        context_length: 40_960,
        max_completion_tokens: Some(40_960),
        tokenizer: "Qwen3",
        instruct_type: Some("qwen3"),
        prompt_price: "0.00000013",
        completion_price: "0.0000006",
        provider: "Together",
        also_hosted_by: &["Fireworks"],
        reasoning: true,
        ..BASE
    },
    Model {
        id: "x-ai/grok-3",
        canonical_slug: "x-ai/grok-3",
        name: "xAI: Grok 3",
        created: 1_749_582_908,
        description: "Grok 3 is xAI's flagship model for enterprise use cases such as data extraction, coding and summarization.",
        context_length: 131_072,
        tokenizer: "Grok",
        prompt_price: "0.000003",
        completion_price: "0.000015",
        cache_read_price: Some("0.00000075"),
        provider: "xAI",
        ..BASE
    },
    Model {
        id: "moonshotai/kimi-k2",
        canonical_slug: "moonshotai/kimi-k2",
        hugging_face_id: Some("moonshotai/Kimi-K2-Instruct"),
        name: "MoonshotAI: Kimi K2",
        created: 1_752_263_252,
        description: "Kimi K2 is a mixture-of-experts model with 1 trillion total parameters and 32B active, tuned for agentic tool use and coding.",
        context_length: 131_072,
        max_completion_tokens: Some(131_072),
        prompt_price: "0.00000055",
        completion_price: "0.0000022",
        provider: "Moonshot AI",
        also_hosted_by: &["Groq"],
        ..BASE
    },
    Model {
        id: "openai/text-embedding-3-small",
        canonical_slug: "openai/text-embedding-3-small",
        name: "OpenAI: Text Embedding 3 Small",
        created: 1_705_953_600,
        description: "text-embedding-3-small is OpenAI's small, efficient embedding model producing 1536-dimensional vectors.",
        context_length: 8_192,
        output_modalities: EMBEDDINGS,
        tokenizer: "GPT",
        prompt_price: "0.00000002",
        provider: "OpenAI",
        tools: false,
        ..BASE
    },
    Model {
        id: "openrouter/auto",
        canonical_slug: "openrouter/auto",
        hugging_face_id: None,
        name: "Auto Router",
        created: 1_699_401_600,
        description: "Your prompt will be processed by a meta-model and routed to one of dozens of models, optimizing for the best possible output. Your response will be priced at the same rate as the routed model.",
        context_length: 2_000_000,
        tokenizer: "Router",
        prompt_price: "-1",
        completion_price: "-1",
        tools: false,
        ..BASE
    },
];

impl Model {
    /// Whether this model answers chat completions (embedding models do not).
    pub(crate) fn is_chat(self) -> bool {
        self.output_modalities.contains(&"text")
    }

    /// Prompt price in USD per token, 0 when the price is not a plain number.
    pub(crate) fn prompt_per_token(self) -> f64 {
        price(self.prompt_price)
    }

    /// Completion price in USD per token, 0 when the price is not a plain number.
    pub(crate) fn completion_per_token(self) -> f64 {
        price(self.completion_price)
    }

    pub(crate) fn supported_parameters(self) -> Vec<&'static str> {
        if self.id == "openrouter/auto" {
            return Vec::new();
        }
        if !self.is_chat() {
            return vec!["dimensions", "encoding_format"];
        }
        let mut params = vec![
            "frequency_penalty",
            "max_tokens",
            "presence_penalty",
            "response_format",
            "seed",
            "stop",
            "structured_outputs",
            "temperature",
            "top_p",
        ];
        if self.tools {
            params.extend(["tool_choice", "tools"]);
        }
        if self.reasoning {
            params.extend(["include_reasoning", "reasoning"]);
        }
        params.sort_unstable();
        params
    }

    /// The `pricing` object, prices as the decimal strings the API uses.
    pub(crate) fn pricing_json(self) -> Value {
        let mut pricing = Map::new();
        pricing.insert("prompt".into(), json!(self.prompt_price));
        pricing.insert("completion".into(), json!(self.completion_price));
        if self.id != "openrouter/auto" {
            for key in ["request", "image", "web_search", "internal_reasoning"] {
                pricing.insert(key.into(), json!("0"));
            }
        }
        if let Some(p) = self.cache_read_price {
            pricing.insert("input_cache_read".into(), json!(p));
        }
        if let Some(p) = self.cache_write_price {
            pricing.insert("input_cache_write".into(), json!(p));
        }
        Value::Object(pricing)
    }

    /// The entry as `GET /models` lists it.
    pub(crate) fn to_json(self) -> Value {
        let pricing = self.pricing_json();
        let modality = format!(
            "{}->{}",
            self.input_modalities.join("+"),
            self.output_modalities.join("+")
        );
        let is_router = self.id == "openrouter/auto";
        json!({
            "id": self.id,
            "canonical_slug": self.canonical_slug,
            "hugging_face_id": self.hugging_face_id,
            "name": self.name,
            "created": self.created,
            "description": self.description,
            "context_length": self.context_length,
            "architecture": {
                "modality": modality,
                "input_modalities": self.input_modalities,
                "output_modalities": self.output_modalities,
                "tokenizer": self.tokenizer,
                "instruct_type": self.instruct_type,
            },
            "pricing": pricing,
            "top_provider": {
                "context_length": if is_router { None } else { Some(self.context_length) },
                "max_completion_tokens": self.max_completion_tokens,
                "is_moderated": self.is_moderated,
            },
            "per_request_limits": null,
            "supported_parameters": self.supported_parameters(),
            "default_parameters": {
                "temperature": null,
                "top_p": null,
                "top_k": null,
                "frequency_penalty": null,
                "presence_penalty": null,
                "repetition_penalty": null,
            },
            "supported_voices": null,
            "knowledge_cutoff": self.knowledge_cutoff,
            "expiration_date": null,
            "links": {
                "details": format!("/api/v1/models/{}/endpoints", self.canonical_slug),
            },
        })
    }
}

fn price(text: &str) -> f64 {
    text.parse::<f64>()
        .ok()
        .filter(|p| *p >= 0.0)
        .unwrap_or(0.0)
}

/// Every model, in the order `/models` lists them.
pub(crate) fn all() -> impl Iterator<Item = &'static Model> {
    MODELS
        .iter()
        .chain(hosted::HOSTED_MODELS)
        .chain(open_weights::OPEN_WEIGHT_MODELS)
}

/// The model with exactly this id.
pub(crate) fn find(id: &str) -> Option<&'static Model> {
    all().find(|m| m.id == id)
}

/// Variant suffixes the live API accepts after any model id.
const VARIANTS: &[&str] = &[
    "thinking", "free", "nitro", "floor", "online", "exacto", "extended",
];

/// Resolve a requested id (maybe with a `:variant` suffix) to a catalogue entry.
pub(crate) fn lookup(id: &str) -> Option<&'static Model> {
    if let Some(m) = find(id) {
        return Some(m);
    }
    let (base, variant) = id.rsplit_once(':')?;
    if VARIANTS.contains(&variant) {
        find(base)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_prices_parse() {
        let models: Vec<&Model> = all().collect();
        assert!(models.len() >= 50, "{} models", models.len());
        for (i, m) in models.iter().enumerate() {
            assert!(models[i + 1..].iter().all(|o| o.id != m.id), "{}", m.id);
            for host in std::iter::once(&m.provider).chain(m.also_hosted_by) {
                assert!(
                    m.id == "openrouter/auto" || provider(host).is_some(),
                    "{}: unknown provider {host}",
                    m.id
                );
            }
            if m.id != "openrouter/auto" {
                assert!(m.prompt_price.parse::<f64>().is_ok(), "{}", m.id);
                assert!(m.completion_price.parse::<f64>().is_ok(), "{}", m.id);
            }
        }
        assert!(find(AUTO_TARGET).is_some());
    }

    #[test]
    fn variants_resolve_to_their_base() {
        assert_eq!(
            lookup("anthropic/claude-sonnet-4:thinking").map(|m| m.id),
            Some("anthropic/claude-sonnet-4")
        );
        assert!(lookup("anthropic/claude-sonnet-4:bogus").is_none());
    }
}
