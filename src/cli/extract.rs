//! `docverify extract FILE [--format json|text]`: pages, text, text source, size and codes.
//!
//! Runs in an isolated worker by default (the same path the server takes), so a hostile file
//! ends with exit 2 and a one-line reason instead of a hung or crashed command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::extract::{ExtractConfig, ExtractError, extract_with, isolated};
use crate::model::{Extracted, TextSource};
use crate::ocr::OcrConfig;

/// Arguments of `docverify extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The PDF or image to read.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, default_value = "json", value_parser = ["json", "text"])]
    pub format: String,
    /// Write page images into this directory as `<sha256>.png`.
    #[arg(long)]
    pub images_dir: Option<PathBuf>,
    /// Per-document deadline in seconds.
    #[arg(long)]
    pub deadline: Option<u64>,
    /// Refuse documents with more pages than this.
    #[arg(long)]
    pub max_pages: Option<u32>,
    /// Do not read QR codes and barcodes.
    #[arg(long)]
    pub no_codes: bool,
    /// Do not run OCR on pages without a usable text layer.
    #[arg(long)]
    pub no_ocr: bool,
    /// Run in this process instead of an isolated worker (debugging; no hang protection).
    #[arg(long)]
    pub in_process: bool,
}

/// Runs `docverify extract`.
pub fn run(args: ExtractArgs) -> ExitCode {
    let mut config = ExtractConfig::default();
    if let Some(d) = args.deadline {
        config.deadline_secs = d;
    }
    if let Some(m) = args.max_pages {
        config.max_pages = m;
    }
    config.codes.enabled = !args.no_codes;
    // asked for page images: every page's, rasterised if need be
    config.keep_drawn_page_images = args.images_dir.is_some();
    // OcrConfig grows fields with the OCR work; keep their defaults.
    #[allow(clippy::needless_update)]
    let ocr = OcrConfig {
        enabled: !args.no_ocr,
        ..OcrConfig::default()
    };
    if let Some(dir) = &args.images_dir
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return super::usage_error(format_args!("{}: {e}", dir.display()));
    }

    let result = if args.in_process {
        match std::fs::read(&args.file) {
            Ok(bytes) => extract_with(
                &bytes,
                &config,
                &ocr,
                args.images_dir.as_deref(),
                &mut |_| {},
            ),
            Err(e) => return super::usage_error(format_args!("{}: {e}", args.file.display())),
        }
    } else {
        isolated::extract_file(
            &args.file,
            args.images_dir.as_deref(),
            &config,
            &ocr,
            |_| {},
        )
    };
    match result {
        Ok(doc) => {
            if args.format == "json" {
                match serde_json::to_string_pretty(&doc) {
                    Ok(s) => println!("{s}"),
                    Err(e) => return super::usage_error(e),
                }
            } else {
                print!("{}", render_text(&doc));
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::usage_error(one_line(&args.file, &e)),
    }
}

/// `FILE: code: English / 中文` on one line.
fn one_line(file: &std::path::Path, e: &ExtractError) -> String {
    format!(
        "{}: {}: {} / {}",
        file.display(),
        e.code(),
        e,
        e.message_zh()
    )
    .replace('\n', " ")
}

/// The human-readable form: a header per page, its codes, then its text.
pub fn render_text(doc: &Extracted) -> String {
    let mut out = String::new();
    let total = doc.pages.len();
    for p in &doc.pages {
        let source = match p.text_source {
            TextSource::TextLayer => "text-layer",
            TextSource::Ocr => "ocr",
            TextSource::Mixed => "mixed",
            TextSource::None => "none",
        };
        out.push_str(&format!(
            "=== page {}/{} · {}x{} · text: {} · codes: {} ===\n",
            p.number,
            total,
            p.width,
            p.height,
            source,
            p.codes.len()
        ));
        for c in &p.codes {
            out.push_str(&format!("[{}] {}\n", c.symbology, c.text));
        }
        for w in &p.warnings {
            out.push_str(&format!("(warning: {w})\n"));
        }
        if !p.text.is_empty() {
            out.push_str(&p.text);
            out.push('\n');
        }
    }
    out
}

/// The hidden `__extract-worker` subcommand.
pub fn run_worker() -> ExitCode {
    ExitCode::from(isolated::run_worker())
}
