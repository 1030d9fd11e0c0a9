#!/usr/bin/python3
"""Medians over rounds of nc-bench.py's JSON lines, one file per server (PATH.json, one line a
round), side by side; ratios are of the first server to the second.

    summary.py PATH [PATH...]
"""
import json
import os
import statistics
import sys

ROWS = [  # title, phase, what, better
    ("session setup, median ms", "setup", "median_ms", "lower"),
    ("get-config/s, 1 session", "getcfg", "ops_per_s", "higher"),
    ("get-config/s, 8 sessions", "conc", "ops_per_s", "higher"),
    ("edit+commit/s", "edit", "ops_per_s", "higher"),
    ("server CPU ms per get-config", "getcfg", "cpu_ms", "lower"),
    ("server CPU ms per get-config, 8 sessions", "conc", "cpu_ms", "lower"),
    ("server CPU ms per edit+commit", "edit", "cpu_ms", "lower"),
]


def value(run, phase, what):
    r = run.get(phase) or {}
    if what == "cpu_ms":
        return 1e3 * r["server_cpu_s"] / r["n"] if r.get("n") and "server_cpu_s" in r else None
    return r.get(what)


def main():
    servers = []
    for path in sys.argv[1:]:
        with open(path + ".json") as f:
            servers.append((os.path.basename(path), [json.loads(line) for line in f if line.strip()]))
    names = [name for name, _ in servers]
    print("| measure | " + " | ".join(names) + " | ratio %s/%s |" % tuple(names[:2]))
    print("|---|" + "---:|" * (len(names) + 1))
    for title, phase, what, better in ROWS:
        meds = []
        for _, runs in servers:
            vals = [v for v in (value(r, phase, what) for r in runs) if v is not None]
            meds.append(statistics.median(vals) if vals else None)
        ratio = ""
        if len(meds) > 1 and meds[0] and meds[1]:
            ratio = "%.2f" % (meds[0] / meds[1] if better == "higher" else meds[1] / meds[0])
        print("| %s | %s | %s |" % (title, " | ".join("-" if m is None else "%.2f" % m for m in meds), ratio))
    print("(ratio: above 1 is multihome ahead; rounds: %s)" % ", ".join("%s %d" % (n, len(r)) for n, r in servers))


if __name__ == "__main__":
    sys.exit(main())
