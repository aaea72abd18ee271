// The submissions list: applicant, time, status with live progress, verdict; filters by verdict
// and status and a search by applicant, kept in the address (#/?verdict=fail&q=…) so the back
// button and a bookmark return to the same list.

import { get, ApiProblem } from "./api.js";
import { h, replace, when, bar } from "./dom.js";
import { t } from "./i18n.js";

const POLL_MS = 2000;

/** A verdict badge (machine verdict, or the reviewed one). */
export function verdictBadge(v) {
  if (!v) return h("span", { class: "muted" }, "—");
  return h("span", { class: `badge v-${v}` }, t(`status.${v}`));
}

/** A processing-status badge. */
export function statusBadge(s) {
  return h("span", { class: `badge p-${s}` }, t(`proc.${s}`));
}

export function render(main, params) {
  const state = {
    verdict: params.get("verdict") || "",
    status: params.get("status") || "",
    q: params.get("q") || "",
    items: [],
    next: null,
  };
  let timer = null;
  let stopped = false;

  const select = (name, all, values, prefix) =>
    h(
      "select",
      { name, "aria-label": all, onchange: (e) => update({ [name]: e.target.value }) },
      h("option", { value: "" }, all),
      values.map((v) => {
        const o = h("option", { value: v }, t(`${prefix}.${v}`));
        if (state[name] === v) o.selected = true;
        return o;
      }),
    );
  let debounce = null;
  const search = h("input", {
    type: "search",
    name: "q",
    placeholder: t("list.search"),
    "aria-label": t("list.search"),
    value: state.q,
    oninput: (e) => {
      clearTimeout(debounce);
      debounce = setTimeout(() => update({ q: e.target.value.trim() }), 300);
    },
  });
  const body = h("tbody");
  const message = h("p", { class: "muted", hidden: true });
  const more = h("button", { type: "button", class: "secondary", hidden: true, onclick: () => load(true) }, t("list.more"));
  replace(
    main,
    h("div", { class: "page-head" }, h("h1", {}, t("list.title")), h("a", { class: "button", href: "#/new" }, t("nav.new"))),
    h(
      "div",
      { class: "filters" },
      search,
      select("verdict", t("list.allVerdicts"), ["fail", "review", "pass"], "status"),
      select("status", t("list.allStatuses"), ["queued", "processing", "done", "failed"], "proc"),
    ),
    h(
      "table",
      { class: "list", id: "submissions" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, t("list.applicant")), h("th", {}, t("list.time")), h("th", {}, t("list.status")), h("th", {}, t("list.verdict"))),
      ),
      body,
    ),
    message,
    more,
  );

  function update(change) {
    Object.assign(state, change);
    const q = new URLSearchParams();
    for (const k of ["verdict", "status", "q"]) if (state[k]) q.set(k, state[k]);
    // Keep the address in step without a re-render (replaceState fires no hashchange).
    history.replaceState(null, "", `#/${q.toString() ? `?${q}` : ""}`);
    load(false);
  }

  function query(after, limit) {
    const q = new URLSearchParams({ limit: String(limit) });
    if (state.verdict) q.set("verdict", state.verdict);
    if (state.status) q.set("status", state.status);
    if (state.q) q.set("applicant", state.q);
    if (after) q.set("after", after);
    return `/api/v1/submissions?${q}`;
  }

  async function load(append) {
    clearTimeout(timer);
    try {
      // A refresh reloads as many rows as are shown, so live progress updates them all.
      const limit = append ? 50 : Math.min(200, Math.max(50, state.items.length));
      const page = await get(query(append ? state.next : null, limit));
      if (stopped) return;
      state.items = append ? state.items.concat(page.items) : page.items;
      state.next = page.next_after || null;
      draw();
    } catch (e) {
      if (stopped) return;
      message.hidden = false;
      message.className = "error";
      message.textContent = e instanceof ApiProblem ? e.text() : String(e);
    }
    const live = state.items.some((s) => s.status === "queued" || s.status === "processing");
    if (live && !stopped) timer = setTimeout(() => load(false), POLL_MS);
  }

  function draw() {
    replace(
      body,
      state.items.map((s) => {
        const p = s.progress;
        return h(
          "tr",
          { dataset: { id: s.id, status: s.status } },
          h("td", {}, h("a", { href: `#/s/${encodeURIComponent(s.id)}` }, s.applicant)),
          h("td", {}, when(s.created_at)),
          h(
            "td",
            {},
            statusBadge(s.status),
            p && p.documents_total
              ? h(
                  "span",
                  { class: "inline-progress" },
                  bar(p.documents_done / p.documents_total, t("list.docs", { done: p.documents_done, total: p.documents_total })),
                  h("small", {}, t("list.docs", { done: p.documents_done, total: p.documents_total })),
                )
              : null,
          ),
          h(
            "td",
            {},
            verdictBadge(s.verdict),
            s.reviewed_verdict ? h("span", { class: "reviewed" }, ` → ${t("view.reviewedVerdict")} `, verdictBadge(s.reviewed_verdict)) : null,
            s.decisions ? h("small", { class: "reviewed" }, t("list.reviewed", { n: s.decisions })) : null,
          ),
        );
      }),
    );
    message.hidden = state.items.length > 0;
    message.className = "muted";
    message.textContent = t("list.empty");
    more.hidden = !state.next;
  }

  load(false);
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(debounce);
  };
}
