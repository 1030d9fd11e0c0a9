#!/usr/bin/python3
"""Per-thread CPU of a process from /proc, grouped by thread name (digits folded to #).

    thread-cpu.py PID snap FILE        remember every thread's utime+stime in FILE
    thread-cpu.py PID diff FILE OPS    CPU since the snapshot, in ms per operation, per group
"""
import collections
import json
import os
import re
import sys

pid, command, state = sys.argv[1], sys.argv[2], sys.argv[3]
tick = os.sysconf("SC_CLK_TCK")


def threads():
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        out[tid] = (name, int(fields[11]) + int(fields[12]))
    return out


if command == "snap":
    with open(state, "w") as f:
        json.dump(threads(), f)
    sys.exit(0)
ops = int(sys.argv[4])
with open(state) as f:
    before = json.load(f)
groups = collections.Counter()
for tid, (name, ticks) in threads().items():
    groups[re.sub(r"\d+", "#", name)] += ticks - before.get(tid, (name, 0))[1]
print(f"total {sum(groups.values()) * 1000 / tick / ops:.3f} ms/op")
for name, ticks in groups.most_common():
    if ticks:
        print(f"  {name:24s} {ticks * 1000 / tick / ops:.3f} ms/op")
