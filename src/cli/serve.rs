//! `docverify serve [--listen ADDR] [--data-dir DIR] [--config FILE]`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::config::Config;

/// Arguments of `docverify serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long, env = "DOCVERIFY_LISTEN")]
    pub listen: Option<String>,
    /// Directory for the database, blobs and scratch files (default ./data).
    #[arg(long, env = "DOCVERIFY_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// A TOML configuration file (see deploy/docverify.example.toml).
    #[arg(long, env = "DOCVERIFY_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Runs `docverify serve`.
pub fn run(args: ServeArgs) -> ExitCode {
    let mut config = match Config::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return super::usage_error(e),
    };
    if let Some(l) = args.listen {
        config.server.listen = l;
    }
    if let Some(d) = args.data_dir {
        config.storage.data_dir = d;
    }
    crate::server::init_logging(&config.log);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => return super::usage_error(format_args!("cannot start the runtime: {e}")),
    };
    match runtime.block_on(crate::server::serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = ?e, "docverify stopped");
            eprintln!("docverify: {e:#}");
            ExitCode::from(1)
        }
    }
}
