//! `[plugins]` in the configuration: where plugins come from, their limits, parameters and
//! the capabilities the operator grants them.
//!
//! Every setting has a default so that an empty `[plugins]` runs the built-ins safely; nothing
//! is granted by default.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// `[plugins]` in the configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PluginsConfig {
    /// A directory with more plugin components (`*.wasm`) to load besides the built-ins.
    pub dir: Option<PathBuf>,
    /// Load the plugins built into the binary (switch off only to run a set of your own).
    pub builtins: bool,
    /// Where compiled components are cached (keyed by component digest, wasmtime version and
    /// engine settings). Absent: `$XDG_CACHE_HOME/docverify/plugins` or
    /// `~/.cache/docverify/plugins`; without either, compile on every start.
    pub cache_dir: Option<PathBuf>,
    /// Keep compiled components on disk at all (off: compile on every start, ~1 s).
    pub cache: bool,
    /// Linear-memory cap of one plugin call, in MiB (at least 4: the built-ins start with 4).
    pub memory_mib: u64,
    /// CPU budget of one plugin call in milliseconds of guest execution (epoch interruption).
    pub deadline_ms: u64,
    /// Wall-clock limit of one plugin call in milliseconds, host calls included.
    pub wall_timeout_ms: u64,
    /// Optional instruction budget of one call (wasmtime fuel): reproducible across machines,
    /// unlike the deadline. Absent: no fuel accounting (it costs a little speed).
    pub fuel: Option<u64>,
    /// Threads that run plugin code (apart from the async runtime serving requests).
    /// 0: the number of CPUs.
    pub threads: usize,
    /// Plugin calls running at once, across submissions (pooling allocator slots).
    pub max_concurrent_calls: u32,
    /// Bytes of a call's stdout and of its stderr kept for the log; the rest is dropped.
    pub output_limit_bytes: usize,
    /// What a plugin failure (trap, timeout, memory, error) becomes, unless a plugin says otherwise.
    pub on_failure: FailurePolicy,
    /// Per-plugin settings, keyed by plugin id (e.g. `[plugins.plugin.lease-term]`).
    pub plugin: BTreeMap<String, PluginSettings>,
}

impl Default for PluginsConfig {
    fn default() -> Self {
        PluginsConfig {
            dir: None,
            builtins: true,
            cache_dir: None,
            cache: true,
            memory_mib: 64,
            deadline_ms: 500,
            wall_timeout_ms: 5_000,
            fuel: None,
            threads: 0,
            max_concurrent_calls: 32,
            output_limit_bytes: 16 * 1024,
            on_failure: FailurePolicy::Review,
            plugin: BTreeMap::new(),
        }
    }
}

impl PluginsConfig {
    /// The settings for one plugin (defaults when the configuration names none).
    pub fn settings(&self, id: &str) -> PluginSettings {
        self.plugin.get(id).cloned().unwrap_or_default()
    }

    /// The cache directory in effect, if any.
    pub fn effective_cache_dir(&self) -> Option<PathBuf> {
        if !self.cache {
            return None;
        }
        if let Some(dir) = &self.cache_dir {
            return Some(dir.clone());
        }
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|h| PathBuf::from(h).join(".cache"))
            })?;
        Some(base.join("docverify").join("plugins"))
    }
}

/// Settings of one plugin (`[plugins.plugin.<id>]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PluginSettings {
    /// Run this plugin at all.
    pub enabled: bool,
    /// Parameter values overriding the plugin's defaults (names from `docverify plugins list`).
    pub parameters: serde_json::Map<String, serde_json::Value>,
    /// What a failure of this plugin becomes (default: `[plugins] on_failure`).
    pub on_failure: Option<FailurePolicy>,
    /// Fuel budget for this plugin (default: `[plugins] fuel`).
    pub fuel: Option<u64>,
    /// Capabilities granted to this plugin; nothing is granted unless written here.
    pub grants: Grants,
}

impl Default for PluginSettings {
    fn default() -> Self {
        PluginSettings {
            enabled: true,
            parameters: serde_json::Map::new(),
            on_failure: None,
            fuel: None,
            grants: Grants::default(),
        }
    }
}

/// What a plugin failure becomes in the report, for each rule of the plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailurePolicy {
    /// Fail closed: a `review` finding saying what happened (the default).
    Review,
    /// Fail hard: a `fail` finding (for rules that must never be skipped).
    Fail,
    /// Fail open: a `not_applicable` finding saying what happened.
    Skip,
}

/// Capabilities granted to one plugin. Each capability is one optional field, so that a new
/// capability is one new field and a typo in the configuration is an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Grants {
    /// `lookup`: HTTP GETs made by the host on the plugin's behalf.
    pub lookup: Option<LookupGrant>,
}

/// The grant of the `lookup` capability.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LookupGrant {
    /// Host names the plugin may reach (exact match, lower case; no wildcards).
    pub hosts: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_section_has_safe_defaults() {
        let c: PluginsConfig = toml::from_str("").unwrap();
        assert_eq!(c, PluginsConfig::default());
        assert!(c.builtins);
        assert!(c.plugin.is_empty());
        assert_eq!(c.settings("lease-term").grants, Grants::default());
    }

    #[test]
    fn per_plugin_settings_parse() {
        let c: PluginsConfig = toml::from_str(
            r#"
            deadline_ms = 100
            [plugin.lease-term]
            parameters = { min_years = 3, count_from = "application_date" }
            on_failure = "fail"
            [plugin.audit-registry.grants.lookup]
            hosts = ["registry.example"]
            "#,
        )
        .unwrap();
        assert_eq!(c.deadline_ms, 100);
        let lt = c.settings("lease-term");
        assert_eq!(lt.parameters["min_years"], serde_json::json!(3));
        assert_eq!(lt.on_failure, Some(FailurePolicy::Fail));
        assert_eq!(
            c.settings("audit-registry").grants.lookup.unwrap().hosts,
            ["registry.example"]
        );
    }

    #[test]
    fn typos_are_errors() {
        assert!(toml::from_str::<PluginsConfig>("deadline = 3").is_err());
        assert!(toml::from_str::<PluginsConfig>("[plugin.x.grants]\nfetch = {}").is_err());
    }
}
