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

/// A wrapped line continues the cell line above it when the gap between them is at most this many
/// line heights (tighter than table rows, whose cells have padding: measured 0.4-0.5 between
/// rows, at most 0 inside a cell, on scanned tables).
const WRAP_GAP: f32 = 0.25;
/// Lines this close under one another are neighbours: a line with two continues neither.
const NEIGHBOUR_GAP: f32 = 1.0;

/// What the text is built from, top to bottom: a printed row (boxes left to right), or a table
/// row whose cells wrap (cells left to right, each cell's lines top to bottom).
enum Unit {
    Row(Vec<usize>),
    Cells(Vec<Vec<usize>>),
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

    // A table row whose cells wrap onto several lines is read cell by cell (as a text layer
    // gives it), since its lines do not line up in printed rows: read row by row, a cell's second
    // line would run into its neighbours' lines. Everything else is read in printed rows.
    let mut units: Vec<Unit> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    for mut band in bands(&placed, cell_blocks(&placed)) {
        if band.len() >= 2 && !aligned(&placed, &band) {
            band.sort_by(|a, b| placed[a[0]].x0.total_cmp(&placed[b[0]].x0));
            units.push(Unit::Cells(band));
        } else {
            free.extend(band.into_iter().flatten());
        }
    }
    free.sort_by(|&a, &b| (placed[a].y0 + placed[a].y1).total_cmp(&(placed[b].y0 + placed[b].y1)));
    // rows: each line joins the row whose first member it overlaps vertically enough
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for i in free {
        let p = &placed[i];
        let h = p.y1 - p.y0;
        let joins = rows.last().is_some_and(|row| {
            let r = &placed[row[0]];
            let overlap = p.y1.min(r.y1) - p.y0.max(r.y0);
            overlap >= 0.5 * h.min(r.y1 - r.y0)
        });
        match rows.last_mut() {
            Some(row) if joins => row.push(i),
            _ => rows.push(vec![i]),
        }
    }
    for mut row in rows {
        row.sort_by(|&a, &b| placed[a].x0.total_cmp(&placed[b].x0));
        units.push(Unit::Row(row));
    }
    // each unit's extent and median line height, computed once (the sort and the gaps read them)
    let mut units: Vec<(Unit, Geometry)> = units
        .into_iter()
        .map(|u| {
            let g = Geometry::of(&u, &placed);
            (u, g)
        })
        .collect();
    units.sort_by(|a, b| (a.1.top + a.1.bottom).total_cmp(&(b.1.top + b.1.bottom)));
    let mut pitches: Vec<f32> = units
        .windows(2)
        .filter(|w| matches!((&w[0].0, &w[1].0), (Unit::Row(_), Unit::Row(_))))
        .map(|w| ((w[1].1.top + w[1].1.bottom) - (w[0].1.top + w[0].1.bottom)) / 2.0)
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
    let put_line = |out: &mut Laid, n_chars: &mut usize, line: &Line| {
        for ch in &line.rec.chars {
            let start = *n_chars;
            let end = push(out, n_chars, &ch.text);
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
    };
    for (ui, (unit, geo)) in units.iter().enumerate() {
        if ui > 0 {
            let prev = &units[ui - 1].1;
            let centre_gap = geo.first_centre - prev.last_centre;
            push(&mut out, &mut n_chars, "\n");
            let h = geo.line_height.max(prev.line_height);
            if centre_gap > PARAGRAPH_GAP * pitch && centre_gap > 1.5 * h {
                push(&mut out, &mut n_chars, "\n");
            }
        }
        match unit {
            Unit::Row(row) => {
                let h = geo.line_height;
                let mut prev_x1: Option<f32> = None;
                for &i in row {
                    let p = &placed[i];
                    if let Some(x1) = prev_x1 {
                        let gap = p.x0 - x1;
                        if gap > CELL_GAP * h {
                            push(&mut out, &mut n_chars, "\t");
                        } else if gap > WORD_GAP * h {
                            push(&mut out, &mut n_chars, " ");
                        }
                    }
                    prev_x1 = Some(p.x1);
                    put_line(&mut out, &mut n_chars, &lines[p.idx]);
                }
            }
            Unit::Cells(cells) => {
                for (k, &i) in cells.iter().flatten().enumerate() {
                    if k > 0 {
                        push(&mut out, &mut n_chars, "\n");
                    }
                    put_line(&mut out, &mut n_chars, &lines[placed[i].idx]);
                }
            }
        }
    }
    out
}

/// Where a unit lies on the page, in working-frame pixels.
struct Geometry {
    top: f32,
    bottom: f32,
    /// The median height of its lines: the unit of every gap threshold.
    line_height: f32,
    /// The centre of its first and last printed line (a row has one).
    first_centre: f32,
    last_centre: f32,
}

impl Geometry {
    fn of(unit: &Unit, placed: &[Placed]) -> Self {
        let members: Vec<usize> = match unit {
            Unit::Row(r) => r.clone(),
            Unit::Cells(c) => c.iter().flatten().copied().collect(),
        };
        let top = members
            .iter()
            .map(|&i| placed[i].y0)
            .fold(f32::MAX, f32::min);
        let bottom = members
            .iter()
            .map(|&i| placed[i].y1)
            .fold(f32::MIN, f32::max);
        let mut hs: Vec<f32> = members
            .iter()
            .map(|&i| placed[i].y1 - placed[i].y0)
            .collect();
        hs.sort_by(f32::total_cmp);
        let line_height = hs[hs.len() / 2];
        let (first_centre, last_centre) = match unit {
            Unit::Row(_) => ((top + bottom) / 2.0, (top + bottom) / 2.0),
            Unit::Cells(_) => (top + line_height / 2.0, bottom - line_height / 2.0),
        };
        Geometry {
            top,
            bottom,
            line_height,
            first_centre,
            last_centre,
        }
    }
}

/// The page's lines gathered into cells: each a list of boxes (indices into `placed`, which is
/// sorted top to bottom) where each line continues the one above it. A line continues another
/// when it starts just below it, lies within its width (a wrapped line is never much wider than
/// the full line before it), each is the other's only neighbour across that gap (so a
/// full-width line over two columns, or a label over a longer value, never joins) and its row
/// shows it is a wrap (see `wraps`).
fn cell_blocks(placed: &[Placed]) -> Vec<Vec<usize>> {
    let n = placed.len();
    let height = |p: &Placed| p.y1 - p.y0;
    let mut below: Vec<Vec<usize>> = vec![Vec::new(); n];
    for a in 0..n {
        for b in 0..n {
            let (pa, pb) = (&placed[a], &placed[b]);
            let hmin = height(pa).min(height(pb));
            let gap = pb.y0 - pa.y1;
            let x_overlap = pa.x1.min(pb.x1) - pa.x0.max(pb.x0);
            // b is under a (not beside it in the same printed row) and close to it
            if a != b
                && pb.y0 + pb.y1 > pa.y0 + pa.y1
                && gap > -0.5 * hmin
                && gap <= NEIGHBOUR_GAP * hmin
                && x_overlap > 0.0
            {
                below[a].push(b);
            }
        }
    }
    // only the nearest lines under a line are its neighbours, not those under them in turn
    let below: Vec<Vec<usize>> = (0..n)
        .map(|a| {
            below[a]
                .iter()
                .copied()
                .filter(|&b| !below[a].iter().any(|&c| below[c].contains(&b)))
                .collect()
        })
        .collect();
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (a, under) in below.iter().enumerate() {
        for &b in under {
            above[b].push(a);
        }
    }
    // the boxes of each box's printed row (itself included)
    let row_mates: Vec<Vec<usize>> = (0..n)
        .map(|a| {
            (0..n)
                .filter(|&b| {
                    let (pa, pb) = (&placed[a], &placed[b]);
                    let overlap = pa.y1.min(pb.y1) - pa.y0.max(pb.y0);
                    overlap >= 0.5 * height(pa).min(height(pb))
                })
                .collect()
        })
        .collect();
    // What shows a line is a wrap and not the next row of a table: a cell beside it, centred
    // in its row, stands beside the line above it too; or its printed row is only the
    // continuations of the row above (a top-aligned row whose longer cells wrapped), so it has
    // fewer boxes than that row, each under one of them. Two rows of a grid (a schedule, a
    // certificate's label/value rows close together) show neither.
    let wraps = |a: usize, b: usize| {
        let (ra, rb) = (&row_mates[a], &row_mates[b]);
        let straddled = ra.iter().any(|x| *x != a && *x != b && rb.contains(x));
        let only_continuations = rb.len() < ra.len()
            && rb
                .iter()
                .all(|y| *y == b || above[*y].iter().any(|x| ra.contains(x)));
        // a line alone in its printed row has no row below it to be confused with
        ra.len() == 1 || straddled || only_continuations
    };
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut continues = vec![false; n];
    for a in 0..n {
        let [b] = below[a][..] else { continue };
        if above[b][..] != [a] || !wraps(a, b) {
            continue;
        }
        let (pa, pb) = (&placed[a], &placed[b]);
        // a glyph that did not fit ended the line above, so the next may reach one glyph further
        let glyph = height(pa).min(height(pb));
        let x_overlap = pa.x1.min(pb.x1) - pa.x0.max(pb.x0);
        if pb.y0 - pa.y1 <= WRAP_GAP * glyph
            && pb.x0 >= pa.x0 - 0.5 * glyph
            && pb.x1 <= pa.x1 + glyph
            && x_overlap >= 0.5 * (pb.x1 - pb.x0)
        {
            next[a] = Some(b);
            continues[b] = true;
        }
    }
    let mut blocks = Vec::new();
    for (start, &continuation) in continues.iter().enumerate() {
        if continuation {
            continue;
        }
        let mut block = vec![start];
        let mut at = start;
        while let Some(b) = next[at] {
            block.push(b);
            at = b;
        }
        blocks.push(block);
    }
    blocks
}

/// Cells side by side: blocks whose vertical extents overlap (through one another) by at least
/// half a line height, top to bottom.
fn bands(placed: &[Placed], mut blocks: Vec<Vec<usize>>) -> Vec<Vec<Vec<usize>>> {
    let top = |b: &Vec<usize>| b.iter().map(|&i| placed[i].y0).fold(f32::MAX, f32::min);
    let bottom = |b: &Vec<usize>| b.iter().map(|&i| placed[i].y1).fold(f32::MIN, f32::max);
    let height = |b: &Vec<usize>| {
        b.iter()
            .map(|&i| placed[i].y1 - placed[i].y0)
            .fold(f32::MAX, f32::min)
    };
    blocks.sort_by(|a, b| top(a).total_cmp(&top(b)));
    let mut bands: Vec<(f32, f32, Vec<Vec<usize>>)> = Vec::new();
    for block in blocks {
        let (t, b, h) = (top(&block), bottom(&block), height(&block));
        match bands.last_mut() {
            Some((_, band_bottom, members)) if *band_bottom - t >= 0.5 * h.min(b - t) => {
                *band_bottom = band_bottom.max(b);
                members.push(block);
            }
            _ => bands.push((t, b, vec![block])),
        }
    }
    bands.into_iter().map(|(_, _, members)| members).collect()
}

/// Whether a band's cells line up in printed rows: every cell has as many lines as the others
/// and its k-th line lies beside theirs (a form of label/value pairs, a schedule whose rows sit
/// close together). Such a band is read row by row, as before.
fn aligned(placed: &[Placed], band: &[Vec<usize>]) -> bool {
    let n = band[0].len();
    band.iter().all(|cell| cell.len() == n)
        && (0..n).all(|k| {
            let first = &placed[band[0][k]];
            band.iter().all(|cell| {
                let p = &placed[cell[k]];
                let overlap = p.y1.min(first.y1) - p.y0.max(first.y0);
                overlap >= 0.5 * (p.y1 - p.y0).min(first.y1 - first.y0)
            })
        })
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
    fn a_table_row_whose_cells_wrap_is_read_cell_by_cell() {
        // cells centred in their row: the label and the code stand beside the gap between a
        // name's two lines; the address has three lines
        let lines = vec![
            line(100.0, 111.0, 40.0, 20.0, "甲方"),
            line(200.0, 100.0, 240.0, 20.0, "大同经济技术开发区管理委"),
            line(200.0, 122.0, 40.0, 20.0, "员会"),
            line(460.0, 111.0, 180.0, 20.0, "91140105KAE73Y473L"),
            line(700.0, 89.0, 240.0, 20.0, "山西省太原市杏花岭区学"),
            line(700.0, 111.0, 250.0, 20.0, "府街125号创业大厦2号楼24"),
            line(700.0, 133.0, 80.0, 20.0, "层2215室"),
            // the next row, top-aligned: only the name wraps
            line(100.0, 170.0, 40.0, 20.0, "乙方"),
            line(200.0, 170.0, 240.0, 20.0, "临汾市盛世商务服务有限公"),
            line(200.0, 192.0, 20.0, 20.0, "司"),
            line(460.0, 170.0, 180.0, 20.0, "91140400QF68T3666J"),
        ];
        let laid = lay_out(&lines, &ident);
        assert_eq!(
            laid.text,
            "甲方\n大同经济技术开发区管理委\n员会\n91140105KAE73Y473L\n\
             山西省太原市杏花岭区学\n府街125号创业大厦2号楼24\n层2215室\n\
             乙方\n临汾市盛世商务服务有限公\n司\n91140400QF68T3666J"
        );
        // every span still points at its own character
        let chars: Vec<char> = laid.text.chars().collect();
        assert_eq!(
            laid.spans.len(),
            chars.iter().filter(|c| **c != '\n').count()
        );
        assert!(laid.spans.iter().all(|s| chars[s.start] != '\n'));
    }

    #[test]
    fn rows_that_sit_close_together_stay_rows() {
        // a schedule whose rows are closer than a line height, and a signature block of two
        // columns: lines under one another in every column are rows of a grid, not wraps
        let mut lines = Vec::new();
        for (k, (year, from, to)) in [
            ("第一租赁年度", "2018.09.01", "2019.08.31"),
            ("第二租赁年度", "2019.09.01", "2020.08.31"),
            ("第三租赁年度", "2020.09.01", "2021.08.31"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 100.0 + k as f32 * 24.0;
            lines.push(line(100.0, y, 150.0, 20.0, year));
            lines.push(line(300.0, y, 130.0, 20.0, from));
            lines.push(line(500.0, y, 130.0, 20.0, to));
        }
        lines.push(line(100.0, 300.0, 180.0, 20.0, "甲方(盖章):"));
        lines.push(line(500.0, 300.0, 180.0, 20.0, "乙方(盖章):"));
        lines.push(line(100.0, 322.0, 250.0, 20.0, "日期:2018.08.06"));
        lines.push(line(500.0, 322.0, 250.0, 20.0, "日期:2018.08.06"));
        let laid = lay_out(&lines, &ident);
        assert_eq!(
            laid.text,
            "第一租赁年度\t2018.09.01\t2019.08.31\n\
             第二租赁年度\t2019.09.01\t2020.08.31\n\
             第三租赁年度\t2020.09.01\t2021.08.31\n\n\
             甲方(盖章):\t乙方(盖章):\n日期:2018.08.06\t日期:2018.08.06"
        );
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert_eq!(lay_out(&[], &ident), Laid::default());
    }
}
