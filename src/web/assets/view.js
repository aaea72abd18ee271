// One submission: the verdict on top; findings grouped by rule, failures and reviews first, each
// with its message, its evidence (click → the page image with the field's box drawn over it and
// the value read beside it) and the reviewers' decisions; then every document with its kind,
// pages, fields with their confidence and decoded codes (as text, never as links); then the
// decision record and provenance. The same page prints as the report a reviewer files.

import { get, post, pageImage, ApiProblem } from "./api.js";
import { h, replace, when, bar } from "./dom.js";
import { t, msg, lang, ruleName, kindName, fieldName } from "./i18n.js";
import { verdictBadge, statusBadge } from "./list.js";

const POLL_MS = 1500;
const RANK = { fail: 0, review: 1, pass: 2, not_applicable: 3 };
const STATUSES = ["pass", "fail", "review", "not_applicable"];
const REVIEWER_KEY = "docverify.reviewer";

function statusBadgeOf(s) {
  return h("span", { class: `badge v-${s}` }, t(`status.${s}`));
}

/** A field value for people: dates and names as read, terms, rents and codes spelled out. */
export function formatValue(v) {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (typeof v === "number" || typeof v === "string") return String(v);
  if (Array.isArray(v)) {
    return v
      .map((x) => (x && typeof x === "object" && "code" in x ? `${x.code}${x.party ? `（${x.party}）` : ""}${x.valid === false ? " ✗" : ""}` : formatValue(x)))
      .join("；");
  }
  if ("years" in v && "months" in v) return lang() === "en" ? `${v.years} y ${v.months} m` : `${v.years}年${v.months}个月`;
  if ("amount" in v) {
    const per = { year: ["年", "year"], month: ["月", "month"], day: ["天", "day"] }[v.period] || [v.period, v.period];
    const unit = lang() === "en" ? `yuan/${v.per_m2 ? "m²/" : ""}${per[1]}` : `元/${v.per_m2 ? "㎡/" : ""}${per[0]}`;
    return `${v.amount} ${unit}`;
  }
  return JSON.stringify(v);
}

/** The document a finding is about: that of its first evidence (as the API names findings). */
const findingDocument = (f) => (f.evidence && f.evidence.length ? f.evidence[0].document : null);

/** What a decoded code points at, said in words: a web address is named, never linked. */
function codeTarget(text) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim())) {
    try {
      return t("view.codeUrl", { host: new URL(text.trim()).host || "?" });
    } catch {
      /* not a URL after all */
    }
  }
  return t("view.codeTextOnly");
}

export function render(main, id) {
  let stopped = false;
  let timer = null;
  let data = null;
  let viewer = null;
  const base = `/api/v1/submissions/${encodeURIComponent(id)}`;

  async function load() {
    clearTimeout(timer);
    try {
      data = await get(base);
      if (stopped) return;
      draw();
      if (data.status === "queued" || data.status === "processing") timer = setTimeout(load, POLL_MS);
    } catch (e) {
      if (stopped) return;
      replace(
        main,
        h("p", { class: "error" }, e instanceof ApiProblem ? e.text() : String(e)),
        h("button", { type: "button", onclick: load }, t("common.retry")),
      );
    }
  }

  function docById(docId) {
    return data.report?.documents.find((d) => d.id === docId);
  }

  function docLabel(docId) {
    const d = docById(docId) || data.documents.find((x) => x.id === docId);
    return d ? `${docId} · ${d.file}` : docId;
  }

  // ---- the page-image viewer ------------------------------------------------------------
  function closeViewer() {
    if (!viewer) return;
    viewer.remove();
    viewer = null;
    document.removeEventListener("keydown", onKey);
  }
  function onKey(e) {
    if (e.key === "Escape") closeViewer();
  }

  /** Shows page `page` of `doc` with `bbox` (fractions of the page) highlighted. */
  function openViewer({ doc, page, bbox, field, value, confidence, text, finding }) {
    closeViewer();
    const img = h("img", {
      class: "page-image",
      alt: `${docLabel(doc)} ${t("view.page", { page })}`,
      src: pageImage(id, doc, page),
      dataset: { doc, page: String(page) },
    });
    const frame = h("div", { class: "page-frame" }, img);
    const side = h(
      "aside",
      { class: "viewer-side" },
      h("h2", {}, docLabel(doc)),
      h("p", { class: "muted" }, t("view.page", { page })),
      finding
        ? h("div", { class: "viewer-finding" }, statusBadgeOf(finding.status), " ", h("strong", {}, ruleName(finding.rule)), h("p", {}, msg(finding.message)))
        : null,
      field ? h("p", {}, h("strong", {}, fieldName(field))) : null,
      value !== undefined ? h("p", { class: "read-value", id: "viewer-value" }, formatValue(value)) : null,
      confidence !== undefined ? h("p", { class: "muted" }, `${t("view.confidence")} ${Math.round(confidence * 100)}%`) : null,
      text ? h("p", {}, h("small", { class: "muted" }, t("viewer.read")), h("br"), h("q", {}, text)) : null,
      bbox ? null : h("p", { class: "note" }, t("viewer.noBox")),
      h("button", { type: "button", onclick: closeViewer, id: "viewer-close" }, t("common.close")),
    );
    if (bbox) {
      const [x0, y0, x1, y1] = bbox;
      const box = h("div", { class: "highlight", id: "highlight", dataset: { bbox: bbox.join(",") } });
      // Fractions of the page become percentages of the shown image, at any zoom.
      box.style.left = `${x0 * 100}%`;
      box.style.top = `${y0 * 100}%`;
      box.style.width = `${(x1 - x0) * 100}%`;
      box.style.height = `${(y1 - y0) * 100}%`;
      frame.append(box);
      img.addEventListener("load", () => box.scrollIntoView({ block: "center", inline: "center" }), { once: true });
    }
    img.addEventListener("error", () => frame.replaceChildren(h("p", { class: "note" }, t("viewer.noImage"))), { once: true });
    viewer = h(
      "div",
      { class: "viewer no-print", id: "viewer", role: "dialog", "aria-modal": "true", onclick: (e) => e.target === viewer && closeViewer() },
      h("div", { class: "viewer-body" }, h("div", { class: "viewer-scroll" }, frame), side),
    );
    document.body.append(viewer);
    document.addEventListener("keydown", onKey);
    side.querySelector("button").focus();
  }

  /** Opens an evidence reference, borrowing the field's own evidence for what it lacks. */
  function openEvidence(e, finding) {
    const f = e.field ? docById(e.document)?.fields?.[e.field] : undefined;
    const page = e.page ?? f?.evidence?.page;
    if (!page) return;
    const bbox = e.bbox ?? (f?.evidence?.page === page ? f?.evidence?.bbox : undefined);
    openViewer({ doc: e.document, page, bbox, field: e.field, value: f?.value, confidence: f?.confidence, text: e.text, finding });
  }

  // ---- drawing ---------------------------------------------------------------------------
  function draw() {
    const r = data.report;
    const facts = [
      [t("view.submissionId"), data.id],
      [t("view.submittedAt"), when(data.created_at)],
      data.declared_area_m2 != null ? [t("view.declaredArea"), `${data.declared_area_m2} ㎡`] : null,
      data.base_type ? [t("view.baseType"), data.base_type] : null,
    ].filter(Boolean);
    replace(
      main,
      h("p", { class: "print-only print-title" }, t("app.title")),
      h(
        "div",
        { class: "page-head" },
        h("h1", { id: "applicant" }, data.applicant),
        h(
          "div",
          { class: "actions no-print" },
          r ? h("button", { type: "button", onclick: () => window.print() }, t("view.print")) : null,
          r ? h("a", { class: "button secondary", href: `${base}/report`, download: `docverify-${data.id}.json` }, t("view.json")) : null,
        ),
      ),
      h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]), h("dt", { class: "print-only" }, t("view.printedAt")), h("dd", { class: "print-only" }, when(new Date().toISOString()))),
      r ? verdictBlock(r) : progressBlock(),
      r ? findingsBlock(r) : null,
      r ? documentsBlock(r) : null,
      r ? decisionsBlock() : null,
      r ? provenanceBlock(r) : null,
    );
  }

  function verdictBlock(r) {
    return h(
      "section",
      { class: `verdict verdict-${r.reviewed_verdict || r.verdict}`, id: "verdict" },
      h("div", {}, h("small", {}, r.reviewed_verdict ? t("view.reviewedVerdict") : t("view.verdict")), h("strong", { id: "verdict-value", dataset: { verdict: r.reviewed_verdict || r.verdict } }, t(`status.${r.reviewed_verdict || r.verdict}`))),
      r.reviewed_verdict ? h("div", { class: "machine" }, h("small", {}, t("view.machineVerdict")), verdictBadge(r.verdict)) : null,
    );
  }

  function progressBlock() {
    return h(
      "section",
      { class: "progress", id: "progress" },
      h("h2", {}, t("view.progress"), " ", statusBadge(data.status)),
      data.status === "failed" ? h("p", { class: "error" }, t("view.failed", { error: data.error || "" })) : h("p", { class: "muted" }, t("view.waiting")),
      h(
        "ul",
        { class: "doc-progress" },
        data.documents.map((d) => {
          const frac = d.pages_total ? d.pages_done / d.pages_total : d.status === "done" ? 1 : d.status === "queued" ? 0 : null;
          return h(
            "li",
            {},
            h("span", { class: "file-name" }, d.file),
            bar(frac, d.file),
            h(
              "small",
              { class: "muted" },
              t(`proc.${d.status}`),
              d.stage ? ` · ${t(`stage.${d.stage}`)}` : "",
              d.pages_total ? ` · ${d.pages_done}/${d.pages_total}` : "",
            ),
            d.error ? h("p", { class: "error" }, `${d.error.code}: ${d.error.message}`) : null,
          );
        }),
      ),
    );
  }

  function findingsBlock(r) {
    const groups = new Map();
    for (const f of r.findings) {
      if (!groups.has(f.rule)) groups.set(f.rule, []);
      groups.get(f.rule).push(f);
    }
    const worst = (fs) => Math.min(...fs.map((f) => RANK[f.status] ?? 9));
    const ordered = [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]));
    const group = ([rule, fs]) =>
      h(
        "div",
        { class: "rule-group", dataset: { rule } },
        h("h3", {}, ruleName(rule), " ", h("code", {}, rule)),
        fs.sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9)).map(findingCard),
      );
    // Rules that did not apply are folded away (and unfolded for printing).
    const na = ordered.filter(([, fs]) => worst(fs) === RANK.not_applicable);
    return h(
      "section",
      { class: "findings", id: "findings" },
      h("h2", {}, t("view.findings")),
      ordered.length === 0 ? h("p", { class: "muted" }, t("view.noFindings")) : null,
      ordered.filter((g) => !na.includes(g)).map(group),
      na.length ? h("details", { class: "na-groups" }, h("summary", {}, t("view.notApplicable", { n: na.length })), na.map(group)) : null,
    );
  }

  function currentDecision(f) {
    const doc = findingDocument(f);
    return data.decisions.find((d) => d.in_effect && d.rule === f.rule && (d.document ?? null) === doc);
  }

  function decisionText(d) {
    return d.decision === "confirm"
      ? t("decision.confirmed", { status: t(`status.${d.status}`) })
      : t("decision.overridden", { status: t(`status.${d.status}`), machine: t(`status.${d.machine_status}`) });
  }

  function findingCard(f) {
    const doc = findingDocument(f);
    const d = currentDecision(f);
    const decisionBox = h("div", { class: "decision" });
    const card = h(
      "article",
      { class: `finding s-${f.status}`, dataset: { rule: f.rule, document: doc ?? "", status: f.status } },
      h("header", {}, statusBadgeOf(f.status), d && d.status !== f.status ? h("span", { class: "arrow" }, " → ", statusBadgeOf(d.status)) : null),
      h("p", { class: "message" }, msg(f.message)),
      f.evidence?.length
        ? h(
            "ul",
            { class: "evidence" },
            f.evidence.map((e) => {
              const page = e.page ?? (e.field ? docById(e.document)?.fields?.[e.field]?.evidence?.page : undefined);
              return h(
                "li",
                {},
                h("span", { class: "muted" }, docLabel(e.document)),
                e.field ? h("span", {}, ` · ${fieldName(e.field)}`) : null,
                e.text ? h("q", {}, e.text) : null,
                page
                  ? h(
                      "button",
                      {
                        type: "button",
                        class: "link evidence-link no-print-button",
                        dataset: { document: e.document, page: String(page), bbox: e.bbox ? e.bbox.join(",") : "" },
                        onclick: () => openEvidence({ ...e, page }, f),
                      },
                      t("view.showOnPage", { page }),
                    )
                  : null,
              );
            }),
          )
        : null,
      decisionBox,
      h("small", { class: "plugin muted" }, `${t("view.plugin")} ${f.plugin}`),
    );
    drawDecision(decisionBox, f, d);
    return card;
  }

  function drawDecision(box, f, d) {
    replace(
      box,
      d
        ? h(
            "p",
            { class: "decided" },
            h("strong", {}, `${t("decision.current")}：`),
            decisionText(d),
            d.reason ? h("span", { class: "reason" }, ` — ${d.reason}`) : null,
            h("small", { class: "muted" }, ` (${t("decision.by", { who: d.reviewer, when: when(d.decided_at) })})`),
          )
        : null,
      h(
        "div",
        { class: "decision-buttons no-print" },
        h("button", { type: "button", class: "secondary confirm", onclick: () => decisionForm(box, f, d, "confirm") }, t("decision.confirm")),
        h("button", { type: "button", class: "secondary override", onclick: () => decisionForm(box, f, d, "override") }, t("decision.override")),
      ),
    );
  }

  function decisionForm(box, f, d, kind) {
    let saved = "";
    try {
      saved = localStorage.getItem(REVIEWER_KEY) || "";
    } catch {
      /* no storage */
    }
    const reviewer = h("input", { name: "reviewer", required: true, value: saved, maxlength: 100, autocomplete: "name" });
    const status = h(
      "select",
      { name: "status" },
      STATUSES.filter((s) => s !== f.status).map((s) => h("option", { value: s }, t(`status.${s}`))),
    );
    const reason = h("textarea", { name: "reason", rows: 2, maxlength: 2000 });
    const problem = h("p", { class: "error", role: "alert", hidden: true });
    const form = h(
      "form",
      {
        class: "decision-form no-print",
        dataset: { kind },
        onsubmit: async (e) => {
          e.preventDefault();
          problem.hidden = true;
          const body = { rule: f.rule, decision: kind, reviewer: reviewer.value, reason: reason.value };
          if (findingDocument(f)) body.document = findingDocument(f);
          if (kind === "override") body.status = status.value;
          try {
            await post(`${base}/decisions`, body);
            try {
              localStorage.setItem(REVIEWER_KEY, reviewer.value.trim());
            } catch {
              /* no storage */
            }
            await load();
          } catch (err) {
            problem.hidden = false;
            problem.textContent = err instanceof ApiProblem ? err.text() : String(err);
            if (err instanceof ApiProblem) problem.dataset.code = err.code;
          }
        },
      },
      h("label", {}, t("decision.reviewer"), reviewer),
      kind === "override" ? h("label", {}, t("decision.status"), status) : null,
      h("label", { class: "wide" }, kind === "override" ? t("decision.reasonRequired") : t("decision.reason"), reason),
      problem,
      h(
        "div",
        { class: "form-buttons" },
        h("button", { type: "submit" }, `${t(`decision.${kind}`)} · ${t("decision.save")}`),
        h("button", { type: "button", class: "secondary", onclick: () => drawDecision(box, f, d) }, t("decision.cancel")),
      ),
    );
    box.querySelector(".decision-buttons")?.replaceWith(form);
    (saved ? (kind === "override" ? status : reason) : reviewer).focus();
  }

  function documentsBlock(r) {
    return h(
      "section",
      { class: "documents", id: "documents" },
      h("h2", {}, t("view.documents")),
      r.documents.map((d) =>
        h(
          "article",
          { class: `document${d.errors.length ? " has-errors" : ""}`, dataset: { document: d.id } },
          h("h3", {}, h("span", { class: "badge kind" }, kindName(d.kind)), " ", d.file, " ", h("code", { class: "muted" }, d.id)),
          h(
            "p",
            { class: "muted" },
            [
              t("view.pages", { n: d.pages }),
              d.page_range ? t("view.pageRange", { a: d.page_range[0], b: d.page_range[1] }) : null,
              `${t("view.textSource")}: ${t(`src.${d.text_source}`)}`,
              d.pages ? t("view.kindConf", { pct: Math.round(d.kind_confidence * 100) }) : null,
              `SHA-256 ${d.sha256.slice(0, 16)}…`,
            ]
              .filter(Boolean)
              .join(" · "),
          ),
          d.errors.length ? h("div", { class: "doc-errors" }, h("strong", {}, t("view.errors")), h("ul", {}, d.errors.map((e) => h("li", {}, `[${e.stage}/${e.code}] ${msg(e.message)}`)))) : null,
          d.notes?.length ? h("div", { class: "notes" }, h("strong", {}, t("view.notes")), h("ul", {}, d.notes.map((n) => h("li", {}, n)))) : null,
          fieldsTable(d),
          codesList(d),
        ),
      ),
    );
  }

  function fieldsTable(d) {
    const names = Object.keys(d.fields);
    if (!names.length) return h("p", { class: "muted" }, t("view.noFields"));
    return h(
      "table",
      { class: "fields" },
      h("thead", {}, h("tr", {}, h("th", {}, t("view.field")), h("th", {}, t("view.value")), h("th", {}, t("view.confidence")), h("th", {}, t("view.where")))),
      h(
        "tbody",
        {},
        names.map((name) => {
          const f = d.fields[name];
          const pct = Math.round(f.confidence * 100);
          return h(
            "tr",
            { dataset: { field: name } },
            h("th", { scope: "row" }, fieldName(name), h("br"), h("code", { class: "muted" }, name)),
            h("td", {}, formatValue(f.value)),
            h("td", {}, h("span", { class: `conf ${pct < 80 ? "low" : ""}` }, `${pct}%`)),
            h(
              "td",
              {},
              h(
                "button",
                {
                  type: "button",
                  class: "link",
                  onclick: () =>
                    openViewer({ doc: d.id, page: f.evidence.page, bbox: f.evidence.bbox, field: name, value: f.value, confidence: f.confidence }),
                },
                t("view.page", { page: f.evidence.page }),
              ),
            ),
          );
        }),
      ),
    );
  }

  function codesList(d) {
    return h(
      "div",
      { class: "codes" },
      h("h4", {}, t("view.codes")),
      d.codes.length
        ? h(
            "ul",
            {},
            d.codes.map((c) =>
              h(
                "li",
                { class: "code" },
                h("span", { class: "badge" }, c.symbology),
                " ",
                h("button", { type: "button", class: "link", onclick: () => openViewer({ doc: d.id, page: c.page, bbox: c.bbox, text: c.text }) }, t("view.page", { page: c.page })),
                h("br"),
                h("small", { class: "muted" }, `${t("view.codeText")} · ${codeTarget(c.text)}`),
                h("code", { class: "code-text" }, c.text),
              ),
            ),
          )
        : h("p", { class: "muted" }, t("view.noCodes")),
    );
  }

  function decisionsBlock() {
    return h(
      "section",
      { class: "decisions", id: "decisions" },
      h("h2", {}, t("view.decisions")),
      data.decisions.length
        ? h(
            "table",
            { class: "list" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                [t("decision.when"), t("decision.reviewer"), t("decision.rule"), t("decision.document"), t("decision.machine"), t("decision.decision"), t("decision.reason")].map((x) => h("th", {}, x)),
              ),
            ),
            h(
              "tbody",
              {},
              data.decisions.map((d) =>
                h(
                  "tr",
                  { class: d.in_effect ? "" : "superseded", title: d.in_effect ? null : t("decision.superseded") },
                  h("td", {}, when(d.decided_at)),
                  h("td", {}, d.reviewer),
                  h("td", {}, ruleName(d.rule), h("br"), h("code", { class: "muted" }, d.rule)),
                  h("td", {}, d.document ? docLabel(d.document) : "—"),
                  h("td", {}, statusBadgeOf(d.machine_status)),
                  h("td", {}, `${t(`decision.${d.decision}`)} `, statusBadgeOf(d.status), d.in_effect ? null : h("small", { class: "muted" }, ` (${t("decision.superseded")})`)),
                  h("td", {}, d.reason || ""),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, t("decision.none")),
    );
  }

  function provenanceBlock(r) {
    const p = r.provenance;
    return h(
      "section",
      { class: "provenance", id: "provenance" },
      h("h2", {}, t("view.provenance")),
      h("dl", { class: "facts" }, h("dt", {}, t("view.version")), h("dd", {}, p.docverify), h("dt", {}, t("view.generated")), h("dd", {}, when(p.generated_at))),
      h("h4", {}, t("view.plugins")),
      h(
        "table",
        { class: "list small" },
        h("tbody", {}, p.plugins.map((x) => h("tr", {}, h("td", {}, `${x.id}@${x.version}`), h("td", {}, x.rules.join(", ")), h("td", {}, h("code", {}, x.digest.slice(0, 16))), h("td", {}, h("code", {}, JSON.stringify(x.parameters)))))),
      ),
      h("h4", {}, t("view.inputs")),
      h("table", { class: "list small" }, h("tbody", {}, p.inputs.map((x) => h("tr", {}, h("td", {}, x.file), h("td", {}, h("code", {}, x.sha256)))))),
      p.lookups?.length
        ? [
            h("h4", {}, t("view.lookups")),
            h("table", { class: "list small" }, h("tbody", {}, p.lookups.map((x) => h("tr", {}, h("td", {}, x.plugin), h("td", {}, h("code", {}, x.url)), h("td", {}, when(x.at)), h("td", {}, x.status ?? x.error ?? ""))))),
          ]
        : null,
    );
  }

  replace(main, h("p", { class: "muted" }, t("common.loading")));
  load();
  return () => {
    stopped = true;
    clearTimeout(timer);
    closeViewer();
  };
}
