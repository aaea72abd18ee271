//! `docverify plugins list` and `docverify plugins verify`, through the binary.

mod plugins_support;

use std::process::Command;

use plugins_support::*;

fn docverify() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_docverify"));
    // Keep the user's cache out of it; share the tests' cache instead.
    c.env("XDG_CACHE_HOME", cache_dir().join("xdg"));
    c.env_remove("DOCVERIFY_CONFIG");
    c
}

#[test]
fn list_shows_every_builtin_with_rules_source_and_digest() {
    let out = docverify().args(["plugins", "list"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for (id, rule) in [
        ("name-consistency", "name.consistency"),
        ("lease-term", "lease.term"),
        ("property-owner", "property.owner"),
        ("sublease-chain", "sublease.chain"),
        ("audit-code", "audit.code"),
        ("audit-same-firm", "audit.same-firm"),
        ("audit-registry", "audit.registry"),
        ("site-area", "site.area"),
        ("credit-code", "credit-code.valid"),
    ] {
        assert!(
            text.contains(&format!("{id}@0.1.0 [enabled]")),
            "{id} in\n{text}"
        );
        assert!(text.contains(rule), "{rule} in\n{text}");
    }
    assert!(text.contains("source:       builtin"), "{text}");
    assert_eq!(text.matches("digest:       sha256:").count(), 9, "{text}");
    assert!(text.contains("min_years=5"), "{text}");
}

#[test]
fn list_as_json_with_a_config_file_and_a_plugin_dir() {
    let dir = plugin_dir(&["hostile", "wasi_filesystem"]);
    let cfg = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        cfg.path(),
        r#"
[plugins]
deadline_ms = 200
[plugins.plugin.lease-term]
enabled = false
parameters = { min_years = 3 }
[plugins.plugin.hostile.grants.lookup]
hosts = ["registry.example"]
"#,
    )
    .unwrap();
    let out = docverify()
        .args(["plugins", "list", "--json", "--config"])
        .arg(cfg.path())
        .arg("--dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plugins = doc["plugins"].as_array().unwrap();
    assert_eq!(plugins.len(), 10);
    let lease = plugins.iter().find(|p| p["id"] == "lease-term").unwrap();
    assert_eq!(lease["enabled"], false);
    let min_years = lease["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "min_years")
        .unwrap();
    assert_eq!(min_years["value"], 3.0);
    assert_eq!(min_years["default"], 5.0);
    let hostile = plugins.iter().find(|p| p["id"] == "hostile").unwrap();
    assert_eq!(hostile["granted"][0], "lookup(registry.example)");
    assert_eq!(hostile["source"]["type"], "file");
    let refused = doc["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0]["reason"]
            .as_str()
            .unwrap()
            .contains("wasi:filesystem"),
        "{refused:?}"
    );
}

#[test]
fn a_bad_config_is_a_usage_error() {
    let cfg = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(cfg.path(), "[plugins]\ndeadline = 3\n").unwrap();
    let out = docverify()
        .args(["plugins", "list", "--config"])
        .arg(cfg.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("deadline"), "{err}");
    let out = docverify()
        .args(["plugins", "list", "--dir", "/nonexistent/plugins"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn verify_runs_the_plugins_over_a_json_submission() {
    let mut sub = input(
        APPLICANT,
        vec![
            lease(
                "l1",
                "山西龙城置业有限公司",
                APPLICANT,
                "2020-01-01",
                "2024-12-30",
            )
            .f("area_m2", serde_json::json!(500.0))
            .build(),
        ],
    );
    sub.submission.declared_area_m2 = Some(500.0);
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), serde_json::to_vec(&sub).unwrap()).unwrap();
    let out = docverify()
        .args(["plugins", "verify", "--input"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "one day short of five years fails: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["verdict"], "fail");
    let lease_term = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "lease.term")
        .unwrap();
    assert_eq!(lease_term["status"], "fail");
    assert_eq!(lease_term["plugin"], "lease-term@0.1.0");
    assert_eq!(doc["plugins"].as_array().unwrap().len(), 9);
    std::fs::write(file.path(), "{").unwrap();
    let bad = docverify()
        .args(["plugins", "verify", "--input"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn verify_asks_a_person_when_the_party_read_is_not_the_name_the_lease_prints() {
    // The lessee read is another firm, but the lease prints the applicant where a name stands:
    // `review` (exit 3) with the page, not a `fail` that turns a sound application down.
    let sub = input(
        APPLICANT,
        vec![
            lease(
                "l1",
                "山西龙城置业有限公司",
                "太原市汾河物业管理有限公司",
                "2020-01-01",
                "2024-12-31",
            )
            .pages(&[&format!(
                "房屋租赁合同\n出租方：山西龙城置业有限公司\n承租方：{APPLICANT}"
            )])
            .build(),
        ],
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), serde_json::to_vec(&sub).unwrap()).unwrap();
    let out = docverify()
        .args(["plugins", "verify", "--input"])
        .arg(file.path())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "name.consistency")
        .unwrap();
    assert_eq!(name["status"], "review", "{name}");
    assert_eq!(name["evidence"][1]["page"], 1, "{name}");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
