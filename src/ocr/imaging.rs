//! Page image preparation: red seal suppression, grey working image, page turns, model tensors
//! and straightened line crops.

use image::{DynamicImage, GrayImage, Luma};

use super::geometry::{Pt, Quad};

/// Reads the page as one grey channel in which red seal ink is lifted to paper brightness.
///
/// Chinese documents are stamped with red seals, very often right over the signatory's name.
/// In the red channel red ink is as bright as paper while black print stays dark (it absorbs red
/// light too), so for reddish pixels we take the red channel and for all others the luminance.
/// The blend weight rises smoothly with "redness" so anti-aliased edges of black print under
/// the ink keep their shape. On grey scans redness is zero and this is plain luminance.
pub fn suppress_seals_to_gray(image: &DynamicImage) -> GrayImage {
    match image {
        DynamicImage::ImageLuma8(g) => g.clone(),
        _ => {
            let rgb = image.to_rgb8();
            let (w, h) = rgb.dimensions();
            // paper brightness in the red channel and in luminance: most of a page is paper,
            // so a high percentile is the paper (grey or yellowed paper included)
            let mut hist_r = [0u32; 256];
            let mut hist_l = [0u32; 256];
            let lum_of = |[r, g, b]: [f32; 3]| 0.299 * r + 0.587 * g + 0.114 * b;
            for p in rgb.pixels() {
                hist_r[p.0[0] as usize] += 1;
                hist_l[lum_of(p.0.map(f32::from)).round().clamp(0.0, 255.0) as usize] += 1;
            }
            let paper_r = percentile(&hist_r, 0.9).max(1.0);
            let paper_l = percentile(&hist_l, 0.9);
            let ink_r = seal_red_transmission(&rgb, paper_r);
            let mut out = GrayImage::new(w, h);
            for (src, dst) in rgb.pixels().zip(out.pixels_mut()) {
                let [r, g, b] = src.0.map(f32::from);
                let lum = lum_of([r, g, b]);
                let redness = seal_redness(r, g, b);
                let weight = ((redness - 10.0) / 25.0).clamp(0.0, 1.0);
                // red ink lets most red light through (but not all): divided by the ink's
                // own transmission, seal ink on paper is paper and black print keeps its
                // darkness
                let lifted = (r / (ink_r * paper_r)).min(1.0) * paper_l;
                dst.0[0] = (lum + weight * (lifted - lum)).round().clamp(0.0, 255.0) as u8;
            }
            out
        }
    }
}

/// How far a colour is from grey towards seal red: red above the other two channels, less
/// the gap between green and blue. Seal ink (and its pink, faded edges) has green and blue alike;
/// orange, brown or amber print (slide headings, highlighted words) has far more green than
/// blue and must not be lifted to paper with the seal: `r - max(g, b)` alone read orange words
/// as seal ink and erased them.
fn seal_redness(r: f32, g: f32, b: f32) -> f32 {
    r - g.max(b) - (g - b).abs()
}

/// How much red light the page's seal ink lets through, relative to the paper (0.8..=1.0):
/// the median over clearly red pixels.
///
/// Why measured and not fixed: a fixed low value (say 0.8) erases all seal ink but also lifts
/// the grey edge pixels of black print that blur or JPEG colour subsampling have tinted red,
/// so at 150 dpi names and dates under a seal lose strokes (董英鑫 read as 重央鑫). With the
/// ink's own transmission typical seal ink still becomes paper and black strokes keep their
/// contrast; the darker part of the ink stays a faint grey the detector ignores.
fn seal_red_transmission(rgb: &image::RgbImage, paper_r: f32) -> f32 {
    const FALLBACK: f32 = 0.9;
    let mut hist = [0u32; 256];
    let mut n = 0u32;
    for p in rgb.pixels() {
        let [r, g, b] = p.0;
        if seal_redness(f32::from(r), f32::from(g), f32::from(b)) > 60.0 {
            hist[r as usize] += 1;
            n += 1;
        }
    }
    if n < 200 {
        return FALLBACK; // no seal worth measuring
    }
    (percentile(&hist, 0.5) / paper_r).clamp(0.8, 1.0)
}

/// The value below which `q` of the histogram's mass lies.
fn percentile(hist: &[u32; 256], q: f64) -> f32 {
    let total: u64 = hist.iter().map(|&c| u64::from(c)).sum();
    let target = (total as f64 * q) as u64;
    let mut acc = 0u64;
    for (v, &c) in hist.iter().enumerate() {
        acc += u64::from(c);
        if acc > target {
            return v as f32;
        }
    }
    255.0
}

/// Shrinks an image so its longer side is at most `max_side` (area-averaging, so thin strokes
/// survive); returns the image and the factor `working / original`.
pub fn limit_side(img: GrayImage, max_side: u32) -> (GrayImage, f32) {
    let (w, h) = img.dimensions();
    let long = w.max(h);
    if long <= max_side {
        return (img, 1.0);
    }
    let s = max_side as f32 / long as f32;
    let (nw, nh) = (
        ((w as f32 * s).round() as u32).max(1),
        ((h as f32 * s).round() as u32).max(1),
    );
    let out = box_downscale(&img, nw, nh);
    (out, nw as f32 / w as f32)
}

/// Area-averaging downscale (each output pixel is the mean of the source pixels it covers).
pub fn box_downscale(img: &GrayImage, nw: u32, nh: u32) -> GrayImage {
    let (w, h) = img.dimensions();
    let (sx, sy) = (w as f32 / nw as f32, h as f32 / nh as f32);
    if sx <= 1.0 && sy <= 1.0 {
        return image::imageops::resize(img, nw, nh, image::imageops::FilterType::Triangle);
    }
    let src = img.as_raw();
    let mut out = GrayImage::new(nw, nh);
    // pre-compute the horizontal source ranges once
    let xr: Vec<(usize, usize)> = (0..nw)
        .map(|x| {
            let a = (x as f32 * sx).floor() as usize;
            let b = (((x + 1) as f32 * sx).ceil() as usize).clamp(a + 1, w as usize);
            (a, b)
        })
        .collect();
    let mut row_sum = vec![0u32; w as usize];
    for y in 0..nh {
        let y0 = (y as f32 * sy).floor() as usize;
        let y1 = (((y + 1) as f32 * sy).ceil() as usize).clamp(y0 + 1, h as usize);
        row_sum.iter_mut().for_each(|v| *v = 0);
        for yy in y0..y1 {
            let row = &src[yy * w as usize..(yy + 1) * w as usize];
            for (acc, &v) in row_sum.iter_mut().zip(row) {
                *acc += v as u32;
            }
        }
        let rows = (y1 - y0) as u32;
        for (x, &(a, b)) in xr.iter().enumerate() {
            let s: u32 = row_sum[a..b].iter().sum();
            out.put_pixel(x as u32, y, Luma([(s / (rows * (b - a) as u32)) as u8]));
        }
    }
    out
}

/// A whole-page turn, clockwise, in quarter turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Turn(pub u8);

impl Turn {
    /// This turn followed by `other`.
    pub fn then(self, other: Turn) -> Turn {
        Turn((self.0 + other.0) % 4)
    }

    /// Turns an image clockwise by this many quarter turns.
    pub fn apply(self, img: &GrayImage) -> GrayImage {
        match self.0 % 4 {
            1 => image::imageops::rotate90(img),
            2 => image::imageops::rotate180(img),
            3 => image::imageops::rotate270(img),
            _ => img.clone(),
        }
    }

    /// Maps a point of the image before the turn (size `w x h`) into the turned image.
    pub fn map(self, p: Pt, w: f32, h: f32) -> Pt {
        match self.0 % 4 {
            1 => Pt::new(h - p.y, p.x),
            2 => Pt::new(w - p.x, h - p.y),
            3 => Pt::new(p.y, w - p.x),
            _ => p,
        }
    }

    /// Maps a point of the turned image back to the image before the turn, whose size was
    /// `w x h` (continuous coordinates, 0..w and 0..h).
    pub fn unmap(self, p: Pt, w: f32, h: f32) -> Pt {
        match self.0 % 4 {
            // rotate90: dst(x, y) = src(y, h - x) with dst width h
            1 => Pt::new(p.y, h - p.x),
            2 => Pt::new(w - p.x, h - p.y),
            // rotate270: dst(x, y) = src(w - y, x)
            3 => Pt::new(w - p.y, p.x),
            _ => p,
        }
    }
}

/// NCHW float tensor data for the PP-OCR models: grey replicated to 3 channels,
/// scaled to -1..1 (`(v / 255 - 0.5) / 0.5`, the models' mean and std).
pub fn to_chw3(img: &GrayImage) -> Vec<f32> {
    let plane: Vec<f32> = img
        .as_raw()
        .iter()
        .map(|&v| v as f32 / 127.5 - 1.0)
        .collect();
    let mut out = Vec::with_capacity(plane.len() * 3);
    for _ in 0..3 {
        out.extend_from_slice(&plane);
    }
    out
}

/// Samples the quad `q` of `img` into a straight `out_w x out_h` strip (bilinear, edge pixels
/// repeated outside the image, supersampled when shrinking), written as one -1..1 plane into
/// `dst` whose row stride is `stride`.
pub fn sample_quad(
    img: &GrayImage,
    q: &Quad,
    out_w: usize,
    out_h: usize,
    dst: &mut [f32],
    stride: usize,
) {
    let [tl, tr, _br, bl] = q.0;
    // affine frame: u along the reading direction, v across it
    let (ux, uy) = ((tr.x - tl.x) / out_w as f32, (tr.y - tl.y) / out_w as f32);
    let (vx, vy) = ((bl.x - tl.x) / out_h as f32, (bl.y - tl.y) / out_h as f32);
    let step = (ux.hypot(uy)).max(vx.hypot(vy));
    let k = (step.ceil() as usize).clamp(1, 4); // sub-samples per axis when shrinking
    let inv = 1.0 / (k * k) as f32;
    let (w, h) = (img.width() as i32, img.height() as i32);
    let raw = img.as_raw();
    let px = |x: i32, y: i32| raw[(y.clamp(0, h - 1) * w + x.clamp(0, w - 1)) as usize] as f32;
    for oy in 0..out_h {
        for ox in 0..out_w {
            let mut acc = 0.0;
            for sy in 0..k {
                for sx in 0..k {
                    let fu = ox as f32 + (sx as f32 + 0.5) / k as f32;
                    let fv = oy as f32 + (sy as f32 + 0.5) / k as f32;
                    let x = tl.x + fu * ux + fv * vx - 0.5;
                    let y = tl.y + fu * uy + fv * vy - 0.5;
                    let (x0, y0) = (x.floor(), y.floor());
                    let (ax, ay) = (x - x0, y - y0);
                    let (x0, y0) = (x0 as i32, y0 as i32);
                    let top = px(x0, y0) * (1.0 - ax) + px(x0 + 1, y0) * ax;
                    let bot = px(x0, y0 + 1) * (1.0 - ax) + px(x0 + 1, y0 + 1) * ax;
                    acc += top * (1.0 - ay) + bot * ay;
                }
            }
            dst[oy * stride + ox] = acc * inv / 127.5 - 1.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    #[test]
    fn red_ink_becomes_paper_and_black_stays_black() {
        let mut img = RgbImage::from_pixel(4, 1, Rgb([240, 238, 232]));
        img.put_pixel(1, 0, Rgb([210, 40, 45])); // seal ink on paper
        img.put_pixel(2, 0, Rgb([12, 4, 5])); // black print under seal ink
        img.put_pixel(3, 0, Rgb([20, 30, 160])); // blue ink is kept
        let g = suppress_seals_to_gray(&DynamicImage::ImageRgb8(img));
        assert!(g.get_pixel(1, 0).0[0] > 200, "{:?}", g.get_pixel(1, 0));
        assert!(g.get_pixel(2, 0).0[0] < 20);
        assert!(g.get_pixel(3, 0).0[0] < 60);
        assert!(g.get_pixel(0, 0).0[0] > 230);
    }

    #[test]
    fn grey_print_under_a_seal_keeps_its_contrast() {
        // A page with a seal (ink at 90 % of the paper's red) and a blurred black stroke whose
        // edge the seal tinted: the stroke must stay clearly darker than the paper.
        let mut img = RgbImage::from_pixel(100, 100, Rgb([240, 238, 232]));
        for x in 0..30 {
            for y in 0..10 {
                img.put_pixel(x, y, Rgb([216, 60, 64])); // seal ink
            }
        }
        img.put_pixel(50, 50, Rgb([175, 130, 130])); // grey stroke edge with a red tint
        let g = suppress_seals_to_gray(&DynamicImage::ImageRgb8(img));
        assert!(g.get_pixel(5, 5).0[0] > 225, "{:?}", g.get_pixel(5, 5));
        assert!(g.get_pixel(50, 50).0[0] < 200, "{:?}", g.get_pixel(50, 50));
    }

    #[test]
    fn orange_print_is_not_taken_for_seal_ink() {
        // an orange word on a light blue slide (RGB as a JPEG of one gives them) stays darker
        // than its background, while seal ink on the same page is still lifted
        let mut img = RgbImage::from_pixel(100, 100, Rgb([120, 210, 235]));
        for x in 0..30 {
            for y in 0..10 {
                img.put_pixel(x, y, Rgb([216, 60, 64]));
            }
        }
        img.put_pixel(50, 50, Rgb([205, 140, 70])); // orange stroke
        let g = suppress_seals_to_gray(&DynamicImage::ImageRgb8(img));
        let paper = g.get_pixel(90, 90).0[0];
        assert!(
            g.get_pixel(50, 50).0[0] + 25 < paper,
            "{:?} vs {paper}",
            g.get_pixel(50, 50)
        );
        assert!(
            g.get_pixel(5, 5).0[0] + 10 > paper,
            "{:?}",
            g.get_pixel(5, 5)
        );
    }

    #[test]
    fn turns_map_points_back() {
        let (w, h) = (40.0, 10.0);
        let mut img = GrayImage::new(40, 10);
        img.put_pixel(30, 2, Luma([255]));
        for t in 0..4 {
            let turn = Turn(t);
            let r = turn.apply(&img);
            let (x, y, _) = r.enumerate_pixels().find(|p| p.2.0[0] == 255).unwrap();
            let back = turn.unmap(Pt::new(x as f32 + 0.5, y as f32 + 0.5), w, h);
            let there = turn.map(Pt::new(30.5, 2.5), w, h);
            assert!(
                (there.x - x as f32 - 0.5).abs() < 1e-4 && (there.y - y as f32 - 0.5).abs() < 1e-4
            );
            assert!(
                (back.x - 30.5).abs() < 1e-4 && (back.y - 2.5).abs() < 1e-4,
                "turn {t}: {back:?}"
            );
        }
    }

    #[test]
    fn downscale_keeps_mean_and_limits_side() {
        let img = GrayImage::from_fn(400, 100, |x, _| Luma([if x % 2 == 0 { 0 } else { 200 }]));
        let (s, f) = limit_side(img, 200);
        assert_eq!(s.dimensions(), (200, 50));
        assert!((f - 0.5).abs() < 1e-6);
        assert!(s.pixels().all(|p| p.0[0] == 100));
    }

    #[test]
    fn sample_axis_aligned_quad_copies_pixels() {
        let img = GrayImage::from_fn(20, 10, |x, y| Luma([(x * 10 + y) as u8]));
        let q = Quad([
            Pt::new(2., 3.),
            Pt::new(6., 3.),
            Pt::new(6., 5.),
            Pt::new(2., 5.),
        ]);
        let mut dst = vec![0f32; 4 * 2];
        sample_quad(&img, &q, 4, 2, &mut dst, 4);
        let expect = (img.get_pixel(2, 3).0[0] as f32) / 127.5 - 1.0;
        assert!((dst[0] - expect).abs() < 1e-5);
        let expect = (img.get_pixel(5, 4).0[0] as f32) / 127.5 - 1.0;
        assert!((dst[7] - expect).abs() < 1e-5);
    }
}
