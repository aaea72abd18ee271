//! Chinese OCR of page images (PP-OCR models run with rten).
//!
//! OWNER: OCR work (issue 4). This file is the interface extraction calls.

use serde::{Deserialize, Serialize};

use crate::model::TextSpan;

/// `[ocr]` in the configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OcrConfig {
    /// Turn OCR off (pages without a text layer then have no text).
    pub enabled: bool,
}

impl Default for OcrConfig {
    fn default() -> Self {
        OcrConfig { enabled: true }
    }
}

/// The text read from one page image.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    /// Lines in reading order, separated by `\n`.
    pub text: String,
    /// Positioned runs of `text` with their confidence.
    pub spans: Vec<TextSpan>,
    /// Mean confidence over all characters.
    pub confidence: f32,
}

/// Why OCR did not run.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    #[error("OCR is not available: {0}")]
    Unavailable(String),
}

/// Reads the text of a page image.
pub fn recognize(_image: &image::DynamicImage, config: &OcrConfig) -> Result<OcrPage, OcrError> {
    if !config.enabled {
        return Err(OcrError::Unavailable("disabled in configuration".into()));
    }
    Err(OcrError::Unavailable("no OCR engine built in yet".into()))
}
