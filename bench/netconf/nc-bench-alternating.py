#!/usr/bin/python3
"""Runs shared/bench/nc-bench.py with one more payload placeholder: "{w}" becomes 2, 1, 2, 1 ...
on successive edits, so every commit changes a value (a provider's weight) without leaving its
range. nc-bench.py itself only knows "{i}", the iteration number.

    nc-bench-alternating.py NC_BENCH_PY [nc-bench.py arguments...]
"""
import importlib.util
import itertools
import sys

if len(sys.argv) < 2:
    sys.exit("usage: nc-bench-alternating.py NC_BENCH_PY [ARGS...]")
spec = importlib.util.spec_from_file_location("nc_bench", sys.argv[1])
nc_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(nc_bench)

weights = itertools.cycle(("2", "1"))
wrap = nc_bench.wrap_config
nc_bench.wrap_config = lambda xml: wrap(xml.replace("{w}", next(weights)) if "{w}" in xml else xml)

sys.argv = [sys.argv[1]] + sys.argv[2:]
sys.exit(nc_bench.main())
