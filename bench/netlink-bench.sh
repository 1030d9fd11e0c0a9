#!/usr/bin/env bash
# netlink-bench.sh — multihome's netlink layer against `ip -batch`, back to back.
#
# Usage:  sudo bench/netlink-bench.sh N [RUNS]
#   N     routes and weighted multipath routes to add and remove (e.g. 10000)
#   RUNS  timed repetitions per operation, median reported (default 5)
# Environment:
#   RULES=1000      rules to add and remove
#   NH_GROUPS=1000     nexthops, hash-threshold groups and resilient groups (each)
#   IPROUTE2_BENCH  baseline script (default /work/shared/bench/iproute2-bench.sh)
#   JAVA_HOME       a JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
#
# Builds the test classes of service/netlink, runs net.multihome.netlink.bench.NetlinkBenchmark
# in a fresh namespace (veth wan1/wan2 like the baseline), deletes it, then runs the iproute2
# baseline with N (routes) and with RULES (rules, nexthops; NAIVE_N=0) and prints ratios.
# The root namespace is never touched.
set -euo pipefail

N=${1:-}
RUNS=${2:-5}
RULES=${RULES:-1000}
NH_GROUPS=${NH_GROUPS:-1000}
IPROUTE2_BENCH=${IPROUTE2_BENCH:-/work/shared/bench/iproute2-bench.sh}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

die() { echo "netlink-bench: $*" >&2; exit 2; }
[[ $N =~ ^[0-9]+$ ]] && (( N >= 2 && N <= 200000 )) || die "usage: $0 N [RUNS]   (N in 2..200000)"
[[ $RUNS =~ ^[0-9]+$ ]] && (( RUNS >= 1 && RUNS <= 50 )) || die "RUNS must be 1..50"
[[ $RULES =~ ^[0-9]+$ ]] && (( RULES >= 2 && RULES <= 200000 )) || die "RULES must be 2..200000"
[[ $NH_GROUPS =~ ^[0-9]+$ ]] && (( NH_GROUPS >= 2 && NH_GROUPS <= 100000 )) || die "NH_GROUPS must be 2..100000"
(( EUID == 0 )) || die "needs root (creates network namespaces)"
[[ -x $IPROUTE2_BENCH ]] || die "baseline $IPROUTE2_BENCH not found"

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/netlink-bench.XXXXXX)
NS="mhbench$$"
NS_CREATED=0
cleanup() {
  (( NS_CREATED )) && ip netns del "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mvn_nl() { # goal args... ; offline first, online if a plugin is missing
  (cd "$ROOT" && { mvn -q -B -o -pl service/netlink "$@" || mvn -q -B -pl service/netlink "$@"; })
}
echo "# building service/netlink test classes" >&2
mvn_nl test-compile > "$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; die "build failed"; }
mvn_nl dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" \
  > "$WORK/cp.log" 2>&1 || { tail -20 "$WORK/cp.log" >&2; die "classpath failed"; }
CP="$ROOT/service/netlink/target/test-classes:$ROOT/service/netlink/target/classes:$(cat "$WORK/cp")"

ip netns add "$NS"; NS_CREATED=1
ip -n "$NS" link set lo up
ip -n "$NS" link add wan1 type veth peer name wan1p
ip -n "$NS" link add wan2 type veth peer name wan2p
ip -n "$NS" addr add 192.0.2.2/24 dev wan1
ip -n "$NS" addr add 198.51.100.2/24 dev wan2
for d in wan1p wan2p wan1 wan2; do ip -n "$NS" link set "$d" up; done
for _ in $(seq 100); do   # bounded wait for carrier (nexthops need it)
  [[ $(ip -n "$NS" -br link show wan1) == *" UP "* && $(ip -n "$NS" -br link show wan2) == *" UP "* ]] && break
  sleep 0.05
done

echo "# kernel $(uname -r), $(ip -V 2>&1 | head -1), cpus=$(nproc), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
timeout 900 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" \
  net.multihome.netlink.bench.NetlinkBenchmark "/run/netns/$NS" "$N" "$RULES" "$NH_GROUPS" "$RUNS" | tee "$WORK/nl"
ip netns del "$NS"; NS_CREATED=0

NAIVE_N=0 timeout 1800 "$IPROUTE2_BENCH" "$N" "$RUNS" | tee "$WORK/ip.routes"
if [[ $RULES == "$N" && $NH_GROUPS == "$N" ]]; then
  cp "$WORK/ip.routes" "$WORK/ip.small"
else
  (( RULES == NH_GROUPS )) || die "RULES and NH_GROUPS must be equal for the baseline (one N per iproute2 run)"
  NAIVE_N=0 timeout 1800 "$IPROUTE2_BENCH" "$RULES" "$RUNS" | tee "$WORK/ip.small"
fi

rate() { awk -v op="$2" '$1 == op {print $5}' "$1"; }
echo
echo "# multihome netlink vs ip -batch (ops/s, median of $RUNS; ratio > 1: netlink faster)"
printf '%-12s %8s %14s %-14s %14s %7s\n' op count netlink ip_op ip_batch ratio
while read -r ours theirs file count; do
  a=$(rate "$WORK/nl" "$ours"); b=$(rate "$WORK/$file" "$theirs")
  [[ -n $a && -n $b ]] || continue
  printf '%-12s %8s %14s %-14s %14s %7s\n' "$ours" "$count" "$a" "$theirs" "$b" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')"
done <<TABLE
route.add route.add ip.routes $N
route.del route.flush ip.routes $N
mpath.add mpath.add ip.routes $N
mpath.del mpath.flush ip.routes $N
rule.add rule.add ip.small $RULES
rule.del rule.flush ip.small $RULES
nh.add nh.add ip.small $NH_GROUPS
nhgrp.add nhgrp.add ip.small $NH_GROUPS
nhres.add nhres.add ip.small $NH_GROUPS
nh.del nh.flush ip.small $((3 * NH_GROUPS))
TABLE
