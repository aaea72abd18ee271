//! How large the DB detector should see the page: chosen from the page's own text height.
//!
//! A fixed detector size serves one print size only. The PP-OCRv6 detector finds a line
//! reliably when its text is some 10-20 px tall in the detector input (measured on real
//! pages and our fixtures, docs/BENCHMARKS.md, "OCR: detector scale from the text height"):
//! a 1280 px cap shrinks 8 px newspaper print to 7 px, where lines merge or vanish, while a
//! slide with 40 px headings is detected just as well at a fifth of the pixels. So before
//! detection we measure the typical text height on the working image ([`text_height`], a few
//! tens of milliseconds of integer work against a second or more of detection) and scale the
//! detector input so that text lands at [`TARGET_TEXT_PX`] ([`det_size_for`]), within bounds
//! on the total pixels that keep time and memory in check.

use image::GrayImage;

/// Text height (px, ink top to ink bottom of a line) the detector input is scaled to.
pub const TARGET_TEXT_PX: f32 = 16.0;
/// The detector input never has fewer pixels than this (about 736 x 544): below it the
/// network's 32x downsampling leaves too little context even for large print.
pub const MIN_DET_PIXELS: f32 = 400_000.0;
/// …nor more than this (about 2000 x 1400, RapidOCR's own ceiling for a 2000 px page): bounds
/// time and memory for pages of very small print.
pub const MAX_DET_PIXELS: f32 = 2_800_000.0;
/// Nor a side longer than this, whatever the shape (a long strip stays bounded in memory).
pub const MAX_DET_SIDE: f32 = 2560.0;

/// The median height in pixels of the text lines on `img` (a grey page, dark ink on light
/// paper), or `None` when too little text is found to say (blank or nearly blank pages).
///
/// How: ink is what is clearly darker than its neighbourhood (a local mean over a window of
/// 1/30 of the short side, so uneven lighting and grey paper do not count as ink); ruling
/// lines and frames, runs of ink longer than 1/10 of the short side in either direction, are
/// removed, since a table rule would otherwise read as a 2 px "line" and a vertical rule would
/// join every row. The page is then cut into narrow strips (1/32 of the page) and in each strip
/// the rows holding ink form runs: one run per text line crossing the strip. Narrow strips keep
/// one column of a multi-column page apart from the next, whose lines need not align. The
/// same is done with columns, for pages whose lines run vertically (turned scans); of the two
/// directions the one whose run heights agree best (smallest relative median absolute
/// deviation) is the direction of the lines. The median, not the mean, so headings, figures
/// and the odd broken character do not move it.
pub fn text_height(img: &GrayImage) -> Option<f32> {
    let (w, h) = (img.width() as usize, img.height() as usize);
    if w < 16 || h < 16 {
        return None;
    }
    let mut ink = ink_mask(img.as_raw(), w, h);
    remove_rules(&mut ink, w, h, (w.min(h) / 10).max(40));
    let rows = run_heights(&ink, w, h, false);
    let cols = run_heights(&ink, w, h, true);
    let best = [rows, cols]
        .into_iter()
        .filter_map(spread)
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(best.0)
}

/// Size of the detector input (multiples of 32) for a `w x h` working page whose text is
/// `text_px` tall: scaled so the text lands at [`TARGET_TEXT_PX`], then held within
/// [`MIN_DET_PIXELS`]..=[`MAX_DET_PIXELS`] and [`MAX_DET_SIDE`]. Upscaling is allowed: small
/// print on a small image gets more pixels (the recogniser still reads the original).
pub fn det_size_for(w: u32, h: u32, text_px: f32) -> (u32, u32) {
    let (wf, hf) = (w.max(1) as f32, h.max(1) as f32);
    let area = wf * hf;
    let mut r = TARGET_TEXT_PX / text_px.max(1.0);
    r = r.clamp(
        (MIN_DET_PIXELS / area).sqrt(),
        (MAX_DET_PIXELS / area).sqrt(),
    );
    r = r.min(MAX_DET_SIDE / wf.max(hf));
    let round32 = |v: f32| (((v / 32.0).round() as u32) * 32).max(32);
    (round32(wf * r), round32(hf * r))
}

/// 1 where a pixel is clearly darker than the mean of the window around it.
fn ink_mask(px: &[u8], w: usize, h: usize) -> Vec<u8> {
    // integral image, (w + 1) x (h + 1)
    let iw = w + 1;
    let mut ii = vec![0u64; iw * (h + 1)];
    for y in 0..h {
        let mut row = 0u64;
        for x in 0..w {
            row += u64::from(px[y * w + x]);
            ii[(y + 1) * iw + x + 1] = ii[y * iw + x + 1] + row;
        }
    }
    let r = (w.min(h) / 60).max(7);
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let sum = ii[y1 * iw + x1] + ii[y0 * iw + x0] - ii[y0 * iw + x1] - ii[y1 * iw + x0];
            let mean = sum as f32 / ((y1 - y0) * (x1 - x0)) as f32;
            let v = f32::from(px[y * w + x]);
            out[y * w + x] = u8::from(v < mean - (0.08 * mean).max(12.0));
        }
    }
    out
}

/// Clears ink that lies in a horizontal or vertical run of at least `long` pixels (rules,
/// frames, underlines), judged on the mask as it was before any clearing.
fn remove_rules(ink: &mut [u8], w: usize, h: usize, long: usize) {
    let mut clear = vec![false; w * h];
    // horizontal runs
    for y in 0..h {
        let mut x = 0;
        while x < w {
            if ink[y * w + x] == 0 {
                x += 1;
                continue;
            }
            let start = x;
            while x < w && ink[y * w + x] != 0 {
                x += 1;
            }
            if x - start >= long {
                clear[y * w + start..y * w + x].fill(true);
            }
        }
    }
    // vertical runs
    for x in 0..w {
        let mut y = 0;
        while y < h {
            if ink[y * w + x] == 0 {
                y += 1;
                continue;
            }
            let start = y;
            while y < h && ink[y * w + x] != 0 {
                y += 1;
            }
            if y - start >= long {
                for yy in start..y {
                    clear[yy * w + x] = true;
                }
            }
        }
    }
    for (v, c) in ink.iter_mut().zip(clear) {
        if c {
            *v = 0;
        }
    }
}

/// Heights of the runs of inked rows in each vertical strip (`transposed`: runs of inked
/// columns in each horizontal strip), keeping plausible text heights (3 px..1/8 of the page).
fn run_heights(ink: &[u8], w: usize, h: usize, transposed: bool) -> Vec<u32> {
    // along: the direction runs are measured in; across: the direction strips are cut in
    let (along, across) = if transposed { (w, h) } else { (h, w) };
    let at = |a: usize, c: usize| {
        if transposed {
            ink[c * w + a]
        } else {
            ink[a * w + c]
        }
    };
    let strip = (across / 32).max(24).min(across);
    let min_ink = (strip / 50).max(1) as u32;
    let max_run = (along / 8) as u32;
    let mut out = Vec::new();
    let mut c0 = 0;
    while c0 + strip / 2 < across {
        let c1 = (c0 + strip).min(across);
        let mut run = 0u32;
        for a in 0..=along {
            let on = a < along && (c0..c1).map(|c| u32::from(at(a, c))).sum::<u32>() >= min_ink;
            if on {
                run += 1;
            } else {
                if (3..=max_run).contains(&run) {
                    out.push(run);
                }
                run = 0;
            }
        }
        c0 += strip;
    }
    out
}

/// Median of `runs` and its relative median absolute deviation; `None` for fewer than 8 runs
/// (too little text to measure).
fn spread(runs: Vec<u32>) -> Option<(f32, f32)> {
    if runs.len() < 8 {
        return None;
    }
    let mut runs: Vec<f32> = runs.into_iter().map(|r| r as f32).collect();
    let med = median(&mut runs);
    let mut dev: Vec<f32> = runs.iter().map(|&r| (r - med).abs()).collect();
    let mad = median(&mut dev);
    Some((med, mad / med.max(1.0)))
}

fn median(v: &mut [f32]) -> f32 {
    v.sort_unstable_by(f32::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    /// A synthetic page: `lines` rows of dark "characters" (blocks with a gap in the middle, as
    /// many Chinese characters have) of height `text` every `pitch` px, in `columns` columns
    /// whose lines are offset against each other.
    fn page(w: u32, h: u32, text: u32, pitch: u32, columns: u32) -> GrayImage {
        let mut img = GrayImage::from_pixel(w, h, Luma([235]));
        let col_w = w / columns;
        for c in 0..columns {
            let off = c * pitch / 3;
            let mut y = 40 + off;
            while y + text + 40 < h {
                let mut x = c * col_w + 20;
                while x + text + 20 < (c + 1) * col_w {
                    for yy in y..y + text {
                        for xx in x..x + text {
                            // a horizontal gap through the middle third of each character
                            let mid = yy >= y + text / 3 && yy < y + text / 3 + text / 6;
                            if !mid || xx < x + text / 5 {
                                img.put_pixel(xx, yy, Luma([30]));
                            }
                        }
                    }
                    x += text + text / 8 + 1;
                }
                y += pitch;
            }
        }
        img
    }

    fn approx(got: Option<f32>, want: f32) {
        let got = got.expect("a height");
        assert!((got - want).abs() <= want * 0.15 + 1.0, "{got} vs {want}");
    }

    #[test]
    fn measures_body_text_height_at_several_sizes() {
        approx(text_height(&page(1200, 1600, 22, 36, 1)), 22.0);
        approx(text_height(&page(1000, 1400, 8, 13, 1)), 8.0);
        approx(text_height(&page(1800, 1000, 48, 80, 1)), 48.0);
    }

    #[test]
    fn columns_with_unaligned_lines_do_not_merge() {
        // four newspaper columns of 9 px print, each column's lines offset from the next
        approx(text_height(&page(1000, 1400, 9, 14, 4)), 9.0);
    }

    #[test]
    fn table_rules_and_a_frame_are_not_text() {
        let mut img = page(1200, 1600, 20, 40, 1);
        // a frame and horizontal rules between the lines, vertical rules through them
        for x in 5..1195 {
            for y in [5, 6, 1594, 1595] {
                img.put_pixel(x, y, Luma([20]));
            }
            for y in (70..1500).step_by(40) {
                img.put_pixel(x, y, Luma([20]));
            }
        }
        for y in 5..1595 {
            for x in [5, 6, 300, 600, 1194] {
                img.put_pixel(x, y, Luma([20]));
            }
        }
        approx(text_height(&img), 20.0);
    }

    #[test]
    fn turned_pages_measure_the_same() {
        let upright = page(1200, 1600, 22, 36, 2);
        let turned = image::imageops::rotate90(&upright);
        approx(text_height(&turned), 22.0);
    }

    #[test]
    fn blank_and_uneven_paper_has_no_height() {
        assert_eq!(
            text_height(&GrayImage::from_pixel(800, 1100, Luma([240]))),
            None
        );
        // a smooth shading from one side to the other (a photographed page) is not ink
        let shaded = GrayImage::from_fn(800, 1100, |x, _| Luma([150 + (x / 8) as u8]));
        assert_eq!(text_height(&shaded), None);
        assert_eq!(text_height(&GrayImage::new(10, 10)), None);
    }

    #[test]
    fn detector_size_follows_the_text_height_within_bounds() {
        // 32 px text on a 1400 x 2000 page: halved, so the text is 16 px at the detector
        assert_eq!(det_size_for(1400, 2000, 32.0), (704, 992));
        // small print is enlarged up to the pixel ceiling
        let (w, h) = det_size_for(992, 1419, 7.0);
        assert!(w > 992 && h > 1419, "{w}x{h}");
        assert!((w * h) as f32 <= MAX_DET_PIXELS * 1.05, "{w}x{h}");
        // very large print is not shrunk below the floor
        let (w, h) = det_size_for(2000, 1125, 200.0);
        assert!((w * h) as f32 >= MIN_DET_PIXELS * 0.95, "{w}x{h}");
        // extreme shapes keep a bounded side and multiples of 32
        let (w, h) = det_size_for(20000, 100, 5.0);
        assert!(w as f32 <= MAX_DET_SIDE && h >= 32 && w % 32 == 0 && h % 32 == 0);
    }
}
