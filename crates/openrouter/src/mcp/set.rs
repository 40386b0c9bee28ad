//! The tools of one or more MCP servers, by the names the model sees.

use std::collections::HashMap;

use rmcp::{Peer, RoleClient};

use super::error::{McpError, McpErrorKind};
use super::output::McpOutput;
use super::tool::McpTool;
use crate::types::chat::Tool;

/// The tools of one or more MCP servers, in the order the servers listed them.
///
/// Cloning is cheap: clones share the connections to the servers.
#[derive(Debug, Clone, Default)]
pub struct McpTools {
    tools: Vec<McpTool>,
    by_name: HashMap<String, usize>,
}

impl McpTools {
    /// No tools; [`merge`](Self::merge) adds some.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lists every tool of the server behind `peer`, following pages to the end.
    ///
    /// Pass a running `rmcp` client (`&service` derefs to its peer).
    ///
    /// # Errors
    /// [`McpErrorKind::Protocol`] when listing fails (the connection broke, or the server
    /// answered with an error, e.g. because it has no tools), [`McpErrorKind::NameClash`] when
    /// two tools end up with the same name for the model.
    pub async fn load(peer: &Peer<RoleClient>) -> Result<Self, McpError> {
        Self::load_prefixed("", peer).await
    }

    /// Like [`load`](Self::load), with `prefix` put before each tool's name, so that tools of
    /// several servers can be [merged](Self::merge) without clashes (`"github_"` turns
    /// `search` into `github_search`). The MCP server is still called with its own name.
    ///
    /// # Errors
    /// As [`load`](Self::load).
    pub async fn load_prefixed(prefix: &str, peer: &Peer<RoleClient>) -> Result<Self, McpError> {
        let definitions = peer.list_all_tools().await.map_err(McpError::listing)?;
        let mut tools = Self::new();
        for definition in definitions {
            tools.push(McpTool::new(prefix, definition, peer.clone()))?;
        }
        Ok(tools)
    }

    /// Adds one tool.
    ///
    /// # Errors
    /// [`McpErrorKind::NameClash`] when a tool of the same name is already here.
    pub fn push(&mut self, tool: McpTool) -> Result<(), McpError> {
        if let Some(&index) = self.by_name.get(tool.name()) {
            let existing = &self.tools[index];
            return Err(McpError::new(
                McpErrorKind::NameClash,
                format!(
                    "the MCP tools `{}` and `{}` would both be offered as `{}`; load the \
                     servers with different prefixes (McpTools::load_prefixed)",
                    existing.mcp_name(),
                    tool.mcp_name(),
                    tool.name()
                ),
            )
            .for_tool(tool.name()));
        }
        self.by_name
            .insert(tool.name().to_owned(), self.tools.len());
        self.tools.push(tool);
        Ok(())
    }

    /// These tools followed by those of `other`.
    ///
    /// # Errors
    /// [`McpErrorKind::NameClash`] when both have a tool of the same name.
    pub fn merge(mut self, other: McpTools) -> Result<Self, McpError> {
        for tool in other.tools {
            self.push(tool)?;
        }
        Ok(self)
    }

    /// The chat tools to put in a request's `tools`, in order.
    pub fn definitions(&self) -> Vec<Tool> {
        self.tools.iter().map(|t| t.definition().clone()).collect()
    }

    /// The tool the model knows by `name`.
    pub fn get(&self, name: &str) -> Option<&McpTool> {
        self.by_name.get(name).map(|&index| &self.tools[index])
    }

    /// Runs the tool the model called `name` with the arguments it wrote (JSON text).
    ///
    /// # Errors
    /// [`McpErrorKind::UnknownTool`] when no tool has that name (nothing is sent); otherwise
    /// as [`McpTool::call`].
    pub async fn call(&self, name: &str, arguments: &str) -> Result<McpOutput, McpError> {
        match self.get(name) {
            Some(tool) => tool.call(arguments).await,
            None => Err(self.unknown(name)),
        }
    }

    fn unknown(&self, name: &str) -> McpError {
        let known = if self.tools.is_empty() {
            "no tools are loaded".to_owned()
        } else {
            let names: Vec<&str> = self.tools.iter().map(McpTool::name).collect();
            format!("the tools are: {}", names.join(", "))
        };
        McpError::new(
            McpErrorKind::UnknownTool,
            format!("no MCP tool is named `{name}`; {known}"),
        )
        .for_tool(name)
    }

    /// The tools, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, McpTool> {
        self.tools.iter()
    }

    /// How many tools there are.
    pub fn len(&self) -> usize {
        self.tools.len()
    }

    /// Whether there are no tools.
    pub fn is_empty(&self) -> bool {
        self.tools.is_empty()
    }
}

impl IntoIterator for McpTools {
    type Item = McpTool;
    type IntoIter = std::vec::IntoIter<McpTool>;

    fn into_iter(self) -> Self::IntoIter {
        self.tools.into_iter()
    }
}

impl<'a> IntoIterator for &'a McpTools {
    type Item = &'a McpTool;
    type IntoIter = std::slice::Iter<'a, McpTool>;

    fn into_iter(self) -> Self::IntoIter {
        self.tools.iter()
    }
}
