//! The `lookup` capability's provider: HTTP GETs the host makes for a plugin, to hosts the
//! configuration grants, hardened against server-side request forgery.
//!
//! A plugin never opens a socket; it asks the host (`docverify:plugin/lookup.fetch`). The
//! granter (`verify::capability`) checks the plugin's grant list; this module then
//!
//! - allows `https`, and plain `http` only for hosts configured with `http = true`;
//! - resolves the name itself (a custom resolver, no proxy) and refuses loopback, private,
//!   link-local, metadata and other non-public addresses unless that exact host is configured
//!   `local = true`, so a granted name pointing at the LAN is refused at connect time;
//! - follows redirects by hand, each hop checked again (scheme, grant list, addresses);
//! - bounds the connect time, the whole lookup's time and the answer's size;
//! - keeps answers for a while (TTL cache) and rate-limits each host (token bucket);
//! - logs every lookup with the submission id; the report's provenance records it.
//!
//! Settings are `[lookup]` in the configuration ([`LookupConfig`]); the allow-list itself is
//! the per-plugin grant (`[plugins.plugin.<id>.grants.lookup] hosts`).

pub mod address;
mod cache;
mod rate;

use std::collections::{BTreeMap, HashSet};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::verify::capability::{LookupAnswer, LookupBackend, LookupCall, LookupFailure};
use cache::TtlCache;
use rate::RateLimits;

/// `[lookup]` in the configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LookupConfig {
    /// Make granted lookups at all. Off: granted lookups answer `unavailable` (offline mode)
    /// and rules that need them say `review`.
    pub enabled: bool,
    /// Time to establish a connection, in milliseconds.
    pub connect_timeout_ms: u64,
    /// Time for a whole lookup (rate-limit wait, DNS, connect, redirects, body), in
    /// milliseconds. Keep it below `[plugins] wall_timeout_ms`, which bounds the plugin call.
    pub timeout_ms: u64,
    /// Largest answer read, in bytes; a longer answer is cut off and the lookup fails.
    pub max_response_bytes: u64,
    /// Redirects followed (each hop is checked like the first request); 0: none.
    pub max_redirects: u32,
    /// How long an answer is reused for the same URL, in seconds; 0: no cache.
    pub cache_ttl_secs: u64,
    /// Most answers kept in the cache.
    pub cache_max_entries: usize,
    /// Requests per minute to one host, unless the host says otherwise; 0: unlimited.
    pub rate_per_minute: u32,
    /// Requests to one host that may go at once before the rate applies.
    pub burst: u32,
    /// `User-Agent` sent with every lookup.
    pub user_agent: String,
    /// Per-host settings (`[lookup.hosts."registry.example"]`), exact lower-case names.
    pub hosts: BTreeMap<String, HostSettings>,
}

impl Default for LookupConfig {
    fn default() -> Self {
        LookupConfig {
            enabled: true,
            connect_timeout_ms: 2_000,
            timeout_ms: 3_000,
            max_response_bytes: 1 << 20,
            max_redirects: 3,
            cache_ttl_secs: 600,
            cache_max_entries: 1_000,
            rate_per_minute: 30,
            burst: 5,
            user_agent: concat!("docverify/", env!("CARGO_PKG_VERSION")).into(),
            hosts: BTreeMap::new(),
        }
    }
}

/// Settings of one host (`[lookup.hosts."<name>"]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HostSettings {
    /// This exact host may resolve to loopback or private addresses (a registry on the LAN,
    /// the development emulator). Never set it for a public registry.
    pub local: bool,
    /// Plain `http://` is allowed for this host (otherwise https only).
    pub http: bool,
    /// Requests per minute to this host (default: `[lookup] rate_per_minute`).
    pub rate_per_minute: Option<u32>,
    /// Burst for this host (default: `[lookup] burst`).
    pub burst: Option<u32>,
}

/// The reqwest-based [`LookupBackend`].
#[derive(Clone)]
pub struct HttpLookup {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    config: LookupConfig,
    cache: Mutex<TtlCache>,
    rates: Mutex<RateLimits>,
}

impl std::fmt::Debug for HttpLookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpLookup")
            .field("config", &self.inner.config)
            .finish()
    }
}

/// A resolution refused because of where the name points (found in reqwest's error chain).
#[derive(Debug)]
struct AddressRefused(String);

impl std::fmt::Display for AddressRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AddressRefused {}

/// The resolver reqwest connects through: resolves, then refuses non-public addresses for
/// hosts not configured local. Checking here (not before the request) leaves no window for a
/// name to change its answer between the check and the connection.
struct GuardedResolver {
    local: HashSet<String>,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().trim_end_matches('.').to_ascii_lowercase();
        let local = self.local.contains(&host);
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !local {
                for a in &addrs {
                    if let Some(why) = address::non_public_reason(a.ip()) {
                        return Err(Box::new(AddressRefused(format!(
                            "`{host}` resolves to {}, {why}; refused (configure the host as local only if it really is on your network)",
                            a.ip()
                        )))
                            as Box<dyn std::error::Error + Send + Sync>);
                    }
                }
            }
            if addrs.is_empty() {
                return Err(format!("`{host}` does not resolve").into());
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

impl HttpLookup {
    /// Builds the client (no proxy, no automatic redirects, the guarded resolver). The total
    /// time is bounded around the whole lookup (redirects and rate-limit wait included), not
    /// per request.
    pub fn new(config: &LookupConfig) -> anyhow::Result<HttpLookup> {
        let mut config = config.clone();
        config.hosts = config
            .hosts
            .into_iter()
            .map(|(h, s)| (h.trim().trim_end_matches('.').to_ascii_lowercase(), s))
            .collect();
        let local = config
            .hosts
            .iter()
            .filter(|(_, s)| s.local)
            .map(|(h, _)| h.clone())
            .collect();
        let client = reqwest::Client::builder()
            // A proxy would resolve and connect for us, past the address checks.
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(GuardedResolver { local }))
            .connect_timeout(Duration::from_millis(config.connect_timeout_ms.max(1)))
            .user_agent(config.user_agent.clone())
            .https_only(false)
            .build()
            .map_err(|e| anyhow::anyhow!("building the lookup HTTP client: {e}"))?;
        let cache = TtlCache::new(
            Duration::from_secs(config.cache_ttl_secs),
            config.cache_max_entries,
        );
        Ok(HttpLookup {
            inner: Arc::new(Inner {
                client,
                config,
                cache: Mutex::new(cache),
                rates: Mutex::new(RateLimits::default()),
            }),
        })
    }
}

impl LookupBackend for HttpLookup {
    fn fetch(&self, call: LookupCall) -> BoxFuture<'static, Result<LookupAnswer, LookupFailure>> {
        let inner = self.inner.clone();
        Box::pin(async move {
            let started = Instant::now();
            let total = Duration::from_millis(inner.config.timeout_ms.max(1));
            let result =
                match tokio::time::timeout(total, inner.fetch(&call, started + total)).await {
                    Ok(r) => r,
                    Err(_) => Err(LookupFailure::Failed(format!(
                        "no answer within {} ms",
                        inner.config.timeout_ms
                    ))),
                };
            let elapsed_ms = started.elapsed().as_millis() as u64;
            match &result {
                Ok(a) => tracing::info!(
                    submission = %call.submission,
                    plugin = %call.plugin,
                    url = %call.url,
                    final_url = a.final_url.as_deref().unwrap_or(""),
                    status = a.status,
                    bytes = a.body.len(),
                    digest = %hex::encode(Sha256::digest(&a.body)),
                    cached = a.cached,
                    elapsed_ms,
                    "lookup answered"
                ),
                Err(LookupFailure::Refused(why)) => tracing::warn!(
                    submission = %call.submission, plugin = %call.plugin, url = %call.url,
                    %why, elapsed_ms, "lookup refused"
                ),
                Err(LookupFailure::Failed(why)) => tracing::warn!(
                    submission = %call.submission, plugin = %call.plugin, url = %call.url,
                    %why, elapsed_ms, "lookup failed"
                ),
            }
            result
        })
    }

    fn plain_http_allowed(&self, host: &str) -> bool {
        self.inner.settings(host).is_some_and(|s| s.http)
    }
}

impl Inner {
    fn settings(&self, host: &str) -> Option<&HostSettings> {
        self.config.hosts.get(host)
    }

    /// Checks one hop's URL before anything is sent: scheme, grant, IP literals.
    fn check_hop(&self, url: &reqwest::Url, grant: &[String]) -> Result<String, LookupFailure> {
        let refuse = |why: String| Err(LookupFailure::Refused(why));
        if !matches!(url.scheme(), "http" | "https") {
            return refuse(format!("scheme `{}` is not allowed", url.scheme()));
        }
        let Some(host) = url
            .host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
            .filter(|h| !h.is_empty())
        else {
            return refuse(format!("`{url}` has no host"));
        };
        let settings = self.settings(&host);
        match url.scheme() {
            "https" => {}
            "http" if settings.is_some_and(|s| s.http) => {}
            "http" => {
                return refuse(format!(
                    "plain http to `{host}` is not allowed (https only unless the host is configured with http = true)"
                ));
            }
            other => return refuse(format!("scheme `{other}` is not allowed")),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return refuse("URLs with credentials are not allowed".into());
        }
        if !grant.iter().any(|g| g == &host) {
            return refuse(format!("host `{host}` is not granted to this plugin"));
        }
        // The URL parser has already normalised IP literals (`[::1]`, dotted IPv4).
        let literal: Option<IpAddr> = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(&host)
            .parse()
            .ok();
        if let Some(ip) = literal
            && !settings.is_some_and(|s| s.local)
            && let Some(why) = address::non_public_reason(ip)
        {
            return refuse(format!(
                "{ip} is {why}; refused (configure the host as local only if it really is on your network)"
            ));
        }
        Ok(host)
    }

    /// Waits for the host's rate limit, or fails when the wait would pass the deadline.
    async fn take_rate(&self, host: &str, deadline: Instant) -> Result<(), LookupFailure> {
        let s = self.settings(host);
        let per_minute = s
            .and_then(|s| s.rate_per_minute)
            .unwrap_or(self.config.rate_per_minute);
        let burst = s.and_then(|s| s.burst).unwrap_or(self.config.burst);
        let now = Instant::now();
        let max_wait = deadline.saturating_duration_since(now);
        let wait = self
            .rates
            .lock()
            .map_err(|_| LookupFailure::Failed("rate limiter unavailable".into()))?
            .reserve(host, per_minute, burst, now, max_wait);
        match wait {
            Some(w) if w.is_zero() => Ok(()),
            Some(w) => {
                tokio::time::sleep(w).await;
                Ok(())
            }
            None => Err(LookupFailure::Failed(format!(
                "rate limit for `{host}` ({per_minute}/min) reached"
            ))),
        }
    }

    async fn fetch(
        &self,
        call: &LookupCall,
        deadline: Instant,
    ) -> Result<LookupAnswer, LookupFailure> {
        let key = call.url.as_str().to_string();
        if let Some(mut hit) = self
            .cache
            .lock()
            .ok()
            .and_then(|mut c| c.get(&key, Instant::now()))
        {
            hit.cached = true;
            return Ok(hit);
        }
        let mut url = call.url.clone();
        let mut hops = 0;
        loop {
            let host = self.check_hop(&url, &call.grant.hosts)?;
            self.take_rate(&host, deadline).await?;
            let response = self
                .client
                .get(url.clone())
                .send()
                .await
                .map_err(|e| classify(&e))?;
            let status = response.status();
            if status.is_redirection() {
                let Some(location) = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|l| l.to_str().ok())
                else {
                    return Err(LookupFailure::Failed(format!(
                        "HTTP {} without a Location",
                        status.as_u16()
                    )));
                };
                let next = url.join(location).map_err(|e| {
                    LookupFailure::Refused(format!("redirect to an invalid URL ({e})"))
                })?;
                hops += 1;
                if hops > self.config.max_redirects {
                    return Err(LookupFailure::Failed(format!(
                        "more than {} redirects",
                        self.config.max_redirects
                    )));
                }
                tracing::info!(submission = %call.submission, from = %url, to = %next, "lookup redirected");
                // Each hop passes the same checks as the first request.
                url = next;
                self.check_hop(&url, &call.grant.hosts)
                    .map_err(|f| match f {
                        LookupFailure::Refused(why) => {
                            LookupFailure::Refused(format!("redirect refused: {why}"))
                        }
                        other => other,
                    })?;
                continue;
            }
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let body = read_capped(response, self.config.max_response_bytes).await?;
            let answer = LookupAnswer {
                status: status.as_u16(),
                content_type,
                body,
                final_url: (url != call.url).then(|| url.to_string()),
                cached: false,
            };
            // Server errors and throttling are passing states: ask again next time.
            if !(status.is_server_error() || status.as_u16() == 429)
                && let Ok(mut c) = self.cache.lock()
            {
                c.put(&key, answer.clone(), Instant::now());
            }
            return Ok(answer);
        }
    }
}

/// Reads at most `cap` bytes of the body; more is an error (the answer is cut off).
async fn read_capped(mut response: reqwest::Response, cap: u64) -> Result<Vec<u8>, LookupFailure> {
    if let Some(len) = response.content_length()
        && len > cap
    {
        return Err(LookupFailure::Failed(format!(
            "answer of {len} bytes is over the {cap}-byte cap; not read"
        )));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e))? {
        if body.len() as u64 + chunk.len() as u64 > cap {
            return Err(LookupFailure::Failed(format!(
                "answer cut off at the {cap}-byte cap"
            )));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A reqwest error as the plugin sees it: refused (our address check) or failed.
fn classify(e: &reqwest::Error) -> LookupFailure {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(refused) = s.downcast_ref::<AddressRefused>() {
            return LookupFailure::Refused(refused.0.clone());
        }
        source = s.source();
    }
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    // The innermost cause says most (e.g. "Connection refused").
    let mut root: &dyn std::error::Error = e;
    while let Some(s) = root.source() {
        root = s;
    }
    LookupFailure::Failed(format!("{what}: {root}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_section_is_safe() {
        let c: LookupConfig = toml::from_str("").unwrap();
        assert_eq!(c, LookupConfig::default());
        assert!(c.hosts.is_empty());
        assert!(c.timeout_ms < crate::verify::PluginsConfig::default().wall_timeout_ms);
    }

    #[test]
    fn hops_are_checked() {
        let c: LookupConfig = toml::from_str(
            r#"
            [hosts."local.test"]
            local = true
            http = true
            [hosts."10.0.0.1"]
            "#,
        )
        .unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let l = rt.block_on(async { HttpLookup::new(&c).unwrap() });
        let grant: Vec<String> = ["local.test", "10.0.0.1", "public.test", "[::1]"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let check = |u: &str| l.inner.check_hop(&reqwest::Url::parse(u).unwrap(), &grant);
        assert!(check("http://local.test:8080/x").is_ok());
        assert!(check("https://public.test/x").is_ok());
        for (bad, says) in [
            ("http://public.test/", "plain http"),
            ("https://10.0.0.1/", "private"),
            ("https://[::1]/", "loopback"),
            ("https://other.test/", "not granted"),
            ("file:///etc/passwd", "scheme"),
            ("https://u:p@public.test/", "credentials"),
        ] {
            match check(bad) {
                Err(LookupFailure::Refused(why)) => assert!(why.contains(says), "{bad}: {why}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        assert!(l.plain_http_allowed("local.test"));
        assert!(!l.plain_http_allowed("public.test"));
    }
}
