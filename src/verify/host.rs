//! The wasmtime side: one engine, the linker with the few WASI interfaces Rust's std needs,
//! and one sandboxed call = a fresh store and instance from the plugin's `InstancePre`.
//!
//! Limits per call: a linear-memory cap (`StoreLimits`, and the pooling allocator's slot size),
//! a CPU budget counted in epoch ticks while guest code runs, a wall-clock timeout around the
//! whole call (host calls included), and optional fuel. Guest stdout and stderr go to bounded
//! in-memory pipes that are logged after the call. Nothing of one call survives into the next.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use wasmtime::component::{
    Component, ComponentExportIndex, HasSelf, Linker, ResourceTable, TypedFunc,
};
use wasmtime::{
    Config, Enabled, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, ResourceLimiter,
    Store, StoreLimits, StoreLimitsBuilder, Trap, UpdateDeadline,
};
use wasmtime_wasi::p2::pipe::MemoryInputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::capability::{Granted, HostServices, LookupHost};
use super::config::PluginsConfig;
use crate::report::LookupRecord;

wasmtime::component::bindgen!({
    path: "plugins/wit/0.1.0",
    world: "plugin",
    // Host calls may wait on the network (lookup), so they are async; `trappable` lets the host
    // kill a plugin that abuses one instead of only answering with an error.
    imports: { default: async | trappable },
    exports: { default: async },
});

/// The WIT types, as the host sees them.
pub use self::docverify::plugin::types as wit;

/// The interface every plugin exports (its name carries the API version).
const VERIFIER_EXPORT: &str = "docverify:plugin/verifier@0.1.0";

/// The wasmtime version compiled components depend on (pinned in Cargo.toml); part of the
/// on-disk cache key.
pub const WASMTIME_VERSION: &str = "48.0.8";

/// How often the epoch advances: the granularity of the CPU deadline.
const TICK: Duration = Duration::from_millis(5);

/// Interfaces a plugin may import. Rust's std for wasm32-wasip2 imports the WASI ones (stdio,
/// clocks, random, exit, environment (empty here), terminals); `docverify:plugin/*` are our
/// capabilities. Everything else, notably `wasi:filesystem` and `wasi:sockets`, is refused at
/// load and not even linked.
const ALLOWED_IMPORTS: &[&str] = &[
    "docverify:plugin/",
    "wasi:io/",
    "wasi:clocks/",
    "wasi:random/",
    "wasi:cli/stdin",
    "wasi:cli/stdout",
    "wasi:cli/stderr",
    "wasi:cli/exit",
    "wasi:cli/environment",
    "wasi:cli/terminal-",
];

/// Per-call limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Linear memory cap in bytes.
    pub memory: usize,
    /// Epoch ticks of guest execution allowed.
    pub ticks: u64,
    /// Wall-clock limit of the whole call.
    pub wall: Duration,
    /// Fuel budget, when fuel is on for this plugin.
    pub fuel: Option<u64>,
    /// Bytes kept of stdout and of stderr.
    pub output: usize,
}

impl Limits {
    /// The limits the configuration asks for (fuel is per plugin and set by the caller).
    pub fn from_config(c: &PluginsConfig) -> Limits {
        Limits {
            memory: usize::try_from(c.memory_mib.clamp(4, 4096) << 20).unwrap_or(64 << 20),
            ticks: (c.deadline_ms.max(1) * 1_000_000 / TICK.as_nanos() as u64).max(1),
            wall: Duration::from_millis(c.wall_timeout_ms.max(1)),
            fuel: None,
            output: c.output_limit_bytes,
        }
    }
}

/// `StoreLimits` plus a note of whether the memory cap was what stopped the guest.
struct Limiter {
    inner: StoreLimits,
    memory_cap_hit: bool,
}

impl ResourceLimiter for Limiter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let r = self.inner.memory_growing(current, desired, maximum);
        if !matches!(r, Ok(true)) {
            self.memory_cap_hit = true;
        }
        r
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.inner.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.inner.instances()
    }

    fn tables(&self) -> usize {
        self.inner.tables()
    }

    fn memories(&self) -> usize {
        self.inner.memories()
    }
}

/// Guest stdout or stderr: keeps the first `cap` bytes, drops the rest without telling the
/// guest (a full pipe must not make `println!` panic), and counts what it dropped.
#[derive(Clone)]
struct BoundedOutput {
    cap: usize,
    kept: Arc<std::sync::Mutex<Vec<u8>>>,
    dropped: Arc<std::sync::atomic::AtomicUsize>,
}

impl BoundedOutput {
    fn new(cap: usize) -> BoundedOutput {
        BoundedOutput {
            cap,
            kept: Arc::default(),
            dropped: Arc::default(),
        }
    }

    /// What was kept, with a note of what was dropped.
    fn text(&self) -> String {
        let kept = self.kept.lock().map(|k| k.clone()).unwrap_or_default();
        let mut s = String::from_utf8_lossy(&kept).into_owned();
        let dropped = self.dropped.load(std::sync::atomic::Ordering::Relaxed);
        if dropped > 0 {
            s.push_str(&format!("\n[… {dropped} more bytes dropped]"));
        }
        s
    }
}

impl wasmtime_wasi::cli::IsTerminal for BoundedOutput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl wasmtime_wasi::cli::StdoutStream for BoundedOutput {
    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

impl tokio::io::AsyncWrite for BoundedOutput {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        if let Ok(mut kept) = self.kept.lock() {
            let room = self.cap.saturating_sub(kept.len());
            let take = room.min(buf.len());
            kept.extend_from_slice(&buf[..take]);
            self.dropped
                .fetch_add(buf.len() - take, std::sync::atomic::Ordering::Relaxed);
        }
        std::task::Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

/// What lives in a store for one call.
pub struct CallState {
    limiter: Limiter,
    wasi: WasiCtx,
    table: ResourceTable,
    stdout: BoundedOutput,
    stderr: BoundedOutput,
    ticks_left: u64,
    pub(crate) lookup: LookupHost,
}

impl WasiView for CallState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl self::docverify::plugin::types::Host for CallState {}

impl self::docverify::plugin::lookup::Host for CallState {
    async fn fetch(
        &mut self,
        url: String,
    ) -> wasmtime::Result<Result<self::docverify::plugin::lookup::Response, wit::CapabilityError>>
    {
        self.lookup.fetch(url).await
    }
}

/// Why a call produced no findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallFailure {
    /// CPU deadline (epoch) exhausted.
    Deadline,
    /// Wall-clock timeout.
    WallTimeout,
    /// Fuel budget exhausted.
    Fuel,
    /// Memory cap reached.
    Memory,
    /// Wasm stack exhausted (deep recursion).
    Stack,
    /// Any other trap (a panic shows as `unreachable`); the text says which.
    Trap(String),
    /// The plugin returned an error itself.
    Reported(String),
    /// The instance could not be created (e.g. every slot busy).
    Instantiate(String),
    /// The plugin answered with something the host does not accept.
    BadOutput(String),
}

impl CallFailure {
    /// A stable code for logs and messages.
    pub fn code(&self) -> &'static str {
        match self {
            CallFailure::Deadline => "cpu-deadline",
            CallFailure::WallTimeout => "wall-timeout",
            CallFailure::Fuel => "fuel-exhausted",
            CallFailure::Memory => "memory-limit",
            CallFailure::Stack => "stack-overflow",
            CallFailure::Trap(_) => "trap",
            CallFailure::Reported(_) => "plugin-error",
            CallFailure::Instantiate(_) => "instantiate",
            CallFailure::BadOutput(_) => "bad-output",
        }
    }

    /// What happened, (Chinese, English).
    pub fn describe(&self) -> (String, String) {
        match self {
            CallFailure::Deadline => (
                "超出 CPU 时间限制".into(),
                "exceeded its CPU deadline".into(),
            ),
            CallFailure::WallTimeout => (
                "超出运行时间限制".into(),
                "exceeded its wall-clock timeout".into(),
            ),
            CallFailure::Fuel => ("耗尽计算配额（fuel）".into(), "ran out of fuel".into()),
            CallFailure::Memory => ("超出内存上限".into(), "exceeded its memory limit".into()),
            CallFailure::Stack => (
                "栈溢出（递归过深）".into(),
                "overflowed its stack (recursion too deep)".into(),
            ),
            CallFailure::Trap(t) => (format!("异常终止（{t}）"), format!("trapped ({t})")),
            CallFailure::Reported(e) => {
                (format!("报告错误：{e}"), format!("reported an error: {e}"))
            }
            CallFailure::Instantiate(e) => (
                format!("无法实例化：{e}"),
                format!("could not be instantiated: {e}"),
            ),
            CallFailure::BadOutput(e) => (
                format!("输出无效：{e}"),
                format!("gave invalid output: {e}"),
            ),
        }
    }
}

/// A compiled, linked plugin ready to instantiate.
#[derive(Clone)]
pub struct Prepared {
    pre: PluginPre<CallState>,
    /// Where `verify` is among the component's exports.
    verify_index: ComponentExportIndex,
    /// Set once a call has checked `verify`'s type against the bindings' ([`VerifyFunc`]).
    /// The type belongs to the component, so later calls skip the check: it walks the whole
    /// submission type and was 1–2 µs of a ~32 µs call (docs/BENCHMARKS.md, "Plugins").
    verify_checked: Arc<AtomicBool>,
}

/// `verify` as the host calls it: the submission in, findings or the plugin's error out.
type VerifyFunc<'a> = TypedFunc<(&'a wit::Submission,), (Result<Vec<wit::Finding>, String>,)>;

/// What a call left behind besides its result.
#[derive(Debug, Default)]
pub struct CallTrace {
    /// Captured stdout (bounded).
    pub stdout: String,
    /// Captured stderr (bounded).
    pub stderr: String,
    /// Lookups attempted.
    pub lookups: Vec<LookupRecord>,
    /// Time the call took.
    pub elapsed: Duration,
}

/// The engine and linker shared by all plugins, and the epoch ticker.
pub struct Host {
    engine: Engine,
    linker: Linker<CallState>,
    services: Arc<HostServices>,
    fuel: bool,
}

/// The engine settings. Everything that changes compiled code is here, so the compatibility
/// hash of the engine (part of the cache key) covers it.
fn engine_config(config: &PluginsConfig, limits: &Limits, fuel: bool) -> Config {
    let mut c = Config::new();
    c.wasm_component_model(true);
    c.epoch_interruption(true);
    c.consume_fuel(fuel);
    c.max_wasm_stack(1 << 20);
    c.async_stack_size(2 << 20);
    c.cranelift_opt_level(wasmtime::OptLevel::Speed);
    let calls = config.max_concurrent_calls.clamp(1, 1000);
    let mut p = PoolingAllocationConfig::default();
    // One extra slot per call for load-time metadata calls running beside verifications.
    let slots = calls + 4;
    p.total_component_instances(slots)
        .total_core_instances(slots * 8)
        .total_memories(slots * 2)
        .total_tables(slots * 4)
        .total_stacks(slots)
        .max_memory_size(limits.memory)
        .max_memories_per_component(4)
        .max_core_instances_per_component(32)
        .max_component_instance_size(1 << 20)
        .max_core_instance_size(1 << 20)
        .table_keep_resident(16 << 10);
    // Resetting a used memory slot by madvise makes every later call fault its pages in
    // again, each fault and each madvise a TLB shootdown across the cores: on a 2-core VM
    // that was two thirds of a call (docs/BENCHMARKS.md, "Plugins"). With PAGEMAP_SCAN
    // (Linux 6.7) only the pages a call wrote are reset, by memset, and stay resident. Without
    // it the budget would be a memset of its whole length every call, so keep it small.
    if pagemap_scan_available() {
        p.pagemap_scan(Enabled::Auto)
            .linear_memory_keep_resident(KEEP_RESIDENT_WITH_PAGEMAP);
    } else {
        p.linear_memory_keep_resident(64 << 10);
    }
    c.allocation_strategy(InstanceAllocationStrategy::Pooling(p));
    c
}

/// Bytes of a memory slot reset in place (not returned to the kernel) between calls when the
/// kernel reports which pages were written: the built-in plugins' initial memory
/// (`plugins/.cargo/config.toml`), more than one of them touches.
const KEEP_RESIDENT_WITH_PAGEMAP: usize = 4 << 20;

/// Whether the kernel has the `PAGEMAP_SCAN` ioctl (Linux 6.7 and later).
fn pagemap_scan_available() -> bool {
    let Ok(release) = std::fs::read_to_string("/proc/sys/kernel/osrelease") else {
        return false;
    };
    kernel_at_least(&release, (6, 7))
}

/// Whether a kernel release string such as `6.18.44-fc` is at least `min` (major, minor).
fn kernel_at_least(release: &str, min: (u32, u32)) -> bool {
    let mut parts = release
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .map(|n| n.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(major), Some(minor)) => (major, minor) >= min,
        _ => false,
    }
}

impl Host {
    /// Builds the engine (pooling allocator, epochs, fuel when any plugin has a budget), starts
    /// the epoch ticker and links the allowed interfaces.
    pub fn new(
        config: &PluginsConfig,
        limits: &Limits,
        fuel: bool,
        services: Arc<HostServices>,
    ) -> anyhow::Result<Host> {
        let engine = Engine::new(&engine_config(config, limits, fuel)).map_err(|e| {
            anyhow::Error::from(e).context("creating the wasmtime engine for plugins")
        })?;
        // A plain thread, so that busy async workers can never hold the clock back.
        let weak = engine.weak();
        std::thread::Builder::new()
            .name("docverify-plugin-epoch".into())
            .spawn(move || {
                while let Some(engine) = weak.upgrade() {
                    engine.increment_epoch();
                    drop(engine);
                    std::thread::sleep(TICK);
                }
            })
            .context("starting the plugin epoch thread")?;
        let mut linker = Linker::<CallState>::new(&engine);
        link_wasi(&mut linker)?;
        Plugin::add_to_linker::<_, HasSelf<_>>(&mut linker, |s| s)?;
        Ok(Host {
            engine,
            linker,
            services,
            fuel,
        })
    }

    /// The capability providers.
    pub fn services(&self) -> Arc<HostServices> {
        self.services.clone()
    }

    /// The engine (for compiling and the cache key).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Refuses components importing anything outside [`ALLOWED_IMPORTS`], then pre-links.
    pub fn prepare(&self, component: &Component) -> anyhow::Result<Prepared> {
        let imports = self.imports(component);
        let forbidden: Vec<&String> = imports
            .iter()
            .filter(|name| !ALLOWED_IMPORTS.iter().any(|p| name.starts_with(p)))
            .collect();
        if !forbidden.is_empty() {
            let list = forbidden
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            anyhow::bail!(
                "插件导入了不允许的接口 / the plugin imports interfaces that are not allowed: {list}"
            );
        }
        let pre = self
            .linker
            .instantiate_pre(component)
            .map_err(|e| anyhow::Error::from(e).context("linking the plugin"))?;
        let pre = PluginPre::new(pre).map_err(|e| {
            anyhow::Error::from(e).context(format!("the plugin does not export {VERIFIER_EXPORT}"))
        })?;
        let verify_index = component
            .get_export_index(None, VERIFIER_EXPORT)
            .and_then(|verifier| component.get_export_index(Some(&verifier), "verify"))
            .with_context(|| format!("the plugin does not export {VERIFIER_EXPORT}#verify"))?;
        Ok(Prepared {
            pre,
            verify_index,
            verify_checked: Arc::default(),
        })
    }

    /// The names of a component's imports.
    pub fn imports(&self, component: &Component) -> Vec<String> {
        component
            .component_type()
            .imports(&self.engine)
            .map(|(name, _)| name.to_string())
            .collect()
    }

    fn new_store(&self, limits: &Limits, lookup: LookupHost) -> anyhow::Result<Store<CallState>> {
        let stdout = BoundedOutput::new(limits.output);
        let stderr = BoundedOutput::new(limits.output);
        // No arguments, no environment, no preopened directories, no network.
        let wasi = WasiCtx::builder()
            .stdin(MemoryInputPipe::new(Vec::<u8>::new()))
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        let state = CallState {
            limiter: Limiter {
                inner: StoreLimitsBuilder::new()
                    .memory_size(limits.memory)
                    .table_elements(200_000)
                    .instances(64)
                    .tables(64)
                    .memories(8)
                    .trap_on_grow_failure(true)
                    .build(),
                memory_cap_hit: false,
            },
            wasi,
            table: ResourceTable::new(),
            stdout,
            stderr,
            ticks_left: limits.ticks,
            lookup,
        };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limiter);
        if self.fuel {
            store.set_fuel(limits.fuel.unwrap_or(u64::MAX))?;
        }
        // Every tick: give the executor a turn (so the wall timeout can fire) and spend one
        // tick of the CPU budget; at zero, interrupt.
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(|mut ctx| {
            let s = ctx.data_mut();
            s.ticks_left = s.ticks_left.saturating_sub(1);
            if s.ticks_left == 0 {
                Ok(UpdateDeadline::Interrupt)
            } else {
                Ok(UpdateDeadline::Yield(1))
            }
        });
        Ok(store)
    }

    /// Calls `metadata` in a fresh instance.
    pub async fn metadata(
        &self,
        plugin: &Prepared,
        limits: &Limits,
    ) -> Result<wit::Manifest, CallFailure> {
        let lookup = LookupHost::new("", "", Granted::default(), self.services.clone());
        let mut store = self
            .new_store(limits, lookup)
            .map_err(|e| CallFailure::Instantiate(format!("{e:#}")))?;
        let result = {
            let run = async {
                let inst = plugin
                    .pre
                    .instantiate_async(&mut store)
                    .await
                    .map_err(|e| CallFailure::Instantiate(format!("{e:#}")))?;
                inst.docverify_plugin_verifier()
                    .call_metadata(&mut store)
                    .await
                    .map_err(|e| classify(&e, false))
            };
            match tokio::time::timeout(limits.wall, run).await {
                Ok(r) => r,
                Err(_) => Err(CallFailure::WallTimeout),
            }
        };
        match result {
            Err(CallFailure::Trap(_)) if store.data().limiter.memory_cap_hit => {
                Err(CallFailure::Memory)
            }
            r => r,
        }
    }

    /// One sandboxed `verify` call.
    pub async fn verify(
        &self,
        plugin: &Prepared,
        limits: &Limits,
        lookup: LookupHost,
        submission: &wit::Submission,
    ) -> (Result<Vec<wit::Finding>, CallFailure>, CallTrace) {
        let started = Instant::now();
        let mut store = match self.new_store(limits, lookup) {
            Ok(s) => s,
            Err(e) => {
                return (
                    Err(CallFailure::Instantiate(format!("{e:#}"))),
                    CallTrace::default(),
                );
            }
        };
        let result = {
            let run = async {
                // Instantiated without the bindings' `load`, which type-checks every export on
                // every call; `verify`'s type is checked once per plugin below.
                let inst = plugin
                    .pre
                    .instance_pre()
                    .instantiate_async(&mut store)
                    .await
                    .map_err(|e| CallFailure::Instantiate(format!("{e:#}")))?;
                let func = inst
                    .get_func(&mut store, plugin.verify_index)
                    .ok_or_else(|| CallFailure::Instantiate("no verify export".into()))?;
                let verify: VerifyFunc = if plugin.verify_checked.load(Ordering::Acquire) {
                    // SAFETY: this component's `verify` passed `Func::typed` with these very
                    // parameter and result types in an earlier call (the branch below), and an
                    // export's type is fixed by the component.
                    unsafe { VerifyFunc::new_unchecked(func) }
                } else {
                    let checked = func.typed(&store).map_err(|e| {
                        CallFailure::Instantiate(format!("verify has the wrong type: {e:#}"))
                    })?;
                    plugin.verify_checked.store(true, Ordering::Release);
                    checked
                };
                match verify
                    .call_async(&mut store, (submission,))
                    .await
                    .map(|(r,)| r)
                {
                    Ok(Ok(findings)) => Ok(findings),
                    Ok(Err(reported)) => Err(CallFailure::Reported(truncate(&reported, 500))),
                    Err(e) => Err(classify(&e, limits.fuel.is_some())),
                }
            };
            match tokio::time::timeout(limits.wall, run).await {
                Ok(r) => r,
                Err(_) => Err(CallFailure::WallTimeout),
            }
        };
        let state = store.data_mut();
        let result = match result {
            Err(CallFailure::Trap(_)) if state.limiter.memory_cap_hit => Err(CallFailure::Memory),
            r => r,
        };
        let (stdout, stderr) = (state.stdout.text(), state.stderr.text());
        let lookups = std::mem::take(&mut state.lookup.records);
        // Dropping the store returns the instance to the pool, which resets its memory: part
        // of what a call costs, so it is inside `elapsed`.
        drop(store);
        let trace = CallTrace {
            stdout,
            stderr,
            lookups,
            elapsed: started.elapsed(),
        };
        (result, trace)
    }
}

/// Links the WASI interfaces Rust's std imports, and nothing else: no filesystem, no sockets.
fn link_wasi(linker: &mut Linker<CallState>) -> anyhow::Result<()> {
    use wasmtime_wasi::cli::{WasiCli, WasiCliView};
    use wasmtime_wasi::p2::bindings::cli;
    use wasmtime_wasi::random::WasiRandom;
    // io (streams, poll, error), wall and monotonic clocks, random, stdin/stdout/stderr.
    wasmtime_wasi::p2::add_to_linker_proxy_interfaces_async(linker)?;
    let l = linker;
    wasmtime_wasi::p2::bindings::random::insecure::add_to_linker::<_, WasiRandom>(l, |t| {
        t.wasi.random()
    })?;
    wasmtime_wasi::p2::bindings::random::insecure_seed::add_to_linker::<_, WasiRandom>(l, |t| {
        t.wasi.random()
    })?;
    cli::exit::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    cli::environment::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    cli::terminal_input::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    cli::terminal_output::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    cli::terminal_stdin::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    cli::terminal_stdout::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    cli::terminal_stderr::add_to_linker::<_, WasiCli>(l, CallState::cli)?;
    Ok(())
}

/// Sorts a wasmtime error into what the report says.
fn classify(e: &wasmtime::Error, fuel: bool) -> CallFailure {
    match e.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => CallFailure::Deadline,
        Some(Trap::OutOfFuel) if fuel => CallFailure::Fuel,
        Some(Trap::OutOfFuel) => CallFailure::Deadline,
        Some(Trap::StackOverflow) => CallFailure::Stack,
        // Rust keeps its stack in linear memory: deep recursion runs it off the bottom.
        Some(Trap::MemoryOutOfBounds) => CallFailure::Trap(
            "out-of-bounds memory access: the guest's stack overflowed (deep recursion) or it read outside its memory"
                .into(),
        ),
        Some(Trap::UnreachableCodeReached) => {
            CallFailure::Trap("unreachable: the plugin panicked or aborted".into())
        }
        Some(t) => CallFailure::Trap(t.to_string()),
        None => CallFailure::Trap(truncate(&format!("{:#}", e.root_cause()), 300)),
    }
}

/// At most `max` chars of `s`.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::kernel_at_least;

    #[test]
    fn kernel_release_strings_are_compared_by_major_and_minor() {
        assert!(kernel_at_least("6.18.44-fc-v657\n", (6, 7)));
        assert!(kernel_at_least("6.7.0", (6, 7)));
        assert!(!kernel_at_least("6.6.30-generic", (6, 7)));
        assert!(!kernel_at_least("5.15.0-91-generic", (6, 7)));
        assert!(kernel_at_least("10.0", (6, 7)));
        assert!(!kernel_at_least("", (6, 7)));
        assert!(!kernel_at_least("garbage", (6, 7)));
    }
}
