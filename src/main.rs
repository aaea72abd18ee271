//! The `docverify` command: the server, the in-process check and the per-stage tools.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = docverify::cli::Cli::parse();
    docverify::cli::run(cli)
}
