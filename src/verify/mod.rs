//! Verification: every enabled plugin, sandboxed in wasmtime, over the whole submission.
//!
//! OWNER: plugin work (issue 6). This file is the interface the pipeline calls.

use serde::{Deserialize, Serialize};

use crate::model::Finding;
use crate::report::{LookupRecord, PluginProvenance, ReportDocument, SubmissionInfo};

/// `[plugins]` in the configuration.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PluginsConfig {
    /// A directory with more plugin components (`*.wasm`) to load besides the built-ins.
    pub dir: Option<std::path::PathBuf>,
}

/// One document as the plugins see it: the report's view plus its page texts.
#[derive(Debug, Clone)]
pub struct DocumentInput {
    pub document: ReportDocument,
    /// Text of each page of the document, in order.
    pub page_texts: Vec<String>,
}

/// The whole submission handed to the plugins.
#[derive(Debug, Clone)]
pub struct VerifyInput {
    pub submission: SubmissionInfo,
    pub documents: Vec<DocumentInput>,
}

/// What verification produced.
#[derive(Debug, Clone, Default)]
pub struct VerifyOutput {
    pub findings: Vec<Finding>,
    pub plugins: Vec<PluginProvenance>,
    pub lookups: Vec<LookupRecord>,
}

/// Loads plugins once and runs them per submission.
pub struct Verifier {
    _config: PluginsConfig,
}

impl Verifier {
    /// Loads (and compiles) the built-in and configured plugins.
    pub fn new(config: &PluginsConfig) -> anyhow::Result<Verifier> {
        Ok(Verifier {
            _config: config.clone(),
        })
    }

    /// Runs every enabled plugin over the submission.
    pub async fn verify(&self, input: VerifyInput) -> VerifyOutput {
        let _ = input;
        VerifyOutput::default()
    }
}
