//! Shared helpers of the plugin tests: submissions built field by field, and verifiers whose
//! compiled components are cached under the cargo target dir so that only the first test
//! binary pays for Cranelift.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use docverify::model::{Code, DocumentKind, Evidence, Field, Status, TextSource};
use docverify::report::{DocumentError, ReportDocument, SubmissionInfo};
use docverify::verify::{DocumentInput, PluginsConfig, Verifier, VerifyInput, VerifyOutput};
use serde_json::Value;

/// The applicant of most test submissions.
pub const APPLICANT: &str = "太原市晋阳科技有限公司";

/// A document under construction.
pub struct DocBuilder {
    doc: ReportDocument,
    texts: Vec<String>,
}

/// Starts a document.
pub fn doc(id: &str, kind: DocumentKind) -> DocBuilder {
    DocBuilder {
        doc: ReportDocument {
            id: id.into(),
            file: format!("{id}.pdf"),
            sha256: "0".repeat(64),
            media_type: "application/pdf".into(),
            kind,
            kind_confidence: 0.99,
            pages: 1,
            page_range: None,
            text_source: TextSource::TextLayer,
            fields: BTreeMap::new(),
            codes: Vec::new(),
            errors: Vec::new(),
            notes: Vec::new(),
        },
        texts: vec![format!("{id} 第一页")],
    }
}

impl DocBuilder {
    /// A field read with confidence 0.95.
    pub fn f(self, name: &str, value: Value) -> Self {
        self.weak(name, value, 0.95)
    }

    /// A field read with the given confidence.
    pub fn weak(mut self, name: &str, value: Value, confidence: f32) -> Self {
        self.doc.fields.insert(
            name.into(),
            Field {
                value,
                confidence,
                evidence: Evidence {
                    page: 1,
                    span: [0, 4],
                    bbox: Some([0.1, 0.1, 0.5, 0.15]),
                },
            },
        );
        self
    }

    /// A decoded code on page 1.
    pub fn code(mut self, symbology: &str, text: &str) -> Self {
        self.doc.codes.push(Code {
            symbology: symbology.into(),
            text: text.into(),
            page: 1,
            bbox: None,
        });
        self
    }

    /// The text of each page, in order (a test document has one page saying its id otherwise).
    pub fn pages(mut self, texts: &[&str]) -> Self {
        self.texts = texts.iter().map(|t| t.to_string()).collect();
        self.doc.pages = texts.len() as u32;
        self
    }

    /// An extraction error.
    pub fn error(mut self, stage: &str, code: &str) -> Self {
        self.doc.errors.push(DocumentError {
            stage: stage.into(),
            code: code.into(),
            message: docverify::model::Message::new("错误", "error"),
        });
        self
    }

    pub fn build(self) -> DocumentInput {
        DocumentInput {
            document: self.doc,
            page_texts: self.texts,
        }
    }
}

/// A head lease from `lessor` to `lessee` over the given dates.
pub fn lease(id: &str, lessor: &str, lessee: &str, start: &str, end: &str) -> DocBuilder {
    doc(id, DocumentKind::Lease)
        .f("lessor", lessor.into())
        .f("lessee", lessee.into())
        .f("term_start", start.into())
        .f("term_end", end.into())
        .f("is_sublease", false.into())
}

/// A sublease from `lessor` to `lessee`.
pub fn sublease(id: &str, lessor: &str, lessee: &str, start: &str, end: &str) -> DocBuilder {
    lease(id, lessor, lessee, start, end).f("is_sublease", true.into())
}

/// A 不动产权证书 naming `owner`.
pub fn certificate(id: &str, owner: &str) -> DocBuilder {
    doc(id, DocumentKind::PropertyCertificate)
        .f("owner", owner.into())
        .f("co_ownership", "单独所有".into())
        .f("is_ownership_proof", true.into())
}

/// A special audit report.
pub fn audit(id: &str, firm: &str, entity: &str) -> DocBuilder {
    doc(id, DocumentKind::AuditReport)
        .f("audit_firm", firm.into())
        .f("audited_entity", entity.into())
        .f("is_supplementary", false.into())
}

/// A submission of `applicant` with these documents.
pub fn input(applicant: &str, documents: Vec<DocumentInput>) -> VerifyInput {
    VerifyInput {
        submission: SubmissionInfo {
            id: "sub-test".into(),
            applicant: applicant.into(),
            declared_area_m2: None,
            base_type: None,
            application_date: None,
        },
        documents,
    }
}

/// Where compiled components are cached between test runs.
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("plugin-cache")
}

/// The configuration tests start from: built-ins, the shared cache.
pub fn config() -> PluginsConfig {
    PluginsConfig {
        cache_dir: Some(cache_dir()),
        ..PluginsConfig::default()
    }
}

/// One verifier with the built-ins and default settings, shared by a test binary.
pub fn builtins() -> &'static Verifier {
    static V: OnceLock<Verifier> = OnceLock::new();
    V.get_or_init(|| Verifier::new(&config()).expect("built-in plugins load"))
}

/// Runs a verification to completion from synchronous test code.
pub fn run(v: &Verifier, input: VerifyInput) -> VerifyOutput {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(v.verify(input))
}

/// The statuses of one rule's findings.
pub fn statuses(out: &VerifyOutput, rule: &str) -> Vec<Status> {
    out.findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.status)
        .collect()
}

/// The one finding of a rule (panics with the findings when there is not exactly one).
pub fn only<'a>(out: &'a VerifyOutput, rule: &str) -> &'a docverify::model::Finding {
    let found: Vec<_> = out.findings.iter().filter(|f| f.rule == rule).collect();
    assert_eq!(found.len(), 1, "{rule}: {:#?}", found);
    found[0]
}

/// Where build.rs put the compiled components (built-ins and test plugins).
pub fn plugin_out() -> PathBuf {
    PathBuf::from(docverify::verify::BUILD_OUTPUT_DIR)
}

/// A directory holding copies of the named test plugins (`hostile`, `wasi_filesystem`, …).
pub fn plugin_dir(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in names {
        std::fs::copy(
            plugin_out().join(format!("{n}.wasm")),
            dir.path().join(format!("{n}.wasm")),
        )
        .unwrap();
    }
    dir
}
