#!/usr/bin/env python3
"""docverify vs RapidOCR on the real Chinese pages of ../shared/bench/real-pages, repeated.

Runs that folder's score.py (which reads every page with `BIN ocr --format text` and, in the
same run, with RapidOCR 3.10.0) `--runs` times, one run after the other, and prints each run's
totals and the medians over the runs: mean character F1, mean line recall, total seconds per
engine, and the ratios docverify / RapidOCR. The pages are research-use only: they are read
where they lie and nothing of them is copied here.

Usage (from the repository root):
    pip install rapidocr==3.10.0 onnxruntime pillow numpy
    python3 benches/ocr/real_pages.py BIN [BIN ...] [--runs 3] [--pages ../shared/bench/real-pages]
        [--rapid-python python3] [--out results.json]

With several binaries (e.g. before and after a change) each run reads with every binary in
turn, so load from other work on the machine falls on all of them alike; RapidOCR runs once per
score.py call, i.e. once per binary and run.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOTAL = re.compile(r"^(\w+): pages (\d+) mean f1 ([\d.]+) mean line recall ([\d.]+) total s ([\d.]+)$")


def one_run(score: str, binary: str, labels: str, rapid_python: str) -> dict:
    out = subprocess.run([sys.executable, score, binary, labels, "--rapid-python", rapid_python],
                         capture_output=True, text=True, check=True).stdout
    res = {"pages": [json.loads(l) for l in out.splitlines() if l.startswith("{")]}
    for line in out.splitlines():
        m = TOTAL.match(line)
        if m:
            res[m[1]] = {"f1": float(m[3]), "line_recall": float(m[4]), "s": float(m[5])}
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("bins", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", default=os.path.join(ROOT, "..", "shared", "bench", "real-pages"))
    ap.add_argument("--rapid-python", default="python3")
    ap.add_argument("--out")
    a = ap.parse_args()
    score, labels = os.path.join(a.pages, "score.py"), os.path.join(a.pages, "labels.json")
    # score.py runs RapidOCR only when the path exists: a bare name is looked up on PATH here
    a.rapid_python = shutil.which(a.rapid_python) or a.rapid_python
    runs = {b: [] for b in a.bins}
    for i in range(a.runs):
        for b in a.bins:
            r = one_run(score, b, labels, a.rapid_python)
            runs[b].append(r)
            d, q = r.get("docverify", {}), r.get("rapidocr", {})
            print(f"run {i + 1} {b}: docverify {d} rapidocr {q}", flush=True)
    summary = {}
    print("\n| binary | engine | median line recall | median F1 | median total s |")
    print("| --- | --- | ---: | ---: | ---: |")
    for b, rs in runs.items():
        summary[b] = {}
        for eng in ("docverify", "rapidocr"):
            vals = [r[eng] for r in rs if eng in r]
            if not vals:
                continue
            med = {k: statistics.median(v[k] for v in vals) for k in ("line_recall", "f1", "s")}
            summary[b][eng] = med
            print(f"| {b} | {eng} | {med['line_recall']:.4f} | {med['f1']:.4f} | {med['s']:.1f} |")
        pairs = [(r["docverify"], r["rapidocr"]) for r in rs if "docverify" in r and "rapidocr" in r]
        if pairs:
            t = statistics.median(d["s"] / q["s"] for d, q in pairs)
            lr = statistics.median(d["line_recall"] - q["line_recall"] for d, q in pairs)
            summary[b]["ratio_s"] = t
            summary[b]["recall_diff"] = lr
            print(f"| {b} | docverify / RapidOCR | {lr:+.4f} (difference) | | {t:.2f}x |")
    if a.out:
        with open(a.out, "w") as f:
            json.dump({"runs": runs, "summary": summary}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
