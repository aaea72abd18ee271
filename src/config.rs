//! Configuration: embedded defaults, then one TOML file, then `DOCVERIFY_…` environment variables.
//!
//! Every setting has a default so `docverify serve` starts with no file at all. Any setting can
//! be overridden from the environment as `DOCVERIFY_<SECTION>__<KEY>` (e.g.
//! `DOCVERIFY_SERVER__LISTEN=0.0.0.0:8080`, `DOCVERIFY_JOBS__WORKERS=4`); a few common ones have
//! short names (`DOCVERIFY_LISTEN`, `DOCVERIFY_DATA_DIR`, `DOCVERIFY_CONFIG`). The documented
//! example is `deploy/docverify.example.toml`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::extract::ExtractConfig;
use crate::lookup::LookupConfig;
use crate::ocr::OcrConfig;
use crate::verify::PluginsConfig;

/// The whole configuration.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub server: ServerConfig,
    pub storage: StorageConfig,
    pub jobs: JobsConfig,
    pub log: LogConfig,
    pub extract: ExtractConfig,
    pub ocr: OcrConfig,
    pub plugins: PluginsConfig,
    pub lookup: LookupConfig,
}

/// `[server]`: the HTTP listener and upload limits.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address to listen on.
    pub listen: String,
    /// Largest accepted upload request (all files together), in bytes.
    pub max_upload_bytes: u64,
    /// Largest accepted single file, in bytes.
    pub max_file_bytes: u64,
    /// Most files in one submission.
    pub max_files: usize,
    /// Longest applicant name, in characters.
    pub max_applicant_chars: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: "127.0.0.1:8080".into(),
            max_upload_bytes: 512 << 20,
            max_file_bytes: 200 << 20,
            max_files: 100,
            max_applicant_chars: 200,
        }
    }
}

/// `[storage]`: where rows and blobs live.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StorageConfig {
    /// Directory for the SQLite database, the blob store and scratch files.
    pub data_dir: PathBuf,
    /// Database URL; empty means `sqlite://<data_dir>/docverify.db`.
    pub database_url: String,
}

impl Default for StorageConfig {
    fn default() -> Self {
        StorageConfig {
            data_dir: PathBuf::from("data"),
            database_url: String::new(),
        }
    }
}

impl StorageConfig {
    /// The database URL in force.
    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("docverify.db").display())
        } else {
            self.database_url.clone()
        }
    }
}

/// `[jobs]`: the durable processing queue.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobsConfig {
    /// Submissions processed at the same time.
    pub workers: usize,
    /// How long a claimed job stays owned without a heartbeat; after that another worker
    /// (or the restarted server) claims it again.
    pub lease_secs: u64,
    /// Deadline for one submission's processing, in seconds.
    pub deadline_secs: u64,
    /// Attempts before a job is marked failed.
    pub max_attempts: u32,
    /// How often idle workers look for work they were not told about, in milliseconds.
    pub poll_ms: u64,
}

impl Default for JobsConfig {
    fn default() -> Self {
        JobsConfig {
            workers: 2,
            lease_secs: 30,
            deadline_secs: 1800,
            max_attempts: 3,
            poll_ms: 1000,
        }
    }
}

/// `[log]`: what the service writes to stderr.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `text` for people, `json` for log collectors.
    pub format: String,
    /// A tracing filter, e.g. `info,docverify=debug`. `RUST_LOG` wins when set.
    pub filter: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: "text".into(),
            filter: "info".into(),
        }
    }
}

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("invalid environment variable {name}: {message}")]
    Env { name: String, message: String },
}

impl Config {
    /// Defaults, overlaid by `file` (if given), overlaid by the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        Self::load_from(file, std::env::vars())
    }

    /// As [`Config::load`] with an explicit environment (for tests).
    pub fn load_from(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut tree = toml::Table::try_from(Config::default()).expect("defaults serialise");
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.to_owned(),
                source,
            })?;
            let overlay: toml::Table =
                text.parse()
                    .map_err(|e: toml::de::Error| ConfigError::Parse {
                        path: path.to_owned(),
                        message: e.to_string(),
                    })?;
            merge(&mut tree, overlay);
            // Check the file alone first so its errors name the file, not the environment.
            tree.clone()
                .try_into::<Config>()
                .map_err(|e| ConfigError::Parse {
                    path: path.to_owned(),
                    message: e.to_string(),
                })?;
        }
        for (name, value) in env {
            let Some(path) = env_path(&name) else {
                continue;
            };
            set_path(&mut tree, &path, &value).map_err(|message| ConfigError::Env {
                name: name.clone(),
                message,
            })?;
            tree.clone()
                .try_into::<Config>()
                .map_err(|e| ConfigError::Env {
                    name: name.clone(),
                    message: e.to_string(),
                })?;
        }
        tree.try_into::<Config>().map_err(|e| ConfigError::Env {
            name: "DOCVERIFY_*".into(),
            message: e.to_string(),
        })
    }

    /// The defaults as TOML, for `docverify config`.
    pub fn defaults_toml() -> String {
        toml::to_string_pretty(&Config::default()).expect("defaults serialise")
    }
}

/// Maps an environment variable name to a path into the settings tree.
fn env_path(name: &str) -> Option<Vec<String>> {
    match name {
        "DOCVERIFY_LISTEN" => return Some(vec!["server".into(), "listen".into()]),
        "DOCVERIFY_DATA_DIR" => return Some(vec!["storage".into(), "data_dir".into()]),
        "DOCVERIFY_DATABASE_URL" => return Some(vec!["storage".into(), "database_url".into()]),
        _ => {}
    }
    let rest = name.strip_prefix("DOCVERIFY_")?;
    if !rest.contains("__") {
        return None;
    }
    Some(rest.split("__").map(|s| s.to_ascii_lowercase()).collect())
}

/// Sets a value at `path`, parsing it as the type of the value it replaces.
fn set_path(tree: &mut toml::Table, path: &[String], raw: &str) -> Result<(), String> {
    let (last, parents) = path.split_last().ok_or("empty setting name")?;
    let mut table = tree;
    for p in parents {
        table = table
            .entry(p.clone())
            .or_insert_with(|| toml::Value::Table(Default::default()))
            .as_table_mut()
            .ok_or_else(|| format!("`{p}` is not a section"))?;
    }
    let value = match table.get(last) {
        Some(toml::Value::String(_)) | None => parse_loose(raw),
        Some(existing) => {
            let parsed = parse_loose(raw);
            if std::mem::discriminant(existing) != std::mem::discriminant(&parsed) {
                return Err(format!("expected a {}, got `{raw}`", existing.type_str()));
            }
            parsed
        }
    };
    let value = match (table.get(last), value) {
        // Keep strings as strings even when they look like numbers ("8080").
        (Some(toml::Value::String(_)), _) => toml::Value::String(raw.into()),
        (_, v) => v,
    };
    table.insert(last.clone(), value);
    Ok(())
}

/// Reads a value as TOML when it is one (numbers, booleans, arrays), else as a string.
fn parse_loose(raw: &str) -> toml::Value {
    format!("v = {raw}")
        .parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(raw.into()))
}

/// Deep-merges `overlay` into `base`.
fn merge(base: &mut toml::Table, overlay: toml::Table) {
    for (k, v) in overlay {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn defaults_without_file() {
        let c = Config::load_from(None, env(&[])).unwrap();
        assert_eq!(c.server.listen, "127.0.0.1:8080");
        assert_eq!(c.jobs.workers, 2);
    }

    #[test]
    fn environment_overrides_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        std::fs::write(&f, "[jobs]\nworkers = 5\nlease_secs = 9\n").unwrap();
        let c = Config::load_from(
            Some(&f),
            env(&[
                ("DOCVERIFY_JOBS__WORKERS", "7"),
                ("DOCVERIFY_LISTEN", "0.0.0.0:9000"),
                ("DOCVERIFY_DATA_DIR", "/tmp/x"),
                ("HOME", "/root"),
            ]),
        )
        .unwrap();
        assert_eq!(c.jobs.workers, 7);
        assert_eq!(c.jobs.lease_secs, 9);
        assert_eq!(c.server.listen, "0.0.0.0:9000");
        assert_eq!(c.storage.data_dir, PathBuf::from("/tmp/x"));
    }

    #[test]
    fn bad_values_are_named() {
        let e = Config::load_from(None, env(&[("DOCVERIFY_JOBS__WORKERS", "many")])).unwrap_err();
        assert!(e.to_string().contains("DOCVERIFY_JOBS__WORKERS"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        std::fs::write(&f, "[jobs]\nworkerz = 5\n").unwrap();
        let e = Config::load_from(Some(&f), env(&[])).unwrap_err();
        assert!(e.to_string().contains("workerz"), "{e}");
    }
}

#[cfg(test)]
mod example_file {
    use super::*;

    /// Every key path in a TOML tree, e.g. `jobs.workers`.
    fn keys(t: &toml::Table, prefix: &str, out: &mut Vec<String>) {
        for (k, v) in t {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(inner) if !inner.is_empty() => keys(inner, &path, out),
                // An empty table (e.g. per-plugin settings) is documented by its header.
                toml::Value::Table(_) => out.push(format!("[{path}")),
                _ => out.push(path),
            }
        }
    }

    #[test]
    fn the_documented_example_parses_and_mentions_every_setting() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/docverify.example.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        Config::load_from(Some(&path), Vec::new()).expect("example parses");
        let mut all = vec![];
        keys(
            &toml::Table::try_from(Config::default()).unwrap(),
            "",
            &mut all,
        );
        for key in all {
            let leaf = key.rsplit('.').next().unwrap();
            let documented = if key.starts_with('[') {
                text.contains(&key)
            } else {
                text.contains(&format!("{leaf} ="))
            };
            assert!(
                documented,
                "deploy/docverify.example.toml does not document `{key}`"
            );
        }
    }
}
