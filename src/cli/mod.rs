//! Command-line interface: argument definitions and dispatch to one module per subcommand.
//!
//! Exit statuses are shared by every subcommand: 0 success (or verdict pass), 1 verdict fail,
//! 3 verdict review, 2 bad usage or unreadable input (one line on stderr saying why).

pub mod check;
pub mod extract;
pub mod ocr;
pub mod plugins;
pub mod registry_emulator;
pub mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status for bad usage or unreadable input.
pub const EXIT_USAGE: u8 = 2;
/// Exit status when something failed on our side (not the input's fault).
pub const EXIT_INTERNAL: u8 = 4;

/// docverify — checks the materials of 小微企业双创基地 applications.
#[derive(Debug, Parser)]
#[command(name = "docverify", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the service (HTTP API and workers).
    Serve(serve::ServeArgs),
    /// Check a submission's files in-process and print the report.
    Check(check::CheckArgs),
    /// Print the built-in default configuration as TOML.
    Config,
    /// Print the OpenAPI document (or, with --report-schema, the report's JSON Schema).
    Openapi {
        /// Print the docverify.report/v1 JSON Schema instead.
        #[arg(long)]
        report_schema: bool,
    },
    /// Extract pages, text and codes from one file and print them.
    Extract(extract::ExtractArgs),
    /// Read the text of an image or a scanned PDF with OCR.
    Ocr(ocr::OcrArgs),
    /// Inspect the verifier plugins.
    Plugins(plugins::PluginsArgs),
    /// Run a local audit-report registry for development and tests.
    RegistryEmulator(registry_emulator::RegistryEmulatorArgs),
    /// Internal: the isolated extraction worker (reads a request on stdin).
    #[command(name = "__extract-worker", hide = true)]
    ExtractWorker,
}

/// Runs a parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    // `serve` logs by its configuration; the one-shot commands stay quiet unless RUST_LOG asks
    // (e.g. `RUST_LOG=docverify=debug docverify ocr page.png` prints each page's stage times).
    if !matches!(cli.command, Command::Serve(_) | Command::ExtractWorker)
        && std::env::var_os("RUST_LOG").is_some()
    {
        crate::server::init_logging(&crate::config::LogConfig::default());
    }
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => check::run(args),
        Command::Config => {
            print!("{}", crate::config::Config::defaults_toml());
            ExitCode::SUCCESS
        }
        Command::Openapi { report_schema } => {
            if report_schema {
                println!("{}", crate::http::openapi::report_schema_pretty());
            } else {
                println!("{}", crate::http::openapi::openapi_pretty());
            }
            ExitCode::SUCCESS
        }
        Command::Extract(args) => extract::run(args),
        Command::Ocr(args) => ocr::run(args),
        Command::Plugins(args) => plugins::run(args),
        Command::RegistryEmulator(args) => registry_emulator::run(args),
        Command::ExtractWorker => extract::run_worker(),
    }
}

/// Prints a one-line reason on stderr and returns the usage exit status.
pub fn usage_error(reason: impl std::fmt::Display) -> ExitCode {
    eprintln!("docverify: {reason}");
    ExitCode::from(EXIT_USAGE)
}
