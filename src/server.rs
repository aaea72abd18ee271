//! Starting the service: configuration → logs → stores → plugins → workers → HTTP, and a
//! graceful stop on SIGINT/SIGTERM.

use std::sync::Arc;

use anyhow::Context;
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::http::{AppState, router};
use crate::jobs::{HOLD_JOBS_ENV, Jobs};
use crate::pipeline::Pipeline;
use crate::store::{FaultyStore, LocalBlobStore, MetaStore, STORE_FAULTS_ENV, SqliteStore};

/// Sets up `tracing` as configured (text or JSON lines on stderr).
pub fn init_logging(cfg: &crate::config::LogConfig) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&cfg.filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    // Colour only for a person at a terminal, never into a pipe, file or log collector.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    let _ = if cfg.format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

/// Runs the service until a shutdown signal.
pub async fn serve(mut config: Config) -> anyhow::Result<()> {
    // Caches live with the data unless configured elsewhere: one directory to back up or
    // mount, and a re-run of a submission costs nothing.
    let cache = config.storage.data_dir.join("cache");
    config
        .ocr
        .cache_dir
        .get_or_insert_with(|| cache.join("ocr"));
    config
        .plugins
        .cache_dir
        .get_or_insert_with(|| cache.join("plugins"));
    let config = Arc::new(config);
    let data_dir = &config.storage.data_dir;
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("create data directory {}", data_dir.display()))?;
    let store = SqliteStore::open(&config.storage.database_url())
        .await
        .context("open the database")?;
    let blobs = LocalBlobStore::open(data_dir).context("open the blob store")?;
    let pipeline = Pipeline::new(config.clone()).context("load the plugins")?;
    // Test hooks, off unless a test sets their variables (src/store/faults.rs, src/jobs.rs).
    let store: Arc<dyn MetaStore> = match std::env::var_os(STORE_FAULTS_ENV) {
        Some(file) => {
            tracing::warn!(file = %std::path::Path::new(&file).display(), "test hook {STORE_FAULTS_ENV}: store operations listed in the file fail");
            Arc::new(FaultyStore::new(store, file.into()))
        }
        None => Arc::new(store),
    };
    let hold_file = std::env::var_os(HOLD_JOBS_ENV).map(std::path::PathBuf::from);
    if let Some(file) = &hold_file {
        tracing::warn!(file = %file.display(), "test hook {HOLD_JOBS_ENV}: jobs are held while the file exists");
    }
    let jobs = Arc::new(Jobs {
        store,
        blobs: Arc::new(blobs),
        pipeline: Arc::new(pipeline),
        wake: Default::default(),
        instance: uuid::Uuid::new_v4().to_string(),
        bookkeeping: Default::default(),
        hold_file,
    });
    let shutdown = CancellationToken::new();
    let workers = jobs.spawn_workers(shutdown.clone());

    let listener = tokio::net::TcpListener::bind(&config.server.listen)
        .await
        .with_context(|| format!("listen on {}", config.server.listen))?;
    let addr = listener.local_addr()?;
    // Tests and scripts read this line to find an ephemeral port.
    tracing::info!(%addr, data_dir = %data_dir.display(), "docverify listening on http://{addr}");
    eprintln!("docverify listening on http://{addr}");

    let app = router(AppState { jobs });
    let stop = shutdown.clone();
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            stop.cancel();
        })
        .await?;
    shutdown.cancel();
    for w in workers {
        let _ = w.await;
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
