//! Test harness: the real `docverify` binary as a server on an ephemeral port, or as the CLI.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_docverify")
}

/// The repository's own fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// The fixture's bytes.
pub fn read(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).expect("fixture")
}

/// An HTTP client whose requests give up after a minute rather than hang a test.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// GET `path` on `server`, which must answer 200 with JSON.
pub async fn get_json(c: &reqwest::Client, server: &Server, path: &str) -> serde_json::Value {
    let r = c.get(server.url(path)).send().await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    r.json().await.unwrap()
}

/// A running server; killed (SIGKILL) when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub data_dir: PathBuf,
    /// Every line the server wrote to stderr so far (its log).
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `docverify serve` on 127.0.0.1:0 over `data_dir` with extra env settings.
    pub fn start(data_dir: &Path, env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(bin());
        cmd.args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .env("RUST_LOG", "info")
            .env_remove("DOCVERIFY_CONFIG")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start docverify serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        let log = Arc::new(Mutex::new(Vec::new()));
        // Keep draining stderr so the server never blocks on a full pipe.
        let kept = log.clone();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("docverify listening on ")
                    && let Some(t) = tx.take()
                {
                    let _ = t.send(rest.trim().to_string());
                }
                if std::env::var_os("DOCVERIFY_TEST_LOG").is_some() {
                    eprintln!("[server] {line}");
                }
                kept.lock().unwrap().push(line);
            }
        });
        let base = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("server did not report its address within 60 s");
        Server {
            child,
            base,
            data_dir: data_dir.to_owned(),
            log,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The server's log lines so far that contain every one of `needles`.
    pub fn log_lines(&self, needles: &[&str]) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| needles.iter().all(|n| l.contains(n)))
            .cloned()
            .collect()
    }

    /// SIGKILL, as a crash would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A multipart upload: applicant plus (file name, bytes, kind hint) parts.
pub fn form(
    applicant: Option<&str>,
    files: &[(&str, Vec<u8>, Option<&str>)],
) -> reqwest::multipart::Form {
    let mut f = reqwest::multipart::Form::new();
    if let Some(a) = applicant {
        f = f.text("applicant", a.to_string());
    }
    for (name, bytes, kind) in files {
        f = f.part(
            "file",
            reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.to_string()),
        );
        if let Some(k) = kind {
            f = f.text("kind", k.to_string());
        }
    }
    f
}

/// Polls a submission until it is done or failed (bounded), returning its status JSON.
pub async fn wait_done(
    client: &reqwest::Client,
    server: &Server,
    id: &str,
    limit: Duration,
) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let v: serde_json::Value = client
            .get(server.url(&format!("/api/v1/submissions/{id}")))
            .send()
            .await
            .expect("status request")
            .json()
            .await
            .expect("status json");
        let s = v["status"].as_str().unwrap_or_default().to_string();
        if s == "done" || s == "failed" {
            return v;
        }
        assert!(
            start.elapsed() < limit,
            "submission {id} not done after {limit:?}: {v}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Validates a report against the committed JSON Schema.
pub fn assert_valid_report(report: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json"),
        )
        .expect("docs/report.schema.json"),
    )
    .expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "report does not match the schema: {errors:#?}\n{report:#}"
    );
    assert_eq!(report["schema"], "docverify.report/v1");
}

/// Every file under a directory (recursively), for checking that nothing was left behind.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Polls `probe` every 50 ms until it gives `Some`, failing the test after `limit`. The limit
/// only bounds the wait for a state the test has made certain, so that a broken build fails
/// rather than hangs; it does not measure anything.
pub async fn wait_for<T, F, Fut>(what: &str, limit: Duration, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(v) = probe().await {
            return v;
        }
        assert!(start.elapsed() < limit, "{what}: not seen within {limit:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Environment of a server whose workers hold every job before its document number
/// `let_through + 1` while the returned file exists (the `DOCVERIFY_TEST_HOLD_JOBS` hook of
/// src/jobs.rs). Remove the file to let the jobs go on.
pub fn hold_jobs(dir: &Path, let_through: usize) -> (PathBuf, (&'static str, String)) {
    let gate = dir.join("hold-jobs");
    std::fs::write(&gate, let_through.to_string()).unwrap();
    let env = ("DOCVERIFY_TEST_HOLD_JOBS", gate.display().to_string());
    (gate, env)
}
