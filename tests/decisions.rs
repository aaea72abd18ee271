//! Reviewers' decisions through HTTP: recorded with who and when, attached to the report beside
//! the machine's findings, kept across a restart; bad input answered with problem details.

mod common;

use std::time::Duration;

use common::{Server, assert_valid_report, client, form, get_json, hold_jobs, read, wait_done};
use serde_json::{Value, json};

async fn post_decision(
    c: &reqwest::Client,
    server: &Server,
    id: &str,
    body: &Value,
) -> reqwest::Response {
    c.post(server.url(&format!("/api/v1/submissions/{id}/decisions")))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// Asserts a problem-details answer with the given status and code.
async fn assert_problem(resp: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    let got = resp.status().as_u16();
    let p: Value = resp.json().await.unwrap();
    assert_eq!((got, p["code"].as_str().unwrap()), (status, code), "{p:#}");
    assert!(!p["detail"].as_str().unwrap().is_empty());
    assert!(!p["detail_zh"].as_str().unwrap().is_empty());
    p
}

#[tokio::test(flavor = "multi_thread")]
async fn decisions_are_recorded_attached_to_the_report_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let c = client();
    // Two leases, so one rule has a finding about each and a decision must say which.
    let lease = read("api/lease.pdf");
    let resp = c
        .post(server.url("/api/v1/submissions"))
        .multipart(
            form(
                Some("山西晋创科技有限公司"),
                &[
                    ("lease-a.pdf", lease.clone(), Some("lease")),
                    ("lease-b.pdf", lease, Some("lease")),
                ],
            )
            .text("declared_area_m2", "3260.5"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let id = resp.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let status = wait_done(&c, &server, &id, Duration::from_secs(300)).await;
    assert_eq!(status["status"], "done", "{status:#}");
    let report = status["report"].clone();
    let findings = report["findings"].as_array().unwrap().clone();
    // Known: both leases carry a credit code with a wrong check character and together
    // declare twice the area (fail); their lessee, term and parties pass.
    assert_eq!(report["verdict"], "fail", "{report:#}");
    assert!(status["decisions"].as_array().unwrap().is_empty());
    assert!(status.get("reviewed_verdict").is_none());
    let empty = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    assert_eq!(empty, json!({"items": []}));

    // A failing finding about one document, and a rule with findings about both.
    let failing = findings
        .iter()
        .find(|f| f["status"] == "fail" && !f["evidence"].as_array().unwrap().is_empty())
        .unwrap_or_else(|| panic!("the fixture should fail a rule: {report:#}"))
        .clone();
    let rule = failing["rule"].as_str().unwrap().to_string();
    let doc = failing["evidence"][0]["document"]
        .as_str()
        .unwrap()
        .to_string();
    let doc_of = |f: &Value| f["evidence"][0]["document"].as_str().map(str::to_string);
    let twice = findings
        .iter()
        .find(|f| {
            findings
                .iter()
                .filter(|g| g["rule"] == f["rule"] && doc_of(g) != doc_of(f))
                .count()
                >= 1
        })
        .unwrap_or_else(|| panic!("a rule should judge each lease: {report:#}"))
        .clone();
    let twice_rule = twice["rule"].as_str().unwrap().to_string();
    assert_eq!(
        (rule.as_str(), doc.as_str(), twice_rule.as_str()),
        ("site.area", "doc-1", "name.consistency"),
        "{report:#}"
    );

    // Bad input: problem details with stable codes, nothing stored.
    let ok = json!({"rule": rule, "document": doc, "decision": "override", "status": "pass",
                    "reason": "原件核对无误", "reviewer": "张三"});
    let with = |k: &str, v: Value| {
        let mut b = ok.clone();
        b[k] = v;
        b
    };
    let without = |k: &str| {
        let mut b = ok.clone();
        b.as_object_mut().unwrap().remove(k);
        b
    };
    let cases = [
        (with("rule", json!("no.such-rule")), "unknown-rule"),
        (with("document", json!("doc-9")), "unknown-document"),
        (
            json!({"rule": twice_rule, "decision": "confirm", "reviewer": "张三"}),
            "ambiguous-finding",
        ),
        (without("reason"), "missing-reason"),
        (with("reason", json!("   ")), "missing-reason"),
        (without("status"), "missing-status"),
        (with("status", json!("fail")), "status-unchanged"),
        (with("status", json!("approved")), "invalid-status"),
        (with("decision", json!("approve")), "invalid-decision"),
        (without("reviewer"), "missing-reviewer"),
        (with("reviewer", json!("a\u{0}b")), "invalid-reviewer"),
        (with("reason", json!("长".repeat(2001))), "invalid-reason"),
        (
            json!({"rule": rule, "document": doc, "decision": "confirm", "status": "pass", "reviewer": "张三"}),
            "invalid-status",
        ),
    ];
    for (body, code) in cases {
        assert_problem(post_decision(&c, &server, &id, &body).await, 422, code).await;
    }
    assert_problem(
        post_decision(&c, &server, "nope", &ok).await,
        404,
        "not-found",
    )
    .await;
    let url = server.url(&format!("/api/v1/submissions/{id}/decisions"));
    let not_json = c.post(&url).body(ok.to_string()).send().await.unwrap();
    assert_problem(not_json, 415, "expected-json").await;
    for bad in [
        "{not json",
        r#"{"rule": 5}"#,
        r#"{"rule": "a", "extra": 1}"#,
    ] {
        let r = c
            .post(&url)
            .header("content-type", "application/json")
            .body(bad)
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, "malformed-json").await;
    }
    let still_empty = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    assert!(still_empty["items"].as_array().unwrap().is_empty());

    // An override, a confirm, then a second thought on the first finding.
    let r = post_decision(&c, &server, &id, &ok).await;
    assert_eq!(r.status(), 201);
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("/api/v1/submissions/{id}/decisions")
    );
    let first: Value = r.json().await.unwrap();
    assert_eq!(
        (
            &first["rule"],
            &first["document"],
            &first["decision"],
            &first["status"],
            &first["machine_status"],
            &first["reviewer"],
            &first["reason"],
            &first["in_effect"]
        ),
        (
            &json!(rule),
            &json!(doc),
            &json!("override"),
            &json!("pass"),
            &json!("fail"),
            &json!("张三"),
            &json!("原件核对无误"),
            &json!(true)
        )
    );
    assert!(
        chrono::DateTime::parse_from_rfc3339(first["decided_at"].as_str().unwrap()).is_ok(),
        "{first:#}"
    );
    let twice_doc = doc_of(&twice).unwrap();
    let r = post_decision(
        &c,
        &server,
        &id,
        &json!({"rule": twice_rule, "document": twice_doc, "decision": "confirm", "reviewer": " 李四 "}),
    )
    .await;
    assert_eq!(r.status(), 201);
    let confirm: Value = r.json().await.unwrap();
    assert_eq!(confirm["status"], twice["status"]);
    assert_eq!(confirm["reviewer"], "李四");
    assert!(confirm.get("reason").is_none());
    let r = post_decision(
        &c,
        &server,
        &id,
        &with("status", json!("review")).tap_reason("需要补充原件"),
    )
    .await;
    assert_eq!(r.status(), 201);

    // The decisions, the reviewed verdict; the machine's findings and verdict unchanged.
    let list = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    let in_effect: Vec<bool> = items
        .iter()
        .map(|d| d["in_effect"].as_bool().unwrap())
        .collect();
    assert_eq!(in_effect, [false, true, true]);
    // The area now under review, but both credit codes still fail.
    assert_eq!(list["reviewed_verdict"], "fail", "{list:#}");

    // Overriding both credit-code findings leaves the area under review: the reviewed verdict
    // is `review`, while the machine's stays `fail`.
    for d in ["doc-1", "doc-2"] {
        let r = post_decision(
            &c,
            &server,
            &id,
            &json!({"rule": "credit-code.valid", "document": d, "decision": "override",
                    "status": "pass", "reason": "已向登记机关核实代码", "reviewer": "王五"}),
        )
        .await;
        assert_eq!(r.status(), 201, "{d}");
    }
    let list = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 5);
    let reviewed = "review";
    assert_eq!(list["reviewed_verdict"], reviewed, "{list:#}");

    let after = get_json(&c, &server, &format!("/api/v1/submissions/{id}/report")).await;
    assert_valid_report(&after);
    assert_eq!(after["findings"], report["findings"]);
    assert_eq!(after["verdict"], report["verdict"]);
    assert_eq!(after["decisions"], list["items"]);
    assert_eq!(after["reviewed_verdict"], reviewed);
    let status = get_json(&c, &server, &format!("/api/v1/submissions/{id}")).await;
    assert_eq!(status["decisions"], list["items"]);
    assert_eq!(status["reviewed_verdict"], reviewed);
    assert_eq!(status["verdict"], report["verdict"]);
    assert_eq!(status["report"], after);
    let listed = get_json(&c, &server, "/api/v1/submissions").await;
    assert_eq!(listed["items"][0]["decisions"], 5);
    assert_eq!(listed["items"][0]["reviewed_verdict"], reviewed);
    assert_eq!(listed["items"][0]["verdict"], report["verdict"]);

    // Kept across a restart.
    server.kill();
    let server = Server::start(dir.path(), &[]);
    let again = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    assert_eq!(again, list);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_before_the_report_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // The worker holds the job before its first document (test hook) until the gate file is
    // removed: the report surely does not exist yet when the decision comes.
    let (gate, hold) = hold_jobs(dir.path(), 0);
    let server = Server::start(
        &dir.path().join("data"),
        &[("DOCVERIFY_JOBS__WORKERS", "1"), (hold.0, &hold.1)],
    );
    let c = client();
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
    let id = resp.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({"rule": "lease.term", "decision": "confirm", "reviewer": "张三"});
    let resp = post_decision(&c, &server, &id, &body).await;
    let p = assert_problem(resp, 409, "report-not-ready").await;
    assert!(p["detail_zh"].as_str().unwrap().contains(&id));
    let status = get_json(&c, &server, &format!("/api/v1/submissions/{id}")).await;
    assert_ne!(status["status"], "done", "{status:#}");
    assert!(status.get("report").is_none(), "{status:#}");
    let list = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    assert_eq!(list, json!({"items": []}));

    // Released, the job makes its report, and the same decision is now recorded.
    std::fs::remove_file(&gate).unwrap();
    let done = wait_done(&c, &server, &id, Duration::from_secs(300)).await;
    assert_eq!(done["status"], "done", "{done:#}");
    let resp = post_decision(&c, &server, &id, &body).await;
    assert_eq!(resp.status(), 201);
    let list = get_json(&c, &server, &format!("/api/v1/submissions/{id}/decisions")).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list:#}");
}

/// Sets `reason` on a decision body.
trait TapReason {
    fn tap_reason(self, reason: &str) -> Value;
}

impl TapReason for Value {
    fn tap_reason(mut self, reason: &str) -> Value {
        self["reason"] = json!(reason);
        self
    }
}
