//! Storage: rows (submissions, documents, jobs) and blobs (uploads, page images).
//!
//! Both sit behind traits so another database (PostgreSQL) or object store (S3 through the
//! `object_store` crate) can be added without touching callers; SQLite and local files are the
//! embedded defaults. What must hold: an upload is acknowledged only after its blob is synced
//! to disk and its rows are committed; a rejected upload leaves neither behind.

pub mod blob;
pub mod faults;
pub mod sqlite;

use std::path::{Path, PathBuf};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

pub use blob::LocalBlobStore;
pub use faults::{FaultyStore, STORE_FAULTS_ENV};
pub use sqlite::SqliteStore;

/// Processing state of a submission or one of its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProcessingStatus {
    Queued,
    Processing,
    Done,
    Failed,
}

impl ProcessingStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ProcessingStatus::Queued => "queued",
            ProcessingStatus::Processing => "processing",
            ProcessingStatus::Done => "done",
            ProcessingStatus::Failed => "failed",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Queued, Self::Processing, Self::Done, Self::Failed]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A document to be stored with a new submission.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// `doc-1`, `doc-2`, … in upload order.
    pub id: String,
    pub file_name: String,
    pub sha256: String,
    pub size_bytes: u64,
    pub media_type: String,
    pub kind_hint: Option<String>,
}

/// A new submission with its documents; stored in one transaction with its job.
#[derive(Debug, Clone)]
pub struct NewSubmission {
    pub id: String,
    pub applicant: String,
    pub declared_area_m2: Option<f64>,
    pub base_type: Option<String>,
    pub documents: Vec<NewDocument>,
    /// Processing deadline, Unix seconds.
    pub deadline_at: i64,
}

/// A stored submission.
#[derive(Debug, Clone)]
pub struct SubmissionRow {
    pub id: String,
    pub applicant: String,
    pub declared_area_m2: Option<f64>,
    pub base_type: Option<String>,
    pub status: ProcessingStatus,
    pub verdict: Option<String>,
    pub error: Option<String>,
    pub report_json: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// How many reviewer decisions were recorded on it.
    pub decisions: i64,
}

/// A reviewer's decision to store (validated by the caller against the report).
#[derive(Debug, Clone)]
pub struct NewDecision {
    pub id: String,
    pub submission_id: String,
    pub rule: String,
    pub document: Option<String>,
    /// `confirm` or `override`.
    pub decision: String,
    /// The status the reviewer holds: `pass`, `fail`, `review` or `not_applicable`.
    pub status: String,
    /// The machine's status of the finding at the time.
    pub machine_status: String,
    pub reason: Option<String>,
    pub reviewer: String,
}

/// A stored decision.
#[derive(Debug, Clone)]
pub struct DecisionRow {
    pub id: String,
    pub rule: String,
    pub document: Option<String>,
    pub decision: String,
    pub status: String,
    pub machine_status: String,
    pub reason: Option<String>,
    pub reviewer: String,
    /// RFC 3339, set by the store.
    pub created_at: String,
}

/// A stored document with its progress.
#[derive(Debug, Clone)]
pub struct DocumentRow {
    pub id: String,
    pub position: i64,
    pub file_name: String,
    pub sha256: String,
    pub size_bytes: i64,
    pub media_type: String,
    pub kind_hint: Option<String>,
    pub status: ProcessingStatus,
    pub stage: Option<String>,
    pub pages_done: i64,
    pub pages_total: Option<i64>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    /// The stage results (see `pipeline::DocumentOutcome`), once done.
    pub result_json: Option<String>,
}

/// A job claimed by a worker.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub id: String,
    pub submission_id: String,
    /// 1 on the first claim.
    pub attempts: i64,
    /// Unix seconds.
    pub deadline_at: i64,
}

/// Filters and paging for listing submissions.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub limit: u32,
    /// Continue after this submission id (from the previous page).
    pub after: Option<String>,
    pub status: Option<ProcessingStatus>,
    pub verdict: Option<String>,
    /// Substring of the applicant name.
    pub applicant: Option<String>,
}

/// Progress of one document, as workers report it.
#[derive(Debug, Clone)]
pub struct DocumentProgress {
    pub status: ProcessingStatus,
    pub stage: Option<String>,
    pub pages_done: i64,
    pub pages_total: Option<i64>,
}

/// Storage failures; callers treat them as internal errors.
pub type StoreError = anyhow::Error;

/// Rows: submissions, documents and the job queue.
#[async_trait]
pub trait MetaStore: Send + Sync + 'static {
    /// Stores a submission, its documents and a queued job atomically.
    async fn create_submission(&self, new: &NewSubmission) -> Result<(), StoreError>;
    async fn get_submission(&self, id: &str) -> Result<Option<SubmissionRow>, StoreError>;
    async fn list_documents(&self, submission_id: &str) -> Result<Vec<DocumentRow>, StoreError>;
    /// Newest first.
    async fn list_submissions(&self, q: &ListQuery) -> Result<Vec<SubmissionRow>, StoreError>;
    async fn set_submission_status(
        &self,
        id: &str,
        status: ProcessingStatus,
        error: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Stores the finished report and marks the submission done.
    async fn save_report(
        &self,
        id: &str,
        verdict: &str,
        report_json: &str,
    ) -> Result<(), StoreError>;
    async fn set_document_progress(
        &self,
        submission_id: &str,
        doc_id: &str,
        p: &DocumentProgress,
    ) -> Result<(), StoreError>;
    /// Stores a document's stage results (done) or its failure (failed).
    async fn save_document_result(
        &self,
        submission_id: &str,
        doc_id: &str,
        status: ProcessingStatus,
        result_json: Option<&str>,
        error: Option<(&str, &str)>,
    ) -> Result<(), StoreError>;

    /// Claims the oldest queued job, or one whose lease expired, for `owner`.
    async fn claim_job(
        &self,
        owner: &str,
        lease_secs: u64,
    ) -> Result<Option<ClaimedJob>, StoreError>;
    /// Extends the lease; false when the job is no longer ours.
    async fn renew_lease(
        &self,
        job_id: &str,
        owner: &str,
        lease_secs: u64,
    ) -> Result<bool, StoreError>;
    /// Marks the job done.
    async fn finish_job(&self, job_id: &str, owner: &str) -> Result<(), StoreError>;
    /// Records a failure: queued again when `retry`, else failed for good.
    async fn fail_job(
        &self,
        job_id: &str,
        owner: &str,
        error: &str,
        retry: bool,
    ) -> Result<(), StoreError>;
    /// Appends a reviewer's decision; decisions are never changed or removed.
    async fn add_decision(&self, d: &NewDecision) -> Result<DecisionRow, StoreError>;
    /// A submission's decisions, oldest first.
    async fn list_decisions(&self, submission_id: &str) -> Result<Vec<DecisionRow>, StoreError>;

    /// True when the database answers.
    async fn ping(&self) -> Result<(), StoreError>;
}

/// Blobs: content-addressed by SHA-256.
#[async_trait]
pub trait BlobStore: Send + Sync + 'static {
    /// Moves a finished scratch file into the store under its digest, synced to disk.
    /// The scratch file must be on the store's scratch area (see [`BlobStore::scratch_dir`]).
    async fn put_file(&self, scratch: &Path, sha256: &str) -> Result<(), StoreError>;
    /// A local path holding the blob's bytes (for a remote store: a downloaded copy).
    async fn local_path(&self, sha256: &str) -> Result<PathBuf, StoreError>;
    async fn exists(&self, sha256: &str) -> Result<bool, StoreError>;
    /// Where callers write uploads before they are accepted.
    fn scratch_dir(&self) -> &Path;
}
