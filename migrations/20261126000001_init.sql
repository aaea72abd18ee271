-- Submissions, their uploaded documents, and the durable job queue.
CREATE TABLE submissions (
    id               TEXT PRIMARY KEY,
    applicant        TEXT NOT NULL,
    declared_area_m2 REAL,
    base_type        TEXT,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'done', 'failed')),
    verdict          TEXT,
    error            TEXT,
    report_json      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX submissions_created ON submissions (created_at DESC, id DESC);

CREATE TABLE documents (
    submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    media_type    TEXT NOT NULL,
    kind_hint     TEXT,
    status        TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'done', 'failed')),
    stage         TEXT,
    pages_done    INTEGER NOT NULL DEFAULT 0,
    pages_total   INTEGER,
    error_code    TEXT,
    error_message TEXT,
    result_json   TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (submission_id, id)
);

CREATE TABLE jobs (
    id               TEXT PRIMARY KEY,
    submission_id    TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_expires_at INTEGER,
    deadline_at      INTEGER,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX jobs_claimable ON jobs (status, lease_expires_at, created_at);
