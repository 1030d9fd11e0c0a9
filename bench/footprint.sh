#!/usr/bin/env bash
# The daemon's footprint (issue 13), as root, in a demo lab of its own (namespaces mhfp-*,
# removed at the end, even on failure): the daemon's JVM start to "ready", RSS at rest 30 s after ready,
# and RSS after LOAD seconds of NETCONF <get> + SNMP bulkwalks while if1 flaps every 0.4 s; also the
# CPU it used until ready and the load average at the end.
#
#   [MULTIHOME_JAVA_OPTS=...] bench/footprint.sh [LABEL [LOAD]]
#     MULTIHOME_JAVA_OPTS replaces the launcher's JVM flags and its AOT cache (a single space: the
#     JVM's defaults). Without it the daemon starts as installed: with the launcher's flags and an
#     AOT cache, trained first (packaging/lib/aot-train) unless one newer than the jars is there.
# Build first: mvn -B -DskipTests package.
set -euo pipefail
label=${1:-launcher flags}
load=${2:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MULTIHOME_LAB_PREFIX=${MULTIHOME_LAB_PREFIX:-mhfp} MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0 MULTIHOME_LAB_METRICS_PORT=0
router=$MULTIHOME_LAB_PREFIX-router
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; lab down || true; rm -rf "$work"' EXIT

cache="$top/service/daemon/target/multihome.aot"
if [ -z "${MULTIHOME_JAVA_OPTS:-}" ] && { [ ! -f "$cache" ] || [ -n "$(find "$top/service/daemon/target/multihome.jar" \
    "$top/service/daemon/target/lib" "$top/packaging/bin/multihome" -newer "$cache" -print -quit)" ]; }; then
    "$top/packaging/lib/aot-train" "$top/packaging/bin/multihome" "$cache"
fi
# The CPU the JVM used until ready (utime + stime), read within 50 ms of its "ready" line.
lab up & up=$!
cpu_ms=""
for _ in $(seq 1800); do
    if [ -f "$work/run/daemon.pid" ] && grep -qs "ready: first reconcile pass" "$work/run/daemon.log"; then
        cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$(cat "$work/run/daemon.pid")/stat")
        break
    fi
    kill -0 "$up" 2>/dev/null || break
    sleep 0.05
done
wait "$up"
pid=$(cat "$work/run/daemon.pid")
# The daemon's JVM start (the lab's namespaces come first): its start time since boot, in ticks.
ticks=$(getconf CLK_TCK)
started_ms=$((($(awk '/^btime/ {print $2}' /proc/stat) * ticks + $(awk '{print $22}' "/proc/$pid/stat")) * 1000 / ticks))
ready_at=$(sed -n 's/^\([^ ]*\) .*ready: first reconcile pass.*/\1/p' "$work/run/daemon.log" | head -1)
ready_ms=$(($(date -d "$ready_at" +%s%N) / 1000000 - started_ms))
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }
timeout 30 tail --pid="$pid" -f /dev/null || true
at_rest=$(rss)

end=$(($(date +%s) + load))
(while [ "$(date +%s)" -lt "$end" ]; do
    ip -n "$router" link set if1 down; sleep 0.2; ip -n "$router" link set if1 up; sleep 0.2
done) & pids+=($!)
(while [ "$(date +%s)" -lt "$end" ]; do
    ip netns exec "$router" snmpbulkwalk -v2c -c public -t 5 -r 0 127.0.0.1 .1 >/dev/null 2>&1 || true
done) & pids+=($!)
timeout $((load + 30)) ip netns exec "$router" /usr/bin/python3 - "$end" <<'CLIENT' &
import sys, time
from ncclient import manager
end = float(sys.argv[1])
with manager.connect(host="127.0.0.1", port=830, username="admin", password="admin", hostkey_verify=False,
                     look_for_keys=False, allow_agent=False, timeout=30) as m:
    while time.time() < end:
        m.get(("subtree", '<multihome xmlns="urn:multihome:yang:multihome"><provider/></multihome>'))
        m.get_config("running")
CLIENT
pids+=($!)
wait "${pids[@]}" || true
pids=()
after_load=$(rss)
printf '%s | start to ready %d ms | CPU until ready %d ms | RSS at rest %d MB | RSS after %d s of load %d MB | load avg %s | flags: %s\n' \
    "$label" "$ready_ms" "$cpu_ms" "$at_rest" "$load" "$after_load" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(tr '\0' ' ' <"/proc/$pid/cmdline" | grep -oE -- '-X[^ ]*' | tr '\n' ' ')"
