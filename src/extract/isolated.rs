//! Extraction in worker subprocesses that can be limited, killed and reused.
//!
//! Panics are caught in-process, but a parser that loops forever or allocates without end
//! cannot be stopped from inside. As Apache Tika server's forked mode does, the parent runs
//! extraction in a child process of the same binary (`docverify __extract-worker`) with
//! - an address-space limit (`RLIMIT_AS`, `worker_memory_mb`) and a CPU-time limit
//!   (`RLIMIT_CPU`) set between fork and exec, the CPU limit renewed by the worker for each
//!   document (`deadline_secs` on every core, plus slack);
//! - a wall-clock deadline per document enforced by the parent, which kills the child when it
//!   passes;
//! - `PR_SET_PDEATHSIG`, so a child never outlives a parent that died.
//!
//! [`WorkerPool`] keeps workers started ahead, so a healthy document pays no start-up; a
//! worker handles one document at a time and is recycled (its process ended and a fresh one
//! started) after `worker_max_documents` documents, after any error and after any limit is
//! hit, so a hostile file still costs at most its own worker and cannot leave state behind
//! for the documents after it. The pool also holds the service's budget of CPU slots: every
//! document in extraction holds one, and a page read by OCR gets as many threads as there are
//! slots free (at least one), so two cores stay busy with two documents or one scan, never
//! oversubscribed; `ocr.max_concurrent` documents at most are read by OCR at once (memory; by
//! default one per slot), and a document's extra slots are given back before its next page.
//!
//! Protocol (JSON lines): the parent writes [`ParentMessage`]s on the child's stdin (a
//! document to extract, or the OCR threads granted); the child writes [`WorkerMessage`]s on
//! stdout (progress, a request for OCR threads, then one result per document). Anything else
//! on stdout is ignored; stderr is kept (the last few KiB) to explain a crash.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{ExtractConfig, ExtractError, Limit, PageProgress};
use crate::model::Extracted;
use crate::ocr::OcrConfig;

/// The hidden subcommand the worker runs as.
pub const WORKER_SUBCOMMAND: &str = "__extract-worker";

/// What the parent asks of a worker: one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerRequest {
    pub path: PathBuf,
    pub images_dir: Option<PathBuf>,
    pub config: ExtractConfig,
    pub ocr: OcrConfig,
    /// Instead of extracting: rasterise this page (1-based) of a PDF into `images_dir`.
    #[serde(default)]
    pub render_page: Option<u32>,
}

/// One line from the parent.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParentMessage {
    /// Extract this document.
    Extract(Box<WorkerRequest>),
    /// The answer to [`WorkerMessage::Threads`]: OCR threads the page may use.
    Threads(usize),
}

/// One line from the worker.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkerMessage {
    Progress(PageProgress),
    /// A page of the document needs OCR and would use this many threads: how many may it?
    Threads(usize),
    Done(Extracted),
    /// The sha256 of the page image a render request wrote.
    Rendered(String),
    Failed(ExtractError),
}

/// What a worker gave for one request.
enum Reply {
    Extracted(Extracted),
    Rendered(String),
}

/// Extracts a file in a worker subprocess of its own, started for it and ended after it
/// (synchronous: call it from `spawn_blocking`). The service keeps a [`WorkerPool`] instead.
///
/// Page images are written into `images_dir`, when given, as `<sha256>.png` (without one, a
/// born-digital page is rasterised only where reading needs it). `progress` is called on this
/// thread for every page and stage the worker reports.
pub fn extract_file(
    path: &Path,
    images_dir: Option<&Path>,
    config: &ExtractConfig,
    ocr: &OcrConfig,
    progress: impl FnMut(PageProgress),
) -> Result<Extracted, ExtractError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    WorkerPool::with_size(config, ocr, cores, 0).extract(path, images_dir, ocr, progress)
}

/// Workers started ahead, and the CPU slots documents in extraction share (see the module
/// documentation). Cheap to share behind an `Arc`; every method is synchronous.
pub struct WorkerPool {
    config: ExtractConfig,
    /// Idle workers, most recently used last.
    idle: Mutex<Vec<Worker>>,
    /// Idle workers kept.
    size: usize,
    cpu: Arc<Counter>,
    ocr: Arc<Counter>,
}

impl WorkerPool {
    /// A pool for documents extracted with `config` (its limits are fixed when a worker
    /// starts); `pool_size` workers (0: one per CPU slot) are started at once.
    pub fn new(config: &ExtractConfig, ocr: &OcrConfig) -> WorkerPool {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let slots = if config.cpu_slots == 0 {
            cores
        } else {
            config.cpu_slots
        };
        let size = if config.pool_size == 0 {
            slots
        } else {
            config.pool_size
        };
        WorkerPool::with_size(config, ocr, slots, size)
    }

    fn with_size(config: &ExtractConfig, ocr: &OcrConfig, slots: usize, size: usize) -> Self {
        let pool = WorkerPool {
            config: config.clone(),
            idle: Mutex::new(Vec::new()),
            size,
            cpu: Arc::new(Counter::new(slots)),
            ocr: Arc::new(Counter::new(match ocr.max_concurrent {
                0 => slots,
                n => n,
            })),
        };
        pool.refill();
        pool
    }

    /// Workers idle now (for tests and metrics).
    pub fn idle_workers(&self) -> usize {
        lock(&self.idle).len()
    }

    /// The process ids of the idle workers (tests prove a crash recycles its worker).
    pub fn idle_pids(&self) -> Vec<u32> {
        lock(&self.idle).iter().map(|w| w.child.id()).collect()
    }

    /// Extracts a file in a pooled worker (synchronous: call it from `spawn_blocking`).
    /// Waits for a CPU slot first; see [`extract_file`] for the arguments.
    pub fn extract(
        &self,
        path: &Path,
        images_dir: Option<&Path>,
        ocr: &OcrConfig,
        mut progress: impl FnMut(PageProgress),
    ) -> Result<Extracted, ExtractError> {
        match self.serve(path, images_dir, None, ocr, &mut progress)? {
            Reply::Extracted(doc) => Ok(doc),
            Reply::Rendered(_) => Err(ExtractError::Internal {
                reason: "the worker rendered instead of extracting".into(),
            }),
        }
    }

    /// Rasterises page `number` (1-based) of a PDF in a pooled worker and writes it into
    /// `dir` as `<sha256>.png`; returns the sha256 (synchronous: call it from
    /// `spawn_blocking`). Same limits and deadline as an extraction.
    pub fn render_page(
        &self,
        path: &Path,
        number: u32,
        dir: &Path,
    ) -> Result<String, ExtractError> {
        let ocr = OcrConfig {
            enabled: false,
            ..OcrConfig::default()
        };
        match self.serve(path, Some(dir), Some(number), &ocr, &mut |_| {})? {
            Reply::Rendered(sha) => Ok(sha),
            Reply::Extracted(_) => Err(ExtractError::Internal {
                reason: "the worker extracted instead of rendering".into(),
            }),
        }
    }

    fn serve(
        &self,
        path: &Path,
        images_dir: Option<&Path>,
        render_page: Option<u32>,
        ocr: &OcrConfig,
        progress: &mut dyn FnMut(PageProgress),
    ) -> Result<Reply, ExtractError> {
        let config = &self.config;
        // Cheap refusals before a worker is involved.
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
        let request = WorkerRequest {
            path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
            images_dir: images_dir
                .map(|d| std::path::absolute(d).unwrap_or_else(|_| d.to_path_buf())),
            config: config.clone(),
            ocr: ocr.clone(),
            render_page,
        };
        let mut held = Held::new(self.cpu.clone(), self.ocr.clone());
        // a worker that died while idle (killed from outside) costs no document
        let popped = std::iter::from_fn(|| lock(&self.idle).pop()).find_map(|mut w| {
            match w.child.try_wait() {
                Ok(None) => Some(w),
                _ => None,
            }
        });
        let mut worker = match popped {
            Some(w) => w,
            None => Worker::start(config)?,
        };
        let deadline = Instant::now() + config.deadline();
        let (outcome, reusable) = worker.run(&request, deadline, progress, &mut |w| held.grant(w));
        drop(held);
        if reusable && worker.documents < config.worker_max_documents.max(1) {
            let mut idle = lock(&self.idle);
            if idle.len() < self.size {
                idle.push(worker);
            } else {
                drop(idle);
                worker.stop();
            }
        } else {
            worker.stop();
            self.refill();
        }
        outcome
    }

    /// Starts workers until `size` are idle.
    fn refill(&self) {
        let mut idle = lock(&self.idle);
        while idle.len() < self.size {
            match Worker::start(&self.config) {
                Ok(w) => idle.push(w),
                Err(e) => {
                    tracing::warn!(error = %e, "could not start an extraction worker ahead");
                    break;
                }
            }
        }
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        for w in lock(&self.idle).drain(..) {
            w.stop();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A counting semaphore for blocking threads. What is free goes to those waiting before it
/// goes as extra to those taking without waiting (a document's extra OCR threads).
struct Counter {
    total: usize,
    state: Mutex<Taken>,
    freed: Condvar,
}

/// How much of a [`Counter`] is taken, and how many wait for some.
#[derive(Default)]
struct Taken {
    used: usize,
    waiting: usize,
}

impl Counter {
    fn new(total: usize) -> Counter {
        Counter {
            total: total.max(1),
            state: Mutex::new(Taken::default()),
            freed: Condvar::new(),
        }
    }

    fn acquire(&self) {
        let mut state = lock(&self.state);
        if state.used >= self.total {
            state.waiting += 1;
            while state.used >= self.total {
                state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            state.waiting -= 1;
        }
        state.used += 1;
    }

    /// Takes up to `n` without waiting, leaving what is free to those waiting; returns how
    /// many.
    fn try_acquire_up_to(&self, n: usize) -> usize {
        let mut state = lock(&self.state);
        let k = n.min(self.total.saturating_sub(state.used + state.waiting));
        state.used += k;
        k
    }

    fn release(&self, n: usize) {
        if n == 0 {
            return;
        }
        let mut state = lock(&self.state);
        state.used = state.used.saturating_sub(n);
        self.freed.notify_all();
    }
}

/// What one document holds of the budgets, given back when it ends.
///
/// No document waits while holding what another waits for: a document waits for its first
/// CPU slot holding nothing, gives that slot back while it waits for OCR, and takes extra
/// slots only if they are free. Extra slots are held for one page: before each page a
/// document gives back all but one, so a document that started alone shares the cores with
/// one that arrives later from its next page on.
struct Held {
    cpu: Arc<Counter>,
    ocr: Arc<Counter>,
    slots: usize,
    reading: bool,
}

impl Held {
    fn new(cpu: Arc<Counter>, ocr: Arc<Counter>) -> Held {
        cpu.acquire();
        Held {
            cpu,
            ocr,
            slots: 1,
            reading: false,
        }
    }

    /// The OCR threads a document that wants `wanted` may use.
    fn grant(&mut self, wanted: usize) -> usize {
        if !self.reading {
            self.cpu.release(self.slots);
            self.slots = 0;
            self.ocr.acquire();
            self.reading = true;
            self.cpu.acquire();
            self.slots = 1;
        } else if self.slots > 1 {
            self.cpu.release(self.slots - 1);
            self.slots = 1;
        }
        self.slots += self
            .cpu
            .try_acquire_up_to(wanted.max(1).saturating_sub(self.slots));
        self.slots
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.cpu.release(self.slots);
        if self.reading {
            self.ocr.release(1);
        }
    }
}

/// A started worker process.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<WorkerMessage>,
    stderr: Arc<Mutex<VecDeque<u8>>>,
    /// Documents it has extracted.
    documents: u32,
}

/// Bytes of a worker's stderr kept to explain a crash.
const STDERR_TAIL: usize = 4096;

impl Worker {
    fn start(config: &ExtractConfig) -> Result<Worker, ExtractError> {
        let internal = |reason: String| ExtractError::Internal { reason };
        let exe = match &config.worker_exe {
            Some(p) => p.clone(),
            None => std::env::current_exe().map_err(|e| internal(format!("no executable: {e}")))?,
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
        let mut child = command
            .spawn()
            .map_err(|e| internal(format!("cannot start worker {}: {e}", exe.display())))?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, messages) = mpsc::channel::<WorkerMessage>();
        std::thread::spawn(move || {
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
        let stderr = Arc::new(Mutex::new(VecDeque::new()));
        let mut err_pipe = child.stderr.take().expect("piped stderr");
        let kept = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut kept = lock(&kept);
                kept.extend(&buf[..n]);
                let over = kept.len().saturating_sub(STDERR_TAIL);
                kept.drain(..over);
            }
        });
        Ok(Worker {
            child,
            stdin,
            messages,
            stderr,
            documents: 0,
        })
    }

    fn send(&mut self, msg: &ParentMessage) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(msg).map_err(std::io::Error::other)?;
        line.push(b'\n');
        self.stdin.write_all(&line)?;
        self.stdin.flush()
    }

    /// Extracts one document; returns the outcome and whether the worker may take another
    /// (only after a result, never after an error, a crash or the deadline).
    fn run(
        &mut self,
        request: &WorkerRequest,
        deadline: Instant,
        progress: &mut dyn FnMut(PageProgress),
        grant: &mut dyn FnMut(usize) -> usize,
    ) -> (Result<Reply, ExtractError>, bool) {
        self.documents += 1;
        let config = &request.config;
        // A worker that died already closed its stdin; the exit status explains it below.
        let mut alive = self
            .send(&ParentMessage::Extract(Box::new(request.clone())))
            .is_ok();
        let mut timed_out = false;
        let mut outcome = None;
        while alive {
            let now = Instant::now();
            if now >= deadline {
                timed_out = true;
                break;
            }
            match self.messages.recv_timeout(deadline - now) {
                Ok(WorkerMessage::Progress(p)) => progress(p),
                Ok(WorkerMessage::Threads(wanted)) => {
                    let n = grant(wanted);
                    alive = self.send(&ParentMessage::Threads(n)).is_ok();
                }
                Ok(WorkerMessage::Done(doc)) => {
                    outcome = Some(Ok(Reply::Extracted(doc)));
                    break;
                }
                Ok(WorkerMessage::Rendered(sha)) => {
                    outcome = Some(Ok(Reply::Rendered(sha)));
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
        match outcome {
            Some(Ok(doc)) => (Ok(doc), true),
            Some(Err(e)) => (Err(e), false),
            None if timed_out => {
                let _ = self.child.kill();
                (
                    Err(ExtractError::DeadlineExceeded {
                        secs: config.deadline_secs,
                    }),
                    false,
                )
            }
            None => {
                // It ended without a result: wait for its status, then read its last words.
                let status = wait_briefly(&mut self.child, Duration::from_secs(5));
                std::thread::sleep(Duration::from_millis(20));
                let stderr: Vec<u8> = lock(&self.stderr).iter().copied().collect();
                let stderr = String::from_utf8_lossy(&stderr).into_owned();
                (Err(crash_reason(status, &stderr, config)), false)
            }
        }
    }

    /// Ends the worker: its stdin closes, so an idle worker exits by itself; then it is made
    /// sure of.
    fn stop(self) {
        let Worker {
            mut child, stdin, ..
        } = self;
        drop(stdin);
        // Reaped on a thread of its own: a busy worker may take a moment to notice.
        std::thread::spawn(move || {
            let _ = wait_briefly(&mut child, Duration::from_secs(2));
        });
    }
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

/// The worker's side: reads documents on stdin one at a time, extracts each, writes messages
/// on stdout; ends when stdin closes. Returns the process exit status (0 whenever stdin ended
/// between documents).
pub fn run_worker() -> u8 {
    // Panics are caught and reported as errors; keep their default message on stderr only.
    let send = |msg: &WorkerMessage| {
        let mut lock = std::io::stdout().lock();
        if let Ok(line) = serde_json::to_string(msg) {
            let _ = lock.write_all(line.as_bytes());
            let _ = lock.write_all(b"\n");
            let _ = lock.flush();
        }
    };
    let read_message = || -> Result<Option<ParentMessage>, String> {
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => serde_json::from_str(line.trim())
                .map(Some)
                .map_err(|e| format!("bad message: {e}")),
            Err(e) => Err(format!("stdin: {e}")),
        }
    };
    // OCR asks the parent before each page how many threads it may use: the cores are shared
    // page by page with the other documents in flight (see `Held`). One question at a time.
    static ASKING: Mutex<()> = Mutex::new(());
    crate::ocr::set_thread_gate(Box::new(move |wanted| {
        let _one_at_a_time = lock(&ASKING);
        send(&WorkerMessage::Threads(wanted));
        match read_message() {
            Ok(Some(ParentMessage::Threads(n))) => n.max(1),
            _ => 1,
        }
    }));
    loop {
        let request = match read_message() {
            Ok(Some(ParentMessage::Extract(r))) => *r,
            Ok(None) => return 0,
            Ok(Some(ParentMessage::Threads(_))) => {
                eprintln!("extract worker: threads granted while idle");
                return 2;
            }
            Err(e) => {
                eprintln!("extract worker: {e}");
                return 2;
            }
        };
        limits::renew_cpu(&request.config);
        let bytes = std::fs::read(&request.path).map_err(|e| ExtractError::Unreadable {
            media_type: "unknown".into(),
            reason: format!("{}: {e}", request.path.display()),
        });
        let reply = match (bytes, request.render_page, &request.images_dir) {
            (Err(e), ..) => WorkerMessage::Failed(e),
            (Ok(bytes), Some(number), Some(dir)) => {
                match super::render_page_image(&bytes, &request.config, number, dir) {
                    Ok(sha) => WorkerMessage::Rendered(sha),
                    Err(e) => WorkerMessage::Failed(e),
                }
            }
            (Ok(_), Some(_), None) => WorkerMessage::Failed(ExtractError::Internal {
                reason: "a page to render but no directory to write it into".into(),
            }),
            (Ok(bytes), None, _) => match super::extract_with(
                &bytes,
                &request.config,
                &request.ocr,
                request.images_dir.as_deref(),
                &mut |p| send(&WorkerMessage::Progress(p)),
            ) {
                Ok(doc) => WorkerMessage::Done(doc),
                Err(e) => WorkerMessage::Failed(e),
            },
        };
        send(&reply);
    }
}

/// Resource limits applied to the worker between fork and exec.
mod limits {
    use std::os::unix::process::CommandExt;
    use std::process::Command;

    use super::ExtractConfig;

    /// CPU seconds one document may use, which count every thread (OCR and the code scan
    /// run several): the wall deadline on every core plus slack. The wall clock normally fires
    /// first; this is the backstop if the parent is itself starved.
    fn per_document(config: &ExtractConfig) -> u64 {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
        config
            .deadline_secs
            .saturating_mul(cores)
            .saturating_add(10)
    }

    pub fn apply(command: &mut Command, config: &ExtractConfig) {
        let memory = config.worker_memory_mb.saturating_mul(1 << 20);
        // the hard limit covers every document a worker takes; the worker lowers its soft
        // limit to one document's allowance past what it has used (`renew_cpu`)
        let per_document = per_document(config);
        let cpu = per_document.saturating_mul(u64::from(config.worker_max_documents.max(1)));
        // SAFETY: the closure runs in the forked child before exec and only calls
        // async-signal-safe functions (setrlimit, prctl), allocating nothing.
        unsafe {
            command.pre_exec(move || {
                set(libc::RLIMIT_AS, memory, memory)?;
                set(libc::RLIMIT_CPU, per_document, cpu)?;
                set(libc::RLIMIT_CORE, 0, 0)?;
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

    /// In the worker, before each document: the soft CPU limit becomes one document's
    /// allowance past the CPU time used so far (never above the hard limit).
    pub fn renew_cpu(config: &ExtractConfig) {
        // SAFETY: getrusage/getrlimit fill valid structs we own.
        unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            let mut limit: libc::rlimit = std::mem::zeroed();
            if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0
                || libc::getrlimit(libc::RLIMIT_CPU, &mut limit) != 0
            {
                return;
            }
            let used = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1).max(0) as u64;
            let soft = used
                .saturating_add(per_document(config))
                .min(limit.rlim_max as u64);
            let _ = set(libc::RLIMIT_CPU, soft, limit.rlim_max as u64);
        }
    }

    fn set(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> std::io::Result<()> {
        let limit = libc::rlimit {
            rlim_cur: soft as libc::rlim_t,
            rlim_max: hard as libc::rlim_t,
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

    /// A stand-in pooled worker: answers each document by its file name.
    const POOL_SCRIPT: &str = r#"while read -r line; do
  case "$line" in
    *doc-crash*) echo 'decoder exploded' >&2; kill -SEGV $$ ;;
    *doc-hang*) exec sleep 30 ;;
    *doc-refused*) echo '{"failed":{"code":"pdf-encrypted"}}' ;;
    *doc-ocr-pages*)
      echo '{"threads":4}'
      read -r first
      echo '{"threads":4}'
      read -r second
      a=$(echo "$first" | tr -dc 0-9)
      b=$(echo "$second" | tr -dc 0-9)
      echo "{\"done\":{\"media_type\":\"threads/$a/$b\",\"pages\":[]}}" ;;
    *doc-ocr*)
      echo '{"threads":4}'
      read -r grant
      n=$(echo "$grant" | tr -dc 0-9)
      echo "{\"done\":{\"media_type\":\"threads/$n\",\"pages\":[]}}" ;;
    *) echo "{\"done\":{\"media_type\":\"pid/$$\",\"pages\":[]}}" ;;
  esac
done"#;

    fn pooled(configure: impl FnOnce(&mut ExtractConfig)) -> (tempfile::TempDir, WorkerPool) {
        let (dir, mut config, _) = fake_worker(POOL_SCRIPT);
        configure(&mut config);
        let pool = WorkerPool::new(&config, &OcrConfig::default());
        (dir, pool)
    }

    /// Extracts a document named `name` in the pool; the fake worker answers `pid/<its pid>`.
    fn extract_named(
        dir: &tempfile::TempDir,
        pool: &WorkerPool,
        name: &str,
    ) -> Result<String, ExtractError> {
        let path = dir.path().join(name);
        std::fs::write(&path, b"%PDF-1.4\n").unwrap();
        pool.extract(&path, None, &OcrConfig::default(), |_| {})
            .map(|d| d.media_type)
    }

    #[test]
    fn a_pooled_worker_serves_documents_until_one_fails_it() {
        let (dir, pool) = pooled(|c| {
            c.pool_size = 1;
            c.deadline_secs = 1;
        });
        // started ahead
        assert_eq!(pool.idle_workers(), 1);
        let first = extract_named(&dir, &pool, "doc-a.pdf").unwrap();
        assert!(first.starts_with("pid/"), "{first}");
        assert_eq!(extract_named(&dir, &pool, "doc-b.pdf").unwrap(), first);

        // a crash costs its own document; the next one gets a fresh worker
        let err = extract_named(&dir, &pool, "doc-crash.pdf").unwrap_err();
        assert_eq!(err.code(), "worker-crashed", "{err}");
        assert!(err.to_string().contains("decoder exploded"), "{err}");
        let after_crash = extract_named(&dir, &pool, "doc-c.pdf").unwrap();
        assert_ne!(after_crash, first);

        // so does a hang, killed at the deadline
        let err = extract_named(&dir, &pool, "doc-hang.pdf").unwrap_err();
        assert_eq!(err.code(), "deadline-exceeded", "{err}");
        let after_hang = extract_named(&dir, &pool, "doc-d.pdf").unwrap();
        assert_ne!(after_hang, after_crash);

        // a document the worker refuses is that document's error, and the worker is recycled
        let err = extract_named(&dir, &pool, "doc-refused.pdf").unwrap_err();
        assert_eq!(err.code(), "pdf-encrypted", "{err}");
        let after_refusal = extract_named(&dir, &pool, "doc-e.pdf").unwrap();
        assert_ne!(after_refusal, after_hang);

        // a worker killed while idle is not handed a document
        let pid = pool.idle_pids()[0];
        assert_eq!(format!("pid/{pid}"), after_refusal);
        // SAFETY: kill(2) on a child of this process.
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        std::thread::sleep(Duration::from_millis(100));
        let after_kill = extract_named(&dir, &pool, "doc-f.pdf").unwrap();
        assert_ne!(after_kill, after_refusal);
    }

    #[test]
    fn a_worker_is_recycled_after_its_quota_of_documents() {
        let (dir, pool) = pooled(|c| {
            c.pool_size = 1;
            c.worker_max_documents = 2;
        });
        let first = extract_named(&dir, &pool, "doc-a.pdf").unwrap();
        assert_eq!(extract_named(&dir, &pool, "doc-b.pdf").unwrap(), first);
        assert_ne!(extract_named(&dir, &pool, "doc-c.pdf").unwrap(), first);
    }

    #[test]
    fn ocr_threads_come_from_the_free_cpu_slots() {
        let (dir, pool) = pooled(|c| c.cpu_slots = 3);
        // the worker asks for 4: it gets the 3 slots there are
        assert_eq!(
            extract_named(&dir, &pool, "doc-ocr.pdf").unwrap(),
            "threads/3"
        );
        // two documents in flight elsewhere hold two slots: one thread is left
        let others = [
            Held::new(pool.cpu.clone(), pool.ocr.clone()),
            Held::new(pool.cpu.clone(), pool.ocr.clone()),
        ];
        assert_eq!(
            extract_named(&dir, &pool, "doc-ocr.pdf").unwrap(),
            "threads/1"
        );
        drop(others);
        assert_eq!(lock(&pool.cpu.state).used, 0);
        assert_eq!(lock(&pool.ocr.state).used, 0);
        // every page asks again, and every question is answered
        assert_eq!(
            extract_named(&dir, &pool, "doc-ocr-pages.pdf").unwrap(),
            "threads/3/3"
        );
        assert_eq!(lock(&pool.cpu.state).used, 0);
    }

    #[test]
    fn extra_ocr_threads_go_back_to_a_document_that_waits() {
        let (cpu, ocr) = (Arc::new(Counter::new(2)), Arc::new(Counter::new(2)));
        // a scan read alone takes both cores for its first page
        let mut first = Held::new(cpu.clone(), ocr.clone());
        assert_eq!(first.grant(2), 2);
        // a second document arrives and waits for a slot
        let arriving = {
            let (cpu, ocr) = (cpu.clone(), ocr.clone());
            std::thread::spawn(move || {
                let mut second = Held::new(cpu, ocr);
                let threads = second.grant(2);
                (second, threads)
            })
        };
        while lock(&cpu.state).waiting == 0 {
            std::thread::sleep(Duration::from_millis(1));
        }
        // from its next page on, the first shares: a thread each
        assert_eq!(first.grant(2), 1);
        let (second, threads) = arriving.join().unwrap();
        assert_eq!(threads, 1);
        // alone again, the first takes both cores back at its next page
        drop(second);
        assert_eq!(first.grant(2), 2);
        drop(first);
        assert_eq!(lock(&cpu.state).used, 0);
        assert_eq!(lock(&ocr.state).used, 0);
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
            r#"read -r request
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
