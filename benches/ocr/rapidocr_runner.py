#!/usr/bin/env python3
"""RapidOCR (Python, onnxruntime) on page images: the anchor of the OCR benchmark.

Same protocol as benches/ocr.rs: load once (timed), one warm-up read per page, then N timed
reads (image decode included); one JSON line per page, then the load time and peak RSS.
Needs `pip install rapidocr==3.10.0 onnxruntime` (the same PP-OCRv6 small models docverify
embeds; RapidOCR's defaults otherwise).
"""
import argparse
import json
import os
import resource
import statistics
import time

from rapidocr import RapidOCR


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out")
    ap.add_argument("pages", nargs="+")
    a = ap.parse_args()
    t = time.perf_counter()
    engine = RapidOCR(params={"Global.log_level": "error"})
    load_s = time.perf_counter() - t
    for page in a.pages:
        times, text = [], ""
        for i in range(a.runs + 1):
            t = time.perf_counter()
            r = engine(page)
            dt = time.perf_counter() - t
            if i > 0:
                times.append(dt)
            text = "\n".join(r.txts or ())
        if a.out:
            os.makedirs(a.out, exist_ok=True)
            stem = os.path.splitext(os.path.basename(page))[0]
            with open(os.path.join(a.out, stem + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(text)
        print(json.dumps({"engine": "rapidocr", "page": os.path.basename(page),
                          "median_s": statistics.median(times), "runs": times}), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"engine": "rapidocr", "load_s": load_s, "peak_rss_mb": peak}))


if __name__ == "__main__":
    main()
