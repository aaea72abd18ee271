//! Chinese OCR of page images: PaddleOCR's PP-OCRv6 models run in pure Rust with rten.
//!
//! Extraction calls [`recognize`] for pages without a usable text layer. The pipeline:
//!
//! 1. red seal ink is lifted out of colour scans ([`imaging::suppress_seals_to_gray`]), since
//!    seals are stamped over names and would otherwise hide or garble them;
//! 2. the page is brought to at most 2000 px on its long side (as RapidOCR does), its typical
//!    text height is measured and the detector input scaled so that text is some 16 px tall
//!    ([`scale`]: small print gets more pixels, large print fewer), and the DB text detector
//!    finds line boxes ([`detect`]: contours, minimum-area rectangles, unclip);
//! 3. orientation: a page whose lines run vertically is turned a quarter, and the 0°/180° line
//!    classifier votes on whether the page is upside down ([`orient`]);
//! 4. the recogniser reads the lines in batches (CTC, dictionary from the model) with a
//!    position and probability for every character ([`recognize`](self::recognize));
//! 5. [`layout`] puts lines in reading order (rows, table cells, paragraphs) and gives each
//!    character a [`TextSpan`] with its box on the original image and its confidence, so a
//!    doubtful character lowers the confidence of any field read from it.
//!
//! The models are compiled into the binary ([`engine`]) and loaded once per process on first
//! use; [`recognize`] is thread-safe, limits how many pages are read at once and how many
//! threads each may use ([`OcrConfig`]), and can cache results by page image hash.

mod cache;
mod detect;
mod engine;
mod geometry;
mod imaging;
mod layout;
mod orient;
mod recognize;
mod scale;

use std::path::PathBuf;
use std::sync::{Condvar, Mutex};
use std::time::Instant;

use image::{DynamicImage, GrayImage};
use serde::{Deserialize, Serialize};

use crate::model::TextSpan;
use detect::{DbParams, boxes_from_probability};
use engine::{Engine, engine, run, thread_pool};
use geometry::{Pt, Quad};
use imaging::{Turn, box_downscale, limit_side, suppress_seals_to_gray, to_chw3};
use layout::{Line, lay_out};

/// `[ocr]` in the configuration.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct OcrConfig {
    /// Turn OCR off (pages without a text layer then have no text).
    pub enabled: bool,
    /// Threads one page may use for inference; 0 = one per physical core.
    pub threads: usize,
    /// Documents read by OCR at the same time (a global limit: each page in flight holds
    /// about 0.3 GB); 0 = one per CPU slot. Two documents on two cores, a thread each, finish
    /// a scanned submission sooner than one after another with two threads each (a second
    /// thread speeds a page up 1.5x, a second page 2x; docs/BENCHMARKS.md).
    pub max_concurrent: usize,
    /// Where results are cached by page image hash; `None` = no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Default for OcrConfig {
    fn default() -> Self {
        OcrConfig {
            enabled: true,
            threads: 0,
            max_concurrent: 0,
            cache_dir: None,
        }
    }
}

/// The text read from one page image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrPage {
    /// Lines in reading order, separated by `\n`; an empty line separates paragraphs, a tab
    /// separates the cells of a table row or the columns of a form line.
    pub text: String,
    /// One span per recognised character (whitespace added by the layout has none): its
    /// place as fractions of the image (origin top-left) and its recognition probability.
    pub spans: Vec<TextSpan>,
    /// Mean confidence over all characters (0 when nothing was read).
    pub confidence: f32,
}

/// Why OCR did not run.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// OCR is switched off, or its models could not be loaded.
    #[error("OCR 不可用 / OCR is not available: {0}")]
    Unavailable(String),
    /// The image cannot be read as a page (empty or absurdly large).
    #[error("图像无法识别 / image cannot be read: {0}")]
    InvalidImage(String),
    /// The inference engine failed (a bug or resource exhaustion, not a property of the page).
    #[error("OCR 推理失败 / OCR inference failed: {0}")]
    Inference(String),
}

/// Longest page side the pipeline works at (RapidOCR's `max_side_len`).
const WORK_MAX_SIDE: u32 = 2000;
/// Detection input when the page's text height cannot be measured ([`scale::text_height`]
/// finds too little text, e.g. a nearly blank page): at least this on the short side
/// (RapidOCR `limit_side_len`, type min)…
const DET_MIN_SIDE: f32 = 736.0;
/// …and at most this on the long side. Pages with measurable text are sized by
/// [`scale::det_size_for`] instead.
const DET_MAX_SIDE: f32 = 1280.0;
/// Lines whose mean character probability is below this are dropped as noise (RapidOCR's
/// `text_score`); characters of kept lines keep their own probability.
const MIN_LINE_SCORE: f32 = 0.5;
/// Refuse images beyond this many pixels (a 600 dpi A3 page is ~70 Mpx).
const MAX_PIXELS: u64 = 120_000_000;

/// Reads the text of a page image.
pub fn recognize(image: &DynamicImage, config: &OcrConfig) -> Result<OcrPage, OcrError> {
    if !config.enabled {
        return Err(OcrError::Unavailable(
            "已在配置中关闭 / disabled in configuration".into(),
        ));
    }
    let (w, h) = (image.width(), image.height());
    if w == 0 || h == 0 {
        return Err(OcrError::InvalidImage(format!(
            "空图像 / empty image ({w}x{h})"
        )));
    }
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(OcrError::InvalidImage(format!(
            "图像过大 / image too large ({w}x{h}, at most {MAX_PIXELS} pixels)"
        )));
    }
    let key = config.cache_dir.as_ref().map(|_| cache::key(image));
    if let (Some(dir), Some(key)) = (&config.cache_dir, &key)
        && let Some(hit) = cache::load(dir, key)
    {
        return Ok(hit);
    }
    let page = {
        let _slot = Slot::acquire(or_cores(config.max_concurrent));
        let engine = engine()?;
        let pool = thread_pool(match THREAD_GATE.get() {
            Some(gate) => {
                let wanted = or_cores(config.threads);
                gate(wanted).clamp(1, wanted)
            }
            None => config.threads,
        });
        read_page(engine, image, &pool)?
    };
    if let (Some(dir), Some(key)) = (&config.cache_dir, &key) {
        cache::store(dir, key, &page);
    }
    Ok(page)
}

/// `n`, or for 0 (the configuration's "as many as there are") the cores of this machine.
fn or_cores(n: usize) -> usize {
    match n {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// Asked how many threads a page may use, given how many it would: set once by a process
/// whose CPU is budgeted by another (the extraction worker asks its parent, which shares the
/// cores among the documents in flight).
pub type ThreadGate = Box<dyn Fn(usize) -> usize + Send + Sync>;
static THREAD_GATE: std::sync::OnceLock<ThreadGate> = std::sync::OnceLock::new();

/// Sets this process's [`ThreadGate`]; a second call is ignored.
pub fn set_thread_gate(gate: ThreadGate) {
    let _ = THREAD_GATE.set(gate);
}

/// A place in the global OCR concurrency limit, held while a page is read.
struct Slot;

static IN_FLIGHT: Mutex<usize> = Mutex::new(0);
static SLOT_FREED: Condvar = Condvar::new();

impl Slot {
    fn acquire(limit: usize) -> Slot {
        let mut n = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        while *n >= limit.max(1) {
            n = SLOT_FREED.wait(n).unwrap_or_else(|e| e.into_inner());
        }
        *n += 1;
        Slot
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut n = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        *n = n.saturating_sub(1);
        SLOT_FREED.notify_one();
    }
}

type Pool = Option<std::sync::Arc<rten::ThreadPool>>;

/// The whole pipeline for one page.
fn read_page(engine: &Engine, image: &DynamicImage, pool: &Pool) -> Result<OcrPage, OcrError> {
    let t0 = Instant::now();
    let gray = suppress_seals_to_gray(image);
    let (work, _) = limit_side(gray, WORK_MAX_SIDE);
    let (ww, wh) = (work.width() as f32, work.height() as f32);
    if work.width() < 8 || work.height() < 8 {
        return Ok(OcrPage {
            text: String::new(),
            spans: vec![],
            confidence: 0.0,
        });
    }
    let t_prep = t0.elapsed();

    // detection; a page whose lines run vertically is turned a quarter clockwise (the boxes are
    // turned with it: the detector finds the same regions either way)
    let mut turn = Turn(0);
    let mut upright = work;
    // the detector's input size follows the page's own text height (small print gets more
    // pixels, large print fewer); the fixed size only when no text height can be measured
    let text_px = scale::text_height(&upright);
    let (dw, dh) = match text_px {
        Some(t) => scale::det_size_for(upright.width(), upright.height(), t),
        None => det_size(upright.width(), upright.height()),
    };
    let mut quads = detect_lines(engine, &upright, (dw, dh), pool)?;
    if orient::runs_vertically(&quads) {
        turn = Turn(1);
        quads = turn_quads(&quads, Turn(1), ww, wh);
        upright = Turn(1).apply(&upright);
    }
    let t_det = t0.elapsed();
    // upside down? (decided for the whole page by the line classifier)
    if orient::upside_down(engine, &upright, &quads, pool)? {
        let (uw, uh) = (upright.width() as f32, upright.height() as f32);
        turn = turn.then(Turn(2));
        quads = turn_quads(&quads, Turn(2), uw, uh);
        upright = Turn(2).apply(&upright);
    }
    let t_cls = t0.elapsed();

    let mut reading: Vec<Quad> = quads.iter().map(recognize::reading_quad).collect();
    let mut recs = recognize::recognize_lines(engine, &upright, &reading, pool)?;
    // vertical text on an upright page (a code up the margin) may run either way
    let sideways: Vec<bool> = quads.iter().zip(&reading).map(|(q, r)| q != r).collect();
    recognize::reread_sideways(engine, &upright, &mut reading, &mut recs, &sideways, pool)?;
    let lines: Vec<Line> = reading
        .into_iter()
        .zip(recs)
        .filter(|(_, r)| {
            r.score >= MIN_LINE_SCORE && r.chars.iter().any(|c| !c.text.trim().is_empty())
        })
        .map(|(quad, rec)| Line { quad, rec })
        .collect();

    let to_frac = |p: Pt| {
        let q = turn.unmap(p, ww, wh);
        Pt::new(q.x / ww, q.y / wh)
    };
    let t_rec = t0.elapsed();
    let laid = lay_out(&lines, &to_frac);
    tracing::debug!(
        prepare = ?t_prep, text_px = ?text_px, det_input = ?(dw, dh), detect = ?(t_det - t_prep), classify = ?(t_cls - t_det),
        recognize = ?(t_rec - t_cls), lines = lines.len(), "OCR page read"
    );
    let confidence = if laid.spans.is_empty() {
        0.0
    } else {
        laid.spans.iter().map(|s| s.confidence).sum::<f32>() / laid.spans.len() as f32
    };
    Ok(OcrPage {
        text: laid.text,
        spans: laid.spans,
        confidence,
    })
}

/// Turns quads with the page: `w x h` is the page size before the turn.
fn turn_quads(quads: &[Quad], turn: Turn, w: f32, h: f32) -> Vec<Quad> {
    quads
        .iter()
        .map(|q| Quad::ordered(q.0.map(|p| turn.map(p, w, h))))
        .collect()
}

/// Size of the detector input for a `w x h` page: short side at least [`DET_MIN_SIDE`], long
/// side at most [`DET_MAX_SIDE`], both multiples of 32 (the network downsamples 32x).
fn det_size(w: u32, h: u32) -> (u32, u32) {
    let (wf, hf) = (w as f32, h as f32);
    let mut r = 1.0f32;
    if wf.min(hf) < DET_MIN_SIDE {
        r = DET_MIN_SIDE / wf.min(hf);
    }
    if wf.max(hf) * r > DET_MAX_SIDE {
        r = DET_MAX_SIDE / wf.max(hf);
    }
    let round32 = |v: f32| (((v / 32.0).round() as u32) * 32).max(32);
    (round32(wf * r), round32(hf * r))
}

/// Runs the detector on `img` brought to `dw x dh` (multiples of 32) and returns line quads in
/// `img` coordinates.
fn detect_lines(
    engine: &Engine,
    img: &GrayImage,
    (dw, dh): (u32, u32),
    pool: &Pool,
) -> Result<Vec<Quad>, OcrError> {
    let input = if dw <= img.width() && dh <= img.height() {
        box_downscale(img, dw, dh)
    } else {
        image::imageops::resize(img, dw, dh, image::imageops::FilterType::Triangle)
    };
    let (shape, prob) = run(
        &engine.det,
        &[1, 3, dh as usize, dw as usize],
        to_chw3(&input),
        pool,
    )?;
    if shape.len() != 4 || shape[2] * shape[3] != prob.len() {
        return Err(OcrError::Inference(format!(
            "detector output shape {shape:?}"
        )));
    }
    let (ph, pw) = (shape[2], shape[3]);
    let (sx, sy) = (
        img.width() as f32 / pw as f32,
        img.height() as f32 / ph as f32,
    );
    let boxes = boxes_from_probability(&prob, pw, ph, &DbParams::default());
    Ok(boxes
        .into_iter()
        .map(|b| b.quad.map(|p| Pt::new(p.x * sx, p.y * sy)))
        .filter(|q| q.width() > 3.0 && q.height() > 3.0)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn det_sizes_are_multiples_of_32_within_limits() {
        assert_eq!(det_size(1414, 2000), (896, 1280));
        // small pages are enlarged to a 736 short side
        assert_eq!(det_size(600, 500), (896, 736));
        // the long-side cap wins for extreme shapes (memory stays bounded)
        assert_eq!(det_size(300, 100), (1280, 416));
        let (w, h) = det_size(20000, 100);
        assert!(w <= 2016 && h >= 32);
    }

    #[test]
    fn disabled_and_bad_images_are_errors_not_panics() {
        let img = DynamicImage::new_rgb8(10, 10);
        let off = OcrConfig {
            enabled: false,
            ..Default::default()
        };
        assert!(matches!(
            recognize(&img, &off),
            Err(OcrError::Unavailable(_))
        ));
        let empty = DynamicImage::new_rgb8(0, 5);
        assert!(matches!(
            recognize(&empty, &OcrConfig::default()),
            Err(OcrError::InvalidImage(_))
        ));
    }

    #[test]
    fn blank_and_tiny_pages_read_as_empty() {
        let cfg = OcrConfig::default();
        let tiny = DynamicImage::new_luma8(3, 3);
        let page = recognize(&tiny, &cfg).unwrap();
        assert!(page.text.is_empty() && page.spans.is_empty());
        let blank = DynamicImage::ImageLuma8(GrayImage::from_pixel(800, 1100, image::Luma([245])));
        let page = recognize(&blank, &cfg).unwrap();
        assert!(page.text.trim().is_empty(), "{:?}", page.text);
        assert_eq!(page.confidence, 0.0);
    }

    #[test]
    fn config_parses_from_toml_with_defaults() {
        let c: OcrConfig = toml::from_str("threads = 2\ncache_dir = \"/tmp/x\"").unwrap();
        assert_eq!(c.threads, 2);
        assert!(c.enabled && c.max_concurrent == 0);
        assert!(toml::from_str::<OcrConfig>("bogus = 1").is_err());
    }

    #[test]
    fn concurrency_limit_holds_and_slots_are_released() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static INSIDE: AtomicUsize = AtomicUsize::new(0);
        static MAX_SEEN: AtomicUsize = AtomicUsize::new(0);
        let handles: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    let _slot = Slot::acquire(1);
                    let now = INSIDE.fetch_add(1, Ordering::SeqCst) + 1;
                    MAX_SEEN.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    INSIDE.fetch_sub(1, Ordering::SeqCst);
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(MAX_SEEN.load(Ordering::SeqCst), 1);
    }
}
