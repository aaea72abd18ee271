//! Extraction in a worker subprocess that can be limited and killed.
//!
//! Panics are caught in-process, but a parser that loops forever or allocates without end
//! cannot be stopped from inside. As Apache Tika server's forked mode does, the parent runs
//! extraction in a child process of the same binary (`docverify __extract-worker`) with
//! - an address-space limit (`RLIMIT_AS`, `worker_memory_mb`) and a CPU-time limit
//!   (`RLIMIT_CPU`), set between fork and exec;
//! - a wall-clock deadline enforced by the parent, which kills the child when it passes;
//! - `PR_SET_PDEATHSIG`, so a child never outlives a parent that died.
//!
//! One child per document rather than a long-lived pool: a fork+exec costs a few
//! milliseconds against hundreds per page, and a fresh process can carry no state (or
//! leaked memory) from one hostile file to the next. "Restart" is thus implicit: a crashed
//! worker affects only its own document, and the next document gets a new one.
//!
//! Protocol: the parent writes one JSON [`WorkerRequest`] on the child's stdin; the child
//! writes JSON lines [`WorkerMessage`] on stdout (progress, then one result). Anything else
//! on stdout is ignored; stderr is kept (the last few KiB) to explain a crash.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{ExtractConfig, ExtractError, Limit, PageProgress};
use crate::model::Extracted;
use crate::ocr::OcrConfig;

/// The hidden subcommand the worker runs as.
pub const WORKER_SUBCOMMAND: &str = "__extract-worker";

/// What the parent asks of a worker.
#[derive(Debug, Serialize, Deserialize)]
pub struct WorkerRequest {
    pub path: PathBuf,
    pub images_dir: Option<PathBuf>,
    pub config: ExtractConfig,
    pub ocr: OcrConfig,
}

/// One line from the worker.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkerMessage {
    Progress(PageProgress),
    Done(Extracted),
    Failed(ExtractError),
}

/// Extracts a file in a worker subprocess (synchronous: call it from `spawn_blocking`).
///
/// Page images are written into `images_dir`, when given, as `<sha256>.png` (without one, a
/// born-digital page is rasterised only where reading needs it). `progress` is called on this
/// thread for every page and stage the worker reports.
pub fn extract_file(
    path: &Path,
    images_dir: Option<&Path>,
    config: &ExtractConfig,
    ocr: &OcrConfig,
    mut progress: impl FnMut(PageProgress),
) -> Result<Extracted, ExtractError> {
    let internal = |reason: String| ExtractError::Internal { reason };
    // Cheap refusals before a process is started.
    let meta = std::fs::metadata(path).map_err(|e| ExtractError::Unreadable {
        media_type: "unknown".into(),
        reason: format!("{}: {e}", path.display()),
    })?;
    if meta.len() > config.max_bytes {
        return Err(ExtractError::TooLarge(Limit::Bytes {
            size: meta.len(),
            max: config.max_bytes,
        }));
    }
    let exe = match &config.worker_exe {
        Some(p) => p.clone(),
        None => std::env::current_exe().map_err(|e| internal(format!("no executable: {e}")))?,
    };
    let request = WorkerRequest {
        path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
        images_dir: images_dir.map(|d| std::path::absolute(d).unwrap_or_else(|_| d.to_path_buf())),
        config: config.clone(),
        ocr: ocr.clone(),
    };

    let mut command = Command::new(&exe);
    command
        .arg(WORKER_SUBCOMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Quiet, single-purpose child: no colour codes, no inherited log filters.
        .env_remove("RUST_LOG");
    limits::apply(&mut command, config);
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| internal(format!("cannot start worker {}: {e}", exe.display())))?;

    let mut stdin = child.stdin.take().expect("piped stdin");
    let line = serde_json::to_vec(&request).map_err(|e| internal(e.to_string()))?;
    // A worker that died at once closes its stdin; the exit status explains it below.
    let _ = stdin.write_all(&line).and_then(|_| stdin.write_all(b"\n"));
    drop(stdin);

    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel::<WorkerMessage>();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout);
        let mut buf = String::new();
        loop {
            buf.clear();
            match lines.read_line(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if let Ok(msg) = serde_json::from_str::<WorkerMessage>(buf.trim_end())
                        && tx.send(msg).is_err()
                    {
                        break;
                    }
                }
            }
        }
    });
    let stderr = child.stderr.take().expect("piped stderr");
    let stderr_tail = std::thread::spawn(move || tail(stderr, 4096));

    let deadline = started + config.deadline();
    let mut outcome: Option<Result<Extracted, ExtractError>> = None;
    let mut timed_out = false;
    loop {
        let now = Instant::now();
        if now >= deadline {
            timed_out = true;
            break;
        }
        match rx.recv_timeout(deadline - now) {
            Ok(WorkerMessage::Progress(p)) => progress(p),
            Ok(WorkerMessage::Done(doc)) => {
                outcome = Some(Ok(doc));
                break;
            }
            Ok(WorkerMessage::Failed(e)) => {
                outcome = Some(Err(e));
                break;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                timed_out = true;
                break;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    if timed_out {
        let _ = child.kill();
    }
    // After a result the worker exits by itself; give it a moment, then make sure.
    let status = wait_briefly(&mut child, Duration::from_secs(5));
    let _ = reader.join();
    let stderr_text = stderr_tail.join().unwrap_or_default();

    if let Some(outcome) = outcome {
        return outcome;
    }
    if timed_out {
        return Err(ExtractError::DeadlineExceeded {
            secs: config.deadline_secs,
        });
    }
    Err(crash_reason(status, &stderr_text, config))
}

/// Waits up to `grace` for the child, then kills it.
fn wait_briefly(
    child: &mut std::process::Child,
    grace: Duration,
) -> Option<std::process::ExitStatus> {
    let until = Instant::now() + grace;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < until => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                return child.wait().ok();
            }
        }
    }
}

/// Explains a worker that ended without a result.
fn crash_reason(
    status: Option<std::process::ExitStatus>,
    stderr: &str,
    config: &ExtractConfig,
) -> ExtractError {
    use std::os::unix::process::ExitStatusExt;
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return ExtractError::TooLarge(Limit::Memory {
            max_mb: config.worker_memory_mb,
        });
    }
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect::<String>();
    let how = match status {
        Some(s) if s.signal() == Some(libc::SIGXCPU) => {
            return ExtractError::DeadlineExceeded {
                secs: config.deadline_secs,
            };
        }
        Some(s) if s.signal().is_some() => format!("killed by signal {}", s.signal().unwrap_or(0)),
        Some(s) => format!("exited with {s}"),
        None => "vanished".to_string(),
    };
    ExtractError::WorkerCrashed {
        reason: if last.is_empty() {
            how
        } else {
            format!("{how}: {last}")
        },
    }
}

/// Reads a stream to its end, keeping the last `keep` bytes.
fn tail(mut r: impl Read, keep: usize) -> String {
    let mut kept: Vec<u8> = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = r.read(&mut buf) {
        if n == 0 {
            break;
        }
        kept.extend_from_slice(&buf[..n]);
        if kept.len() > 2 * keep {
            kept.drain(..kept.len() - keep);
        }
    }
    if kept.len() > keep {
        kept.drain(..kept.len() - keep);
    }
    String::from_utf8_lossy(&kept).into_owned()
}

/// The worker's side: reads the request on stdin, extracts, writes messages on stdout.
/// Returns the process exit status (0 whenever a result line was written).
pub fn run_worker() -> u8 {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        eprintln!("extract worker: no request on stdin");
        return 2;
    }
    let request: WorkerRequest = match serde_json::from_str(input.trim()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("extract worker: bad request: {e}");
            return 2;
        }
    };
    // Panics are caught and reported as errors; keep their default message on stderr only.
    let out = std::io::stdout();
    let send = |msg: &WorkerMessage| {
        let mut lock = out.lock();
        if let Ok(line) = serde_json::to_string(msg) {
            let _ = lock.write_all(line.as_bytes());
            let _ = lock.write_all(b"\n");
            let _ = lock.flush();
        }
    };
    let result = match std::fs::read(&request.path) {
        Err(e) => Err(ExtractError::Unreadable {
            media_type: "unknown".into(),
            reason: format!("{}: {e}", request.path.display()),
        }),
        Ok(bytes) => super::extract_with(
            &bytes,
            &request.config,
            &request.ocr,
            request.images_dir.as_deref(),
            &mut |p| send(&WorkerMessage::Progress(p)),
        ),
    };
    send(&match result {
        Ok(doc) => WorkerMessage::Done(doc),
        Err(e) => WorkerMessage::Failed(e),
    });
    0
}

/// Resource limits applied to the worker between fork and exec.
mod limits {
    use std::os::unix::process::CommandExt;
    use std::process::Command;

    use super::ExtractConfig;

    pub fn apply(command: &mut Command, config: &ExtractConfig) {
        let memory = config.worker_memory_mb.saturating_mul(1 << 20);
        // CPU seconds, which count every thread (OCR and the code scan run several): the wall
        // deadline on every core plus slack. The wall clock normally fires first; this is the
        // backstop if the parent is itself starved.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
        let cpu = config
            .deadline_secs
            .saturating_mul(cores)
            .saturating_add(10);
        // SAFETY: the closure runs in the forked child before exec and only calls
        // async-signal-safe functions (setrlimit, prctl), allocating nothing.
        unsafe {
            command.pre_exec(move || {
                set(libc::RLIMIT_AS, memory)?;
                set(libc::RLIMIT_CPU, cpu)?;
                set(libc::RLIMIT_CORE, 0)?;
                #[cfg(target_os = "linux")]
                libc::prctl(
                    libc::PR_SET_PDEATHSIG,
                    libc::SIGKILL as libc::c_ulong,
                    0,
                    0,
                    0,
                );
                Ok(())
            });
        }
    }

    fn set(resource: libc::__rlimit_resource_t, value: u64) -> std::io::Result<()> {
        let limit = libc::rlimit {
            rlim_cur: value as libc::rlim_t,
            rlim_max: value as libc::rlim_t,
        };
        // SAFETY: setrlimit reads a valid, initialised struct.
        if unsafe { libc::setrlimit(resource, &limit) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_roundtrip() {
        let msg = WorkerMessage::Failed(ExtractError::Encrypted);
        let line = serde_json::to_string(&msg).unwrap();
        let back: WorkerMessage = serde_json::from_str(&line).unwrap();
        assert!(matches!(
            back,
            WorkerMessage::Failed(ExtractError::Encrypted)
        ));
    }

    #[test]
    fn tail_keeps_the_end() {
        let data = "x".repeat(10_000) + "the end";
        let t = tail(data.as_bytes(), 100);
        assert!(t.ends_with("the end") && t.len() == 100);
    }

    /// A stand-in worker executable running `script` (the parent passes it the
    /// `__extract-worker` argument, which the script ignores).
    fn fake_worker(script: &str) -> (tempfile::TempDir, ExtractConfig, PathBuf) {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("worker.sh");
        std::fs::write(&exe, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        let input = dir.path().join("in.pdf");
        std::fs::write(&input, b"%PDF-1.4\n").unwrap();
        let config = ExtractConfig {
            worker_exe: Some(exe),
            deadline_secs: 1,
            ..ExtractConfig::default()
        };
        (dir, config, input)
    }

    #[test]
    fn a_hanging_worker_is_killed_at_the_deadline() {
        let (dir, config, input) = fake_worker("exec sleep 30");
        let err = extract_file(
            &input,
            Some(dir.path()),
            &config,
            &OcrConfig::default(),
            |_| {},
        )
        .unwrap_err();
        assert_eq!(err.code(), "deadline-exceeded", "{err}");
    }

    #[test]
    fn a_crashing_worker_is_reported_with_its_last_words() {
        let (dir, config, input) = fake_worker("echo 'decoder exploded' >&2; kill -SEGV $$");
        let err = extract_file(
            &input,
            Some(dir.path()),
            &config,
            &OcrConfig::default(),
            |_| {},
        )
        .unwrap_err();
        assert_eq!(err.code(), "worker-crashed", "{err}");
        assert!(err.to_string().contains("signal 11"), "{err}");
        assert!(err.to_string().contains("decoder exploded"), "{err}");
    }

    #[test]
    fn progress_and_result_lines_are_relayed() {
        let (dir, config, input) = fake_worker(
            r#"cat > /dev/null
echo 'noise from a library'
echo '{"progress":{"page":1,"pages":1,"stage":"codes"}}'
echo '{"done":{"media_type":"image/png","pages":[]}}'"#,
        );
        let mut seen = Vec::new();
        let doc = extract_file(
            &input,
            Some(dir.path()),
            &config,
            &OcrConfig::default(),
            |p| seen.push(p),
        )
        .unwrap();
        assert_eq!(doc.media_type, "image/png");
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].stage, crate::extract::Stage::Codes);
    }

    #[test]
    fn oversized_files_are_refused_before_a_worker_starts() {
        let (dir, mut config, input) = fake_worker("exit 99");
        config.max_bytes = 3;
        let err = extract_file(
            &input,
            Some(dir.path()),
            &config,
            &OcrConfig::default(),
            |_| {},
        )
        .unwrap_err();
        assert_eq!(err.code(), "too-large");
    }

    #[test]
    fn allocation_failure_is_reported_as_memory_limit() {
        let config = ExtractConfig::default();
        let e = crash_reason(None, "memory allocation of 123 bytes failed\n", &config);
        assert_eq!(e.code(), "too-large");
        let e = crash_reason(None, "boom\n", &config);
        assert_eq!(e.code(), "worker-crashed");
    }
}
