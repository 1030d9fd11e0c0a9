#!/usr/bin/env bash
# Failover benchmark: time from a fault to the provider's removal from the main default route,
# per failure mode, on a lab of three providers (as root; namespaces mhbench-*, removed at the end).
#
#   [MODES="link admin"] bench/failover-bench.sh [RUNS] [INTERVAL_MS [TIMEOUT_MS]]
#
# INTERVAL_MS 0 (default) keeps the YANG defaults (200 ms interval, 200 ms timeout); another
# value sets the interval, and the timeout to TIMEOUT_MS (default: the interval). Damping is
# switched off so that RUNS faults in a row are not held down as flapping. Each fault is made
# with `multihome lab fail isp2 MODE` and timed in one Java process
# (net.multihome.netlink.bench.FaultWithdrawal): from the command's start, from its end, and
# from the kernel's notification of the fault (a link or address event in the namespace where
# it is made; farside, an nftables rule, has none), to the first dump of the main default's
# group without isp2's member (dumps every 0.5 ms). Each fault falls at a random point of the
# probe interval.
set -euo pipefail
runs=${1:-10}
interval=${2:-0}
timeout=${3:-$interval}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export MULTIHOME_LAB_PREFIX=mhbench MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_FACTORY="$work/config.xml"
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
trap 'lab down; rm -rf "$work"' EXIT

health="<damping><enabled>false</enabled></damping>"
if [ "$interval" != 0 ]; then
    health="<interval>$interval</interval><timeout>$timeout</timeout>$health"
fi
sed "s#<health-check>#<health-check>$health#" "$top/packaging/examples/lab-three.xml" >"$work/config.xml"
lab up

group=1296564225
member=1296564242
echo "interval / timeout: $([ "$interval" = 0 ] && echo "YANG defaults (200 ms / 200 ms)" || echo "$interval ms / $timeout ms")"

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
(cd "$top" && mvn -q -B -o -pl service/netlink test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp" >"$work/build.log" 2>&1) \
    || { tail -20 "$work/build.log" >&2; exit 1; }
classpath="$top/service/netlink/target/test-classes:$top/service/netlink/target/classes:$(cat "$work/cp")"

# The namespace whose rtnetlink events mark the moment of each fault ("-": nftables, none).
fault_netns() {
    case "$1" in
        admin) echo /run/netns/mhbench-router ;;
        farside) echo - ;;
        *) echo /run/netns/mhbench-isp2 ;;
    esac
}

for mode in ${MODES:-gateway upstream farside link admin}; do
    echo "$mode ($runs runs):"
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" \
        net.multihome.netlink.bench.FaultWithdrawal /run/netns/mhbench-router "$group" "$member" \
        "$(fault_netns "$mode")" "$top/packaging/bin/multihome lab fail isp2 $mode >/dev/null" \
        "$top/packaging/bin/multihome lab restore isp2 >/dev/null" "$runs" "$([ "$interval" = 0 ] && echo 200 || echo "$interval")"
done
