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

    /// Whether nothing is granted (the plugin can only compute).
    pub fn is_empty(&self) -> bool {
        self.lookup.is_none()
    }

    /// The names of the capabilities in force, for listings.
    pub fn names(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(g) = &self.lookup {
            v.push(format!("{LOOKUP}({})", g.hosts.join(",")));
        }
        v
    }

    /// Whether `lookup` of `url` is allowed; the error says why not. `plain_http` says whether
    /// the provider allows plain `http` to a host (https is always required otherwise).
    pub fn authorize_lookup(
        &self,
        url: &str,
        plain_http: impl Fn(&str) -> bool,
    ) -> Result<reqwest::Url, String> {
        let Some(grant) = &self.lookup else {
            return Err("capability `lookup` is not granted to this plugin".into());
        };
        let parsed = reqwest::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
        let host = parsed
            .host_str()
            .unwrap_or_default()
            .trim_end_matches('.')
            .to_ascii_lowercase();
        match parsed.scheme() {
            "https" => {}
            "http" if plain_http(&host) => {}
            "http" => {
                return Err(format!(
                    "plain http to `{host}` is not allowed (https only unless [lookup.hosts] allows it)"
                ));
            }
            other => return Err(format!("scheme `{other}` is not allowed (https only)")),
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err("URLs with credentials are not allowed".into());
        }
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
    /// Where the answer finally came from, when redirects led elsewhere.
    pub final_url: Option<String>,
    /// Whether the answer was reused from the provider's cache (fetched earlier).
    pub cached: bool,
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

    /// Whether plain `http` to `host` is configured (https only by default).
    fn plain_http_allowed(&self, _host: &str) -> bool {
        false
    }
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

    /// Starts the record of one attempt (time of the request) and returns its index. A call
    /// cut short by the plugin's wall timeout keeps this record, saying no answer came.
    fn begin(&mut self, url: &str) -> usize {
        self.records.push(LookupRecord {
            plugin: self.plugin.clone(),
            url: crate::verify::host::truncate(url, 2000),
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            status: None,
            digest: None,
            final_url: None,
            cached: false,
            error: Some("no answer: the plugin call ended before the lookup did".into()),
        });
        self.records.len() - 1
    }

    fn fail(&mut self, i: usize, error: String) {
        self.records[i].error = Some(error);
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
        let i = self.begin(&url);
        let backend = self.services.lookup.clone();
        // Offline there is no provider to say which hosts allow plain http: let the grant
        // decide, so the plugin hears "unavailable" rather than a misleading scheme refusal.
        let plain_http = |host: &str| backend.as_ref().is_none_or(|b| b.plain_http_allowed(host));
        let parsed = match self.granted.authorize_lookup(&url, plain_http) {
            Ok(u) => u,
            Err(why) => {
                tracing::warn!(plugin = %self.plugin, submission = %self.submission, %url, %why, "lookup denied");
                self.fail(i, format!("denied: {why}"));
                return Ok(Err(CapabilityError::Denied(why)));
            }
        };
        let Some(backend) = backend else {
            let why = "no lookup provider is configured on this host (offline)".to_string();
            tracing::info!(plugin = %self.plugin, submission = %self.submission, %url, "lookup unavailable (offline)");
            self.fail(i, format!("unavailable: {why}"));
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
                let r = &mut self.records[i];
                r.status = Some(answer.status);
                r.digest = Some(hex::encode(Sha256::digest(&answer.body)));
                r.final_url = answer.final_url.clone();
                r.cached = answer.cached;
                r.error = None;
                Ok(Ok(super::host::docverify::plugin::lookup::Response {
                    status: answer.status,
                    content_type: answer.content_type,
                    body: answer.body,
                }))
            }
            Err(LookupFailure::Refused(why)) => {
                self.fail(i, format!("refused: {why}"));
                Ok(Err(CapabilityError::Denied(why)))
            }
            Err(LookupFailure::Failed(why)) => {
                self.fail(i, format!("failed: {why}"));
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
        assert!(
            g.authorize_lookup("https://registry.example/", |_| false)
                .is_err()
        );
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
        assert!(
            g.authorize_lookup("https://registry.example/q?c=1", |_| false)
                .is_ok()
        );
        for bad in [
            "http://registry.example/",
            "https://registry.example.evil.test/",
            "https://user:pw@registry.example/",
            "https://127.0.0.1/",
            "file:///etc/passwd",
            "not a url",
        ] {
            assert!(g.authorize_lookup(bad, |_| false).is_err(), "{bad}");
        }
        // Plain http only where the provider allows it.
        assert!(
            g.authorize_lookup("http://registry.example/", |h| h == "registry.example")
                .is_ok()
        );
        for bad in ["ftp://registry.example/", "http://other.example/"] {
            assert!(g.authorize_lookup(bad, |_| true).is_err(), "{bad}");
        }
    }
}
