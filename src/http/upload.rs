//! `POST /api/v1/submissions`: a multipart upload streamed to scratch files, validated whole,
//! then committed (blobs synced, rows in one transaction) before the `202`.
//!
//! What must hold: nothing is kept from a rejected upload — files stay in scratch until every
//! part is read and accepted, and the scratch files are removed on every error path.

use std::path::PathBuf;

use axum::Json;
use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::{ApiError, AppState};
use crate::extract::sniff;
use crate::model::DocumentKind;
use crate::store::{NewDocument, NewSubmission};

/// The answer to an accepted upload.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Accepted {
    pub id: String,
    /// Always `queued`.
    pub status: String,
    /// Where to poll: `/api/v1/submissions/{id}`.
    pub location: String,
    pub documents: Vec<AcceptedDocument>,
}

/// One accepted file.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AcceptedDocument {
    pub id: String,
    pub file: String,
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_hint: Option<String>,
}

/// The multipart form, documented for OpenAPI.
#[allow(dead_code)]
#[derive(utoipa::ToSchema)]
pub struct UploadForm {
    /// 申报单位 — the applicant unit's name (required).
    applicant: String,
    /// Declared site area in square metres.
    declared_area_m2: Option<f64>,
    /// Base type (e.g. 创业创新基地).
    base_type: Option<String>,
    /// One or more files: PDF, JPEG, PNG, TIFF, BMP or WebP (type sniffed from content).
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<Vec<u8>>,
    /// A kind hint for the file part just before it: lease, property_certificate,
    /// house_ownership_certificate, land_certificate, audit_report, other.
    kind: Option<Vec<String>>,
}

/// A file written to scratch but not yet accepted.
struct ScratchFile {
    path: PathBuf,
    file_name: String,
    sha256: String,
    size: u64,
    media_type: &'static str,
    kind_hint: Option<DocumentKind>,
    kind_given: bool,
}

/// Removes scratch files unless the upload was committed.
struct Scratch {
    files: Vec<ScratchFile>,
    committed: bool,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !self.committed {
            for f in &self.files {
                let _ = std::fs::remove_file(&f.path);
            }
        }
    }
}

/// Text form fields are small; anything bigger is refused rather than buffered.
const MAX_TEXT_FIELD: usize = 64 * 1024;

/// Creates a submission from a multipart upload and queues it.
#[utoipa::path(
    post, path = "/api/v1/submissions",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 202, description = "accepted and queued", body = Accepted,
         headers(("Location" = String, description = "the submission's status URL"))),
        (status = 400, description = "malformed multipart body", body = super::error::Problem),
        (status = 413, description = "upload, file or field too large", body = super::error::Problem),
        (status = 415, description = "unsupported file type or not multipart", body = super::error::Problem),
        (status = 422, description = "missing or invalid applicant, area, kind, or no files", body = super::error::Problem),
    ),
    tag = "submissions"
)]
pub async fn create(
    State(state): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let mut multipart = multipart.map_err(|e| ApiError::NotMultipart(e.body_text()))?;
    let cfg = state.jobs.pipeline.config().server.clone();
    let blobs = state.jobs.blobs.clone();
    let mut scratch = Scratch {
        files: vec![],
        committed: false,
    };
    let mut applicant: Option<String> = None;
    let mut area: Option<String> = None;
    let mut base_type: Option<String> = None;
    let mut total: u64 = 0;

    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| multipart_error(e, cfg.max_upload_bytes))?
    {
        let name = field.name().unwrap_or_default().to_string();
        match name.as_str() {
            "file" => {
                if scratch.files.len() >= cfg.max_files {
                    return Err(ApiError::invalid(
                        "too-many-files",
                        format!("文件过多：每次申报最多 {} 个文件", cfg.max_files),
                        format!("too many files: at most {} per submission", cfg.max_files),
                    ));
                }
                let index = scratch.files.len() + 1;
                let file_name = base_name(field.file_name(), index);
                let path = blobs
                    .scratch_dir()
                    .join(format!("upload-{}", uuid::Uuid::new_v4()));
                // Registered before writing so an error mid-stream still removes it.
                scratch.files.push(ScratchFile {
                    path: path.clone(),
                    file_name: file_name.clone(),
                    sha256: String::new(),
                    size: 0,
                    media_type: "",
                    kind_hint: None,
                    kind_given: false,
                });
                let (sha256, size, head) =
                    stream_to_file(field, &path, &file_name, &cfg, &mut total).await?;
                if size == 0 {
                    return Err(ApiError::invalid(
                        "empty-file",
                        format!("{file_name}：文件为空"),
                        format!("{file_name}: the file is empty"),
                    ));
                }
                let media = sniff::sniff(&head).ok_or_else(|| ApiError::UnsupportedMediaType {
                    file: file_name.clone(),
                    found: sniff::describe(&head),
                })?;
                let f = scratch.files.last_mut().expect("just pushed");
                f.sha256 = sha256;
                f.size = size;
                f.media_type = media.mime();
            }
            "kind" => {
                let value = read_text(field, &name).await?;
                let Some(f) = scratch.files.iter_mut().rev().find(|f| !f.kind_given) else {
                    return Err(ApiError::invalid(
                        "kind-without-file",
                        "kind 字段必须紧跟在其对应的 file 之后",
                        "a `kind` part must follow the `file` part it describes",
                    ));
                };
                f.kind_given = true;
                let v = value.trim();
                if !v.is_empty() && v != "auto" {
                    f.kind_hint = Some(DocumentKind::parse(v).ok_or_else(|| {
                        ApiError::invalid(
                            "invalid-kind",
                            format!("未知的材料类型：{v}"),
                            format!(
                                "unknown kind {v:?}; use one of lease, property_certificate, house_ownership_certificate, land_certificate, audit_report, other"
                            ),
                        )
                    })?);
                }
            }
            "applicant" => applicant = Some(read_text(field, &name).await?),
            "declared_area_m2" => area = Some(read_text(field, &name).await?),
            "base_type" => base_type = Some(read_text(field, &name).await?),
            other => {
                return Err(ApiError::invalid(
                    "unknown-field",
                    format!("未知的表单字段：{other}"),
                    format!(
                        "unknown form field {other:?}; expected applicant, declared_area_m2, base_type, file, kind"
                    ),
                ));
            }
        }
    }

    let applicant = applicant
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            ApiError::invalid(
                "missing-applicant",
                "缺少申报单位名称（applicant）",
                "the applicant (申报单位) is required and must not be empty",
            )
        })?;
    if applicant.chars().count() > cfg.max_applicant_chars {
        return Err(ApiError::invalid(
            "invalid-applicant",
            format!("申报单位名称过长（最多 {} 字）", cfg.max_applicant_chars),
            format!(
                "the applicant name is longer than {} characters",
                cfg.max_applicant_chars
            ),
        ));
    }
    let declared_area_m2 = match area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(
            a.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v > 0.0)
                .ok_or_else(|| {
                    ApiError::invalid(
                        "invalid-declared-area",
                        format!("申报面积应为正数（平方米）：{a}"),
                        format!(
                            "declared_area_m2 must be a positive number of square metres: {a:?}"
                        ),
                    )
                })?,
        ),
    };
    if scratch.files.is_empty() {
        return Err(ApiError::invalid(
            "no-files",
            "没有上传任何文件",
            "no files: send one or more `file` parts",
        ));
    }

    // Accepted: move into the blob store (synced), then the rows in one transaction.
    let id = uuid::Uuid::now_v7().to_string();
    let mut documents = Vec::with_capacity(scratch.files.len());
    for (i, f) in scratch.files.iter().enumerate() {
        blobs.put_file(&f.path, &f.sha256).await?;
        documents.push(NewDocument {
            id: format!("doc-{}", i + 1),
            file_name: f.file_name.clone(),
            sha256: f.sha256.clone(),
            size_bytes: f.size,
            media_type: f.media_type.to_string(),
            kind_hint: f.kind_hint.map(|k| k.as_str().to_string()),
        });
    }
    scratch.committed = true;
    let deadline_at =
        chrono::Utc::now().timestamp() + state.jobs.pipeline.config().jobs.deadline_secs as i64;
    let new = NewSubmission {
        id: id.clone(),
        applicant,
        declared_area_m2,
        base_type: base_type
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty()),
        documents,
        deadline_at,
    };
    state.jobs.store.create_submission(&new).await?;
    state.jobs.wake.notify_one();
    tracing::info!(submission = %id, files = new.documents.len(), "accepted");

    let location = format!("/api/v1/submissions/{id}");
    let mut headers = HeaderMap::new();
    headers.insert(header::LOCATION, location.parse().expect("ascii"));
    let body = Accepted {
        id,
        status: "queued".into(),
        location,
        documents: new
            .documents
            .into_iter()
            .map(|d| AcceptedDocument {
                id: d.id,
                file: d.file_name,
                sha256: d.sha256,
                media_type: d.media_type,
                size_bytes: d.size_bytes,
                kind_hint: d.kind_hint,
            })
            .collect(),
    };
    Ok((StatusCode::ACCEPTED, headers, Json(body)))
}

/// Streams one file part to `path`, hashing as it goes; returns digest, size and first bytes.
async fn stream_to_file(
    mut field: Field<'_>,
    path: &std::path::Path,
    file_name: &str,
    cfg: &crate::config::ServerConfig,
    total: &mut u64,
) -> Result<(String, u64, Vec<u8>), ApiError> {
    let mut out = tokio::fs::File::create(path)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut head = Vec::with_capacity(1024);
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| multipart_error(e, cfg.max_upload_bytes))?
    {
        size += chunk.len() as u64;
        *total += chunk.len() as u64;
        if size > cfg.max_file_bytes {
            return Err(ApiError::PayloadTooLarge {
                zh: format!("{file_name}：文件超过 {} 字节的上限", cfg.max_file_bytes),
                en: format!(
                    "{file_name}: the file is larger than the limit of {} bytes",
                    cfg.max_file_bytes
                ),
            });
        }
        if *total > cfg.max_upload_bytes {
            return Err(too_large_upload(cfg.max_upload_bytes));
        }
        if head.len() < 1024 {
            let take = (1024 - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        hasher.update(&chunk);
        out.write_all(&chunk)
            .await
            .map_err(|e| ApiError::Internal(e.into()))?;
    }
    out.flush()
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok((hex::encode(hasher.finalize()), size, head))
}

fn too_large_upload(limit: u64) -> ApiError {
    ApiError::PayloadTooLarge {
        zh: format!("上传内容超过 {limit} 字节的上限"),
        en: format!("the upload is larger than the limit of {limit} bytes"),
    }
}

/// Maps multipart read errors: the body limit becomes 413, anything else 400.
fn multipart_error(e: axum::extract::multipart::MultipartError, limit: u64) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large_upload(limit)
    } else {
        ApiError::Malformed(e.body_text())
    }
}

/// Reads a small text part, refusing oversize ones.
async fn read_text(mut field: Field<'_>, name: &str) -> Result<String, ApiError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| ApiError::Malformed(e.body_text()))?
    {
        buf.extend_from_slice(&chunk);
        if buf.len() > MAX_TEXT_FIELD {
            return Err(ApiError::PayloadTooLarge {
                zh: format!("表单字段 {name} 过长"),
                en: format!("form field {name} is longer than {MAX_TEXT_FIELD} bytes"),
            });
        }
    }
    String::from_utf8(buf).map_err(|_| {
        ApiError::invalid(
            "invalid-text",
            format!("表单字段 {name} 不是 UTF-8 文本"),
            format!("form field {name} is not UTF-8 text"),
        )
    })
}

/// The last path component of an uploaded file name, or `upload-N`.
fn base_name(raw: Option<&str>, index: usize) -> String {
    raw.and_then(|n| n.rsplit(['/', '\\']).next())
        .map(|n| {
            n.trim()
                .chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
        })
        .filter(|n| !n.is_empty() && n != "." && n != "..")
        .unwrap_or_else(|| format!("upload-{index}"))
}

#[cfg(test)]
mod tests {
    use super::base_name;

    #[test]
    fn file_names_lose_their_directories() {
        assert_eq!(
            base_name(Some("C:\\scans\\租赁合同.pdf"), 1),
            "租赁合同.pdf"
        );
        assert_eq!(base_name(Some("../../etc/passwd"), 1), "passwd");
        assert_eq!(base_name(Some(".."), 2), "upload-2");
        assert_eq!(base_name(None, 3), "upload-3");
    }
}
