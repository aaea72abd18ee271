//! `docverify registry-emulator --data FILE --listen ADDR`: a local audit-report registry for
//! development and tests.
//!
//! It answers in the shape of the example adapter (`deploy/registries.example.toml`) from a
//! JSON file of filed reports, so the real lookup path (grant, address checks, timeouts, caps,
//! cache, plugin comparison) can be exercised over loopback. Nothing in the product knows about
//! it: it is configured like any registry (`[lookup.hosts."localhost"] local = true, http = true`).
//!
//! Besides the reports, a record may ask the emulator to misbehave the way real registries do
//! (`emulate`: answer slowly, redirect, answer with a huge body, answer with another status),
//! and `GET /_emulator/requests` lists the requests received, so tests can tell whether
//! something was fetched at all.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use clap::Args;
use serde::{Deserialize, Serialize};

/// Arguments of `docverify registry-emulator`.
#[derive(Debug, Args)]
pub struct RegistryEmulatorArgs {
    /// JSON file of filed reports (see docs/REGISTRY.md, "The emulator").
    #[arg(long)]
    pub data: PathBuf,
    /// Address to listen on (`127.0.0.1:0` picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8089")]
    pub listen: String,
}

/// The data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmulatorData {
    pub reports: Vec<FiledReport>,
}

/// One filed report, as the registry knows it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiledReport {
    /// The verification code (or 防伪编号) the report was filed under.
    pub code: String,
    /// The audit firm.
    pub firm: String,
    /// The audited entity.
    pub client: String,
    pub report_no: String,
    /// ISO date.
    pub report_date: String,
    /// `valid`, `withdrawn`, …
    pub status: String,
    /// How to misbehave for this code (development and tests only).
    #[serde(default, skip_serializing)]
    pub emulate: Emulate,
}

/// Misbehaviour of the emulated registry for one code.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Emulate {
    /// Wait this long before answering.
    #[serde(default)]
    pub delay_ms: u64,
    /// Answer `302 Found` with this `Location`.
    pub redirect: Option<String>,
    /// Answer with a body of this many bytes (streamed, no Content-Length).
    pub body_bytes: Option<u64>,
    /// Answer with this HTTP status instead of 200.
    pub http_status: Option<u16>,
}

#[derive(Clone)]
struct AppState {
    reports: Arc<HashMap<String, FiledReport>>,
    requests: Arc<Mutex<Vec<String>>>,
}

/// Runs `docverify registry-emulator`.
pub fn run(args: RegistryEmulatorArgs) -> ExitCode {
    let text = match std::fs::read_to_string(&args.data) {
        Ok(t) => t,
        Err(e) => {
            return super::usage_error(format_args!(
                "无法读取 / cannot read {}: {e}",
                args.data.display()
            ));
        }
    };
    let data: EmulatorData = match serde_json::from_str(&text) {
        Ok(d) => d,
        Err(e) => {
            return super::usage_error(format_args!(
                "数据文件无效 / invalid data file {}: {e}",
                args.data.display()
            ));
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => return super::usage_error(format_args!("cannot start the runtime: {e}")),
    };
    match runtime.block_on(serve(data, &args.listen)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::usage_error(format_args!("{e:#}")),
    }
}

async fn serve(data: EmulatorData, listen: &str) -> anyhow::Result<()> {
    let reports = data
        .reports
        .into_iter()
        .map(|r| (r.code.trim().to_string(), r))
        .collect();
    let state = AppState {
        reports: Arc::new(reports),
        requests: Arc::default(),
    };
    let app = Router::new()
        .route("/api/v1/reports/{code}", get(by_path))
        .route("/verify", get(by_query))
        .route("/_emulator/requests", get(requests))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| anyhow::anyhow!("无法监听 / cannot listen on {listen}: {e}"))?;
    let addr = listener.local_addr()?;
    eprintln!("registry-emulator listening on http://{addr}");
    axum::serve(listener, app).await?;
    Ok(())
}

async fn by_path(State(s): State<AppState>, Path(code): Path<String>) -> Response {
    answer(&s, format!("/api/v1/reports/{code}"), &code).await
}

async fn by_query(State(s): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    let code = q.get("code").cloned().unwrap_or_default();
    answer(&s, format!("/verify?code={code}"), &code).await
}

async fn requests(State(s): State<AppState>) -> Response {
    let list = s.requests.lock().map(|l| l.clone()).unwrap_or_default();
    axum::Json(serde_json::json!({ "count": list.len(), "requests": list })).into_response()
}

async fn answer(s: &AppState, path: String, code: &str) -> Response {
    if let Ok(mut l) = s.requests.lock() {
        l.push(path);
    }
    let Some(report) = s.reports.get(code.trim()) else {
        return (
            StatusCode::NOT_FOUND,
            axum::Json(serde_json::json!({ "found": false })),
        )
            .into_response();
    };
    let e = &report.emulate;
    if e.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(e.delay_ms)).await;
    }
    if let Some(to) = &e.redirect {
        return (StatusCode::FOUND, [(header::LOCATION, to.clone())]).into_response();
    }
    let status = e
        .http_status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    if let Some(n) = e.body_bytes {
        // A body far larger than any answer, produced on the fly.
        const CHUNK: usize = 64 * 1024;
        let chunks = n.div_ceil(CHUNK as u64);
        let stream = futures::stream::iter((0..chunks).map(move |i| {
            let len = if i + 1 == chunks {
                (n - i * CHUNK as u64) as usize
            } else {
                CHUNK
            };
            Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b' '; len]))
        }));
        return (status, Body::from_stream(stream)).into_response();
    }
    (
        status,
        axum::Json(serde_json::json!({ "found": true, "report": report })),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_data_parses() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("deploy/registry-emulator.example.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let data: EmulatorData = serde_json::from_str(&text).unwrap();
        assert!(!data.reports.is_empty());
    }
}
