//! Extraction: one upload's bytes → pages with text, page images and codes.
//!
//! The flow per document: [`sniff`] the type from the content → open it under the size caps
//! → for each page: text layer (PDF), page image (the embedded scan, or a rasterisation, or
//! the image file itself), OCR when the text layer is missing or junk, codes on the image.
//!
//! Two entry points:
//! - [`extract`] / [`extract_with`] run in the calling process (tests, tools, trusted input);
//! - [`isolated::extract_file`] and [`isolated::WorkerPool`] run the same code in worker
//!   subprocesses with memory, CPU and wall-clock limits, so a parser that hangs or blows up
//!   cannot take the server with it.

mod error;
pub mod isolated;
mod pdf;
mod pipeline;
pub mod quality;
mod raster;
pub mod sniff;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::codes::CodesConfig;
use crate::model::Extracted;
use crate::ocr::OcrConfig;
pub use error::{ExtractError, Limit};
pub use pipeline::CODE_NOT_READ;
pub use sniff::{MediaType, sniff};

/// Limits and switches of the extraction stage (`[extract]` in the configuration).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractConfig {
    /// Wall-clock deadline for one document, in seconds.
    pub deadline_secs: u64,
    /// Largest number of pages in one document; longer documents are refused.
    pub max_pages: u32,
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
    /// Largest image (file or embedded) in pixels, checked from the header before decoding.
    pub max_image_pixels: u64,
    /// Largest size one compressed PDF stream may inflate to, in bytes.
    pub max_decompressed_bytes: u64,
    /// Resolution PDF pages without a scanned image are rasterised at (OCR and codes).
    pub render_dpi: f32,
    /// Largest rasterised page in pixels; the resolution is lowered to fit.
    pub max_render_pixels: u64,
    /// A page's text layer needs at least this many visible characters to be used.
    pub min_text_chars: usize,
    /// Address-space limit of the isolated worker, in MiB.
    pub worker_memory_mb: u64,
    /// The executable run as the worker (`docverify __extract-worker`); defaults to the
    /// current executable. Tests and embedders that are not the `docverify` binary set it.
    pub worker_exe: Option<PathBuf>,
    /// A TrueType/OpenType CJK font for PDFs whose Chinese fonts are not embedded; when
    /// unset, well-known system locations are searched (Noto CJK, WenQuanYi, AR PL).
    pub cjk_font: Option<PathBuf>,
    /// Take out or rasterise PDF page images (needed for OCR, codes and evidence); off gives
    /// a fast text-layer-only pass.
    pub page_images: bool,
    /// Rasterise a born-digital page only to keep its image file (when an images directory is
    /// given). Off in the service, which renders such a page when a reviewer opens it, so a
    /// page that needs no pixels to be read costs none.
    pub keep_drawn_page_images: bool,
    /// Extraction workers kept started ahead in the service (0: one per CPU slot).
    pub pool_size: usize,
    /// A worker is recycled (its process ended, a fresh one started) after this many
    /// documents, as well as after any error or limit.
    pub worker_max_documents: u32,
    /// CPU slots documents in extraction share (0: one per core): a document holds one, a
    /// page read by OCR as many as are free.
    pub cpu_slots: usize,
    /// The code reader.
    pub codes: CodesConfig,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            deadline_secs: 120,
            max_pages: 500,
            max_bytes: 200 << 20,
            max_image_pixels: 60_000_000,
            max_decompressed_bytes: 256 << 20,
            render_dpi: 200.0,
            max_render_pixels: 25_000_000,
            min_text_chars: 10,
            worker_memory_mb: 3072,
            worker_exe: None,
            cjk_font: None,
            page_images: true,
            keep_drawn_page_images: false,
            pool_size: 0,
            worker_max_documents: 50,
            cpu_slots: 0,
            codes: CodesConfig::default(),
        }
    }
}

impl ExtractConfig {
    /// The per-document deadline.
    pub fn deadline(&self) -> Duration {
        Duration::from_secs(self.deadline_secs.max(1))
    }
}

/// What extraction is doing now, reported once per page and stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageProgress {
    /// 1-based page number (0 while the document is being opened).
    pub page: u32,
    /// Pages in the document (0 while unknown).
    pub pages: u32,
    pub stage: Stage,
}

/// The steps of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Opening the document and checking its caps.
    Open,
    /// Reading the text layer.
    Text,
    /// Taking out or rasterising the page image.
    Image,
    /// Recognising text on the page image.
    Ocr,
    /// Reading QR codes and barcodes.
    Codes,
    /// The page is finished.
    Done,
}

/// Extracts every page of one upload in this process, without OCR configuration or page
/// image files (OCR runs with its defaults; `Page::image_sha256` stays unset).
pub fn extract(bytes: &[u8], config: &ExtractConfig) -> Result<Extracted, ExtractError> {
    extract_with(bytes, config, &OcrConfig::default(), None, &mut |_| {})
}

/// Extracts every page of one upload in this process.
///
/// `images_dir`: when set, each page image is written there as `<sha256>.png` and
/// `Page::image_sha256` names it. `progress` is called per page and stage. The deadline is
/// checked between stages (a parser stuck inside one stage is only stopped by the isolated
/// variant).
pub fn extract_with(
    bytes: &[u8],
    config: &ExtractConfig,
    ocr: &OcrConfig,
    images_dir: Option<&Path>,
    progress: &mut dyn FnMut(PageProgress),
) -> Result<Extracted, ExtractError> {
    if bytes.len() as u64 > config.max_bytes {
        return Err(ExtractError::TooLarge(Limit::Bytes {
            size: bytes.len() as u64,
            max: config.max_bytes,
        }));
    }
    let media = sniff(bytes).ok_or_else(|| ExtractError::Unsupported {
        found: sniff::describe(bytes),
    })?;
    progress(PageProgress {
        page: 0,
        pages: 0,
        stage: Stage::Open,
    });
    let mut pipe = pipeline::Pipeline::new(media, config, ocr, images_dir, progress);
    // A panic anywhere below (a parser, a decoder) becomes a per-document error.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match media {
        MediaType::Pdf => pdf::extract(bytes, &mut pipe),
        MediaType::Tiff => raster::extract_tiff(bytes, &mut pipe),
        _ => raster::extract_single(bytes, media, &mut pipe),
    }));
    match outcome {
        Ok(Ok(())) => Ok(pipe.finish()),
        Ok(Err(e)) => Err(e),
        Err(panic) => Err(ExtractError::Unreadable {
            media_type: media.mime().into(),
            reason: format!("the parser failed ({})", panic_message(&*panic)),
        }),
    }
}

/// Rasterises page `number` (1-based) of a PDF and writes it into `dir` as `<sha256>.png`;
/// returns the sha256. For a born-digital page whose image extraction did not keep
/// (`keep_drawn_page_images` off): the service renders it when a reviewer opens the page.
pub fn render_page_image(
    bytes: &[u8],
    config: &ExtractConfig,
    number: u32,
    dir: &Path,
) -> Result<String, ExtractError> {
    match sniff(bytes) {
        Some(MediaType::Pdf) => {}
        _ => {
            return Err(ExtractError::Unsupported {
                found: sniff::describe(bytes),
            });
        }
    }
    let image = pdf::render_page(bytes, config, number)?;
    pipeline::write_png(&image, dir)
}

/// The text of a caught panic, for error messages.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}
