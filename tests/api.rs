//! The HTTP API, through a real server on an ephemeral port.

mod common;

use std::time::Duration;

use common::{
    Server, assert_valid_report, client, files_under, form, get_json, hold_jobs, read, wait_done,
    wait_for,
};
use serde_json::Value;

/// How long a test waits for a state it has made certain (a bound against hanging, not a
/// measurement).
const LIMIT: Duration = Duration::from_secs(300);

#[tokio::test(flavor = "multi_thread")]
async fn upload_poll_report_and_download() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let c = client();
    let lease = read("api/lease.pdf");
    let cert = read("api/certificate.png");
    let resp = c
        .post(server.url("/api/v1/submissions"))
        .multipart(
            form(
                Some("山西晋创科技有限公司"),
                &[
                    ("租赁合同.pdf", lease.clone(), Some("lease")),
                    ("certificate.png", cert.clone(), None),
                ],
            )
            .text("declared_area_m2", "3260.5"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    let accepted: Value = resp.json().await.unwrap();
    let id = accepted["id"].as_str().unwrap().to_string();
    assert_eq!(location, format!("/api/v1/submissions/{id}"));
    assert_eq!(accepted["documents"][0]["kind_hint"], "lease");
    assert_eq!(accepted["documents"][1]["media_type"], "image/png");

    let status = wait_done(&c, &server, &id, Duration::from_secs(300)).await;
    assert_eq!(status["status"], "done", "{status:#}");
    assert_eq!(status["progress"]["documents_total"], 2);
    assert_eq!(status["progress"]["documents_done"], 2);
    let report = &status["report"];
    assert_valid_report(report);
    assert_eq!(report["submission"]["applicant"], "山西晋创科技有限公司");
    assert_eq!(report["submission"]["declared_area_m2"], 3260.5);
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs[0]["file"], "租赁合同.pdf");
    assert_eq!(docs[0]["media_type"], "application/pdf");
    assert_eq!(docs[0]["pages"], 2);
    assert_eq!(docs[0]["text_source"], "text-layer");
    assert_eq!(docs[1]["file"], "certificate.png");
    let inputs = report["provenance"]["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 2);
    // The fixtures' known verdict and the findings that make it: the lease's credit code has
    // a wrong check character (fail); the certificate names an owner who is not the landlord
    // (review); the lease's term, area and lessee pass.
    assert_eq!(report["verdict"], "fail", "{report:#}");
    assert_eq!(status["verdict"], "fail");
    let findings = rule_statuses(report);
    let not_passed: Vec<_> = findings
        .iter()
        .filter(|(_, s, _)| s == "fail" || s == "review")
        .cloned()
        .collect();
    assert_eq!(
        not_passed,
        [
            finding("property.owner", "review", "doc-2"),
            finding("credit-code.valid", "fail", "doc-1"),
        ],
        "{report:#}"
    );
    for rule in ["name.consistency", "lease.term", "site.area"] {
        assert!(
            findings.contains(&finding(rule, "pass", "doc-1")),
            "{rule} should pass on the lease: {findings:?}"
        );
    }

    // The report alone, and the originals byte for byte.
    let alone: Value = get_json(&c, &server, &format!("/api/v1/submissions/{id}/report")).await;
    assert_eq!(&alone, report);
    for (doc, bytes) in [("doc-1", &lease), ("doc-2", &cert)] {
        let r = c
            .get(server.url(&format!("/api/v1/submissions/{id}/documents/{doc}/file")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(&r.bytes().await.unwrap()[..], &bytes[..]);
    }

    // Page images: the lease's born-digital pages were read without rasterising; each is
    // rendered when first asked for, and the same image comes again (kept). The photo's page
    // is the photo itself. A page that does not exist is a 404 problem.
    let page_png = |doc: &str, page: u32| {
        let url = server.url(&format!(
            "/api/v1/submissions/{id}/documents/{doc}/pages/{page}/image"
        ));
        let c = c.clone();
        async move {
            let r = c.get(url).send().await.unwrap();
            (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
        }
    };
    for page in [1, 2] {
        let (status, first) = page_png("doc-1", page).await;
        assert_eq!(status, 200, "page {page}");
        assert!(first.starts_with(b"\x89PNG"), "page {page} is a PNG");
        let img = image::load_from_memory(&first).unwrap();
        assert!(
            img.width() > 1000 && img.height() > 1000,
            "rendered at 200 dpi"
        );
        let (_, again) = page_png("doc-1", page).await;
        assert_eq!(again, first, "page {page} rendered once and kept");
    }
    // rendered on demand, not in extraction: each is remembered in the page cache
    let rendered = files_under(&dir.path().join("cache/pages"));
    assert_eq!(rendered.len(), 2, "{rendered:?}");
    let (status, photo) = page_png("doc-2", 1).await;
    assert_eq!(status, 200);
    assert!(photo.starts_with(b"\x89PNG"));
    let (status, body) = page_png("doc-1", 3).await;
    assert_eq!(status, 404, "{}", String::from_utf8_lossy(&body));

    // Listed newest first.
    let list: Value = get_json(&c, &server, "/api/v1/submissions?limit=10").await;
    assert_eq!(list["items"][0]["id"], id);
    let found: Value = get_json(
        &c,
        &server,
        "/api/v1/submissions?applicant=晋创&status=done",
    )
    .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
}

/// A finding as (rule, status, document of its first evidence).
fn finding(rule: &str, status: &str, document: &str) -> (String, String, String) {
    (rule.into(), status.into(), document.into())
}

/// A report's findings as (rule, status, document of the first evidence), in report order.
fn rule_statuses(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            finding(
                f["rule"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
                f["evidence"][0]["document"].as_str().unwrap_or("-"),
            )
        })
        .collect()
}

/// Asserts a problem-details answer with the given status and code.
async fn assert_problem(resp: reqwest::Response, status: u16, code: &str) {
    assert_eq!(resp.status().as_u16(), status);
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    let p: Value = resp.json().await.unwrap();
    assert_eq!(p["code"], code, "{p:#}");
    assert_eq!(p["status"], status);
    assert!(!p["detail"].as_str().unwrap().is_empty());
    assert!(!p["detail_zh"].as_str().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_a_problem_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &[
            ("DOCVERIFY_SERVER__MAX_FILE_BYTES", "40000"),
            ("DOCVERIFY_JOBS__WORKERS", "1"),
        ],
    );
    let c = client();
    let url = server.url("/api/v1/submissions");
    let lease = read("api/lease.pdf");
    let big = read("api/certificate.png"); // 47 KB > 40 000 bytes
    let docx = read("api/application.docx");

    let cases: Vec<(reqwest::multipart::Form, u16, &str)> = vec![
        (
            form(Some("甲公司"), &[("big.png", big.clone(), None)]),
            413,
            "payload-too-large",
        ),
        // A good file first, then an oversize one: the first must not be kept either.
        (
            form(
                Some("甲公司"),
                &[("a.pdf", lease.clone(), None), ("big.png", big, None)],
            ),
            413,
            "payload-too-large",
        ),
        (
            form(
                Some("甲公司"),
                &[("a.pdf", lease.clone(), None), ("申请.pdf", docx, None)],
            ),
            415,
            "unsupported-media-type",
        ),
        (
            form(None, &[("a.pdf", lease.clone(), None)]),
            422,
            "missing-applicant",
        ),
        (
            form(Some("   "), &[("a.pdf", lease.clone(), None)]),
            422,
            "missing-applicant",
        ),
        (form(Some("甲公司"), &[]), 422, "no-files"),
        (
            form(Some("甲公司"), &[("empty.pdf", vec![], None)]),
            422,
            "empty-file",
        ),
        (
            form(Some("甲公司"), &[("a.pdf", lease.clone(), Some("invoice"))]),
            422,
            "invalid-kind",
        ),
        (
            form(Some("甲公司"), &[("a.pdf", lease.clone(), None)]).text("declared_area_m2", "-3"),
            422,
            "invalid-declared-area",
        ),
    ];
    for (f, status, code) in cases {
        let resp = c.post(&url).multipart(f).send().await.unwrap();
        assert_problem(resp, status, code).await;
    }
    // Not multipart at all.
    let resp = c
        .post(&url)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(resp, 415, "expected-multipart").await;
    // Unknown ids.
    for path in [
        "/api/v1/submissions/nope",
        "/api/v1/submissions/nope/report",
        "/api/v1/submissions/nope/documents/doc-1/file",
    ] {
        let resp = c.get(server.url(path)).send().await.unwrap();
        assert_problem(resp, 404, "not-found").await;
    }
    let resp = c
        .get(server.url("/api/v1/submissions?limit=0"))
        .send()
        .await
        .unwrap();
    assert_problem(resp, 400, "invalid-query").await;

    // Nothing was stored: no rows, no blobs, no scratch files.
    let list: Value = get_json(&c, &server, "/api/v1/submissions").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    assert!(files_under(&dir.path().join("blobs")).is_empty());
    assert!(files_under(&dir.path().join("tmp")).is_empty());

    // And the service still accepts good uploads.
    let resp = c
        .post(&url)
        .multipart(form(Some("甲公司"), &[("a.pdf", lease, None)]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
}

#[tokio::test(flavor = "multi_thread")]
async fn health_openapi_and_schema_are_served_and_in_sync() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let c = client();
    assert_eq!(
        c.get(server.url("/healthz")).send().await.unwrap().status(),
        200
    );
    assert_eq!(
        c.get(server.url("/readyz")).send().await.unwrap().status(),
        200
    );
    let served: Value = get_json(&c, &server, "/api/v1/openapi.json").await;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("docs/openapi.json")).unwrap())
            .unwrap();
    assert_eq!(
        served, committed,
        "docs/openapi.json is stale: run `cargo run -- openapi > docs/openapi.json`"
    );
    let schema: Value = get_json(&c, &server, "/api/v1/schemas/report-v1.json").await;
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("docs/report.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema, committed,
        "docs/report.schema.json is stale: run `cargo run -- openapi --report-schema > docs/report.schema.json`"
    );
    for path in ["/api/v1/submissions", "/api/v1/submissions/{id}"] {
        assert!(served["paths"][path].is_object(), "{path} missing");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_concurrent_uploads_all_complete() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let c = client();
    let lease = read("api/lease.pdf");
    let mut tasks = Vec::new();
    for i in 0..20 {
        let c = c.clone();
        let url = server.url("/api/v1/submissions");
        let lease = lease.clone();
        tasks.push(tokio::spawn(async move {
            let name = format!("lease-{i}.pdf");
            let resp = c
                .post(url)
                .multipart(form(
                    Some(&format!("并发测试{i}有限公司")),
                    &[(name.as_str(), lease, None)],
                ))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 202);
            let v: Value = resp.json().await.unwrap();
            v["id"].as_str().unwrap().to_string()
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.unwrap());
    }
    for id in &ids {
        let s = wait_done(&c, &server, id, Duration::from_secs(600)).await;
        assert_eq!(s["status"], "done", "{s:#}");
        assert_valid_report(&s["report"]);
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 20);
}

/// Documents share a pool of extraction workers started ahead: one worker here, so every
/// document goes through it. A decompression bomb fails its own document (the worker is
/// recycled after the error); the document beside it and the submission after it are read
/// in full by the fresh worker.
#[tokio::test(flavor = "multi_thread")]
async fn a_document_that_fails_its_worker_costs_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &[
            ("DOCVERIFY_EXTRACT__POOL_SIZE", "1"),
            ("DOCVERIFY_EXTRACT__CPU_SLOTS", "1"),
        ],
    );
    let c = client();
    let lease = read("api/lease.pdf");
    let mut ids = Vec::new();
    for files in [
        vec![
            ("bomb.pdf", read("codes/bomb.pdf"), None),
            ("lease.pdf", lease.clone(), Some("lease")),
        ],
        vec![("lease.pdf", lease.clone(), Some("lease"))],
    ] {
        let resp = c
            .post(server.url("/api/v1/submissions"))
            .multipart(form(Some("山西晋创科技有限公司"), &files))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 202);
        let v: Value = resp.json().await.unwrap();
        ids.push(v["id"].as_str().unwrap().to_string());
    }
    let first = wait_done(&c, &server, &ids[0], Duration::from_secs(300)).await;
    assert_eq!(first["status"], "done", "{first:#}");
    let docs = first["documents"].as_array().unwrap();
    assert_eq!(docs[0]["status"], "failed", "{first:#}");
    assert_eq!(docs[0]["error"]["code"], "too-large", "{first:#}");
    assert_eq!(docs[1]["status"], "done", "{first:#}");
    let second = wait_done(&c, &server, &ids[1], Duration::from_secs(300)).await;
    assert_eq!(second["status"], "done", "{second:#}");
    for status in [&first, &second] {
        let report = &status["report"];
        assert_valid_report(report);
        let lease = report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file"] == "lease.pdf")
            .unwrap();
        assert_eq!(lease["kind"], "lease", "{lease:#}");
        assert_eq!(lease["text_source"], "text-layer", "{lease:#}");
        assert!(lease["fields"]["lessee"]["value"].is_string(), "{lease:#}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_job_interrupted_by_a_crash_completes_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Short lease so the restarted server reclaims the dead worker's job quickly.
    let env = [
        ("DOCVERIFY_JOBS__LEASE_SECS", "2"),
        ("DOCVERIFY_JOBS__WORKERS", "1"),
        ("DOCVERIFY_JOBS__POLL_MS", "200"),
    ];
    // The first server's worker finishes one document, then holds the job (test hook): the
    // crash surely lands mid-run, whatever the machine's speed.
    let (_gate, hold) = hold_jobs(dir.path(), 1);
    let mut first_env = env.to_vec();
    first_env.push((hold.0, &hold.1));
    let server = Server::start(&data, &first_env);
    let c = client();
    let lease = read("api/lease.pdf");
    let cert = read("api/certificate.png");
    let mut files = Vec::new();
    for i in 0..6 {
        if i % 2 == 0 {
            files.push((format!("lease-{i}.pdf"), lease.clone()));
        } else {
            files.push((format!("cert-{i}.png"), cert.clone()));
        }
    }
    let parts: Vec<(&str, Vec<u8>, Option<&str>)> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone(), None))
        .collect();
    let resp = c
        .post(server.url("/api/v1/submissions"))
        .multipart(form(Some("山西晋创科技有限公司"), &parts))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let id = resp.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // The job is under way with exactly one document done, and held there: kill -9.
    let status_url = format!("/api/v1/submissions/{id}");
    let held = wait_for("the job held after its first document", LIMIT, || async {
        let v: Value = get_json(&c, &server, &status_url).await;
        (v["status"] == "processing" && v["progress"]["documents_done"] == 1).then_some(v)
    })
    .await;
    assert_eq!(held["progress"]["documents_total"], 6, "{held:#}");
    assert_eq!(
        server
            .log_lines(&["DOCVERIFY_TEST_HOLD_JOBS", "holding the job", "document=2"])
            .len(),
        1,
        "the hook held the job before its second document"
    );
    server.kill();

    // Restarted without the hook: the job is claimed again once its lease runs out and is
    // finished.
    let server = Server::start(&data, &env);
    let status = wait_done(&c, &server, &id, Duration::from_secs(600)).await;
    assert_eq!(status["status"], "done", "{status:#}");
    assert_valid_report(&status["report"]);
    assert_eq!(status["report"]["documents"].as_array().unwrap().len(), 6);
    for (i, (_, bytes)) in files.iter().enumerate() {
        let got = c
            .get(server.url(&format!(
                "/api/v1/submissions/{id}/documents/doc-{}/file",
                i + 1
            )))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert_eq!(&got[..], &bytes[..], "doc-{} differs", i + 1);
    }
}

/// `/readyz`: its status and body (the problem details when not ready).
async fn readyz(c: &reqwest::Client, server: &Server) -> (u16, String) {
    let r = c.get(server.url("/readyz")).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A server whose store fails the operations listed in `<dir>/store-faults` while that file
/// lists them (the `DOCVERIFY_TEST_STORE_FAULTS` hook of src/store/faults.rs), with a short
/// lease and one worker; and the path of that file.
fn server_with_store_faults(
    dir: &std::path::Path,
    faults: &str,
    extra: &[(&str, &str)],
) -> (Server, std::path::PathBuf) {
    let file = dir.join("store-faults");
    std::fs::write(&file, faults).unwrap();
    let file_env = file.display().to_string();
    let mut env = vec![
        ("DOCVERIFY_TEST_STORE_FAULTS", file_env.as_str()),
        ("DOCVERIFY_JOBS__LEASE_SECS", "2"),
        ("DOCVERIFY_JOBS__WORKERS", "1"),
        ("DOCVERIFY_JOBS__POLL_MS", "200"),
    ];
    env.extend_from_slice(extra);
    (Server::start(&dir.join("data"), &env), file)
}

async fn submit_lease(c: &reqwest::Client, server: &Server) -> String {
    let resp = c
        .post(server.url("/api/v1/submissions"))
        .multipart(form(
            Some("山西晋创科技有限公司"),
            &[("lease.pdf", read("api/lease.pdf"), Some("lease"))],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    resp.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_job_the_store_cannot_mark_done_is_retried_logged_shown_in_readyz_and_finished_later() {
    let dir = tempfile::tempdir().unwrap();
    let (server, faults) = server_with_store_faults(dir.path(), "finish_job\n", &[]);
    let c = client();
    assert_eq!(readyz(&c, &server).await.0, 200);
    let id = submit_lease(&c, &server).await;

    // The report is stored, but the job cannot be recorded as done: each try is logged, and
    // once they are spent /readyz says what was not recorded.
    let problem = wait_for("/readyz answering 503", LIMIT, || async {
        let (status, body) = readyz(&c, &server).await;
        (status == 503).then_some(body)
    })
    .await;
    let problem: Value = serde_json::from_str(&problem).unwrap();
    assert_eq!(problem["code"], "unavailable", "{problem:#}");
    let detail = problem["detail"].as_str().unwrap();
    for needle in [
        "finish_job",
        id.as_str(),
        "injected store fault: finish_job",
        "claimed again",
    ] {
        assert!(detail.contains(needle), "{needle:?} not in {detail}");
    }
    // All of it in the job's first run (its log span), not only once the job was claimed
    // again: the first failure is not swallowed.
    // (the server's log is read on a thread of its own: the lines may arrive a moment after
    // /readyz has changed, though the server writes them first)
    let first_run = format!("job{{submission={id} attempt=1}}");
    let given_up = wait_for("the give-up logged", LIMIT, || async {
        let lines = server.log_lines(&[
            &first_run,
            "store write failed; the job stays leased",
            "finish_job",
            "write_attempts=4",
        ]);
        (!lines.is_empty()).then_some(lines)
    })
    .await;
    assert_eq!(given_up.len(), 1, "{:#?}", server.log.lock().unwrap());
    let retried = server.log_lines(&[&first_run, "store write failed; retrying", "finish_job"]);
    assert_eq!(retried.len(), 3, "each failed try is logged: {retried:#?}");
    let status: Value = get_json(&c, &server, &format!("/api/v1/submissions/{id}")).await;
    assert_eq!(status["status"], "done", "{status:#}");
    let report = status["report"].clone();

    // The store takes writes again: the job, still leased, is claimed again when the lease
    // runs out and recorded as done without being processed again; /readyz is ready again.
    std::fs::remove_file(&faults).unwrap();
    wait_for("/readyz answering 200 again", LIMIT, || async {
        (readyz(&c, &server).await.0 == 200).then_some(())
    })
    .await;
    assert!(
        !server
            .log_lines(&["the store records job bookkeeping again"])
            .is_empty()
    );
    let after: Value = get_json(&c, &server, &format!("/api/v1/submissions/{id}")).await;
    assert_eq!(after["status"], "done", "{after:#}");
    assert_eq!(after["report"], report, "the report is the one stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_submission_the_store_cannot_mark_failed_is_not_left_saying_it_is_queued() {
    // One attempt only, and the store refuses the submission's status and its report: the
    // job fails and the submission must be marked failed, which the store refuses too.
    let dir = tempfile::tempdir().unwrap();
    let (server, faults) = server_with_store_faults(
        dir.path(),
        "set_submission_status\nsave_report\n",
        &[("DOCVERIFY_JOBS__MAX_ATTEMPTS", "1")],
    );
    let c = client();
    let id = submit_lease(&c, &server).await;
    let problem = wait_for("/readyz answering 503", LIMIT, || async {
        let (status, body) = readyz(&c, &server).await;
        (status == 503).then_some(body)
    })
    .await;
    assert!(
        problem.contains("set_submission_status") && problem.contains(&id),
        "{problem}"
    );
    let given_up = server.log_lines(&[
        &format!("job{{submission={id} attempt=1}}"),
        "store write failed; the job stays leased",
        "set_submission_status",
    ]);
    assert_eq!(given_up.len(), 1, "{:#?}", server.log.lock().unwrap());
    let status: Value = get_json(&c, &server, &format!("/api/v1/submissions/{id}")).await;
    assert_eq!(
        status["status"], "queued",
        "nothing could be written: {status:#}"
    );

    // Once the store takes writes, the job (kept leased, not released as failed behind the
    // submission's back) is given up again and this time the submission says so.
    std::fs::remove_file(&faults).unwrap();
    let failed = wait_done(&c, &server, &id, LIMIT).await;
    assert_eq!(failed["status"], "failed", "{failed:#}");
    assert!(
        failed["error"].as_str().unwrap().contains("gave up after"),
        "{failed:#}"
    );
    wait_for("/readyz answering 200 again", LIMIT, || async {
        (readyz(&c, &server).await.0 == 200).then_some(())
    })
    .await;
}
