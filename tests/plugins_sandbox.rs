//! Hostile plugins are contained: each misbehaviour becomes a finding saying what happened,
//! the other plugins answer as usual, and the caller's async runtime keeps running.

mod plugins_support;

use docverify::model::Status;
use docverify::verify::{FailurePolicy, LookupGrant, PluginSettings, PluginsConfig, Verifier};
use plugins_support::*;
use serde_json::json;

/// A verifier with the built-ins and the hostile plugin in `mode`.
fn hostile(
    mode: &str,
    tweak: impl FnOnce(&mut PluginsConfig, &mut PluginSettings),
) -> (Verifier, tempfile::TempDir) {
    let dir = plugin_dir(&["hostile"]);
    let mut c = config();
    c.dir = Some(dir.path().into());
    c.deadline_ms = 300;
    c.memory_mib = 32;
    let mut s = PluginSettings::default();
    s.parameters.insert("mode".into(), json!(mode));
    tweak(&mut c, &mut s);
    c.plugin.insert("hostile".into(), s);
    (Verifier::new(&c).expect("loads"), dir)
}

/// Runs a clean lease through the verifier; returns the hostile plugin's finding and checks
/// that the built-ins answered normally beside it.
fn hostile_finding(v: &Verifier) -> docverify::model::Finding {
    let out = run(
        v,
        input(
            APPLICANT,
            vec![
                lease(
                    "l1",
                    "山西龙城置业有限公司",
                    APPLICANT,
                    "2020-01-01",
                    "2024-12-31",
                )
                .build(),
            ],
        ),
    );
    assert_eq!(
        statuses(&out, "lease.term"),
        [Status::Pass],
        "the built-ins are unaffected"
    );
    assert_eq!(statuses(&out, "name.consistency"), [Status::Pass]);
    only(&out, "test.hostile").clone()
}

#[test]
fn a_well_behaved_call_passes() {
    let (v, _d) = hostile("ok", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Pass);
    assert_eq!(f.plugin, "hostile@0.1.0");
}

#[test]
fn an_endless_loop_is_stopped_at_the_cpu_deadline() {
    let (v, _d) = hostile("loop", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("cpu-deadline"), "{}", f.message.en);
    assert!(f.message.zh.contains("CPU"), "{}", f.message.zh);
}

#[test]
fn every_plugin_keeps_its_place_and_its_own_call_time_beside_a_spinning_one() {
    // Calls share a few tasks per submission (lanes); order and timing stay per plugin.
    let (v, _d) = hostile("loop", |_, _| {});
    let out = run(&v, input(APPLICANT, vec![]));
    let loaded: Vec<String> = v.plugins().iter().map(|p| p.id.clone()).collect();
    let ran: Vec<String> = out.plugins.iter().map(|p| p.id.clone()).collect();
    assert_eq!(ran, loaded, "provenance in load order");
    assert_eq!(out.call_times.len(), out.plugins.len());
    let (_, spun) = out
        .plugins
        .iter()
        .zip(&out.call_times)
        .find(|(p, _)| p.id == "hostile")
        .expect("the hostile plugin ran");
    // A CPU budget of 300 ms is 60 epoch ticks of at least 5 ms each.
    assert!(
        spun.as_millis() >= 300,
        "the loop ran to its deadline: {spun:?}"
    );
}

#[test]
fn an_endless_loop_hits_the_wall_clock_timeout_first_when_that_is_shorter() {
    let (v, _d) = hostile("loop", |c, _| {
        c.deadline_ms = 60_000;
        c.wall_timeout_ms = 200;
    });
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("wall-timeout"), "{}", f.message.en);
}

#[test]
fn an_endless_loop_runs_out_of_fuel_when_fuel_is_set() {
    let (v, _d) = hostile("loop", |c, s| {
        c.deadline_ms = 60_000;
        s.fuel = Some(5_000_000);
    });
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("fuel-exhausted"), "{}", f.message.en);
}

#[test]
fn a_memory_bomb_hits_the_memory_cap() {
    let (v, _d) = hostile("memory", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("memory-limit"), "{}", f.message.en);
}

#[test]
fn deep_recursion_is_contained() {
    // Rust's stack lives in linear memory: running off it is an out-of-bounds access.
    let (v, _d) = hostile("recursion", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(
        f.message.en.contains("stack overflowed"),
        "{}",
        f.message.en
    );
    // Recursion in wasm locals exhausts the engine's stack instead.
    let (v, _d) = hostile("deep-calls", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("stack-overflow"), "{}", f.message.en);
}

#[test]
fn a_panic_is_a_trap_and_the_policy_decides_the_status() {
    let (v, _d) = hostile("panic", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("trap"), "{}", f.message.en);
    let (v, _d) = hostile("panic", |_, s| s.on_failure = Some(FailurePolicy::Fail));
    assert_eq!(hostile_finding(&v).status, Status::Fail);
    let (v, _d) = hostile("panic", |c, _| c.on_failure = FailurePolicy::Skip);
    assert_eq!(hostile_finding(&v).status, Status::NotApplicable);
}

#[test]
fn a_plugin_cannot_speak_for_another_rule() {
    let (v, _d) = hostile("foreign-rule", |_, _| {});
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Review);
    assert!(f.message.en.contains("undeclared rule"), "{}", f.message.en);
}

#[test]
fn a_flood_of_output_is_bounded_and_the_call_still_answers() {
    let (v, _d) = hostile("chatter", |c, _| c.deadline_ms = 5_000);
    let f = hostile_finding(&v);
    assert_eq!(f.status, Status::Pass, "{}", f.message.en);
}

#[test]
fn an_ungranted_capability_call_is_an_error_the_plugin_sees() {
    let (v, _d) = hostile("lookup", |_, _| {});
    let info = v
        .plugins()
        .into_iter()
        .find(|p| p.id == "hostile")
        .unwrap()
        .clone();
    assert_eq!(info.capabilities[0].name, "lookup", "the manifest asks");
    assert!(info.granted.is_empty(), "nothing is granted by default");
    let out = run(&v, input(APPLICANT, vec![]));
    let f = only(&out, "test.hostile");
    assert!(
        f.message.en.starts_with("lookup denied"),
        "{}",
        f.message.en
    );
    assert_eq!(out.lookups.len(), 1);
    assert!(
        out.lookups[0]
            .error
            .as_deref()
            .unwrap()
            .starts_with("denied"),
        "{:?}",
        out.lookups[0]
    );
    assert_eq!(out.lookups[0].plugin, "hostile@0.1.0");
}

#[test]
fn a_granted_capability_without_a_provider_is_unavailable() {
    let (v, _d) = hostile("lookup", |_, s| {
        s.grants.lookup = Some(LookupGrant {
            hosts: vec!["registry.example".into()],
        })
    });
    let out = run(&v, input(APPLICANT, vec![]));
    let f = only(&out, "test.hostile");
    assert!(
        f.message.en.starts_with("lookup unavailable"),
        "{}",
        f.message.en
    );
}

#[test]
fn wasi_filesystem_and_sockets_imports_are_refused_at_load() {
    let dir = plugin_dir(&["wasi_filesystem", "wasi_sockets", "hostile"]);
    let mut c = config();
    c.dir = Some(dir.path().into());
    let v = Verifier::new(&c).expect("the good plugins still load");
    let refused = v.refused();
    assert_eq!(refused.len(), 2, "{refused:#?}");
    assert!(
        refused.iter().any(|r| r.reason.contains("wasi:filesystem")),
        "{refused:#?}"
    );
    assert!(
        refused.iter().any(|r| r.reason.contains("wasi:sockets")),
        "{refused:#?}"
    );
    assert_eq!(v.plugins().len(), 10, "nine built-ins and the hostile one");
    let out = run(&v, input(APPLICANT, vec![]));
    assert!(
        out.findings
            .iter()
            .all(|f| !f.rule.starts_with("test.filesystem") && !f.rule.starts_with("test.sockets"))
    );
}

#[test]
fn the_callers_runtime_keeps_running_while_a_plugin_spins() {
    // One async thread for the caller: if plugin code ran on it, nothing else could run until
    // the spinning plugin's deadline. The plugin runs on the verifier's own threads instead,
    // so a second verification finishes while the first is still spinning.
    let (v, _d) = hostile("loop", |c, _| c.deadline_ms = 20_000);
    let other = builtins();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let spinning = v.verify(input(APPLICANT, vec![]));
        tokio::pin!(spinning);
        let quick = other.verify(input(
            APPLICANT,
            vec![
                lease(
                    "l1",
                    "山西龙城置业有限公司",
                    APPLICANT,
                    "2020-01-01",
                    "2024-12-31",
                )
                .build(),
            ],
        ));
        let done = tokio::select! {
            out = quick => Some(out),
            _ = &mut spinning => None,
        };
        let out = done.expect("the other verification finished first");
        assert_eq!(statuses(&out, "lease.term"), [Status::Pass]);
    });
}

#[test]
fn disabled_plugins_do_not_run() {
    let mut c = config();
    c.plugin.insert(
        "lease-term".into(),
        PluginSettings {
            enabled: false,
            ..PluginSettings::default()
        },
    );
    let v = Verifier::new(&c).unwrap();
    let out = run(&v, input(APPLICANT, vec![]));
    assert!(statuses(&out, "lease.term").is_empty());
    assert_eq!(out.plugins.len(), 8);
    assert!(
        !v.plugins()
            .iter()
            .find(|p| p.id == "lease-term")
            .unwrap()
            .enabled
    );
}

#[test]
fn configuration_mistakes_are_errors() {
    let mut c = config();
    c.plugin.insert(
        "lease-term".into(),
        PluginSettings {
            parameters: json!({"min_yaers": 5}).as_object().unwrap().clone(),
            ..PluginSettings::default()
        },
    );
    let e = Verifier::new(&c).unwrap_err().to_string();
    assert!(e.contains("min_yaers"), "{e}");
    let mut c = config();
    c.plugin.insert(
        "lease-term".into(),
        PluginSettings {
            parameters: json!({"min_years": "five"}).as_object().unwrap().clone(),
            ..PluginSettings::default()
        },
    );
    assert!(Verifier::new(&c).is_err());
    let mut c = config();
    c.dir = Some("/nonexistent/plugins".into());
    assert!(
        Verifier::new(&c)
            .unwrap_err()
            .to_string()
            .contains("/nonexistent/plugins")
    );
}

/// A cache file as found on disk: where, which inode, when last written, what it holds (its
/// SHA-256, and whether it is a compiled component: an ELF image).
#[derive(Debug, PartialEq)]
struct CacheFile {
    path: std::path::PathBuf,
    inode: u64,
    modified: std::time::SystemTime,
    sha256: String,
    compiled: bool,
}

/// The cache directory's files, by name.
fn cache_files(dir: &std::path::Path) -> Vec<CacheFile> {
    use std::os::unix::fs::MetadataExt;
    let mut files: Vec<CacheFile> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let meta = std::fs::metadata(&path).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            CacheFile {
                inode: meta.ino(),
                modified: meta.modified().unwrap(),
                sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)),
                compiled: bytes.starts_with(b"\x7fELF"),
                path,
            }
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

#[test]
fn compiled_components_are_cached_on_disk() {
    let cache = tempfile::tempdir().unwrap();
    let mut c = config();
    c.cache_dir = Some(cache.path().into());
    Verifier::new(&c).unwrap();
    let first = cache_files(cache.path());
    assert_eq!(first.len(), 9, "one compiled file per built-in: {first:#?}");
    for f in &first {
        assert!(
            f.path.extension().is_some_and(|e| e == "cwasm") && f.compiled,
            "{} is not a compiled component",
            f.path.display()
        );
    }

    // A second start reuses every entry: none is written again (a write replaces the file
    // through a rename, so it would show as a new inode and a new modification time).
    Verifier::new(&c).unwrap();
    assert_eq!(cache_files(cache.path()), first, "the cache was not reused");

    // A corrupt entry is recompiled and written again rather than trusted; the others are
    // still reused as they are.
    let corrupt = &first[0].path;
    std::fs::write(corrupt, b"not a compiled component").unwrap();
    let v = Verifier::new(&c).unwrap();
    assert_eq!(v.plugins().len(), 9);
    let third = cache_files(cache.path());
    assert_eq!(third.len(), 9, "{third:#?}");
    assert_eq!(third[1..], first[1..], "the sound entries were not reused");
    let rewritten = &third[0];
    assert_eq!(&rewritten.path, corrupt);
    assert_ne!(
        rewritten.inode, first[0].inode,
        "the corrupt entry was not written again"
    );
    assert!(
        rewritten.compiled,
        "the corrupt entry was not replaced by a compiled component"
    );
    // And what was written is itself reused by the next start.
    Verifier::new(&c).unwrap();
    assert_eq!(cache_files(cache.path()), third);
}
