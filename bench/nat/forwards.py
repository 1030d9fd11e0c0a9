#!/usr/bin/python3
"""forwards.py - the port-forward timing of bench/nat-bench.sh (ncclient, /usr/bin/python3), run in
the lab router's namespace against 127.0.0.1:830.

  forwards.py COUNT RUNS

Each run: one <edit-config> on candidate adding COUNT port forwards of isp2 (TCP 20000.. to
10.0.0.10, same port), then <commit> timed until the daemon answers and until
`nft list chain inet multihome port-forwards` shows them all (polled back to back from the
answer; "listings: 1" means they were in place when the commit was answered); then the
same table written by hand (our table as listed, renamed inet byhand) loaded with `nft -f`,
timed, and deleted; then a commit of the configuration as it was, timed until the chain has
the lab's one forward again. Prints one line per run and the medians; every wait is bounded.
"""
import copy
import statistics
import subprocess
import sys
import tempfile
import time

from lxml import etree
from ncclient import manager

NS = "urn:multihome:yang:multihome"
BASE = "urn:ietf:params:xml:ns:netconf:base:1.0"
DEADLINE = 120.0


def forwards(count):
    entries = "".join(
        "<port-forward><name>bench-%d</name><provider>isp2</provider><protocol>tcp</protocol>"
        "<port>%d</port><to-address>10.0.0.10</to-address><to-port>%d</to-port></port-forward>"
        % (i, 20000 + i, 20000 + i) for i in range(count))
    return '<config xmlns="%s"><multihome xmlns="%s">%s</multihome></config>' % (BASE, NS, entries)


def nft(*args):
    return subprocess.run(["nft", *args], check=True, capture_output=True, text=True).stdout


def forward_rules(table="multihome"):
    return nft("list", "chain", "inet", table, "port-forwards").count(" dnat ")


def until_rules(wanted, started):
    """When the chain had the rules, and how many listings that took (1: already at the answer)."""
    listings = 1
    while forward_rules() != wanted:
        if time.monotonic() - started > DEADLINE:
            sys.exit("the chain did not reach %d rules within %d s" % (wanted, DEADLINE))
        listings += 1
    return time.monotonic(), listings


def commit_timed(m, config, default_operation, wanted):
    m.edit_config(target="candidate", config=config, default_operation=default_operation)
    started = time.monotonic()
    m.commit()
    answered = time.monotonic()
    programmed, listings = until_rules(wanted, started)
    return (answered - started) * 1e3, (programmed - started) * 1e3, listings


def by_hand(count):
    text = nft("list", "table", "inet", "multihome").replace("table inet multihome", "table inet byhand", 1)
    with tempfile.NamedTemporaryFile("w", suffix=".nft") as f:
        f.write(text)
        f.flush()
        started = time.monotonic()
        subprocess.run(["nft", "-f", f.name], check=True)
        took = (time.monotonic() - started) * 1e3
    if forward_rules("byhand") != count + 1:
        sys.exit("the table by hand does not have %d forwards" % (count + 1))
    nft("delete", "table", "inet", "byhand")
    return took


def main():
    count, runs = int(sys.argv[1]), int(sys.argv[2])
    with manager.connect(host="127.0.0.1", port=830, username="admin", password="admin", hostkey_verify=False,
                         look_for_keys=False, allow_agent=False, timeout=DEADLINE) as m:
        m.timeout = DEADLINE
        data = m.get_config(source="running").data_ele
        original = etree.Element("{%s}config" % BASE)
        for child in data:
            original.append(copy.deepcopy(child))
        original = etree.tostring(original).decode()
        before = forward_rules()
        rows = []
        for run in range(runs):
            answered, programmed, listings = commit_timed(m, forwards(count), "merge", before + count)
            hand = by_hand(count)
            _, removed, _ = commit_timed(m, original, "replace", before)
            rows.append((answered, programmed, hand, removed))
            print("run %d: commit answered %.0f ms, %d rules listed %.0f ms after the commit (listings: %d); "
                  "nft -f of the same table %.0f ms; removing them %.0f ms"
                  % (run + 1, answered, count, programmed, listings, hand, removed), flush=True)
    medians = [statistics.median(r[i] for r in rows) for i in range(4)]
    print("median of %d: commit answered %.0f ms, rules listed %.0f ms; nft -f %.0f ms (commit answered / nft -f: "
          "%.2f); removal %.0f ms" % (runs, medians[0], medians[1], medians[2], medians[0] / medians[2], medians[3]))


if __name__ == "__main__":
    main()
