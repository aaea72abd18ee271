//! Verification: every enabled plugin, sandboxed in wasmtime, over the whole submission.
//!
//! Plugins are WebAssembly components implementing `docverify:plugin@0.1.0`
//! (`plugins/wit/0.1.0/plugin.wit`). The built-ins (one per rule of RULES.md that needs no
//! outside lookup) are compiled by build.rs and embedded in the binary; more load from
//! `[plugins] dir`. [`Verifier::new`] compiles (or takes from the disk cache) and pre-links them
//! once; [`Verifier::verify`] runs each enabled plugin in a fresh instance on the verifier's own
//! threads, so a slow or hostile plugin can neither starve the service's async runtime nor
//! leave anything behind for the next call. A plugin that traps, times out or exceeds its
//! memory gives, per its failure policy, a `review` finding for each of its rules saying so.

mod cache;
pub mod capability;
pub mod config;
mod convert;
pub mod host;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Finding, Message, Status};
use crate::report::{LookupRecord, PluginProvenance, ReportDocument, SubmissionInfo};
use capability::{Granted, HostServices, LookupHost};
pub use config::{FailurePolicy, Grants, LookupGrant, PluginSettings, PluginsConfig};
use host::{CallFailure, Host, Limits, Prepared, wit};

/// The components build.rs compiled from `plugins/`: `(file stem, bytes)` of the built-ins.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/builtin_plugins.rs"));
}

/// Where build.rs left the compiled components, the test plugins (`hostile.wasm`, …) included.
/// A path on the build machine: for this crate's tests and benchmarks, not for deployments.
pub const BUILD_OUTPUT_DIR: &str = embedded::OUTPUT_DIR;

/// The plugin interface version this host implements (the WIT folder's name).
pub const API_VERSION: &str = "0.1.0";

/// One document as the plugins see it: the report's view plus its page texts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentInput {
    pub document: ReportDocument,
    /// Text of each page of the document, in order.
    #[serde(default)]
    pub page_texts: Vec<String>,
}

/// The whole submission handed to the plugins.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VerifyInput {
    pub submission: SubmissionInfo,
    pub documents: Vec<DocumentInput>,
}

/// What verification produced.
#[derive(Debug, Clone, Default)]
pub struct VerifyOutput {
    pub findings: Vec<Finding>,
    pub plugins: Vec<PluginProvenance>,
    pub lookups: Vec<LookupRecord>,
    /// How long each plugin's sandboxed call took (fresh instance, submission copied in, rule
    /// run, findings copied out), in the order of `plugins`. For logs and benchmarks, never
    /// the report: a report must not change from one run to the next.
    pub call_times: Vec<Duration>,
}

/// Where a plugin came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "path")]
pub enum PluginSource {
    /// Embedded in the binary.
    Builtin,
    /// Loaded from a file of `[plugins] dir`.
    File(PathBuf),
}

impl std::fmt::Display for PluginSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PluginSource::Builtin => f.write_str("builtin"),
            PluginSource::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A parameter of a plugin: its declared default and the value in force.
#[derive(Debug, Clone, Serialize)]
pub struct ParameterInfo {
    pub name: String,
    pub default: serde_json::Value,
    pub value: serde_json::Value,
    pub description: Message,
}

/// A capability a plugin asks for.
#[derive(Debug, Clone, Serialize)]
pub struct CapabilityInfo {
    pub name: String,
    pub targets: Vec<String>,
    pub reason: Message,
}

/// What is known about a loaded plugin (for `docverify plugins list` and provenance).
#[derive(Debug, Clone, Serialize)]
pub struct PluginInfo {
    pub id: String,
    pub version: String,
    pub description: Message,
    pub rules: Vec<String>,
    pub parameters: Vec<ParameterInfo>,
    /// What the plugin asks for.
    pub capabilities: Vec<CapabilityInfo>,
    /// What the configuration grants it (and it asked for).
    pub granted: Vec<String>,
    pub source: PluginSource,
    /// SHA-256 of the component bytes.
    pub digest: String,
    pub enabled: bool,
    pub on_failure: FailurePolicy,
    /// The component's imports (WASI interfaces and capabilities).
    pub imports: Vec<String>,
}

impl PluginInfo {
    /// `id@version`, as findings name their plugin.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }
}

/// A plugin that was not loaded, and why.
#[derive(Debug, Clone, Serialize)]
pub struct RefusedPlugin {
    pub source: PluginSource,
    pub digest: String,
    pub reason: String,
}

/// A loaded plugin, ready to call.
struct Loaded {
    info: PluginInfo,
    prepared: Prepared,
    params: Vec<wit::Param>,
    limits: Limits,
    granted: Granted,
}

impl Loaded {
    fn provenance(&self) -> PluginProvenance {
        PluginProvenance {
            id: self.info.id.clone(),
            version: self.info.version.clone(),
            digest: self.info.digest.clone(),
            rules: self.info.rules.clone(),
            parameters: self
                .info
                .parameters
                .iter()
                .map(|p| (p.name.clone(), p.value.clone()))
                .collect(),
        }
    }
}

/// Loads plugins once and runs them per submission.
pub struct Verifier {
    host: Arc<Host>,
    plugins: Vec<Arc<Loaded>>,
    refused: Vec<RefusedPlugin>,
    /// The plugins' own threads. `Option` so that drop can shut it down without blocking
    /// (dropping a runtime inside another runtime's task would panic).
    runtime: Option<tokio::runtime::Runtime>,
    /// How many tasks one submission's calls are spread over (the plugin threads).
    lanes: usize,
    calls: Arc<tokio::sync::Semaphore>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field(
                "plugins",
                &self
                    .plugins
                    .iter()
                    .map(|p| p.info.key())
                    .collect::<Vec<_>>(),
            )
            .field("refused", &self.refused.len())
            .finish()
    }
}

impl Drop for Verifier {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

impl Verifier {
    /// Loads (and compiles) the built-in and configured plugins.
    ///
    /// Errors are configuration errors (unreadable plugin directory, unknown or mistyped
    /// parameter, duplicate plugin id in the directory). A plugin component that cannot be
    /// loaded (bad bytes, forbidden imports such as `wasi:filesystem`, failing `metadata`) is
    /// refused, logged and listed by [`Verifier::refused`]; the others still load.
    pub fn new(config: &PluginsConfig) -> anyhow::Result<Verifier> {
        Verifier::with_services(config, HostServices::default())
    }

    /// Like [`Verifier::new`], with providers for granted capabilities (e.g. `lookup`).
    pub fn with_services(
        config: &PluginsConfig,
        services: HostServices,
    ) -> anyhow::Result<Verifier> {
        let threads = match config.threads {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads.clamp(1, 256))
            .thread_name("docverify-plugin")
            // Time for the deadlines; I/O for capability providers (the `lookup` HTTP client)
            // whose futures the host calls await on these threads.
            .enable_all()
            .build()
            .context("starting the plugin threads")?;
        let base_limits = Limits::from_config(config);
        let fuel = config.fuel.is_some() || config.plugin.values().any(|s| s.fuel.is_some());
        let host = Arc::new(Host::new(config, &base_limits, fuel, Arc::new(services))?);
        let sources = gather_sources(config)?;
        // Loading calls `metadata` (async) on the plugin runtime; block on it from a thread of
        // our own, so that `new` also works when called from inside an async context.
        let handle = runtime.handle().clone();
        let (plugins, refused) = std::thread::scope(|s| {
            s.spawn(|| handle.block_on(load_all(&host, config, &base_limits, sources)))
                .join()
                .map_err(|_| anyhow::anyhow!("plugin loading panicked"))?
        })?;
        for id in config.plugin.keys() {
            if !plugins.iter().any(|p| &p.info.id == id) {
                tracing::warn!(plugin = %id, "[plugins.plugin.{id}] names a plugin that is not loaded");
            }
        }
        let calls = Arc::new(tokio::sync::Semaphore::new(
            config.max_concurrent_calls.clamp(1, 1000) as usize,
        ));
        Ok(Verifier {
            host,
            plugins: plugins.into_iter().map(Arc::new).collect(),
            refused,
            runtime: Some(runtime),
            lanes: threads.clamp(1, 256),
            calls,
        })
    }

    /// The loaded plugins (enabled or not), built-ins first.
    pub fn plugins(&self) -> Vec<&PluginInfo> {
        self.plugins.iter().map(|p| &p.info).collect()
    }

    /// The plugins that were refused at load, and why.
    pub fn refused(&self) -> &[RefusedPlugin] {
        &self.refused
    }

    /// Runs every enabled plugin over the submission.
    ///
    /// Never fails: a plugin that does not answer properly is reported by findings (see the
    /// failure policy). The provenance lists every plugin that ran, with its parameters.
    pub async fn verify(&self, input: VerifyInput) -> VerifyOutput {
        let base = convert::submission(&input);
        let fields = Arc::new(convert::field_index(&input));
        let Some(runtime) = &self.runtime else {
            return VerifyOutput::default();
        };
        let enabled: Vec<Arc<Loaded>> = self
            .plugins
            .iter()
            .filter(|p| p.info.enabled)
            .cloned()
            .collect();
        // One task per lane, not per plugin: a hop onto the plugin threads and back costs more
        // than a plugin call itself (docs/BENCHMARKS.md, "Plugins"). Each lane runs its calls
        // one after another over one copy of the submission; a plugin granted a capability
        // (it may wait on the network) gets a lane of its own so it holds up no other.
        let mut lanes: Vec<Vec<(usize, Arc<Loaded>)>> = vec![Vec::new(); self.lanes];
        let mut next = 0;
        for (i, p) in enabled.iter().enumerate() {
            if p.granted.is_empty() {
                lanes[next % self.lanes].push((i, p.clone()));
                next += 1;
            } else {
                lanes.push(vec![(i, p.clone())]);
            }
        }
        lanes.retain(|l| !l.is_empty());
        let mut copies: Vec<wit::Submission> = (1..lanes.len()).map(|_| base.clone()).collect();
        copies.push(base);
        let mut tasks = Vec::new();
        for (lane, submission) in lanes.into_iter().zip(copies) {
            let (host, fields, calls) = (self.host.clone(), fields.clone(), self.calls.clone());
            let task = runtime.spawn(async move {
                let mut submission = submission;
                let mut out = Vec::with_capacity(lane.len());
                for (i, p) in lane {
                    let _permit = calls.acquire().await;
                    submission.parameters = p.params.clone();
                    out.push((i, run_one(&host, &p, &submission, &fields).await));
                }
                out
            });
            tasks.push(task);
        }
        let mut results: Vec<Option<CallOutcome>> = (0..enabled.len()).map(|_| None).collect();
        for task in tasks {
            // A lane's task only ends early if the host itself panicked; its plugins are then
            // reported below as failed, like any other plugin that gave no answer.
            if let Ok(done) = task.await {
                for (i, r) in done {
                    results[i] = Some(r);
                }
            }
        }
        let mut out = VerifyOutput::default();
        for (p, result) in enabled.iter().zip(results) {
            let outcome = result.unwrap_or_else(|| {
                let failure = CallFailure::Trap("host task ended without an answer".into());
                CallOutcome {
                    findings: failure_findings(&p.info, &failure),
                    lookups: Vec::new(),
                    elapsed: Duration::ZERO,
                }
            });
            out.findings.extend(outcome.findings);
            out.lookups.extend(outcome.lookups);
            out.call_times.push(outcome.elapsed);
            out.plugins.push(p.provenance());
        }
        out
    }
}

/// What one plugin call left.
struct CallOutcome {
    /// Its findings, or the failure findings its policy asks for.
    findings: Vec<Finding>,
    lookups: Vec<LookupRecord>,
    elapsed: Duration,
}

/// One plugin over one submission: findings (or failure findings) and its lookups.
async fn run_one(
    host: &Host,
    p: &Loaded,
    submission: &wit::Submission,
    fields: &convert::FieldIndex,
) -> CallOutcome {
    let key = p.info.key();
    let lookup = LookupHost::new(&key, &submission.id, p.granted.clone(), host.services());
    let (result, trace) = host
        .verify(&p.prepared, &p.limits, lookup, submission)
        .await;
    if !trace.stdout.is_empty() || !trace.stderr.is_empty() {
        tracing::info!(
            plugin = %key,
            submission = %submission.id,
            stdout = %host::truncate(&trace.stdout, 2000),
            stderr = %host::truncate(&trace.stderr, 2000),
            "plugin output"
        );
    }
    tracing::debug!(
        plugin = %key,
        submission = %submission.id,
        elapsed_us = trace.elapsed.as_micros() as u64,
        "plugin call"
    );
    let result = result.and_then(|raw| {
        convert::findings(&key, &p.info.rules, raw, fields).map_err(CallFailure::BadOutput)
    });
    let findings = match result {
        Ok(mut findings) => {
            // A declared rule left without a finding is not a pass.
            for rule in &p.info.rules {
                if !findings.iter().any(|f| &f.rule == rule) {
                    findings.push(Finding {
                        rule: rule.clone(),
                        status: Status::Review,
                        plugin: key.clone(),
                        message: Message::new(
                            format!("插件 {key} 未对规则 {rule} 给出结论，需人工复核"),
                            format!("plugin {key} gave no finding for rule {rule}; review by hand"),
                        ),
                        evidence: Vec::new(),
                    });
                }
            }
            findings
        }
        Err(failure) => {
            tracing::warn!(
                plugin = %key,
                submission = %submission.id,
                failure = failure.code(),
                detail = ?failure,
                elapsed_ms = trace.elapsed.as_millis() as u64,
                stderr = %host::truncate(&trace.stderr, 2000),
                "plugin call failed"
            );
            failure_findings(&p.info, &failure)
        }
    };
    CallOutcome {
        findings,
        lookups: trace.lookups,
        elapsed: trace.elapsed,
    }
}

/// The findings a failed plugin leaves: one per rule, status by the failure policy.
fn failure_findings(info: &PluginInfo, failure: &CallFailure) -> Vec<Finding> {
    let key = info.key();
    let (what_zh, what_en) = failure.describe();
    let (status, then_zh, then_en) = match info.on_failure {
        FailurePolicy::Review => (Status::Review, "需人工复核", "review by hand"),
        FailurePolicy::Fail => (Status::Fail, "按配置判为不通过", "failed by policy"),
        FailurePolicy::Skip => (Status::NotApplicable, "按配置跳过", "skipped by policy"),
    };
    info.rules
        .iter()
        .map(|rule| Finding {
            rule: rule.clone(),
            status,
            plugin: key.clone(),
            message: Message::new(
                format!("插件 {key} {what_zh}，规则 {rule} 未能完成检查，{then_zh}"),
                format!(
                    "plugin {key} {what_en} [{}]; rule {rule} was not checked: {then_en}",
                    failure.code()
                ),
            ),
            evidence: Vec::new(),
        })
        .collect()
}

/// A component to load and where it came from.
struct Source {
    origin: PluginSource,
    bytes: Vec<u8>,
}

/// The built-ins (when enabled) then the directory's `*.wasm`, in name order.
fn gather_sources(config: &PluginsConfig) -> anyhow::Result<Vec<Source>> {
    let mut sources = Vec::new();
    if config.builtins {
        for (_, bytes) in embedded::BUILTINS {
            sources.push(Source {
                origin: PluginSource::Builtin,
                bytes: bytes.to_vec(),
            });
        }
    }
    if let Some(dir) = &config.dir {
        for path in wasm_files(dir)? {
            let bytes = std::fs::read(&path)
                .with_context(|| format!("reading plugin {}", path.display()))?;
            sources.push(Source {
                origin: PluginSource::File(path),
                bytes,
            });
        }
    }
    Ok(sources)
}

fn wasm_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).with_context(|| {
        format!(
            "无法读取插件目录 / cannot read the plugin directory {}",
            dir.display()
        )
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

async fn load_all(
    host: &Host,
    config: &PluginsConfig,
    base_limits: &Limits,
    sources: Vec<Source>,
) -> anyhow::Result<(Vec<Loaded>, Vec<RefusedPlugin>)> {
    let cache_dir = config.effective_cache_dir();
    let mut loaded: Vec<Loaded> = Vec::new();
    let mut refused = Vec::new();
    for source in sources {
        let digest = hex::encode(Sha256::digest(&source.bytes));
        let attempt = load_one(host, cache_dir.as_deref(), base_limits, &source, &digest).await;
        let (prepared, meta, imports) = match attempt {
            Ok(x) => x,
            Err(reason) => {
                tracing::error!(source = %source.origin, %digest, %reason, "plugin refused");
                refused.push(RefusedPlugin {
                    source: source.origin,
                    digest,
                    reason,
                });
                continue;
            }
        };
        if let Some(i) = loaded.iter().position(|l| l.info.id == meta.id) {
            if loaded[i].info.source == PluginSource::Builtin
                && source.origin != PluginSource::Builtin
            {
                tracing::info!(plugin = %meta.id, source = %source.origin, "plugin replaces the built-in of the same id");
                loaded.remove(i);
            } else {
                bail!(
                    "两个插件的 id 相同 / two plugins have the same id `{}`: {} and {}",
                    meta.id,
                    loaded[i].info.source,
                    source.origin
                );
            }
        }
        loaded.push(configure(
            config,
            base_limits,
            source.origin,
            digest,
            prepared,
            meta,
            imports,
        )?);
    }
    Ok((loaded, refused))
}

async fn load_one(
    host: &Host,
    cache_dir: Option<&Path>,
    limits: &Limits,
    source: &Source,
    digest: &str,
) -> Result<(Prepared, wit::Manifest, Vec<String>), String> {
    let component = cache::load_or_compile(host.engine(), &source.bytes, digest, cache_dir)
        .map_err(|e| format!("{e:#}"))?;
    let imports = host.imports(&component);
    let prepared = host.prepare(&component).map_err(|e| format!("{e:#}"))?;
    let meta = host.metadata(&prepared, limits).await.map_err(|f| {
        let (_, en) = f.describe();
        format!("metadata() {en}")
    })?;
    validate(&meta)?;
    Ok((prepared, meta, imports))
}

/// Metadata a host can rely on: a usable id, a version, at least one rule, unique names.
fn validate(m: &wit::Manifest) -> Result<(), String> {
    let id_ok = !m.id.is_empty()
        && m.id.len() <= 64
        && m.id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return Err(format!(
            "invalid plugin id `{}` (lower-case letters, digits, '-')",
            host::truncate(&m.id, 80)
        ));
    }
    if m.version.is_empty() || m.version.len() > 64 {
        return Err("invalid plugin version".into());
    }
    if m.rules.is_empty() || m.rules.iter().any(|r| r.is_empty() || r.len() > 100) {
        return Err("a plugin must declare at least one rule id".into());
    }
    let mut names: Vec<&str> = m.parameters.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err("duplicate parameter names".into());
    }
    Ok(())
}

/// Applies the configuration to a loaded plugin: parameters, grants, limits, policy.
fn configure(
    config: &PluginsConfig,
    base_limits: &Limits,
    source: PluginSource,
    digest: String,
    prepared: Prepared,
    meta: wit::Manifest,
    imports: Vec<String>,
) -> anyhow::Result<Loaded> {
    let settings = config.settings(&meta.id);
    for name in settings.parameters.keys() {
        if !meta.parameters.iter().any(|p| &p.name == name) {
            let known: Vec<&str> = meta.parameters.iter().map(|p| p.name.as_str()).collect();
            bail!(
                "插件 {} 没有参数 {name} / plugin `{}` has no parameter `{name}` (it has: {})",
                meta.id,
                meta.id,
                known.join(", ")
            );
        }
    }
    let mut params = Vec::new();
    let mut infos = Vec::new();
    for spec in &meta.parameters {
        let value = match settings.parameters.get(&spec.name) {
            Some(v) => {
                // A text parameter may be written as TOML tables or arrays (e.g. the registry
                // adapters of `audit-registry`); the plugin receives them as JSON text.
                let given = match (v, &spec.default) {
                    (
                        serde_json::Value::Object(_) | serde_json::Value::Array(_),
                        wit::ParamValue::Text(_),
                    ) => Some(wit::ParamValue::Text(v.to_string())),
                    _ => convert::param_value(v),
                };
                match given.filter(|pv| convert::same_type(pv, &spec.default)) {
                    Some(pv) => pv,
                    None => bail!(
                        "插件 {} 的参数 {} 类型不对 / parameter `{}` of plugin `{}` must be like {} (got {v})",
                        meta.id,
                        spec.name,
                        spec.name,
                        meta.id,
                        convert::param_json(&spec.default)
                    ),
                }
            }
            None => spec.default.clone(),
        };
        infos.push(ParameterInfo {
            name: spec.name.clone(),
            default: convert::param_json(&spec.default),
            value: convert::param_json(&value),
            description: Message::new(&spec.description.zh, &spec.description.en),
        });
        params.push(wit::Param {
            name: spec.name.clone(),
            value,
        });
    }
    let requested: Vec<String> = meta.capabilities.iter().map(|c| c.name.clone()).collect();
    let (granted, notes) = Granted::resolve(&requested, &settings.grants);
    for note in notes {
        tracing::warn!(plugin = %meta.id, "plugin {note}");
    }
    let mut limits = base_limits.clone();
    limits.fuel = settings.fuel.or(config.fuel);
    let info = PluginInfo {
        id: meta.id.clone(),
        version: meta.version.clone(),
        description: Message::new(&meta.description.zh, &meta.description.en),
        rules: meta.rules.clone(),
        parameters: infos,
        capabilities: meta
            .capabilities
            .iter()
            .map(|c| CapabilityInfo {
                name: c.name.clone(),
                targets: c.targets.clone(),
                reason: Message::new(&c.reason.zh, &c.reason.en),
            })
            .collect(),
        granted: granted.names(),
        source,
        digest,
        enabled: settings.enabled,
        on_failure: settings.on_failure.unwrap_or(config.on_failure),
        imports,
    };
    Ok(Loaded {
        info,
        prepared,
        params,
        limits,
        granted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(id: &str, rules: &[&str], params: &[&str]) -> wit::Manifest {
        wit::Manifest {
            id: id.into(),
            version: "1.0.0".into(),
            description: wit::Message {
                zh: String::new(),
                en: String::new(),
            },
            rules: rules.iter().map(|r| r.to_string()).collect(),
            parameters: params
                .iter()
                .map(|p| wit::ParamSpec {
                    name: p.to_string(),
                    default: wit::ParamValue::Boolean(true),
                    description: wit::Message {
                        zh: String::new(),
                        en: String::new(),
                    },
                })
                .collect(),
            capabilities: vec![],
        }
    }

    #[test]
    fn manifests_are_validated() {
        assert!(validate(&manifest("lease-term", &["lease.term"], &["a"])).is_ok());
        assert!(validate(&manifest("Lease Term", &["lease.term"], &[])).is_err());
        assert!(validate(&manifest("", &["lease.term"], &[])).is_err());
        assert!(validate(&manifest("x", &[], &[])).is_err());
        assert!(validate(&manifest("x", &["r"], &["a", "a"])).is_err());
    }

    #[test]
    fn failures_become_one_finding_per_rule_by_policy() {
        let mut info = PluginInfo {
            id: "p".into(),
            version: "1".into(),
            description: Message::new("", ""),
            rules: vec!["a.b".into(), "c.d".into()],
            parameters: vec![],
            capabilities: vec![],
            granted: vec![],
            source: PluginSource::Builtin,
            digest: String::new(),
            enabled: true,
            on_failure: FailurePolicy::Review,
            imports: vec![],
        };
        let f = failure_findings(&info, &CallFailure::Memory);
        assert_eq!(f.len(), 2);
        assert!(
            f.iter()
                .all(|f| f.status == Status::Review && f.plugin == "p@1")
        );
        assert!(
            f[0].message.en.contains("memory-limit"),
            "{}",
            f[0].message.en
        );
        info.on_failure = FailurePolicy::Skip;
        assert_eq!(
            failure_findings(&info, &CallFailure::Deadline)[0].status,
            Status::NotApplicable
        );
    }
}
