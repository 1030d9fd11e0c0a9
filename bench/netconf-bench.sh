#!/usr/bin/env bash
# NETCONF side by side, same client, same run (as root):
#   1. yuma123 netconfd behind OpenSSH on 127.0.0.1:8830 (shared/bench/netconfd-up.sh),
#      ietf-interfaces payloads;
#   2. the multihome daemon in a lab router (namespaces mhncb-*), the client inside that
#      namespace on 127.0.0.1:830; each edit changes isp1's description, and every commit
#      validates the whole configuration and plans it before it answers;
#   3. the client's ceiling: net.multihome.netconf.bench.NullServer, our SSH transport and
#      framing with handlers that do nothing, on 127.0.0.1:8840. No server can be measured
#      above it by this client on this machine.
# Client: shared/bench/nc-bench.py with --tick 0.001 (ncclient's 100 ms polling floor removed).
# Each server is measured twice: "cold", right after it started, and "warm", after WARMUP
# get-configs and edits (the JVM's JIT compiles the hot paths in the first thousands of
# requests; netconfd gets the same warm-up).
#
#   bench/netconf-bench.sh [COUNT [WARMUP]]   COUNT operations per phase (default 1000),
#                                             WARMUP operations per warm-up phase (default 10000)
set -euo pipefail
count=${1:-1000}
warmup=${2:-10000}
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$top/../shared/bench}
work=$(mktemp -d)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MULTIHOME_LAB_PREFIX=mhncb MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0
null_pid=""
cleanup() {
    "$shared/netconfd-up.sh" stop >/dev/null 2>&1 || true
    "$top/packaging/bin/multihome" lab down >/dev/null 2>&1 || true
    [ -z "$null_pid" ] || kill "$null_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
bench=(/usr/bin/python3 "$shared/nc-bench.py" --tick 0.001)

# measure LABEL ARGS...: a cold run, a warm-up, a warm run.
measure() {
    local label=$1; shift
    echo "-- $label, cold"
    "${bench[@]}" --count "$count" --label "$label-cold" "$@" | sed '/^JSON/d'
    "${bench[@]}" --count "$warmup" --phases getcfg,edit "$@" >/dev/null
    echo "-- $label, warm (after $warmup get-configs and $warmup edits)"
    "${bench[@]}" --count "$count" --label "$label-warm" "$@" | sed '/^JSON/d'
}

echo "== netconfd (yuma123) =="
"$shared/netconfd-up.sh" start >/dev/null
nc_state=${NC_STATE:-/tmp/nc-anchors}
# Server CPU of netconfd counts its sshd (with the per-connection children and the
# netconf-subsystem relay it starts) and netconfd itself.
measure netconfd --port 8830 --user nctest --password nctest-pw \
    --server-pids "$(cat "$nc_state/sshd.pid"),$(cat "$nc_state/netconfd.pid")" \
    --payload "$shared/payloads/ietf-interfaces-merge.xml" --cleanup "$shared/payloads/ietf-interfaces-remove.xml"
"$shared/netconfd-up.sh" stop >/dev/null

echo "== multihome =="
"$top/packaging/bin/multihome" lab up >/dev/null
bench=(ip netns exec mhncb-router /usr/bin/python3 "$shared/nc-bench.py" --tick 0.001)
measure multihome --port 830 --user admin --password admin --server-pids "$(cat "$work/run/daemon.pid")" \
    --payload "$top/bench/netconf/provider-description.xml" \
    --cleanup "$top/bench/netconf/provider-description-remove.xml"
"$top/packaging/bin/multihome" lab down >/dev/null

echo "== ceiling: NullServer =="
(cd "$top" && mvn -q -B -o -pl service/netconf test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp" >"$work/build.log" 2>&1) \
    || { tail -20 "$work/build.log" >&2; exit 1; }
"$JAVA_HOME/bin/java" -cp "$top/service/netconf/target/test-classes:$top/service/netconf/target/classes:$(cat "$work/cp")" \
    net.multihome.netconf.bench.NullServer 8840 >"$work/null.log" 2>&1 &
null_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/null.log" && break; sleep 0.1; done
bench=(/usr/bin/python3 "$shared/nc-bench.py" --tick 0.001)
measure ceiling --port 8840 --user admin --password admin --server-pids "$null_pid" \
    --payload "$top/bench/netconf/provider-description.xml"
