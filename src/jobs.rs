//! The durable job queue's workers: claim a submission's job with a lease, process it, report.
//!
//! What must hold: a job is owned by one worker at a time (the claim is one SQL statement);
//! a worker renews its lease while it works, so a job whose worker died (crash, `kill -9`) is
//! claimed again once the lease runs out — also by a restarted server; processing is idempotent
//! (finished documents are skipped, the report is rebuilt from stored results); every job has
//! a deadline; a failed document is recorded on the document, never loses the submission.
//!
//! Job bookkeeping (finishing or failing a job, marking its submission failed) is never dropped
//! silently: a failed write is logged and retried a few times ([`WRITE_ATTEMPTS`]); when it
//! still fails, the job is left leased so that it is claimed again when its lease runs out
//! (re-running is idempotent), the submission's state is written before the job is released,
//! and `/readyz` answers 503 until a later bookkeeping write succeeds ([`Bookkeeping`]).
//!
//! Test hook: with `DOCVERIFY_TEST_HOLD_JOBS` set to a file path when the service starts, a
//! worker holds each job before its document number N+1 for as long as that file exists, N
//! being the number written in the file (empty: 0). Tests use it to catch a job mid-run
//! without depending on timing. Nothing in production sets it.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, mpsc};
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, error, info, info_span, warn};

use crate::model::{DocumentKind, Message};
use crate::pipeline::{DocumentOutcome, Pipeline, UploadOutcome};
use crate::report::{DocumentError, SubmissionInfo};
use crate::store::{
    BlobStore, ClaimedJob, DocumentProgress, DocumentRow, MetaStore, ProcessingStatus,
};

/// Everything a worker needs; shared by all workers and the HTTP handlers.
pub struct Jobs {
    pub store: Arc<dyn MetaStore>,
    pub blobs: Arc<dyn BlobStore>,
    pub pipeline: Arc<Pipeline>,
    /// Woken when a submission is queued, so workers need not wait for the next poll.
    pub wake: Notify,
    /// Identifies this process's workers in leases.
    pub instance: String,
    /// Job bookkeeping the store failed to record (shown by `/readyz`).
    pub bookkeeping: Bookkeeping,
    /// Test hook (`DOCVERIFY_TEST_HOLD_JOBS`, see the module documentation); `None` in
    /// production.
    pub hold_file: Option<PathBuf>,
}

/// The environment variable of the test hook that holds jobs (see the module documentation).
pub const HOLD_JOBS_ENV: &str = "DOCVERIFY_TEST_HOLD_JOBS";

/// Tries of one bookkeeping write before it is left to the lease (see the module
/// documentation); the waits between them double from [`WRITE_BACKOFF`].
pub const WRITE_ATTEMPTS: u32 = 4;
const WRITE_BACKOFF: Duration = Duration::from_millis(200);

/// The last job bookkeeping write that failed for good, until a later one succeeds.
#[derive(Debug, Default)]
pub struct Bookkeeping {
    outstanding: Mutex<Option<BookkeepingFault>>,
}

/// A bookkeeping write the store refused (after [`WRITE_ATTEMPTS`] tries).
#[derive(Debug, Clone, PartialEq)]
pub struct BookkeepingFault {
    /// The store operation, e.g. `finish_job`.
    pub operation: &'static str,
    pub submission_id: String,
    pub error: String,
    /// When it was given up, RFC 3339.
    pub at: String,
    /// Writes given up since the last one that succeeded.
    pub count: u64,
}

impl Bookkeeping {
    /// The unrecorded write, if the last bookkeeping write failed.
    pub fn outstanding(&self) -> Option<BookkeepingFault> {
        self.outstanding.lock().map(|g| g.clone()).unwrap_or(None)
    }

    fn failed(&self, operation: &'static str, submission_id: &str, error: &anyhow::Error) {
        if let Ok(mut g) = self.outstanding.lock() {
            let count = g.as_ref().map_or(0, |f| f.count) + 1;
            *g = Some(BookkeepingFault {
                operation,
                submission_id: submission_id.to_string(),
                error: format!("{error:#}"),
                at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                count,
            });
        }
    }

    fn succeeded(&self) {
        if let Ok(mut g) = self.outstanding.lock()
            && let Some(f) = g.take()
        {
            info!(
                operation = f.operation,
                submission = %f.submission_id,
                "the store records job bookkeeping again"
            );
        }
    }
}

impl Jobs {
    /// Starts `workers` workers; they stop when `shutdown` is cancelled.
    pub fn spawn_workers(
        self: &Arc<Self>,
        shutdown: CancellationToken,
    ) -> Vec<tokio::task::JoinHandle<()>> {
        let n = self.pipeline.config().jobs.workers.max(1);
        (0..n)
            .map(|i| {
                let jobs = self.clone();
                let shutdown = shutdown.clone();
                let owner = format!("{}/{}", self.instance, i);
                tokio::spawn(async move { jobs.worker_loop(owner, shutdown).await })
            })
            .collect()
    }

    async fn worker_loop(self: Arc<Self>, owner: String, shutdown: CancellationToken) {
        let cfg = self.pipeline.config().jobs.clone();
        while !shutdown.is_cancelled() {
            match self.store.claim_job(&owner, cfg.lease_secs).await {
                Ok(Some(job)) => {
                    let span =
                        info_span!("job", submission = %job.submission_id, attempt = job.attempts);
                    self.run_job(&owner, job, &shutdown).instrument(span).await;
                    continue;
                }
                Ok(None) => {}
                Err(e) => error!(error = %e, "claiming a job failed"),
            }
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_millis(cfg.poll_ms)) => {}
            }
        }
    }

    /// Runs one claimed job under its lease and deadline.
    async fn run_job(&self, owner: &str, job: ClaimedJob, shutdown: &CancellationToken) {
        let cfg = self.pipeline.config().jobs.clone();
        let sid = job.submission_id.as_str();
        if job.attempts > 1
            && let Ok(Some(sub)) = self.store.get_submission(sid).await
            && sub.status == ProcessingStatus::Done
            && sub.report_json.is_some()
        {
            // An earlier attempt stored the report but could not record the job as done
            // (`record` below): that is all that is left to do.
            info!("the report was stored by an earlier attempt; recording the job as done");
            if self
                .record("finish_job", sid, || self.store.finish_job(&job.id, owner))
                .await
            {
                info!("done");
            }
            return;
        }
        if job.attempts > cfg.max_attempts as i64 {
            let msg = format!("gave up after {} attempts", job.attempts - 1);
            warn!("{msg}");
            self.give_up(&job, owner, &msg).await;
            return;
        }
        info!("processing");
        // Heartbeat: keep the lease while we work; stop working if it was lost.
        let lost = CancellationToken::new();
        let heartbeat = {
            let store = self.store.clone();
            let (id, owner, lost) = (job.id.clone(), owner.to_string(), lost.clone());
            let every = Duration::from_secs((cfg.lease_secs / 3).max(1));
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(every).await;
                    match store.renew_lease(&id, &owner, cfg.lease_secs).await {
                        Ok(true) => {}
                        Ok(false) => {
                            lost.cancel();
                            break;
                        }
                        Err(e) => warn!(error = %e, "lease renewal failed"),
                    }
                }
            })
        };
        let remaining = job.deadline_at - chrono::Utc::now().timestamp();
        let deadline = Duration::from_secs(remaining.max(0) as u64);
        let work = self.process(&job.submission_id, DeadlineState::Running);
        let result = tokio::select! {
            r = tokio::time::timeout(deadline, work) => r,
            _ = lost.cancelled() => { heartbeat.abort(); warn!("lease lost; another worker owns the job"); return; }
            _ = shutdown.cancelled() => {
                // Leave the job claimed: the lease runs out and the next start takes it again.
                heartbeat.abort();
                return;
            }
        };
        heartbeat.abort();
        match result {
            Ok(Ok(())) => {
                if self
                    .record("finish_job", sid, || self.store.finish_job(&job.id, owner))
                    .await
                {
                    info!("done");
                }
            }
            Ok(Err(e)) => {
                let retry = job.attempts < cfg.max_attempts as i64;
                error!(error = %e, retry, "processing failed");
                let msg = e.to_string();
                if retry {
                    // Unrecorded, the job is claimed again when its lease runs out: the same.
                    self.record("fail_job", sid, || {
                        self.store.fail_job(&job.id, owner, &msg, true)
                    })
                    .await;
                } else {
                    self.give_up(&job, owner, &msg).await;
                }
            }
            Err(_) => {
                warn!("deadline exceeded; reporting what was finished");
                let finished = self
                    .process(&job.submission_id, DeadlineState::Exceeded)
                    .await;
                let recorded = match &finished {
                    Ok(()) => true,
                    Err(e) => {
                        error!(error = %e, "could not report after the deadline");
                        self.record("set_submission_status", sid, || {
                            self.store.set_submission_status(
                                sid,
                                ProcessingStatus::Failed,
                                Some("deadline exceeded"),
                            )
                        })
                        .await
                    }
                };
                if recorded {
                    self.record("fail_job", sid, || {
                        self.store
                            .fail_job(&job.id, owner, "deadline exceeded", false)
                    })
                    .await;
                }
            }
        }
    }

    /// Marks the submission failed, then the job failed for good. The submission first: if
    /// its state cannot be written, the job keeps its lease and is given up again on its next
    /// claim rather than leave a failed job behind a submission that says it is processing.
    async fn give_up(&self, job: &ClaimedJob, owner: &str, msg: &str) {
        let sid = job.submission_id.as_str();
        let marked = self
            .record("set_submission_status", sid, || {
                self.store
                    .set_submission_status(sid, ProcessingStatus::Failed, Some(msg))
            })
            .await;
        if marked {
            self.record("fail_job", sid, || {
                self.store.fail_job(&job.id, owner, msg, false)
            })
            .await;
        }
    }

    /// One bookkeeping write, tried up to [`WRITE_ATTEMPTS`] times. Every failure is logged;
    /// one that persists is kept in [`Bookkeeping`] (so `/readyz` shows it) and false is
    /// returned: the caller then leaves the job leased, to be claimed again.
    async fn record<F, Fut>(&self, operation: &'static str, submission_id: &str, write: F) -> bool
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<(), crate::store::StoreError>>,
    {
        let mut wait = WRITE_BACKOFF;
        for attempt in 1..=WRITE_ATTEMPTS {
            match write().await {
                Ok(()) => {
                    if attempt > 1 {
                        info!(
                            operation,
                            write_attempt = attempt,
                            "store write succeeded on a retry"
                        );
                    }
                    self.bookkeeping.succeeded();
                    return true;
                }
                Err(e) if attempt < WRITE_ATTEMPTS => {
                    warn!(operation, write_attempt = attempt, error = %format!("{e:#}"), "store write failed; retrying");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                }
                Err(e) => {
                    error!(
                        operation,
                        write_attempts = attempt,
                        error = %format!("{e:#}"),
                        "store write failed; the job stays leased and is claimed again when the lease runs out"
                    );
                    self.bookkeeping.failed(operation, submission_id, &e);
                }
            }
        }
        false
    }

    /// The test hook: waits before the document at `index` (0-based) while the hold file
    /// exists and lets through as many documents as it says.
    async fn hold_before(&self, submission_id: &str, index: usize) {
        let Some(file) = &self.hold_file else {
            return;
        };
        let mut said = false;
        while let Ok(text) = tokio::fs::read_to_string(file).await {
            let let_through: usize = text.trim().parse().unwrap_or(0);
            if index < let_through {
                return;
            }
            if !said {
                warn!(
                    submission = submission_id,
                    document = index + 1,
                    file = %file.display(),
                    "test hook {HOLD_JOBS_ENV}: holding the job while the file exists"
                );
                said = true;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Processes every unfinished document, then verifies and stores the report.
    /// After the deadline (`Exceeded`) unfinished documents are marked failed instead.
    async fn process(&self, submission_id: &str, state: DeadlineState) -> anyhow::Result<()> {
        let sub = self
            .store
            .get_submission(submission_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("submission {submission_id} vanished"))?;
        self.store
            .set_submission_status(submission_id, ProcessingStatus::Processing, None)
            .await?;
        let docs = self.store.list_documents(submission_id).await?;
        // The documents are read side by side; the extraction pool's CPU slots keep the
        // machine from being oversubscribed, across this and other submissions.
        let outcomes = futures::future::join_all(
            docs.iter()
                .enumerate()
                .map(|(index, doc)| self.document_outcome(submission_id, index, doc, state)),
        )
        .await;
        let mut uploads = Vec::with_capacity(docs.len());
        for (doc, outcome) in docs.into_iter().zip(outcomes) {
            uploads.push(UploadOutcome {
                id: doc.id,
                file: doc.file_name,
                sha256: doc.sha256,
                media_type: doc.media_type,
                outcome: outcome?,
            });
        }
        let info = SubmissionInfo {
            id: sub.id.clone(),
            applicant: sub.applicant.clone(),
            declared_area_m2: sub.declared_area_m2,
            base_type: sub.base_type.clone(),
            application_date: Some(sub.created_at.chars().take(10).collect()),
        };
        let report = self.pipeline.build_report(info, &uploads).await;
        let json = serde_json::to_string(&report)?;
        let verdict = serde_json::to_value(report.verdict)?;
        self.store
            .save_report(submission_id, verdict.as_str().unwrap_or("review"), &json)
            .await?;
        Ok(())
    }

    /// A document's stored outcome, or its processing now; after the deadline an
    /// unfinished document is marked failed instead.
    async fn document_outcome(
        &self,
        submission_id: &str,
        index: usize,
        doc: &DocumentRow,
        state: DeadlineState,
    ) -> anyhow::Result<DocumentOutcome> {
        Ok(match (&doc.result_json, state) {
            (Some(json), _) => serde_json::from_str::<DocumentOutcome>(json)?,
            (None, DeadlineState::Running) => {
                self.hold_before(submission_id, index).await;
                self.process_document(submission_id, doc).await?
            }
            (None, DeadlineState::Exceeded) => {
                let outcome = DocumentOutcome {
                    extracted: None,
                    understood: vec![],
                    error: Some(DocumentError {
                        stage: "extract".into(),
                        code: "deadline-exceeded".into(),
                        message: Message::new(
                            "处理超时，未完成",
                            "not finished before the processing deadline",
                        ),
                    }),
                };
                self.save_outcome(submission_id, &doc.id, &outcome).await?;
                outcome
            }
        })
    }

    async fn process_document(
        &self,
        submission_id: &str,
        doc: &DocumentRow,
    ) -> anyhow::Result<DocumentOutcome> {
        let path = self.blobs.local_path(&doc.sha256).await?;
        let images = tempfile::tempdir_in(self.blobs.scratch_dir())?;
        let hint = doc.kind_hint.as_deref().and_then(DocumentKind::parse);
        // Progress flows from the extraction thread to the database through a channel.
        let (tx, mut rx) = mpsc::unbounded_channel();
        let progress_writer = {
            let store = self.store.clone();
            let (sid, did) = (submission_id.to_string(), doc.id.clone());
            tokio::spawn(async move {
                // Progress is for show and the next update replaces it: a failed write is
                // logged (once per document) and not retried. The result itself is saved with
                // `?` below, so a store that refuses writes fails the job visibly.
                let mut logged = false;
                while let Some(p) = rx.recv().await {
                    let p: crate::pipeline::Progress = p;
                    let written = store
                        .set_document_progress(
                            &sid,
                            &did,
                            &DocumentProgress {
                                status: ProcessingStatus::Processing,
                                stage: Some(p.stage),
                                pages_done: p.pages_done as i64,
                                pages_total: p.pages_total.map(i64::from),
                            },
                        )
                        .await;
                    if let Err(e) = written
                        && !logged
                    {
                        warn!(document = %did, error = %format!("{e:#}"), "could not store the document's progress");
                        logged = true;
                    }
                }
            })
        };
        let outcome = self
            .pipeline
            .analyze_document(&path, Some(images.path()), hint, move |p| {
                let _ = tx.send(p);
            })
            .await?;
        if let Err(e) = progress_writer.await {
            warn!(error = %e, "the progress writer ended abnormally");
        }
        // Page images become blobs so reports can show evidence on the page.
        if let Some(ex) = &outcome.extracted {
            for sha in ex.pages.iter().filter_map(|p| p.image_sha256.as_ref()) {
                let file = images.path().join(format!("{sha}.png"));
                if file.exists() {
                    self.blobs.put_file(&file, sha).await?;
                }
            }
        }
        self.save_outcome(submission_id, &doc.id, &outcome).await?;
        Ok(outcome)
    }

    async fn save_outcome(
        &self,
        submission_id: &str,
        doc_id: &str,
        outcome: &DocumentOutcome,
    ) -> anyhow::Result<()> {
        let json = serde_json::to_string(outcome)?;
        let status = if outcome.error.is_some() {
            ProcessingStatus::Failed
        } else {
            ProcessingStatus::Done
        };
        let error = outcome
            .error
            .as_ref()
            .map(|e| (e.code.as_str(), e.message.en.as_str()));
        self.store
            .save_document_result(submission_id, doc_id, status, Some(&json), error)
            .await
    }
}

/// Whether the job is still inside its deadline.
#[derive(Debug, Clone, Copy)]
enum DeadlineState {
    Running,
    Exceeded,
}
