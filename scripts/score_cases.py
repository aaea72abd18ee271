#!/usr/bin/env python3
"""Scores `docverify check` on fixtures/cases: fields, kinds, codes and rule verdicts, per split
(tuning / held-out) and form, so the gap between the templates extraction was tuned on and
the ones it never saw is visible.

    python3 scripts/score_cases.py                       # both splits, every case
    python3 scripts/score_cases.py --split heldout --only scan --jobs 2 --json /tmp/heldout.json
    python3 scripts/score_cases.py --case c012 --case c055    # a few cases, misses in full

For each case it runs `BIN check --applicant A --declared-area M --format json FILES` and
compares the report with truth.json: each truth document is matched to the report's document
of the same file (a bound packet's parts by their page ranges); a field is right when its value
equals the truth after NFKC and without white space (term_stated as years and months); a rule's
verdict is the worst of its findings (fail > review > pass > not_applicable). A wrong `pass`
(a bad application let through) and a wrong `fail` (a sound one turned down) are counted apart.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BIN = "/var/tmp/docverify-target/debug/docverify"
SEVERITY = {"fail": 3, "review": 2, "pass": 1, "not_applicable": 0}
SPLITS = ("tuning", "heldout")


def norm(v):
    return "".join(unicodedata.normalize("NFKC", str(v)).split())


def value_of(field):
    """A report field's value (fields are {value, confidence, evidence})."""
    return field.get("value") if isinstance(field, dict) and "value" in field else field


def same(want, got):
    if got is None:
        return False
    if isinstance(want, dict):  # term_stated {"years", "months"}
        return isinstance(got, dict) and all(int(got.get(k, -1)) == int(v) for k, v in want.items())
    if isinstance(got, list):
        return any(norm(value_of(g)) == norm(want) for g in got)
    return norm(got) == norm(want)


def load_cases(root, split=None, only=None, ids=()):
    cases = []
    for sp in SPLITS:
        if split and sp != split:
            continue
        d = os.path.join(root, sp)
        for c in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            p = os.path.join(d, c, "truth.json")
            if not os.path.exists(p) or (ids and c not in ids):
                continue
            with open(p, encoding="utf-8") as f:
                t = json.load(f)
            t["_dir"] = os.path.join(d, c)
            t["_born"] = all(doc["form"] == "pdf-text" for doc in t["documents"])
            if only == "born" and not t["_born"] or only == "scan" and t["_born"]:
                continue
            cases.append(t)
    return cases


def run(binary, case, timeout, data_dir):
    """The report of one case (or None) and the seconds it took."""
    files = list(dict.fromkeys(os.path.join(case["_dir"], d["file"]) for d in case["documents"]))
    cmd = [binary, "check", "--applicant", case["applicant"], "--declared-area", str(case["declared_area_m2"]),
           "--format", "json"] + files
    env = dict(os.environ, DOCVERIFY_DATA_DIR=data_dir)
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)
        report = json.loads(p.stdout.decode("utf-8", "replace"))
        err = None
    except subprocess.TimeoutExpired:
        report, err = None, "timeout"
    except json.JSONDecodeError:
        report, err = None, "no JSON (exit %s): %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip()[:200])
    return report, err, time.monotonic() - t0


def match(report, truth_docs):
    """Pairs each truth document with a report document: same file; in a packet the part
    whose page range overlaps the truth's most (each report part used once)."""
    by_file = collections.defaultdict(list)
    for d in (report or {}).get("documents", []) or []:
        by_file[os.path.basename(str(d.get("file") or ""))].append(d)
    used, out = set(), []
    for t in truth_docs:
        cands = [d for d in by_file.get(t["file"], []) if id(d) not in used]
        best = None
        if t.get("page_range") and cands:
            a, b = t["page_range"]

            def overlap(d):
                r = d.get("page_range") or [0, -1]
                return min(b, r[1]) - max(a, r[0]) + 1
            best = max(cands, key=overlap)
            if overlap(best) <= 0:
                best = None
        elif cands:
            # a file read as several documents (a notice bound in front of the agreement it
            # announces): the part of the truth's kind is scored, else the first
            best = next((d for d in cands if d.get("kind") == t["kind"]), cands[0])
        if best is not None:
            used.add(id(best))
        out.append(best or {})
    return out


def verdicts(report):
    got = {}
    for f in (report or {}).get("findings", []) or []:
        r, s = f.get("rule"), f.get("status")
        if r and SEVERITY.get(s, -1) > SEVERITY.get(got.get(r), -1):
            got[r] = s
    return got


class Tally:
    """ok / n counters keyed by name."""

    def __init__(self):
        self.c = collections.defaultdict(lambda: [0, 0])

    def add(self, key, ok):
        self.c[key][0] += bool(ok)
        self.c[key][1] += 1

    def rate(self, key):
        ok, n = self.c.get(key, (0, 0))
        return f"{ok / n:6.3f} ({ok}/{n})" if n else "     -      "

    def as_json(self):
        return {k: {"ok": v[0], "n": v[1], "rate": round(v[0] / v[1], 4) if v[1] else None} for k, v in sorted(self.c.items())}


def score(case, report, err, tally, misses, confusion):
    sp, cid = case["split"], case["case"]
    if report is None:
        misses.append(f"{sp}/{cid}: no report ({err})")
    parts = collections.Counter(os.path.basename(str(d.get("file") or "")) for d in (report or {}).get("documents", []) or [])
    for t, r in zip(case["documents"], match(report, case["documents"])):
        form, tpl = t["form"], t.get("template", "?")
        where = f"{sp}/{cid}/{t['file']}" + (f"#{t['page_range'][0]}-{t['page_range'][1]}" if t.get("page_range") else "")
        if not t.get("page_range") and parts[t["file"]] > 1:  # one document read as several
            misses.append(f"{where} [{tpl}] read as {parts[t['file']]} documents (scored: the one of its kind, else the first)")
        ok = r.get("kind") == t["kind"]
        tally.add((sp, form, "kind"), ok)
        if not ok:
            misses.append(f"{where} [{tpl}] kind: want {t['kind']} got {r.get('kind')}")
        fields = r.get("fields") or {}
        if t["kind"] == "lease":  # the role comes from the template: a sublease or a head lease
            want = tpl.startswith("sublease.")
            got = value_of(fields.get("is_sublease"))
            tally.add((sp, form, "role"), got == want)
            if got != want:
                misses.append(f"{where} [{tpl}] is_sublease: want {want} got {got}")
        for k, v in t["fields"].items():
            got = value_of(fields.get(k))
            ok = same(v, got)
            tally.add((sp, form, "field"), ok)
            tally.add((sp, "field", k), ok)
            tally.add((sp, "template", tpl), ok)
            if not ok:
                misses.append(f"{where} [{tpl}] {k}: want {v!r} got {got!r}")
        read = [norm(c.get("text", "")) for c in r.get("codes", []) or []]
        for c in t["codes"]:
            ok = norm(c["text"]) in read
            tally.add((sp, form, "code"), ok)
            if not ok:
                misses.append(f"{where} [{tpl}] {c['symbology']} not decoded")
    got = verdicts(report)
    group = "born" if case["_born"] else "scan"
    for rule, want in case["expect"].items():
        g = got.get(rule)
        tally.add((sp, group, "rule"), g == want)
        tally.add((sp, "rule", rule), g == want)
        tally.add((sp, group, "wrong_pass"), g == "pass" and want != "pass")
        tally.add((sp, group, "wrong_fail"), g == "fail" and want != "fail")
        confusion[(sp, rule, want, g)] += 1
        if g != want:
            misses.append(f"{sp}/{cid} [{case['scenario']}] {rule}: want {want} got {g}")


def print_summary(tally, splits, times):
    forms = ("pdf-text", "pdf-scan", "jpeg-scan", "packet-scan")
    for sp in splits:
        print(f"== {sp}")
        print(f"  {'form':12s} {'fields':>16s} {'kinds':>16s} {'lease roles':>16s} {'codes':>16s}")
        for f in forms:
            if (sp, f, "kind") in tally.c:
                print(f"  {f:12s} " + " ".join(f"{tally.rate((sp, f, x)):>16s}" for x in ("field", "kind", "role", "code")))
        print(f"  {'cases':12s} {'rule verdicts':>16s} {'wrong pass':>8s} {'wrong fail':>10s}")
        for g in ("born", "scan"):
            if (sp, g, "rule") in tally.c:
                wp = tally.c[(sp, g, "wrong_pass")][0]
                wf = tally.c[(sp, g, "wrong_fail")][0]
                print(f"  {g:12s} {tally.rate((sp, g, 'rule')):>16s} {wp:>8d} {wf:>10d}")
        per_field = sorted(k[2] for k in tally.c if k[0] == sp and k[1] == "field")
        print("  fields:    " + ", ".join(f"{k} {tally.rate((sp, 'field', k)).split()[0]}" for k in per_field))
        per_rule = sorted(k[2] for k in tally.c if k[0] == sp and k[1] == "rule")
        print("  rules:     " + ", ".join(f"{k} {tally.rate((sp, 'rule', k)).split()[0]}" for k in per_rule))
        per_tpl = sorted(k[2] for k in tally.c if k[0] == sp and k[1] == "template")
        print("  templates: " + ", ".join(f"{k} {tally.rate((sp, 'template', k)).split()[0]}" for k in per_tpl))
    if times:
        print(f"median {statistics.median(times):.1f} s per case, {sum(times):.0f} s summed over cases")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.environ.get("DOCVERIFY_BIN", DEFAULT_BIN))
    ap.add_argument("--cases", default=os.path.join(ROOT, "fixtures", "cases"))
    ap.add_argument("--split", choices=SPLITS)
    ap.add_argument("--only", choices=["born", "scan"], help="born: every document pdf-text; scan: the others")
    ap.add_argument("--case", action="append", default=[], help="only this case id (repeatable)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--data-dir", help="docverify's data directory; a fresh temporary one by default, so that "
                                       "nothing is written into the working directory")
    ap.add_argument("--misses", type=int, default=80,
                    help="how many misses to print (0: all; negative: none, to measure a held-out set unread)")
    ap.add_argument("--json", help="write the numbers, misses and verdict confusion here")
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"no binary at {a.bin} (--bin or DOCVERIFY_BIN)")
    cases = load_cases(a.cases, a.split, a.only, set(a.case))
    if not cases:
        sys.exit("no cases selected")
    tmp = None
    if not a.data_dir:
        tmp = tempfile.TemporaryDirectory(prefix="score-cases-")
        a.data_dir = tmp.name
    tally, misses, confusion, times = Tally(), [], collections.Counter(), []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futures = {pool.submit(run, a.bin, c, a.timeout, a.data_dir): c for c in cases}
        done = {}
        for i, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            c = futures[fut]
            done[c["case"]] = fut.result()
            print(f"\r{i}/{len(cases)} {c['split']}/{c['case']}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    for c in cases:  # in case order, so the misses read the same from run to run
        report, err, secs = done[c["case"]]
        times.append(secs)
        score(c, report, err, tally, misses, confusion)
    splits = [s for s in SPLITS if any(c["split"] == s for c in cases)]
    print_summary(tally, splits, times)
    shown = misses if a.misses == 0 else misses[:max(a.misses, 0)]
    print(f"--- misses ({len(shown)} of {len(misses)})")
    for m in shown:
        print("  " + m)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"summary": {"|".join(k): v for k, v in tally.as_json().items()},
                       "misses": misses,
                       "confusion": {"|".join(str(x) for x in k): n for k, n in sorted(confusion.items(), key=str)},
                       "seconds": {"median": statistics.median(times), "total": sum(times)}},
                      f, ensure_ascii=False, indent=1)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
