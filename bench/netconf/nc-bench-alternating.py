#!/usr/bin/python3
"""Runs shared/bench/nc-bench.py with one more payload placeholder: "{w}" becomes 2, 1, 2, 1 ...
on successive edits, so every commit changes a value (a provider's weight) without leaving its
range. nc-bench.py itself only knows "{i}", the iteration number.

With NC_SERVER_CPU_FD set, a server's CPU is read from the cgroup v2 cpu.stat open on that file
descriptor (usage_usec) instead of from /proc: the cgroup also counts the processes that /proc
cannot find any more (a per-session sshd process that ended before the phase did and whose CPU
reached no process the benchmark reads). The descriptor, opened before `ip netns exec`, reads
the host's cgroup file system even where that command mounted a sysfs of its own.

    nc-bench-alternating.py NC_BENCH_PY [nc-bench.py arguments...]
"""
import importlib.util
import itertools
import os
import sys

if len(sys.argv) < 2:
    sys.exit("usage: nc-bench-alternating.py NC_BENCH_PY [ARGS...]")
spec = importlib.util.spec_from_file_location("nc_bench", sys.argv[1])
nc_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(nc_bench)

weights = itertools.cycle(("2", "1"))
wrap = nc_bench.wrap_config
nc_bench.wrap_config = lambda xml: wrap(xml.replace("{w}", next(weights)) if "{w}" in xml else xml)


def cgroup_cpu(fd):
    for line in os.pread(fd, 4096, 0).decode().splitlines():
        name, value = line.split()
        if name == "usage_usec":
            return int(value) / 1e6
    raise SystemExit("NC_SERVER_CPU_FD: no usage_usec in cpu.stat")


if os.environ.get("NC_SERVER_CPU_FD"):
    fd = int(os.environ["NC_SERVER_CPU_FD"])
    nc_bench.server_cpu = lambda pids: cgroup_cpu(fd)
sys.argv = [sys.argv[1]] + sys.argv[2:]
sys.exit(nc_bench.main())
