#!/usr/bin/env python3
"""Service load benchmark: born-digital submissions through the HTTP API (issue 16).

Starts `BIN serve` on a fresh data directory for each binary, uploads N submissions of one
case's files (each a submission of its own, processed in full) with K uploads in flight, and measures, per submission, the time from the start of the upload to the
report being ready (polled every 50 ms). Reports throughput (submissions per second from the
first upload to the last report), median and p99 latency, and the peak resident memory of the
service and its worker processes together (sampled every 50 ms from /proc).

Binaries are run alternately, `--rounds` times each, so both see the same machine state.
Only the standard library is used.

    python3 benches/service/load.py --bin OLD --bin NEW [--case DIR] [-n 200] [-k 20]
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

# Status polling interval: short enough for the latency figures, long enough that
# polling is not most of the load.
POLL_SECS = 0.05
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    for name, (filename, data) in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def tree_rss_kb(pid):
    """Resident memory of a process and all its descendants, in KiB."""
    total = 0
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
        stack.extend(children.get(p, []))
    return total


def run_once(binary, files, applicant, n, k, env_extra):
    data = tempfile.mkdtemp(prefix="dv-load-")
    port = free_port()
    env = dict(os.environ)
    env.pop("RUST_LOG", None)
    env.update(
        {
            "DOCVERIFY_LISTEN": f"127.0.0.1:{port}",
            "DOCVERIFY_DATA_DIR": data,
            "DOCVERIFY_LOG__FILTER": "warn",
        }
    )
    env.update(env_extra)
    server = subprocess.Popen(
        [binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("service did not become ready")
        peak = [0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], tree_rss_kb(server.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()

        def one(i):
            body, ctype = multipart(
                [("applicant", applicant)],
                [("file", (os.path.basename(p), d)) for p, d in files],
            )
            t0 = time.monotonic()
            req = urllib.request.Request(
                f"{base}/submissions", data=body, headers={"Content-Type": ctype}
            )
            with urllib.request.urlopen(req, timeout=60) as r:
                sid = json.load(r)["id"]
            while True:
                with urllib.request.urlopen(f"{base}/submissions/{sid}", timeout=60) as r:
                    status = json.load(r)["status"]
                if status in ("done", "failed"):
                    return time.monotonic() - t0, status
                time.sleep(POLL_SECS)

        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=k) as pool:
            results = list(pool.map(one, range(n)))
        wall = time.monotonic() - start
        stop.set()
        sampler.join()
        lat = sorted(r[0] for r in results)
        failed = sum(1 for r in results if r[1] != "done")
        return {
            "throughput": n / wall,
            "p50": statistics.median(lat),
            "p99": lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))],
            "peak_rss_mb": peak[0] / 1024,
            "failed": failed,
            "wall": wall,
        }
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", action="append", required=True, help="docverify binary (repeat)")
    ap.add_argument("--case", default=os.path.join(ROOT, "fixtures/cases/tuning/c001"))
    ap.add_argument("-n", type=int, default=200, help="submissions per run")
    ap.add_argument("-k", type=int, default=20, help="uploads in flight")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--env", action="append", default=[], help="KEY=VALUE for the service (repeat)"
    )
    args = ap.parse_args()
    truth = json.load(open(os.path.join(args.case, "truth.json")))
    files = []
    for d in truth["documents"]:
        p = os.path.join(args.case, d["file"])
        files.append((p, open(p, "rb").read()))
    env_extra = dict(e.split("=", 1) for e in args.env)
    runs = {b: [] for b in args.bin}
    for r in range(args.rounds):
        for b in args.bin:
            res = run_once(b, files, truth["applicant"], args.n, args.k, env_extra)
            runs[b].append(res)
            print(
                f"round {r + 1} {os.path.basename(b)}: {res['throughput']:.2f}/s "
                f"p50 {res['p50'] * 1000:.0f} ms p99 {res['p99'] * 1000:.0f} ms "
                f"peak {res['peak_rss_mb']:.0f} MB failed {res['failed']}",
                flush=True,
            )
    print(f"\n{args.n} submissions of {os.path.basename(args.case)}, {args.k} in flight, "
          f"medians of {args.rounds} runs")
    print("| binary | submissions/s | p50 latency | p99 latency | peak RSS (service + workers) |")
    print("|---|---:|---:|---:|---:|")
    for b, rs in runs.items():
        med = lambda key: statistics.median(x[key] for x in rs)  # noqa: E731
        print(
            f"| {os.path.basename(b)} | {med('throughput'):.2f} | {med('p50') * 1000:.0f} ms | "
            f"{med('p99') * 1000:.0f} ms | {med('peak_rss_mb'):.0f} MB |"
        )


if __name__ == "__main__":
    sys.exit(main())
