//! `docverify ocr IMAGE|PDF [--format json|text]`.
//!
//! OWNER: OCR work (issue 4).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Arguments of `docverify ocr`.
#[derive(Debug, Args)]
pub struct OcrArgs {
    /// The image or scanned PDF to read.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = ["json", "text"])]
    pub format: String,
}

/// Runs `docverify ocr`.
pub fn run(args: OcrArgs) -> ExitCode {
    super::usage_error(format_args!(
        "{}: OCR is not built in yet",
        args.file.display()
    ))
}
