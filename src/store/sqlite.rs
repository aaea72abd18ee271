//! The embedded SQLite store (WAL mode, migrations from `migrations/`).

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};

use super::{
    ClaimedJob, DecisionRow, DocumentProgress, DocumentRow, ListQuery, MetaStore, NewDecision,
    NewSubmission, ProcessingStatus, StoreError, SubmissionRow,
};

/// Rows in one SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The columns of a submission row, with its decision count.
const SUBMISSION_COLUMNS: &str = "submissions.*, (SELECT COUNT(*) FROM decisions d
    WHERE d.submission_id = submissions.id) AS decisions";

fn status_of(s: &str) -> ProcessingStatus {
    ProcessingStatus::parse(s).unwrap_or(ProcessingStatus::Failed)
}

impl SqliteStore {
    /// Opens (creating) the database at `url` and applies pending migrations.
    pub async fn open(url: &str) -> anyhow::Result<SqliteStore> {
        let opts = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before we answer 202.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(opts)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    fn submission(row: &sqlx::sqlite::SqliteRow) -> SubmissionRow {
        SubmissionRow {
            id: row.get("id"),
            applicant: row.get("applicant"),
            declared_area_m2: row.get("declared_area_m2"),
            base_type: row.get("base_type"),
            status: status_of(row.get::<&str, _>("status")),
            verdict: row.get("verdict"),
            error: row.get("error"),
            report_json: row.get("report_json"),
            created_at: row.get("created_at"),
            updated_at: row.get("updated_at"),
            decisions: row.get("decisions"),
        }
    }

    fn decision(r: &sqlx::sqlite::SqliteRow) -> DecisionRow {
        DecisionRow {
            id: r.get("id"),
            rule: r.get("rule"),
            document: r.get("document"),
            decision: r.get("decision"),
            status: r.get("status"),
            machine_status: r.get("machine_status"),
            reason: r.get("reason"),
            reviewer: r.get("reviewer"),
            created_at: r.get("created_at"),
        }
    }
}

#[async_trait]
impl MetaStore for SqliteStore {
    async fn create_submission(&self, new: &NewSubmission) -> Result<(), StoreError> {
        let now = now_text();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO submissions (id, applicant, declared_area_m2, base_type, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, 'queued', ?, ?)",
        )
        .bind(&new.id)
        .bind(&new.applicant)
        .bind(new.declared_area_m2)
        .bind(&new.base_type)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        for (pos, d) in new.documents.iter().enumerate() {
            sqlx::query(
                "INSERT INTO documents (submission_id, id, position, file_name, sha256, size_bytes,
                   media_type, kind_hint, status, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)",
            )
            .bind(&new.id)
            .bind(&d.id)
            .bind(pos as i64)
            .bind(&d.file_name)
            .bind(&d.sha256)
            .bind(d.size_bytes as i64)
            .bind(&d.media_type)
            .bind(&d.kind_hint)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO jobs (id, submission_id, status, deadline_at, created_at, updated_at)
             VALUES (?, ?, 'queued', ?, ?, ?)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(&new.id)
        .bind(new.deadline_at)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn get_submission(&self, id: &str) -> Result<Option<SubmissionRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE id = ?"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(Self::submission))
    }

    async fn list_documents(&self, submission_id: &str) -> Result<Vec<DocumentRow>, StoreError> {
        let rows = sqlx::query("SELECT * FROM documents WHERE submission_id = ? ORDER BY position")
            .bind(submission_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| DocumentRow {
                id: r.get("id"),
                position: r.get("position"),
                file_name: r.get("file_name"),
                sha256: r.get("sha256"),
                size_bytes: r.get("size_bytes"),
                media_type: r.get("media_type"),
                kind_hint: r.get("kind_hint"),
                status: status_of(r.get::<&str, _>("status")),
                stage: r.get("stage"),
                pages_done: r.get("pages_done"),
                pages_total: r.get("pages_total"),
                error_code: r.get("error_code"),
                error_message: r.get("error_message"),
                result_json: r.get("result_json"),
            })
            .collect())
    }

    async fn list_submissions(&self, q: &ListQuery) -> Result<Vec<SubmissionRow>, StoreError> {
        // Keyset paging on (created_at, id), newest first.
        let mut sql = format!("SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE 1 = 1");
        if q.after.is_some() {
            sql.push_str(
                " AND (created_at, id) < (SELECT created_at, id FROM submissions WHERE id = ?)",
            );
        }
        if q.status.is_some() {
            sql.push_str(" AND status = ?");
        }
        if q.verdict.is_some() {
            sql.push_str(" AND verdict = ?");
        }
        if q.applicant.is_some() {
            sql.push_str(" AND instr(applicant, ?) > 0");
        }
        sql.push_str(" ORDER BY created_at DESC, id DESC LIMIT ?");
        let mut query = sqlx::query(&sql);
        if let Some(a) = &q.after {
            query = query.bind(a);
        }
        if let Some(s) = q.status {
            query = query.bind(s.as_str());
        }
        if let Some(v) = &q.verdict {
            query = query.bind(v);
        }
        if let Some(a) = &q.applicant {
            query = query.bind(a);
        }
        let rows = query.bind(q.limit as i64).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(Self::submission).collect())
    }

    async fn set_submission_status(
        &self,
        id: &str,
        status: ProcessingStatus,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE submissions SET status = ?, error = ?, updated_at = ? WHERE id = ?")
            .bind(status.as_str())
            .bind(error)
            .bind(now_text())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn save_report(
        &self,
        id: &str,
        verdict: &str,
        report_json: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE submissions SET status = 'done', verdict = ?, report_json = ?, error = NULL,
               updated_at = ? WHERE id = ?",
        )
        .bind(verdict)
        .bind(report_json)
        .bind(now_text())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_document_progress(
        &self,
        submission_id: &str,
        doc_id: &str,
        p: &DocumentProgress,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE documents SET status = ?, stage = ?, pages_done = ?, pages_total = ?, updated_at = ?
             WHERE submission_id = ? AND id = ?",
        )
        .bind(p.status.as_str())
        .bind(&p.stage)
        .bind(p.pages_done)
        .bind(p.pages_total)
        .bind(now_text())
        .bind(submission_id)
        .bind(doc_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn save_document_result(
        &self,
        submission_id: &str,
        doc_id: &str,
        status: ProcessingStatus,
        result_json: Option<&str>,
        error: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE documents SET status = ?, result_json = ?, error_code = ?, error_message = ?,
               stage = NULL, updated_at = ?
             WHERE submission_id = ? AND id = ?",
        )
        .bind(status.as_str())
        .bind(result_json)
        .bind(error.map(|e| e.0))
        .bind(error.map(|e| e.1))
        .bind(now_text())
        .bind(submission_id)
        .bind(doc_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn claim_job(
        &self,
        owner: &str,
        lease_secs: u64,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let now = now_secs();
        // One statement, so two workers can never claim the same job.
        let row = sqlx::query(
            "UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?,
               attempts = attempts + 1, updated_at = ?
             WHERE id = (SELECT id FROM jobs
                         WHERE status = 'queued' OR (status = 'running' AND lease_expires_at < ?)
                         ORDER BY created_at LIMIT 1)
             RETURNING id, submission_id, attempts, deadline_at",
        )
        .bind(owner)
        .bind(now + lease_secs as i64)
        .bind(now_text())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| ClaimedJob {
            id: r.get("id"),
            submission_id: r.get("submission_id"),
            attempts: r.get("attempts"),
            deadline_at: r.get::<Option<i64>, _>("deadline_at").unwrap_or(i64::MAX),
        }))
    }

    async fn renew_lease(
        &self,
        job_id: &str,
        owner: &str,
        lease_secs: u64,
    ) -> Result<bool, StoreError> {
        let r = sqlx::query(
            "UPDATE jobs SET lease_expires_at = ?, updated_at = ?
             WHERE id = ? AND lease_owner = ? AND status = 'running'",
        )
        .bind(now_secs() + lease_secs as i64)
        .bind(now_text())
        .bind(job_id)
        .bind(owner)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    async fn finish_job(&self, job_id: &str, owner: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE jobs SET status = 'done', lease_owner = NULL, updated_at = ?
             WHERE id = ? AND lease_owner = ?",
        )
        .bind(now_text())
        .bind(job_id)
        .bind(owner)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn fail_job(
        &self,
        job_id: &str,
        owner: &str,
        error: &str,
        retry: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE jobs SET status = ?, lease_owner = NULL, lease_expires_at = NULL,
               last_error = ?, updated_at = ?
             WHERE id = ? AND lease_owner = ?",
        )
        .bind(if retry { "queued" } else { "failed" })
        .bind(error)
        .bind(now_text())
        .bind(job_id)
        .bind(owner)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn add_decision(&self, d: &NewDecision) -> Result<DecisionRow, StoreError> {
        let row = sqlx::query(
            "INSERT INTO decisions (id, submission_id, rule, document, decision, status,
               machine_status, reason, reviewer, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             RETURNING *",
        )
        .bind(&d.id)
        .bind(&d.submission_id)
        .bind(&d.rule)
        .bind(&d.document)
        .bind(&d.decision)
        .bind(&d.status)
        .bind(&d.machine_status)
        .bind(&d.reason)
        .bind(&d.reviewer)
        .bind(now_text())
        .fetch_one(&self.pool)
        .await?;
        Ok(Self::decision(&row))
    }

    async fn list_decisions(&self, submission_id: &str) -> Result<Vec<DecisionRow>, StoreError> {
        let rows =
            sqlx::query("SELECT * FROM decisions WHERE submission_id = ? ORDER BY created_at, id")
                .bind(submission_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.iter().map(Self::decision).collect())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewDocument;

    async fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        (dir, SqliteStore::open(&url).await.unwrap())
    }

    fn submission(id: &str) -> NewSubmission {
        NewSubmission {
            id: id.into(),
            applicant: "山西某某科技有限公司".into(),
            declared_area_m2: Some(100.0),
            base_type: None,
            documents: vec![NewDocument {
                id: "doc-1".into(),
                file_name: "a.pdf".into(),
                sha256: "0".repeat(64),
                size_bytes: 3,
                media_type: "application/pdf".into(),
                kind_hint: None,
            }],
            deadline_at: i64::MAX,
        }
    }

    #[tokio::test]
    async fn a_job_is_claimed_once_and_again_after_its_lease_expires() {
        let (_d, s) = store().await;
        s.create_submission(&submission("s1")).await.unwrap();
        let j = s.claim_job("w1", 0).await.unwrap().expect("claimable");
        assert_eq!(j.attempts, 1);
        // Lease of 0 s expires at once (strictly in the past after a second).
        assert!(s.claim_job("w2", 100).await.unwrap().is_none());
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let j2 = s.claim_job("w2", 100).await.unwrap().expect("reclaimed");
        assert_eq!(j2.id, j.id);
        assert_eq!(j2.attempts, 2);
        assert!(!s.renew_lease(&j.id, "w1", 10).await.unwrap());
        s.finish_job(&j.id, "w2").await.unwrap();
        assert!(s.claim_job("w3", 10).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn lists_newest_first_with_paging_and_filters() {
        let (_d, s) = store().await;
        for i in 0..5 {
            let mut n = submission(&format!("s{i}"));
            if i == 3 {
                n.applicant = "太原另一家公司".into();
            }
            s.create_submission(&n).await.unwrap();
            tokio::time::sleep(Duration::from_millis(3)).await;
        }
        let q = ListQuery {
            limit: 2,
            ..Default::default()
        };
        let p1 = s.list_submissions(&q).await.unwrap();
        assert_eq!(
            p1.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["s4", "s3"]
        );
        let p2 = s
            .list_submissions(&ListQuery {
                after: Some("s3".into()),
                ..q.clone()
            })
            .await
            .unwrap();
        assert_eq!(
            p2.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["s2", "s1"]
        );
        let found = s
            .list_submissions(&ListQuery {
                limit: 10,
                applicant: Some("另一家".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
    }

    #[tokio::test]
    async fn decisions_are_appended_in_order_and_counted() {
        let (_d, s) = store().await;
        s.create_submission(&submission("s1")).await.unwrap();
        for (i, status) in ["pass", "review"].into_iter().enumerate() {
            let row = s
                .add_decision(&NewDecision {
                    id: uuid::Uuid::now_v7().to_string(),
                    submission_id: "s1".into(),
                    rule: "lease.term".into(),
                    document: Some("doc-1".into()),
                    decision: "override".into(),
                    status: status.into(),
                    machine_status: "fail".into(),
                    reason: Some(format!("理由{i}")),
                    reviewer: "张三".into(),
                })
                .await
                .unwrap();
            assert!(!row.created_at.is_empty());
        }
        let list = s.list_decisions("s1").await.unwrap();
        assert_eq!(
            list.iter().map(|d| d.status.as_str()).collect::<Vec<_>>(),
            ["pass", "review"]
        );
        assert_eq!(s.get_submission("s1").await.unwrap().unwrap().decisions, 2);
        // The schema refuses what the API would never send.
        let bad = s
            .add_decision(&NewDecision {
                id: "x".into(),
                submission_id: "s1".into(),
                rule: "r".into(),
                document: None,
                decision: "maybe".into(),
                status: "pass".into(),
                machine_status: "fail".into(),
                reason: None,
                reviewer: "张三".into(),
            })
            .await;
        assert!(bad.is_err());
        // Unknown submission: the foreign key refuses it.
        let orphan = s
            .add_decision(&NewDecision {
                id: "y".into(),
                submission_id: "nope".into(),
                ..list_to_new(&list[0])
            })
            .await;
        assert!(orphan.is_err());
    }

    fn list_to_new(d: &DecisionRow) -> NewDecision {
        NewDecision {
            id: d.id.clone(),
            submission_id: "s1".into(),
            rule: d.rule.clone(),
            document: d.document.clone(),
            decision: d.decision.clone(),
            status: d.status.clone(),
            machine_status: d.machine_status.clone(),
            reason: d.reason.clone(),
            reviewer: d.reviewer.clone(),
        }
    }
}
