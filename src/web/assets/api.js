// The JSON API under /api/v1. Errors come back as RFC 9457 problem details with a stable
// `code` and a message in both languages; they are thrown as ApiProblem.

import { lang } from "./i18n.js";

/** A problem-details answer (or a network failure, with status 0). */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** The explanation in the page's language. */
  text() {
    const p = this.problem;
    return (lang() === "en" ? p.detail : p.detail_zh) || p.detail || p.title || this.message;
  }
  get code() {
    return this.problem.code || "";
  }
}

async function answer(resp) {
  const type = resp.headers.get("content-type") || "";
  const body = type.includes("json") ? await resp.json().catch(() => null) : null;
  if (!resp.ok) throw new ApiProblem(resp.status, body);
  return body;
}

async function call(url, init) {
  let resp;
  try {
    resp = await fetch(url, init);
  } catch (e) {
    throw new ApiProblem(0, { detail: String(e), detail_zh: `网络错误：${e}` });
  }
  return answer(resp);
}

export const get = (url) => call(url, { headers: { accept: "application/json" } });

export const post = (url, body) =>
  call(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });

/** A submission's page image URL (page numbers are within the upload). */
export function pageImage(id, doc, page) {
  return `/api/v1/submissions/${encodeURIComponent(id)}/documents/${encodeURIComponent(doc)}/pages/${page}/image`;
}

/**
 * Uploads a multipart form with XMLHttpRequest, whose upload events give a progress bar (fetch
 * has none). `onProgress(fraction)` runs while bytes go out, then `onProgress(1)` once sent.
 * Resolves with the `202` body; rejects with ApiProblem.
 */
export function upload(form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/submissions");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.upload.addEventListener("load", () => onProgress(1));
    xhr.addEventListener("load", () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status === 202 && body) resolve(body);
      else reject(new ApiProblem(xhr.status, body));
    });
    const failed = () => reject(new ApiProblem(0, null));
    xhr.addEventListener("error", failed);
    xhr.addEventListener("abort", failed);
    xhr.send(form);
  });
}
