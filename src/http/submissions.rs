//! Reading submissions: status with per-document progress, the report, the original uploads
//! and page images.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tokio_util::io::ReaderStream;

use super::{ApiError, AppState};
use crate::pipeline::DocumentOutcome;
use crate::store::{DocumentRow, ListQuery, ProcessingStatus, SubmissionRow};

/// A submission's status, progress and (when done) report.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubmissionStatus {
    pub id: String,
    pub applicant: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_area_m2: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_type: Option<String>,
    pub status: ProcessingStatus,
    /// `pass`, `fail` or `review` once done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// Why processing failed, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub progress: Progress,
    pub documents: Vec<DocumentStatus>,
    /// The `docverify.report/v1` report, once done (schema at `/api/v1/schemas/report-v1.json`),
    /// with the reviewers' decisions attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub report: Option<serde_json::Value>,
    /// Reviewers' decisions, oldest first (also in the report).
    pub decisions: Vec<crate::report::Decision>,
    /// The verdict with the decisions in effect applied; absent until someone decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_verdict: Option<String>,
}

/// Documents finished out of all.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub documents_done: usize,
    pub documents_total: usize,
}

/// One uploaded document's progress.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentStatus {
    pub id: String,
    pub file: String,
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_hint: Option<String>,
    pub status: ProcessingStatus,
    /// The stage running now (`extract`, `ocr`, `fields`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    pub pages_done: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages_total: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<DocumentErrorBody>,
}

/// Why a document failed.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentErrorBody {
    pub code: String,
    pub message: String,
}

/// One page of the submission list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubmissionList {
    pub items: Vec<SubmissionSummary>,
    /// Pass as `after` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_after: Option<String>,
}

/// A submission in the list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubmissionSummary {
    pub id: String,
    pub applicant: String,
    pub status: ProcessingStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// How many reviewer decisions were recorded.
    pub decisions: i64,
    /// The verdict with the decisions in effect applied, when there are any (the `verdict`
    /// filter matches the machine's verdict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_verdict: Option<String>,
    /// Documents finished out of all, while the submission is queued or processing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

/// Query of the submission list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page size, 1–200 (default 50).
    pub limit: Option<u32>,
    /// The `next_after` of the previous page.
    pub after: Option<String>,
    /// `queued`, `processing`, `done` or `failed`.
    pub status: Option<String>,
    /// `pass`, `fail` or `review`.
    pub verdict: Option<String>,
    /// Part of the applicant's name.
    pub applicant: Option<String>,
}

fn document_status(d: &DocumentRow) -> DocumentStatus {
    DocumentStatus {
        id: d.id.clone(),
        file: d.file_name.clone(),
        sha256: d.sha256.clone(),
        media_type: d.media_type.clone(),
        size_bytes: d.size_bytes,
        kind_hint: d.kind_hint.clone(),
        status: d.status,
        stage: d.stage.clone(),
        pages_done: d.pages_done,
        pages_total: d.pages_total,
        error: d.error_code.as_ref().map(|code| DocumentErrorBody {
            code: code.clone(),
            message: d.error_message.clone().unwrap_or_default(),
        }),
    }
}

async fn load(state: &AppState, id: &str) -> Result<SubmissionRow, ApiError> {
    state
        .jobs
        .store
        .get_submission(id)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "submission",
            id: id.to_string(),
        })
}

/// A submission's status, per-document progress and report.
#[utoipa::path(
    get, path = "/api/v1/submissions/{id}",
    params(("id" = String, Path, description = "submission id")),
    responses((status = 200, body = SubmissionStatus), (status = 404, body = super::error::Problem)),
    tag = "submissions"
)]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SubmissionStatus>, ApiError> {
    let sub = load(&state, &id).await?;
    let docs = state.jobs.store.list_documents(&id).await?;
    let (report, decisions) = super::decisions::report_with_decisions(&state, &sub).await?;
    let reviewed_verdict = report
        .as_ref()
        .and_then(|r| r.reviewed_verdict)
        .map(|v| verdict_str(v).to_string());
    // Through text, not `to_value`: f32 members (confidences, boxes) keep their short
    // spelling, exactly as `/report` and the stored report write them.
    let report = report
        .map(|r| serde_json::to_string(&r).and_then(|j| serde_json::from_str(&j)))
        .transpose()
        .map_err(anyhow::Error::from)?;
    Ok(Json(SubmissionStatus {
        id: sub.id,
        applicant: sub.applicant,
        declared_area_m2: sub.declared_area_m2,
        base_type: sub.base_type,
        status: sub.status,
        verdict: sub.verdict,
        error: sub.error,
        created_at: sub.created_at,
        updated_at: sub.updated_at,
        progress: progress(&docs),
        documents: docs.iter().map(document_status).collect(),
        report,
        decisions,
        reviewed_verdict,
    }))
}

fn progress(docs: &[DocumentRow]) -> Progress {
    Progress {
        documents_done: docs
            .iter()
            .filter(|d| matches!(d.status, ProcessingStatus::Done | ProcessingStatus::Failed))
            .count(),
        documents_total: docs.len(),
    }
}

fn verdict_str(v: crate::model::Verdict) -> &'static str {
    match v {
        crate::model::Verdict::Pass => "pass",
        crate::model::Verdict::Review => "review",
        crate::model::Verdict::Fail => "fail",
    }
}

/// The report alone, with the reviewers' decisions attached (404 until the submission is done).
#[utoipa::path(
    get, path = "/api/v1/submissions/{id}/report",
    params(("id" = String, Path, description = "submission id")),
    responses((status = 200, description = "docverify.report/v1", body = Object), (status = 404, body = super::error::Problem)),
    tag = "submissions"
)]
pub async fn report(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let sub = load(&state, &id).await?;
    if sub.decisions > 0
        && let (Some(report), _) = super::decisions::report_with_decisions(&state, &sub).await?
    {
        return Ok(Json(report).into_response());
    }
    // No decisions: the stored report byte for byte.
    let json = sub.report_json.ok_or(ApiError::NotFound {
        what: "report",
        id: id.clone(),
    })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

/// Newest first, paginated, with filters.
#[utoipa::path(
    get, path = "/api/v1/submissions",
    params(ListParams),
    responses((status = 200, body = SubmissionList), (status = 400, body = super::error::Problem)),
    tag = "submissions"
)]
pub async fn list(
    State(state): State<AppState>,
    Query(p): Query<ListParams>,
) -> Result<Json<SubmissionList>, ApiError> {
    let limit = p.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::BadQuery {
            zh: "limit 应在 1 到 200 之间".into(),
            en: "limit must be between 1 and 200".into(),
        });
    }
    let status = match p.status.as_deref() {
        None | Some("") => None,
        Some(s) => Some(
            ProcessingStatus::parse(s).ok_or_else(|| ApiError::BadQuery {
                zh: format!("未知的状态：{s}"),
                en: format!("unknown status {s:?}; use queued, processing, done or failed"),
            })?,
        ),
    };
    let verdict = match p.verdict.as_deref() {
        None | Some("") => None,
        Some(v @ ("pass" | "fail" | "review")) => Some(v.to_string()),
        Some(v) => {
            return Err(ApiError::BadQuery {
                zh: format!("未知的结论：{v}"),
                en: format!("unknown verdict {v:?}; use pass, fail or review"),
            });
        }
    };
    let rows = state
        .jobs
        .store
        .list_submissions(&ListQuery {
            limit: limit + 1,
            after: p.after.filter(|a| !a.is_empty()),
            status,
            verdict,
            applicant: p.applicant.filter(|a| !a.trim().is_empty()),
        })
        .await?;
    let more = rows.len() > limit as usize;
    let mut items: Vec<SubmissionSummary> = Vec::with_capacity(rows.len());
    for s in rows.into_iter().take(limit as usize) {
        // Live progress only for the few still under way.
        let progress = match s.status {
            ProcessingStatus::Queued | ProcessingStatus::Processing => {
                Some(progress(&state.jobs.store.list_documents(&s.id).await?))
            }
            _ => None,
        };
        let reviewed_verdict = if s.decisions > 0 {
            super::decisions::report_with_decisions(&state, &s)
                .await?
                .0
                .and_then(|r| r.reviewed_verdict)
                .map(|v| verdict_str(v).to_string())
        } else {
            None
        };
        items.push(SubmissionSummary {
            id: s.id,
            applicant: s.applicant,
            status: s.status,
            verdict: s.verdict,
            created_at: s.created_at,
            updated_at: s.updated_at,
            decisions: s.decisions,
            reviewed_verdict,
            progress,
        });
    }
    let next_after = if more {
        items.last().map(|s| s.id.clone())
    } else {
        None
    };
    Ok(Json(SubmissionList { items, next_after }))
}

/// Finds an upload by its id, or by the id of a part of a bound packet (`doc-1.2`).
async fn find_document(state: &AppState, id: &str, doc: &str) -> Result<DocumentRow, ApiError> {
    load(state, id).await?;
    let upload_id = doc.split('.').next().unwrap_or(doc);
    state
        .jobs
        .store
        .list_documents(id)
        .await?
        .into_iter()
        .find(|d| d.id == upload_id)
        .ok_or_else(|| ApiError::NotFound {
            what: "document",
            id: doc.to_string(),
        })
}

async fn stream_blob(
    state: &AppState,
    sha256: &str,
    content_type: &str,
    disposition: Option<String>,
) -> Result<Response, ApiError> {
    let path = state.jobs.blobs.local_path(sha256).await?;
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let len = file
        .metadata()
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .len();
    let mut resp = Body::from_stream(ReaderStream::new(file)).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).map_err(anyhow::Error::from)?,
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(
        header::ETAG,
        HeaderValue::from_str(&format!("\"{sha256}\"")).map_err(anyhow::Error::from)?,
    );
    if let Some(d) = disposition {
        h.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&d).map_err(anyhow::Error::from)?,
        );
    }
    Ok(resp)
}

/// The original upload, byte for byte.
#[utoipa::path(
    get, path = "/api/v1/submissions/{id}/documents/{doc}/file",
    params(("id" = String, Path, description = "submission id"), ("doc" = String, Path, description = "document id")),
    responses((status = 200, description = "the uploaded bytes", content_type = "application/octet-stream"), (status = 404, body = super::error::Problem)),
    tag = "submissions"
)]
pub async fn document_file(
    State(state): State<AppState>,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let d = find_document(&state, &id, &doc).await?;
    // RFC 5987 encoding keeps Chinese file names intact.
    let encoded: String = d
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    stream_blob(
        &state,
        &d.sha256,
        &d.media_type,
        Some(format!("attachment; filename*=UTF-8''{encoded}")),
    )
    .await
}

/// The image of one page (PNG), as kept for evidence; a born-digital page is rendered the
/// first time it is asked for.
#[utoipa::path(
    get, path = "/api/v1/submissions/{id}/documents/{doc}/pages/{page}/image",
    params(("id" = String, Path, description = "submission id"), ("doc" = String, Path, description = "document id"),
           ("page" = u32, Path, description = "1-based page number within the upload")),
    responses((status = 200, description = "PNG image", content_type = "image/png"), (status = 404, body = super::error::Problem)),
    tag = "submissions"
)]
pub async fn page_image(
    State(state): State<AppState>,
    Path((id, doc, page)): Path<(String, String, u32)>,
) -> Result<Response, ApiError> {
    let d = find_document(&state, &id, &doc).await?;
    let not_found = || ApiError::NotFound {
        what: "page",
        id: format!("{doc}/{page}"),
    };
    let outcome: DocumentOutcome = match &d.result_json {
        Some(j) => serde_json::from_str(j).map_err(anyhow::Error::from)?,
        None => return Err(not_found()),
    };
    let kept = outcome
        .extracted
        .and_then(|e| e.pages.into_iter().find(|p| p.number == page))
        .ok_or_else(not_found)?
        .image_sha256;
    let sha = match kept {
        Some(sha) => sha,
        // a born-digital page read without its pixels: rendered now, once
        None if d.media_type == "application/pdf" => rendered_page(&state, &d.sha256, page).await?,
        None => return Err(not_found()),
    };
    if !state.jobs.blobs.exists(&sha).await? {
        return Err(not_found());
    }
    stream_blob(&state, &sha, "image/png", None).await
}

/// The image of a page extraction did not rasterise (it read the page's text layer and
/// pictures without), rendered in an extraction worker the first time it is asked for and
/// kept: the image in the blob store, which image it is in `<data_dir>/cache/pages`.
async fn rendered_page(state: &AppState, doc_sha: &str, page: u32) -> Result<String, ApiError> {
    let config = state.jobs.pipeline.config();
    let index = config
        .storage
        .data_dir
        .join("cache/pages")
        .join(format!("{doc_sha}-{page}-{}dpi", config.extract.render_dpi));
    if let Ok(sha) = tokio::fs::read_to_string(&index).await {
        let sha = sha.trim();
        if sha.len() == 64
            && sha.bytes().all(|b| b.is_ascii_hexdigit())
            && state.jobs.blobs.exists(sha).await?
        {
            return Ok(sha.to_string());
        }
    }
    let source = state.jobs.blobs.local_path(doc_sha).await?;
    let scratch =
        tempfile::tempdir_in(state.jobs.blobs.scratch_dir()).map_err(anyhow::Error::from)?;
    let sha = state
        .jobs
        .pipeline
        .render_page(&source, page, scratch.path())
        .await?;
    state
        .jobs
        .blobs
        .put_file(&scratch.path().join(format!("{sha}.png")), &sha)
        .await?;
    // the index is a cache: a failure to write it costs a render next time, nothing more
    let written = async {
        let dir = index.parent().expect("index has a folder");
        tokio::fs::create_dir_all(dir).await?;
        let tmp = dir.join(format!(".{}.tmp", uuid::Uuid::new_v4()));
        tokio::fs::write(&tmp, &sha).await?;
        tokio::fs::rename(&tmp, &index).await
    };
    if let Err(e) = written.await {
        tracing::warn!(error = %e, "could not remember a rendered page image");
    }
    Ok(sha)
}
