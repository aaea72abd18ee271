//! Compiled components kept on disk, so that start-up deserialises (~1 ms per plugin) instead
//! of running Cranelift (~0.1–1 s per plugin).
//!
//! The key is the component's SHA-256 plus a hash of the wasmtime version and the engine's
//! compatibility hash (every setting that changes compiled code), so an upgrade or a changed
//! limit never loads stale code. Cache files are native code: the directory must be writable
//! by the service user only (it is created with mode 0700).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::Engine;
use wasmtime::component::Component;

use super::host::WASMTIME_VERSION;

/// Feeds `Hash` output into SHA-256, for a key that is stable across runs (unlike `DefaultHasher`).
struct ShaHasher(Sha256);

impl Hasher for ShaHasher {
    fn finish(&self) -> u64 {
        0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

/// The part of the key that depends on the engine, hex.
pub fn engine_key(engine: &Engine) -> String {
    let mut h = ShaHasher(Sha256::new());
    WASMTIME_VERSION.hash(&mut h);
    engine.precompile_compatibility_hash().hash(&mut h);
    hex::encode(&h.0.finalize()[..8])
}

/// The cache file of a component with SHA-256 `digest`.
pub fn path_for(dir: &Path, digest: &str, engine: &Engine) -> PathBuf {
    dir.join(format!(
        "{}-{}.cwasm",
        &digest[..digest.len().min(32)],
        engine_key(engine)
    ))
}

/// Loads the compiled component from the cache, or compiles it and stores it there.
/// A cache that cannot be read or written only costs a compile (logged), never an error.
pub fn load_or_compile(
    engine: &Engine,
    wasm: &[u8],
    digest: &str,
    dir: Option<&Path>,
) -> anyhow::Result<Component> {
    let Some(dir) = dir else {
        return Component::new(engine, wasm)
            .map_err(|e| anyhow::Error::from(e).context("compiling the plugin"));
    };
    let path = path_for(dir, digest, engine);
    if path.is_file() {
        // SAFETY: the file was written by `store` below from `precompile_component` of this
        // exact engine configuration (the key says so) in a directory only we can write.
        match unsafe { Component::deserialize_file(engine, &path) } {
            Ok(c) => return Ok(c),
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "ignoring unusable plugin cache entry")
            }
        }
    }
    let compiled = engine
        .precompile_component(wasm)
        .map_err(|e| anyhow::Error::from(e).context("compiling the plugin"))?;
    if let Err(e) = store(dir, &path, &compiled) {
        tracing::warn!(dir = %dir.display(), error = %format!("{e:#}"), "cannot write the plugin cache");
    }
    // SAFETY: the bytes were produced just now by `precompile_component` of this engine.
    unsafe { Component::deserialize(engine, &compiled) }
        .map_err(|e| anyhow::Error::from(e).context("loading the compiled plugin"))
}

fn store(dir: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    create_private_dir(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path)?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    Ok(())
}
