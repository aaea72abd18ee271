//! `docverify check --applicant NAME [--declared-area M2] [--format json|text] FILE...`: the
//! whole pipeline in-process, no server; the report on stdout, the verdict as exit status.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::extract::sniff;
use crate::model::{DocumentKind, Verdict};
use crate::pipeline::{Pipeline, UploadOutcome};
use crate::report::{SubmissionInfo, render_text};

/// Arguments of `docverify check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 申报单位: the applicant unit's name.
    #[arg(long)]
    pub applicant: String,
    /// Declared site area in square metres.
    #[arg(long, allow_negative_numbers = true)]
    pub declared_area: Option<f64>,
    /// Base type (e.g. 创业创新基地).
    #[arg(long)]
    pub base_type: Option<String>,
    /// A kind hint for a file, as FILE=KIND (repeatable); KIND is one of lease,
    /// property_certificate, house_ownership_certificate, land_certificate, audit_report, other.
    #[arg(long = "kind", value_name = "FILE=KIND")]
    pub kinds: Vec<String>,
    /// Output format: the JSON report, or a readable summary in Chinese.
    #[arg(long, default_value = "json", value_parser = ["json", "text"])]
    pub format: String,
    /// A TOML configuration file (same as `serve`).
    #[arg(long, env = "DOCVERIFY_CONFIG")]
    pub config: Option<PathBuf>,
    /// The files of the submission: PDF, JPEG, PNG, TIFF, BMP, WebP.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Runs `docverify check`.
pub fn run(args: CheckArgs) -> ExitCode {
    let config = match Config::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return super::usage_error(e),
    };
    let applicant = args.applicant.trim().to_string();
    if applicant.is_empty() {
        return super::usage_error("--applicant must not be empty / 申报单位不能为空");
    }
    if let Some(a) = args.declared_area
        && !(a.is_finite() && a > 0.0)
    {
        return super::usage_error("--declared-area must be a positive number / 申报面积应为正数");
    }
    let mut hints = Vec::new();
    for k in &args.kinds {
        let Some((file, kind)) = k.rsplit_once('=') else {
            return super::usage_error(format_args!("--kind {k}: expected FILE=KIND"));
        };
        let Some(kind) = DocumentKind::parse(kind) else {
            return super::usage_error(format_args!("--kind {k}: unknown kind {kind:?}"));
        };
        hints.push((PathBuf::from(file), kind));
    }
    // Read every file first: a missing or unsupported file stops before any work.
    let mut inputs = Vec::new();
    for (i, path) in args.files.iter().enumerate() {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return super::usage_error(format_args!("{}: {e}", path.display())),
        };
        let Some(media) = sniff::sniff(&bytes) else {
            return super::usage_error(format_args!(
                "{}: unsupported file type ({}) / 不支持的文件类型",
                path.display(),
                sniff::describe(&bytes)
            ));
        };
        let hint = hints.iter().find(|(f, _)| f == path).map(|(_, k)| *k);
        inputs.push((
            i,
            path.clone(),
            media,
            hex::encode(Sha256::digest(&bytes)),
            hint,
        ));
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => return super::usage_error(format_args!("cannot start the runtime: {e}")),
    };
    let pipeline = match Pipeline::new(Arc::new(config)) {
        Ok(p) => p,
        Err(e) => return super::usage_error(format_args!("cannot load the plugins: {e:#}")),
    };
    let bars = MultiProgress::new();
    let style = ProgressStyle::with_template("{prefix:>24} [{bar:30}] {pos}/{len} {msg}")
        .expect("valid template")
        .progress_chars("=> ");
    let report = runtime.block_on(async {
        // Documents are read side by side; the pipeline bounds how many workers run at once.
        // The CLI keeps no page images: pages are rasterised only where reading needs it.
        let analyses = inputs.into_iter().map(|(i, path, media, sha256, hint)| {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            let bar = bars.add(ProgressBar::new(1).with_style(style.clone()));
            bar.set_prefix(file.chars().take(24).collect::<String>());
            let b = bar.clone();
            let pipeline = &pipeline;
            async move {
                let outcome = pipeline
                    .analyze_document(&path, None, hint, move |p| {
                        if let Some(t) = p.pages_total {
                            b.set_length(t as u64);
                        }
                        b.set_position(p.pages_done as u64);
                        b.set_message(p.stage);
                    })
                    .await?;
                bar.finish_with_message(if outcome.error.is_some() {
                    "failed"
                } else {
                    "done"
                });
                anyhow::Ok(UploadOutcome {
                    id: format!("doc-{}", i + 1),
                    file,
                    sha256,
                    media_type: media.mime().to_string(),
                    outcome,
                })
            }
        });
        let uploads = futures::future::try_join_all(analyses).await?;
        let info = SubmissionInfo {
            id: "local".into(),
            applicant,
            declared_area_m2: args.declared_area,
            base_type: args.base_type,
            application_date: Some(chrono::Local::now().format("%Y-%m-%d").to_string()),
        };
        anyhow::Ok(pipeline.build_report(info, &uploads).await)
    });
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            eprintln!("docverify: internal error / 内部错误: {e:#}");
            return ExitCode::from(super::EXIT_INTERNAL);
        }
    };
    if args.format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serialises")
        );
    } else {
        print!("{}", render_text(&report));
    }
    // Unreadable input is a usage error even though the report was printed.
    if let Some((doc, err)) = report.documents.iter().find_map(|d| {
        d.errors
            .iter()
            .find(|e| e.stage == "extract")
            .map(|e| (d, e))
    }) {
        eprintln!(
            "docverify: {}: {} / {}",
            doc.file, err.message.en, err.message.zh
        );
        return ExitCode::from(super::EXIT_USAGE);
    }
    match report.verdict {
        Verdict::Pass => ExitCode::SUCCESS,
        Verdict::Fail => ExitCode::from(1),
        Verdict::Review => ExitCode::from(3),
    }
}
