#!/usr/bin/env python3
"""OCR benchmark, side by side in one run on the same pages: docverify (rten) vs RapidOCR
(Python + onnxruntime, same PP-OCRv6 small models) vs Tesseract 5 chi_sim.

Usage (from the repository root):
    python3 benches/ocr/run_bench.py [--runs 3] [--work /var/tmp/docverify-ocr-bench]

Pages: upright degraded scans of a lease, a property certificate and an audit report at 200
and 300 dpi, made by `fixtures/ocr/generate.py --bench` with exact ground truth. For each engine:
median seconds per page over `--runs` timed reads after one warm-up (image decode included;
model loading excluded and reported apart; engines take turns round by round),, peak resident memory of the engine's process, and
character accuracy (NFKC, white space removed, 1 - edit distance / truth length).
Needs: pip install pillow numpy rapidocr==3.10.0 onnxruntime; apt-get install fonts-noto-cjk
tesseract-ocr tesseract-ocr-chi-sim; cargo with CARGO_TARGET_DIR set as usual.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s) if not c.isspace())


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j - 1] + (ca != cb), prev[j] + 1, cur[j - 1] + 1))
        prev = cur
    return prev[-1]


def accuracy(pred: str, truth: str) -> float:
    p, t = norm(pred), norm(truth)
    return 1.0 - levenshtein(p, t) / max(1, len(t))


def json_lines(out: str) -> list:
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


_BENCH_EXE = None


def bench_exe() -> str:
    """Builds benches/ocr.rs once (bench profile = release) and returns its executable."""
    global _BENCH_EXE
    if _BENCH_EXE is None:
        res = subprocess.run(["cargo", "bench", "--no-run", "--bench", "ocr", "--message-format=json"],
                             cwd=ROOT, capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"cargo bench --no-run failed:\n{res.stderr[-3000:]}")
        for msg in json_lines(res.stdout):
            if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == "ocr" \
                    and msg.get("executable"):
                _BENCH_EXE = msg["executable"]
    return _BENCH_EXE


def run_docverify(pages, runs, out):
    cmd = [bench_exe(), "--runs", str(runs), "--out", out] + pages
    res = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return json_lines(res.stdout)


def run_rapidocr(pages, runs, out):
    cmd = [sys.executable, os.path.join(ROOT, "benches/ocr/rapidocr_runner.py"), "--runs", str(runs),
           "--out", out] + pages
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json_lines(res.stdout)


def run_tesseract(pages, runs, out):
    """Tesseract is a process per page (its normal use); peak RSS from GNU time per process."""
    os.makedirs(out, exist_ok=True)
    rows, peak = [], 0.0
    for page in pages:
        times, text = [], ""
        for i in range(runs + 1):
            t = time.perf_counter()
            res = subprocess.run(["/usr/bin/time", "-f", "%M", "tesseract", page, "stdout", "-l", "chi_sim"],
                                 check=True, capture_output=True, text=True)
            dt = time.perf_counter() - t
            if i > 0:
                times.append(dt)
            text = res.stdout
            peak = max(peak, int(res.stderr.strip().splitlines()[-1]) / 1024.0)
        stem = os.path.splitext(os.path.basename(page))[0]
        with open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        rows.append({"engine": "tesseract", "page": os.path.basename(page),
                     "median_s": statistics.median(times), "runs": times})
    rows.append({"engine": "tesseract", "load_s": None, "peak_rss_mb": peak})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/var/tmp/docverify-ocr-bench")
    ap.add_argument("--engines", default="docverify,rapidocr,tesseract")
    a = ap.parse_args()
    pages_dir = os.path.join(a.work, "pages")
    if not glob.glob(os.path.join(pages_dir, "*.jpg")):
        subprocess.run([sys.executable, os.path.join(ROOT, "fixtures/ocr/generate.py"), "--bench", pages_dir],
                       check=True)
    pages = sorted(glob.glob(os.path.join(pages_dir, "*.jpg")))
    runners = {"docverify": run_docverify, "rapidocr": run_rapidocr, "tesseract": run_tesseract}
    # The machine is shared and noisy: engines take turns, one warm-up + one timed read of every
    # page per round, so slow spells hit all of them alike; medians over the rounds.
    names = a.engines.split(",")
    collected = {n: {"pages": {}, "summary": {"peak_rss_mb": 0.0, "load_s": None}} for n in names}
    for rnd in range(a.runs):
        for name in names:
            print(f"round {rnd + 1}/{a.runs}: {name} ...", file=sys.stderr, flush=True)
            rows = runners[name](pages, 1, os.path.join(a.work, name))
            c = collected[name]
            for r in rows:
                if "page" in r:
                    c["pages"].setdefault(r["page"], {"runs": []})["runs"].extend(r["runs"])
                else:
                    c["summary"]["peak_rss_mb"] = max(c["summary"]["peak_rss_mb"], r["peak_rss_mb"] or 0.0)
                    if r.get("load_s") is not None:
                        c["summary"].setdefault("loads", []).append(r["load_s"])
    results = {}
    for name in names:
        c = collected[name]
        if c["summary"].get("loads"):
            c["summary"]["load_s"] = statistics.median(c["summary"]["loads"])
        for page in pages:
            base = os.path.basename(page)
            stem = os.path.splitext(base)[0]
            entry = c["pages"][base]
            entry["median_s"] = statistics.median(entry["runs"])
            with open(os.path.join(pages_dir, stem + ".txt"), encoding="utf-8") as fh:
                truth = fh.read()
            with open(os.path.join(a.work, name, stem + ".txt"), encoding="utf-8") as fh:
                entry["accuracy"] = accuracy(fh.read(), truth)
        results[name] = c
    with open(os.path.join(a.work, "results.json"), "w") as fh:
        json.dump(results, fh, indent=2)

    print("| engine | dpi | median s/page | mean char accuracy | min char accuracy | peak RSS MB | model load s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        for dpi in ("200dpi", "300dpi"):
            rows = [v for k, v in r["pages"].items() if dpi in k]
            med = statistics.median([v["median_s"] for v in rows])
            accs = [v["accuracy"] for v in rows]
            s = r["summary"]
            load = f"{s['load_s']:.2f}" if s.get("load_s") is not None else "(per process)"
            print(f"| {name} | {dpi[:3]} | {med:.2f} | {statistics.mean(accs):.4f} | {min(accs):.4f} "
                  f"| {s['peak_rss_mb']:.0f} | {load} |")
    if "docverify" in results and "rapidocr" in results:
        for dpi in ("200dpi", "300dpi"):
            d = statistics.median([v["median_s"] for k, v in results["docverify"]["pages"].items() if dpi in k])
            r = statistics.median([v["median_s"] for k, v in results["rapidocr"]["pages"].items() if dpi in k])
            print(f"\nspeed-up vs RapidOCR at {dpi[:3]} dpi: {r / d:.2f}x")


if __name__ == "__main__":
    main()
