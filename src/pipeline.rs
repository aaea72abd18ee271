//! The stages in a row, shared by the server's jobs and `docverify check`.
//!
//! Per upload: extract (in a killable worker) → understand. Per submission: verify → report.
//! Each upload's stage results are a [`DocumentOutcome`], stored as JSON by the server so a
//! restarted job skips finished documents and rebuilds the same report from them.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::extract::isolated::WorkerPool;
use crate::extract::{PageProgress, Stage};
use crate::model::{DocumentKind, Extracted, Message, TextSource, Understood};
use crate::report::{
    DocumentError, InputDigest, Provenance, Report, ReportDocument, SCHEMA_ID, SubmissionInfo,
};
use crate::verify::capability::HostServices;
use crate::verify::{DocumentInput, Verifier, VerifyInput};

/// How far one document has come, for progress bars and the API status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// `extract`, `ocr`, `fields` …
    pub stage: String,
    pub pages_done: u32,
    pub pages_total: Option<u32>,
}

impl Progress {
    /// The pipeline's view of what the extraction worker reported.
    pub fn from_page(p: PageProgress) -> Progress {
        let stage = match p.stage {
            Stage::Open => "open",
            Stage::Text => "text",
            Stage::Image => "image",
            Stage::Ocr => "ocr",
            Stage::Codes => "codes",
            Stage::Done => "extract",
        };
        // A page counts as done once its last stage finished.
        let done = if p.stage == Stage::Done {
            p.page
        } else {
            p.page.saturating_sub(1)
        };
        Progress {
            stage: stage.into(),
            pages_done: done,
            pages_total: (p.pages > 0).then_some(p.pages),
        }
    }
}

/// What the per-upload stages produced; `extracted` is absent when extraction failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOutcome {
    pub extracted: Option<Extracted>,
    pub understood: Vec<Understood>,
    pub error: Option<DocumentError>,
}

impl DocumentOutcome {
    fn failed(stage: &str, code: &str, zh: String, en: String) -> DocumentOutcome {
        DocumentOutcome {
            extracted: None,
            understood: vec![],
            error: Some(DocumentError {
                stage: stage.into(),
                code: code.into(),
                message: Message { zh, en },
            }),
        }
    }
}

/// One upload with its outcome, as the report needs it.
#[derive(Debug, Clone)]
pub struct UploadOutcome {
    /// `doc-1`, … (packet parts become `doc-1.1`, `doc-1.2`, …).
    pub id: String,
    pub file: String,
    pub sha256: String,
    pub media_type: String,
    pub outcome: DocumentOutcome,
}

/// The stages with their configuration and loaded plugins.
pub struct Pipeline {
    config: Arc<Config>,
    verifier: Verifier,
    /// Extraction workers started ahead, and the CPU slots documents share across all jobs.
    workers: Arc<WorkerPool>,
}

impl Pipeline {
    /// Loads the plugins; fails when a configured plugin cannot be loaded.
    pub fn new(config: Arc<Config>) -> anyhow::Result<Pipeline> {
        // workers start (and warm up) while the plugins load
        let workers = Arc::new(WorkerPool::new(&config.extract, &config.ocr));
        let verifier = Verifier::with_services(&config.plugins, host_services(&config)?)?;
        Ok(Pipeline {
            config,
            verifier,
            workers,
        })
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Extracts and understands one upload. Page images are written into `images_dir` as
    /// `<sha256>.png`.
    ///
    /// A failure caused by the document (unreadable, over a cap, too slow, crashed the
    /// worker) is recorded in the outcome; `Err` means a failure on our side (the worker
    /// could not be started, the disk is full) that a retry may cure.
    pub async fn analyze_document(
        &self,
        path: &Path,
        images_dir: Option<&Path>,
        hint: Option<DocumentKind>,
        progress: impl FnMut(Progress) + Send + 'static,
    ) -> anyhow::Result<DocumentOutcome> {
        let extracted = match self.extract(path, images_dir, progress).await? {
            Ok(e) => e,
            Err(outcome) => return Ok(outcome),
        };
        let for_fields = extracted.clone();
        let understood = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(|| crate::fields::understand(&for_fields, hint))
        })
        .await;
        Ok(match understood {
            Ok(Ok(understood)) => DocumentOutcome {
                extracted: Some(extracted),
                understood,
                error: None,
            },
            _ => DocumentOutcome {
                extracted: Some(extracted),
                understood: vec![],
                error: Some(DocumentError {
                    stage: "fields".into(),
                    code: "fields-crashed".into(),
                    message: Message::new("字段识别出错", "field extraction crashed"),
                }),
            },
        })
    }

    /// Runs extraction (with OCR) in an isolated worker process.
    async fn extract(
        &self,
        path: &Path,
        images_dir: Option<&Path>,
        mut progress: impl FnMut(Progress) + Send + 'static,
    ) -> anyhow::Result<Result<Extracted, DocumentOutcome>> {
        progress(Progress {
            stage: "queued".into(),
            pages_done: 0,
            pages_total: None,
        });
        // The pool waits for a CPU slot (and, for OCR, a place among `ocr.max_concurrent`).
        let workers = self.workers.clone();
        let ocr = self.config.ocr.clone();
        let (path, images_dir) = (path.to_path_buf(), images_dir.map(Path::to_path_buf));
        let result = tokio::task::spawn_blocking(move || {
            workers.extract(&path, images_dir.as_deref(), &ocr, |p| {
                progress(Progress::from_page(p))
            })
        })
        .await?;
        match result {
            Ok(extracted) => Ok(Ok(extracted)),
            Err(e) if !e.is_input_error() => Err(anyhow::anyhow!(e)),
            Err(e) => Ok(Err(DocumentOutcome::failed(
                "extract",
                e.code(),
                e.message_zh(),
                e.to_string(),
            ))),
        }
    }

    /// Rasterises page `number` of an uploaded PDF into `dir` (`<sha256>.png`) in a pooled
    /// worker; returns the sha256. The page image of a born-digital page, made when a
    /// reviewer first opens it rather than for every page in extraction.
    pub async fn render_page(
        &self,
        path: &Path,
        number: u32,
        dir: &Path,
    ) -> anyhow::Result<String> {
        let workers = self.workers.clone();
        let (path, dir) = (path.to_path_buf(), dir.to_path_buf());
        Ok(tokio::task::spawn_blocking(move || workers.render_page(&path, number, &dir)).await??)
    }

    /// Verifies the whole submission and builds its report.
    pub async fn build_report(
        &self,
        submission: SubmissionInfo,
        uploads: &[UploadOutcome],
    ) -> Report {
        let mut documents = Vec::new();
        let mut inputs = Vec::new();
        for upload in uploads {
            inputs.push(InputDigest {
                file: upload.file.clone(),
                sha256: upload.sha256.clone(),
            });
            documents.extend(report_documents(upload));
        }
        let output = self
            .verifier
            .verify(VerifyInput {
                submission: submission.clone(),
                documents: documents.clone(),
            })
            .await;
        let mut parameters = serde_json::Map::new();
        parameters.insert(
            "extract".into(),
            serde_json::to_value(&self.config.extract).unwrap_or_default(),
        );
        parameters.insert(
            "ocr".into(),
            serde_json::to_value(&self.config.ocr).unwrap_or_default(),
        );
        Report {
            schema: SCHEMA_ID.into(),
            verdict: Report::verdict_of(&output.findings),
            submission,
            documents: documents.into_iter().map(|d| d.document).collect(),
            findings: output.findings,
            provenance: Provenance {
                docverify: env!("CARGO_PKG_VERSION").into(),
                plugins: output.plugins,
                parameters,
                inputs,
                lookups: output.lookups,
                generated_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            },
            decisions: Vec::new(),
            reviewed_verdict: None,
        }
    }
}

/// The capability providers: the HTTP lookup unless `[lookup] enabled = false` (offline).
fn host_services(config: &Config) -> anyhow::Result<HostServices> {
    let lookup: Option<Arc<dyn crate::verify::capability::LookupBackend>> = if config.lookup.enabled
    {
        Some(Arc::new(crate::lookup::HttpLookup::new(&config.lookup)?))
    } else {
        None
    };
    Ok(HostServices { lookup })
}

/// The report documents of one upload: one, or one per part of a bound packet.
fn report_documents(upload: &UploadOutcome) -> Vec<DocumentInput> {
    let out = &upload.outcome;
    let pages = out.extracted.as_ref().map_or(&[][..], |e| &e.pages[..]);
    let errors: Vec<DocumentError> = out.error.iter().cloned().collect();
    if out.understood.is_empty() {
        return vec![DocumentInput {
            document: ReportDocument {
                id: upload.id.clone(),
                file: upload.file.clone(),
                sha256: upload.sha256.clone(),
                media_type: upload.media_type.clone(),
                kind: DocumentKind::Other,
                kind_confidence: 0.0,
                pages: pages.len() as u32,
                page_range: None,
                text_source: text_source_of(pages.iter().map(|p| p.text_source)),
                fields: Default::default(),
                codes: pages.iter().flat_map(|p| p.codes.clone()).collect(),
                errors,
                notes: vec![],
            },
            page_texts: pages.iter().map(|p| p.text.clone()).collect(),
        }];
    }
    let split = out.understood.len() > 1;
    out.understood
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let in_range = |n: u32| u.page_range.is_none_or(|[a, b]| n >= a && n <= b);
            let part: Vec<_> = pages.iter().filter(|p| in_range(p.number)).collect();
            DocumentInput {
                document: ReportDocument {
                    id: if split {
                        format!("{}.{}", upload.id, i + 1)
                    } else {
                        upload.id.clone()
                    },
                    file: upload.file.clone(),
                    sha256: upload.sha256.clone(),
                    media_type: upload.media_type.clone(),
                    kind: u.kind,
                    kind_confidence: u.kind_confidence,
                    pages: part.len() as u32,
                    page_range: u.page_range,
                    text_source: text_source_of(part.iter().map(|p| p.text_source)),
                    fields: u.fields.clone(),
                    codes: part.iter().flat_map(|p| p.codes.clone()).collect(),
                    errors: errors.clone(),
                    notes: u.notes.clone(),
                },
                page_texts: part.iter().map(|p| p.text.clone()).collect(),
            }
        })
        .collect()
}

/// A document's text source from its pages'.
fn text_source_of(sources: impl Iterator<Item = TextSource>) -> TextSource {
    let mut seen: Option<TextSource> = None;
    for s in sources.filter(|s| *s != TextSource::None) {
        seen = match seen {
            None => Some(s),
            Some(prev) if prev == s => Some(s),
            Some(_) => return TextSource::Mixed,
        };
    }
    seen.unwrap_or(TextSource::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_source_of_mixed_pages() {
        use TextSource::*;
        assert_eq!(
            text_source_of([TextLayer, TextLayer].into_iter()),
            TextLayer
        );
        assert_eq!(text_source_of([TextLayer, None, Ocr].into_iter()), Mixed);
        assert_eq!(text_source_of([None].into_iter()), None);
        assert_eq!(text_source_of([].into_iter()), None);
    }
}
