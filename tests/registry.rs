//! `audit.registry` through the real binaries: `docverify registry-emulator` serves filed
//! reports on a loopback port, `docverify check` / `docverify serve` look the fixtures' codes
//! up through the lookup capability (grant, address checks, timeouts, size cap, cache).
//!
//! The fixtures are one-page born-digital audit reports with a QR code
//! (`fixtures/registry/make_fixtures.py`): no OCR, so each check takes well under a second.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use common::{Server, assert_valid_report, bin, fixture, form, get_json, wait_done};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const CODE: &str = "1720235164538046";
const FIRM: &str = "山西华晋会计师事务所有限公司";
const CLIENT: &str = "晋中太行产业园运营有限责任公司";
const REPORT_NO: &str = "晋华专审字〔2023〕第0865号";

/// The record the registry holds for the genuine fixture, with `changes` applied.
fn filed(changes: Value) -> Value {
    let mut r = json!({
        "code": CODE, "firm": FIRM, "client": CLIENT, "report_no": REPORT_NO,
        "report_date": "2023-03-15", "status": "valid"
    });
    for (k, v) in changes.as_object().unwrap() {
        r[k] = v.clone();
    }
    r
}

/// A running `docverify registry-emulator`; killed when dropped.
struct Emulator {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Emulator {
    fn start(reports: Vec<Value>) -> Emulator {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("reports.json");
        std::fs::write(&data, json!({ "reports": reports }).to_string()).unwrap();
        let mut child = Command::new(bin())
            .args(["registry-emulator", "--listen", "127.0.0.1:0", "--data"])
            .arg(&data)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the emulator");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("registry-emulator listening on http://")
                    && let Some(t) = tx.take()
                {
                    let _ = t.send(addr.trim().to_string());
                }
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the emulator did not report its address");
        let port = addr.rsplit(':').next().unwrap().parse().unwrap();
        Emulator {
            child,
            port,
            _dir: dir,
        }
    }

    /// The paths the emulator was asked for so far.
    fn requests(&self) -> Vec<String> {
        let v: Value = serde_json::from_slice(&get(&format!(
            "http://127.0.0.1:{}/_emulator/requests",
            self.port
        )))
        .unwrap();
        v["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    }
}

/// A plain GET from a thread of its own (callable from sync and async tests alike).
fn get(url: &str) -> Vec<u8> {
    let url = url.to_string();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            reqwest::get(&url)
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap()
                .to_vec()
        })
    })
    .join()
    .unwrap()
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The shipped example adapter (deploy/audit-registry.example.toml), pointed at `port`, plus
/// `extra` TOML, written into `dir`.
fn example_config(dir: &Path, port: u16, extra: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("deploy/audit-registry.example.toml")).unwrap();
    assert!(example.contains("localhost:8089"));
    let text = format!(
        "{extra}\n{}",
        example.replace("localhost:8089", &format!("localhost:{port}"))
    );
    let path = dir.join("docverify.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `docverify check` over `files` with `config`; the JSON report.
fn check(config: Option<&Path>, files: &[PathBuf]) -> Value {
    let mut cmd = Command::new(bin());
    cmd.args(["check", "--applicant", CLIENT])
        .env_remove("DOCVERIFY_CONFIG")
        .env("RUST_LOG", "warn");
    if let Some(c) = config {
        cmd.arg("--config").arg(c);
    }
    let out = cmd.args(files).output().expect("run docverify check");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}); stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_valid_report(&report);
    report
}

/// The `audit.registry` findings of a report.
fn registry_findings(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "audit.registry")
        .collect()
}

/// The single `audit.registry` finding: (status, English message).
fn verdict(report: &Value) -> (String, String) {
    let f = registry_findings(report);
    assert_eq!(f.len(), 1, "{report:#}");
    (
        f[0]["status"].as_str().unwrap().to_string(),
        f[0]["message"]["en"].as_str().unwrap().to_string(),
    )
}

fn lookups(report: &Value) -> Vec<Value> {
    report["provenance"]["lookups"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn genuine() -> Vec<PathBuf> {
    vec![fixture("registry/genuine.pdf")]
}

/// Checks the genuine fixture against a registry holding `reports`, with `extra` settings.
fn run_against(reports: Vec<Value>, extra: &str) -> (Value, Emulator) {
    let emu = Emulator::start(reports);
    let dir = tempfile::tempdir().unwrap();
    let config = example_config(dir.path(), emu.port, extra);
    (check(Some(&config), &genuine()), emu)
}

#[test]
fn genuine_code_passes_and_the_lookup_is_in_the_provenance() {
    let (report, emu) = run_against(vec![filed(json!({}))], "");
    let (status, en) = verdict(&report);
    assert_eq!(status, "pass", "{en}");
    assert!(en.contains(CODE) && en.contains("agrees"), "{en}");
    let l = lookups(&report);
    assert_eq!(l.len(), 1, "{l:#?}");
    let url = format!("http://localhost:{}/api/v1/reports/{CODE}", emu.port);
    assert_eq!(l[0]["url"], url);
    assert_eq!(l[0]["status"], 200);
    assert_eq!(l[0]["plugin"], "audit-registry@0.1.0");
    assert!(l[0]["at"].as_str().unwrap().starts_with("20"));
    // The digest is the SHA-256 of exactly what the registry answered.
    let body = get(&url);
    assert_eq!(l[0]["digest"], hex::encode(Sha256::digest(&body)));
    assert!(l[0].get("error").is_none());
}

#[test]
fn code_unknown_to_the_registry_fails() {
    let (report, _emu) = run_against(vec![filed(json!({"code": "1111222233334444"}))], "");
    let (status, en) = verdict(&report);
    assert_eq!(status, "fail", "{en}");
    assert!(en.contains("does not know code"), "{en}");
    assert_eq!(lookups(&report)[0]["status"], 404);
}

#[test]
fn registry_naming_another_client_or_firm_fails() {
    for (changes, says) in [
        (json!({"client": "太原鼎盛科技有限公司"}), "audited entity"),
        (
            json!({"firm": "北京信达会计师事务所有限公司"}),
            "audit firm",
        ),
        (
            json!({"report_no": "晋华专审字〔2023〕第0101号"}),
            "report number",
        ),
    ] {
        let (report, _emu) = run_against(vec![filed(changes.clone())], "");
        let (status, en) = verdict(&report);
        assert_eq!(status, "fail", "{changes}: {en}");
        assert!(en.contains("disagrees") && en.contains(says), "{en}");
    }
}

#[test]
fn withdrawn_report_fails() {
    let (report, _emu) = run_against(vec![filed(json!({"status": "withdrawn"}))], "");
    let (status, en) = verdict(&report);
    assert_eq!(status, "fail", "{en}");
    assert!(en.contains("'withdrawn'"), "{en}");
}

#[test]
fn registry_down_is_review() {
    // A port nobody listens on: bound, then released.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let config = example_config(dir.path(), port, "");
    let report = check(Some(&config), &genuine());
    let (status, en) = verdict(&report);
    assert_eq!(status, "review", "{en}");
    assert!(en.contains("lookup failed"), "{en}");
    let l = lookups(&report);
    assert!(l[0].get("status").is_none(), "{l:#?}");
    assert!(
        l[0]["error"].as_str().unwrap().starts_with("failed:"),
        "{l:#?}"
    );
}

#[test]
fn slow_registry_is_review_within_the_timeout() {
    let (report, _emu) = run_against(
        vec![filed(json!({"emulate": {"delay_ms": 60000}}))],
        "[lookup]\ntimeout_ms = 1000\n",
    );
    let (status, en) = verdict(&report);
    assert_eq!(status, "review", "{en}");
    assert!(en.contains("no answer within 1000 ms"), "{en}");
}

#[test]
fn a_huge_answer_is_cut_off_at_the_cap() {
    let (report, emu) = run_against(
        vec![filed(json!({"emulate": {"body_bytes": 50u64 << 20}}))],
        "",
    );
    let (status, en) = verdict(&report);
    assert_eq!(status, "review", "{en}");
    assert!(en.contains("cut off at the 1048576-byte cap"), "{en}");
    assert_eq!(emu.requests().len(), 1);
    let l = lookups(&report);
    assert!(l[0].get("digest").is_none(), "{l:#?}");
}

#[test]
fn redirect_to_a_private_address_is_refused_and_not_followed() {
    // The registry (granted, local) redirects to 127.0.0.1, which is granted over http but
    // not configured local: the hop must be refused before anything is sent there. The
    // target is a second emulator, so a followed redirect would show in its log.
    let target = Emulator::start(vec![filed(json!({}))]);
    let to = format!("http://127.0.0.1:{}/api/v1/reports/{CODE}", target.port);
    let emu = Emulator::start(vec![filed(json!({"emulate": {"redirect": to}}))]);
    let dir = tempfile::tempdir().unwrap();
    let extra = "[lookup.hosts.\"127.0.0.1\"]\nhttp = true\n";
    let config = example_config(dir.path(), emu.port, extra);
    let text = std::fs::read_to_string(&config).unwrap().replace(
        r#"hosts = ["localhost"]"#,
        r#"hosts = ["localhost", "127.0.0.1"]"#,
    );
    std::fs::write(&config, text).unwrap();
    let report = check(Some(&config), &genuine());
    let (status, en) = verdict(&report);
    assert_eq!(status, "review", "{en}");
    assert!(
        en.contains("redirect refused: 127.0.0.1 is a loopback address"),
        "{en}"
    );
    // The registry was asked once; the redirect target never.
    assert_eq!(emu.requests(), [format!("/api/v1/reports/{CODE}")]);
    assert!(target.requests().is_empty());
    let l = lookups(&report);
    assert!(
        l[0]["error"].as_str().unwrap().starts_with("refused:"),
        "{l:#?}"
    );
}

#[test]
fn hostile_payloads_are_refused_and_nothing_is_fetched() {
    let dir = tempfile::tempdir().unwrap();
    // A family that fetches the QR payload itself, with every hostile host granted, so that
    // the address checks (not only the grant list) are what refuses them.
    let config = dir.path().join("hostile.toml");
    std::fs::write(
        &config,
        r#"
[lookup.hosts."127.0.0.1"]
http = true
[plugins.plugin.audit-registry.grants.lookup]
hosts = ["127.0.0.1", "[::1]", "169.254.169.254", "10.0.0.1"]
[[plugins.plugin.audit-registry.parameters.registries.adapters]]
id = "payload"
url = "{payload}"
[[plugins.plugin.audit-registry.parameters.registries.families]]
id = "url-in-qr"
payload = '^(?P<url>\S+[?&]code=(?P<code>[0-9]{16}))$'
adapter = "payload"
"#,
    )
    .unwrap();
    let cases = [
        ("hostile-loopback-v4.pdf", "127.0.0.1 is a loopback address"),
        ("hostile-loopback-v6.pdf", "::1 is a loopback address"),
        (
            "hostile-metadata.pdf",
            "169.254.169.254 is the cloud metadata address",
        ),
        ("hostile-private.pdf", "10.0.0.1 is a private address"),
        ("hostile-file.pdf", "scheme `file` is not allowed"),
        (
            "hostile-not-granted.pdf",
            "host `registry.not-granted.example` is not granted",
        ),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|(f, _)| fixture(&format!("registry/{f}")))
        .collect();
    let report = check(Some(&config), &files);
    let findings = registry_findings(&report);
    assert_eq!(findings.len(), cases.len(), "{report:#}");
    for (i, (file, says)) in cases.iter().enumerate() {
        let doc = format!("doc-{}", i + 1);
        assert_eq!(report["documents"][i]["file"], *file);
        let f = findings
            .iter()
            .find(|f| f["evidence"][0]["document"] == doc.as_str())
            .unwrap_or_else(|| panic!("no finding for {file}: {report:#}"));
        let en = f["message"]["en"].as_str().unwrap();
        assert_eq!(f["status"], "review", "{file}: {en}");
        assert!(en.contains(says), "{file}: {en}");
        assert!(en.contains("nothing was fetched"), "{file}: {en}");
    }
    // Every attempt is in the provenance, none with an answer.
    let l = lookups(&report);
    assert_eq!(l.len(), cases.len(), "{l:#?}");
    for r in &l {
        assert!(
            r.get("status").is_none() && r.get("digest").is_none(),
            "{r}"
        );
        let e = r["error"].as_str().unwrap();
        assert!(e.starts_with("denied:") || e.starts_with("refused:"), "{r}");
    }
}

#[test]
fn offline_or_unconfigured_is_review_never_pass() {
    // No configuration at all: no registry described, nothing granted.
    let report = check(None, &genuine());
    let (status, en) = verdict(&report);
    assert_eq!(status, "review", "{en}");
    assert!(
        en.contains("no audit-report registry is configured"),
        "{en}"
    );
    assert!(lookups(&report).is_empty());
    // Configured and granted, but lookups switched off (offline mode).
    let (report, emu) = run_against(vec![filed(json!({}))], "[lookup]\nenabled = false\n");
    let (status, en) = verdict(&report);
    assert_eq!(status, "review", "{en}");
    assert!(en.contains("lookups are unavailable"), "{en}");
    assert!(emu.requests().is_empty());
}

/// A registry that answers only when the test says so: each request is recorded and announced,
/// then held until [`HeldRegistry::release`]; after that every request (held or new) gets the
/// genuine filed record. A lookup in flight is so pending for certain, not for a while.
struct HeldRegistry {
    port: u16,
    asked: std::sync::mpsc::Receiver<String>,
    gate: Arc<(Mutex<bool>, Condvar)>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl HeldRegistry {
    fn start() -> HeldRegistry {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, asked) = std::sync::mpsc::channel();
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (g, r) = (gate.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                let (g, r, tx) = (g.clone(), r.clone(), tx.clone());
                std::thread::spawn(move || Self::serve(stream, &g, &r, &tx));
            }
        });
        HeldRegistry {
            port,
            asked,
            gate,
            requests,
        }
    }

    fn serve(
        mut stream: std::net::TcpStream,
        gate: &(Mutex<bool>, Condvar),
        requests: &Mutex<Vec<String>>,
        asked: &std::sync::mpsc::Sender<String>,
    ) {
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        let path = head.split(' ').nth(1).unwrap_or_default().to_string();
        requests.lock().unwrap().push(path.clone());
        let _ = asked.send(path);
        let (open, released) = gate;
        let mut open = open.lock().unwrap();
        while !*open {
            open = released.wait(open).unwrap();
        }
        drop(open);
        let body = json!({"found": true, "report": filed(json!({}))}).to_string();
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
    }

    /// Lets every held and later request have its answer.
    fn release(&self) {
        let (open, released) = &*self.gate;
        *open.lock().unwrap() = true;
        released.notify_all();
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for HeldRegistry {
    fn drop(&mut self) {
        // Never leave a connection of the server under test hanging.
        self.release();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_stays_responsive_while_a_registry_lookup_is_pending_and_answers_are_cached() {
    let registry = HeldRegistry::start();
    let dir = tempfile::tempdir().unwrap();
    // Timeouts far beyond the test: the lookup ends when the registry is released, never
    // because a timer ran out (the timeout itself is tested by
    // slow_registry_is_review_within_the_timeout).
    let config = example_config(
        dir.path(),
        registry.port,
        "[lookup]\ntimeout_ms = 600000\n[plugins]\nwall_timeout_ms = 900000\n",
    );
    let server = Server::start(
        &dir.path().join("data"),
        &[("DOCVERIFY_CONFIG", config.to_str().unwrap())],
    );
    let c = reqwest::Client::new();
    let pdf = std::fs::read(fixture("registry/genuine.pdf")).unwrap();
    let id = submit_to(&c, &server, &pdf).await;
    // The registry has been asked and holds the answer: the submission is surely not done.
    let path = registry
        .asked
        .recv_timeout(Duration::from_secs(300))
        .expect("the registry was never asked");
    assert_eq!(path, format!("/api/v1/reports/{CODE}"));
    let status: Value = get_json(&c, &server, &format!("/api/v1/submissions/{id}")).await;
    assert_eq!(status["status"], "processing", "{status:#}");
    let health = c.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let list: Value = get_json(&c, &server, "/api/v1/submissions").await;
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert_eq!(list["items"][0]["status"], "processing");

    // Answered, the lookup passes; a second submission's lookup comes from the cache.
    registry.release();
    let mut cached = Vec::new();
    for i in 0..2 {
        let id = if i == 0 {
            id.clone()
        } else {
            submit_to(&c, &server, &pdf).await
        };
        let done = wait_done(&c, &server, &id, Duration::from_secs(300)).await;
        let (st, en) = verdict(&done["report"]);
        assert_eq!(st, "pass", "{en}");
        let l = lookups(&done["report"]);
        assert_eq!(l.len(), 1, "{l:#?}");
        assert_eq!(l[0]["status"], 200, "{l:#?}");
        cached.push(l[0].get("cached").cloned().unwrap_or(Value::Bool(false)));
    }
    assert_eq!(cached, [Value::Bool(false), Value::Bool(true)]);
    assert_eq!(registry.requests().len(), 1);
}

async fn submit_to(c: &reqwest::Client, server: &Server, pdf: &[u8]) -> String {
    let resp = c
        .post(server.url("/api/v1/submissions"))
        .multipart(form(Some(CLIENT), &[("report.pdf", pdf.to_vec(), None)]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    resp.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}
