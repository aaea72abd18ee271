//! Extraction: one upload's bytes → pages with text, page images and codes.
//!
//! OWNER: extraction work (issue 3). This file is the interface the pipeline calls; the
//! implementation behind it is a first cut.

pub mod sniff;

use serde::{Deserialize, Serialize};

use crate::model::{Extracted, Page, TextSource};
pub use sniff::{MediaType, sniff};

/// Limits and switches of the extraction stage (`[extract]` in the configuration).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractConfig {
    /// Wall-clock deadline for one document, in seconds.
    pub deadline_secs: u64,
    /// Largest number of pages read from one document.
    pub max_pages: u32,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            deadline_secs: 120,
            max_pages: 500,
        }
    }
}

/// Why a document could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("unsupported file type: {0}")]
    Unsupported(String),
    #[error("unreadable {media_type}: {reason}")]
    Unreadable { media_type: String, reason: String },
}

impl ExtractError {
    /// Stable machine-readable code for reports and problem details.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::Unsupported(_) => "unsupported-media-type",
            ExtractError::Unreadable { .. } => "unreadable-document",
        }
    }
}

/// Extracts every page of one upload.
pub fn extract(bytes: &[u8], config: &ExtractConfig) -> Result<Extracted, ExtractError> {
    let media = sniff(bytes).ok_or_else(|| ExtractError::Unsupported(sniff::describe(bytes)))?;
    match media {
        MediaType::Pdf => {
            let doc = lopdf::Document::load_mem(bytes).map_err(|e| ExtractError::Unreadable {
                media_type: media.mime().into(),
                reason: e.to_string(),
            })?;
            let mut pages = Vec::new();
            for (number, _) in doc.get_pages().into_iter().take(config.max_pages as usize) {
                let text = doc.extract_text(&[number]).unwrap_or_default();
                let has_text = text.chars().any(|c| !c.is_whitespace());
                pages.push(Page {
                    number,
                    width: 595,
                    height: 842,
                    text,
                    text_source: if has_text {
                        TextSource::TextLayer
                    } else {
                        TextSource::None
                    },
                    spans: vec![],
                    confidence: if has_text { 1.0 } else { 0.0 },
                    codes: vec![],
                    image_sha256: None,
                    warnings: vec![],
                });
            }
            Ok(Extracted {
                media_type: media.mime().into(),
                pages,
            })
        }
        _ => {
            let img = image::load_from_memory(bytes).map_err(|e| ExtractError::Unreadable {
                media_type: media.mime().into(),
                reason: e.to_string(),
            })?;
            Ok(Extracted {
                media_type: media.mime().into(),
                pages: vec![Page {
                    number: 1,
                    width: img.width(),
                    height: img.height(),
                    text: String::new(),
                    text_source: TextSource::None,
                    spans: vec![],
                    confidence: 0.0,
                    codes: vec![],
                    image_sha256: None,
                    warnings: vec![],
                }],
            })
        }
    }
}
