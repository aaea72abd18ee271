//! What happens to every page whatever its source: the text decision, OCR, codes, the page
//! image file, progress and the deadline.

use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

use image::DynamicImage;
use sha2::{Digest, Sha256};

use super::{ExtractConfig, ExtractError, MediaType, PageProgress, Stage, quality};
use crate::codes::CodeScan;
use crate::model::{Extracted, Page, TextSource};
use crate::ocr::OcrConfig;

/// Codes read from the pictures of a born-digital page, placed on the page; `None` when no
/// picture holds one (the page image is read then: a code may be drawn with vector paths).
/// A picture is small and clean, so it gets the reader's retries (padding for a code that
/// fills its picture without a quiet zone, upscaling).
fn pictures_scan(
    pictures: &[super::pdf::Picture],
    number: u32,
    config: &crate::codes::CodesConfig,
) -> Option<CodeScan> {
    if !config.enabled {
        return None;
    }
    let config = crate::codes::CodesConfig {
        retries: true,
        threads: 1,
        ..config.clone()
    };
    let mut scan = CodeScan::default();
    for picture in pictures {
        let mut found = crate::codes::scan(&picture.image, number, &config);
        let [x0, y0, x1, y1] = picture.bbox;
        for code in &mut found.codes {
            code.bbox = code.bbox.map(|[a, b, c, d]| {
                [
                    x0 + a * (x1 - x0),
                    y0 + b * (y1 - y0),
                    x0 + c * (x1 - x0),
                    y0 + d * (y1 - y0),
                ]
            });
        }
        scan.codes.extend(found.codes);
        scan.warnings.extend(found.warnings);
    }
    if scan.codes.is_empty() {
        return None;
    }
    crate::codes::in_reading_order(&mut scan.codes);
    Some(scan)
}

/// Words by which a page says it carries a code (扫码验证, 扫描二维码, 条形码).
static SAYS_CODE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"扫码|扫一扫|扫描|二维码|条形码|条码").expect("static regex")
});

/// One page as a source produced it, before OCR and codes.
pub(super) struct PageInput {
    /// The PDF text layer, if the source has one.
    pub text_layer: Option<String>,
    /// The page image, if one could be had.
    pub image: Option<DynamicImage>,
    /// Page size in points, used when there is no image.
    pub size_points: (u32, u32),
    /// Problems met while producing the page.
    pub warnings: Vec<String>,
    /// The image was rasterised from vector content: clean pixels, so the code reader's
    /// retries for degraded scans (inversion, corner upscaling) cannot help and are skipped.
    pub rendered: bool,
    /// Pictures drawn on a rasterised page, decoded from their own pixels: codes are read
    /// there first, and the page image only when none holds one.
    pub pictures: Vec<super::pdf::Picture>,
}

/// Per-document state shared by the sources.
pub(super) struct Pipeline<'a> {
    media: MediaType,
    pub config: &'a ExtractConfig,
    ocr: &'a OcrConfig,
    images_dir: Option<&'a Path>,
    progress: &'a mut dyn FnMut(PageProgress),
    started: Instant,
    pages: Vec<Page>,
    /// Total pages, once the source knows it.
    pub total: u32,
}

impl<'a> Pipeline<'a> {
    pub fn new(
        media: MediaType,
        config: &'a ExtractConfig,
        ocr: &'a OcrConfig,
        images_dir: Option<&'a Path>,
        progress: &'a mut dyn FnMut(PageProgress),
    ) -> Self {
        Pipeline {
            media,
            config,
            ocr,
            images_dir,
            progress,
            started: Instant::now(),
            pages: Vec::new(),
            total: 0,
        }
    }

    /// The number the next page will get.
    pub fn next_number(&self) -> u32 {
        self.pages.len() as u32 + 1
    }

    /// Reports a stage of the next page and checks the deadline.
    pub fn stage(&mut self, stage: Stage) -> Result<(), ExtractError> {
        self.check_deadline()?;
        let page = self.next_number();
        (self.progress)(PageProgress {
            page,
            pages: self.total,
            stage,
        });
        Ok(())
    }

    /// Fails once the document's deadline has passed.
    pub fn check_deadline(&self) -> Result<(), ExtractError> {
        if self.started.elapsed() > self.config.deadline() {
            return Err(ExtractError::DeadlineExceeded {
                secs: self.config.deadline_secs,
            });
        }
        Ok(())
    }

    /// An error naming this document's type.
    pub fn unreadable(&self, reason: impl Into<String>) -> ExtractError {
        ExtractError::Unreadable {
            media_type: self.media.mime().into(),
            reason: reason.into(),
        }
    }

    /// Finishes one page: text decision and OCR, codes, image file.
    pub fn page(&mut self, input: PageInput) -> Result<(), ExtractError> {
        let number = self.next_number();
        let mut warnings = input.warnings;
        let (width, height) = match &input.image {
            Some(img) => (img.width(), img.height()),
            None => input.size_points,
        };

        let mut text = String::new();
        let mut text_source = TextSource::None;
        let mut spans = Vec::new();
        let mut confidence = 0.0;
        let layer_usable = match &input.text_layer {
            Some(layer) => {
                let verdict = quality::judge(layer, self.config.min_text_chars);
                if !verdict.usable && verdict.visible >= self.config.min_text_chars {
                    warnings.push(format!(
                        "text layer looks garbled ({} of {} characters suspicious); using OCR",
                        verdict.junk, verdict.visible
                    ));
                }
                verdict.usable
            }
            None => false,
        };
        // Codes and the page image file do not depend on the text: on a page that needs OCR
        // they run on a second thread meanwhile, with one thread of their own (OCR keeps the
        // cores busy); on other pages the code scan may use its two.
        let images_dir = self.images_dir;
        let needs_ocr = !layer_usable && input.image.is_some();
        let mut codes_config = self.config.codes.clone();
        // A rasterised born-digital page gets no retries (they cost on every page), unless its
        // own words say a code is printed on it (扫码验证, 二维码): a small barcode in a corner
        // is then read in the corner crops.
        let says_code = layer_usable
            && input
                .text_layer
                .as_deref()
                .is_some_and(|t| SAYS_CODE.is_match(&t.replace(char::is_whitespace, "")));
        codes_config.retries &= !input.rendered || says_code;
        if needs_ocr {
            codes_config.threads = 1;
        }
        let pictures = &input.pictures;
        let beside_text =
            |image: &DynamicImage| -> Result<(CodeScan, Option<String>), ExtractError> {
                let scan = pictures_scan(pictures, number, &codes_config)
                    .unwrap_or_else(|| crate::codes::scan(image, number, &codes_config));
                let sha = images_dir.map(|dir| write_png(image, dir)).transpose()?;
                Ok((scan, sha))
            };
        let (read, beside) = std::thread::scope(|s| {
            let beside = input
                .image
                .as_ref()
                .filter(|_| needs_ocr)
                .map(|image| s.spawn(|| beside_text(image)));
            let read = match (&input.image, needs_ocr) {
                (Some(image), true) => Some(
                    self.stage(Stage::Ocr)
                        .map(|()| crate::ocr::recognize(image, self.ocr)),
                ),
                _ => None,
            };
            let beside = beside.map(|h| {
                h.join().unwrap_or_else(|panic| {
                    Err(ExtractError::Internal {
                        reason: format!("code scan crashed: {}", super::panic_message(&*panic)),
                    })
                })
            });
            (read, beside)
        });
        if layer_usable {
            text = normalise_layer(input.text_layer.as_deref().unwrap_or_default());
            text_source = TextSource::TextLayer;
            confidence = 1.0;
        } else if let Some(read) = read {
            match read? {
                Ok(read) => {
                    text_source = if read.text.trim().is_empty() {
                        TextSource::None
                    } else {
                        TextSource::Ocr
                    };
                    text = read.text;
                    spans = read.spans;
                    confidence = read.confidence;
                }
                Err(e) => warnings.push(format!("no text: {e}")),
            }
        } else {
            warnings.push("no text layer and no page image: the page has no text".into());
        }

        let mut codes = Vec::new();
        let mut image_sha256 = None;
        if let Some(image) = &input.image {
            self.stage(Stage::Codes)?;
            let (scan, sha) = match beside {
                Some(done) => done?,
                None => beside_text(image)?,
            };
            codes = scan.codes;
            warnings.extend(scan.warnings);
            image_sha256 = sha;
        }
        self.pages.push(Page {
            number,
            width,
            height,
            text,
            text_source,
            spans,
            confidence,
            codes,
            image_sha256,
            warnings,
        });
        (self.progress)(PageProgress {
            page: number,
            pages: self.total,
            stage: Stage::Done,
        });
        Ok(())
    }

    /// The document as extracted.
    pub fn finish(self) -> Extracted {
        Extracted {
            media_type: self.media.mime().into(),
            pages: self.pages,
        }
    }
}

/// Text layers come with `\r`, form feeds and trailing blanks; the model wants lines
/// separated by `\n`.
fn normalise_layer(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.replace("\r\n", "\n").split(['\n', '\r', '\u{c}']) {
        let line = line.trim_end();
        if line.is_empty() && out.ends_with("\n\n") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

/// Writes a page image as PNG named by its SHA-256 (content addressing: the same page image
/// is stored once) and returns the hex digest.
pub(super) fn write_png(image: &DynamicImage, dir: &Path) -> Result<String, ExtractError> {
    let internal = |e: String| ExtractError::Internal { reason: e };
    let mut bytes = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut bytes,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    // Grey pages stay grey: a third of the size and the same evidence.
    let image = match image {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => {
            std::borrow::Cow::Borrowed(image)
        }
        other if !other.color().has_color() => {
            std::borrow::Cow::Owned(DynamicImage::ImageLuma8(other.to_luma8()))
        }
        other => std::borrow::Cow::Owned(DynamicImage::ImageRgb8(other.to_rgb8())),
    };
    image
        .write_with_encoder(encoder)
        .map_err(|e| internal(format!("encoding a page image: {e}")))?;
    let sha = hex::encode(Sha256::digest(&bytes));
    let target = dir.join(format!("{sha}.png"));
    if !target.exists() {
        let mut tmp = tempfile::NamedTempFile::new_in(dir)
            .map_err(|e| internal(format!("writing into {}: {e}", dir.display())))?;
        tmp.write_all(&bytes)
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| internal(format!("writing a page image: {e}")))?;
        tmp.persist(&target)
            .map_err(|e| internal(format!("writing {}: {e}", target.display())))?;
    }
    Ok(sha)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_text_is_normalised() {
        assert_eq!(normalise_layer("a  \r\nb\n\n\n\nc\u{c}"), "a\nb\n\nc");
    }

    #[test]
    fn png_is_content_addressed() {
        let dir = tempfile::tempdir().unwrap();
        let img = DynamicImage::ImageLuma8(image::GrayImage::from_pixel(8, 8, image::Luma([7])));
        let a = write_png(&img, dir.path()).unwrap();
        let b = write_png(&img, dir.path()).unwrap();
        assert_eq!(a, b);
        let bytes = std::fs::read(dir.path().join(format!("{a}.png"))).unwrap();
        assert_eq!(hex::encode(Sha256::digest(&bytes)), a);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
