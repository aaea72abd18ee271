//! A plugin that misbehaves on purpose, for the host's containment tests. The `mode` parameter
//! picks the misbehaviour: `loop` (never returns), `memory` (allocates without end), `recursion`
//! (unbounded recursion with stack arrays: the shadow stack in linear memory overflows),
//! `deep-calls` (unbounded recursion in wasm locals: the engine's stack overflows), `panic`, `lookup` (calls the `lookup` capability, which it asks for
//! but tests do not grant), `chatter` (floods stdout and stderr), `foreign-rule` (reports a rule
//! it did not declare), anything else: a plain pass.

use docverify_plugin_sdk::*;
use std::hint::black_box;

const RULE: &str = "test.hostile";

struct Hostile;

/// Recursion the optimiser cannot turn into a loop: every frame calls through an opaque
/// function pointer and keeps a 256-byte array alive.
fn recurse(n: u64, pad: [u8; 256]) -> u64 {
    let pad = black_box(pad);
    if black_box(n) == u64::MAX {
        return 0;
    }
    let next: fn(u64, [u8; 256]) -> u64 = black_box(recurse);
    next(n + 1, pad) + u64::from(black_box(pad)[n as usize % 256])
}

/// Recursion that keeps everything in wasm locals: the engine's own stack overflows.
fn deep_calls(n: u64) -> u64 {
    if black_box(n) == u64::MAX {
        return 0;
    }
    let next: fn(u64) -> u64 = black_box(deep_calls);
    next(n + 1).wrapping_add(black_box(n))
}

impl Plugin for Hostile {
    const ID: &'static str = "hostile";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) =
        ("恶意行为测试插件", "misbehaves on purpose for tests");
    const RULES: &'static [&'static str] = &[RULE];

    fn parameters() -> Vec<ParamSpec> {
        vec![param_spec(
            "mode",
            ParamValue::Text("ok".into()),
            "行为",
            "the misbehaviour",
        )]
    }

    fn capabilities() -> Vec<CapabilityRequest> {
        vec![CapabilityRequest {
            name: "lookup".into(),
            targets: vec!["registry.example".into()],
            reason: msg("测试", "tests"),
        }]
    }

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let mode = ctx.param_str("mode").unwrap_or("ok").to_string();
        let text = match mode.as_str() {
            "loop" => {
                let mut x = 0u64;
                loop {
                    x = black_box(x.wrapping_add(1));
                }
            }
            "memory" => {
                let mut hoard: Vec<Vec<u8>> = Vec::new();
                loop {
                    hoard.push(vec![0xA5; 1 << 20]);
                    black_box(&hoard);
                }
            }
            "recursion" => format!("{}", recurse(0, [1; 256])),
            "deep-calls" => format!("{}", deep_calls(0)),
            "panic" => panic!("hostile plugin panics on purpose"),
            "lookup" => match lookup::fetch("https://registry.example/check?code=1") {
                Ok(r) => format!("lookup answered {}", r.status),
                Err(CapabilityError::Denied(why)) => format!("lookup denied: {why}"),
                Err(CapabilityError::Unavailable(why)) => format!("lookup unavailable: {why}"),
                Err(CapabilityError::Failed(why)) => format!("lookup failed: {why}"),
            },
            "chatter" => {
                for i in 0..20_000 {
                    println!("stdout line {i} from the hostile plugin");
                    eprintln!("stderr line {i} from the hostile plugin");
                }
                "chattered".into()
            }
            "foreign-rule" => {
                return vec![finding(
                    "lease.term",
                    Status::Pass,
                    msg("冒充", "impostor"),
                    vec![],
                )];
            }
            _ => "ok".into(),
        };
        vec![finding(RULE, Status::Pass, msg(text.clone(), text), vec![])]
    }
}

plugin!(Hostile);
