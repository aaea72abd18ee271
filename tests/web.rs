//! The reviewers' web page: its embedded assets over HTTP, and end to end in a real browser
//! (the server started here, `tests/e2e/web.mjs` with playwright-core driving Debian's chromium).
//!
//! Needs `node`, `chromium` and `npm ci` in `tests/e2e` (`.ci/run` installs all three). When one
//! is missing the test prints why and passes without running, unless `DOCVERIFY_E2E_REQUIRED=1`
//! (set by `.ci/run`), when it fails instead. `DOCVERIFY_SCREENSHOTS=DIR` keeps screenshots of
//! the main views there (`docs/screenshots/` holds the committed ones).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Server;

/// Fetches a path; status, content type and body.
async fn fetch(
    c: &reqwest::Client,
    url: &str,
    etag: Option<&str>,
) -> (u16, String, String, String) {
    let mut req = c.get(url);
    if let Some(tag) = etag {
        req = req.header("if-none-match", tag);
    }
    let r = req.send().await.unwrap();
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (ct, tag) = (header("content-type"), header("etag"));
    (r.status().as_u16(), ct, tag, r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_and_every_module_it_loads_are_served_from_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let c = reqwest::Client::new();
    let r = c.get(server.url("/")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let html = r.text().await.unwrap();
    assert!(html.contains("lang=\"zh-CN\""));

    // Follow every asset the page names and every module those import: all served, typed.
    let mut todo: Vec<String> = ["app.css", "app.js", "favicon.svg"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for name in &todo {
        assert!(
            html.contains(&format!("/assets/{name}")),
            "index.html should load {name}"
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let url = server.url(&format!("/assets/{name}"));
        let (status, ct, etag, body) = fetch(&c, &url, None).await;
        assert_eq!(status, 200, "{name}");
        let want = match name.rsplit('.').next() {
            Some("js") => "text/javascript; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("svg") => "image/svg+xml",
            _ => unreachable!("{name}"),
        };
        assert_eq!(ct, want, "{name}");
        // Unchanged since last time: 304, no body.
        let (again, _, _, empty) = fetch(&c, &url, Some(&etag)).await;
        assert_eq!((again, empty.as_str()), (304, ""), "{name}");
        for line in body.lines().filter(|l| l.starts_with("import ")) {
            let target = line.split('"').nth(1).unwrap().trim_start_matches("./");
            todo.push(target.to_string());
        }
    }
    assert!(seen.contains("view.js") && seen.contains("upload.js") && seen.contains("list.js"));

    // An unknown asset is a 404 problem, like any unknown route.
    let r = c.get(server.url("/assets/nope.js")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Why the browser test cannot run here, if it cannot.
fn missing(e2e: &Path) -> Option<String> {
    match Command::new("node").arg("--version").output() {
        Ok(o) if o.status.success() => {}
        _ => return Some("node is not installed (apt-get install nodejs npm)".into()),
    }
    if chromium().is_none() {
        return Some("chromium is not installed (apt-get install chromium)".into());
    }
    if !e2e.join("node_modules/playwright-core").is_dir() {
        return Some(format!(
            "playwright-core is not installed (npm ci in {})",
            e2e.display()
        ));
    }
    None
}

#[test]
fn the_web_page_end_to_end_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let e2e = root.join("tests/e2e");
    if let Some(why) = missing(&e2e) {
        if std::env::var("DOCVERIFY_E2E_REQUIRED").as_deref() == Ok("1") {
            panic!("the browser test must run here but cannot: {why}");
        }
        eprintln!("skipping the browser test: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // One fixture (611 KB) is above this limit, so the page shows the server's refusal.
    let server = Server::start(
        dir.path(),
        &[("DOCVERIFY_SERVER__MAX_FILE_BYTES", "400000")],
    );
    let shots = std::env::var_os("DOCVERIFY_SCREENSHOTS")
        // Relative to the repository (node runs in tests/e2e).
        .map(|p| root.join(p))
        .unwrap_or_else(|| dir.path().join("screenshots"));
    let status = Command::new("node")
        .arg(e2e.join("web.mjs"))
        .current_dir(&e2e)
        .env("DOCVERIFY_BASE", &server.base)
        .env("FIXTURES", root.join("fixtures"))
        .env("CHROMIUM", chromium().unwrap())
        .env("SCREENSHOTS", &shots)
        .status()
        .expect("run node");
    assert!(status.success(), "tests/e2e/web.mjs failed ({status})");
}
