//! `docverify ocr IMAGE|PDF [--format json|text]`: the text of a scan, for people who want just
//! that. Images are read as they are; every page of a PDF is rendered (hayro, pure Rust) at
//! `--dpi` and read with OCR, whatever text layer it may have.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use image::DynamicImage;
use serde::Serialize;

use crate::extract::{MediaType, sniff};
use crate::model::TextSpan;
use crate::ocr::{OcrConfig, recognize};

/// Arguments of `docverify ocr`.
#[derive(Debug, Args)]
pub struct OcrArgs {
    /// The image or scanned PDF to read.
    pub file: PathBuf,
    /// Output format: `text` (pages separated by a form feed) or `json` (with a box and a
    /// confidence for every character).
    #[arg(long, default_value = "text", value_parser = ["json", "text"])]
    pub format: String,
    /// Resolution PDF pages are rendered at.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(50..=600))]
    pub dpi: u32,
    /// Inference threads (0 = one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
}

/// One page of `--format json`.
#[derive(Debug, Serialize)]
struct PageOut {
    number: u32,
    width: u32,
    height: u32,
    text: String,
    confidence: f32,
    spans: Vec<TextSpan>,
}

/// Runs `docverify ocr`.
pub fn run(args: OcrArgs) -> ExitCode {
    let name = args.file.display().to_string();
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => return super::usage_error(format_args!("{name}: 无法读取 / cannot read: {e}")),
    };
    let images = match page_images(&bytes, args.dpi) {
        Ok(images) => images,
        Err(reason) => return super::usage_error(format_args!("{name}: {reason}")),
    };
    let config = OcrConfig {
        threads: args.threads,
        ..OcrConfig::default()
    };
    let mut pages = Vec::with_capacity(images.len());
    for (i, img) in images.iter().enumerate() {
        match recognize(img, &config) {
            Ok(p) => pages.push(PageOut {
                number: i as u32 + 1,
                width: img.width(),
                height: img.height(),
                text: p.text,
                confidence: p.confidence,
                spans: p.spans,
            }),
            Err(e) => return super::usage_error(format_args!("{name}: page {}: {e}", i + 1)),
        }
    }
    if args.format == "json" {
        let doc = serde_json::json!({ "file": name, "pages": pages });
        println!(
            "{}",
            serde_json::to_string_pretty(&doc).expect("serialisable")
        );
    } else {
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        println!("{}", texts.join("\n\u{c}\n"));
    }
    ExitCode::SUCCESS
}

/// The page images of an image file or a PDF.
fn page_images(bytes: &[u8], dpi: u32) -> Result<Vec<DynamicImage>, String> {
    match sniff(bytes) {
        None => Err("不支持的文件类型 / unsupported file type (expected an image or a PDF)".into()),
        Some(MediaType::Pdf) => render_pdf(bytes, dpi),
        Some(_) => image::load_from_memory(bytes)
            .map(|img| vec![img])
            .map_err(|e| format!("图像无法解码 / cannot decode the image: {e}")),
    }
}

/// Largest rendered page side, so a huge page box cannot exhaust memory.
const MAX_RENDER_SIDE: f32 = 8000.0;

fn render_pdf(bytes: &[u8], dpi: u32) -> Result<Vec<DynamicImage>, String> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings, render};

    let pdf = Pdf::new(bytes.to_vec())
        .map_err(|e| format!("PDF 无法解析 / cannot parse the PDF: {e:?}"))?;
    let cache = RenderCache::new();
    let settings = InterpreterSettings::default();
    let mut out = Vec::new();
    for page in pdf.pages().iter() {
        let (w, h) = page.render_dimensions();
        let mut scale = dpi as f32 / 72.0;
        if w.max(h) * scale > MAX_RENDER_SIDE {
            scale = MAX_RENDER_SIDE / w.max(h);
        }
        let pix_settings = PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        };
        // hayro is pure Rust and forbids unsafe code, but a hostile page may still panic it:
        // report that page as unreadable instead of aborting the command
        let pixmap = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            render(
                page,
                &cache,
                &settings,
                &RenderSettings::default(),
                &pix_settings,
            )
        }))
        .map_err(|_| {
            format!(
                "第 {} 页无法渲染 / page {} cannot be rendered",
                out.len() + 1,
                out.len() + 1
            )
        })?;
        let (pw, ph) = (pixmap.width() as u32, pixmap.height() as u32);
        // white background: every pixel is opaque, so premultiplied RGBA is plain RGBA
        let rgba = image::RgbaImage::from_raw(pw, ph, pixmap.data_as_u8_slice().to_vec())
            .ok_or_else(|| "渲染结果无效 / invalid rendering".to_string())?;
        out.push(DynamicImage::ImageRgb8(
            DynamicImage::ImageRgba8(rgba).to_rgb8(),
        ));
    }
    if out.is_empty() {
        return Err("PDF 没有页面 / the PDF has no pages".into());
    }
    Ok(out)
}
