#!/usr/bin/env bash
# NETCONF side by side, same client, same run (as root):
#   - yuma123 netconfd behind OpenSSH on 127.0.0.1:8830 (shared/bench/netconfd-up.sh),
#     ietf-interfaces payloads (each edit changes an interface's description);
#   - the multihome daemon in a lab router (namespaces mhncb-*), the client inside that
#     namespace on 127.0.0.1:830; each edit changes isp1's weight (2, 1, 2, ...), so every
#     commit replaces the default route's multipath nexthop group in the kernel before it
#     answers;
#   - the client's ceiling (CEILING=1): net.multihome.netconf.bench.NullServer, our SSH
#     transport and framing with handlers that do nothing, on 127.0.0.1:8840.
# Client: shared/bench/nc-bench.py with --tick 0.001 (ncclient's 100 ms polling floor removed),
# through bench/netconf/nc-bench-alternating.py (the weight's "{w}" placeholder).
# Both servers run side by side; each gets WARMUP get-configs and edits first, then ROUNDS
# interleaved pairs (multihome, netconfd, multihome, netconfd ...) so that the noise of a
# shared machine hits both; the summary gives the median of the rounds and the load average.
#
#   bench/netconf-bench.sh [COUNT [WARMUP [ROUNDS]]]   COUNT operations per phase (default 1000),
#                                                      WARMUP per warm-up phase (default 3000),
#                                                      ROUNDS pairs (default 3)
# SHARED_BENCH: the peer scripts (nc-bench.py, netconfd-up.sh, payloads/); default
# ../shared/bench beside the repository. MVN: the Maven command (default mvn).
# The daemon runs with its AOT cache as installed, trained again after the build (aot-train).
# SEED (default 1): netconfd's running gets 20 more interfaces (bench/netconf/ietf-interfaces-seed.xml,
# removed at the end), so that its get-config reply is about the daemon's size (6.5 KB, 104
# elements against 4.7 KB, 171 elements); without, it is 0.4 KB and the client, which parses
# every reply under Python's GIL, spends half as much per get-config on netconfd. SEED=0: the
# runs before 2026-12-04 20:00 UTC.
set -euo pipefail
count=${1:-1000}
warmup=${2:-3000}
rounds=${3:-3}
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$top/../shared/bench}
[ -f "$shared/nc-bench.py" ] && [ -x "$shared/netconfd-up.sh" ] || {
    echo "netconf-bench: no nc-bench.py and netconfd-up.sh in $shared; set SHARED_BENCH to shared/bench" >&2
    exit 2
}
shared=$(cd "$shared" && pwd)
work=$(mktemp -d)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MULTIHOME_LAB_PREFIX=mhncb MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0 MULTIHOME_LAB_METRICS_PORT=0
null_pid=""
seeded=0
cgroups=()
seed_payload() { "${netconfd[@]}" --payload "$1" --phases edit --count 1 >/dev/null; }
cleanup() {
    [ "$seeded" = 0 ] || seed_payload "$top/bench/netconf/ietf-interfaces-seed-remove.xml" || true
    "$shared/netconfd-up.sh" stop >/dev/null 2>&1 || true
    "$top/packaging/bin/multihome" lab down >/dev/null 2>&1 || true
    [ -z "$null_pid" ] || kill "$null_pid" 2>/dev/null || true
    local cg
    for cg in "${cgroups[@]}"; do
        xargs -r -n1 <"$cg/cgroup.procs" >"$(dirname "$cg")/cgroup.procs" 2>/dev/null || true
        rmdir "$cg" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

# The daemon and the NullServer's classes. -am builds the modules they depend on in the same
# reactor, so a fresh clone needs nothing installed in the local repository.
echo "== build (log: $work/build.log) =="
(cd "$top" && ${MVN:-mvn} -B -q -DskipTests -pl service/daemon,service/netconf -am package \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
    >"$work/build.log" 2>&1) || { tail -30 "$work/build.log" >&2; exit 1; }
# The build rewrites the jars, which leaves the daemon's AOT cache stale (the launcher then runs
# without it, unlike an installed daemon, whose postinst trained one): train it again.
cache="$top/service/daemon/target/multihome.aot"
if [ -z "${MULTIHOME_JAVA_OPTS:-}" ] && { [ ! -f "$cache" ] || [ -n "$(find "$top/service/daemon/target/multihome.jar" \
    "$top/service/daemon/target/lib" "$top/packaging/bin/multihome" -newer "$cache" -print -quit)" ]; }; then
    echo "== AOT cache (packaging/lib/aot-train) =="
    "$top/packaging/lib/aot-train" "$top/packaging/bin/multihome" "$cache"
fi

client=(/usr/bin/python3 "$top/bench/netconf/nc-bench-alternating.py" "$shared/nc-bench.py" --tick 0.001)
router=(ip netns exec mhncb-router)
weight=(--payload "$top/bench/netconf/provider-weight.xml" --cleanup "$top/bench/netconf/provider-weight-reset.xml")

"$shared/netconfd-up.sh" start >/dev/null
nc_state=${NC_STATE:-/tmp/nc-anchors}
# netconfd's server CPU counts its sshd (with the per-connection children and the
# netconf-subsystem relay it starts) and netconfd itself.
netconfd=("${client[@]}" --port 8830 --user nctest --password nctest-pw
    --server-pids "$(cat "$nc_state/sshd.pid"),$(cat "$nc_state/netconfd.pid")"
    --payload "$shared/payloads/ietf-interfaces-merge.xml" --cleanup "$shared/payloads/ietf-interfaces-remove.xml")
"$top/packaging/bin/multihome" lab up >/dev/null
# Each server in a cgroup (v2) of its own, where one is mounted: its CPU per phase is read there
# (nc-bench-alternating.py, NC_SERVER_CPU_FD), which also counts netconfd's per-session sshd
# processes that end before a phase does; /proc lost most of them with 8 sessions. Otherwise /proc.
cpu_mh=() cpu_nc=()
cg_root=$(awk '$3 == "cgroup2" {print $2; exit}' /proc/self/mounts)
if [ -n "$cg_root" ] && mkdir "$cg_root/mhncb-multihome-$$" "$cg_root/mhncb-netconfd-$$" 2>/dev/null; then
    cgroups=("$cg_root/mhncb-multihome-$$" "$cg_root/mhncb-netconfd-$$")
    cat "$work/run/daemon.pid" >"${cgroups[0]}/cgroup.procs"
    for pid in $(cat "$nc_state/sshd.pid" "$nc_state/netconfd.pid"); do echo "$pid" >"${cgroups[1]}/cgroup.procs"; done
    exec {mh_fd}<"${cgroups[0]}/cpu.stat" {nc_fd}<"${cgroups[1]}/cpu.stat"
    cpu_mh=(env "NC_SERVER_CPU_FD=$mh_fd") cpu_nc=(env "NC_SERVER_CPU_FD=$nc_fd")
    netconfd=("${cpu_nc[@]}" "${netconfd[@]}")
else
    echo "== no cgroup v2 file system: server CPU from /proc (netconfd's 8-session figure reads low) =="
fi
multihome=("${router[@]}" "${cpu_mh[@]}" "${client[@]}" --port 830 --user admin --password admin
    --server-pids "$(cat "$work/run/daemon.pid")" "${weight[@]}")
if [ "${SEED:-1}" = 1 ]; then
    seed_payload "$top/bench/netconf/ietf-interfaces-seed.xml"
    seeded=1
fi
echo "== get-config reply: multihome $("${router[@]}" /usr/bin/python3 "$top/bench/netconf/reply-size.py" 830 admin admin)," \
    "netconfd $(/usr/bin/python3 "$top/bench/netconf/reply-size.py" 8830 nctest nctest-pw) =="

echo "== warm-up: $warmup get-configs and $warmup edits each =="
"${multihome[@]}" --count "$warmup" --phases getcfg,edit >/dev/null
"${netconfd[@]}" --count "$warmup" --phases getcfg,edit >/dev/null

# run LABEL ARGS...: one measured round; the table on stdout, the JSON line to $work/LABEL.json.
run() {
    local label=$1; shift
    echo "-- $label, round $r, load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$@" --count "$count" --label "$label" >"$work/out"
    sed '/^JSON/d' "$work/out"
    sed -n 's/^JSON //p' "$work/out" >>"$work/$label.json"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$rounds"); do
    run multihome "${multihome[@]}"
    run netconfd "${netconfd[@]}"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$seeded" = 1 ]; then
    seed_payload "$top/bench/netconf/ietf-interfaces-seed-remove.xml"
    seeded=0
fi
"$top/packaging/bin/multihome" lab down >/dev/null
"$shared/netconfd-up.sh" stop >/dev/null

labels=(multihome netconfd)
if [ "${CEILING:-0}" = 1 ]; then
    echo "== ceiling: NullServer =="
    cp=$(cat "$top/service/netconf/target/bench-classpath.txt")
    "$JAVA_HOME/bin/java" -cp "$top/service/netconf/target/test-classes:$top/service/netconf/target/classes:$cp" \
        net.multihome.netconf.bench.NullServer 8840 >"$work/null.log" 2>&1 &
    null_pid=$!
    for _ in $(seq 1 100); do grep -q "listening" "$work/null.log" && break; sleep 0.1; done
    null=("${client[@]}" --port 8840 --user admin --password admin --server-pids "$null_pid" "${weight[@]}")
    "${null[@]}" --count "$warmup" --phases getcfg,edit >/dev/null
    for r in $(seq 1 "$rounds"); do run ceiling "${null[@]}"; done
    labels+=(ceiling)
fi

echo "== medians of $rounds rounds (load average before $load_before, after $load_after) =="
/usr/bin/python3 "$top/bench/netconf/summary.py" "${labels[@]/#/$work/}"
