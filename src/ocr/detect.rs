//! DB (Differentiable Binarization) post-processing: probability map → rotated text boxes.
//!
//! Follows PaddleOCR's `DBPostProcess` (thresholds and the unclip ratio are RapidOCR 3.10's
//! defaults for PP-OCRv6): binarise at `thresh`, dilate 2x2, find each blob's outline, take its
//! minimum-area rectangle, score it by the mean probability inside, drop weak or tiny ones, then
//! "unclip" (grow by area * ratio / perimeter) because DB predicts shrunken text kernels.

use super::geometry::{Pt, Quad, RotRect, min_area_rect};

/// Post-processing parameters.
#[derive(Debug, Clone, Copy)]
pub struct DbParams {
    /// Probability above which a pixel is text.
    pub thresh: f32,
    /// Minimum mean probability inside a box.
    pub box_thresh: f32,
    /// How far boxes are grown (DB's unclip ratio).
    pub unclip_ratio: f32,
    /// At most this many blobs are considered (guards against noise pages).
    pub max_candidates: usize,
}

impl Default for DbParams {
    fn default() -> Self {
        DbParams {
            thresh: 0.3,
            box_thresh: 0.5,
            unclip_ratio: 1.6,
            max_candidates: 1000,
        }
    }
}

/// A detected text region in the probability map's pixel coordinates.
#[derive(Debug, Clone, Copy)]
pub struct TextBox {
    pub quad: Quad,
}

const MIN_SIZE: f32 = 3.0;

/// Turns a `w x h` probability map into text boxes.
pub fn boxes_from_probability(prob: &[f32], w: usize, h: usize, p: &DbParams) -> Vec<TextBox> {
    if w == 0 || h == 0 || prob.len() < w * h {
        return vec![];
    }
    let bitmap = dilate_2x2(&binarise(prob, p.thresh), w, h);
    let mut out = Vec::new();
    for outline in outlines(&bitmap, w, h).into_iter().take(p.max_candidates) {
        let Some(rect) = min_area_rect(&outline) else {
            continue;
        };
        if rect.short_side() < MIN_SIZE {
            continue;
        }
        let quad = rect.quad();
        let score = mean_inside(prob, w, h, &quad);
        if score < p.box_thresh {
            continue;
        }
        let grown = unclip(&rect, p.unclip_ratio);
        if grown.short_side() < MIN_SIZE + 2.0 {
            continue;
        }
        let q = grown
            .quad()
            .map(|pt| Pt::new(pt.x.clamp(0.0, w as f32), pt.y.clamp(0.0, h as f32)));
        out.push(TextBox { quad: q });
    }
    out
}

fn binarise(prob: &[f32], thresh: f32) -> Vec<u8> {
    prob.iter().map(|&v| u8::from(v > thresh)).collect()
}

/// OpenCV's `dilate` with a 2x2 kernel (anchor at its centre, i.e. bottom-right cell):
/// a pixel is set when it or its left, upper or upper-left neighbour is.
fn dilate_2x2(src: &[u8], w: usize, h: usize) -> Vec<u8> {
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        for x in 0..w {
            let mut v = src[y * w + x];
            if x > 0 {
                v |= src[y * w + x - 1];
            }
            if y > 0 {
                v |= src[(y - 1) * w + x];
                if x > 0 {
                    v |= src[(y - 1) * w + x - 1];
                }
            }
            out[y * w + x] = v;
        }
    }
    out
}

/// Outline points (pixel centres) of every 8-connected blob, in scan order of the blobs' first
/// pixel. Only border pixels are kept: the convex hull, and so the minimum-area rectangle, of a
/// blob depends on them alone (this is what `findContours` + `minAreaRect` computes).
fn outlines(bitmap: &[u8], w: usize, h: usize) -> Vec<Vec<Pt>> {
    let mut label = vec![false; w * h];
    let mut result = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if bitmap[start] == 0 || label[start] {
            continue;
        }
        let mut pts = Vec::new();
        label[start] = true;
        stack.push(start);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            let mut border = x == 0 || y == 0 || x + 1 == w || y + 1 == h;
            for dy in -1i32..=1 {
                for dx in -1i32..=1 {
                    if dx == 0 && dy == 0 {
                        continue;
                    }
                    let (nx, ny) = (x as i32 + dx, y as i32 + dy);
                    if nx < 0 || ny < 0 || nx >= w as i32 || ny >= h as i32 {
                        continue;
                    }
                    let j = ny as usize * w + nx as usize;
                    if bitmap[j] == 0 {
                        border |= dx == 0 || dy == 0;
                        continue;
                    }
                    if !label[j] {
                        label[j] = true;
                        stack.push(j);
                    }
                }
            }
            if border {
                pts.push(Pt::new(x as f32, y as f32));
            }
        }
        result.push(pts);
    }
    result
}

/// Mean of `prob` over the pixels inside `quad` (DB's "fast" box score).
fn mean_inside(prob: &[f32], w: usize, h: usize, quad: &Quad) -> f32 {
    let [x0, y0, x1, y1] = quad.bounds();
    let xa = (x0.floor().max(0.0) as usize).min(w - 1);
    let xb = (x1.ceil().max(0.0) as usize).min(w - 1);
    let ya = (y0.floor().max(0.0) as usize).min(h - 1);
    let yb = (y1.ceil().max(0.0) as usize).min(h - 1);
    let (mut sum, mut n) = (0.0f64, 0usize);
    for y in ya..=yb {
        for x in xa..=xb {
            if quad.contains(Pt::new(x as f32, y as f32)) {
                sum += prob[y * w + x] as f64;
                n += 1;
            }
        }
    }
    if n == 0 { 0.0 } else { (sum / n as f64) as f32 }
}

/// DB's unclip for a rectangle: offset distance = area * ratio / perimeter.
fn unclip(rect: &RotRect, ratio: f32) -> RotRect {
    let perimeter = 2.0 * (rect.w + rect.h);
    if perimeter <= 0.0 {
        return *rect;
    }
    rect.grow(rect.w * rect.h * ratio / perimeter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_with(w: usize, h: usize, rects: &[(usize, usize, usize, usize)]) -> Vec<f32> {
        let mut m = vec![0.05f32; w * h];
        for &(x0, y0, x1, y1) in rects {
            for y in y0..y1 {
                for x in x0..x1 {
                    m[y * w + x] = 0.9;
                }
            }
        }
        m
    }

    #[test]
    fn two_lines_give_two_grown_boxes() {
        let (w, h) = (200, 60);
        let m = map_with(w, h, &[(10, 10, 150, 20), (10, 40, 90, 48)]);
        let mut boxes = boxes_from_probability(&m, w, h, &DbParams::default());
        boxes.sort_by(|a, b| a.quad.0[0].y.total_cmp(&b.quad.0[0].y));
        assert_eq!(boxes.len(), 2);
        let b = boxes[0].quad.bounds();
        // kernel spans x 10..=150 (dilated) and y 10..=20; grown by ~ area*1.6/perimeter ≈ 7.5
        assert!(
            b[0] < 5.0 && b[2] > 155.0 && b[1] < 5.0 && b[3] > 25.0,
            "{b:?}"
        );
    }

    #[test]
    fn specks_and_weak_blobs_are_dropped() {
        let (w, h) = (100, 100);
        let mut m = map_with(w, h, &[(5, 5, 7, 7)]);
        // a large blob just above thresh but below box_thresh on average
        for y in 50..70 {
            for x in 10..90 {
                m[y * w + x] = 0.35;
            }
        }
        assert!(boxes_from_probability(&m, w, h, &DbParams::default()).is_empty());
    }

    #[test]
    fn bad_sizes_give_nothing() {
        assert!(boxes_from_probability(&[], 0, 0, &DbParams::default()).is_empty());
        assert!(boxes_from_probability(&[0.9; 3], 2, 2, &DbParams::default()).is_empty());
    }

    #[test]
    fn skewed_line_gives_a_skewed_box() {
        let (w, h) = (300, 100);
        let mut m = vec![0.0f32; w * h];
        let a = 3f32.to_radians();
        for x in 20..280 {
            let yc = 40.0 + (x as f32 - 20.0) * a.tan();
            for y in (yc as usize)..(yc as usize + 10) {
                m[y * w + x] = 0.95;
            }
        }
        let boxes = boxes_from_probability(&m, w, h, &DbParams::default());
        assert_eq!(boxes.len(), 1);
        assert!(
            (boxes[0].quad.angle() - a).abs() < 0.01,
            "{}",
            boxes[0].quad.angle()
        );
    }
}
