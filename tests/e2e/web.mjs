// End-to-end test of the reviewers' web page in a real browser (Debian's chromium driven by
// playwright-core). Run by tests/web.rs, which starts the server and passes:
//   DOCVERIFY_BASE   the server's base URL (http://127.0.0.1:PORT)
//   FIXTURES         the repository's fixtures/ folder
//   CHROMIUM         the browser binary (default /usr/bin/chromium)
//   SCREENSHOTS      where to save screenshots of the main views (optional)
// The server must run with DOCVERIFY_SERVER__MAX_FILE_BYTES=400000 so one fixture is refused.
//
// What it checks: files dropped on the page with a kind each; a file the server cannot read is
// marked before sending; a file the server refuses is marked with the server's problem details;
// the upload goes through and the page shows the verdict when it is ready; a failing finding's
// evidence opens the right page image with the field's box drawn where the report says; a
// reviewer's override is refused without a reason, then recorded, shown, and served by the API
// with the machine's finding kept; the list shows, filters and searches; English switches; the
// print stylesheet hides the controls.

import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { join, basename } from "node:path";
import assert from "node:assert/strict";

const base = process.env.DOCVERIFY_BASE;
const fixtures = process.env.FIXTURES;
const shots = process.env.SCREENSHOTS || "";
assert.ok(base && fixtures, "DOCVERIFY_BASE and FIXTURES must be set");
const APPLICANT = "山西晋创科技有限公司";
const VERDICT_TIMEOUT_MS = 300_000;

const api = async (path, init) => {
  const r = await fetch(base + path, init);
  const body = await r.json();
  return { status: r.status, body };
};

function step(what) {
  console.log(`[e2e] ${what}`);
}

/** Saves a screenshot of the page (or of one element) when SCREENSHOTS is set; .jpg for scans. */
async function shot(target, name, opts = {}) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const type = name.endsWith(".jpg") ? { type: "jpeg", quality: 80 } : {};
  await target.screenshot({ path: join(shots, name), ...type, ...opts });
}

/** Drops files on the drop zone the way a browser does: a `drop` event carrying a DataTransfer. */
async function dropFiles(page, paths) {
  const files = paths.map((p) => ({ name: basename(p), b64: readFileSync(p).toString("base64") }));
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, files);
  await page.dispatchEvent("#drop", "dragover", { dataTransfer: dt });
  await page.dispatchEvent("#drop", "drop", { dataTransfer: dt });
}

const fileRow = (page, name) => page.locator(`#files li[data-file="${name}"]`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // Root in CI containers: chromium's sandbox needs user namespaces it may not have.
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--font-render-hinting=none"],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "zh-CN", deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && !/status of (4|5)\d\d/.test(m.text()) && errors.push(`console: ${m.text()}`));

  // A second submission (through the API) so the list has something to filter out.
  const otherForm = new FormData();
  otherForm.append("applicant", "太原示例物业管理有限公司");
  // A page whose QR code holds a web address: shown as text, never as a link.
  otherForm.append("file", new Blob([readFileSync(join(fixtures, "codes/page_qr.jpg"))]), "page_qr.jpg");
  const other = await api("/api/v1/submissions", { method: "POST", body: otherForm });
  assert.equal(other.status, 202);

  // ---- new submission ---------------------------------------------------------------------
  step("new submission: drop four files");
  await page.goto(`${base}/#/new`);
  await page.fill("input[name=applicant]", APPLICANT);
  await page.fill("input[name=area]", "3260.5");
  await dropFiles(page, [
    join(fixtures, "api/lease.pdf"),
    join(fixtures, "ocr/lease_150dpi_blur.jpg"),
    join(fixtures, "api/application.docx"),
    join(fixtures, "ocr/lease_200dpi_turn90.jpg"),
  ]);
  await page.waitForSelector('#files li[data-file="lease_200dpi_turn90.jpg"]');
  // The .docx is marked at once, before anything is sent.
  const docx = fileRow(page, "application.docx");
  assert.match(await docx.getAttribute("class"), /rejected/);
  assert.match(await docx.innerText(), /不支持的文件类型/);
  await fileRow(page, "lease.pdf").locator("select").selectOption("lease");
  await page.click("#submit");
  assert.match(await page.locator(".form-message").innerText(), /请先移除标红的文件/);
  await docx.locator("button").click();

  step("the server refuses the oversize file; the page says which and why");
  await page.click("#submit");
  await page.waitForSelector(".form-message[data-code=payload-too-large]");
  const refusal = await page.locator(".form-message").innerText();
  assert.match(refusal, /lease_200dpi_turn90\.jpg/);
  assert.match(refusal, /上限/);
  const big = fileRow(page, "lease_200dpi_turn90.jpg");
  assert.match(await big.getAttribute("class"), /rejected/);
  await shot(page, "new-submission.png", { fullPage: true });
  await big.locator("button").click();

  step("upload and wait for the verdict");
  await page.click("#submit");
  await page.waitForURL(/#\/s\//, { timeout: 60_000 });
  const id = decodeURIComponent(page.url().split("#/s/")[1]);
  const accepted = (await api(`/api/v1/submissions/${id}`)).body;
  assert.deepEqual(
    accepted.documents.map((d) => [d.file, d.kind_hint ?? null]),
    [
      ["lease.pdf", "lease"],
      ["lease_150dpi_blur.jpg", null],
    ],
  );
  // Live progress while the documents are read (a picture only: the verdict may come first).
  await page.waitForSelector("#progress, #verdict-value");
  if (await page.locator("#progress").count()) await shot(page, "progress.png");
  await page.waitForSelector("#verdict-value", { timeout: VERDICT_TIMEOUT_MS });
  const status = (await api(`/api/v1/submissions/${id}`)).body;
  assert.equal(status.status, "done");
  // Known: the blurred lease's lessee is another company (name.consistency fails on doc-2),
  // the two leases' areas add up to more than declared (site.area fails), and lease.pdf's
  // credit code has a wrong check character (credit-code.valid fails).
  assert.equal(status.report.verdict, "fail");
  const failing = status.report.findings
    .filter((f) => f.status === "fail")
    .map((f) => `${f.rule}@${f.evidence[0]?.document}`);
  assert.deepEqual(failing, ["name.consistency@doc-2", "site.area@doc-1", "credit-code.valid@doc-1"]);
  assert.equal(await page.getAttribute("#verdict-value", "data-verdict"), "fail");

  // Failures first: the first finding card on the page is a failing one.
  const firstStatus = await page.locator("article.finding").first().getAttribute("data-status");
  assert.equal(firstStatus, "fail");
  await shot(page, "submission.png");

  // ---- evidence on the page image -----------------------------------------------------------
  step("open a failing finding's evidence and check the box");
  // The lessee read by OCR on the blurred lease: a failing finding whose evidence has a box.
  const target = status.report.findings.find((f) => f.rule === "name.consistency" && f.status === "fail");
  assert.ok(target, `name.consistency should fail: ${JSON.stringify(status.report.findings)}`);
  const ev = target.evidence[0];
  assert.deepEqual([ev.document, ev.page, ev.field], ["doc-2", 1, "lessee"]);
  assert.ok(ev.bbox, `the lessee's evidence has a box: ${JSON.stringify(ev)}`);
  const card = page.locator(`article.finding[data-rule="${target.rule}"][data-document="${target.evidence[0].document}"]`);
  await card.locator(`button.evidence-link[data-document="${ev.document}"][data-page="${ev.page}"]`).first().click();
  await page.waitForSelector("#viewer #highlight");
  const img = page.locator("#viewer img.page-image");
  await page.waitForFunction(() => {
    const i = document.querySelector("#viewer img.page-image");
    return i && i.complete && i.naturalWidth > 0;
  });
  const src = await img.getAttribute("src");
  assert.ok(src.endsWith(`/documents/${ev.document}/pages/${ev.page}/image`), `wrong page image ${src}`);
  const [ib, hb] = [await img.boundingBox(), await page.locator("#highlight").boundingBox()];
  // The box sits where the report's fractions say, on the image that is shown (±2 px).
  const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 2, `${what}: ${a} vs ${b}`);
  near(hb.x, ib.x + ev.bbox[0] * ib.width, "left");
  near(hb.y, ib.y + ev.bbox[1] * ib.height, "top");
  near(hb.x + hb.width, ib.x + ev.bbox[2] * ib.width, "right");
  near(hb.y + hb.height, ib.y + ev.bbox[3] * ib.height, "bottom");
  assert.ok(hb.width > 4 && hb.height > 4, "the box is visible");
  // The viewer shows the value read there.
  const doc = status.report.documents.find((d) => d.id === ev.document);
  assert.equal(doc.fields.lessee.value, "浙江禾木智能科技有限公司");
  assert.equal(await page.locator("#viewer-value").innerText(), "浙江禾木智能科技有限公司");
  await shot(page, "evidence.jpg");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#viewer", { state: "detached" });

  // ---- a reviewer's override --------------------------------------------------------------
  step("override: refused without a reason, then recorded");
  await card.locator("button.override").click();
  await card.locator("input[name=reviewer]").fill("张三");
  await card.locator("select[name=status]").selectOption("pass");
  await card.locator(".decision-form button[type=submit]").click();
  await card.locator(".decision-form .error[data-code=missing-reason]").waitFor();
  assert.match(await card.locator(".decision-form .error").innerText(), /理由/);
  const reason = "已核对原件：承租方与申报单位为同一主体";
  await card.locator("textarea[name=reason]").fill(reason);
  await card.locator(".decision-form button[type=submit]").click();
  const decided = page.locator(`article.finding[data-rule="${target.rule}"][data-document="${target.evidence[0].document}"] .decided`);
  await decided.waitFor();
  assert.match(await decided.innerText(), /张三/);
  assert.match(await decided.innerText(), new RegExp(reason));

  const decisions = (await api(`/api/v1/submissions/${id}/decisions`)).body;
  assert.equal(decisions.items.length, 1);
  const d = decisions.items[0];
  assert.deepEqual(
    [d.rule, d.document, d.decision, d.status, d.machine_status, d.reviewer, d.reason, d.in_effect],
    [target.rule, target.evidence[0].document, "override", "pass", "fail", "张三", reason, true],
  );
  const report = (await api(`/api/v1/submissions/${id}/report`)).body;
  assert.equal(report.decisions.length, 1);
  // The machine's finding is kept beside the decision.
  const kept = report.findings.find((f) => f.rule === target.rule && f.evidence[0]?.document === target.evidence[0].document);
  assert.equal(kept.status, "fail");
  // The area and the credit code still fail: the reviewed verdict stays `fail`.
  assert.equal(report.verdict, "fail");
  assert.equal(report.reviewed_verdict, "fail");
  await page.locator("#decisions table").waitFor();
  await shot(card, "decision.png");

  // ---- print ------------------------------------------------------------------------------
  step("print stylesheet");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".decision-buttons").first().isVisible(), false);
  assert.equal(await page.locator("header.top").isVisible(), false);
  assert.ok(await page.locator(".print-title").isVisible());
  assert.ok(await page.locator("#provenance").isVisible());
  await shot(page, "print.jpg", { fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // ---- the list ---------------------------------------------------------------------------
  step("list: status, verdict, decisions, filters, search");
  await page.goto(`${base}/#/`);
  const row = page.locator(`#submissions tr[data-id="${id}"]`);
  const otherRow = page.locator(`#submissions tr[data-id="${other.body.id}"]`);
  await row.waitFor();
  await otherRow.waitFor();
  assert.match(await row.innerText(), new RegExp(APPLICANT));
  assert.match(await row.innerText(), /已复核 1 条/);
  assert.match(await row.innerText(), /复核后结论/);
  // Search by applicant.
  await page.fill("input[name=q]", "晋创");
  await otherRow.waitFor({ state: "detached" });
  await row.waitFor();
  await page.fill("input[name=q]", "没有这家公司");
  await row.waitFor({ state: "detached" });
  await page.fill("input[name=q]", "");
  await otherRow.waitFor();
  // Filter by verdict, once the other submission has one. Known: its lessee is not its
  // applicant and its credit code is invalid, so it fails too; neither passes.
  const otherDone = await (async () => {
    for (let i = 0; i < 600; i++) {
      const s = (await api(`/api/v1/submissions/${other.body.id}`)).body;
      if (s.status === "done" || s.status === "failed") return s;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the second submission did not finish");
  })();
  assert.equal(otherDone.status, "done");
  assert.equal(otherDone.verdict, "fail");
  await page.selectOption("select[name=verdict]", "fail");
  await row.waitFor();
  await otherRow.waitFor();
  await page.selectOption("select[name=verdict]", "pass");
  await row.waitFor({ state: "detached" });
  await otherRow.waitFor({ state: "detached" });
  assert.match(page.url(), /verdict=pass/);
  await page.selectOption("select[name=status]", "done");
  await page.selectOption("select[name=verdict]", "");
  await row.waitFor();
  await otherRow.waitFor();
  assert.match(page.url(), /status=done/);
  await shot(page, "list.png");

  step("a decoded web address is text, not a link");
  await page.click(`#submissions tr[data-id="${other.body.id}"] a`);
  await page.waitForSelector("#documents");
  const qr = otherDone.report.documents.flatMap((d) => d.codes).find((c) => /^https?:/.test(c.text));
  assert.ok(qr, `the QR fixture should decode to a web address: ${JSON.stringify(otherDone.report.documents)}`);
  const codeText = page.locator(".code-text", { hasText: qr.text });
  assert.equal(await codeText.count(), 1);
  assert.equal(await codeText.evaluate((el) => el.closest("a")), null);
  assert.equal(await page.locator(`a[href*="${new URL(qr.text).host}"]`).count(), 0);
  assert.match(await page.locator("li.code").first().innerText(), new RegExp(new URL(qr.text).host.replaceAll(".", "\\.")));
  await page.goto(`${base}/#/`);
  await page.waitForSelector(`#submissions tr[data-id="${id}"]`);

  step("English");
  await page.click("#lang");
  await page.waitForSelector("text=Submissions");
  await page.click(`#submissions tr[data-id="${id}"] a`);
  await page.waitForSelector("#verdict-value");
  assert.match(await page.locator("#findings h2").innerText(), /Findings/);
  await page.click("#lang");

  assert.deepEqual(errors, [], "the page logged errors");
  step("ok");
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
