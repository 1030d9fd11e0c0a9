#!/usr/bin/env bash
# The daemon's state under load (issue 10), as root, on labs of its own (namespaces mhstb-*,
# removed at the end, even on failure):
#   1. <get> of provider state (filter <multihome><provider/></multihome>) while probing runs:
#      1 session, then SESSIONS sessions at once; ops/s and p99. Every RPC times out after
#      5 s: a session that times out stops, and the run reports the daemon as wedged.
#   2. commit-to-kernel latency of a weight change: <edit-config> on candidate changing isp1's
#      weight, then <commit> (answered once the kernel's group has the new weight); p50 and
#      p99, with no policies and with POLICIES policies in the configuration.
# Client: bench/state/state-client.py (ncclient, /usr/bin/python3, TICK 1 ms), run inside the
# lab router's namespace against 127.0.0.1:830. The lab is the demo lab (examples/lab.xml).
#
#   [JFR=FILE] bench/state-bench.sh [GETS [COMMITS [POLICIES [SESSIONS]]]]
#     GETS per session (default 2000), COMMITS timed (default 200, after 100 untimed),
#     POLICIES (default 4000), SESSIONS (default 4). JFR=FILE records the daemon with Java
#     Flight Recorder (profile settings) during the timed commits with POLICIES policies.
# Build first: mvn -B -DskipTests package.
set -euo pipefail
gets=${1:-2000}
commits=${2:-200}
policies=${3:-4000}
sessions=${4:-4}
warmup=100
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MULTIHOME_LAB_PREFIX=${MULTIHOME_LAB_PREFIX:-mhstb} MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0 MULTIHOME_LAB_FACTORY="$work/config.xml"
router=$MULTIHOME_LAB_PREFIX-router
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
trap 'lab down || true; rm -rf "$work"' EXIT

# client LABEL ARGS...: the client in the router's namespace, bounded by timeout(1) as well;
# an RPC that timed out (exit 3) is a result, not a failure of the script.
client() {
    local label=$1; shift
    timeout 600 ip netns exec "$router" /usr/bin/python3 "$top/bench/state/state-client.py" \
        --label "$label" "$@" | tee -a "$work/results" | sed '/^JSON/d' || [ "$?" -eq 3 ]
}

# get_state SESSIONS: a fresh daemon (a wedged one is killed), then SESSIONS sessions of <get>.
get_state() {
    lab stop-daemon
    lab start-daemon
    client "get provider state, $1 session(s)" get --sessions "$1" --count "$gets"
    tail -1 "$work/results" | grep -o '"per_session_done": \[[0-9, ]*\], "sessions": [0-9]*, "timeouts": [0-9]*, "wedged": [a-z]*' \
        | sed 's/^/   /'
    if ip netns exec "$router" timeout 15 /usr/bin/python3 "$top/bench/state/state-client.py" get --count 1 \
            --timeout 5 >/dev/null 2>&1; then
        echo "   afterwards: a new session's <get> is answered"
    else
        echo "   afterwards: a new session's <get> is not answered within 5 s (daemon wedged)"
    fi
}

# The kernel's IPv4 default group (id 1296564225, see Planner); isp1 is member 1296564240.
default_group() { ip -n "$router" nexthop show id 1296564225; }

# commit_latency LABEL [COMMAND...]: untimed warm-up commits, COMMAND, then the timed commits.
commit_latency() {
    local label=$1; shift
    client "warm-up" commit --count 0 --warmup "$warmup" >/dev/null
    "$@"
    client "$label" commit --count "$commits"
    local wanted
    wanted=$(tail -1 "$work/results" | sed 's/^JSON //' | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["last_weight"])')
    echo "   kernel: $(default_group) (isp1 is member 1296564240, last committed weight: $wanted)"
}

echo "== $(date -u '+%Y-%m-%d %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
printf '%-44s %6s %9s %9s %9s\n' "run" "n" "ops/s" "p50_ms" "p99_ms"

cp "$top/packaging/examples/lab.xml" "$work/config.xml"
lab up
commit_latency "weight edit+commit, 0 policies" true
get_state 1
get_state "$sessions"
lab down

/usr/bin/python3 "$top/bench/state/with-policies.py" "$top/packaging/examples/lab.xml" "$policies" >"$work/config.xml"
lab up
echo "   kernel: $(ip -n "$router" rule show | wc -l) rules"
jfr_start() {
    [ -n "${JFR:-}" ] || return 0
    "$JAVA_HOME/bin/jcmd" "$(cat "$work/run/daemon.pid")" JFR.start name=state-bench settings=profile \
        filename="$(realpath -m "$JFR")" >/dev/null
}
commit_latency "weight edit+commit, $policies policies" jfr_start
if [ -n "${JFR:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "$(cat "$work/run/daemon.pid")" JFR.stop name=state-bench >/dev/null
    echo "   JFR recording: $JFR"
fi
