//! Whole-page orientation: scans come in turned by 90°, 180° or 270°.
//!
//! A quarter turn shows in the detector's output (text lines become tall, thin boxes); a half
//! turn does not, so the 0°/180° line classifier shipped with the models decides it. The
//! decision is taken for the page as a whole, weighted by line length, because one page is
//! scanned one way and a single short line (a page number, "一") is easily misjudged.

use super::OcrError;
use super::engine::Engine;
use super::geometry::Quad;
use super::recognize;
use image::GrayImage;

/// Lines classified to decide the page (the longest ones).
const CLS_LINES: usize = 24;
/// Weighted share of "180°" votes above which the page is turned.
const UPSIDE_DOWN_SHARE: f32 = 0.6;

/// Whether the page's text lines run top-to-bottom (the page lies on its side).
pub fn runs_vertically(quads: &[Quad]) -> bool {
    let (mut horizontal, mut vertical) = (0.0f32, 0.0f32);
    for q in quads {
        let (w, h) = (q.width(), q.height());
        // only clearly line-shaped boxes vote (single characters and stamps are square-ish)
        if w >= 3.0 * h {
            horizontal += w;
        } else if h >= 3.0 * w {
            vertical += h;
        }
    }
    vertical > 2.0 * horizontal && vertical > 0.0
}

/// Whether the (upright or half-turned) page is upside down.
pub fn upside_down(
    engine: &Engine,
    img: &GrayImage,
    quads: &[Quad],
    pool: &super::Pool,
) -> Result<bool, OcrError> {
    let mut lines: Vec<&Quad> = quads
        .iter()
        .filter(|q| q.width() >= 2.0 * q.height())
        .collect();
    lines.sort_by(|a, b| b.width().total_cmp(&a.width()));
    lines.truncate(CLS_LINES);
    if lines.is_empty() {
        return Ok(false);
    }
    let picked: Vec<Quad> = lines.iter().map(|q| **q).collect();
    let p180 = recognize::upside_down(engine, img, &picked, pool)?;
    Ok(vote(&picked, &p180))
}

fn vote(quads: &[Quad], p180: &[f32]) -> bool {
    let total: f32 = quads.iter().map(Quad::width).sum();
    if total <= 0.0 {
        return false;
    }
    let flipped: f32 = quads
        .iter()
        .zip(p180)
        .filter(|(_, p)| **p > 0.5)
        .map(|(q, _)| q.width())
        .sum();
    flipped / total > UPSIDE_DOWN_SHARE
}

#[cfg(test)]
mod tests {
    use super::super::geometry::Pt;
    use super::*;

    fn rect(w: f32, h: f32) -> Quad {
        Quad([
            Pt::new(0., 0.),
            Pt::new(w, 0.),
            Pt::new(w, h),
            Pt::new(0., h),
        ])
    }

    #[test]
    fn vertical_lines_mean_a_turned_page() {
        assert!(runs_vertically(&[
            rect(20., 400.),
            rect(20., 300.),
            rect(30., 30.)
        ]));
        assert!(!runs_vertically(&[rect(400., 20.), rect(20., 300.)]));
        assert!(!runs_vertically(&[rect(30., 30.)]));
        assert!(!runs_vertically(&[]));
    }

    #[test]
    fn long_lines_outvote_short_ones() {
        let q = [rect(1000., 30.), rect(900., 30.), rect(60., 30.)];
        assert!(vote(&q, &[0.99, 0.97, 0.1]));
        assert!(!vote(&q, &[0.1, 0.2, 0.99]));
    }
}
