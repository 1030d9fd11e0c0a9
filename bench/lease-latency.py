#!/usr/bin/python3
"""Time from a DHCPv4 lease (the hook's file) to the kernel state that follows it, in a lab run
as `multihome lab up --uplinks dhcp` (its dhclient on if2 stopped first, so this script plays
the client: address on the interface, then the lease file, as dhclient-script and the hook do).

    bench/lease-latency.py [PREFIX [RUN_DIR [ROUNDS]]]   (defaults: mhlab /run/multihome-lab 10)

Prints, per round: lease lost -> isp2 out of the default; new lease -> isp2 in the default;
renumbering -> the from-rule on the new address. Polls every 5 ms with `ip`, so each figure
includes up to one `ip` run (a few ms)."""
import os
import subprocess
import sys
import time

prefix = sys.argv[1] if len(sys.argv) > 1 else "mhlab"
run = sys.argv[2] if len(sys.argv) > 2 else "/run/multihome-lab"
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
router = prefix + "-router"
member = "1296564242"  # isp2's nexthop in the default group


def ip(*args):
    return subprocess.run(["ip", "-n", router, *args], capture_output=True, text=True, check=True).stdout


def in_default():
    return member in ip("nexthop", "show").replace("/", " ").replace(",", " ").split()


def lease(text):
    tmp = os.path.join(run, "leases", ".if2.bench")
    with open(tmp, "w") as f:
        f.write(text)
    os.rename(tmp, os.path.join(run, "leases", "if2.dhcp4"))


def until(condition, limit=10.0):
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            return None
        time.sleep(0.005)
    return (time.monotonic() - start) * 1000


def bound(address):
    return f"reason=BOUND\naddress={address}\nsubnet-mask=255.255.255.192\nrouters=203.0.113.65\n"


rows = []
for n in range(rounds):
    lease("reason=EXPIRE\n")
    ip("addr", "flush", "dev", "if2")
    lost = until(lambda: not in_default())
    first = f"203.0.113.{100 + n}"
    ip("addr", "add", first + "/26", "dev", "if2")
    start = time.monotonic()
    lease(bound(first))
    joined = until(in_default, 10.0)
    second = f"203.0.113.{80 + n}"
    ip("addr", "flush", "dev", "if2")
    ip("addr", "add", second + "/26", "dev", "if2")
    lease(bound(second))
    renumbered = until(lambda: f"from {second} lookup 102" in ip("rule"))
    rows.append((lost, joined, renumbered))
    print(f"round {n + 1}: lost {lost:.0f} ms, joined {joined:.0f} ms, renumbered {renumbered:.0f} ms", flush=True)

for i, name in enumerate(("lease lost -> out of the default", "lease -> in the default",
                          "renumbering -> from-rule moved")):
    values = sorted(r[i] for r in rows if r[i] is not None)
    print(f"{name}: median {values[len(values) // 2]:.0f} ms, max {values[-1]:.0f} ms, "
          f"{len(rows) - len(values)} timed out")
