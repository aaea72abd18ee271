// The page's entry: a hash router over three views (list, new submission, one submission) and
// the language switch. Each view's `render(main, arg)` returns a function that stops its timers.

import { lang, setLang, t } from "./i18n.js";
import { h, replace } from "./dom.js";
import * as list from "./list.js";
import * as upload from "./upload.js";
import * as view from "./view.js";

const main = document.getElementById("main");
let stop = () => {};

function route() {
  stop();
  stop = () => {};
  const hash = location.hash || "#/";
  const m = hash.match(/^#\/s\/([^/?]+)/);
  document.getElementById("nav-list").textContent = t("nav.list");
  document.getElementById("nav-new").textContent = t("nav.new");
  document.getElementById("lang").textContent = t("lang.switch");
  document.title = t("app.title");
  try {
    if (m) stop = view.render(main, decodeURIComponent(m[1])) || stop;
    else if (hash.startsWith("#/new")) stop = upload.render(main) || stop;
    else stop = list.render(main, new URLSearchParams(hash.split("?")[1] || "")) || stop;
  } catch (e) {
    replace(main, h("p", { class: "error" }, `${t("common.error")}: ${e}`));
  }
  window.scrollTo(0, 0);
}

document.getElementById("lang").addEventListener("click", () => {
  setLang(lang() === "en" ? "zh" : "en");
  route();
});

// A printed report shows everything: folded sections open for printing.
window.addEventListener("beforeprint", () => {
  for (const d of document.querySelectorAll("details")) d.open = true;
});

setLang(lang());
window.addEventListener("hashchange", route);
route();
