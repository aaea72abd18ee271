//! Why a document could not be extracted, with a stable code and messages in both languages.

use serde::{Deserialize, Serialize};

/// A cap that a document went over. Kept structured so both languages can be written from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "limit", rename_all = "kebab-case")]
pub enum Limit {
    /// The file is larger than `max_bytes`.
    Bytes { size: u64, max: u64 },
    /// The document has more pages than `max_pages`.
    Pages { count: u64, max: u64 },
    /// An image (a file or one inside a PDF) has more pixels than `max_image_pixels`;
    /// refused from its header, before any pixel buffer is allocated.
    Pixels { width: u64, height: u64, max: u64 },
    /// A compressed stream inflates to more than `max_decompressed_bytes` (a zip bomb).
    Decompressed { max: u64 },
    /// The worker went over its memory limit.
    Memory { max_mb: u64 },
}

/// Why a document could not be extracted.
///
/// The `Display` text is English; [`ExtractError::message_zh`] gives the Chinese one and
/// [`ExtractError::code`] a stable machine code for reports and problem details.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ExtractError {
    /// Not a PDF, JPEG, PNG, TIFF, BMP or WebP; `found` names what it looks like.
    #[serde(rename = "unsupported-media-type")]
    #[error("unsupported file type: {found} (expected PDF, JPEG, PNG, TIFF, BMP or WebP)")]
    Unsupported { found: String },
    /// Over one of the size caps.
    #[error("{}", limit_en(.0))]
    TooLarge(Limit),
    /// Encrypted with a password other than the empty one.
    #[serde(rename = "pdf-encrypted")]
    #[error("the PDF is password-protected; upload an unprotected copy")]
    Encrypted,
    /// The per-document wall-clock deadline passed.
    #[error("extraction did not finish within {secs} s")]
    DeadlineExceeded { secs: u64 },
    /// The isolated worker died (crash, signal, CPU limit) without a result.
    #[error("the extraction worker died: {reason}")]
    WorkerCrashed { reason: String },
    /// The content is of a supported type but cannot be read.
    #[serde(rename = "unreadable-document")]
    #[error("unreadable {media_type}: {reason}")]
    Unreadable { media_type: String, reason: String },
    /// Something on our side failed (cannot start the worker, cannot write images).
    #[serde(rename = "internal-error")]
    #[error("extraction failed on the server side: {reason}")]
    Internal { reason: String },
}

impl ExtractError {
    /// Stable machine-readable code for reports, problem details and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::Unsupported { .. } => "unsupported-media-type",
            ExtractError::TooLarge(_) => "too-large",
            ExtractError::Encrypted => "pdf-encrypted",
            ExtractError::DeadlineExceeded { .. } => "deadline-exceeded",
            ExtractError::WorkerCrashed { .. } => "worker-crashed",
            ExtractError::Unreadable { .. } => "unreadable-document",
            ExtractError::Internal { .. } => "internal-error",
        }
    }

    /// The message in Chinese (the English one is `to_string()`).
    pub fn message_zh(&self) -> String {
        match self {
            ExtractError::Unsupported { found } => {
                format!("不支持的文件类型：{found}（支持 PDF、JPEG、PNG、TIFF、BMP、WebP）")
            }
            ExtractError::TooLarge(limit) => limit_zh(limit),
            ExtractError::Encrypted => "PDF 已加密（需要密码），请上传未加密的文件".into(),
            ExtractError::DeadlineExceeded { secs } => format!("文件处理超时（超过 {secs} 秒）"),
            ExtractError::WorkerCrashed { reason } => format!("文件处理进程异常退出：{reason}"),
            ExtractError::Unreadable { media_type, reason } => {
                format!("无法读取该文件（{media_type}）：{reason}")
            }
            ExtractError::Internal { reason } => format!("服务器内部错误：{reason}"),
        }
    }

    /// Both languages in one message, for reports.
    pub fn message(&self) -> crate::model::Message {
        crate::model::Message::new(self.message_zh(), self.to_string())
    }

    /// Whether the input itself is at fault (an HTTP 4xx / CLI exit 2), as opposed to a
    /// failure on our side that may succeed on retry.
    pub fn is_input_error(&self) -> bool {
        !matches!(self, ExtractError::Internal { .. })
    }
}

fn limit_en(limit: &Limit) -> String {
    match limit {
        Limit::Bytes { size, max } => format!("file too large: {size} bytes (limit {max})"),
        Limit::Pages { count, max } => format!("too many pages: {count} (limit {max})"),
        Limit::Pixels { width, height, max } => {
            format!("image too large: {width} x {height} pixels (limit {max} pixels)")
        }
        Limit::Decompressed { max } => {
            format!("a compressed stream inflates to more than {max} bytes (zip bomb?)")
        }
        Limit::Memory { max_mb } => format!("extraction needed more than {max_mb} MiB of memory"),
    }
}

fn limit_zh(limit: &Limit) -> String {
    match limit {
        Limit::Bytes { size, max } => format!("文件过大：{size} 字节（上限 {max}）"),
        Limit::Pages { count, max } => format!("页数过多：{count} 页（上限 {max}）"),
        Limit::Pixels { width, height, max } => {
            format!("图像尺寸过大：{width} × {height} 像素（上限 {max} 像素）")
        }
        Limit::Decompressed { max } => format!("压缩数据解压后超过 {max} 字节（疑似压缩炸弹）"),
        Limit::Memory { max_mb } => format!("处理该文件所需内存超过 {max_mb} MiB"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_roundtrip() {
        let cases = [
            (
                ExtractError::Unsupported {
                    found: "zip archive".into(),
                },
                "unsupported-media-type",
            ),
            (
                ExtractError::TooLarge(Limit::Pixels {
                    width: 100_000,
                    height: 100_000,
                    max: 1,
                }),
                "too-large",
            ),
            (ExtractError::Encrypted, "pdf-encrypted"),
            (
                ExtractError::DeadlineExceeded { secs: 3 },
                "deadline-exceeded",
            ),
            (
                ExtractError::WorkerCrashed {
                    reason: "signal 9".into(),
                },
                "worker-crashed",
            ),
            (
                ExtractError::Unreadable {
                    media_type: "image/png".into(),
                    reason: "bad crc".into(),
                },
                "unreadable-document",
            ),
        ];
        for (err, code) in cases {
            assert_eq!(err.code(), code);
            let json = serde_json::to_value(&err).unwrap();
            assert_eq!(json["code"], code, "{json}");
            let back: ExtractError = serde_json::from_value(json).unwrap();
            assert_eq!(back, err);
            assert!(!err.message_zh().is_empty());
            assert!(!err.to_string().contains('\n'));
        }
    }
}
