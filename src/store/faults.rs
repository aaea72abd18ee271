//! Test hook: a [`MetaStore`] that fails named operations on demand.
//!
//! Off unless the environment variable [`STORE_FAULTS_ENV`] (`DOCVERIFY_TEST_STORE_FAULTS`)
//! names a file when the service starts (`server::serve` wraps the real store then, and logs a
//! warning saying so). Before each call the file is read: every line that names an operation
//! (`finish_job`, `set_submission_status`, …, as the trait spells them) makes that operation
//! fail with an "injected store fault" error without touching the database. No file, or an
//! operation not listed, passes the call through unchanged. Tests write and remove the file
//! while the server runs to see how the service lives with a database that refuses writes.
//! Nothing in production sets the variable.

use std::path::PathBuf;

use async_trait::async_trait;

use super::{
    ClaimedJob, DecisionRow, DocumentProgress, DocumentRow, ListQuery, MetaStore, NewDecision,
    NewSubmission, ProcessingStatus, StoreError, SubmissionRow,
};

/// The environment variable that turns the hook on (a path to the fault file).
pub const STORE_FAULTS_ENV: &str = "DOCVERIFY_TEST_STORE_FAULTS";

/// Wraps a store; fails the operations listed in `file`.
pub struct FaultyStore<S> {
    inner: S,
    file: PathBuf,
}

impl<S: MetaStore> FaultyStore<S> {
    pub fn new(inner: S, file: PathBuf) -> Self {
        FaultyStore { inner, file }
    }

    /// An error when `op` is listed in the fault file now.
    async fn check(&self, op: &str) -> Result<(), StoreError> {
        let Ok(text) = tokio::fs::read_to_string(&self.file).await else {
            return Ok(());
        };
        if text.lines().any(|l| l.trim() == op) {
            anyhow::bail!(
                "injected store fault: {op} ({STORE_FAULTS_ENV}={})",
                self.file.display()
            );
        }
        Ok(())
    }
}

#[async_trait]
impl<S: MetaStore> MetaStore for FaultyStore<S> {
    async fn create_submission(&self, new: &NewSubmission) -> Result<(), StoreError> {
        self.check("create_submission").await?;
        self.inner.create_submission(new).await
    }
    async fn get_submission(&self, id: &str) -> Result<Option<SubmissionRow>, StoreError> {
        self.check("get_submission").await?;
        self.inner.get_submission(id).await
    }
    async fn list_documents(&self, submission_id: &str) -> Result<Vec<DocumentRow>, StoreError> {
        self.check("list_documents").await?;
        self.inner.list_documents(submission_id).await
    }
    async fn list_submissions(&self, q: &ListQuery) -> Result<Vec<SubmissionRow>, StoreError> {
        self.check("list_submissions").await?;
        self.inner.list_submissions(q).await
    }
    async fn set_submission_status(
        &self,
        id: &str,
        status: ProcessingStatus,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        self.check("set_submission_status").await?;
        self.inner.set_submission_status(id, status, error).await
    }
    async fn save_report(
        &self,
        id: &str,
        verdict: &str,
        report_json: &str,
    ) -> Result<(), StoreError> {
        self.check("save_report").await?;
        self.inner.save_report(id, verdict, report_json).await
    }
    async fn set_document_progress(
        &self,
        submission_id: &str,
        doc_id: &str,
        p: &DocumentProgress,
    ) -> Result<(), StoreError> {
        self.check("set_document_progress").await?;
        self.inner
            .set_document_progress(submission_id, doc_id, p)
            .await
    }
    async fn save_document_result(
        &self,
        submission_id: &str,
        doc_id: &str,
        status: ProcessingStatus,
        result_json: Option<&str>,
        error: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        self.check("save_document_result").await?;
        self.inner
            .save_document_result(submission_id, doc_id, status, result_json, error)
            .await
    }
    async fn claim_job(
        &self,
        owner: &str,
        lease_secs: u64,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        self.check("claim_job").await?;
        self.inner.claim_job(owner, lease_secs).await
    }
    async fn renew_lease(
        &self,
        job_id: &str,
        owner: &str,
        lease_secs: u64,
    ) -> Result<bool, StoreError> {
        self.check("renew_lease").await?;
        self.inner.renew_lease(job_id, owner, lease_secs).await
    }
    async fn finish_job(&self, job_id: &str, owner: &str) -> Result<(), StoreError> {
        self.check("finish_job").await?;
        self.inner.finish_job(job_id, owner).await
    }
    async fn fail_job(
        &self,
        job_id: &str,
        owner: &str,
        error: &str,
        retry: bool,
    ) -> Result<(), StoreError> {
        self.check("fail_job").await?;
        self.inner.fail_job(job_id, owner, error, retry).await
    }
    async fn add_decision(&self, d: &NewDecision) -> Result<DecisionRow, StoreError> {
        self.check("add_decision").await?;
        self.inner.add_decision(d).await
    }
    async fn list_decisions(&self, submission_id: &str) -> Result<Vec<DecisionRow>, StoreError> {
        self.check("list_decisions").await?;
        self.inner.list_decisions(submission_id).await
    }
    async fn ping(&self) -> Result<(), StoreError> {
        self.check("ping").await?;
        self.inner.ping().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SqliteStore;

    #[tokio::test]
    async fn listed_operations_fail_while_the_file_lists_them() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("db.sqlite").display());
        let faults = dir.path().join("faults");
        let store = FaultyStore::new(SqliteStore::open(&url).await.unwrap(), faults.clone());
        store.ping().await.expect("no file: no faults");
        std::fs::write(&faults, "finish_job\nping\n").unwrap();
        let e = store.ping().await.unwrap_err().to_string();
        assert!(e.contains("injected store fault: ping"), "{e}");
        assert!(store.list_decisions("x").await.is_ok(), "not listed");
        std::fs::remove_file(&faults).unwrap();
        store.ping().await.expect("file removed: no faults");
    }
}
