//! The reviewers' web page end to end in a real browser: starts the server and runs
//! `tests/e2e/web.mjs` (playwright-core driving Debian's chromium) against it.
//!
//! Needs `node`, `chromium` and `npm ci` in `tests/e2e` (`.ci/run` installs all three). When one
//! is missing the test prints why and passes without running, unless `DOCVERIFY_E2E_REQUIRED=1`
//! (set by `.ci/run`), when it fails instead. `DOCVERIFY_SCREENSHOTS=DIR` keeps screenshots of
//! the main views there (`docs/screenshots/` holds the committed ones).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Server;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
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
