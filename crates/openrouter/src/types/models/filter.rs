//! Client-side filtering of a fetched catalogue.

use super::{Modality, Model, ModelList, ModelParameter, Usd};

/// Criteria a [`Model`] must meet, checked locally with [`ModelFilter::matches`] or
/// [`ModelList::filter`]. Every criterion left unset matches everything.
///
/// A model whose catalogue entry lacks the data a criterion needs (no pricing, no context
/// length) does not match that criterion. Variable prices (`"-1"`) never meet a price cap.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ModelFilter {
    /// Parameters the model must all support.
    pub supported_parameters: Vec<ModelParameter>,
    /// Input modalities the model must all accept.
    pub input_modalities: Vec<Modality>,
    /// Output modalities the model must all produce.
    pub output_modalities: Vec<Modality>,
    /// Highest acceptable price per prompt token.
    pub max_prompt_price: Option<Usd>,
    /// Highest acceptable price per completion token.
    pub max_completion_price: Option<Usd>,
    /// Smallest acceptable context length in tokens.
    pub min_context_length: Option<u64>,
}

impl ModelFilter {
    /// A filter that matches every model.
    pub fn new() -> Self {
        Self::default()
    }

    /// Requires support for `parameter` (may be called several times).
    pub fn supports(mut self, parameter: impl Into<ModelParameter>) -> Self {
        self.supported_parameters.push(parameter.into());
        self
    }

    /// Requires the input modality (may be called several times).
    pub fn input_modality(mut self, modality: impl Into<Modality>) -> Self {
        self.input_modalities.push(modality.into());
        self
    }

    /// Requires the output modality (may be called several times).
    pub fn output_modality(mut self, modality: impl Into<Modality>) -> Self {
        self.output_modalities.push(modality.into());
        self
    }

    /// Caps the price per prompt token.
    pub fn max_prompt_price(mut self, price: Usd) -> Self {
        self.max_prompt_price = Some(price);
        self
    }

    /// Caps the price per completion token.
    pub fn max_completion_price(mut self, price: Usd) -> Self {
        self.max_completion_price = Some(price);
        self
    }

    /// Requires at least `tokens` of context.
    pub fn min_context_length(mut self, tokens: u64) -> Self {
        self.min_context_length = Some(tokens);
        self
    }

    /// Whether `model` meets every criterion.
    pub fn matches(&self, model: &Model) -> bool {
        let architecture = model.architecture.as_ref();
        let has_all = |wanted: &[Modality], have: Option<&Vec<Modality>>| {
            wanted
                .iter()
                .all(|m| have.is_some_and(|have| have.contains(m)))
        };
        let within = |cap: Option<Usd>, price: Option<&super::Price>| match cap {
            None => true,
            Some(cap) => price
                .and_then(super::Price::to_usd)
                .is_some_and(|p| !p.is_negative() && p <= cap),
        };
        let pricing = model.pricing.as_ref();
        self.supported_parameters.iter().all(|p| model.supports(p))
            && has_all(
                &self.input_modalities,
                architecture.and_then(|a| a.input_modalities.as_ref()),
            )
            && has_all(
                &self.output_modalities,
                architecture.and_then(|a| a.output_modalities.as_ref()),
            )
            && within(
                self.max_prompt_price,
                pricing.and_then(|p| p.prompt.as_ref()),
            )
            && within(
                self.max_completion_price,
                pricing.and_then(|p| p.completion.as_ref()),
            )
            && self
                .min_context_length
                .is_none_or(|min| model.context_length.is_some_and(|c| c >= min))
    }
}

impl ModelList {
    /// The models on this page that meet `filter`.
    pub fn filter<'a>(&'a self, filter: &'a ModelFilter) -> impl Iterator<Item = &'a Model> + 'a {
        self.data.iter().filter(move |model| filter.matches(model))
    }

    /// The model with this id, if it is on this page.
    pub fn get(&self, id: &str) -> Option<&Model> {
        self.data.iter().find(|model| model.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> ModelList {
        serde_json::from_value(serde_json::json!({"data": [
            {"id": "a/cheap", "context_length": 8192,
             "architecture": {"input_modalities": ["text"], "output_modalities": ["text"]},
             "pricing": {"prompt": "0.0000001", "completion": "0.0000002"},
             "supported_parameters": ["temperature"]},
            {"id": "b/vision", "context_length": 200000,
             "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]},
             "pricing": {"prompt": "0.000003", "completion": "0.000015"},
             "supported_parameters": ["temperature", "tools"]},
            {"id": "c/router", "context_length": 2000000,
             "pricing": {"prompt": "-1", "completion": "-1"}},
        ]}))
        .unwrap()
    }

    fn ids(list: &ModelList, filter: &ModelFilter) -> Vec<String> {
        list.filter(filter).map(|m| m.id.clone()).collect()
    }

    #[test]
    fn criteria_combine() {
        let list = list();
        assert_eq!(ids(&list, &ModelFilter::new()).len(), 3);
        assert_eq!(
            ids(&list, &ModelFilter::new().supports(ModelParameter::Tools)),
            ["b/vision"]
        );
        assert_eq!(
            ids(&list, &ModelFilter::new().input_modality("image")),
            ["b/vision"]
        );
        assert_eq!(
            ids(&list, &ModelFilter::new().output_modality(Modality::Text)),
            ["a/cheap", "b/vision"]
        );
        let cap = Usd::parse("0.000001").unwrap();
        assert_eq!(
            ids(&list, &ModelFilter::new().max_prompt_price(cap)),
            ["a/cheap"]
        );
        assert_eq!(
            ids(&list, &ModelFilter::new().max_completion_price(cap)),
            ["a/cheap"]
        );
        assert_eq!(
            ids(&list, &ModelFilter::new().min_context_length(100_000)),
            ["b/vision", "c/router"]
        );
        assert!(ids(
            &list,
            &ModelFilter::new()
                .min_context_length(100_000)
                .supports("temperature")
                .max_prompt_price(cap)
        )
        .is_empty());
        assert_eq!(
            list.get("b/vision").map(|m| m.id.as_str()),
            Some("b/vision")
        );
    }
}
