//! [`Toolbox`]: tools by name, their definitions for the request, and dispatch of calls.

use std::fmt;
use std::sync::Arc;

use super::{DynTool, ToolError, ToolResult};
use crate::error::{Error, Result};
use crate::types::chat::Tool;

/// A set of tools with unique names, kept in the order they were added (so requests are
/// stable and prompt caches keep hitting).
///
/// Cloning is cheap: tools are shared.
#[derive(Clone, Default)]
pub struct Toolbox {
    tools: Vec<Arc<dyn DynTool>>,
}

impl Toolbox {
    /// An empty toolbox.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a tool, for chaining: `Toolbox::new().with(a)?.with(b)?`.
    ///
    /// # Errors
    /// As [`Toolbox::add`].
    pub fn with(mut self, tool: impl DynTool + 'static) -> Result<Self> {
        self.add(tool)?;
        Ok(self)
    }

    /// Adds a tool.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when a tool of that name is already here, when the name is
    /// not one providers accept (`a-z A-Z 0-9 _ -`, 1 to 64 characters), when it differs
    /// from the name in the tool's definition, or when the definition's parameters are not
    /// an object schema.
    pub fn add(&mut self, tool: impl DynTool + 'static) -> Result<&mut Self> {
        self.add_shared(Arc::new(tool))
    }

    /// Adds a shared tool.
    ///
    /// # Errors
    /// As [`Toolbox::add`].
    pub fn add_shared(&mut self, tool: Arc<dyn DynTool>) -> Result<&mut Self> {
        check(&*tool)?;
        if self.get(tool.name()).is_some() {
            return Err(Error::InvalidRequest(format!(
                "a tool named `{}` is already in the toolbox; give each tool a unique name",
                tool.name()
            )));
        }
        self.tools.push(tool);
        Ok(self)
    }

    /// Adds every tool of `other`.
    ///
    /// # Errors
    /// As [`Toolbox::add`]; the tools before the offending one stay added.
    pub fn extend(&mut self, other: &Toolbox) -> Result<&mut Self> {
        for tool in &other.tools {
            self.add_shared(Arc::clone(tool))?;
        }
        Ok(self)
    }

    /// The tool with this name.
    pub fn get(&self, name: &str) -> Option<&Arc<dyn DynTool>> {
        self.tools.iter().find(|tool| tool.name() == name)
    }

    /// The names, in the order the tools were added.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.tools.iter().map(|tool| tool.name())
    }

    /// How many tools there are.
    pub fn len(&self) -> usize {
        self.tools.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tools.is_empty()
    }

    /// The definitions to send in the request's `tools`, in the order the tools were added.
    pub fn definitions(&self) -> Vec<Tool> {
        self.tools.iter().map(|tool| tool.definition()).collect()
    }

    /// Runs the tool `name` with the arguments text the model wrote.
    ///
    /// # Errors
    /// [`ToolErrorKind::UnknownTool`](super::ToolErrorKind::UnknownTool) (naming the tools
    /// there are) when no tool has that name; otherwise whatever the tool returns.
    pub async fn call(&self, name: &str, arguments: &str) -> Result<ToolResult, ToolError> {
        match self.get(name) {
            Some(tool) => tool.call(arguments).await,
            None => Err(self.unknown(name)),
        }
    }

    fn unknown(&self, name: &str) -> ToolError {
        let known: Vec<String> = self.names().map(|n| format!("`{n}`")).collect();
        let available = if known.is_empty() {
            "there are no tools".to_owned()
        } else {
            format!("the tools are {}", known.join(", "))
        };
        ToolError::unknown_tool(format!("there is no tool named `{name}`; {available}"))
    }
}

impl fmt::Debug for Toolbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

/// Checks what providers would otherwise reject with a 400 on the first request.
fn check(tool: &dyn DynTool) -> Result<()> {
    let name = tool.name();
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid {
        return Err(Error::InvalidRequest(format!(
            "tool name `{name}` is not accepted by providers: use 1 to 64 of a-z, A-Z, 0-9, `_`, `-`"
        )));
    }
    if let Tool::Function(function) = tool.definition() {
        let function = function.function;
        if function.name != name {
            return Err(Error::InvalidRequest(format!(
                "tool `{name}` has a definition named `{}`; the model calls tools by their \
                 definition's name, so the two must be the same",
                function.name
            )));
        }
        if let Some(parameters) = &function.parameters {
            if !crate::schema::is_object_schema(parameters) {
                return Err(Error::InvalidRequest(format!(
                    "tool `{name}` has parameters that are not an object schema ({parameters}); \
                     providers require an object: use a struct for the arguments \
                     (`openrouter::tools::NoArgs` for none)"
                )));
            }
        }
    }
    Ok(())
}
