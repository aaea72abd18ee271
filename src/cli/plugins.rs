//! `docverify plugins list` and `docverify plugins verify`.
//!
//! `list` shows what the service would run: id, version, rules, parameters in force,
//! capabilities asked and granted, source and digest, and the components it refused.
//! `verify` runs the plugins over a submission written as JSON (a `VerifyInput`), which lets a
//! plugin author try a rule, its limits and its fuel budget without the rest of the pipeline.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::model::Verdict;
use crate::verify::{PluginsConfig, Verifier, VerifyInput};

/// Arguments of `docverify plugins`.
#[derive(Debug, Args)]
pub struct PluginsArgs {
    #[command(subcommand)]
    pub command: PluginsCommand,
}

/// Where the plugin configuration comes from.
#[derive(Debug, Args)]
pub struct PluginSelection {
    /// Configuration file; its `[plugins]` section is used.
    #[arg(long, env = "DOCVERIFY_CONFIG")]
    pub config: Option<PathBuf>,
    /// A directory of extra plugins (`*.wasm`), overriding `[plugins] dir`.
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Leave out the built-in plugins.
    #[arg(long)]
    pub no_builtins: bool,
}

/// `docverify plugins` subcommands.
#[derive(Debug, Subcommand)]
pub enum PluginsCommand {
    /// List the plugins with id, version, rules, capabilities, source and digest.
    List {
        #[command(flatten)]
        selection: PluginSelection,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Run the enabled plugins over a submission given as JSON and print the findings.
    Verify {
        #[command(flatten)]
        selection: PluginSelection,
        /// The submission: `{"submission": {...}, "documents": [{"document": {...}, "page_texts": [...]}]}`.
        #[arg(long)]
        input: PathBuf,
    },
}

/// Runs `docverify plugins`.
pub fn run(args: PluginsArgs) -> ExitCode {
    match args.command {
        PluginsCommand::List { selection, json } => match load(&selection) {
            Ok(v) => list(&v, json),
            Err(e) => super::usage_error(format!("{e:#}")),
        },
        PluginsCommand::Verify { selection, input } => {
            let input = match read_input(&input) {
                Ok(i) => i,
                Err(e) => return super::usage_error(format!("{e:#}")),
            };
            match load(&selection) {
                Ok(v) => verify(&v, input),
                Err(e) => super::usage_error(format!("{e:#}")),
            }
        }
    }
}

/// Reads `[plugins]` from the configuration file, if any, and applies the flags.
fn plugins_config(sel: &PluginSelection) -> anyhow::Result<PluginsConfig> {
    let mut config = match &sel.config {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow::anyhow!(
                    "无法读取配置 / cannot read the configuration {}: {e}",
                    path.display()
                )
            })?;
            let mut doc: toml::Table = toml::from_str(&text).map_err(|e| {
                anyhow::anyhow!(
                    "配置格式错误 / invalid configuration {}: {e}",
                    path.display()
                )
            })?;
            match doc.remove("plugins") {
                Some(section) => section.try_into().map_err(|e| {
                    anyhow::anyhow!(
                        "[plugins] 配置错误 / invalid [plugins] in {}: {e}",
                        path.display()
                    )
                })?,
                None => PluginsConfig::default(),
            }
        }
        None => PluginsConfig::default(),
    };
    if let Some(dir) = &sel.dir {
        config.dir = Some(dir.clone());
    }
    if sel.no_builtins {
        config.builtins = false;
    }
    Ok(config)
}

fn load(sel: &PluginSelection) -> anyhow::Result<Verifier> {
    Verifier::new(&plugins_config(sel)?)
}

fn read_input(path: &PathBuf) -> anyhow::Result<VerifyInput> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("无法读取 / cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "提交数据格式错误 / invalid submission JSON {}: {e}",
            path.display()
        )
    })
}

fn list(v: &Verifier, json: bool) -> ExitCode {
    if json {
        let doc = serde_json::json!({ "plugins": v.plugins(), "refused": v.refused() });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    println!("插件 Plugins ({}):", v.plugins().len());
    for p in v.plugins() {
        let state = if p.enabled { "enabled" } else { "disabled" };
        println!(
            "  {} [{state}] — {} / {}",
            p.key(),
            p.description.zh,
            p.description.en
        );
        println!("    rules:        {}", p.rules.join(", "));
        let params: Vec<String> = p
            .parameters
            .iter()
            .map(|x| format!("{}={}", x.name, x.value))
            .collect();
        println!(
            "    parameters:   {}",
            if params.is_empty() {
                "-".into()
            } else {
                params.join(", ")
            }
        );
        let asked: Vec<String> = p
            .capabilities
            .iter()
            .map(|c| format!("{}({})", c.name, c.targets.join(",")))
            .collect();
        println!(
            "    capabilities: {}",
            if asked.is_empty() {
                "-".into()
            } else {
                asked.join(", ")
            }
        );
        println!(
            "    granted:      {}",
            if p.granted.is_empty() {
                "-".into()
            } else {
                p.granted.join(", ")
            }
        );
        println!("    on_failure:   {:?}", p.on_failure);
        println!("    source:       {}", p.source);
        println!("    digest:       sha256:{}", p.digest);
    }
    if !v.refused().is_empty() {
        println!("\n拒绝加载 Refused ({}):", v.refused().len());
        for r in v.refused() {
            println!("  {} (sha256:{}): {}", r.source, r.digest, r.reason);
        }
    }
    ExitCode::SUCCESS
}

fn verify(v: &Verifier, input: VerifyInput) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return super::usage_error(format!("cannot start the runtime: {e}")),
    };
    let out = runtime.block_on(v.verify(input));
    let verdict = Verdict::from_statuses(out.findings.iter().map(|f| f.status));
    let doc = serde_json::json!({
        "verdict": verdict,
        "findings": out.findings,
        "plugins": out.plugins,
        "lookups": out.lookups,
    });
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    match verdict {
        Verdict::Pass => ExitCode::SUCCESS,
        Verdict::Fail => ExitCode::from(1),
        Verdict::Review => ExitCode::from(3),
    }
}
