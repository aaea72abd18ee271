//! Plane geometry for text boxes: convex hulls, minimum-area rectangles and quads.
//!
//! Detection turns blobs of "text" pixels into rotated rectangles the way PaddleOCR's DB
//! post-processing does with OpenCV (`minAreaRect`, `boxPoints`), so skewed scans give boxes
//! that follow the text and line crops that come out straight.

/// A point in pixel coordinates (x right, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f32,
    pub y: f32,
}

impl Pt {
    pub fn new(x: f32, y: f32) -> Pt {
        Pt { x, y }
    }
    fn sub(self, o: Pt) -> Pt {
        Pt::new(self.x - o.x, self.y - o.y)
    }
    fn dist(self, o: Pt) -> f32 {
        let d = self.sub(o);
        (d.x * d.x + d.y * d.y).sqrt()
    }
    /// Point reached by moving `t` of the way from `self` to `o`.
    pub fn lerp(self, o: Pt, t: f32) -> Pt {
        Pt::new(self.x + (o.x - self.x) * t, self.y + (o.y - self.y) * t)
    }
}

fn cross(o: Pt, a: Pt, b: Pt) -> f32 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// Convex hull (Andrew's monotone chain), counter-clockwise in a y-up frame, no collinear points.
pub fn convex_hull(points: &[Pt]) -> Vec<Pt> {
    let mut pts: Vec<Pt> = points.to_vec();
    pts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let mut hull: Vec<Pt> = Vec::with_capacity(pts.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Pt>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop(); // the last point of each chain starts the other one
    }
    hull
}

/// A rotated rectangle: centre, side lengths and the unit direction of the `w` side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RotRect {
    pub cx: f32,
    pub cy: f32,
    pub w: f32,
    pub h: f32,
    /// Unit vector along the `w` side.
    pub ux: f32,
    pub uy: f32,
}

impl RotRect {
    /// The shorter side (OpenCV's `min(rect.size)`, used to drop specks).
    pub fn short_side(&self) -> f32 {
        self.w.min(self.h)
    }

    /// Grows every side outwards by `d` (both sides of each axis), keeping centre and angle.
    ///
    /// This is exactly what DB's "unclip" (a rounded polygon offset by `d`, followed by a new
    /// minimum-area rectangle) yields for a rectangle: the rounded corners stay inside the grown
    /// rectangle and touch all four of its sides.
    pub fn grow(&self, d: f32) -> RotRect {
        RotRect {
            w: self.w + 2.0 * d,
            h: self.h + 2.0 * d,
            ..*self
        }
    }

    /// Corner points in the order top-left, top-right, bottom-right, bottom-left of the page
    /// (the order PaddleOCR's `order_points_clockwise` produces).
    pub fn quad(&self) -> Quad {
        let (hx, hy) = (self.ux * self.w / 2.0, self.uy * self.w / 2.0);
        let (vx, vy) = (-self.uy * self.h / 2.0, self.ux * self.h / 2.0);
        let c = Pt::new(self.cx, self.cy);
        let pts = [
            Pt::new(c.x - hx - vx, c.y - hy - vy),
            Pt::new(c.x + hx - vx, c.y + hy - vy),
            Pt::new(c.x + hx + vx, c.y + hy + vy),
            Pt::new(c.x - hx + vx, c.y - hy + vy),
        ];
        Quad::ordered(pts)
    }
}

/// Minimum-area enclosing rectangle of a point set (rotating calipers over the convex hull).
/// Returns `None` for an empty set; degenerate sets give zero-width rectangles.
pub fn min_area_rect(points: &[Pt]) -> Option<RotRect> {
    let hull = convex_hull(points);
    match hull.len() {
        0 => return None,
        1 => {
            return Some(RotRect {
                cx: hull[0].x,
                cy: hull[0].y,
                w: 0.0,
                h: 0.0,
                ux: 1.0,
                uy: 0.0,
            });
        }
        _ => {}
    }
    let mut best: Option<(f32, RotRect)> = None;
    for i in 0..hull.len() {
        let a = hull[i];
        let b = hull[(i + 1) % hull.len()];
        let len = a.dist(b);
        if len <= f32::EPSILON {
            continue;
        }
        let (ux, uy) = ((b.x - a.x) / len, (b.y - a.y) / len);
        let (mut min_u, mut max_u, mut min_v, mut max_v) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in &hull {
            let u = p.x * ux + p.y * uy;
            let v = -p.x * uy + p.y * ux;
            min_u = min_u.min(u);
            max_u = max_u.max(u);
            min_v = min_v.min(v);
            max_v = max_v.max(v);
        }
        let (w, h) = (max_u - min_u, max_v - min_v);
        let area = w * h;
        if best.as_ref().is_none_or(|(a, _)| area < *a - 1e-6) {
            let (cu, cv) = ((min_u + max_u) / 2.0, (min_v + max_v) / 2.0);
            let rect = RotRect {
                cx: cu * ux - cv * uy,
                cy: cu * uy + cv * ux,
                w,
                h,
                ux,
                uy,
            };
            best = Some((area, rect));
        }
    }
    best.map(|(_, r)| normalise_axis(r))
}

/// Makes `w` the side closer to horizontal, so `w`/`h` read as a text line's length/height
/// for near-horizontal text, and points the `w` direction rightwards.
fn normalise_axis(r: RotRect) -> RotRect {
    let mut r = r;
    if r.ux.abs() < r.uy.abs() {
        // rotate the frame by 90 degrees: the old h side becomes w
        r = RotRect {
            w: r.h,
            h: r.w,
            ux: -r.uy,
            uy: r.ux,
            ..r
        };
    }
    if r.ux < 0.0 {
        r.ux = -r.ux;
        r.uy = -r.uy;
    }
    r
}

/// Four corners: top-left, top-right, bottom-right, bottom-left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quad(pub [Pt; 4]);

impl Quad {
    /// Orders four corners as PaddleOCR does: the two leftmost (by x) are the left side, top one
    /// first; likewise on the right.
    pub fn ordered(pts: [Pt; 4]) -> Quad {
        let mut p = pts;
        p.sort_by(|a, b| a.x.total_cmp(&b.x));
        let (l0, l1) = if p[0].y <= p[1].y {
            (p[0], p[1])
        } else {
            (p[1], p[0])
        };
        let (r0, r1) = if p[2].y <= p[3].y {
            (p[2], p[3])
        } else {
            (p[3], p[2])
        };
        Quad([l0, r0, r1, l1])
    }

    /// Length along the reading direction (the longer of top and bottom edges).
    pub fn width(&self) -> f32 {
        self.0[0].dist(self.0[1]).max(self.0[3].dist(self.0[2]))
    }

    /// Height across the reading direction.
    pub fn height(&self) -> f32 {
        self.0[0].dist(self.0[3]).max(self.0[1].dist(self.0[2]))
    }

    /// Axis-aligned bounds `[x0, y0, x1, y1]`.
    pub fn bounds(&self) -> [f32; 4] {
        let xs = self.0.map(|p| p.x);
        let ys = self.0.map(|p| p.y);
        [
            xs.iter().copied().fold(f32::MAX, f32::min),
            ys.iter().copied().fold(f32::MAX, f32::min),
            xs.iter().copied().fold(f32::MIN, f32::max),
            ys.iter().copied().fold(f32::MIN, f32::max),
        ]
    }

    /// Whether `p` lies inside the (convex) quad or on its edge.
    pub fn contains(&self, p: Pt) -> bool {
        let mut sign = 0.0f32;
        for i in 0..4 {
            let c = cross(self.0[i], self.0[(i + 1) % 4], p);
            if c.abs() < 1e-6 {
                continue;
            }
            if sign == 0.0 {
                sign = c.signum();
            } else if c.signum() != sign {
                return false;
            }
        }
        true
    }

    /// The part of the quad between fractions `u0..u1` of its reading direction.
    pub fn sub_range(&self, u0: f32, u1: f32) -> Quad {
        let [tl, tr, br, bl] = self.0;
        Quad([
            tl.lerp(tr, u0),
            tl.lerp(tr, u1),
            bl.lerp(br, u1),
            bl.lerp(br, u0),
        ])
    }

    /// Applies `f` to every corner (page rotations, scaling), keeping the corner roles.
    pub fn map(&self, f: impl Fn(Pt) -> Pt) -> Quad {
        Quad(self.0.map(f))
    }

    /// Angle of the reading direction in radians (0 = horizontal, positive = clockwise on the
    /// page, since y points down).
    pub fn angle(&self) -> f32 {
        let [tl, tr, br, bl] = self.0;
        let dx = (tr.x - tl.x) + (br.x - bl.x);
        let dy = (tr.y - tl.y) + (br.y - bl.y);
        dy.atan2(dx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn hull_of_square_with_inner_points() {
        let pts = [(0., 0.), (2., 0.), (2., 2.), (0., 2.), (1., 1.), (1., 0.)]
            .map(|(x, y)| Pt::new(x, y));
        let h = convex_hull(&pts);
        assert_eq!(h.len(), 4);
    }

    #[test]
    fn min_rect_of_axis_aligned_box() {
        let mut pts = vec![];
        for x in 0..10 {
            for y in 0..3 {
                pts.push(Pt::new(x as f32, y as f32));
            }
        }
        let r = min_area_rect(&pts).unwrap();
        assert!(close(r.w, 9.0) && close(r.h, 2.0), "{r:?}");
        assert!(close(r.cx, 4.5) && close(r.cy, 1.0));
        let q = r.quad();
        assert_eq!(q.0[0], Pt::new(0.0, 0.0));
        assert_eq!(q.0[2], Pt::new(9.0, 2.0));
    }

    #[test]
    fn min_rect_of_rotated_box_follows_the_skew() {
        let a = 5f32.to_radians();
        let mut pts = vec![];
        for i in 0..=100 {
            for j in 0..=10 {
                let (u, v) = (i as f32, j as f32);
                pts.push(Pt::new(
                    u * a.cos() - v * a.sin(),
                    u * a.sin() + v * a.cos(),
                ));
            }
        }
        let r = min_area_rect(&pts).unwrap();
        assert!(close(r.w, 100.0) && close(r.h, 10.0), "{r:?}");
        assert!(close(r.quad().angle(), a), "{}", r.quad().angle());
    }

    #[test]
    fn vertical_blob_keeps_w_horizontal() {
        let pts = [(0., 0.), (2., 0.), (2., 20.), (0., 20.)].map(|(x, y)| Pt::new(x, y));
        let r = min_area_rect(&pts).unwrap();
        assert!(close(r.w, 2.0) && close(r.h, 20.0), "{r:?}");
        assert!(r.quad().height() > r.quad().width());
    }

    #[test]
    fn grow_adds_on_every_side() {
        let r = RotRect {
            cx: 5.0,
            cy: 5.0,
            w: 10.0,
            h: 2.0,
            ux: 1.0,
            uy: 0.0,
        }
        .grow(1.5);
        assert!(close(r.w, 13.0) && close(r.h, 5.0));
    }

    #[test]
    fn contains_and_sub_range() {
        let q = Quad([
            Pt::new(0., 0.),
            Pt::new(10., 0.),
            Pt::new(10., 4.),
            Pt::new(0., 4.),
        ]);
        assert!(q.contains(Pt::new(5., 2.)));
        assert!(q.contains(Pt::new(0., 0.)));
        assert!(!q.contains(Pt::new(11., 2.)));
        let s = q.sub_range(0.5, 1.0);
        assert_eq!(s.bounds(), [5., 0., 10., 4.]);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert!(min_area_rect(&[]).is_none());
        let one = min_area_rect(&[Pt::new(3., 3.)]).unwrap();
        assert_eq!(one.short_side(), 0.0);
        let line = min_area_rect(&[Pt::new(0., 0.), Pt::new(5., 0.)]).unwrap();
        assert_eq!(line.short_side(), 0.0);
    }
}
