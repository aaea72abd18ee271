//! The plugin crates' own unit tests (SDK date/name/credit-code helpers, the registry plugin's
//! adapter config) run on the host. The plugins are a cargo workspace of their own
//! (`plugins/Cargo.toml`, built for wasm by build.rs), which the root `cargo test` does not
//! reach; this test runs it so that the README's one test command covers everything.

use std::path::Path;
use std::process::Command;

#[test]
fn plugin_crates_pass_their_unit_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A target directory of its own: the outer build's is locked while tests run.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("plugins-host");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["test", "--workspace", "--lib", "--locked", "--quiet"])
        .arg("--manifest-path")
        .arg(root.join("plugins/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "plugin unit tests failed:\n{stdout}\n{stderr}"
    );
    // The workspace really ran tests (the SDK alone has several).
    let passed: usize = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
        .sum();
    assert!(
        passed >= 10,
        "expected the plugin unit tests to run:\n{stdout}"
    );
    println!("{passed} plugin unit tests passed");
}
