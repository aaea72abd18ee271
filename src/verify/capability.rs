//! The capability granter: a plugin's metadata asks, the configuration grants, the host checks
//! every call. Nothing is granted by default, and a call outside the grant is an error the
//! plugin sees (`capability-error::denied`), recorded in the report's provenance.
//!
//! A capability is three pieces: a WIT interface under `plugins/wit/<version>/` (e.g. `lookup`),
//! a field of [`Grants`] holding what the operator allows, and a provider in [`HostServices`]
//! that does the work once the granter has said yes. `lookup` has its granter and call path
//! here; its provider (HTTPS through reqwest, address checks, caching, rate limits) plugs in
//! as a [`LookupBackend`]. Without one, granted calls answer `unavailable` (offline mode).

use std::sync::Arc;

use futures::future::BoxFuture;
use sha2::{Digest, Sha256};

use super::config::{Grants, LookupGrant};
use super::host::wit::CapabilityError;
use crate::report::LookupRecord;

/// The capability names the host knows, as a plugin writes them in its metadata.
pub const KNOWN_CAPABILITIES: &[&str] = &[LOOKUP];
/// `lookup`: HTTP GETs made by the host.
pub const LOOKUP: &str = "lookup";

/// What one plugin may do: what it asked for, narrowed to what the configuration grants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Granted {
    /// The `lookup` grant, when asked for and granted.
    pub lookup: Option<LookupGrant>,
}

impl Granted {
    /// Intersects the plugin's requests with the configured grants. Returns the grants in
    /// force and notes for the operator (a grant nobody asked for, an unknown capability).
    pub fn resolve(requested: &[String], grants: &Grants) -> (Granted, Vec<String>) {
        let mut notes = Vec::new();
        for name in requested {
            if !KNOWN_CAPABILITIES.contains(&name.as_str()) {
                notes.push(format!("asks for unknown capability `{name}` (ignored)"));
            }
        }
        let asked = |name: &str| requested.iter().any(|r| r == name);
        let lookup = match &grants.lookup {
            Some(g) if asked(LOOKUP) => Some(LookupGrant {
                hosts: g
                    .hosts
                    .iter()
                    .map(|h| h.trim().to_ascii_lowercase())
                    .collect(),
            }),
            Some(_) => {
                notes.push("is granted `lookup` but does not ask for it (grant ignored)".into());
                None
            }
            None => None,
        };
        (Granted { lookup }, notes)
    }

    /// The names of the capabilities in force, for listings.
    pub fn names(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(g) = &self.lookup {
            v.push(format!("{LOOKUP}({})", g.hosts.join(",")));
        }
        v
    }

    /// Whether `lookup` of `url` is allowed; the error says why not.
    pub fn authorize_lookup(&self, url: &str) -> Result<reqwest::Url, String> {
        let Some(grant) = &self.lookup else {
            return Err("capability `lookup` is not granted to this plugin".into());
        };
        let parsed = reqwest::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
        if parsed.scheme() != "https" {
            return Err(format!(
                "scheme `{}` is not allowed (https only)",
                parsed.scheme()
            ));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err("URLs with credentials are not allowed".into());
        }
        let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
        if !grant.hosts.contains(&host) {
            return Err(format!("host `{host}` is not granted to this plugin"));
        }
        Ok(parsed)
    }
}

/// A granted lookup about to be made.
#[derive(Debug, Clone)]
pub struct LookupCall {
    /// `id@version` of the plugin asking.
    pub plugin: String,
    /// The submission being verified (for the log).
    pub submission: String,
    /// The URL, already checked against the grant.
    pub url: reqwest::Url,
    /// The grant it was checked against.
    pub grant: LookupGrant,
}

/// What a lookup answered.
#[derive(Debug, Clone)]
pub struct LookupAnswer {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Why a granted lookup did not answer (the plugin sees the text).
#[derive(Debug, Clone)]
pub enum LookupFailure {
    /// Refused after the grant check (e.g. the name resolves to a private address).
    Refused(String),
    /// Tried and failed (timeout, connection, too large …).
    Failed(String),
}

/// Does granted lookups. The HTTP implementation (issue 7) lives outside this module.
pub trait LookupBackend: Send + Sync + 'static {
    /// Performs one GET.
    fn fetch(&self, call: LookupCall) -> BoxFuture<'static, Result<LookupAnswer, LookupFailure>>;
}

/// Providers of the capabilities, shared by all calls.
#[derive(Clone, Default)]
pub struct HostServices {
    /// The `lookup` provider; `None`: granted lookups answer `unavailable`.
    pub lookup: Option<Arc<dyn LookupBackend>>,
}

impl std::fmt::Debug for HostServices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostServices")
            .field("lookup", &self.lookup.is_some())
            .finish()
    }
}

/// Most lookups one call may make: a plugin looping on lookups is cut off.
const MAX_LOOKUPS_PER_CALL: usize = 16;

/// The `lookup` interface for one call: checks the grant, calls the provider, keeps records.
pub struct LookupHost {
    plugin: String,
    submission: String,
    granted: Granted,
    services: Arc<HostServices>,
    /// Every attempt, for the report's provenance.
    pub records: Vec<LookupRecord>,
}

impl LookupHost {
    /// The lookup state of one call of `plugin` (`id@version`) for `submission`.
    pub fn new(
        plugin: &str,
        submission: &str,
        granted: Granted,
        services: Arc<HostServices>,
    ) -> LookupHost {
        LookupHost {
            plugin: plugin.into(),
            submission: submission.into(),
            granted,
            services,
            records: Vec::new(),
        }
    }

    fn record(
        &mut self,
        url: &str,
        status: Option<u16>,
        body: Option<&[u8]>,
        error: Option<String>,
    ) {
        self.records.push(LookupRecord {
            plugin: self.plugin.clone(),
            url: crate::verify::host::truncate(url, 2000),
            at: chrono::Utc::now().to_rfc3339(),
            status,
            digest: body.map(|b| hex::encode(Sha256::digest(b))),
            error,
        });
    }

    /// `lookup.fetch`: the WIT call.
    pub async fn fetch(
        &mut self,
        url: String,
    ) -> wasmtime::Result<Result<super::host::docverify::plugin::lookup::Response, CapabilityError>>
    {
        if self.records.len() >= MAX_LOOKUPS_PER_CALL {
            // Trap rather than answer: a plugin that keeps asking would otherwise loop.
            wasmtime::bail!("more than {MAX_LOOKUPS_PER_CALL} lookups in one call");
        }
        let parsed = match self.granted.authorize_lookup(&url) {
            Ok(u) => u,
            Err(why) => {
                tracing::warn!(plugin = %self.plugin, submission = %self.submission, %url, %why, "lookup denied");
                self.record(&url, None, None, Some(format!("denied: {why}")));
                return Ok(Err(CapabilityError::Denied(why)));
            }
        };
        let Some(backend) = self.services.lookup.clone() else {
            let why = "no lookup provider is configured on this host (offline)".to_string();
            self.record(&url, None, None, Some(format!("unavailable: {why}")));
            return Ok(Err(CapabilityError::Unavailable(why)));
        };
        let call = LookupCall {
            plugin: self.plugin.clone(),
            submission: self.submission.clone(),
            url: parsed,
            grant: self.granted.lookup.clone().unwrap_or_default(),
        };
        tracing::info!(plugin = %self.plugin, submission = %self.submission, %url, "lookup");
        match backend.fetch(call).await {
            Ok(answer) => {
                self.record(&url, Some(answer.status), Some(&answer.body), None);
                Ok(Ok(super::host::docverify::plugin::lookup::Response {
                    status: answer.status,
                    content_type: answer.content_type,
                    body: answer.body,
                }))
            }
            Err(LookupFailure::Refused(why)) => {
                self.record(&url, None, None, Some(format!("refused: {why}")));
                Ok(Err(CapabilityError::Denied(why)))
            }
            Err(LookupFailure::Failed(why)) => {
                self.record(&url, None, None, Some(format!("failed: {why}")));
                Ok(Err(CapabilityError::Failed(why)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grants(hosts: &[&str]) -> Grants {
        Grants {
            lookup: Some(LookupGrant {
                hosts: hosts.iter().map(|h| h.to_string()).collect(),
            }),
        }
    }

    #[test]
    fn nothing_is_granted_by_default() {
        let (g, notes) = Granted::resolve(&["lookup".into()], &Grants::default());
        assert_eq!(g, Granted::default());
        assert!(notes.is_empty());
        assert!(g.authorize_lookup("https://registry.example/").is_err());
    }

    #[test]
    fn a_grant_needs_a_request() {
        let (g, notes) = Granted::resolve(&[], &grants(&["registry.example"]));
        assert_eq!(g.lookup, None);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn only_granted_https_hosts_pass() {
        let (g, _) = Granted::resolve(&["lookup".into()], &grants(&["Registry.Example"]));
        assert!(g.authorize_lookup("https://registry.example/q?c=1").is_ok());
        for bad in [
            "http://registry.example/",
            "https://registry.example.evil.test/",
            "https://user:pw@registry.example/",
            "https://127.0.0.1/",
            "file:///etc/passwd",
            "not a url",
        ] {
            assert!(g.authorize_lookup(bad).is_err(), "{bad}");
        }
    }
}
