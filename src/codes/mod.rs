//! QR codes and barcodes on a page image: symbology, exact text and box.
//!
//! Why this shape: the measurements in DESIGN.md show no single decoder reads everything.
//! rxing (a zxing port) reads QR, 1-D and 2-D symbologies and is the workhorse; rqrr is a
//! cheap first pass that occasionally reads a QR rxing misses. When a page yields nothing,
//! the page is retried as it is often printed or photographed: the inverted image (white on
//! black), the image padded with its border colour (codes touching the photo's edge), a
//! per-pixel adaptive threshold (small blurred crops), and the four corners cropped and
//! upscaled 2x (small codes on a full-page scan). Pages are never downscaled: that loses 1-D
//! barcodes on scans. Several codes on one image are found by blanking out each code read and
//! reading again (`read_all`), the 2-D and 1-D symbologies of a page on two threads. A Code 39
//! symbol that is an Italian pharmacode is also given as Code 32.
//!
//! Every decoder call runs under `catch_unwind`: a panic in a decoder becomes "no code found"
//! plus a warning, never a lost document.

mod payload;

use std::panic::{AssertUnwindSafe, catch_unwind};

use image::{DynamicImage, GrayImage, Luma, imageops};
use rxing::{
    BarcodeFormat, DecodeHints, RXingResult, RXingResultMetadataType, RXingResultMetadataValue,
};
use serde::{Deserialize, Serialize};

use crate::model::{BBox, Code};
pub use payload::decode_payload;

/// Switches of the code reader (`[extract.codes]` in the configuration).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CodesConfig {
    /// Read codes at all (turning it off saves ~100-400 ms per page).
    pub enabled: bool,
    /// Run rqrr before rxing as a cheap extra QR reader.
    pub rqrr_first_pass: bool,
    /// Retry inverted, padded and corner crops when a page yields nothing.
    pub retries: bool,
    /// Threads one page's scan may use: with 2, the 2-D and the 1-D symbologies of a page
    /// image (over 1 MP) are read at once. Extraction uses 1 on pages that OCR reads meanwhile.
    pub threads: usize,
}

impl Default for CodesConfig {
    fn default() -> Self {
        CodesConfig {
            enabled: true,
            rqrr_first_pass: true,
            retries: true,
            threads: 2,
        }
    }
}

/// The symbologies read, every one zxing knows that a printed document carries, in two groups
/// that are read apart (`run_rxing_with`): 2-D (QR on certificates and invoices, PDF417 and
/// DataMatrix on some official forms, Aztec on tickets and labels, Micro QR and rMQR where a
/// label is small; PDF417's four rotations make this the dearer group) ...
const FORMATS_2D: [BarcodeFormat; 6] = [
    BarcodeFormat::QR_CODE,
    BarcodeFormat::PDF_417,
    BarcodeFormat::DATA_MATRIX,
    BarcodeFormat::AZTEC,
    BarcodeFormat::MICRO_QR_CODE,
    BarcodeFormat::RECTANGULAR_MICRO_QR_CODE,
];
/// ... and 1-D (Code128 and Code 39 on contracts and forms, EAN-13 on goods, ITF on cartons
/// and bank slips, Code 93 on older forms). Not read: EAN-8, UPC-E and Codabar, retail and
/// library codes whose short patterns Chinese print matches by chance (on 1,036 fixture
/// documents they gave 111 false codes, ITF and Code 93 none), and UPC-A, which would rename
/// every EAN-13 that starts with 0.
const FORMATS_1D: [BarcodeFormat; 5] = [
    BarcodeFormat::CODE_128,
    BarcodeFormat::CODE_39,
    BarcodeFormat::EAN_13,
    BarcodeFormat::ITF,
    BarcodeFormat::CODE_93,
];

/// Smallest image (pixels) whose symbologies are split over two threads: a page, not a photo
/// of one code, which reads in milliseconds anyway.
const SPLIT_MIN_PIXELS: u64 = 1_000_000;

/// Largest image (pixels) that gets the rqrr first pass: phone photos of one code, not pages.
const RQRR_FIRST_PASS_MAX_PIXELS: u64 = 2_000_000;

/// What reading one page gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodeScan {
    /// Codes in reading order (top to bottom, left to right), duplicates removed.
    pub codes: Vec<Code>,
    /// Decoder failures that did not stop the page (e.g. a decoder panicked).
    pub warnings: Vec<String>,
}

/// Reads every code on a page image. `page` is the 1-based page number put into each [`Code`].
pub fn scan(image: &DynamicImage, page: u32, config: &CodesConfig) -> CodeScan {
    scan_gray(&to_gray(image), page, config)
}

/// A quick look for codes on a picture drawn on a born-digital page (read at its own
/// resolution, crisp): zxing's detectors without TryHarder, their cheapest pass, which reads
/// the codes such pictures carry. The caller gives a picture where it finds none the whole
/// [`scan`] only if it could still hold one (see `pictures_scan` in extraction).
pub fn quick_look(image: &DynamicImage, page: u32, config: &CodesConfig) -> CodeScan {
    let gray = stretched(to_gray(image));
    let (w, h) = gray.dimensions();
    if !config.enabled || w == 0 || h == 0 {
        return CodeScan::default();
    }
    let mut warnings = Vec::new();
    let full = View::whole(w, h);
    let mut found = read_all(
        &gray,
        &full,
        Binarizer::Hybrid,
        &FORMATS_2D,
        false,
        &mut warnings,
    );
    found.extend(read_all(
        &gray,
        &full,
        Binarizer::Hybrid,
        &FORMATS_1D,
        false,
        &mut warnings,
    ));
    CodeScan {
        codes: finish(found, w, h, page),
        warnings,
    }
}

/// Whether `image` shows a QR code's three finder patterns, placed as a QR code places them,
/// whether or not any reader decodes it. Asked of a picture no reader could read: a code is
/// there, so its absence from the report must not be taken for the document's (the rules
/// answer `review`, not `fail`). The patterns (1:1:3:1:1 both ways, three at a right angle)
/// are rarely matched by anything else.
pub fn qr_seen(image: &DynamicImage) -> bool {
    qr_finders(&stretched(to_gray(image))).is_some()
}

/// Where a QR code's finder patterns (and alignment pattern) stand in `gray`, in its pixels,
/// when rxing's detector finds three placed as a QR code places them.
fn qr_finders(gray: &GrayImage) -> Option<Vec<(f32, f32)>> {
    use rxing::common::HybridBinarizer;
    use rxing::{BinaryBitmap, Luma8LuminanceSource, Point};

    let (w, h) = gray.dimensions();
    if w < 21 || h < 21 {
        return None;
    }
    let hints = DecodeHints {
        TryHarder: Some(true),
        ..Default::default()
    };
    catch_unwind(AssertUnwindSafe(|| {
        let source = Luma8LuminanceSource::new(gray.as_raw().clone(), w, h).ok()?;
        let bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
        let detected = rxing::qrcode::detector::Detector::new(bitmap.get_black_matrix())
            .detect_with_hints(&hints)
            .ok()?;
        use rxing::common::DetectorRXingResult;
        let points: Vec<(f32, f32)> = detected
            .getPoints()
            .iter()
            .map(|p: &Point| (p.x, p.y))
            .collect();
        (!points.is_empty()).then_some(points)
    }))
    .ok()
    .flatten()
}

/// Reads the region of a page where a QR code's finder patterns are seen, enlarged: a dense
/// code printed small (a long verification URL at 2-3 pixels a module in a 150 dpi scan) is
/// found by the detector but lost by the decoder's sampling at the page's own scale, and it
/// may stand anywhere on the page, not only in a corner.
fn read_where_qr_seen(gray: &GrayImage, threads: usize, warnings: &mut Vec<String>) -> Vec<Found> {
    let (w, h) = gray.dimensions();
    // the detector's block thresholds miss finder patterns of 2-3 pixel modules; with every
    // pixel doubled (cheap, unlike a filtered resize of the whole page) they are found
    let Some(points) = qr_finders(gray).or_else(|| {
        let doubled = GrayImage::from_fn(w * 2, h * 2, |x, y| *gray.get_pixel(x / 2, y / 2));
        qr_finders(&doubled).map(|p| p.into_iter().map(|(x, y)| (x / 2.0, y / 2.0)).collect())
    }) else {
        return Vec::new();
    };
    // the finder centres lie 3.5 modules inside the code's corners: half their spread again
    // on every side holds the code and its quiet zone
    let Some(rect) = Rect::around(&points, w, h).map(|r| r.grown(0.5, 8)) else {
        return Vec::new();
    };
    let (cw, ch) = (rect.x1 - rect.x0, rect.y1 - rect.y0);
    if cw < 21 || ch < 21 {
        return Vec::new();
    }
    let crop = imageops::crop_imm(gray, rect.x0, rect.y0, cw, ch).to_image();
    for k in [2u32, 3] {
        let up = imageops::resize(&crop, cw * k, ch * k, imageops::FilterType::CatmullRom);
        let view = View {
            x: rect.x0 as f32,
            y: rect.y0 as f32,
            scale: 1.0 / k as f32,
        };
        let mut found = run_rxing(&up, &view, threads, warnings);
        if found.is_empty() {
            found = run_rqrr(&up, &view, warnings);
        }
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// [`scan`] for an image already in grey levels.
pub fn scan_gray(gray: &GrayImage, page: u32, config: &CodesConfig) -> CodeScan {
    let mut scan = CodeScan::default();
    let (w, h) = gray.dimensions();
    if !config.enabled || w == 0 || h == 0 {
        return scan;
    }
    let mut found: Vec<Found> = Vec::new();
    let full = View::whole(w, h);
    // rqrr is cheap on photos but its region growing costs more than rxing on full-page
    // scans (measured: +500 ms on a 300 dpi A4); there it only serves in the corner retries.
    if config.rqrr_first_pass && (w as u64 * h as u64) <= RQRR_FIRST_PASS_MAX_PIXELS {
        found.extend(run_rqrr(gray, &full, &mut scan.warnings));
    }
    found.extend(run_rxing(gray, &full, config.threads, &mut scan.warnings));

    if found.is_empty() && config.retries {
        found = retry(gray, config.threads, &mut scan.warnings);
    }
    scan.codes = finish(found, w, h, page);
    scan
}

/// The retry ladder for a page on which the plain passes found nothing. Stops at the first
/// rung that finds something, except the corner crops, which are all read (a page can carry
/// a QR code in one corner and a barcode in another).
fn retry(gray: &GrayImage, threads: usize, warnings: &mut Vec<String>) -> Vec<Found> {
    let (w, h) = gray.dimensions();
    let mut inverted = gray.clone();
    imageops::invert(&mut inverted);
    let found = run_rxing(&inverted, &View::whole(w, h), threads, warnings);
    if !found.is_empty() {
        return found;
    }

    // Small images (phone photos of one code): pad with the border colour so a code touching
    // the edge gets its quiet zone, and upscale so modules are at least a few pixels wide.
    if w.max(h) <= 1600 {
        let (padded, view) = pad_up(gray, 800);
        let mut found = run_rxing(&padded, &view, threads, warnings);
        found.extend(run_rqrr(&padded, &view, warnings));
        if !found.is_empty() {
            return found;
        }
        let found = run_rxing_with(
            gray,
            &View::whole(w, h),
            Binarizer::Adaptive,
            threads,
            warnings,
        );
        if !found.is_empty() {
            return found;
        }
    }

    // Large images (page scans): a 2-3 cm code is a small part of the page; the corners,
    // upscaled 2x, give the binariser and the finder-pattern search a much better chance.
    let mut found = Vec::new();
    if w.max(h) > 1000 {
        let (cw, ch) = (w * 45 / 100, h * 35 / 100);
        for (x, y) in [(w - cw, 0), (0, 0), (w - cw, h - ch), (0, h - ch)] {
            let crop = imageops::crop_imm(gray, x, y, cw, ch).to_image();
            let up = imageops::resize(&crop, cw * 2, ch * 2, imageops::FilterType::Triangle);
            let view = View {
                x: x as f32,
                y: y as f32,
                scale: 0.5,
            };
            let mut here = run_rxing(&up, &view, threads, warnings);
            if here.is_empty() {
                here = run_rqrr(&up, &view, warnings);
            }
            found.extend(here);
        }
    }
    if found.is_empty() {
        found = read_where_qr_seen(gray, threads, warnings);
    }
    found
}

/// Where an analysed image sits in the page image: page = view.xy + image_xy * scale.
#[derive(Debug, Clone, Copy)]
struct View {
    x: f32,
    y: f32,
    scale: f32,
}

impl View {
    fn whole(_w: u32, _h: u32) -> View {
        View {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
        }
    }

    fn map(&self, px: f32, py: f32) -> (f32, f32) {
        (self.x + px * self.scale, self.y + py * self.scale)
    }
}

/// A code as found, in page pixel coordinates.
#[derive(Debug, Clone)]
struct Found {
    /// Lower is preferred when two readers disagree on the same code (rxing over rqrr).
    rank: u8,
    symbology: &'static str,
    text: String,
    points: Vec<(f32, f32)>,
}

/// How rxing turns grey levels into black and white.
#[derive(Debug, Clone, Copy)]
enum Binarizer {
    /// zxing's default: local thresholds over 8x8 blocks.
    Hybrid,
    /// A threshold per pixel from its 31x31 neighbourhood: reads small, blurred 1-D crops whose
    /// bars run into the image edge where the block thresholds break the bars up.
    Adaptive,
}

fn run_rxing(
    gray: &GrayImage,
    view: &View,
    threads: usize,
    warnings: &mut Vec<String>,
) -> Vec<Found> {
    run_rxing_with(gray, view, Binarizer::Hybrid, threads, warnings)
}

/// Reads every code in `gray` with rxing: the 2-D and the 1-D symbologies in blanking loops
/// of their own (each pass's cost is mostly failing detectors, and a group never pays for the
/// other's), on two threads when `threads` >= 2 and the image is page-sized, else one after
/// the other. Either way the same passes run, so the codes found do not depend on `threads`.
fn run_rxing_with(
    gray: &GrayImage,
    view: &View,
    binarizer: Binarizer,
    threads: usize,
    warnings: &mut Vec<String>,
) -> Vec<Found> {
    let (w, h) = gray.dimensions();
    if threads < 2 || u64::from(w) * u64::from(h) < SPLIT_MIN_PIXELS {
        let mut found = read_all(gray, view, binarizer, &FORMATS_2D, true, warnings);
        found.extend(read_all(gray, view, binarizer, &FORMATS_1D, true, warnings));
        return found;
    }
    let (mut found, one_d) = std::thread::scope(|s| {
        let one_d = s.spawn(|| {
            let mut warnings = Vec::new();
            let found = read_all(gray, view, binarizer, &FORMATS_1D, true, &mut warnings);
            (found, warnings)
        });
        let two_d = read_all(gray, view, binarizer, &FORMATS_2D, true, warnings);
        (two_d, one_d.join())
    });
    match one_d {
        Ok((more, more_warnings)) => {
            found.extend(more);
            warnings.extend(more_warnings);
        }
        Err(panic) => warnings.push(format!(
            "1-D code reader crashed: {}",
            crate::extract::panic_message(&*panic)
        )),
    }
    found
}

/// Most decodes of one image by one group of symbologies: each code found is blanked out and
/// the image read again until a read finds nothing, so this bounds the codes per image (and
/// the work on a pathological image that keeps yielding the same code).
const MAX_DECODES_PER_IMAGE: usize = 16;

/// Reads every code in `gray`: decode the whole image, blank out the code found (with its
/// quiet zone), decode again, until nothing more is found.
///
/// zxing's `GenericMultipleBarcodeReader` instead decodes the regions left, right, above and
/// below each code it finds; those crops together cover the page about twice, and on a page
/// with one code every one of them is a failing TryHarder decode, the dearest kind. Blanking
/// pays one failing decode of the page per image instead (measured in docs/BENCHMARKS.md).
fn read_all(
    gray: &GrayImage,
    view: &View,
    binarizer: Binarizer,
    formats: &[BarcodeFormat],
    try_harder: bool,
    warnings: &mut Vec<String>,
) -> Vec<Found> {
    use rxing::common::{AdaptiveThresholdBinarizer, HybridBinarizer};
    use rxing::{BinaryBitmap, Luma8LuminanceSource, MultiUseMultiFormatReader, Reader};

    let hints = DecodeHints {
        TryHarder: Some(try_harder),
        PossibleFormats: Some(formats.iter().copied().collect()),
        ..Default::default()
    };
    let (w, h) = gray.dimensions();
    let mut image = gray.clone();
    let mut found: Vec<Found> = Vec::new();
    // Where each code found sits (image pixels), to tell a code seen again from a new one.
    let mut blanked: Vec<(usize, Rect)> = Vec::new();
    for _ in 0..MAX_DECODES_PER_IMAGE {
        let luma = image.as_raw().clone();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let source = Luma8LuminanceSource::new(luma, w, h)?;
            let mut reader = MultiUseMultiFormatReader::default();
            match binarizer {
                Binarizer::Hybrid => reader.decode_with_hints(
                    &mut BinaryBitmap::new(HybridBinarizer::new(source)),
                    &hints,
                ),
                Binarizer::Adaptive => reader.decode_with_hints(
                    &mut BinaryBitmap::new(AdaptiveThresholdBinarizer::new(source, 15)),
                    &hints,
                ),
            }
        }));
        let r = match result {
            Ok(Ok(r)) => r,
            // rxing reports "nothing found" as an error; that is the common case.
            Ok(Err(_)) => break,
            Err(panic) => {
                warnings.push(format!(
                    "rxing panicked: {}",
                    crate::extract::panic_message(&*panic)
                ));
                break;
            }
        };
        let Some(symbology) = symbology_name(r.getBarcodeFormat()) else {
            break;
        };
        let points: Vec<(f32, f32)> = r.getPoints().iter().map(|p| (p.x, p.y)).collect();
        // a NUL after the data is an encoder's padding read as a character, never content
        let text = rxing_text(&r).trim_end_matches('\0').to_string();
        // Where it is, to blank it out; a code without a place is kept, but ends the search
        // (blanking nothing, the next pass would find it again).
        let area = code_area(&image, &points, symbology);
        if let Some(rect) = area {
            // Part of a code already found (its blank missed some bars): widen that blank to
            // cover both readings, and report nothing new.
            if let Some((_, seen)) = blanked.iter_mut().find(|(i, seen)| {
                found[*i].symbology == symbology && found[*i].text == text && seen.touches(&rect)
            }) {
                *seen = seen.union(&rect).grown(0.0, 8);
                seen.fill(&mut image);
                continue;
            }
            rect.fill(&mut image);
        }
        let mapped: Vec<(f32, f32)> = points.iter().map(|&(x, y)| view.map(x, y)).collect();
        if symbology == "code39"
            && let Some(pharma) = code32_reading(&text)
        {
            found.push(Found {
                rank: 0,
                symbology: "code32",
                text: pharma,
                points: mapped.clone(),
            });
        }
        let index = found.len();
        found.push(Found {
            rank: 0,
            symbology,
            text,
            points: mapped,
        });
        match area {
            Some(rect) => blanked.push((index, rect)),
            None => break,
        }
    }
    found
}

/// A rectangle of image pixels, `x1`/`y1` exclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
    /// The image size, which a grown rectangle stays inside.
    w: u32,
    h: u32,
}

impl Rect {
    fn around(points: &[(f32, f32)], w: u32, h: u32) -> Option<Rect> {
        let (x0, y0, x1, y1) = extent(points)?;
        let clamp = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
        Some(Rect {
            x0: clamp(x0.floor(), w),
            y0: clamp(y0.floor(), h),
            x1: clamp(x1.ceil() + 1.0, w),
            y1: clamp(y1.ceil() + 1.0, h),
            w,
            h,
        })
    }

    /// Grown on every side by `frac` of its larger side plus `px` pixels.
    fn grown(&self, frac: f32, px: u32) -> Rect {
        let by = ((self.x1 - self.x0).max(self.y1 - self.y0) as f32 * frac) as u32 + px;
        self.grown_by(by, by)
    }

    /// Grown by `dx` pixels left and right and `dy` above and below, inside the image.
    fn grown_by(&self, dx: u32, dy: u32) -> Rect {
        Rect {
            x0: self.x0.saturating_sub(dx),
            y0: self.y0.saturating_sub(dy),
            x1: (self.x1 + dx).min(self.w),
            y1: (self.y1 + dy).min(self.h),
            ..*self
        }
    }

    fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
            ..*self
        }
    }

    /// Overlapping or adjacent (within a few pixels).
    fn touches(&self, o: &Rect) -> bool {
        let g = self.grown(0.0, 4);
        g.x0 < o.x1 && o.x0 < g.x1 && g.y0 < o.y1 && o.y0 < g.y1
    }

    /// Paints the rectangle white, so the next decode cannot see what was there.
    fn fill(&self, image: &mut GrayImage) {
        for y in self.y0..self.y1 {
            for x in self.x0..self.x1 {
                image.put_pixel(x, y, Luma([255]));
            }
        }
    }
}

/// The area a decoded code covers, from the decoder's points: a 2-D code's points are its
/// corners or finder-pattern centres, so its box is grown by a quiet zone; a 1-D code's two
/// points lie on the one scan line that read it, so its bars are followed across the lines
/// beside it until they stop.
fn code_area(image: &GrayImage, points: &[(f32, f32)], symbology: &str) -> Option<Rect> {
    let (w, h) = image.dimensions();
    let rect = Rect::around(points, w, h)?;
    if rect.x0 >= rect.x1 || rect.y0 >= rect.y1 {
        return None;
    }
    match symbology {
        // Finder-pattern centres sit 3.5 modules inside a QR code's corners: a quarter of
        // their spacing reaches past the edge for the smallest versions.
        "qr" => return Some(rect.grown(0.25, 8)),
        // PDF417 and DataMatrix points are the symbol's corners.
        "pdf417" | "datamatrix" => return Some(rect.grown(0.0, 12)),
        // Aztec, Micro QR and rMQR points sit on or near the symbol's outline.
        "aztec" | "microqr" | "rmqr" => return Some(rect.grown(0.15, 12)),
        _ => {}
    }
    let (rw, rh) = (rect.x1 - rect.x0, rect.y1 - rect.y0);
    let horizontal = rw >= rh;
    // Along the code (the scan line) and across it (the bars' length).
    let (along, across_at, across_max) = if horizontal {
        ((rect.x0, rect.x1), (rect.y0 + rect.y1) / 2, h)
    } else {
        ((rect.y0, rect.y1), (rect.x0 + rect.x1) / 2, w)
    };
    let sample = |i: u32, a: u32| -> u8 {
        if horizontal {
            image.get_pixel(a, i)[0]
        } else {
            image.get_pixel(i, a)[0]
        }
    };
    // Bars cross a line of the code many times; a line beyond the code's end few.
    let transitions = |line: u32| -> u32 {
        let (mut lo, mut hi) = (255u8, 0u8);
        for a in along.0..along.1 {
            let v = sample(line, a);
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let mid = (lo as u16 + hi as u16) / 2;
        let mut count = 0;
        let mut dark = false;
        for a in along.0..along.1 {
            let d = (sample(line, a) as u16) < mid;
            if d != dark {
                count += 1;
                dark = d;
            }
        }
        if hi.saturating_sub(lo) < 40 { 0 } else { count }
    };
    let need = (transitions(across_at) / 2).max(6);
    let mut lo = across_at;
    while lo > 0 && transitions(lo - 1) >= need {
        lo -= 1;
    }
    let mut hi = across_at;
    while hi + 1 < across_max && transitions(hi + 1) >= need {
        hi += 1;
    }
    let bars = if horizontal {
        Rect {
            y0: lo,
            y1: hi + 1,
            ..rect
        }
    } else {
        Rect {
            x0: lo,
            x1: hi + 1,
            ..rect
        }
    };
    // Quiet zones along the code, a few lines across it.
    let quiet = (rw.max(rh) / 10).max(8);
    Some(if horizontal {
        bars.grown_by(quiet, 4)
    } else {
        bars.grown_by(4, quiet)
    })
}

/// A Code 39 symbol that is an Italian pharmacode (Code 32): six base-32 characters that
/// spell a nine-digit number whose last digit checks the first eight. Read as printed under
/// such codes, `A` and the nine digits. `None` for any other Code 39 text, so an ordinary
/// code is never reinterpreted unless its check digit happens to hold (1 in 10), and even
/// then the plain Code 39 reading is kept beside it.
fn code32_reading(text: &str) -> Option<String> {
    const ALPHABET: &[u8] = b"0123456789BCDFGHJKLMNPQRSTUVWXYZ";
    if text.len() != 6 {
        return None;
    }
    let mut value: u64 = 0;
    for b in text.bytes() {
        let digit = ALPHABET.iter().position(|&a| a == b)?;
        value = value * 32 + digit as u64;
    }
    if value >= 1_000_000_000 {
        return None;
    }
    let digits = format!("{value:09}");
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    // Odd positions as they are, even positions doubled with their digits summed.
    let sum: u32 = d[..8]
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 0 {
                x
            } else {
                (2 * x) / 10 + (2 * x) % 10
            }
        })
        .sum();
    (sum % 10 == d[8]).then(|| format!("A{digits}"))
}

fn run_rqrr(gray: &GrayImage, view: &View, warnings: &mut Vec<String>) -> Vec<Found> {
    // rqrr 0.11 asserts on some geometry (one sample in the public set): catch it.
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut prepared = rqrr::PreparedImage::prepare(gray.clone());
        prepared
            .detect_grids()
            .into_iter()
            .filter_map(|grid| {
                let mut bytes = Vec::new();
                grid.decode_to(&mut bytes).ok()?;
                let points = grid
                    .bounds
                    .iter()
                    .map(|p| view.map(p.x as f32, p.y as f32))
                    .collect();
                Some(Found {
                    rank: 1,
                    symbology: "qr",
                    text: decode_payload(&bytes),
                    points,
                })
            })
            .collect::<Vec<_>>()
    }));
    match result {
        Ok(found) => found,
        Err(panic) => {
            warnings.push(format!(
                "rqrr panicked: {}",
                crate::extract::panic_message(&*panic)
            ));
            Vec::new()
        }
    }
}

/// rxing's text, re-read as GBK when rxing's charset guess garbled it.
///
/// Without an ECI designator rxing guesses a charset per byte segment; GBK bytes (lead bytes
/// 0xA1-0xF7) then come out as Shift_JIS half-width katakana or Latin-1 letters. When the text
/// looks like that and the payload bytes read cleanly as GBK, GBK wins. Genuine Shift_JIS
/// Japanese (full-width kana and kanji, or half-width katakana with well-placed voicing
/// marks, see [`plausibly_japanese`]) is left alone.
fn rxing_text(r: &RXingResult) -> String {
    let text = r.getText().to_string();
    if r.getBarcodeFormat() != &BarcodeFormat::QR_CODE || !looks_garbled(&text) {
        return text;
    }
    if plausibly_japanese(&text) {
        return text;
    }
    let meta = r.getRXingResultMetadata();
    let bytes: Vec<u8> = match meta.get(&RXingResultMetadataType::BYTE_SEGMENTS) {
        // zxing's classic reader: raw bytes are codewords; the payload is in the segments.
        Some(RXingResultMetadataValue::ByteSegments(segments)) if segments.len() == 1 => {
            segments[0].clone()
        }
        Some(_) => return text,
        // zxing-cpp's port: raw bytes are the payload; an even AIM modifier means an ECI
        // named the charset, so rxing's text is right.
        None => {
            let eci = matches!(
                meta.get(&RXingResultMetadataType::SYMBOLOGY_IDENTIFIER),
                Some(RXingResultMetadataValue::SymbologyIdentifier(id))
                    if id.chars().last().and_then(|c| c.to_digit(10)).is_some_and(|d| d % 2 == 0)
            );
            if eci {
                return text;
            }
            r.getRawBytes().to_vec()
        }
    };
    match encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(gbk) if !looks_garbled(&gbk) => gbk.into_owned(),
        _ => text,
    }
}

/// Half-width katakana written by a Japanese (Shift_JIS) encoder rather than Chinese bytes that
/// a Shift_JIS guess misread: it carries voicing marks (ﾞ ﾟ) and each follows a kana that takes
/// one (ﾃﾞ, ﾊﾟ). In misread Chinese a mark follows any kana (about one in three takes it), so
/// two or more marks, all well placed, and nothing else garbled are asked for.
fn plausibly_japanese(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut marks = 0;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let well_placed = match c {
            'ﾞ' => matches!(prev, Some('ｳ' | 'ｶ'..='ﾄ' | 'ﾊ'..='ﾎ')),
            'ﾟ' => matches!(prev, Some('ﾊ'..='ﾎ')),
            _ => {
                if matches!(c as u32, 0x00C0..=0x00FF | 0xE000..=0xF8FF | 0xFFFD) {
                    return false;
                }
                continue;
            }
        };
        if !well_placed {
            return false;
        }
        marks += 1;
    }
    marks >= 2
}

/// Half-width katakana, Latin-1 letters, private-use or replacement characters: what a
/// wrong charset guess produces from Chinese bytes.
fn looks_garbled(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0xFF61..=0xFF9F | 0x00C0..=0x00FF | 0xE000..=0xF8FF | 0xFFFD))
}

fn symbology_name(format: &BarcodeFormat) -> Option<&'static str> {
    Some(match format {
        BarcodeFormat::QR_CODE => "qr",
        BarcodeFormat::CODE_128 => "code128",
        BarcodeFormat::CODE_39 => "code39",
        BarcodeFormat::EAN_13 => "ean13",
        BarcodeFormat::PDF_417 => "pdf417",
        BarcodeFormat::DATA_MATRIX => "datamatrix",
        BarcodeFormat::AZTEC => "aztec",
        BarcodeFormat::MICRO_QR_CODE => "microqr",
        BarcodeFormat::RECTANGULAR_MICRO_QR_CODE => "rmqr",
        BarcodeFormat::ITF => "itf",
        BarcodeFormat::CODE_93 => "code93",
        _ => return None,
    })
}

/// Deduplicates (the same code seen by two readers or two crops), converts to fractions of the
/// page and sorts in reading order.
fn finish(mut found: Vec<Found>, w: u32, h: u32, page: u32) -> Vec<Code> {
    found.sort_by_key(|f| f.rank);
    let mut codes: Vec<Code> = Vec::new();
    for f in found {
        if f.text.is_empty() {
            continue;
        }
        let bbox = bbox_of(&f.points, w, h);
        // The same code twice: same text, or the same place read differently by a
        // less trusted reader (e.g. Shift_JIS vs GBK).
        let duplicate = codes.iter().any(|c| {
            c.symbology == f.symbology
                && (c.text == f.text
                    || matches!((c.bbox, bbox), (Some(a), Some(b)) if overlaps(a, b)))
        });
        if !duplicate {
            codes.push(Code {
                symbology: f.symbology.to_string(),
                text: f.text,
                page,
                bbox,
            });
        }
    }
    in_reading_order(&mut codes);
    codes
}

/// Sorts codes top to bottom, then left to right; codes without a box last.
pub fn in_reading_order(codes: &mut [Code]) {
    codes.sort_by(|a, b| {
        let ka = a.bbox.map(|b| (b[1], b[0])).unwrap_or((2.0, 2.0));
        let kb = b.bbox.map(|b| (b[1], b[0])).unwrap_or((2.0, 2.0));
        ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal)
    });
}

/// Whether two boxes overlap by more than half of the smaller one.
fn overlaps(a: BBox, b: BBox) -> bool {
    let ix = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let iy = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let area = |r: BBox| (r[2] - r[0]) * (r[3] - r[1]);
    let smaller = area(a).min(area(b));
    smaller > 0.0 && ix * iy > 0.5 * smaller
}

/// The least and greatest x and y of the finite points (decoders give NaN for points they
/// could not place); `None` when there is none.
fn extent(points: &[(f32, f32)]) -> Option<(f32, f32, f32, f32)> {
    points
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .fold(None, |acc, &(x, y)| {
            let (x0, y0, x1, y1) = acc.unwrap_or((x, y, x, y));
            Some((x0.min(x), y0.min(y), x1.max(x), y1.max(y)))
        })
}

/// The box around the decoder's points as fractions of the page, clamped to the page.
fn bbox_of(points: &[(f32, f32)], w: u32, h: u32) -> Option<BBox> {
    let (x0, y0, x1, y1) = extent(points)?;
    let (fw, fh) = (w as f32, h as f32);
    let c = |v: f32| v.clamp(0.0, 1.0);
    Some([c(x0 / fw), c(y0 / fh), c(x1 / fw), c(y1 / fh)])
}

/// Grey levels spread over the whole range when the darkest ink is light: a code printed in
/// a colour (orange, a light grey) has modules of middle grey, which zxing's block thresholds
/// take for paper where a block is all module. Levels between the 1st and the 99th
/// percentile are stretched to black and white.
fn stretched(mut gray: GrayImage) -> GrayImage {
    let mut histogram = [0u64; 256];
    for p in gray.pixels() {
        histogram[p.0[0] as usize] += 1;
    }
    let total: u64 = histogram.iter().sum();
    let level_at = |share: f64| {
        let mut seen = 0u64;
        histogram
            .iter()
            .position(|&n| {
                seen += n;
                seen as f64 >= share * total as f64
            })
            .unwrap_or(255) as u32
    };
    let (lo, hi) = (level_at(0.01), level_at(0.99));
    if lo <= 64 || hi <= lo + 32 {
        return gray;
    }
    for p in gray.pixels_mut() {
        let v = (p.0[0] as u32).clamp(lo, hi);
        p.0[0] = ((v - lo) * 255 / (hi - lo)) as u8;
    }
    gray
}

/// Grey levels, with transparency composited onto white (transparent pixels are often stored
/// as black, which would turn a PNG with alpha into a black square).
pub fn to_gray(image: &DynamicImage) -> GrayImage {
    if !image.color().has_alpha() {
        return image.to_luma8();
    }
    let rgba = image.to_rgba8();
    let (w, h) = rgba.dimensions();
    GrayImage::from_fn(w, h, |x, y| {
        let p = rgba.get_pixel(x, y);
        let luma = (299 * p[0] as u32 + 587 * p[1] as u32 + 114 * p[2] as u32) / 1000;
        let a = p[3] as u32;
        Luma([((luma * a + 255 * (255 - a)) / 255) as u8])
    })
}

/// Pads with the mean border colour (white padding around a grey photo background makes the
/// background look dark to adaptive thresholds) and upscales so the long side is at least
/// `min_dim`. Returns the new image and where it sits in the original.
fn pad_up(g: &GrayImage, min_dim: u32) -> (GrayImage, View) {
    let (w, h) = g.dimensions();
    let pad = (w.max(h) / 10).max(8);
    let mut sum = 0u64;
    let mut n = 0u64;
    for x in 0..w {
        sum += g.get_pixel(x, 0)[0] as u64 + g.get_pixel(x, h - 1)[0] as u64;
        n += 2;
    }
    for y in 0..h {
        sum += g.get_pixel(0, y)[0] as u64 + g.get_pixel(w - 1, y)[0] as u64;
        n += 2;
    }
    let fill = (sum / n.max(1)) as u8;
    let mut canvas = GrayImage::from_pixel(w + 2 * pad, h + 2 * pad, Luma([fill]));
    imageops::replace(&mut canvas, g, pad as i64, pad as i64);
    let k = (min_dim as f32 / canvas.width().max(canvas.height()) as f32)
        .ceil()
        .clamp(1.0, 4.0) as u32;
    let out = if k == 1 {
        canvas
    } else {
        imageops::resize(
            &canvas,
            canvas.width() * k,
            canvas.height() * k,
            imageops::FilterType::Triangle,
        )
    };
    let view = View {
        x: -(pad as f32),
        y: -(pad as f32),
        scale: 1.0 / k as f32,
    };
    (out, view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> GrayImage {
        let path = format!("{}/fixtures/codes/{name}", env!("CARGO_MANIFEST_DIR"));
        image::open(path).expect("fixture").to_luma8()
    }

    fn on_page(code: &GrayImage, page_w: u32, page_h: u32, x: i64, y: i64) -> GrayImage {
        let mut page = GrayImage::from_pixel(page_w, page_h, Luma([250]));
        imageops::replace(&mut page, code, x, y);
        page
    }

    #[test]
    fn a_code_printed_in_orange_is_read_at_a_quick_look() {
        // modules of middle grey (orange ink): the block thresholds need the levels stretched
        let qr = fixture("qr_utf8.png");
        let orange = image::RgbImage::from_fn(qr.width(), qr.height(), |x, y| {
            if qr.get_pixel(x, y).0[0] < 128 {
                image::Rgb([230, 120, 20])
            } else {
                image::Rgb([255, 255, 255])
            }
        });
        let look = quick_look(&DynamicImage::ImageRgb8(orange), 1, &CodesConfig::default());
        assert_eq!(look.codes.len(), 1, "{:?}", look.warnings);
    }

    #[test]
    fn a_damaged_qr_code_is_seen_though_not_read() {
        let damaged = fixture("qr_damaged.png");
        let image = DynamicImage::ImageLuma8(damaged.clone());
        assert!(
            scan_gray(&damaged, 1, &CodesConfig::default())
                .codes
                .is_empty()
        );
        assert!(qr_seen(&image));
        // a barcode, a blank picture and a page of noise show none
        assert!(!qr_seen(&DynamicImage::ImageLuma8(fixture("code128.png"))));
        assert!(!qr_seen(&DynamicImage::ImageLuma8(GrayImage::from_pixel(
            300,
            300,
            Luma([255])
        ))));
        let noise = GrayImage::from_fn(300, 300, |x, y| {
            Luma([if (x * 7 + y * 13) % 5 < 2 { 0 } else { 255 }])
        });
        assert!(!qr_seen(&DynamicImage::ImageLuma8(noise)));
    }

    #[test]
    fn reads_qr_and_code128_with_boxes() {
        let qr = fixture("qr_utf8.png");
        let bar = fixture("code128.png");
        let mut page = on_page(&qr, 1200, 1600, 900, 60);
        imageops::replace(&mut page, &bar, 80, 1400);
        let scan = scan_gray(&page, 3, &CodesConfig::default());
        assert!(scan.warnings.is_empty(), "{:?}", scan.warnings);
        let texts: Vec<_> = scan
            .codes
            .iter()
            .map(|c| (c.symbology.as_str(), c.text.as_str(), c.page))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("qr", "统一社会信用代码：91310115MA1K4ABC2X", 3),
                ("code128", "DV-2024-000123", 3)
            ]
        );
        let qr_box = scan.codes[0].bbox.expect("qr box");
        // The QR sits in the top-right corner of the page.
        assert!(
            qr_box[0] > 0.7 && qr_box[1] < 0.2 && qr_box[2] <= 1.0,
            "{qr_box:?}"
        );
    }

    #[test]
    fn every_code_on_a_page_is_read_once() {
        // Two QR codes and two barcodes, one of them turned 90°, one QR right beside a barcode:
        // each is blanked out after it is read, so each is read exactly once.
        let bar = fixture("code128.png");
        let mut page = on_page(&fixture("qr_utf8.png"), 1700, 2300, 1300, 80);
        imageops::replace(&mut page, &fixture("qr_gbk.png"), 100, 1000);
        imageops::replace(&mut page, &bar, 100, 2000);
        imageops::replace(&mut page, &imageops::rotate90(&bar), 1500, 900);
        let qr_w = fixture("qr_gbk.png").width() as i64;
        imageops::replace(&mut page, &fixture("code32.png"), 100 + qr_w + 40, 1000);
        let scan = scan_gray(&page, 1, &CodesConfig::default());
        let mut texts: Vec<_> = scan
            .codes
            .iter()
            .map(|c| (c.symbology.as_str(), c.text.as_str()))
            .collect();
        texts.sort();
        assert_eq!(
            texts,
            vec![
                // the same text twice on a page is one code (`finish`)
                ("code128", "DV-2024-000123"),
                ("code32", "A123456788"),
                ("code39", "3PRM8N"),
                ("qr", "上海市浦东新区张江路88号"),
                ("qr", "统一社会信用代码：91310115MA1K4ABC2X"),
            ],
            "{:?}",
            scan.codes
        );
        // One thread (beside OCR) reads the same codes as two (2-D and 1-D apart).
        let one = scan_gray(
            &page,
            1,
            &CodesConfig {
                threads: 1,
                ..Default::default()
            },
        );
        assert_eq!(one.codes, scan.codes);
    }

    #[test]
    fn a_one_d_code_is_blanked_over_its_whole_height() {
        // A tall barcode: its scan line is one row, its bars run far above and below.
        let bar = fixture("code128.png");
        let tall = imageops::resize(
            &bar,
            bar.width(),
            bar.height() * 4,
            imageops::FilterType::Nearest,
        );
        let mut page = on_page(&tall, 1000, 1400, 200, 300);
        let view = View::whole(1000, 1400);
        let found = run_rxing(&page, &view, 1, &mut Vec::new());
        assert_eq!(found.len(), 1, "{found:?}");
        // And a blank covers it: nothing of it is left to read.
        let rect = code_area(&page, &found[0].points, "code128").expect("area");
        rect.fill(&mut page);
        assert!(run_rxing(&page, &view, 1, &mut Vec::new()).is_empty());
    }

    #[test]
    fn inverted_code_is_found_by_retry() {
        let mut page = on_page(&fixture("qr_utf8.png"), 500, 500, 100, 100);
        imageops::invert(&mut page);
        // Now: white modules on a dark page. The first pass (rqrr and rxing as they are)
        // must not read it, or this test would say nothing about the retry.
        let no_retry = CodesConfig {
            retries: false,
            ..Default::default()
        };
        let plain = scan_gray(&page, 1, &no_retry);
        assert!(
            plain.codes.is_empty(),
            "the first pass read the inverted code: {:?}",
            plain.codes
        );
        // The retry ladder alone reads it (its first rung, the inverted image) ...
        let mut warnings = Vec::new();
        let rung = retry(&page, 1, &mut warnings);
        assert!(
            rung.iter().any(|f| f.text.starts_with("统一社会信用代码")),
            "{rung:?} {warnings:?}"
        );
        // ... and a scan with retries on reports it, once.
        let retried = scan_gray(&page, 1, &CodesConfig::default());
        let texts: Vec<&str> = retried.codes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["统一社会信用代码：91310115MA1K4ABC2X"]);
    }

    #[test]
    fn half_width_japanese_is_not_taken_for_misread_chinese() {
        assert!(plausibly_japanese("*ﾃﾞｻﾞｲﾝQR*\r\nhttp://d-qr.net/ex/"));
        assert!(plausibly_japanese("ｲﾗｽﾄ入りｶﾗｰQRｺｰﾄﾞ ﾊﾟﾝ"));
        // One mark is not enough evidence; a misplaced one rules Japanese out.
        assert!(!plausibly_japanese("ﾃﾞｻｲﾝ"));
        assert!(!plausibly_japanese("ﾃﾞｻﾞｲﾞﾝ"));
    }

    #[test]
    fn chinese_read_as_shift_jis_is_rarely_taken_for_japanese() {
        // Addresses, names and phrases of the kind QR payloads carry, GBK-encoded and misread
        // as Shift_JIS: the rule must send (almost) all of them back to GBK.
        let samples = [
            "上海市浦东新区张江路88号",
            "山西省太原市小店区长治路88号",
            "晋中誉诚会计师事务所有限公司",
            "山西晋创科技有限公司",
            "不动产权证书查验",
            "专项审计报告防伪查询",
            "统一社会信用代码",
            "太原市不动产登记中心",
            "运城市盐湖区龙城大街346号",
            "大同博远产业园运营有限责任公司",
            "省级小微企业创业创新基地",
            "报告文号晋龙城专审字第0283号",
        ];
        let mut japanese = 0;
        for zh in samples {
            let (bytes, _, _) = encoding_rs::GBK.encode(zh);
            let (sjis, _, _) = encoding_rs::SHIFT_JIS.decode(&bytes);
            if plausibly_japanese(&sjis) {
                japanese += 1;
            }
        }
        assert_eq!(japanese, 0);
    }

    #[test]
    fn gbk_payload_reads_as_chinese_once() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/codes/qr_gbk.png");
        let img = image::open(path).expect("fixture");
        let scan = scan(&img, 1, &CodesConfig::default());
        let texts: Vec<_> = scan.codes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["上海市浦东新区张江路88号"]);
    }

    #[test]
    fn blank_and_tiny_images_give_nothing() {
        let blank = GrayImage::from_pixel(300, 300, Luma([255]));
        assert!(
            scan_gray(&blank, 1, &CodesConfig::default())
                .codes
                .is_empty()
        );
        let tiny = GrayImage::from_pixel(1, 1, Luma([0]));
        assert!(
            scan_gray(&tiny, 1, &CodesConfig::default())
                .codes
                .is_empty()
        );
        let empty = GrayImage::new(0, 0);
        assert!(
            scan_gray(&empty, 1, &CodesConfig::default())
                .codes
                .is_empty()
        );
    }

    #[test]
    fn disabled_reads_nothing() {
        let qr = fixture("qr_utf8.png");
        let config = CodesConfig {
            enabled: false,
            ..Default::default()
        };
        assert!(scan_gray(&qr, 1, &config).codes.is_empty());
    }

    #[test]
    fn alpha_is_composited_on_white() {
        let rgba = image::RgbaImage::from_pixel(4, 4, image::Rgba([0, 0, 0, 0]));
        let g = to_gray(&DynamicImage::ImageRgba8(rgba));
        assert!(g.pixels().all(|p| p[0] == 255));
    }

    #[test]
    fn garbled_guesses_are_recognised() {
        assert!(looks_garbled("ﾉﾏｺ｣ﾊﾐﾆﾖ88"));
        assert!(looks_garbled("Ã¤Â¸Â\u{AD}"));
        assert!(!looks_garbled("Google モバイル"));
        assert!(!looks_garbled("统一社会信用代码 91310000"));
    }

    #[test]
    fn code32_is_read_only_when_its_check_digit_holds() {
        assert_eq!(code32_reading("3PRM8N").as_deref(), Some("A123456788"));
        assert_eq!(code32_reading("000000").as_deref(), Some("A000000000"));
        assert_eq!(code32_reading("3PRM8P"), None, "check digit off");
        assert_eq!(
            code32_reading("3PRA8N"),
            None,
            "vowels are not in the alphabet"
        );
        assert_eq!(code32_reading("3PRM8"), None);
        assert_eq!(code32_reading("ZZZZZZ"), None, "beyond nine digits");
        assert_eq!(code32_reading("DV2024"), None);
    }

    #[test]
    fn bbox_is_clamped_fractions() {
        let b = bbox_of(&[(-5.0, 10.0), (110.0, 50.0)], 100, 100).unwrap();
        assert_eq!(b, [0.0, 0.1, 1.0, 0.5]);
        assert_eq!(bbox_of(&[], 10, 10), None);
        assert_eq!(bbox_of(&[(f32::NAN, 1.0)], 10, 10), None);
    }
}
