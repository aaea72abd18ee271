//! `docverify extract FILE [--format json|text]`.
//!
//! OWNER: extraction work (issue 3).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::extract::{ExtractConfig, extract};

/// Arguments of `docverify extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The PDF or image to read.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, default_value = "json", value_parser = ["json", "text"])]
    pub format: String,
}

/// Runs `docverify extract`.
pub fn run(args: ExtractArgs) -> ExitCode {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => return super::usage_error(format_args!("{}: {e}", args.file.display())),
    };
    match extract(&bytes, &ExtractConfig::default()) {
        Ok(doc) => {
            if args.format == "json" {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&doc).expect("serialisable")
                );
            } else {
                for p in &doc.pages {
                    println!(
                        "--- page {} ({:?}) ---\n{}",
                        p.number, p.text_source, p.text
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::usage_error(format_args!("{}: {e}", args.file.display())),
    }
}
