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
/// picture holds one. Every picture gets a quick look (`codes::quick_look`). A picture where
/// it finds nothing gets the whole scan when it could still hold a code: its ink is grey or
/// black (as a code's is: a red seal or a colour photo is not), or the page says it carries a
/// code and no picture has shown one yet; such a scan adds the reader's retries (padding for a
/// code that fills its picture without a quiet zone, upscaling). A seal beside a code already
/// read thus costs one cheap look, not two failing TryHarder passes.
fn pictures_scan(
    pictures: &[super::pdf::Picture],
    number: u32,
    config: &crate::codes::CodesConfig,
    says_code: bool,
) -> Option<CodeScan> {
    if !config.enabled {
        return None;
    }
    let config = crate::codes::CodesConfig {
        threads: 1,
        ..config.clone()
    };
    let mut looks: Vec<CodeScan> = pictures
        .iter()
        .map(|p| crate::codes::quick_look(&p.image, number, &config))
        .collect();
    let any_seen = looks.iter().any(|l| !l.codes.is_empty());
    // whether each picture shows QR finder patterns, asked once and only when needed
    let mut finder: Vec<Option<bool>> = vec![None; pictures.len()];
    let mut shows_qr =
        |i: usize| *finder[i].get_or_insert_with(|| crate::codes::qr_seen(&pictures[i].image));
    for (i, (picture, look)) in pictures.iter().zip(&mut looks).enumerate() {
        if !look.codes.is_empty() {
            continue;
        }
        // a coloured picture is mostly a seal, not worth the whole scan, unless it shows a QR
        // code's finder patterns (a code printed in colour)
        let grey = ink_is_grey(&picture.image);
        if grey || (says_code && !any_seen) || shows_qr(i) {
            let config = crate::codes::CodesConfig {
                retries: says_code || grey,
                ..config.clone()
            };
            *look = crate::codes::scan(&picture.image, number, &config);
        }
    }
    let mut scan = CodeScan::default();
    // a picture that shows a QR code no reader decoded: said on the page, so the report is
    // not judged as if it had none
    if looks.iter().all(|l| l.codes.is_empty()) {
        for (i, look) in looks.iter_mut().enumerate() {
            if shows_qr(i) {
                look.warnings.push(CODE_NOT_READ.to_string());
            }
        }
    }
    for (picture, mut found) in pictures.iter().zip(looks) {
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
    if scan.codes.is_empty() && scan.warnings.is_empty() {
        return None;
    }
    crate::codes::in_reading_order(&mut scan.codes);
    Some(scan)
}

/// The page warning for a QR code seen in a picture but not decoded; the fields stage reads
/// it as the document showing a code (`code_shown`).
pub const CODE_NOT_READ: &str =
    "图片中有二维码但未能读出 / a picture shows a QR code that could not be read";

/// Whether most of an image's ink (pixels clearly darker than paper) is grey or black rather
/// than a colour. Sampled on a grid of about 10,000 pixels.
fn ink_is_grey(image: &DynamicImage) -> bool {
    let rgb = match image {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageLumaA8(_) => return true,
        DynamicImage::ImageRgb8(rgb) => std::borrow::Cow::Borrowed(rgb),
        other => std::borrow::Cow::Owned(other.to_rgb8()),
    };
    let (w, h) = rgb.dimensions();
    let step = ((w as u64 * h as u64 / 10_000) as f64).sqrt().max(1.0) as u32;
    let (mut ink, mut coloured) = (0u32, 0u32);
    for y in (0..h).step_by(step as usize) {
        for x in (0..w).step_by(step as usize) {
            let [r, g, b] = rgb.get_pixel(x, y).0;
            let (max, min) = (r.max(g).max(b), r.min(g).min(b));
            if max < 200 || min < 120 {
                ink += 1;
                if max - min > 60 {
                    coloured += 1;
                }
            }
        }
    }
    coloured * 2 <= ink
}

/// Words by which a page says it carries a code (扫码验证, 扫描二维码, 条形码).
static SAYS_CODE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"扫码|扫一扫|扫描|二维码|条形码|条码").expect("static regex")
});

/// Rasterises a drawn page when something needs its pixels.
pub(super) type Render<'r> = Box<dyn FnOnce() -> Result<DynamicImage, String> + 'r>;

/// One page as a source produced it, before OCR and codes.
pub(super) struct PageInput<'r> {
    /// The PDF text layer, if the source has one.
    pub text_layer: Option<String>,
    /// Where the text layer's characters are printed, when known.
    pub layer_places: Vec<super::pdf::PlacedChar>,
    /// The page image, if the source has it at hand (a scan, an image file).
    pub image: Option<DynamicImage>,
    /// How to rasterise a drawn page. It runs only for OCR, a page image file, or codes the
    /// page's pictures did not show: a born-digital page of text is never rasterised.
    pub render: Option<Render<'r>>,
    /// The page's size: its image's pixels (or those it would have, rasterised), else points.
    pub size: (u32, u32),
    /// Problems met while producing the page.
    pub warnings: Vec<String>,
    /// The image was rasterised from vector content: clean pixels, so the code reader's
    /// retries for degraded scans (inversion, corner upscaling) cannot help and are skipped.
    pub rendered: bool,
    /// Pictures drawn on a rasterised page, decoded from their own pixels: codes are read
    /// there first, and the page image only when none holds one.
    pub pictures: Vec<super::pdf::Picture>,
    /// Something drawn on the page could hold a code that the pictures do not show.
    pub hidden_codes: bool,
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
    pub fn page(&mut self, mut input: PageInput<'_>) -> Result<(), ExtractError> {
        let number = self.next_number();
        let mut warnings = std::mem::take(&mut input.warnings);

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
        // Codes are read from the pictures first. The page image is read when none holds one
        // and the page could show a code some other way: any scan or photo; a drawn page with
        // an image not kept as a picture, or that says it has a code. A drawn page whose
        // pictures and path drawings hold no code shows none (a picture reads at its own
        // resolution better than on the page image).
        let picture_codes = pictures_scan(&input.pictures, number, &codes_config, says_code);
        let page_scan = self.config.codes.enabled
            && picture_codes.as_ref().is_none_or(|s| s.codes.is_empty())
            && (!input.rendered || says_code || input.hidden_codes);
        let images_dir = self.images_dir;
        let could_ocr = !layer_usable && (input.image.is_some() || input.render.is_some());
        if input.image.is_none()
            && (could_ocr
                || (images_dir.is_some() && self.config.keep_drawn_page_images)
                || page_scan)
            && let Some(render) = input.render.take()
        {
            self.stage(Stage::Image)?;
            match render() {
                Ok(img) => input.image = Some(img),
                Err(why) => warnings.push(why),
            }
        }
        let (width, height) = match &input.image {
            Some(img) => (img.width(), img.height()),
            None => input.size,
        };
        // Codes and the page image file do not depend on the text: on a page that needs OCR
        // they run on a second thread meanwhile, with one thread of their own (OCR keeps the
        // cores busy); on other pages the code scan may use its two.
        let needs_ocr = !layer_usable && input.image.is_some();
        if needs_ocr {
            codes_config.threads = 1;
        }
        let rendered = input.rendered;
        let beside_text =
            |image: &DynamicImage| -> Result<(CodeScan, Option<String>), ExtractError> {
                let mut scan = if page_scan {
                    crate::codes::scan(image, number, &codes_config)
                } else {
                    CodeScan::default()
                };
                // a scan or photo showing a QR code no reader decoded (a fold, a stain, a
                // faded print): said, so the report is not judged as if it had none
                if page_scan && !rendered && scan.codes.is_empty() && crate::codes::qr_seen(image) {
                    scan.warnings.push(CODE_NOT_READ.to_string());
                }
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
            spans = super::pdf::layer_spans(&text, &input.layer_places);
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
        if let Some(scan) = picture_codes {
            codes = scan.codes;
            warnings.extend(scan.warnings);
        }
        let mut image_sha256 = None;
        if let Some(image) = &input.image {
            self.stage(Stage::Codes)?;
            let (scan, sha) = match beside {
                Some(done) => done?,
                None => beside_text(image)?,
            };
            codes.extend(scan.codes);
            warnings.extend(scan.warnings);
            image_sha256 = sha;
        }
        if !codes.is_empty() {
            // the page image read what the picture alone did not
            warnings.retain(|w| w != CODE_NOT_READ);
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
    fn seal_ink_is_colour_and_code_ink_is_grey() {
        let mut seal = image::RgbImage::from_pixel(100, 100, image::Rgb([255, 255, 255]));
        let mut code = seal.clone();
        for (x, y, p) in seal.enumerate_pixels_mut() {
            if (x / 10 + y / 10) % 2 == 0 {
                *p = image::Rgb([210, 40, 40]);
            }
        }
        for (x, y, p) in code.enumerate_pixels_mut() {
            if (x / 10 + y / 10) % 2 == 0 {
                *p = image::Rgb([20, 20, 30]);
            }
        }
        assert!(!ink_is_grey(&DynamicImage::ImageRgb8(seal)));
        assert!(ink_is_grey(&DynamicImage::ImageRgb8(code)));
        let blank = image::GrayImage::from_pixel(50, 50, image::Luma([255]));
        assert!(ink_is_grey(&DynamicImage::ImageLuma8(blank)));
    }

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
