#!/usr/bin/env bash
# What a registry lookup adds to `docverify check` of one audit report (born-digital, one page):
# runs offline (no registry configured) and with the emulated registry, interleaved, N times
# each, and prints the medians. Usage: benches/registry/run.sh [path/to/docverify] [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/debug/docverify}"
n="${2:-15}"
tmp="$(mktemp -d)"
trap 'kill "$emu" 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$bin" registry-emulator --data "$root/deploy/registry-emulator.example.json" \
    --listen 127.0.0.1:0 2>"$tmp/emu.log" &
emu=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/emu.log" && break; sleep 0.1; done
port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$tmp/emu.log")"
sed "s/localhost:8089/localhost:$port/" "$root/deploy/audit-registry.example.toml" >"$tmp/online.toml"
: >"$tmp/offline.toml"
pdf="$root/fixtures/registry/genuine.pdf"
for i in $(seq "$n"); do
  for mode in offline online; do
    s=$(date +%s.%N)
    "$bin" check --config "$tmp/$mode.toml" --applicant 晋中太行产业园运营有限责任公司 "$pdf" \
        >"$tmp/$mode.json" 2>/dev/null || true
    e=$(date +%s.%N)
    echo "$mode $(echo "$e - $s" | bc)" >>"$tmp/times"
  done
done
python3 - "$tmp/times" "$tmp/online.json" <<'PY'
import json, statistics, sys
t = {}
for line in open(sys.argv[1]):
    m, s = line.split()
    t.setdefault(m, []).append(float(s))
status = [f["status"] for f in json.load(open(sys.argv[2]))["findings"] if f["rule"] == "audit.registry"]
off, on = statistics.median(t["offline"]), statistics.median(t["online"])
print(f"runs: {len(t['offline'])} each; online audit.registry = {status}")
print(f"median check, offline : {off*1000:.0f} ms")
print(f"median check, registry: {on*1000:.0f} ms  (ratio {on/off:.2f})")
PY
