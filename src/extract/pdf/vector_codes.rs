//! Codes drawn with vector paths (a QR code as hundreds of small squares, a barcode as bars),
//! found on a born-digital page and rendered on their own at a resolution that reads them.
//!
//! The page image is rasterised at about 200 dpi: a barcode with 0.15 mm bars or a 7 mm
//! DataMatrix gets about one pixel a module there and does not read. The probe that walks the
//! page already sees every path; here the small dark ones are kept as marks, marks lying close
//! together are grouped, and a group with enough parts and a code's size is rendered alone,
//! clipped to its place, so that its narrowest element gets several pixels. The rendering is
//! hayro's, so clips, patterns and text over the code are drawn as on the page.

use hayro::hayro_interpret::{DrawMode, DrawProps, Paint, TransformExt};
use hayro::hayro_syntax::page::Page;
use hayro::kurbo::{Affine, BezPath, PathEl, Rect, Shape};
use image::DynamicImage;

/// Points in a millimetre.
const MM: f64 = 72.0 / 25.4;
/// A mark longer than this is a rule or a frame, not part of a code.
const MARK_MAX_LONG: f64 = 80.0 * MM;
/// Marks closer than this belong to one drawing (a barcode's widest gap is four modules).
const GAP: f64 = 2.0 * MM;
/// A page drawing more small marks than this is a chart or a map: the rest are not kept.
const MARKS_MAX: usize = 20_000;
/// A code has at least this many dark parts (a QR code hundreds, a barcode some thirty bars).
const MIN_PARTS: u32 = 16;
/// A code's drawing is at least this long on its short side and at most this on its long one.
const MIN_SHORT: f64 = 3.0 * MM;
const MAX_LONG: f64 = 150.0 * MM;
/// At most this many drawings of a page are rendered, those with the most parts first.
const REGIONS_MAX: usize = 4;
/// A region is rendered with this many pixels on its long side (within the scale limits).
const TARGET_PX: f64 = 1600.0;

/// The small dark paths of a page, in page points (top-left origin).
#[derive(Default)]
pub struct Marks {
    marks: Vec<Mark>,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    rect: Rect,
    /// Subpaths: a code drawn as one path has one per module run or bar.
    parts: u32,
}

impl Marks {
    /// Keeps a drawn path if it is dark, visible and small enough to be part of a code.
    pub fn add(&mut self, path: &BezPath, props: &DrawProps<'_>, mode: &DrawMode) {
        if self.marks.len() >= MARKS_MAX {
            return;
        }
        let half_stroke = match mode {
            DrawMode::Invisible => return,
            DrawMode::Fill(_) => 0.0,
            DrawMode::Stroke(s) | DrawMode::FillAndStroke(_, s) => {
                s.line_width as f64 * props.transform.determinant().abs().sqrt() / 2.0
            }
        };
        if let Paint::Color(c) = &props.paint {
            let [r, g, b, a] = c.to_rgba().to_rgba8();
            let luma = (299 * r as u32 + 587 * g as u32 + 114 * b as u32) / 1000;
            if luma > 160 || a < 128 {
                return;
            }
        }
        let rect = props
            .transform
            .transform_rect_bbox(path.bounding_box())
            .inflate(half_stroke, half_stroke);
        let (w, h) = (rect.width(), rect.height());
        if !(w.is_finite() && h.is_finite()) || w.max(h) > MARK_MAX_LONG || w.max(h) < 0.1 {
            return;
        }
        let parts = path
            .elements()
            .iter()
            .filter(|e| matches!(e, PathEl::MoveTo(_)))
            .count()
            .max(1) as u32;
        self.marks.push(Mark { rect, parts });
    }

    /// Places on the page (points) where a group of marks could be a code, most parts first.
    pub fn regions(&self, page: Rect) -> Vec<Rect> {
        let groups = group(&self.marks);
        let mut found: Vec<(u32, Rect)> = groups
            .into_iter()
            .filter(|(parts, r)| {
                let (short, long) = (r.width().min(r.height()), r.width().max(r.height()));
                *parts >= MIN_PARTS && short >= MIN_SHORT && long <= MAX_LONG
            })
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found
            .into_iter()
            .take(REGIONS_MAX)
            .filter_map(|(_, r)| {
                // a quiet zone around the code, as printed
                let pad = (4.0 * MM).max(0.1 * r.width().max(r.height()));
                let r = r.inflate(pad, pad).intersect(page);
                (r.width() > 0.0 && r.height() > 0.0).then_some(r)
            })
            .collect()
    }
}

/// Groups marks whose rectangles come within [`GAP`] of each other; returns each group's
/// parts and bounding rectangle. Marks are bucketed on a grid so a page of many marks is not
/// compared pair by pair.
fn group(marks: &[Mark]) -> Vec<(u32, Rect)> {
    use std::collections::HashMap;
    let cell = 4.0 * GAP;
    let mut parent: Vec<usize> = (0..marks.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, m) in marks.iter().enumerate() {
        let r = m.rect.inflate(GAP / 2.0, GAP / 2.0);
        let (cx0, cy0) = ((r.x0 / cell).floor() as i64, (r.y0 / cell).floor() as i64);
        let (cx1, cy1) = ((r.x1 / cell).floor() as i64, (r.y1 / cell).floor() as i64);
        for cx in cx0..=cx1 {
            for cy in cy0..=cy1 {
                let bucket = grid.entry((cx, cy)).or_default();
                for &j in bucket.iter() {
                    let other = marks[j].rect.inflate(GAP / 2.0, GAP / 2.0);
                    if other.x0 <= r.x1 && r.x0 <= other.x1 && other.y0 <= r.y1 && r.y0 <= other.y1
                    {
                        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                        if a != b {
                            parent[a] = b;
                        }
                    }
                }
                bucket.push(i);
            }
        }
    }
    let mut groups: HashMap<usize, (u32, Rect)> = HashMap::new();
    for (i, m) in marks.iter().enumerate() {
        let g = root(&mut parent, i);
        groups
            .entry(g)
            .and_modify(|(parts, rect)| {
                *parts += m.parts;
                *rect = rect.union(m.rect);
            })
            .or_insert((m.parts, m.rect));
    }
    let mut out: Vec<(u32, Rect)> = groups.into_values().collect();
    // deterministic order whatever the hash map's
    out.sort_by(|a, b| {
        (a.1.y0, a.1.x0)
            .partial_cmp(&(b.1.y0, b.1.x0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

/// Renders one region of a page (points, top-left origin) on white, with its long side at
/// about [`TARGET_PX`] pixels.
pub fn render_region(
    page: &Page<'_>,
    interpreter: &hayro::hayro_interpret::InterpreterSettings,
    region: Rect,
) -> Option<DynamicImage> {
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::vello_cpu::{Pixmap, RasterizerSettings, RenderContext, Resources, TargetInit};
    let long = region.width().max(region.height());
    if !(long.is_finite() && long > 0.0) {
        return None;
    }
    let scale = (TARGET_PX / long).clamp(2.0, 12.0);
    let (w, h) = (
        (region.width() * scale).ceil(),
        (region.height() * scale).ceil(),
    );
    if w < 1.0 || h < 1.0 || w > 4096.0 || h > 4096.0 {
        return None;
    }
    let (w, h) = (w as u16, h as u16);
    let mut ctx = RenderContext::new(w, h);
    let transform = Affine::scale(scale)
        * Affine::translate((-region.x0, -region.y0))
        * page.initial_transform(true).to_kurbo();
    let cache = hayro::RenderCache::new();
    hayro::render_into(
        page,
        &cache,
        interpreter,
        &hayro::RenderSettings::default(),
        &mut ctx,
        transform,
    );
    ctx.flush();
    let mut pixmap = Pixmap::new(w, h);
    ctx.render_with(
        &mut pixmap,
        &mut Resources::default(),
        RasterizerSettings {
            target_init: TargetInit::Clear(WHITE),
            ..Default::default()
        },
    );
    super::page_image::rgb_of(&pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(x: f64, y: f64, w: f64, h: f64) -> Mark {
        Mark {
            rect: Rect::new(x, y, x + w, y + h),
            parts: 1,
        }
    }

    #[test]
    fn bars_group_into_one_code_and_stay_apart_from_a_far_one() {
        let mut marks: Vec<Mark> = (0..30)
            .map(|i| mark(100.0 + i as f64 * 2.0, 50.0, 0.8, 30.0))
            .collect();
        marks.extend((0..20).map(|i| {
            mark(
                400.0 + (i % 5) as f64 * 3.0,
                600.0 + (i / 5) as f64 * 3.0,
                2.0,
                2.0,
            )
        }));
        let groups = group(&marks);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].0, 30);
        assert_eq!(groups[1].0, 20);
        let regions = Marks { marks }.regions(Rect::new(0.0, 0.0, 595.0, 842.0));
        assert_eq!(regions.len(), 2);
        // the barcode's region holds all its bars and a quiet zone
        assert!(regions[0].x0 < 100.0 && regions[0].x1 > 160.0);
    }

    #[test]
    fn a_few_marks_or_a_long_rule_are_no_code() {
        let marks = Marks {
            marks: (0..10)
                .map(|i| mark(10.0 + i as f64, 10.0, 0.5, 20.0))
                .collect(),
        };
        assert!(marks.regions(Rect::new(0.0, 0.0, 595.0, 842.0)).is_empty());
        // underlines of a form: many, but a line of marks only a point high
        let marks = Marks {
            marks: (0..40)
                .map(|i| mark(10.0 + i as f64 * 5.0, 10.0, 4.0, 0.5))
                .collect(),
        };
        assert!(marks.regions(Rect::new(0.0, 0.0, 595.0, 842.0)).is_empty());
    }
}
