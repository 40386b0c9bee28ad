//! Stream events of `POST /responses` with `"stream": true`.
//!
//! One flat struct for all 49 event types (and any type added later): the spec's event
//! schemas share most of their fields, a flat struct decodes without `#[serde(flatten)]`,
//! and an unknown `type` still decodes with its fields kept in `extra`.

use serde_json::Value;

use super::{ResponsesAnnotation, ResponsesOutputContent, ResponsesOutputItem, ResponsesResult};
use crate::types::error::ErrorCode;
use crate::types::lossless::{lossless_struct, WireField};
use crate::types::open_enum::open_enum;

open_enum! {
    /// The `type` of a stream event.
    pub enum ResponsesEventKind {
        /// `response.created`: the response object, empty output.
        Created => "response.created",
        /// `response.in_progress`.
        InProgress => "response.in_progress",
        /// `response.completed`: the final response with output and usage.
        Completed => "response.completed",
        /// `response.incomplete`: the final response, stopped early.
        Incomplete => "response.incomplete",
        /// `response.failed`: ends the stream with an error.
        Failed => "response.failed",
        /// `error`: ends the stream with an error.
        Error => "error",
        /// `response.output_item.added`.
        OutputItemAdded => "response.output_item.added",
        /// `response.output_item.done`.
        OutputItemDone => "response.output_item.done",
        /// `response.content_part.added`.
        ContentPartAdded => "response.content_part.added",
        /// `response.content_part.done`.
        ContentPartDone => "response.content_part.done",
        /// `response.output_text.delta`.
        OutputTextDelta => "response.output_text.delta",
        /// `response.output_text.done`.
        OutputTextDone => "response.output_text.done",
        /// `response.output_text.annotation.added`.
        OutputTextAnnotationAdded => "response.output_text.annotation.added",
        /// `response.refusal.delta`.
        RefusalDelta => "response.refusal.delta",
        /// `response.refusal.done`.
        RefusalDone => "response.refusal.done",
        /// `response.function_call_arguments.delta`.
        FunctionCallArgumentsDelta => "response.function_call_arguments.delta",
        /// `response.function_call_arguments.done` (real streams may carry `""` here).
        FunctionCallArgumentsDone => "response.function_call_arguments.done",
        /// `response.custom_tool_call_input.delta`.
        CustomToolCallInputDelta => "response.custom_tool_call_input.delta",
        /// `response.custom_tool_call_input.done`.
        CustomToolCallInputDone => "response.custom_tool_call_input.done",
        /// `response.reasoning_text.delta`.
        ReasoningTextDelta => "response.reasoning_text.delta",
        /// `response.reasoning_text.done`.
        ReasoningTextDone => "response.reasoning_text.done",
        /// `response.reasoning_summary_part.added`.
        ReasoningSummaryPartAdded => "response.reasoning_summary_part.added",
        /// `response.reasoning_summary_part.done`.
        ReasoningSummaryPartDone => "response.reasoning_summary_part.done",
        /// `response.reasoning_summary_text.delta`.
        ReasoningSummaryTextDelta => "response.reasoning_summary_text.delta",
        /// `response.reasoning_summary_text.done`.
        ReasoningSummaryTextDone => "response.reasoning_summary_text.done",
        /// `response.image_generation_call.in_progress`.
        ImageGenerationCallInProgress => "response.image_generation_call.in_progress",
        /// `response.image_generation_call.generating`.
        ImageGenerationCallGenerating => "response.image_generation_call.generating",
        /// `response.image_generation_call.partial_image`.
        ImageGenerationCallPartialImage => "response.image_generation_call.partial_image",
        /// `response.image_generation_call.completed`.
        ImageGenerationCallCompleted => "response.image_generation_call.completed",
        /// `response.code_interpreter_call.in_progress`.
        CodeInterpreterCallInProgress => "response.code_interpreter_call.in_progress",
        /// `response.code_interpreter_call.interpreting`.
        CodeInterpreterCallInterpreting => "response.code_interpreter_call.interpreting",
        /// `response.code_interpreter_call.completed`.
        CodeInterpreterCallCompleted => "response.code_interpreter_call.completed",
        /// `response.code_interpreter_call_code.delta`.
        CodeInterpreterCallCodeDelta => "response.code_interpreter_call_code.delta",
        /// `response.code_interpreter_call_code.done`.
        CodeInterpreterCallCodeDone => "response.code_interpreter_call_code.done",
        /// `response.web_search_call.in_progress`.
        WebSearchCallInProgress => "response.web_search_call.in_progress",
        /// `response.web_search_call.searching`.
        WebSearchCallSearching => "response.web_search_call.searching",
        /// `response.web_search_call.completed`.
        WebSearchCallCompleted => "response.web_search_call.completed",
        /// `response.apply_patch_call_operation_diff.delta`.
        ApplyPatchCallOperationDiffDelta => "response.apply_patch_call_operation_diff.delta",
        /// `response.apply_patch_call_operation_diff.done`.
        ApplyPatchCallOperationDiffDone => "response.apply_patch_call_operation_diff.done",
        /// `response.fusion_call.in_progress`.
        FusionCallInProgress => "response.fusion_call.in_progress",
        /// `response.fusion_call.completed`.
        FusionCallCompleted => "response.fusion_call.completed",
        /// `response.fusion_call.panel.added`.
        FusionCallPanelAdded => "response.fusion_call.panel.added",
        /// `response.fusion_call.panel.delta`.
        FusionCallPanelDelta => "response.fusion_call.panel.delta",
        /// `response.fusion_call.panel.reasoning.delta`.
        FusionCallPanelReasoningDelta => "response.fusion_call.panel.reasoning.delta",
        /// `response.fusion_call.panel.completed`.
        FusionCallPanelCompleted => "response.fusion_call.panel.completed",
        /// `response.fusion_call.panel.failed`.
        FusionCallPanelFailed => "response.fusion_call.panel.failed",
        /// `response.fusion_call.analysis.in_progress`.
        FusionCallAnalysisInProgress => "response.fusion_call.analysis.in_progress",
        /// `response.fusion_call.analysis.completed`.
        FusionCallAnalysisCompleted => "response.fusion_call.analysis.completed",
        /// `response.debug`: OpenRouter debug output.
        Debug => "response.debug",
    }
}

// An event without `type` decodes as `Other("")` and re-encodes without the key.
impl WireField for ResponsesEventKind {
    fn absent() -> Self {
        ResponsesEventKind::Other(String::new())
    }
    fn is_unset(&self) -> bool {
        matches!(self, ResponsesEventKind::Other(kind) if kind.is_empty())
    }
}

lossless_struct! {
    /// One stream event. Which fields are set depends on [`ResponsesEvent::kind`]; fields of
    /// event types this SDK does not model stay in `extra`.
    pub struct ResponsesEvent {
        /// The event type.
        pub kind: ResponsesEventKind => "type",
        /// Position of the event in the stream.
        pub sequence_number: Option<u64> => "sequence_number",
        /// The response (lifecycle events: created, in progress, completed, incomplete, failed).
        pub response: Option<Box<ResponsesResult>> => "response",
        /// Index of the output item the event is about.
        pub output_index: Option<u32> => "output_index",
        /// Id of the output item the event is about.
        pub item_id: Option<String> => "item_id",
        /// The output item (`output_item.added` / `.done`).
        pub item: Option<ResponsesOutputItem> => "item",
        /// Index of the content part within the item.
        pub content_index: Option<u32> => "content_index",
        /// Index of the summary part within a reasoning item.
        pub summary_index: Option<u32> => "summary_index",
        /// The content part (`content_part.*`, `reasoning_summary_part.*`).
        pub part: Option<ResponsesOutputContent> => "part",
        /// The new text of a `*.delta` event.
        pub delta: Option<String> => "delta",
        /// The full text of a `*.done` text event.
        pub text: Option<String> => "text",
        /// The full arguments of `function_call_arguments.done` (may be `""`).
        pub arguments: Option<String> => "arguments",
        /// The function name (`function_call_arguments.done`).
        pub name: Option<String> => "name",
        /// The full refusal (`refusal.done`).
        pub refusal: Option<String> => "refusal",
        /// The full custom tool input (`custom_tool_call_input.done`).
        pub input: Option<String> => "input",
        /// The annotation (`output_text.annotation.added`).
        pub annotation: Option<ResponsesAnnotation> => "annotation",
        /// Index of the annotation.
        pub annotation_index: Option<u32> => "annotation_index",
        /// Token log probabilities of a text delta.
        pub logprobs: Option<Vec<Value>> => "logprobs",
        /// A partial image, base64 (`image_generation_call.partial_image`).
        pub partial_image_b64: Option<String> => "partial_image_b64",
        /// Index of the partial image.
        pub partial_image_index: Option<u32> => "partial_image_index",
        /// The error code (`error` events).
        pub code: Option<ErrorCode> => "code",
        /// The error message (`error` events).
        pub message: Option<String> => "message",
        /// The request parameter the error is about (`error` events).
        pub param: Option<String> => "param",
        /// An error: a string on `fusion_call.panel.failed`, an object on a mid-stream error
        /// written in the chat error shape.
        pub error: Option<Value> => "error",
    }
}

impl ResponsesEvent {
    /// An event of this kind with no fields set.
    pub fn new(kind: ResponsesEventKind) -> Self {
        let mut event = <Self as WireField>::absent();
        event.kind = kind;
        event
    }

    /// The text delta, when this is a `response.output_text.delta` event.
    pub fn text_delta(&self) -> Option<&str> {
        match self.kind {
            ResponsesEventKind::OutputTextDelta => self.delta.as_deref(),
            _ => None,
        }
    }
}
