#!/usr/bin/env python3
"""summarize.py JSONL... - side-by-side table (markdown) of snmp-bench.sh records written by run-bench.sh."""
import json
import sys


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def interleaved(paths):
    walks, gets, v3 = {}, {}, {}
    for path in paths:
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                if not r.get("interleaved"):
                    continue
                if r.get("v3"):
                    v3.setdefault((path, r["agent"]), []).append(r["varbinds"] * 1000 / r["ms"])
                elif r.get("get"):
                    gets.setdefault((path, r["agent"]), []).append(r["median_us"])
                else:
                    walks.setdefault((path, r["root"], r["maxrep"], r["agent"]), []).append(
                        r["varbinds"] * 1000 / r["median_ms"])
    print("| run | table | max-rep | rounds | snmpd varbinds/s (median of rounds / best) |"
          " ours (median / best) | ratio of medians |")
    print("|---|---|---|---|---|---|---|")
    for (path, root, maxrep, agent), rates in sorted(walks.items()):
        if agent != "snmpd":
            continue
        ours = walks.get((path, root, maxrep, "multihome"), [])
        if not ours:
            continue
        name = {"1.3.6.1.2.1.2.2": "ifTable", "1.3.6.1.2.1.31.1.1": "ifXTable"}.get(root, root)
        print(f"| {run_name(path)} | {name} | {maxrep} | {len(rates)} | {median(rates):.0f} / {max(rates):.0f} | "
              f"{median(ours):.0f} / {max(ours):.0f} | {median(ours) / median(rates):.2f} |")
    print()
    print("| run | GET median us, snmpd (median of rounds / best) | ours (median / best) |")
    print("|---|---|---|")
    for (path, agent), values in sorted(gets.items()):
        if agent == "snmpd" and (path, "multihome") in gets:
            ours = gets[(path, "multihome")]
            print(f"| {run_name(path)} | {median(values):.1f} / {min(values):.1f} | {median(ours):.1f} / {min(ours):.1f} |")
    print()
    print("| run | v3 authPriv snmpbulkwalk of ifXTable, rounds | snmpd varbinds/s (median / best) |"
          " ours (median / best) | ratio of medians |")
    print("|---|---|---|---|---|")
    for (path, agent), rates in sorted(v3.items()):
        ours = v3.get((path, "multihome"), [])
        if agent == "snmpd" and ours:
            print(f"| {run_name(path)} | {len(rates)} | {median(rates):.0f} / {max(rates):.0f} | "
                  f"{median(ours):.0f} / {max(ours):.0f} | {median(ours) / median(rates):.2f} |")


def run_name(path):
    return path.rsplit("-", 1)[-1].split(".")[0]


def main(paths):
    interleaved(paths)
    print()
    rows = {}
    for path in paths:
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                if r.get("interleaved"):
                    continue
                who, rest = r["label"].split(" ", 1)
                key = (path, r["version"], r["root"], r["maxrep"])
                rows.setdefault(key, {})[who] = r
    print("| run | version | table | max-rep | varbinds snmpd / ours | in-process walk varbinds/s snmpd | ours | ratio"
          " | snmpbulkwalk varbinds/s snmpd | ours | GET median us snmpd | ours | correctness |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (path, version, root, maxrep), pair in rows.items():
        s, m = pair.get("snmpd"), pair.get("multihome")
        if not s or not m:
            continue
        sib = (s.get("bulkwalk_inproc") or {}).get("varbinds_per_s")
        mib = (m.get("bulkwalk_inproc") or {}).get("varbinds_per_s")
        ratio = f"{mib / sib:.2f}" if sib and mib else "-"
        sg = (s.get("get_inproc") or {}).get("median_us", "-")
        mg = (m.get("get_inproc") or {}).get("median_us", "-")
        name = {".1.3.6.1.2.1.2.2": "ifTable", ".1.3.6.1.2.1.31.1.1": "ifXTable"}.get(root, root)
        ok = "PASS" if s["correctness"]["pass"] and m["correctness"]["pass"] else "FAIL"
        print(f"| {run_name(path)} | {version} | {name} | {maxrep} | "
              f"{s['bulkwalk']['varbinds']} / {m['bulkwalk']['varbinds']} | {sib or '-'} | {mib or '-'} | {ratio} | "
              f"{s['bulkwalk']['varbinds_per_s']} | {m['bulkwalk']['varbinds_per_s']} | {sg} | {mg} | {ok} |")


if __name__ == "__main__":
    main(sys.argv[1:])
