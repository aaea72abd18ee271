// New submission: applicant, declared area, base type, and many files dropped or chosen, each
// with a kind (detected by default). Files are checked by their first bytes before sending, as
// the server does, so a wrong file is marked at once; whatever the server still refuses comes
// back as problem details, shown in the reviewer's language and pinned to the file it names.
// The upload goes through XMLHttpRequest for a real progress bar.

import { upload, ApiProblem } from "./api.js";
import { h, replace, size, bar } from "./dom.js";
import { t, kindName, KIND_IDS } from "./i18n.js";

// Kept across re-renders (e.g. a language switch) until the upload is accepted.
let staged = [];
let fields = { applicant: "", area: "", baseType: "" };
let nextKey = 1;

/** What the first bytes say a file is, or null when docverify cannot read it. */
function sniff(b) {
  const at = (i, ...xs) => xs.every((x, j) => b[i + j] === x);
  if (at(0, 0x25, 0x50, 0x44, 0x46)) return "PDF";
  if (at(0, 0xff, 0xd8, 0xff)) return "JPEG";
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return "PNG";
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return "TIFF";
  if (at(0, 0x42, 0x4d)) return "BMP";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "WebP";
  return null;
}

/** A short name for an unreadable file's content. */
function describe(b, name) {
  if (b[0] === 0x50 && b[1] === 0x4b) return "ZIP / Office";
  if (b[0] === 0xd0 && b[1] === 0xcf) return "Office 97–2003";
  const ext = name.includes(".") ? name.split(".").pop() : "";
  return ext ? `.${ext}` : "?";
}

async function stage(files) {
  for (const file of files) {
    const entry = { key: nextKey++, file, kind: "", problem: null };
    if (file.size === 0) entry.problem = t("new.empty");
    else {
      const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
      if (!sniff(head)) entry.problem = t("new.unsupported", { what: describe(head, file.name) });
    }
    staged.push(entry);
  }
}

export function render(main) {
  const fileList = h("ul", { class: "files", id: "files" });
  const message = h("div", { class: "form-message", role: "alert" });
  const progress = h("div", { class: "upload-progress", hidden: true });
  const picker = h("input", {
    type: "file",
    multiple: true,
    id: "file-input",
    class: "visually-hidden",
    accept: ".pdf,.jpg,.jpeg,.png,.tif,.tiff,.bmp,.webp",
    onchange: async (e) => {
      await stage([...e.target.files]);
      e.target.value = "";
      drawFiles();
    },
  });
  const drop = h(
    "label",
    {
      class: "drop",
      id: "drop",
      for: "file-input",
      ondragover: (e) => {
        e.preventDefault();
        drop.classList.add("over");
      },
      ondragleave: () => drop.classList.remove("over"),
      ondrop: async (e) => {
        e.preventDefault();
        drop.classList.remove("over");
        await stage([...e.dataTransfer.files]);
        drawFiles();
      },
    },
    h("strong", {}, t("new.drop")),
    h("small", {}, t("new.dropHint")),
  );
  const input = (name, attrs) =>
    h("input", { name, value: fields[name], oninput: (e) => (fields[name] = e.target.value), ...attrs });
  const submit = h("button", { type: "submit", id: "submit" }, t("new.submit"));
  const form = h(
    "form",
    { class: "new", novalidate: true, onsubmit: send },
    h(
      "div",
      { class: "grid" },
      h("label", {}, t("new.applicant"), input("applicant", { required: true, placeholder: t("new.applicantHint"), maxlength: 200 })),
      h("label", {}, t("new.area"), input("area", { type: "number", min: 0, step: "any", inputmode: "decimal" })),
      h("label", {}, t("new.baseType"), input("baseType", { placeholder: t("new.baseTypeHint") })),
    ),
    h("fieldset", {}, h("legend", {}, t("new.files")), picker, drop, fileList),
    message,
    progress,
    submit,
  );
  replace(main, h("h1", {}, t("new.title")), form);
  drawFiles();

  function drawFiles() {
    replace(
      fileList,
      staged.map((entry) =>
        h(
          "li",
          { class: entry.problem ? "rejected" : "", dataset: { file: entry.file.name } },
          h("span", { class: "file-name" }, entry.file.name),
          h("small", { class: "muted" }, size(entry.file.size)),
          h(
            "select",
            {
              "aria-label": `${t("new.kind")}: ${entry.file.name}`,
              onchange: (e) => (entry.kind = e.target.value),
            },
            h("option", { value: "" }, t("new.kindAuto")),
            KIND_IDS.map((k) => {
              const o = h("option", { value: k }, kindName(k));
              if (entry.kind === k) o.selected = true;
              return o;
            }),
          ),
          h(
            "button",
            {
              type: "button",
              class: "link",
              onclick: () => {
                staged = staged.filter((x) => x !== entry);
                drawFiles();
              },
            },
            t("new.remove"),
          ),
          entry.problem ? h("p", { class: "file-problem" }, entry.problem) : null,
        ),
      ),
    );
  }

  function say(text, kind = "error") {
    replace(message, text ? h("p", { class: kind }, text) : null);
  }

  async function send(e) {
    e.preventDefault();
    say("");
    if (!fields.applicant.trim()) {
      say(`${t("new.applicant")}?`);
      form.querySelector("[name=applicant]").focus();
      return;
    }
    if (!staged.length) return say(t("new.noFiles"));
    if (staged.some((x) => x.problem)) return say(t("new.fixFiles"));
    const data = new FormData();
    data.append("applicant", fields.applicant.trim());
    if (fields.area.trim()) data.append("declared_area_m2", fields.area.trim());
    if (fields.baseType.trim()) data.append("base_type", fields.baseType.trim());
    for (const entry of staged) {
      data.append("file", entry.file, entry.file.name);
      // A kind part describes the file part just before it.
      if (entry.kind) data.append("kind", entry.kind);
    }
    submit.disabled = true;
    progress.hidden = false;
    const label = h("span", {}, t("new.uploading", { pct: 0 }));
    const show = (f) => {
      replace(progress, bar(f, t("new.uploading", { pct: Math.round(f * 100) })), label);
      label.textContent = f >= 1 ? t("new.committing") : t("new.uploading", { pct: Math.round(f * 100) });
    };
    show(0);
    try {
      const accepted = await upload(data, show);
      staged = [];
      fields = { applicant: "", area: "", baseType: "" };
      location.hash = `#/s/${encodeURIComponent(accepted.id)}`;
    } catch (err) {
      progress.hidden = true;
      submit.disabled = false;
      if (!(err instanceof ApiProblem) || err.status === 0) return say(t("new.network"));
      // Pin the refusal to the file it names (details begin with the file name).
      const detail = err.text();
      const named = staged.filter((x) => detail.includes(x.file.name) || (err.problem.detail || "").includes(x.file.name));
      for (const x of named) x.problem = detail;
      drawFiles();
      say(`${t("new.rejected")}${detail}`);
      message.dataset.code = err.code;
    }
  }
}
