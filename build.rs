//! Builds the verifier plugins in `plugins/` for wasm32-wasip2 and embeds the built-ins.
//!
//! A plain `cargo build` / `cargo test` needs no manual step: this script runs cargo on the
//! plugin workspace (release profile, opt-level "s") into its own target directory under
//! OUT_DIR (reusing the outer target directory would deadlock on cargo's lock), then writes
//! `builtin_plugins.rs` listing the built-in components for `include_bytes!`. The test-only
//! hostile plugins are built beside them; `OUTPUT_DIR` in that file tells tests where.
//!
//! When the wasm32-wasip2 standard library is missing the build stops with a message naming
//! `rustup target add wasm32-wasip2` (rust-toolchain.toml lists the target, so rustup
//! normally installs it by itself).

use std::env;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The built-in plugins: crate directories under `plugins/`, embedded in the binary.
const BUILTINS: &[&str] = &[
    "name-consistency",
    "lease-term",
    "property-owner",
    "sublease-chain",
    "audit-code",
    "audit-same-firm",
    "audit-registry",
    "site-area",
    "credit-code",
];

/// Test plugins: built (for the tests) but not embedded.
const TESTING: &[&str] = &["hostile", "wasi-filesystem", "wasi-sockets"];

const TARGET: &str = "wasm32-wasip2";

fn main() {
    let manifest_dir =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let plugins = manifest_dir.join("plugins");
    println!("cargo:rerun-if-changed=plugins");
    println!("cargo:rerun-if-changed=build.rs");
    // sqlx::migrate! embeds migrations/ at compile time.
    println!("cargo:rerun-if-changed=migrations");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let target_dir = out_dir.join("plugins-target");

    check_target_installed();

    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(&plugins)
        .args([
            "build",
            "--release",
            "--locked",
            "--workspace",
            "--target",
            TARGET,
        ])
        .arg("--manifest-path")
        .arg(plugins.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir);
    // Settings meant for the outer (host) build must not leak into the wasm build; clippy's
    // wrapper would lint the plugins as part of every host lint. The jobserver is kept, so the
    // nested build shares the outer build's parallelism instead of adding to it.
    for (key, _) in env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        let leaks = matches!(
            key.as_str(),
            "RUSTFLAGS"
                | "CARGO_ENCODED_RUSTFLAGS"
                | "CARGO_BUILD_RUSTFLAGS"
                | "CARGO_BUILD_TARGET"
                | "CARGO_TARGET_DIR"
                | "CARGO_BUILD_TARGET_DIR"
                | "RUSTC_WORKSPACE_WRAPPER"
                | "CARGO_PRIMARY_PACKAGE"
                | "CARGO_MANIFEST_PATH"
        ) || key.starts_with("CARGO_PROFILE_")
            || key.starts_with("CARGO_FEATURE_")
            || key.starts_with("CARGO_CFG_")
            || key.starts_with("__CARGO");
        if leaks {
            cmd.env_remove(&key);
        }
    }
    let status = cmd
        .status()
        .unwrap_or_else(|e| fail(&format!("cannot run cargo for the wasm plugins: {e}")));
    if !status.success() {
        fail("building the wasm plugins in plugins/ failed (see the errors above)");
    }

    let wasm_dir = target_dir.join(TARGET).join("release");
    let mut list = String::from(
        "/// The built-in plugin components: (crate name, component bytes).\n\
         pub static BUILTINS: &[(&str, &[u8])] = &[\n",
    );
    for name in BUILTINS {
        let file = wasm_dir.join(format!("{}.wasm", name.replace('-', "_")));
        if !file.is_file() {
            fail(&format!(
                "the plugin build did not produce {}",
                file.display()
            ));
        }
        let _ = writeln!(
            list,
            "    ({name:?}, include_bytes!({:?})),",
            file.display().to_string()
        );
    }
    list.push_str("];\n");
    let _ = writeln!(
        list,
        "/// Where the compiled components are, test plugins included.\npub const OUTPUT_DIR: &str = {:?};",
        wasm_dir.display().to_string()
    );
    for name in TESTING {
        let file = wasm_dir.join(format!("{}.wasm", name.replace('-', "_")));
        if !file.is_file() {
            fail(&format!(
                "the plugin build did not produce {}",
                file.display()
            ));
        }
    }
    std::fs::write(out_dir.join("builtin_plugins.rs"), list)
        .unwrap_or_else(|e| fail(&format!("cannot write builtin_plugins.rs: {e}")));
}

/// Stops with the fix when the wasm32-wasip2 standard library is not installed.
fn check_target_installed() {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let Some(sysroot) = sysroot else {
        // Cannot tell; the nested build will say what is wrong.
        return;
    };
    let lib = sysroot.join("lib").join("rustlib").join(TARGET).join("lib");
    if !has_std(&lib) {
        fail(&format!(
            "the {TARGET} target is not installed for this toolchain ({}).\n\
             Install it with:\n\n    rustup target add {TARGET}\n",
            sysroot.display()
        ));
    }
}

fn has_std(lib: &Path) -> bool {
    std::fs::read_dir(lib)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().starts_with("libstd-"))
        })
        .unwrap_or(false)
}

fn fail(msg: &str) -> ! {
    eprintln!("\nerror: {msg}\n");
    println!("cargo:warning={}", msg.lines().next().unwrap_or(msg));
    std::process::exit(1);
}
