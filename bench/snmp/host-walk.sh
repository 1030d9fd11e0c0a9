#!/usr/bin/env bash
# A full SNMP walk from the host (127.0.0.1:PORT, the lab's way in) against the same walk inside
# the router's namespace (127.0.0.1:161), in ROUNDS interleaved pairs after a warm-up walk each,
# as root, in a demo lab of its own (namespaces mhsw-*, removed at the end, even on failure).
#
#   bench/snmp/host-walk.sh [ROUNDS]
# Build first: mvn -B -DskipTests package.
set -euo pipefail
rounds=${1:-12}
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=${MULTIHOME_LAB_SNMP_PORT:-11661}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MULTIHOME_LAB_PREFIX=${MULTIHOME_LAB_PREFIX:-mhsw} MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=$port MULTIHOME_LAB_METRICS_PORT=0
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
trap 'lab down || true; rm -rf "$work"' EXIT
lab up

# Milliseconds one walk takes from WHERE (host or inside); fails unless every varbind came.
walk() {
    local start end lines
    local -a run=(snmpwalk -v2c -c public -t 5 -r 0 -On)
    start=$(date +%s%N)
    if [ "$1" = host ]; then
        lines=$("${run[@]}" "127.0.0.1:$port" .1 | wc -l)
    else
        lines=$(ip netns exec "$MULTIHOME_LAB_PREFIX-router" "${run[@]}" 127.0.0.1:161 .1 | wc -l)
    fi
    end=$(date +%s%N)
    [ "$lines" -ge 300 ] || { echo "the walk from $1 returned only $lines varbinds" >&2; exit 1; }
    echo $(((end - start) / 1000000))
}
walk host >/dev/null
walk inside >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "round host_ms inside_ms ratio"
for r in $(seq 1 "$rounds"); do
    h=$(walk host)
    i=$(walk inside)
    echo "$r $h $i $(awk -v h="$h" -v i="$i" 'BEGIN { printf "%.2f", h / i }')"
done | tee "$work/rounds"
python3 - "$work/rounds" <<'SUMMARY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]).read().splitlines()[1:]]
host, inside, ratio = ([float(r[i]) for r in rows] for i in (1, 2, 3))
print("median host %d ms, inside %d ms, ratio %.2f (min %.2f, max %.2f)" % (
    statistics.median(host), statistics.median(inside), statistics.median(ratio), min(ratio), max(ratio)))
SUMMARY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
