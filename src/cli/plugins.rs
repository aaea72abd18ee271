//! `docverify plugins list`.
//!
//! OWNER: plugin work (issue 6).

use std::process::ExitCode;

use clap::{Args, Subcommand};

/// Arguments of `docverify plugins`.
#[derive(Debug, Args)]
pub struct PluginsArgs {
    #[command(subcommand)]
    pub command: PluginsCommand,
}

/// `docverify plugins` subcommands.
#[derive(Debug, Subcommand)]
pub enum PluginsCommand {
    /// List the plugins with id, version, rules, capabilities, source and digest.
    List,
}

/// Runs `docverify plugins`.
pub fn run(args: PluginsArgs) -> ExitCode {
    match args.command {
        PluginsCommand::List => {
            println!("no plugins built in yet");
            ExitCode::SUCCESS
        }
    }
}
