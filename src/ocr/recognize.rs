//! Line recognition (CTC) and line orientation (0°/180°), batched over the lines of a page.

use std::sync::Arc;

use image::GrayImage;
use rten::ThreadPool;

use super::OcrError;
use super::engine::{Engine, run};
use super::geometry::Quad;
use super::imaging::sample_quad;

/// Recogniser input height (PP-OCR rec models are trained at 48 px).
const REC_H: usize = 48;
/// Narrowest batch width (RapidOCR's `rec_img_shape` 3x48x320).
const REC_MIN_W: usize = 320;
/// Widest line strip; longer lines are squeezed (a full A4 line is about 35x its height).
const REC_MAX_W: usize = 48 * 80;
/// Lines per recogniser run. Lines are sorted by length first so padding stays small.
const REC_BATCH: usize = 8;
/// Widest line in a batch relative to its narrowest (see [`batches`]).
const REC_BATCH_SPREAD: f32 = 1.1;
/// Classifier input (PP-OCR mobile v2.0 cls: 3x48x192).
const CLS_H: usize = 48;
const CLS_W: usize = 192;
const CLS_BATCH: usize = 16;

/// One recognised character: its text, where it sits along the line (fractions of the line's
/// length) and the recogniser's probability for it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecChar {
    pub text: String,
    pub u0: f32,
    pub u1: f32,
    pub confidence: f32,
}

/// What the recogniser read in one line box.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecLine {
    pub chars: Vec<RecChar>,
    /// Mean character probability (0 for an empty line).
    pub score: f32,
}

impl RecLine {
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.chars.iter().map(|c| c.text.as_str()).collect()
    }
}

/// The quad as the recogniser should see it: boxes much taller than wide (vertical text) are
/// read turned a quarter counter-clockwise, as PaddleOCR does (`np.rot90`).
pub fn reading_quad(q: &Quad) -> Quad {
    if q.height() >= 1.5 * q.width() {
        let [tl, tr, br, bl] = q.0;
        Quad([tr, br, bl, tl])
    } else {
        *q
    }
}

/// The same box read the other way round (turned a half): vertical text runs top to bottom or
/// bottom to top (a code printed up a report's margin), and only reading decides which.
pub fn half_turned(q: &Quad) -> Quad {
    let [a, b, c, d] = q.0;
    Quad([c, d, a, b])
}

/// Reads the sideways lines (`sideways[i]`: the box was tall, see [`reading_quad`]) a second
/// time turned a half and keeps, line by line, the reading the recogniser is surer of; the
/// quads of the lines kept that way are turned in `quads` too, so their characters are placed
/// where they stand. Costs nothing on a page without vertical text.
pub fn reread_sideways(
    engine: &Engine,
    img: &GrayImage,
    quads: &mut [Quad],
    recs: &mut [RecLine],
    sideways: &[bool],
    pool: &Option<Arc<ThreadPool>>,
) -> Result<(), OcrError> {
    let which: Vec<usize> = (0..quads.len()).filter(|&i| sideways[i]).collect();
    if which.is_empty() {
        return Ok(());
    }
    let turned: Vec<Quad> = which.iter().map(|&i| half_turned(&quads[i])).collect();
    let again = recognize_lines(engine, img, &turned, pool)?;
    for ((&i, q), rec) in which.iter().zip(turned).zip(again) {
        if rec.score > recs[i].score {
            quads[i] = q;
            recs[i] = rec;
        }
    }
    Ok(())
}

fn strip_width(q: &Quad, height: usize, max_w: usize) -> usize {
    let ratio = q.width() / q.height().max(1.0);
    ((height as f32 * ratio).ceil() as usize).clamp(1, max_w)
}

/// Groups lines (sorted by strip width) into batches of similar width: padding a short line to
/// the width of a long one costs as much as reading the long one, so a batch closes when it is
/// full or the next line is more than [`REC_BATCH_SPREAD`] times wider than its first.
fn batches<'a>(order: &'a [usize], widths: &[usize]) -> Vec<&'a [usize]> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=order.len() {
        let full = k - start == REC_BATCH;
        let spread = k < order.len()
            && widths[order[k]].max(REC_MIN_W) as f32
                > REC_BATCH_SPREAD * widths[order[start]].max(REC_MIN_W) as f32;
        if k == order.len() || full || spread {
            out.push(&order[start..k]);
            start = k;
        }
    }
    out
}

/// Reads every line box of `img` (quads already in reading orientation).
pub fn recognize_lines(
    engine: &Engine,
    img: &GrayImage,
    quads: &[Quad],
    pool: &Option<Arc<ThreadPool>>,
) -> Result<Vec<RecLine>, OcrError> {
    let widths: Vec<usize> = quads
        .iter()
        .map(|q| strip_width(q, REC_H, REC_MAX_W))
        .collect();
    let mut order: Vec<usize> = (0..quads.len()).collect();
    order.sort_by_key(|&i| widths[i]);
    let mut out = vec![RecLine::default(); quads.len()];
    for batch in batches(&order, &widths) {
        let bw = batch
            .iter()
            .map(|&i| widths[i])
            .max()
            .unwrap_or(1)
            .max(REC_MIN_W);
        let plane = REC_H * bw;
        let mut data = vec![0f32; batch.len() * 3 * plane];
        for (n, &i) in batch.iter().enumerate() {
            let base = n * 3 * plane;
            let (c0, rest) = data[base..base + 3 * plane].split_at_mut(plane);
            sample_quad(img, &quads[i], widths[i], REC_H, c0, bw);
            rest[..plane].copy_from_slice(c0);
            rest[plane..].copy_from_slice(c0);
        }
        let (shape, probs) = run(&engine.rec, &[batch.len(), 3, REC_H, bw], data, pool)?;
        if shape.len() != 3 || shape[0] != batch.len() || shape[2] != engine.dict.len() {
            return Err(OcrError::Inference(format!(
                "recogniser output shape {shape:?} does not match {} lines x {} classes",
                batch.len(),
                engine.dict.len()
            )));
        }
        let (t, c) = (shape[1], shape[2]);
        for (n, &i) in batch.iter().enumerate() {
            let frames = &probs[n * t * c..(n + 1) * t * c];
            // fraction of the frames that cover the line itself rather than padding
            let content = widths[i] as f32 / bw as f32;
            out[i] = ctc_decode(frames, t, c, &engine.dict, content);
        }
    }
    Ok(out)
}

/// Greedy CTC decoding with character positions: the best class per frame, repeats merged,
/// blanks dropped. Each character spans from the midpoint before its first frame to the
/// midpoint after its last one; `content` is the fraction of the `t` frames covering the line.
pub fn ctc_decode(frames: &[f32], t: usize, c: usize, dict: &[String], content: f32) -> RecLine {
    // (class, first frame, last frame, best probability)
    let mut runs: Vec<(usize, usize, usize, f32)> = Vec::new();
    let mut last = 0usize;
    for ti in 0..t {
        let row = &frames[ti * c..(ti + 1) * c];
        let (best, p) =
            row.iter().enumerate().fold(
                (0usize, f32::MIN),
                |acc, (k, &v)| if v > acc.1 { (k, v) } else { acc },
            );
        if best != 0 {
            if best == last {
                if let Some(r) = runs.last_mut() {
                    r.2 = ti;
                    r.3 = r.3.max(p);
                }
            } else {
                runs.push((best, ti, ti, p));
            }
        }
        last = best;
    }
    let frames_used = (content * t as f32).max(1.0);
    let pitch = if runs.len() > 1 {
        let mut gaps: Vec<usize> = runs.windows(2).map(|w| w[1].1 - w[0].1).collect();
        gaps.sort_unstable();
        gaps[gaps.len() / 2] as f32
    } else {
        frames_used
    };
    let mut chars = Vec::with_capacity(runs.len());
    for (k, &(class, first, lastf, p)) in runs.iter().enumerate() {
        let start = if k == 0 {
            (first as f32 + 0.5 - pitch / 2.0).max(0.0)
        } else {
            (runs[k - 1].2 as f32 + first as f32 + 1.0) / 2.0
        };
        let end = if k + 1 == runs.len() {
            (lastf as f32 + 0.5 + pitch / 2.0).min(frames_used)
        } else {
            (lastf as f32 + runs[k + 1].1 as f32 + 1.0) / 2.0
        };
        chars.push(RecChar {
            text: dict.get(class).cloned().unwrap_or_default(),
            u0: (start / frames_used).clamp(0.0, 1.0),
            u1: (end / frames_used).clamp(0.0, 1.0),
            confidence: p.clamp(0.0, 1.0),
        });
    }
    let score = if chars.is_empty() {
        0.0
    } else {
        chars.iter().map(|c| c.confidence).sum::<f32>() / chars.len() as f32
    };
    RecLine { chars, score }
}

/// Probability that each line is upside down (text orientation classifier).
pub fn upside_down(
    engine: &Engine,
    img: &GrayImage,
    quads: &[Quad],
    pool: &Option<Arc<ThreadPool>>,
) -> Result<Vec<f32>, OcrError> {
    let mut out = Vec::with_capacity(quads.len());
    for batch in quads.chunks(CLS_BATCH) {
        let plane = CLS_H * CLS_W;
        let mut data = vec![0f32; batch.len() * 3 * plane];
        for (n, q) in batch.iter().enumerate() {
            let w = strip_width(q, CLS_H, CLS_W);
            let base = n * 3 * plane;
            let (c0, rest) = data[base..base + 3 * plane].split_at_mut(plane);
            sample_quad(img, q, w, CLS_H, c0, CLS_W);
            rest[..plane].copy_from_slice(c0);
            rest[plane..].copy_from_slice(c0);
        }
        let (shape, probs) = run(&engine.cls, &[batch.len(), 3, CLS_H, CLS_W], data, pool)?;
        if shape != [batch.len(), 2] {
            return Err(OcrError::Inference(format!(
                "classifier output shape {shape:?}"
            )));
        }
        out.extend(probs.chunks(2).map(|p| p[1]));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(seq: &[(usize, f32)], c: usize) -> Vec<f32> {
        let mut f = vec![0f32; seq.len() * c];
        for (t, &(k, p)) in seq.iter().enumerate() {
            f[t * c + k] = p;
        }
        f
    }

    #[test]
    fn ctc_merges_repeats_drops_blanks_and_places_chars() {
        let dict: Vec<String> = ["", "甲", "乙", " "]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // 甲 甲 _ 乙 _ _ 甲 _  (8 frames, all content)
        let f = frames(
            &[
                (1, 0.9),
                (1, 0.95),
                (0, 0.9),
                (2, 0.6),
                (0, 0.9),
                (0, 0.9),
                (1, 0.8),
                (0, 0.9),
            ],
            4,
        );
        let line = ctc_decode(&f, 8, 4, &dict, 1.0);
        assert_eq!(line.text(), "甲乙甲");
        assert_eq!(line.chars[0].confidence, 0.95);
        assert_eq!(line.chars[1].confidence, 0.6);
        assert!((line.score - (0.95 + 0.6 + 0.8) / 3.0).abs() < 1e-6);
        for w in line.chars.windows(2) {
            assert!(
                w[0].u0 < w[0].u1 && w[0].u1 <= w[1].u0 + 1e-6,
                "{:?}",
                line.chars
            );
        }
        assert!(line.chars[2].u1 <= 1.0);
    }

    #[test]
    fn ctc_repeated_char_needs_a_blank_between() {
        let dict: Vec<String> = ["", "1"].iter().map(|s| s.to_string()).collect();
        let f = frames(&[(1, 0.9), (0, 0.9), (1, 0.9), (1, 0.9)], 2);
        assert_eq!(ctc_decode(&f, 4, 2, &dict, 1.0).text(), "11");
    }

    #[test]
    fn empty_line_has_zero_score() {
        let dict: Vec<String> = ["", "1"].iter().map(|s| s.to_string()).collect();
        let f = frames(&[(0, 0.9), (0, 0.9)], 2);
        let l = ctc_decode(&f, 2, 2, &dict, 0.5);
        assert!(l.chars.is_empty() && l.score == 0.0);
    }

    #[test]
    fn batches_group_similar_widths() {
        let widths = [100, 330, 340, 1000, 1050, 1060, 2000];
        let order: Vec<usize> = (0..widths.len()).collect();
        let b = batches(&order, &widths);
        assert_eq!(b, vec![&[0, 1, 2][..], &[3, 4, 5][..], &[6][..]]);
        let many: Vec<usize> = (0..20).collect();
        let same = [500; 20];
        assert!(batches(&many, &same).iter().all(|b| b.len() <= REC_BATCH));
        assert!(batches(&[], &[]).is_empty());
    }

    #[test]
    fn tall_boxes_are_read_sideways() {
        use super::super::geometry::Pt;
        let q = Quad([
            Pt::new(0., 0.),
            Pt::new(10., 0.),
            Pt::new(10., 50.),
            Pt::new(0., 50.),
        ]);
        let r = reading_quad(&q);
        assert!(r.width() > r.height());
        // the other way round: same box, same size, start and end swapped
        let h = half_turned(&r);
        assert!(h.width() > h.height());
        assert_eq!(h.0[0], r.0[2]);
        assert_eq!(half_turned(&h), r);
    }
}
