//! Every spec example of the images, audio, videos and files operations, and the `example`
//! of each schema modelled, decodes into the SDK's types and encodes back to the same JSON
//! (nulls aside); unknown fields survive.

use openrouter::types::audio::{
    SpeechRequest, Transcription, TranscriptionRequest, TranscriptionSegment, TranscriptionUsage,
    TranscriptionWord,
};
use openrouter::types::files::{FileDeleted, FileList, FileObject};
use openrouter::types::images::{
    Capability, ImageEndpoint, ImageGenerationRequest, ImageGenerationResponse, ImageModel,
    ImageModelArchitecture, ImageModelEndpoints, ImageModelList, ImagePrice,
    ImageProviderPreferences, ImageReference, ImageStreamEvent, ImageUsage,
};
use openrouter::types::videos::{VideoJob, VideoModel, VideoModelList, VideoRequest, VideoUsage};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn spec() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/openrouter-openapi.yaml"
    );
    let text = std::fs::read_to_string(path).expect("spec file");
    serde_yaml::from_str(&text).expect("spec parses")
}

fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// Numbers compare by value: `1` and `1.0` are the same amount.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(what: &str, json: &Value) {
    let decoded: T = serde_path_to_error::deserialize(json.clone())
        .unwrap_or_else(|err| panic!("{what}: decode failed at {}: {err}", err.path()));
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    let (want, got) = (strip_nulls(json.clone()), strip_nulls(encoded));
    assert!(
        same_json(&want, &got),
        "{what}: round trip changed the JSON\nwant: {want}\ngot:  {got}"
    );
    // An unknown field survives too.
    if let Value::Object(mut map) = json.clone() {
        map.insert("x_future_field".into(), serde_json::json!({"kept": true}));
        let decoded: T =
            serde_json::from_value(Value::Object(map)).expect("decodes with an extra field");
        let encoded = serde_json::to_value(&decoded).unwrap();
        assert_eq!(
            encoded["x_future_field"]["kept"], true,
            "{what}: unknown field lost"
        );
    }
}

fn schema_example(spec: &Value, name: &str) -> Value {
    spec["components"]["schemas"][name]["example"].clone()
}

fn operation<'a>(spec: &'a Value, path: &str, method: &str) -> &'a Value {
    &spec["paths"][path][method]
}

fn request_example(spec: &Value, path: &str, method: &str, content: &str) -> Value {
    operation(spec, path, method)["requestBody"]["content"][content]["example"].clone()
}

fn response_example(spec: &Value, path: &str, method: &str, status: &str, content: &str) -> Value {
    operation(spec, path, method)["responses"][status]["content"][content]["example"].clone()
}

#[test]
fn image_examples_round_trip() {
    let spec = spec();
    round_trip::<ImageGenerationRequest>(
        "POST /images request",
        &request_example(&spec, "/images", "post", "application/json"),
    );
    round_trip::<ImageGenerationResponse>(
        "POST /images 200",
        &response_example(&spec, "/images", "post", "200", "application/json"),
    );
    // The SSE example is `{data: <event>}`: the event is the `data:` payload.
    let sse = response_example(&spec, "/images", "post", "200", "text/event-stream");
    round_trip::<ImageStreamEvent>("POST /images event", &sse["data"]);
    round_trip::<ImageModelList>(
        "GET /images/models 200",
        &response_example(&spec, "/images/models", "get", "200", "application/json"),
    );
    round_trip::<ImageModelEndpoints>(
        "GET endpoints 200",
        &response_example(
            &spec,
            "/images/models/{author}/{slug}/endpoints",
            "get",
            "200",
            "application/json",
        ),
    );
    for (name, check) in [
        (
            "ImageGenerationRequest",
            round_trip::<ImageGenerationRequest> as fn(&str, &Value),
        ),
        (
            "ImageGenerationResponse",
            round_trip::<ImageGenerationResponse>,
        ),
        ("ImageGenerationUsage", round_trip::<ImageUsage>),
        ("ImageGenCompletedEvent", round_trip::<ImageStreamEvent>),
        ("ImageGenPartialImageEvent", round_trip::<ImageStreamEvent>),
        ("ImageGenStreamErrorEvent", round_trip::<ImageStreamEvent>),
        ("ImageGenTextChunkEvent", round_trip::<ImageStreamEvent>),
        (
            "ImageGenerationProviderPreferences",
            round_trip::<ImageProviderPreferences>,
        ),
        ("ContentPartImage", round_trip::<ImageReference>),
        ("ImageModelsListResponse", round_trip::<ImageModelList>),
        ("ImageModelListItem", round_trip::<ImageModel>),
        (
            "ImageModelArchitecture",
            round_trip::<ImageModelArchitecture>,
        ),
        (
            "ImageModelEndpointsResponse",
            round_trip::<ImageModelEndpoints>,
        ),
        ("ImageEndpoint", round_trip::<ImageEndpoint>),
        ("ImagePricingEntry", round_trip::<ImagePrice>),
        ("CapabilityDescriptor", round_trip::<Capability>),
        ("EnumCapability", round_trip::<Capability>),
        ("RangeCapability", round_trip::<Capability>),
        ("BooleanCapability", round_trip::<Capability>),
    ] {
        let example = schema_example(&spec, name);
        assert!(!example.is_null(), "{name} has an example");
        check(name, &example);
    }
}

#[test]
fn audio_examples_round_trip() {
    let spec = spec();
    round_trip::<SpeechRequest>(
        "POST /audio/speech request",
        &request_example(&spec, "/audio/speech", "post", "application/json"),
    );
    round_trip::<TranscriptionRequest>(
        "POST /audio/transcriptions request",
        &request_example(&spec, "/audio/transcriptions", "post", "application/json"),
    );
    round_trip::<Transcription>(
        "POST /audio/transcriptions 200",
        &response_example(
            &spec,
            "/audio/transcriptions",
            "post",
            "200",
            "application/json",
        ),
    );
    for (name, check) in [
        (
            "SpeechRequest",
            round_trip::<SpeechRequest> as fn(&str, &Value),
        ),
        ("STTRequest", round_trip::<TranscriptionRequest>),
        ("STTResponse", round_trip::<Transcription>),
        ("STTUsage", round_trip::<TranscriptionUsage>),
        ("STTSegment", round_trip::<TranscriptionSegment>),
        ("STTWord", round_trip::<TranscriptionWord>),
    ] {
        check(name, &schema_example(&spec, name));
    }
    // The voice-cloning references of SpeechRequest.input_references.
    let refs = spec["components"]["schemas"]["SpeechRequest"]["properties"]["input_references"]
        ["example"]
        .clone();
    let mut request = schema_example(&spec, "SpeechRequest");
    request["input_references"] = refs;
    round_trip::<SpeechRequest>("SpeechRequest with references", &request);
}

#[test]
fn video_examples_round_trip() {
    let spec = spec();
    round_trip::<VideoRequest>(
        "POST /videos request",
        &request_example(&spec, "/videos", "post", "application/json"),
    );
    round_trip::<VideoJob>(
        "POST /videos 202",
        &response_example(&spec, "/videos", "post", "202", "application/json"),
    );
    round_trip::<VideoJob>(
        "GET /videos/{jobId} 200",
        &response_example(&spec, "/videos/{jobId}", "get", "200", "application/json"),
    );
    round_trip::<VideoModelList>(
        "GET /videos/models 200",
        &response_example(&spec, "/videos/models", "get", "200", "application/json"),
    );
    for (name, check) in [
        (
            "VideoGenerationRequest",
            round_trip::<VideoRequest> as fn(&str, &Value),
        ),
        ("VideoGenerationResponse", round_trip::<VideoJob>),
        ("VideoGenerationUsage", round_trip::<VideoUsage>),
        ("VideoModel", round_trip::<VideoModel>),
        ("VideoModelsListResponse", round_trip::<VideoModelList>),
    ] {
        check(name, &schema_example(&spec, name));
    }
}

#[test]
fn file_examples_round_trip() {
    let spec = spec();
    round_trip::<FileList>(
        "GET /files 200",
        &response_example(&spec, "/files", "get", "200", "application/json"),
    );
    round_trip::<FileObject>(
        "POST /files 200",
        &response_example(&spec, "/files", "post", "200", "application/json"),
    );
    round_trip::<FileObject>(
        "GET /files/{file_id} 200",
        &response_example(&spec, "/files/{file_id}", "get", "200", "application/json"),
    );
    round_trip::<FileDeleted>(
        "DELETE /files/{file_id} 200",
        &response_example(
            &spec,
            "/files/{file_id}",
            "delete",
            "200",
            "application/json",
        ),
    );
    for (name, check) in [
        ("FileResponse", round_trip::<FileObject> as fn(&str, &Value)),
        ("OpenRouterFile", round_trip::<FileObject>),
        ("OpenAIFile", round_trip::<FileObject>),
        ("AnthropicFile", round_trip::<FileObject>),
        ("FileListResponse", round_trip::<FileList>),
        ("OpenRouterFileList", round_trip::<FileList>),
        ("OpenAIFileList", round_trip::<FileList>),
        ("AnthropicFileList", round_trip::<FileList>),
        ("FileDeleteResponse", round_trip::<FileDeleted>),
        ("OpenRouterFileDeleted", round_trip::<FileDeleted>),
        ("OpenAIFileDeleted", round_trip::<FileDeleted>),
        ("AnthropicFileDeleted", round_trip::<FileDeleted>),
    ] {
        check(name, &schema_example(&spec, name));
    }
}
