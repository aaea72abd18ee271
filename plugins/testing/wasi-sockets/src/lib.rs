//! A plugin that opens a TCP connection through WASI: the host must refuse to load it.

use docverify_plugin_sdk::*;

struct OpensSockets;

impl Plugin for OpensSockets {
    const ID: &'static str = "wasi-sockets";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "打开网络连接（应被拒绝加载）",
        "opens sockets (must be refused)",
    );
    const RULES: &'static [&'static str] = &["test.sockets"];

    fn check(_: &Ctx) -> Vec<Finding> {
        let ok = std::net::TcpStream::connect("10.0.0.1:80").is_ok();
        vec![finding(
            "test.sockets",
            Status::Pass,
            msg(format!("{ok}"), format!("{ok}")),
            vec![],
        )]
    }
}

plugin!(OpensSockets);
