//! A plugin that reads a file through WASI: the host must refuse to load it.

use docverify_plugin_sdk::*;

struct ReadsFiles;

impl Plugin for ReadsFiles {
    const ID: &'static str = "wasi-filesystem";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) =
        ("读取文件（应被拒绝加载）", "reads files (must be refused)");
    const RULES: &'static [&'static str] = &["test.filesystem"];

    fn check(_: &Ctx) -> Vec<Finding> {
        let text = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
        vec![finding(
            "test.filesystem",
            Status::Pass,
            msg(text.clone(), text),
            vec![],
        )]
    }
}

plugin!(ReadsFiles);
