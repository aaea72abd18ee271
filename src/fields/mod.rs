//! Document understanding: page text → kind and fields with evidence; packets → documents.
//!
//! OWNER: field extraction work (issue 5). This file is the interface the pipeline calls.

use crate::model::{DocumentKind, Extracted, Understood};

/// Understands one upload. A bound packet yields several documents, each with its
/// `page_range`; an ordinary upload yields one.
pub fn understand(extracted: &Extracted, hint: Option<DocumentKind>) -> Vec<Understood> {
    let _ = extracted;
    vec![Understood {
        kind: hint.unwrap_or(DocumentKind::Other),
        kind_confidence: if hint.is_some() { 0.5 } else { 0.0 },
        fields: Default::default(),
        page_range: None,
        notes: vec![],
    }]
}
