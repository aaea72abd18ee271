//! The durable job queue's workers: claim a submission's job with a lease, process it, report.
//!
//! What must hold: a job is owned by one worker at a time (the claim is one SQL statement);
//! a worker renews its lease while it works, so a job whose worker died (crash, `kill -9`) is
//! claimed again once the lease runs out — also by a restarted server; processing is idempotent
//! (finished documents are skipped, the report is rebuilt from stored results); every job has
//! a deadline; a failed document is recorded on the document, never loses the submission.

use std::sync::Arc;
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
        if job.attempts > cfg.max_attempts as i64 {
            let msg = format!("gave up after {} attempts", job.attempts - 1);
            warn!("{msg}");
            let _ = self
                .store
                .set_submission_status(&job.submission_id, ProcessingStatus::Failed, Some(&msg))
                .await;
            let _ = self.store.fail_job(&job.id, owner, &msg, false).await;
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
                let _ = self.store.finish_job(&job.id, owner).await;
                info!("done");
            }
            Ok(Err(e)) => {
                let retry = job.attempts < cfg.max_attempts as i64;
                error!(error = %e, retry, "processing failed");
                let _ = self
                    .store
                    .fail_job(&job.id, owner, &e.to_string(), retry)
                    .await;
                if !retry {
                    let _ = self
                        .store
                        .set_submission_status(
                            &job.submission_id,
                            ProcessingStatus::Failed,
                            Some(&e.to_string()),
                        )
                        .await;
                }
            }
            Err(_) => {
                warn!("deadline exceeded; reporting what was finished");
                let finished = self
                    .process(&job.submission_id, DeadlineState::Exceeded)
                    .await;
                if let Err(e) = &finished {
                    error!(error = %e, "could not report after the deadline");
                    let _ = self
                        .store
                        .set_submission_status(
                            &job.submission_id,
                            ProcessingStatus::Failed,
                            Some("deadline exceeded"),
                        )
                        .await;
                }
                let _ = self
                    .store
                    .fail_job(&job.id, owner, "deadline exceeded", false)
                    .await;
            }
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
        let mut uploads = Vec::with_capacity(docs.len());
        for doc in docs {
            let outcome = match (&doc.result_json, state) {
                (Some(json), _) => serde_json::from_str::<DocumentOutcome>(json)?,
                (None, DeadlineState::Running) => {
                    self.process_document(submission_id, &doc).await?
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
            };
            uploads.push(UploadOutcome {
                id: doc.id,
                file: doc.file_name,
                sha256: doc.sha256,
                media_type: doc.media_type,
                outcome,
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
                while let Some(p) = rx.recv().await {
                    let p: crate::pipeline::Progress = p;
                    let _ = store
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
                }
            })
        };
        let outcome = self
            .pipeline
            .analyze_document(&path, images.path(), hint, move |p| {
                let _ = tx.send(p);
            })
            .await?;
        let _ = progress_writer.await;
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
