//! The HTTP layer's one error type, mapped to status codes and RFC 9457 problem details here
//! and nowhere else. Every error carries a stable `code` clients can branch on and a message in
//! Chinese and English.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The upload (or one file, or one form field) is larger than allowed.
    #[error("{en}")]
    PayloadTooLarge { zh: String, en: String },
    /// A file's content is not a type docverify reads.
    #[error("{file}: unsupported file type ({found}); send PDF, JPEG, PNG, TIFF, BMP or WebP")]
    UnsupportedMediaType { file: String, found: String },
    /// The request body is not `multipart/form-data`.
    #[error("expected a multipart/form-data body: {0}")]
    NotMultipart(String),
    /// The form is well formed but its values are not acceptable.
    #[error("{en}")]
    Invalid {
        code: &'static str,
        zh: String,
        en: String,
    },
    /// The body could not be read as multipart.
    #[error("malformed multipart body: {0}")]
    Malformed(String),
    /// A JSON endpoint got a body without `Content-Type: application/json`.
    #[error("expected an application/json body")]
    NotJson,
    /// The JSON body is not valid JSON or does not have the expected members.
    #[error("malformed JSON body: {0}")]
    MalformedJson(String),
    /// The request is well formed but the resource is not in a state that allows it
    /// (e.g. a decision before the report exists).
    #[error("{en}")]
    Conflict {
        code: &'static str,
        zh: String,
        en: String,
    },
    #[error("{what} not found")]
    NotFound { what: &'static str, id: String },
    /// A query parameter is not acceptable.
    #[error("{en}")]
    BadQuery { zh: String, en: String },
    /// Not ready to serve (e.g. the database does not answer).
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// A bug or an outside failure; details go to the log, not the client.
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

/// RFC 9457 problem details with docverify's extension members.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the problem type (`urn:docverify:problem:<code>`).
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    /// English explanation of this occurrence.
    pub detail: String,
    /// Chinese explanation of this occurrence.
    pub detail_zh: String,
    /// Stable machine-readable code, e.g. `unsupported-media-type`.
    pub code: String,
}

impl ApiError {
    /// Status, stable code, title, Chinese detail.
    fn parts(&self) -> (StatusCode, &'static str, String) {
        match self {
            ApiError::PayloadTooLarge { zh, .. } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                zh.clone(),
            ),
            ApiError::UnsupportedMediaType { file, found } => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                format!(
                    "{file}：不支持的文件类型（{found}），请上传 PDF、JPEG、PNG、TIFF、BMP 或 WebP"
                ),
            ),
            ApiError::NotMultipart(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "expected-multipart",
                "请求体应为 multipart/form-data".into(),
            ),
            ApiError::Invalid { code, zh, .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, code, zh.clone())
            }
            ApiError::Malformed(_) => (
                StatusCode::BAD_REQUEST,
                "malformed-multipart",
                "multipart 请求体格式错误".into(),
            ),
            ApiError::NotJson => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "expected-json",
                "请求体应为 application/json".into(),
            ),
            ApiError::MalformedJson(m) => (
                StatusCode::BAD_REQUEST,
                "malformed-json",
                format!("JSON 请求体格式错误：{m}"),
            ),
            ApiError::Conflict { code, zh, .. } => (StatusCode::CONFLICT, code, zh.clone()),
            ApiError::NotFound { what, id } => (
                StatusCode::NOT_FOUND,
                "not-found",
                format!("未找到{}：{id}", zh_noun(what)),
            ),
            ApiError::BadQuery { zh, .. } => (StatusCode::BAD_REQUEST, "invalid-query", zh.clone()),
            ApiError::Unavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "服务暂不可用".into(),
            ),
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "服务器内部错误".into(),
            ),
        }
    }

    /// Shorthand for an unacceptable form value.
    pub fn invalid(code: &'static str, zh: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            code,
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let (status, code, detail_zh) = self.parts();
        Problem {
            type_: format!("urn:docverify:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: self.to_string(),
            detail_zh,
            code: code.to_string(),
        }
    }
}

fn zh_noun(what: &str) -> &'static str {
    match what {
        "submission" => "申报",
        "document" => "材料",
        "page" => "页面",
        "report" => "报告",
        "decision" => "复核意见",
        _ => "资源",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = ?e, "internal error");
        }
        let problem = self.problem();
        let status =
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (status, axum::Json(problem)).into_response();
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_a_code_and_both_languages() {
        let e = ApiError::UnsupportedMediaType {
            file: "a.docx".into(),
            found: "zip archive".into(),
        };
        let p = e.problem();
        assert_eq!(p.status, 415);
        assert_eq!(p.code, "unsupported-media-type");
        assert!(p.detail.contains("a.docx") && p.detail_zh.contains("a.docx"));
        let p = ApiError::NotFound {
            what: "submission",
            id: "x".into(),
        }
        .problem();
        assert_eq!((p.status, p.code.as_str()), (404, "not-found"));
    }
}
