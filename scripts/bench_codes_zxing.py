#!/usr/bin/env python3
"""The anchor for bench_codes: zxing-cpp (PyPI zxing-cpp 3.1) on the same folders.

    python3 scripts/bench_codes_zxing.py DIR...

Same rule as examples/bench_codes.rs: an image counts when one decoded text equals NAME.txt
exactly, CR LF counted as LF (the sample .txt files store LF where the codes hold CR LF). Times cover decoding only (image file loading excluded), TryHarder-equivalent
defaults (try_rotate, try_downscale, try_invert on).
"""
import os
import statistics
import sys
import time

import zxingcpp
from PIL import Image

EXTS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif"}


def norm(s):
    # The sample .txt files store line breaks as LF where the codes hold CR LF.
    return s.replace("\r\n", "\n")


def main(dirs):
    print("| folder | images | zxing-cpp hits | zxing-cpp ms/img (median) |")
    print("|---|---|---|---|")
    all_hits, all_n, all_ms = 0, 0, []
    for d in dirs:
        hits, n, ms = 0, 0, []
        for name in sorted(os.listdir(d)):
            stem, ext = os.path.splitext(name)
            txt = os.path.join(d, stem + ".txt")
            if ext.lower() not in EXTS or not os.path.exists(txt):
                continue
            want = open(txt, encoding="utf-8", errors="replace").read()
            img = Image.open(os.path.join(d, name))
            img.load()
            n += 1
            t = time.perf_counter()
            got = zxingcpp.read_barcodes(img, try_invert=True)
            ms.append((time.perf_counter() - t) * 1e3)
            if any(norm(r.text) == norm(want) for r in got):
                hits += 1
        print("| %s | %d | %d | %.0f |" % (os.path.basename(d.rstrip("/")), n, hits, statistics.median(ms) if ms else 0))
        all_hits, all_n = all_hits + hits, all_n + n
        all_ms += ms
    print("| **all** | %d | %d | %.0f |" % (all_n, all_hits, statistics.median(all_ms) if all_ms else 0))


if __name__ == "__main__":
    main(sys.argv[1:])
