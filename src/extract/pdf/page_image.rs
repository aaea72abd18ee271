//! The image of a PDF page: the embedded scan when the page is one, else a rasterisation.
//!
//! Scanned PDFs hold one image per page (DCT, CCITT G4, JBIG2, Flate). Taking that image out
//! keeps the scanner's pixels (no resampling) and is much cheaper than rasterising. hayro's
//! interpreter walks the page with [`Probe`], a device that draws nothing: it sees every image
//! with its transform and decodes the one covering the page through hayro's image decoders,
//! which honour /Decode, ImageMask, SMask, Indexed and the other colour spaces, CCITT and
//! JBIG2. Pages with visible text or drawings next to the image are rasterised with hayro.
//!
//! Caps: an image over `max_image_pixels` is never decoded (the probe sees its size first);
//! rasterised pages are clamped to `max_render_pixels`.

use std::sync::Arc;

use hayro::hayro_interpret::font::{FontData, FontQuery, GlyphRun};
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageData, ImageDrawProps,
    InterpreterCache, InterpreterSettings, LumaData, Paint, SoftMask, TransformExt, interpret_page,
};
use hayro::hayro_syntax::page::Page;
use hayro::kurbo::{Affine, BezPath, Point, Rect};
use image::{DynamicImage, GrayImage, RgbImage};

use super::vector_codes;

/// Caps and settings for page images.
pub struct ImageSettings {
    pub dpi: f32,
    pub max_image_pixels: u64,
    pub max_render_pixels: u64,
    pub interpreter: InterpreterSettings,
}

/// What a page is, as far as its image goes.
pub enum PageImage {
    /// A scanned page: its own image, taken out without rasterising.
    Scan(DynamicImage),
    /// A drawn (born-digital) page. It is rasterised with [`render`] only when something needs
    /// its pixels (OCR, a page image file, a code its pictures did not show): a page of text
    /// needs none of them and costs no rasterisation.
    Drawn(Drawn),
    /// No image; the reason is a page warning.
    None(String),
}

/// What the probe found on a drawn page.
pub struct Drawn {
    /// Pictures and code drawings, decoded or rendered on their own; codes are read here first.
    pub pictures: Vec<Picture>,
    /// Something on the page could hold a code the pictures do not show (an image too large or
    /// one too many to keep as a picture): the page image is then read for codes too.
    pub hidden_codes: bool,
    /// The page image's size in pixels, were it rasterised.
    pub size: (u32, u32),
}

/// A picture drawn on a born-digital page (a QR code, a barcode, a seal, a logo), decoded from
/// its own pixels: a code printed as an image reads there at its full resolution, whatever
/// size it is drawn at, without rasterising the page.
pub struct Picture {
    pub image: DynamicImage,
    /// Where it lies on the page, as fractions of the page's width and height (x0, y0, x1, y1).
    pub bbox: crate::model::BBox,
}

/// Pictures smaller than this on either side hold no code (a QR code has 21 modules a side).
const PICTURE_MIN_SIDE: u32 = 21;
/// At most this many pictures of a page are kept (the largest first), so that a page tiled
/// with images costs no more than a few code reads.
const PICTURES_MAX: usize = 8;
/// Pictures larger than this (pixels) are photos, not codes: the page image reads them.
const PICTURE_MAX_PIXELS: u64 = 4_000_000;

/// Interpreter settings with the standard fonts built in and a CJK fallback for
/// non-embedded Chinese fonts (without one, such text renders as nothing). The CJK font
/// (`configured`, else a system one) is read when a page first draws such text, once per
/// process: most documents never rasterise a page, and a worker that reads the ~19 MB font
/// up front spends a third of a born-digital document's extraction on it.
pub fn interpreter_settings(configured: Option<std::path::PathBuf>) -> InterpreterSettings {
    InterpreterSettings {
        font_resolver: Arc::new(move |query| match query {
            FontQuery::Standard(s) => Some(s.get_font_data()),
            FontQuery::Fallback(f) => {
                if f.character_collection.is_some()
                    && let Some((data, index)) = find_cjk_font(configured.as_deref())
                {
                    return Some((data as FontData, index));
                }
                Some(f.pick_standard_font().get_font_data())
            }
        }),
        ..Default::default()
    }
}

/// The probe's settings: it counts glyph runs and never draws them, so the standard fonts
/// stand in for a CJK one (no font file read, no 19 MB font parsed and hashed per page).
fn probe_interpreter(base: &InterpreterSettings) -> InterpreterSettings {
    InterpreterSettings {
        font_resolver: Arc::new(|query| match query {
            FontQuery::Standard(s) => Some(s.get_font_data()),
            FontQuery::Fallback(f) => Some(f.pick_standard_font().get_font_data()),
        }),
        ..base.clone()
    }
}

/// Finds a CJK font: the configured one, else a well-known system location.
/// Returns the font bytes and the face index in a collection (the Simplified Chinese face).
fn find_cjk_font(configured: Option<&std::path::Path>) -> Option<(Arc<Vec<u8>>, u32)> {
    const KNOWN: &[(&str, u32)] = &[
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
        (
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            0,
        ),
    ];
    type Font = Option<(Arc<Vec<u8>>, u32)>;
    // Read once per process (a pooled worker reads many documents): ~19 MB for Noto CJK.
    static READ: std::sync::Mutex<Vec<(Option<std::path::PathBuf>, Font)>> =
        std::sync::Mutex::new(Vec::new());
    let mut read = READ.lock().unwrap_or_else(|e| e.into_inner());
    let key = configured.map(std::path::Path::to_path_buf);
    if let Some((_, font)) = read.iter().find(|(k, _)| *k == key) {
        return font.clone();
    }
    let font = match configured {
        Some(path) => std::fs::read(path).ok().map(|b| (Arc::new(b), 0)),
        None => KNOWN
            .iter()
            .find_map(|(p, i)| std::fs::read(p).ok().map(|b| (Arc::new(b), *i))),
    };
    read.push((key, font.clone()));
    font
}

/// What one page's image is: its scan, or a drawn page with its pictures (rasterised later,
/// by [`render`], only if needed).
pub fn page_image(page: &Page<'_>, settings: &ImageSettings) -> PageImage {
    let (w_pt, h_pt) = page.render_dimensions();
    if !(w_pt.is_finite() && h_pt.is_finite()) || w_pt < 1.0 || h_pt < 1.0 {
        return PageImage::None(format!("page has no usable size ({w_pt} x {h_pt} pt)"));
    }
    let probe = probe(page, settings, w_pt as f64, h_pt as f64);
    if let Some((w, h)) = probe.refused {
        return PageImage::None(format!(
            "page holds a {w} x {h} px image, over the {} pixel limit; page image skipped",
            settings.max_image_pixels
        ));
    }
    let Some(size) = render_scale(settings, w_pt, h_pt).map(|(_, size)| size) else {
        return PageImage::None("page too small to rasterise".into());
    };
    let mut hidden_codes = probe.hidden_codes;
    if let Some(scan) = probe.scan {
        if probe.visible_glyphs == 0 && probe.paths <= 4 && scan.coverage >= 0.85 {
            return PageImage::Scan(clamp_pixels(scan.image, settings.max_render_pixels));
        }
        // a large image under the text (a letterhead, a scan with a text layer) may show a code
        hidden_codes = true;
    }
    let mut pictures = probe.pictures;
    // codes drawn with paths, each rendered alone at a resolution that reads it
    let area = Rect::new(0.0, 0.0, w_pt as f64, h_pt as f64);
    for region in probe.marks.regions(area) {
        if let Some(image) = vector_codes::render_region(page, &settings.interpreter, region) {
            pictures.push(Picture {
                image,
                bbox: page_fractions(region, area),
            });
        }
    }
    PageImage::Drawn(Drawn {
        pictures,
        hidden_codes,
        size,
    })
}

/// Downscales an image whose pixel count is over `max` (a 600 dpi scan is read as well at
/// 400 dpi and costs a third of the time).
fn clamp_pixels(image: DynamicImage, max: u64) -> DynamicImage {
    let px = image.width() as u64 * image.height() as u64;
    if px <= max || px == 0 {
        return image;
    }
    let k = (max as f64 / px as f64).sqrt();
    let w = ((image.width() as f64 * k) as u32).max(1);
    let h = ((image.height() as f64 * k) as u32).max(1);
    image.resize_exact(w, h, image::imageops::FilterType::Triangle)
}

/// The scale a page is rasterised at (the configured resolution, clamped to the pixel cap)
/// and the image size it gives; `None` for a page too small to rasterise.
fn render_scale(settings: &ImageSettings, w_pt: f32, h_pt: f32) -> Option<(f32, (u32, u32))> {
    let mut scale = settings.dpi.max(36.0) / 72.0;
    let px = (w_pt * scale) as f64 * (h_pt * scale) as f64;
    if px > settings.max_render_pixels as f64 {
        scale *= (settings.max_render_pixels as f64 / px).sqrt() as f32;
    }
    // hayro's pixmaps are at most u16::MAX on a side; keep well inside.
    scale = scale.min(12_000.0 / w_pt.max(h_pt));
    let (w, h) = ((w_pt * scale) as u32, (h_pt * scale) as u32);
    (w > 0 && h > 0).then_some((scale, (w, h)))
}

/// Rasterises a drawn page with hayro at the configured resolution, clamped to the pixel cap.
pub fn render(page: &Page<'_>, settings: &ImageSettings) -> Result<DynamicImage, String> {
    use hayro::vello_cpu::color::palette::css::WHITE;
    let (w_pt, h_pt) = page.render_dimensions();
    let (scale, _) =
        render_scale(settings, w_pt, h_pt).ok_or("page too small to rasterise".to_string())?;
    let cache = hayro::RenderCache::new();
    let pixmap = hayro::render(
        page,
        &cache,
        &settings.interpreter,
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    rgb_of(&pixmap).ok_or("rasteriser returned no pixels".to_string())
}

/// The RGB image of a pixmap rendered on an opaque white background (premultiplied RGBA then
/// equals straight RGBA, so dropping alpha is exact).
pub(super) fn rgb_of(pixmap: &hayro::vello_cpu::Pixmap) -> Option<DynamicImage> {
    let (w, h) = (pixmap.width() as u32, pixmap.height() as u32);
    image::RgbaImage::from_raw(w, h, pixmap.data_as_u8_slice().to_vec())
        .map(|img| DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(img).to_rgb8()))
}

/// Where `r` lies on `page`, as fractions of its width and height (x0, y0, x1, y1).
fn page_fractions(r: Rect, page: Rect) -> crate::model::BBox {
    let (w, h) = (page.width(), page.height());
    [
        ((r.x0 - page.x0) / w) as f32,
        ((r.y0 - page.y0) / h) as f32,
        ((r.x1 - page.x0) / w) as f32,
        ((r.y1 - page.y0) / h) as f32,
    ]
}

/// The largest image found by the probe and how much of the page it covers.
struct Scan {
    image: DynamicImage,
    coverage: f64,
}

/// What the probe saw on a page.
struct ProbeResult {
    scan: Option<Scan>,
    /// Smaller pictures that could hold a code, largest first.
    pictures: Vec<Picture>,
    visible_glyphs: usize,
    paths: usize,
    /// Small dark paths, where a code drawn with vectors may be.
    marks: vector_codes::Marks,
    /// An image that could hold a code was not kept as a picture (too large, or too many).
    hidden_codes: bool,
    refused: Option<(u32, u32)>,
}

fn probe(page: &Page<'_>, settings: &ImageSettings, w_pt: f64, h_pt: f64) -> ProbeResult {
    let cache = InterpreterCache::default();
    let transform = page.initial_transform(true).to_kurbo();
    let bbox = Rect::new(0.0, 0.0, w_pt, h_pt);
    let mut ctx = Context::new(
        transform,
        bbox,
        &cache,
        page.xref(),
        probe_interpreter(&settings.interpreter),
    );
    let mut device = Probe {
        page: bbox,
        max_pixels: settings.max_image_pixels,
        result: ProbeResult {
            scan: None,
            pictures: Vec::new(),
            visible_glyphs: 0,
            paths: 0,
            marks: Default::default(),
            hidden_codes: false,
            refused: None,
        },
    };
    interpret_page(page, &mut ctx, &mut device);
    device.result
}

/// A device that draws nothing and keeps the page-sized image and the pictures.
struct Probe {
    page: Rect,
    max_pixels: u64,
    result: ProbeResult,
}

impl Probe {
    /// The part of the page an image drawn with `transform` covers.
    fn on_page(&self, transform: Affine, w: f64, h: f64) -> Rect {
        let corners =
            [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)].map(|(x, y)| transform * Point::new(x, y));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for c in corners {
            x0 = x0.min(c.x);
            y0 = y0.min(c.y);
            x1 = x1.max(c.x);
            y1 = y1.max(c.y);
        }
        Rect::new(x0, y0, x1, y1).intersect(self.page)
    }

    fn coverage(&self, transform: Affine, w: f64, h: f64) -> f64 {
        let on_page = self.on_page(transform, w, h);
        let area = self.page.area();
        if !on_page.area().is_finite() || area <= 0.0 {
            return 0.0;
        }
        on_page.area().max(0.0) / area
    }
}

impl<'a> Device<'a> for Probe {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        self.result.paths += 1;
        self.result.marks.add(path, &props, mode);
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, _: &GlyphRun<'_, 'a>, _: DrawProps<'a>, mode: &DrawMode) {
        if !matches!(mode, DrawMode::Invisible) {
            self.result.visible_glyphs += 1;
        }
    }
    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        let (w, h) = (image.width(), image.height());
        if w as u64 * h as u64 > self.max_pixels {
            self.result.refused = Some((w, h));
            return;
        }
        let coverage = self.coverage(props.transform, w as f64, h as f64);
        if coverage < 0.5
            || self
                .result
                .scan
                .as_ref()
                .is_some_and(|s| s.coverage >= coverage)
        {
            // Small pictures (logos, stamps, codes, photos in a born-digital page) count as
            // drawing; those that could be a code are kept for the code reader.
            self.result.paths += 1;
            self.keep_picture(image, &props, w, h);
            return;
        }
        if let Some(img) = decode(image) {
            let img = orient(img, props.transform, w as f64, h as f64);
            self.result.scan = Some(Scan {
                image: img,
                coverage,
            });
        }
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

impl Probe {
    /// Decodes a picture that could be a code and keeps it with its place on the page.
    fn keep_picture(&mut self, image: Image<'_, '_>, props: &ImageDrawProps<'_>, w: u32, h: u32) {
        let px = w as u64 * h as u64;
        let on_page = self.on_page(props.transform, w as f64, h as f64);
        if w.min(h) < PICTURE_MIN_SIDE || !on_page.area().is_finite() || on_page.area() <= 0.0 {
            return;
        }
        let pictures = &self.result.pictures;
        if px > PICTURE_MAX_PIXELS
            || pictures.len() >= PICTURES_MAX
                && pictures
                    .iter()
                    .all(|p| p.image.width() as u64 * p.image.height() as u64 >= px)
        {
            self.result.hidden_codes = true;
            return;
        }
        let Some(img) = decode(image) else { return };
        let bbox = page_fractions(on_page, self.page);
        let pictures = &mut self.result.pictures;
        pictures.push(Picture {
            image: orient(img, props.transform, w as f64, h as f64),
            bbox,
        });
        pictures
            .sort_by_key(|p| std::cmp::Reverse(p.image.width() as u64 * p.image.height() as u64));
        if pictures.len() > PICTURES_MAX {
            self.result.hidden_codes = true;
            pictures.truncate(PICTURES_MAX);
        }
    }
}

/// An image of the page decoded through hayro's decoders (raster or stencil mask).
fn decode(image: Image<'_, '_>) -> Option<DynamicImage> {
    match image {
        Image::Raster(raster) => {
            let mut out = None;
            raster.with_rgba(|data, alpha| out = raster_to_image(data, alpha), None);
            out
        }
        Image::Stencil(stencil) => {
            let mut out = None;
            stencil.with_stencil(|mask, paint| out = stencil_to_image(mask, paint), None);
            out
        }
    }
}

/// hayro's decoded image as an image-crate image, alpha composited onto white paper.
fn raster_to_image(data: ImageData, alpha: Option<LumaData>) -> Option<DynamicImage> {
    let mut img = match data {
        ImageData::Rgb(d) => {
            DynamicImage::ImageRgb8(RgbImage::from_raw(d.width, d.height, d.data)?)
        }
        ImageData::Luma(d) => {
            DynamicImage::ImageLuma8(GrayImage::from_raw(d.width, d.height, d.data)?)
        }
    };
    if let Some(a) = alpha
        && a.width == img.width()
        && a.height == img.height()
    {
        let blend = |c: u8, a: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
        match &mut img {
            DynamicImage::ImageRgb8(rgb) => {
                for (p, &a) in rgb.pixels_mut().zip(&a.data) {
                    p.0 = p.0.map(|c| blend(c, a));
                }
            }
            DynamicImage::ImageLuma8(g) => {
                for (p, &a) in g.pixels_mut().zip(&a.data) {
                    p.0[0] = blend(p.0[0], a);
                }
            }
            _ => {}
        }
    }
    Some(img)
}

/// A stencil mask (ImageMask: 1-bit scans are often stored so) painted in its colour on white.
fn stencil_to_image(mask: LumaData, paint: &Paint<'_>) -> Option<DynamicImage> {
    let ink = match paint {
        Paint::Color(c) => {
            let rgba = c.to_rgba().to_rgba8();
            ((299 * rgba[0] as u32 + 587 * rgba[1] as u32 + 114 * rgba[2] as u32) / 1000) as u8
        }
        Paint::Pattern(_) => 0,
    };
    let data = mask
        .data
        .iter()
        .map(|&m| ((ink as u32 * m as u32 + 255 * (255 - m as u32)) / 255) as u8)
        .collect();
    GrayImage::from_raw(mask.width, mask.height, data).map(DynamicImage::ImageLuma8)
}

/// Turns the image so it appears as it does on the page: the transform maps image pixels
/// (row 0 on top) to page space (y down); the page shows the image rotated by a multiple of
/// 90° and possibly mirrored.
fn orient(img: DynamicImage, transform: Affine, w: f64, h: f64) -> DynamicImage {
    let o = transform * Point::new(0.0, 0.0);
    let ex = transform * Point::new(w, 0.0) - o;
    let ey = transform * Point::new(0.0, h) - o;
    let x_horizontal = ex.x.abs() >= ex.y.abs();
    if x_horizontal {
        match (ex.x >= 0.0, ey.y >= 0.0) {
            (true, true) => img,
            (false, false) => img.rotate180(),
            (false, true) => img.fliph(),
            (true, false) => img.flipv(),
        }
    } else {
        match (ex.y >= 0.0, ey.x >= 0.0) {
            (true, false) => img.rotate90(),
            (false, true) => img.rotate270(),
            (true, true) => img.rotate90().fliph(),
            (false, false) => img.rotate270().fliph(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hayro::hayro_syntax::Pdf;

    fn marked() -> DynamicImage {
        // 3x2 image with one dark pixel at (0, 0).
        let mut g = GrayImage::from_pixel(3, 2, image::Luma([255]));
        g.put_pixel(0, 0, image::Luma([0]));
        DynamicImage::ImageLuma8(g)
    }

    fn dark_at(img: &DynamicImage) -> (u32, u32) {
        let g = img.to_luma8();
        let (x, y, _) = g.enumerate_pixels().find(|(_, _, p)| p[0] == 0).unwrap();
        (x, y)
    }

    #[test]
    fn pictures_of_a_rasterised_page_are_kept_with_their_place() {
        // A generated audit cover: text, and a small Code 128 picture in the top-right corner.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/cases/tuning/c259/audit.pdf"
        );
        let pdf = Pdf::new(std::fs::read(path).expect("fixture")).expect("a PDF");
        let settings = ImageSettings {
            dpi: 72.0,
            max_image_pixels: 50_000_000,
            max_render_pixels: 10_000_000,
            interpreter: interpreter_settings(None),
        };
        let PageImage::Drawn(Drawn { pictures, .. }) = page_image(&pdf.pages()[0], &settings)
        else {
            panic!("the cover is a drawn page");
        };
        assert_eq!(pictures.len(), 1);
        let p = &pictures[0];
        assert_eq!((p.image.width(), p.image.height()), (569, 129));
        let [x0, y0, x1, y1] = p.bbox;
        assert!(
            x0 > 0.6 && x1 < 0.9 && y0 > 0.03 && y1 < 0.12,
            "{:?}",
            p.bbox
        );
        // at its own resolution the picture reads, even though the page is drawn at 72 dpi
        let scan = crate::codes::scan(&p.image, 1, &crate::codes::CodesConfig::default());
        assert_eq!(scan.codes[0].text, "140720217783534658");
    }

    #[test]
    fn orientation_follows_the_transform() {
        // Upright: identity maps pixel (0,0) to the top-left.
        assert_eq!(
            dark_at(&orient(marked(), Affine::IDENTITY, 3.0, 2.0)),
            (0, 0)
        );
        // Rotated 90° clockwise on the page: image x runs down, image y runs left.
        let rot90 = Affine::new([0.0, 1.0, -1.0, 0.0, 2.0, 0.0]);
        let out = orient(marked(), rot90, 3.0, 2.0);
        assert_eq!((out.width(), out.height()), (2, 3));
        // Pixel (0,0) lands at page (2,0) → top-right.
        assert_eq!(dark_at(&out), (1, 0));
        // Upside down.
        let rot180 = Affine::new([-1.0, 0.0, 0.0, -1.0, 3.0, 2.0]);
        assert_eq!(dark_at(&orient(marked(), rot180, 3.0, 2.0)), (2, 1));
    }

    #[test]
    fn stencil_paints_ink_on_white() {
        let mask = LumaData {
            data: vec![255, 0],
            width: 2,
            height: 1,
            interpolate: false,
            scale_factors: (1.0, 1.0),
        };
        use hayro::hayro_interpret::color::{AlphaColor, Color};
        let paint = Paint::Color(Color::from_rgba(AlphaColor::from_rgba8(0, 0, 0, 255)));
        let img = stencil_to_image(mask, &paint).unwrap().to_luma8();
        assert_eq!(img.as_raw(), &vec![0, 255]);
    }

    #[test]
    fn clamp_keeps_aspect() {
        let img = DynamicImage::ImageLuma8(GrayImage::new(400, 200));
        let out = clamp_pixels(img, 20_000);
        assert_eq!((out.width(), out.height()), (200, 100));
    }
}
