-- Reviewers' decisions on findings: append-only, so the history of who decided what, and when,
-- is kept; the newest decision per (rule, document) is the one in effect.
CREATE TABLE decisions (
    id             TEXT PRIMARY KEY,
    submission_id  TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    rule           TEXT NOT NULL,
    -- The document of the finding (its first evidence), absent for a finding with no evidence.
    document       TEXT,
    decision       TEXT NOT NULL CHECK (decision IN ('confirm', 'override')),
    -- The status the reviewer holds for the finding (the machine's own on a confirm).
    status         TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'review', 'not_applicable')),
    -- The machine's status when the decision was made.
    machine_status TEXT NOT NULL CHECK (machine_status IN ('pass', 'fail', 'review', 'not_applicable')),
    reason         TEXT,
    reviewer       TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX decisions_submission ON decisions (submission_id, created_at, id);
