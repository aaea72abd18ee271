//! Reading order: recognised line boxes → page text with a positioned span per character.
//!
//! Boxes are put in rows on the de-skewed page (boxes whose vertical extents overlap by at least
//! half the smaller height are one printed row), rows top to bottom, boxes in a row left to
//! right. A table row or a "甲方 … 乙方 …" line therefore stays one text line with its cells in
//! order. Inside a row a wide gap becomes a tab (table cells, columns of a form), a narrower one
//! a space, and a box split by the detector inside a word is joined without a gap. A vertical
//! gap clearly larger than the usual line spacing starts a new paragraph (an empty line).

use crate::model::TextSpan;

use super::geometry::{Pt, Quad};
use super::recognize::RecLine;

/// One recognised line box in the upright working frame.
#[derive(Debug, Clone)]
pub struct Line {
    /// Corners in reading orientation (top-left first).
    pub quad: Quad,
    pub rec: RecLine,
}

/// The page's text and spans (see `OcrPage`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Laid {
    pub text: String,
    pub spans: Vec<TextSpan>,
}

/// Gaps wider than this many row heights separate cells (tab).
const CELL_GAP: f32 = 1.2;
/// Gaps wider than this many row heights separate words (space).
const WORD_GAP: f32 = 0.4;
/// A row gap this many times the median line pitch starts a paragraph.
const PARAGRAPH_GAP: f32 = 1.6;

struct Placed {
    idx: usize,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
}

/// Orders the lines and builds the text; `to_frac` maps a working-frame point to fractions of the
/// original image (x, y in 0..1).
pub fn lay_out(lines: &[Line], to_frac: &dyn Fn(Pt) -> Pt) -> Laid {
    if lines.is_empty() {
        return Laid::default();
    }
    let skew = page_skew(lines);
    let (s, c) = skew.sin_cos();
    // rotate into the de-skewed frame (undo the page's clockwise skew)
    let deskew = |p: Pt| Pt::new(p.x * c + p.y * s, -p.x * s + p.y * c);
    let mut placed: Vec<Placed> = lines
        .iter()
        .enumerate()
        .map(|(idx, l)| {
            let pts = l.quad.0.map(deskew);
            let xs = pts.map(|p| p.x);
            let ys = pts.map(|p| p.y);
            let min = |a: [f32; 4]| a.iter().copied().fold(f32::MAX, f32::min);
            let max = |a: [f32; 4]| a.iter().copied().fold(f32::MIN, f32::max);
            Placed {
                idx,
                x0: min(xs),
                x1: max(xs),
                y0: min(ys),
                y1: max(ys),
            }
        })
        .collect();
    placed.sort_by(|a, b| (a.y0 + a.y1).total_cmp(&(b.y0 + b.y1)));

    // rows: each line joins the row whose first member it overlaps vertically enough
    let mut rows: Vec<Vec<Placed>> = Vec::new();
    for p in placed {
        let h = p.y1 - p.y0;
        let joins = rows.last().is_some_and(|row| {
            let r = &row[0];
            let overlap = p.y1.min(r.y1) - p.y0.max(r.y0);
            overlap >= 0.5 * h.min(r.y1 - r.y0)
        });
        match rows.last_mut() {
            Some(row) if joins => row.push(p),
            _ => rows.push(vec![p]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }

    let row_top = |r: &Vec<Placed>| r.iter().map(|p| p.y0).fold(f32::MAX, f32::min);
    let row_bottom = |r: &Vec<Placed>| r.iter().map(|p| p.y1).fold(f32::MIN, f32::max);
    let row_height = |r: &Vec<Placed>| {
        let mut hs: Vec<f32> = r.iter().map(|p| p.y1 - p.y0).collect();
        hs.sort_by(f32::total_cmp);
        hs[hs.len() / 2]
    };
    let mut pitches: Vec<f32> = rows
        .windows(2)
        .map(|w| {
            ((row_top(&w[1]) + row_bottom(&w[1])) - (row_top(&w[0]) + row_bottom(&w[0]))) / 2.0
        })
        .collect();
    pitches.sort_by(f32::total_cmp);
    let pitch = pitches.get(pitches.len() / 2).copied().unwrap_or(f32::MAX);

    let mut out = Laid::default();
    let mut n_chars = 0usize;
    // appends to the text and returns the new length in chars
    fn push(out: &mut Laid, n_chars: &mut usize, s: &str) -> usize {
        out.text.push_str(s);
        *n_chars += s.chars().count();
        *n_chars
    }
    for (ri, row) in rows.iter().enumerate() {
        if ri > 0 {
            let prev = &rows[ri - 1];
            let centre_gap =
                ((row_top(row) + row_bottom(row)) - (row_top(prev) + row_bottom(prev))) / 2.0;
            push(&mut out, &mut n_chars, "\n");
            if centre_gap > PARAGRAPH_GAP * pitch
                && centre_gap > 1.5 * row_height(row).max(row_height(prev))
            {
                push(&mut out, &mut n_chars, "\n");
            }
        }
        let h = row_height(row);
        let mut prev_x1: Option<f32> = None;
        for p in row {
            if let Some(x1) = prev_x1 {
                let gap = p.x0 - x1;
                if gap > CELL_GAP * h {
                    push(&mut out, &mut n_chars, "\t");
                } else if gap > WORD_GAP * h {
                    push(&mut out, &mut n_chars, " ");
                }
            }
            prev_x1 = Some(p.x1);
            let line = &lines[p.idx];
            for ch in &line.rec.chars {
                let start = n_chars;
                let end = push(&mut out, &mut n_chars, &ch.text);
                if end == start {
                    continue;
                }
                let q = line.quad.sub_range(ch.u0, ch.u1).map(to_frac);
                let [x0, y0, x1, y1] = q.bounds();
                out.spans.push(TextSpan {
                    start,
                    end,
                    bbox: [
                        x0.clamp(0.0, 1.0),
                        y0.clamp(0.0, 1.0),
                        x1.clamp(0.0, 1.0),
                        y1.clamp(0.0, 1.0),
                    ],
                    confidence: ch.confidence,
                });
            }
        }
    }
    out
}

/// The page's skew: median reading angle of clearly line-shaped boxes (radians, clockwise).
fn page_skew(lines: &[Line]) -> f32 {
    let mut angles: Vec<f32> = lines
        .iter()
        .filter(|l| l.quad.width() > 3.0 * l.quad.height())
        .map(|l| l.quad.angle())
        .filter(|a| a.abs() < 0.35)
        .collect();
    if angles.is_empty() {
        return 0.0;
    }
    angles.sort_by(f32::total_cmp);
    angles[angles.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::super::recognize::RecChar;
    use super::*;

    fn line(x: f32, y: f32, w: f32, h: f32, text: &str) -> Line {
        let n = text.chars().count() as f32;
        let chars = text
            .chars()
            .enumerate()
            .map(|(i, c)| RecChar {
                text: c.to_string(),
                u0: i as f32 / n,
                u1: (i + 1) as f32 / n,
                confidence: 0.9,
            })
            .collect();
        Line {
            quad: Quad([
                Pt::new(x, y),
                Pt::new(x + w, y),
                Pt::new(x + w, y + h),
                Pt::new(x, y + h),
            ]),
            rec: RecLine { chars, score: 0.9 },
        }
    }

    fn ident(p: Pt) -> Pt {
        Pt::new(p.x / 1000.0, p.y / 1000.0)
    }

    #[test]
    fn rows_cells_and_paragraphs() {
        let lines = vec![
            line(500.0, 100.0, 200.0, 20.0, "营业收入"),
            line(100.0, 102.0, 200.0, 20.0, "项目"),
            line(100.0, 130.0, 300.0, 20.0, "第二行"),
            line(100.0, 160.0, 300.0, 20.0, "第三行"),
            line(100.0, 260.0, 300.0, 20.0, "新段落"),
        ];
        let laid = lay_out(&lines, &ident);
        assert_eq!(laid.text, "项目\t营业收入\n第二行\n第三行\n\n新段落");
        assert_eq!(laid.spans.len(), 2 + 4 + 3 + 3 + 3);
        let first = &laid.spans[0];
        assert_eq!((first.start, first.end), (0, 1));
        assert!((first.bbox[0] - 0.1).abs() < 1e-4 && (first.bbox[2] - 0.2).abs() < 1e-4);
        // every span points at its own character
        let chars: Vec<char> = laid.text.chars().collect();
        assert_eq!(chars[laid.spans[2].start], '营');
    }

    #[test]
    fn split_word_is_joined_and_skew_does_not_break_rows() {
        let a = 1.5f32.to_radians();
        let rot = |p: Pt| Pt::new(p.x * a.cos() - p.y * a.sin(), p.x * a.sin() + p.y * a.cos());
        let mut l1 = line(100.0, 500.0, 300.0, 20.0, "签订日期");
        let mut l2 = line(1400.0, 500.0, 300.0, 20.0, "签订地点");
        let mut l3 = line(403.0, 500.0, 100.0, 20.0, "：");
        for l in [&mut l1, &mut l2, &mut l3] {
            l.quad = l.quad.map(rot);
        }
        let laid = lay_out(&[l2, l1, l3], &ident);
        assert_eq!(laid.text, "签订日期：\t签订地点");
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert_eq!(lay_out(&[], &ident), Laid::default());
    }
}
