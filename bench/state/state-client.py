#!/usr/bin/python3
"""state-client.py - the NETCONF client of bench/state-bench.sh (ncclient, /usr/bin/python3).

  get    --sessions N --count C : N sessions, each doing C <get> of provider state
                                  (filter <multihome><provider/></multihome>) back to back.
  commit --count C --warmup W   : W untimed, then C timed <edit-config> on candidate that
                                  change isp1's weight, each followed by <commit> (the
                                  daemon answers the commit once the kernel has the change).

Every RPC has --timeout seconds; a session whose RPC times out stops (the daemon is taken to
be wedged) and the run goes on with the others, so the script never hangs. Every loop is
bounded by its count and by --cap seconds. Prints one table line and one "JSON {...}" line;
exits 3 when an RPC timed out.
"""
import argparse
import json
import statistics
import sys
import threading
import time

from ncclient import manager
from ncclient.operations.errors import TimeoutExpiredError

NS = "urn:multihome:yang:multihome"
PROVIDER_FILTER = '<multihome xmlns="%s"><provider/></multihome>' % NS
WEIGHT_EDIT = ('<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><multihome xmlns="%s">'
               '<provider><name>isp1</name><weight>{w}</weight></provider></multihome></config>' % NS)


def set_tick(tick):
    """ncclient flushes a queued request only when its select() wakes (TICK, 0.1 s stock)."""
    import ncclient.transport.ssh as ssh
    import ncclient.transport.session as session
    for module in (ssh, session):
        if hasattr(module, "TICK"):
            module.TICK = tick


def connect(a):
    m = manager.connect(host=a.host, port=a.port, username=a.user, password=a.password,
                        hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=a.timeout)
    m.timeout = a.timeout
    return m


def pct(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    k = max(1, -(-p * len(sorted_values) // 100))
    return sorted_values[min(k, len(sorted_values)) - 1]


def summary(latencies, wall):
    v = sorted(latencies)
    if not v:
        return {"n": 0}
    return {"n": len(v), "ops_per_s": round(len(v) / wall, 1), "p50_ms": round(statistics.median(v) * 1e3, 2),
            "p99_ms": round(pct(v, 99) * 1e3, 2), "max_ms": round(v[-1] * 1e3, 2)}


def run_get(a):
    sessions = [connect(a) for _ in range(a.sessions)]
    latencies = [[] for _ in sessions]
    timeouts = [0] * len(sessions)
    errors = [0] * len(sessions)
    start = threading.Barrier(len(sessions) + 1)
    deadline = {}

    def worker(k, m):
        start.wait()
        for _ in range(a.count):
            if time.perf_counter() > deadline["at"]:
                return
            t = time.perf_counter()
            try:
                m.get(filter=("subtree", PROVIDER_FILTER))
            except TimeoutExpiredError:
                timeouts[k] += 1
                return
            except Exception as e:  # noqa: BLE001 - counted, the run goes on
                errors[k] += 1
                print("get error: %r" % e, file=sys.stderr)
                continue
            latencies[k].append(time.perf_counter() - t)

    threads = [threading.Thread(target=worker, args=(k, m), daemon=True) for k, m in enumerate(sessions)]
    for t in threads:
        t.start()
    deadline["at"] = time.perf_counter() + a.cap
    t0 = time.perf_counter()
    start.wait()
    for t in threads:
        t.join(a.cap + a.timeout + 5)
    wall = time.perf_counter() - t0
    # A wedged session's close would wait out its own timeout again: only healthy ones close.
    for k, m in enumerate(sessions):
        if not timeouts[k]:
            m.close_session()
    result = summary([x for per in latencies for x in per], wall)
    result.update(sessions=a.sessions, per_session_done=[len(per) for per in latencies],
                  timeouts=sum(timeouts), errors=sum(errors), wedged=any(timeouts))
    return result


def run_commit(a):
    m = connect(a)
    total, edit, commit = [], [], []
    deadline = time.perf_counter() + a.cap
    errors = timeouts = 0
    for i in range(a.warmup + a.count):
        if time.perf_counter() > deadline:
            break
        # Consecutive weights always differ, so every commit changes the kernel's group.
        weight = i % 7 + 2
        t = time.perf_counter()
        try:
            m.edit_config(target="candidate", config=WEIGHT_EDIT.format(w=weight))
            t_edit = time.perf_counter()
            m.commit()
        except TimeoutExpiredError:
            timeouts += 1
            break
        except Exception as e:  # noqa: BLE001
            errors += 1
            print("edit/commit error: %r" % e, file=sys.stderr)
            m.discard_changes()
            continue
        t_end = time.perf_counter()
        if i >= a.warmup:
            total.append(t_end - t)
            edit.append(t_edit - t)
            commit.append(t_end - t_edit)
    wall = sum(total)
    if not timeouts:
        m.close_session()
    result = summary(total, wall)
    result.update(edit=summary(edit, wall), commit=summary(commit, wall), last_weight=weight,
                  warmup=a.warmup, errors=errors, timeouts=timeouts)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["get", "commit"])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=830)
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", default="admin")
    ap.add_argument("--sessions", type=int, default=1)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds per RPC")
    ap.add_argument("--cap", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--tick", type=float, default=0.001, help="ncclient's poll TICK")
    ap.add_argument("--label", default="")
    a = ap.parse_args()
    set_tick(a.tick)
    result = run_get(a) if a.mode == "get" else run_commit(a)
    result["label"] = a.label
    if result["n"]:
        print("%-44s %6d %9.1f %9.2f %9.2f  %s" % (a.label, result["n"], result["ops_per_s"], result["p50_ms"],
              result["p99_ms"], "timeouts=%d" % result["timeouts"]))
    else:
        print("%-44s %6d  no answer  timeouts=%d" % (a.label, 0, result["timeouts"]))
    print("JSON " + json.dumps(result, sort_keys=True))
    return 3 if result["timeouts"] else 0


if __name__ == "__main__":
    sys.exit(main())
